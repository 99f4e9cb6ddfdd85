// Degree and strength; conventions in degree.h. Linear in arcs, so sequential.
#include "engine/centrality/degree.h"

namespace casegraph {

DegreeResult degree_centrality(const CsrGraph& graph, const DegreeParams& params) {
  const VertexId n = graph.num_vertices();
  DegreeResult result;
  result.score.assign(n, 0.0);
  const bool directed = graph.directed();
  const bool want_out = !directed || params.direction != DegreeDirection::in;
  const bool want_in = directed && params.direction != DegreeDirection::out;
  for (VertexId v = 0; v < n; ++v) {
    double s = 0;
    if (want_out) {
      if (params.weighted) {
        for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) s += graph.weight(a);
      } else {
        s += graph.out_degree(v);
      }
    }
    if (want_in) {
      if (params.weighted) {
        for (ArcIndex a = graph.in_arc_begin(v); a < graph.in_arc_end(v); ++a) s += graph.in_weight(a);
      } else {
        s += graph.in_degree(v);
      }
    }
    result.score[v] = s;
  }
  if (params.normalized && n > 1)
    for (double& s : result.score) s /= static_cast<double>(n - 1);
  return result;
}

}  // namespace casegraph
