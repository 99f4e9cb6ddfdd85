// Closeness centrality, both conventions; see closeness.h.
#include "engine/centrality/closeness.h"

#include <omp.h>

#include <algorithm>
#include <cstdint>

namespace casegraph {

ClosenessResult closeness(const CsrGraph& graph, const ClosenessParams& params) {
  const VertexId n = graph.num_vertices();
  const bool weighted = params.weighted && graph.weighted();
  if (weighted) check_lengths(graph, "closeness");
  ClosenessResult result;
  result.score.assign(n, 0.0);
  if (n < 2) return result;
  const bool scale_by_reach = params.convention == DisconnectedConvention::wasserman_faust;
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads)
  {
    DistanceWorkspace paths(n);
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      paths.run(graph, v, weighted, params.direction);
      double total = 0;
      for (VertexId u : paths.reached()) total += paths.distance(u);
      const double others = static_cast<double>(paths.reached().size() - 1);
      if (!(total > 0)) continue;
      double c = others / total;
      if (scale_by_reach) c *= others / (n - 1.0);
      result.score[v] = c;
    }
  }
  return result;
}

}  // namespace casegraph
