#pragma once
// PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999) and
// personalised PageRank (Haveliwala 2002), by pull-form Gauss-Seidel with
// successive over-relaxation (as PRPACK, which igraph uses, solves by
// Gauss-Seidel).
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
// - Iteration: once per solve (and inside its time) the in-arcs are copied
//   into a sweep order: vertex ids re-sorted by in-degree inside windows of
//   8,192 (faster sweeps, see pagerank.cpp). Vertices with no in-arcs and
//   dangling vertices are left out of the sweeps: given the sweep's restart
//   mass their scores are closed-form (as PRPACK separates them). A sweep
//   updates the others in place, each reading the scores already updated in
//   this sweep (Gauss-Seidel), then scales the scores back to a sum of 1.
//   After 12 plain sweeps the rest are over-relaxed by an omega computed from
//   the observed contraction (back to plain Gauss-Seidel if the change ever
//   grows). Sweeps to 1e-12: soc-Slashdot 44 -> 34, planted graphs 50 -> 23-24
//   (see pagerank.cpp). The dangling mass comes from the previous sweep.
//   The sweeps run on single-precision shares until the L1 change falls below
//   1e-5 and in double precision after (5-7% less time on compare.py's 10M
//   graph, none lost or won on soc-Slashdot); a tolerance above 1e-5 ends in
//   the single-precision phase.
// - Stops when the L1 change of a sweep falls below `tolerance`. igraph calls
//   PRPACK with tol 1e-10, but PRPACK's test is stricter (the residual over
//   1 - d, per strongly connected component): against a long-double power
//   iteration to 1e-19, igraph's L1 error is 1.2e-12 on soc-Slashdot and
//   4.9e-13 on compare.py's 1M/10M planted graph, while ours at 1e-10 is
//   6.0e-11 on soc-Slashdot. The default 1e-12 gives 6.2e-13 and 1.0e-13: as
//   accurate as igraph or better.
//   Not converging within max_iterations is reported, not thrown.
// - Scores sum to 1.
// - One thread: an in-place Gauss-Seidel sweep is sequential, and measured on
//   these shared 2-core machines it beat the former block-parallel sweep
//   (Jacobi across blocks, two score arrays) per sweep and in sweeps. So the
//   result is the same bits whatever `threads` says.
// Why not Eigen's sparse mat-vec: it would copy the graph into an Eigen
// matrix and could not do Gauss-Seidel; the loop in pagerank.cpp reads its own
// reordered copy of the in-arcs.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct PageRankParams {
  double damping = 0.85;                // in [0, 1]
  bool weighted = false;                // use the arc weights (transition probability ~ weight)
  std::vector<double> personalization;  // empty: uniform; else n values >= 0 with a positive sum (normalised)
  double tolerance = 1e-12;             // L1 change of a sweep
  int max_iterations = 1000;
  int threads = 0;                      // unused: the solve runs on one thread (see above)
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
