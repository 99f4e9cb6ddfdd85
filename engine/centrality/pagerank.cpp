// PageRank by pull-form power iteration; conventions in pagerank.h.
#include "engine/centrality/pagerank.h"

#include <omp.h>

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace casegraph {

PageRankResult pagerank(const CsrGraph& graph, const PageRankParams& params) {
  const VertexId n = graph.num_vertices();
  const double d = params.damping;
  if (!(d >= 0.0 && d <= 1.0)) throw std::invalid_argument("pagerank: damping must be in [0, 1]");
  if (!(params.tolerance >= 0.0)) throw std::invalid_argument("pagerank: tolerance must be >= 0");
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const bool weighted = params.weighted && graph.weighted();
  if (weighted)
    for (float w : graph.weights())
      if (!(w >= 0.0f) || !std::isfinite(w)) throw std::invalid_argument("pagerank: weights must be finite and >= 0");

  std::vector<double> p(n, 1.0 / n);
  if (!params.personalization.empty()) {
    if (params.personalization.size() != n)
      throw std::invalid_argument("pagerank: personalization needs one value per vertex");
    double sum = 0;
    for (double v : params.personalization) {
      if (!(v >= 0.0) || !std::isfinite(v))
        throw std::invalid_argument("pagerank: personalization values must be finite and >= 0");
      sum += v;
    }
    if (!(sum > 0.0)) throw std::invalid_argument("pagerank: personalization sums to zero");
    for (VertexId v = 0; v < n; ++v) p[v] = params.personalization[v] / sum;
  }

  // 1 / out-weight, 0 for dangling vertices.
  std::vector<double> inv_out(n, 0.0);
  for (VertexId u = 0; u < n; ++u) {
    double out = 0;
    if (weighted) {
      for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) out += graph.weight(a);
    } else {
      out = graph.out_degree(u);
    }
    if (out > 0) inv_out[u] = 1.0 / out;
  }

  // Below ~65k rows plus arcs an iteration takes tens of microseconds, less
  // than waking a second thread costs: run those on one.
  const bool small = static_cast<ArcIndex>(n) + graph.num_arcs() < (ArcIndex{1} << 16);
  const int threads = small ? 1 : params.threads > 0 ? params.threads : omp_get_max_threads();
  const auto sn = static_cast<std::int64_t>(n);
  std::vector<double> x(n, 1.0 / n);
  std::vector<double> next(n, 0.0);
  // share[u] = x[u] / out-weight(u): what u sends along each unit of arc weight.
  // Kept beside x and produced in the same pass, so an iteration is one
  // parallel loop (one barrier): barriers, not arithmetic, are what costs
  // when the machine's cores are shared.
  std::vector<double> share(n, 0.0);
  std::vector<double> next_share(n, 0.0);
  double dangling_mass = 0;
  for (VertexId u = 0; u < n; ++u) {
    share[u] = x[u] * inv_out[u];
    if (inv_out[u] == 0) dangling_mass += x[u];
  }
  for (int it = 1; it <= params.max_iterations; ++it) {
    const double restart = d * dangling_mass + (1.0 - d);
    double change = 0;
    double next_dangling = 0;
#pragma omp parallel for num_threads(threads) schedule(static, 1024) reduction(+ : change, next_dangling)
    for (std::int64_t sv = 0; sv < sn; ++sv) {
      const auto v = static_cast<VertexId>(sv);
      double in = 0;
      const ArcIndex end = graph.in_arc_end(v);
      if (weighted) {
        for (ArcIndex a = graph.in_arc_begin(v); a < end; ++a) in += graph.in_weight(a) * share[graph.in_source(a)];
      } else {
        for (ArcIndex a = graph.in_arc_begin(v); a < end; ++a) in += share[graph.in_source(a)];
      }
      const double value = d * in + restart * p[v];
      change += std::abs(value - x[v]);
      next[v] = value;
      next_share[v] = value * inv_out[v];
      if (inv_out[v] == 0) next_dangling += value;
    }
    x.swap(next);
    share.swap(next_share);
    dangling_mass = next_dangling;
    result.iterations = it;
    if (change < params.tolerance) {
      result.converged = true;
      break;
    }
  }
  const double total = std::accumulate(x.begin(), x.end(), 0.0);
  for (double& v : x) v /= total;
  result.score = std::move(x);
  return result;
}

}  // namespace casegraph
