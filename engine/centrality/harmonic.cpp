// Harmonic centrality; see harmonic.h.
#include "engine/centrality/harmonic.h"

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
  result.score = score_each_source(graph, weighted, params.direction, params.threads,
                                   [&](VertexId v, const DistanceWorkspace& paths) {
                                     double sum = 0;
                                     for (VertexId u : paths.reached())
                                       if (u != v) sum += 1.0 / paths.distance(u);
                                     return sum * scale;
                                   });
  return result;
}

}  // namespace casegraph
