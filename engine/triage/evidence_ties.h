#pragma once
// The graph triage finds communities on: ties of evidence between people, with
// the person projection only as weak background.
//
// Why not the projection alone: it links people through what they share
// (a flat, a car, a place, a phone's contacts) up to three hops, discounted by
// how many share it (engine/graph/projection.h). At synth scale every phone is
// reached by more than hub_limit people in three hops, so phones are hubs and
// calls link nobody; households, classmates and care-home residents then
// decide the communities, and an offender lands with his own family rather
// than with the children he contacts. An analyst links an offender to a child
// by what the records say of the two of them; each tie below is such a record
// (or a set of them), and each is traced: the score's evidence (clusters.h)
// names the same links.
//
// Ties (weights add; each family can be switched off by name in
// ClusterParams::disabled for ablation):
//   projection     projection_tie x the projection weight (background: shared
//                  flats, cars, small places, co-naming in one record)
//   call_ties      call_tie x log2(1 + n) x 2 / (d_a + d_b) per pair of users
//                  of two phones with n calls between them; d = distinct
//                  phones each phone was in contact with (a line that calls
//                  hundreds ties nobody)
//   episode_calls  episode_call_tie x log2(1 + E): E = the distinct missing
//                  episodes of one of the two that started within
//                  episode_call_window after a call between them (who she
//                  was in contact with just before she went: the first
//                  question of a return interview)
//   night_calls    night_call_tie x log2(1 + N): N = calls between 22:00 and
//                  03:59 between an adult and a child (ages from dates of
//                  birth, at the call) who share no address
//   copresence_ties copresence_tie x log2(1 + S) for a missing child and a
//                  holder of a vehicle or phone seen where she was while
//                  missing (engine/linking/copresence.h): S = sum over the
//                  distinct episodes of the finding's specificity (1/(k-1), k
//                  = subjects ever seen at the place), halved when the place
//                  is her home (where she went from) rather than where she
//                  was found, and scaled by holder_tie_share when the holder
//                  is not (yet) a suspect
// Cost: one pass over the links plus a sort of the call pairs (near-linear),
// once per analysis (EvidenceTies below).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"
#include "engine/triage/clusters.h"

namespace casegraph {

// The tie families above, by the names ClusterParams::disabled takes.
const std::vector<std::string>& tie_family_names();

// The people linked to each phone (phone entity -> person entities, each
// once, in link order).
PhoneUsers phone_users(const CaseGraph& case_graph);

// Calls between an adult and a child who share no address, at night or
// within `episode_window` before one of the child's missing episodes began
// (only those: ordinary daytime contact is not kept).
std::vector<ContactFinding> contact_findings(const CaseGraph& case_graph, const PhoneUsers& users,
                                            const std::unordered_map<std::int64_t, Timestamp>& born,
                                            Timestamp episode_window);

// Each tie family's person-pair weights, built once per analysis: the
// communities, the follow step (evidence_pull.h) and the merge step
// (merge_clusters.h) each read a different combination of them.
class EvidenceTies {
 public:
  EvidenceTies(const CaseGraph& case_graph, const Projection& projection, const ClusterInputs& inputs,
               const ClusterParams& params);

  // The graph of the named families (tie_family_names; "projection" adds the
  // background), over the projection's vertices; families disabled in the
  // params are left out whether named or not.
  CsrGraph graph(const std::vector<std::string>& families) const;

 private:
  // Person-pair weights keyed by (u << 32 | v), u < v projection vertices.
  using PairWeights = std::unordered_map<std::uint64_t, double>;

  const Projection& projection_;
  double background_;  // projection_tie, 0 when "projection" is disabled
  std::vector<std::pair<std::string, PairWeights>> families_;  // in tie_family_names order
};

// The graph communities are detected on (see above): every family.
CsrGraph clustering_graph(const CaseGraph& case_graph, const Projection& projection, const ClusterInputs& inputs,
                          const ClusterParams& params);

}  // namespace casegraph
