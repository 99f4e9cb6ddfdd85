#pragma once
// PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999) and
// personalised PageRank (Haveliwala 2002), by power iteration in pull form.
//
// Conventions (tested against networkx 2.8.8 pagerank and igraph 0.10.2
// personalized_pagerank / PRPACK on the reference networks):
// - x' = d * (P^T x + (sum of x over dangling vertices) * p) + (1 - d) * p, where
//   P[u][v] = w(u,v) / (total out-weight of u) and p is the personalisation
//   vector (uniform by default). A dangling vertex (no out-arcs, or out-weight
//   0) hands its score out by p, as networkx does by default and igraph does
//   for personalised PageRank.
// - Undirected graphs walk each edge both ways (isolates are dangling).
// - weighted = false walks every arc with weight 1 even when the graph has
//   weights; weights must be finite and >= 0.
// - Stops when the L1 change between iterations falls below `tolerance`; the
//   L1 error is then at most tolerance * d / (1 - d), so the default 1e-12
//   agrees with PRPACK's direct solve (igraph) to about 1e-11 absolute.
//   Not converging within max_iterations is reported, not thrown.
// - Scores sum to 1.
// Why not Eigen's sparse mat-vec: it would copy the graph into an Eigen
// matrix; the pull loop in pagerank.cpp reads the CSR in-arcs in place, one
// row per OpenMP iteration, so each score is summed in a fixed order and
// results do not depend on the thread count beyond two reductions (dangling
// mass, L1 change). One parallel loop (one barrier) per iteration.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct PageRankParams {
  double damping = 0.85;                // in [0, 1]
  bool weighted = false;                // use the arc weights (transition probability ~ weight)
  std::vector<double> personalization;  // empty: uniform; else n values >= 0 with a positive sum (normalised)
  double tolerance = 1e-12;             // L1 change between iterations
  int max_iterations = 1000;
  int threads = 0;                      // 0: all (OpenMP default); graphs under 65,536 rows + arcs use 1
};

struct PageRankResult {
  std::vector<double> score;  // sums to 1 (empty for the null graph)
  int iterations = 0;
  bool converged = false;
};

// Throws std::invalid_argument for a damping outside [0, 1], a personalisation
// vector of the wrong length, negative, non-finite or all zero, or a negative
// or non-finite weight when weighted.
PageRankResult pagerank(const CsrGraph& graph, const PageRankParams& params = {});

}  // namespace casegraph
