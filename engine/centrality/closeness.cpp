// Closeness centrality, both conventions; see closeness.h.
#include "engine/centrality/closeness.h"

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
  result.score = score_each_source(graph, weighted, params.direction, params.threads,
                                   [&](VertexId, const DistanceWorkspace& paths) {
                                     double total = 0;
                                     for (VertexId u : paths.reached()) total += paths.distance(u);
                                     if (!(total > 0)) return 0.0;
                                     const double others = static_cast<double>(paths.reached().size() - 1);
                                     const double c = others / total;
                                     return scale_by_reach ? c * (others / (n - 1.0)) : c;
                                   });
  return result;
}

}  // namespace casegraph
