#pragma once
// Clusters joined by call evidence merge: after detection, split and
// evidence_pull.h, two communities whose call ties to each other weigh at
// least `share` of the smaller one's call ties inside it (and at least
// `min_weight`) become one, when the two together have at most `max_size`
// people.
//
// Why: a ring's offenders and children sometimes land in two communities,
// each half with its own households, and the pull moves people one at a
// time, so a half held together by its own ties does not move. The analyst
// then reviews the ring twice (synth 10k: ranks 5 and 6, 7 and 8; the
// example's network A at ranks 1 and 2), each half without the other's
// victims or suspects. Only call ties count (evidence_ties.h's call_ties,
// episode_calls and night_calls; analysis.cpp builds them), so a shared
// household joins nothing; co-presence ties are left out because the taxi
// firm's drivers hold the vehicles seen where the children were.
//
// Pairs merge heaviest tie first (then by community number), each community
// once a round, a few rounds: deterministic.
#include <cstdint>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct MergeParams {
  double share = 0.4;         // of the smaller community's inner call weight
  double min_weight = 6.0;    // tie weight between the two, at least (one call before a missing episode)
  std::uint32_t max_size = 50;  // people in the merged community, at most; 0 = no limit
  int rounds = 3;             // 0 = no merge
};

// `membership[v]` is v's community; `calls` has the same vertices (each tie
// once per direction). Returns the membership after merges: the smaller
// community takes the larger's number (the smaller number when equal) and
// empties.
std::vector<std::uint32_t> merge_joined_clusters(const CsrGraph& calls, std::vector<std::uint32_t> membership,
                                                 const MergeParams& params);

}  // namespace casegraph
