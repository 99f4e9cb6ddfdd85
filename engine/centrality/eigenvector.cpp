// Eigenvector centrality by power iteration on A + I; see eigenvector.h.
#include "engine/centrality/eigenvector.h"

#include <Eigen/Core>
#include <cmath>
#include <stdexcept>

#include "engine/centrality/sparse_matrix.h"

namespace casegraph {

EigenvectorResult eigenvector_centrality(const CsrGraph& graph, const EigenvectorParams& params) {
  if (graph.directed())
    throw std::invalid_argument("eigenvector centrality is defined here for undirected graphs; use HITS or PageRank");
  const VertexId n = graph.num_vertices();
  EigenvectorResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const AdjacencyMatrix matrix(graph, false, params.weighted, "eigenvector centrality");
  const AdjacencyMatrix::View a = matrix.view();
  if (params.threads > 0) Eigen::setNbThreads(params.threads);

  Eigen::VectorXd x = Eigen::VectorXd::Constant(n, 1.0 / std::sqrt(static_cast<double>(n)));
  Eigen::VectorXd next(n);
  for (result.iterations = 1; result.iterations <= params.max_iterations; ++result.iterations) {
    next.noalias() = a * x;
    next += x;
    next /= next.norm();  // > 0: the shift by I keeps every entry >= x's
    const double change = (next - x).norm();
    x.swap(next);
    if (change < params.tolerance) {
      result.converged = true;
      break;
    }
  }
  if (!result.converged) result.iterations = params.max_iterations;
  result.score.assign(x.data(), x.data() + n);
  return result;
}

}  // namespace casegraph
