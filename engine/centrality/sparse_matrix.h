#pragma once
// The adjacency matrix of a CsrGraph as an Eigen row-major sparse matrix, for
// the spectral measures (eigenvector, HITS). Internal to engine/centrality.
#include <Eigen/SparseCore>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

// Owns the index arrays an Eigen::Map views (Eigen needs signed indices of one
// type; the CSR has 64-bit offsets and 32-bit targets).
class AdjacencyMatrix {
 public:
  using Matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;
  using View = Eigen::Map<const Matrix>;

  // Row u holds u's out-arcs (transpose = false: A[u][v] = w(u -> v)) or its
  // in-arcs (transpose = true: row v holds w(u -> v) at column u, i.e. A^T).
  // Weights are used when `weighted` (and the graph has them), else 1.
  // Throws std::invalid_argument(`who` ...) for a negative or non-finite weight.
  AdjacencyMatrix(const CsrGraph& graph, bool transpose, bool weighted, const char* who);

  View view() const;

 private:
  std::int64_t n_ = 0;
  std::vector<std::int64_t> outer_;
  std::vector<std::int64_t> inner_;
  std::vector<double> values_;
};

}  // namespace casegraph
