#pragma once
// HITS hubs and authorities (Kleinberg 1999), as i2 Analyst's Notebook
// offers for directed networks: a good hub points to good authorities, a
// good authority is pointed to by good hubs. Authorities are the leading
// eigenvector of A^T A, hubs of A A^T (A[u][v] = weight of u -> v, 1 when
// unweighted).
//
// Conventions (networkx hits, tested against it and igraph hub_score /
// authority_score): power iteration from uniform hubs, a = A^T h, h = A a,
// each scaled to maximum 1 per step; stops when the L1 change of h is below
// n * `tolerance` (per vertex, as networkx's PageRank does: an absolute L1
// bound cannot be met on a large graph, where rounding alone moves the sum
// more than 1e-14); both vectors are then scaled to sum 1 (igraph scales to max
// 1 instead: divide by the maximum to compare). On an undirected graph hubs
// and authorities coincide.
// Why Eigen: the two sparse products A^T h and A a are Eigen row-major sparse
// matrix-vector products (OpenMP-parallel in Eigen), built from the CSR
// out-arcs (A) and in-arcs (A^T), so neither product scatters.
// As with every power iteration, a degenerate leading eigenvalue (e.g. two
// separate parts with the same top value) leaves the answer dependent on the
// start vector; networkx's start is used so results agree with it.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct HitsParams {
  bool weighted = false;  // weights as strengths; must be finite and >= 0
  double tolerance = 1e-15;  // per vertex: the L1 bound is n * tolerance
  int max_iterations = 100000;
};

struct HitsResult {
  std::vector<double> hubs;         // sum 1
  std::vector<double> authorities;  // sum 1
  int iterations = 0;
  bool converged = false;
};

// Throws std::invalid_argument for a negative or non-finite weight when weighted.
HitsResult hits(const CsrGraph& graph, const HitsParams& params = {});

}  // namespace casegraph
