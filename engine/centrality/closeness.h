#pragma once
// Closeness centrality (Bavelas 1950; Freeman 1979): how near a vertex is to
// the others, the inverse of its mean shortest-path distance.
//
// Two conventions for graphs that are not connected (the usual case for a
// case graph: isolates, separate groups), both offered:
// - wasserman_faust (the DEFAULT, networkx closeness_centrality with
//   wf_improved=True; Wasserman & Faust 1994, eq. 5.5):
//     C(v) = (r-1)/(n-1) * (r-1)/sum_d
//   where r counts the vertices that reach v (v included) and sum_d is the sum
//   of their distances. The factor (r-1)/(n-1) scales by the share of the
//   graph v is connected to.
// - reachable_only (igraph closeness, normalized=True):
//     C(v) = (r-1)/sum_d
//   over the reachable vertices only.
// On a connected graph the two agree. Why Wasserman-Faust is the default: under
// reachable-only a pair of people linked only to each other scores 1.0, the
// highest possible, above the hub of a 500-person network; an analyst ranking
// "who is closest to everyone" would be misled. Wasserman-Faust gives that
// pair 1/(n-1).
// A vertex that nobody reaches (or n = 1) scores 0 in both (igraph returns
// NaN there; the reference tables, and casegraph, write 0).
//
// Direction (directed graphs): incoming (DEFAULT, networkx) measures the
// distances from the others TO v; outgoing the distances from v to the others
// (igraph mode="out"). Weighted: weights are lengths (shortest_paths.h).
// Exact: one BFS/Dijkstra per vertex, spread over OpenMP threads; each score
// is computed by one thread alone, so results do not depend on the thread
// count.
#include <vector>

#include "engine/centrality/shortest_paths.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class DisconnectedConvention { wasserman_faust, reachable_only };

struct ClosenessParams {
  bool weighted = false;  // weights as lengths; must be finite and > 0
  DisconnectedConvention convention = DisconnectedConvention::wasserman_faust;
  PathDirection direction = PathDirection::incoming;
  int threads = 0;  // 0: all (OpenMP default)
};

struct ClosenessResult {
  std::vector<double> score;
};

// Throws std::invalid_argument for a weight that is not finite and > 0 when weighted.
ClosenessResult closeness(const CsrGraph& graph, const ClosenessParams& params = {});

}  // namespace casegraph
