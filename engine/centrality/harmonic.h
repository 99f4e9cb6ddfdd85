#pragma once
// Harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014):
//   H(v) = sum over u != v of 1 / d(u, v),
// an unreachable u adding 0, so it needs no convention for disconnected
// graphs: it is the closeness measure to prefer on them.
//
// Conventions:
// - normalized = false (DEFAULT): the raw sum, as networkx
//   harmonic_centrality; normalized = true divides by n-1, as igraph
//   harmonic_centrality(normalized=True) does.
// - Direction (directed graphs): incoming (DEFAULT, networkx) sums 1/d(u, v)
//   over paths from the others to v; outgoing over paths from v.
// - Weighted: weights are lengths (shortest_paths.h).
// Exact, one BFS/Dijkstra per vertex over OpenMP threads; thread-count
// independent.
#include <vector>

#include "engine/centrality/shortest_paths.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

struct HarmonicParams {
  bool weighted = false;
  bool normalized = false;
  PathDirection direction = PathDirection::incoming;
  int threads = 0;
};

struct HarmonicResult {
  std::vector<double> score;
};

// Throws std::invalid_argument for a weight that is not finite and > 0 when weighted.
HarmonicResult harmonic(const CsrGraph& graph, const HarmonicParams& params = {});

}  // namespace casegraph
