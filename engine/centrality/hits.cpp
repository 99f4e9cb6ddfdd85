// HITS by power iteration with Eigen sparse products; see hits.h.
#include "engine/centrality/hits.h"

#include <Eigen/Core>

#include "engine/centrality/sparse_matrix.h"

namespace casegraph {

HitsResult hits(const CsrGraph& graph, const HitsParams& params) {
  const VertexId n = graph.num_vertices();
  HitsResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const AdjacencyMatrix out_arcs(graph, false, params.weighted, "hits");
  const AdjacencyMatrix in_arcs(graph, true, params.weighted, "hits");
  const AdjacencyMatrix::View a = out_arcs.view();
  const AdjacencyMatrix::View a_transposed = in_arcs.view();

  Eigen::VectorXd h = Eigen::VectorXd::Constant(n, 1.0 / n);
  Eigen::VectorXd auth(n);
  Eigen::VectorXd last(n);
  bool degenerate = false;  // no arc of positive weight: every score stays equal
  for (result.iterations = 1; result.iterations <= params.max_iterations; ++result.iterations) {
    last = h;
    auth.noalias() = a_transposed * h;
    h.noalias() = a * auth;
    const double h_max = h.maxCoeff();
    const double a_max = auth.maxCoeff();
    if (!(h_max > 0) || !(a_max > 0)) {
      degenerate = true;
      break;
    }
    h /= h_max;
    auth /= a_max;
    if ((h - last).lpNorm<1>() < params.tolerance * n) {
      result.converged = true;
      break;
    }
  }
  if (degenerate) {
    h.setConstant(1.0);
    auth.setConstant(1.0);
    result.converged = true;
  }
  if (!result.converged) result.iterations = params.max_iterations;
  h /= h.sum();
  auth /= auth.sum();
  result.hubs.assign(h.data(), h.data() + n);
  result.authorities.assign(auth.data(), auth.data() + n);
  return result;
}

}  // namespace casegraph
