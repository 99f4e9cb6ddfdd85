#pragma once
// PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999) and
// personalised PageRank (Haveliwala 2002), by pull-form block Gauss-Seidel
// iteration (as PRPACK, which igraph uses, solves by Gauss-Seidel).
//
// Conventions (tested against networkx 2.8.8 pagerank and igraph 0.10.2
// personalized_pagerank / PRPACK on the reference networks):
// - x = d * (P^T x + (sum of x over dangling vertices) * p) + (1 - d) * p, where
//   P[u][v] = w(u,v) / (total out-weight of u) and p is the personalisation
//   vector (uniform by default). A dangling vertex (no out-arcs, or out-weight
//   0) hands its score out by p, as networkx does by default and igraph does
//   for personalised PageRank.
// - Undirected graphs walk each edge both ways (isolates are dangling).
// - weighted = false walks every arc with weight 1 even when the graph has
//   weights; weights must be finite and >= 0.
// - Iteration: vertices are cut into fixed blocks of 262,144; a sweep updates
//   each block in vertex order, a vertex reading the scores its block has
//   already updated in this sweep (Gauss-Seidel) and the other blocks' scores
//   and the dangling mass from the previous sweep (Jacobi). Gauss-Seidel needs
//   about half the sweeps of plain power iteration; the blocks run in parallel
//   (a graph of one block runs on one thread).
// - Stops when the L1 change of a sweep falls below `tolerance` (PRPACK's
//   test; igraph calls it with 1e-10). The default 1e-12 agrees with igraph's
//   PRPACK result to about 1e-11 absolute per vertex.
//   Not converging within max_iterations is reported, not thrown.
// - Scores sum to 1.
// - Deterministic, and the same bits at every thread count: blocks are fixed
//   by the vertex count alone, and the per-sweep sums (L1 change, dangling
//   mass) are added per block and then in block order.
// Why not Eigen's sparse mat-vec: it would copy the graph into an Eigen
// matrix and could not do Gauss-Seidel; the loop in pagerank.cpp reads the
// CSR in-arcs in place. One OpenMP parallel region for the whole solve, one
// barrier per sweep: barriers, not arithmetic, are what costs when the cores
// are shared.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct PageRankParams {
  double damping = 0.85;                // in [0, 1]
  bool weighted = false;                // use the arc weights (transition probability ~ weight)
  std::vector<double> personalization;  // empty: uniform; else n values >= 0 with a positive sum (normalised)
  double tolerance = 1e-12;             // L1 change of a sweep
  int max_iterations = 1000;
  int threads = 0;                      // 0: all (OpenMP default); at most one per 262,144-vertex block
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
