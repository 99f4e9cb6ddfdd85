// Harmonic centrality; see harmonic.h.
#include "engine/centrality/harmonic.h"

#include <omp.h>

#include <cstdint>

namespace casegraph {

HarmonicResult harmonic(const CsrGraph& graph, const HarmonicParams& params) {
  const VertexId n = graph.num_vertices();
  const bool weighted = params.weighted && graph.weighted();
  if (weighted) check_lengths(graph, "harmonic");
  HarmonicResult result;
  result.score.assign(n, 0.0);
  if (n < 2) return result;
  const double scale = params.normalized ? 1.0 / (n - 1.0) : 1.0;
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads)
  {
    DistanceWorkspace paths(n);
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      paths.run(graph, v, weighted, params.direction);
      double sum = 0;
      for (VertexId u : paths.reached())
        if (u != v) sum += 1.0 / paths.distance(u);
      result.score[v] = sum * scale;
    }
  }
  return result;
}

}  // namespace casegraph
