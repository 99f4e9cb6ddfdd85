// Local clustering coefficient, undirected and directed; see clustering.h.
#include "engine/centrality/clustering.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace casegraph {
namespace {

// The arcs around v: out-arcs, and in-arcs for a directed graph. Calls
// f(neighbour, weight, incoming).
template <typename F>
void for_each_arc(const CsrGraph& g, VertexId v, F&& f) {
  for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) f(g.target(a), g.weight(a), false);
  if (g.directed())
    for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) f(g.in_source(a), g.in_weight(a), true);
}

// A triangle's contribution: 1, or the geometric mean of its (scaled) weights.
double term(double a, double b, double c, bool weighted) { return weighted ? std::cbrt(a * b * c) : 1.0; }

}  // namespace

ClusteringResult local_clustering(const CsrGraph& graph, const ClusteringParams& params) {
  const VertexId n = graph.num_vertices();
  const bool weighted = params.weighted && graph.weighted();
  double max_weight = 0;
  if (weighted) {
    for (float w : graph.weights()) {
      if (!(w >= 0.0f) || !std::isfinite(w))
        throw std::invalid_argument("clustering: weights must be finite and >= 0");
      max_weight = std::max(max_weight, static_cast<double>(w));
    }
  }
  const double scale = max_weight > 0 ? 1.0 / max_weight : 1.0;
  const bool directed = graph.directed();
  ClusteringResult result;
  result.score.assign(n, 0.0);
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads)
  {
    // is_in[k] / is_out[k]: an arc k -> v / v -> k exists; to_v[k] / from_v[k]
    // its scaled weight (undirected graphs use the out side alone). Separate
    // marks, so a zero-weight arc still closes a (zero-weight) triangle.
    std::vector<double> to_v(directed ? n : 0, 0.0);
    std::vector<double> from_v(n, 0.0);
    std::vector<char> is_in(directed ? n : 0, 0);
    std::vector<char> is_out(n, 0);
#pragma omp for schedule(dynamic, 64)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      for_each_arc(graph, v, [&](VertexId k, double w, bool incoming) {
        if (incoming) {
          is_in[k] = 1;
          to_v[k] = w * scale;
        } else {
          is_out[k] = 1;
          from_v[k] = w * scale;
        }
      });
      double triangles = 0;
      // For each arc v-u (either way) and each arc u-k (either way), a link
      // between k and v in either direction closes a triangle.
      for_each_arc(graph, v, [&](VertexId u, double w_vu, bool) {
        const double vu = w_vu * scale;
        for_each_arc(graph, u, [&](VertexId k, double w_uk, bool) {
          const double uk = w_uk * scale;
          if (is_out[k]) triangles += term(vu, uk, from_v[k], weighted);
          if (directed && is_in[k]) triangles += term(vu, uk, to_v[k], weighted);
        });
      });
      double pairs = 0;
      if (directed) {
        const double total = graph.out_degree(v) + graph.in_degree(v);
        double reciprocated = 0;
        for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) reciprocated += is_in[graph.target(a)];
        pairs = 2 * (total * (total - 1) - 2 * reciprocated);
      } else {
        const double d = graph.out_degree(v);
        pairs = d * (d - 1);  // each triangle was found from both of its other corners
      }
      if (triangles > 0 && pairs > 0) result.score[v] = triangles / pairs;
      for_each_arc(graph, v, [&](VertexId k, double, bool incoming) {
        if (incoming) {
          is_in[k] = 0;
          to_v[k] = 0;
        } else {
          is_out[k] = 0;
          from_v[k] = 0;
        }
      });
    }
  }
  return result;
}

}  // namespace casegraph
