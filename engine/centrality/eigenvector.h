#pragma once
// Eigenvector centrality (Bonacich 1972) of an undirected graph: the leading
// eigenvector of the adjacency matrix A (weights as strengths when weighted),
// non-negative, scaled to unit Euclidean length as networkx
// eigenvector_centrality does.
//
// Method: power iteration on A + I from the all-ones vector, networkx's own
// iteration. The shift by I keeps the iteration from oscillating on
// bipartite graphs (where -lambda_max is an eigenvalue too) and does not
// change the eigenvectors. Stops when the Euclidean change between two
// normalised iterates is below `tolerance`.
// Why Eigen's sparse matrix and power iteration rather than a Lanczos solver:
// Eigen's supported modules have no sparse eigensolver (its ARPACK binding
// needs ARPACK, not a dependency here); power iteration is the definition the
// reference (networkx) uses, so the figures match it to 1e-9; and Eigen
// runs a row-major sparse matrix times a dense vector on OpenMP threads.
// The matrix costs 12 bytes per arc (double value, int index) beside the CSR.
//
// Disconnected graphs: the iteration converges to the leading eigenvector,
// which lives on the component(s) with the largest eigenvalue; every other
// vertex tends to 0 (slowly when another component's eigenvalue is close:
// `max_iterations` bounds the work and `converged` says whether it sufficed).
// Directed graphs are refused: use HITS (hits.h) or PageRank, whose meaning
// does not hang on strong connectivity.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct EigenvectorParams {
  bool weighted = false;  // weights as strengths; must be finite and >= 0
  double tolerance = 1e-13;
  int max_iterations = 100000;
  int threads = 0;  // 0: Eigen's default (all OpenMP threads)
};

struct EigenvectorResult {
  std::vector<double> score;  // unit L2 norm, >= 0
  int iterations = 0;
  bool converged = false;
};

// Throws std::invalid_argument for a directed graph or a negative or
// non-finite weight when weighted.
EigenvectorResult eigenvector_centrality(const CsrGraph& graph, const EigenvectorParams& params = {});

}  // namespace casegraph
