#pragma once
// Ranked clusters for review: the communities of the person-person projection,
// each scored from behaviour and links only. No protected characteristic
// (ethnicity, nationality, religion) and no name is an input: the score reads
// link types, dates, gradings and the offence type of occurrences, nothing
// else (tests/triage_test.cpp asserts that person attributes change no score).
//
// Score of a cluster (members = its people; at least two). Each component
// names the links behind it, so every point is traced to source rows:
//   3                   victim_and_suspect: it holds both a victim and a suspect
// + log2(1 + V)         victims: people victim_in an occurrence or reported_missing
// + log2(1 + R)         repeat_missing: R = episodes beyond the first, summed over
//                       members with two or more missing episodes
// + log2(1 + S)         suspects: people suspect_in an occurrence or subject_of intelligence
// + log2(1 + F)         suspect_occurrences: F = sum of gravity (gravity.h) over the
//                       distinct occurrences in which a member is a suspect
// + G                   gravity: the highest gravity (0..3) of an occurrence in
//                       which a member is a victim or a suspect
// + log2(1 + I)         intelligence: I = sum of grading confidence (1A = 1 .. 3E = 0.2)
//                       over the distinct reports with a member as subject
// + C_w log2(1 + C)     copresence: C = co-presence findings between a victim and a
//                       suspect of the cluster (a suspect's vehicle or phone where a
//                       victim was, inside a missing window), C_w = 2
// + 0.5 log2(1 + L)     links: L = distinct links of members and their events (volume)
// + exp(-age / 365)     recency: age = the case's latest date minus the cluster's, days
// Logarithms make each extra item count for less, so volume alone (a prolific
// burglary crew) does not outrank a small group with victims and suspects.
// ClusterParams::disabled removes components by name (for ablation studies).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"

namespace casegraph {

// One piece of evidence: a case-file link (whose record is the source row),
// the member it concerns, what it says and when.
struct EvidenceItem {
  std::int64_t link_id = 0;
  std::int64_t person = 0;  // canonical entity id of the member concerned
  std::string what;         // "suspect in EB/24/10840 (Sexual activity with a child, gravity 3)"
  std::optional<Timestamp> when;
  double weight = 1;        // what the item adds to the component's count (gravity, confidence, 1)
};

struct ScoreComponent {
  std::string name;   // see the list above
  double count = 0;   // what was counted
  double points = 0;  // its contribution to the score
  std::vector<EvidenceItem> evidence;
};

struct RankedCluster {
  std::int64_t rank = 0;  // 1 = review first
  std::int64_t community = 0;
  double score = 0;
  std::vector<std::int64_t> members;  // canonical entity ids of its people
  std::vector<ScoreComponent> components;
  double stability = -1;              // share of perturbed runs keeping the core together; -1 = not measured
  std::vector<std::int64_t> core;     // the members whose togetherness stability measures
};

// Co-presence of a victim and a suspect, as found by the linking step
// (engine/linking/copresence.h when present): the links that place them
// together (the missing episode, the sighting, the keeper or phone link).
struct CopresenceFinding {
  std::int64_t victim = 0;   // canonical entity ids
  std::int64_t suspect = 0;
  std::vector<std::int64_t> link_ids;
  std::optional<Timestamp> when;
  std::string what;
};

// What the score reads beyond the case graph's links.
struct ClusterInputs {
  // Occurrence entity id (canonical) -> offence type as recorded.
  std::unordered_map<std::int64_t, std::string> offence_of;
  std::vector<CopresenceFinding> copresence;
};

struct ClusterParams {
  std::uint32_t min_people = 2;
  double copresence_weight = 2.0;
  std::set<std::string> disabled;  // component names scored 0 (ablation)
};

// `membership[i]` is the community of projection vertex i.
std::vector<RankedCluster> rank_clusters(const CaseGraph& case_graph, const Projection& projection,
                                         const std::vector<std::uint32_t>& membership, const ClusterInputs& inputs,
                                         const ClusterParams& params);

// The component names, in score order.
const std::vector<std::string>& score_component_names();

nlohmann::json to_json(const EvidenceItem& item);
nlohmann::json to_json(const ScoreComponent& component);

}  // namespace casegraph
