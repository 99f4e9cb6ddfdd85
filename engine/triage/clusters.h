#pragma once
// Ranked clusters for review: the communities of the person-person projection,
// each scored from behaviour and links only. No protected characteristic
// (ethnicity, nationality, religion) and no name is an input: the score reads
// link types, counts and dates, nothing else.
//
// Score of a cluster (members = its people; at least two):
//   3                 if it holds both a victim and a suspect (the link that matters)
// + log2(1 + V)       V = victims: people who are victim_in an occurrence or reported_missing
// + log2(1 + S)       S = suspects: people who are suspect_in an occurrence or subject_of intelligence
// + log2(1 + M)       M = missing episodes of its members (repeat episodes are the strongest signal)
// + 0.5 log2(1 + L)   L = distinct links between its members' evidence (volume of evidence)
// + R                 R = exp(-age / 365 days), age = the case's latest date minus the cluster's latest
// Logarithms make each extra item count for less, so volume alone (a prolific
// burglary crew) does not outrank a small group with victims and suspects.
// Every component carries the links behind it, each traced to its source record.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"

namespace casegraph {

struct ScoreComponent {
  std::string name;    // "victim_and_suspect", "victims", "suspects", "missing_episodes", "links", "recency"
  double count = 0;    // what was counted
  double points = 0;   // its contribution to the score
  std::vector<std::int64_t> link_ids;  // evidence: the case-file links behind it
};

struct RankedCluster {
  std::int64_t rank = 0;  // 1 = review first
  std::int64_t community = 0;
  double score = 0;
  std::vector<std::int64_t> members;  // canonical entity ids of its people
  std::vector<ScoreComponent> components;
};

struct ClusterParams {
  std::uint32_t min_people = 2;
};

// `membership[i]` is the community of projection vertex i.
std::vector<RankedCluster> rank_clusters(const CaseGraph& case_graph, const Projection& projection,
                                         const std::vector<std::uint32_t>& membership,
                                         const ClusterParams& params);

nlohmann::json to_json(const ScoreComponent& component);

}  // namespace casegraph
