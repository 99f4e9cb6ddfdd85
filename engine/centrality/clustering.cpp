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

// Unweighted, undirected: triangles counted once each by the degree-ordered
// "forward" method (Schank & Wagner 2005; Latapy 2008): each vertex keeps only
// its neighbours of higher (degree, id) rank, so a triangle is found once,
// from its lowest-ranked corner, in O(m^1.5) overall. The general loop below
// costs the sum of squared degrees, 7x igraph's time on soc-Slashdot's hubs.
std::vector<double> triangles_forward(const CsrGraph& g, int threads) {
  const VertexId n = g.num_vertices();
  auto higher = [&](VertexId a, VertexId b) {  // does b rank above a?
    const VertexId da = g.out_degree(a), db = g.out_degree(b);
    return db > da || (db == da && b > a);
  };
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  for (VertexId v = 0; v < n; ++v) {
    ArcIndex count = 0;
    for (VertexId u : g.neighbours(v)) count += higher(v, u) ? 1 : 0;
    offsets[v + 1] = offsets[v] + count;
  }
  std::vector<VertexId> forward(offsets[n]);
  for (VertexId v = 0; v < n; ++v) {
    ArcIndex k = offsets[v];
    for (VertexId u : g.neighbours(v))
      if (higher(v, u)) forward[k++] = u;
  }
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads)
  {
    std::vector<double>& tri = partial[static_cast<std::size_t>(omp_get_thread_num())];
    tri.assign(n, 0.0);
    std::vector<char> mark(n, 0);
#pragma omp for schedule(dynamic, 256)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) mark[forward[a]] = 1;
      for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
        const VertexId u = forward[a];
        for (ArcIndex b = offsets[u]; b < offsets[u + 1]; ++b) {
          const VertexId k = forward[b];
          if (!mark[k]) continue;
          tri[v] += 1;
          tri[u] += 1;
          tri[k] += 1;
        }
      }
      for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) mark[forward[a]] = 0;
    }
  }
  std::vector<double> total(n, 0.0);
  for (const auto& tri : partial)
    for (VertexId v = 0; v < n; ++v) total[v] += tri[v];  // integers: exact in any order
  return total;
}

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
  if (!weighted && !directed) {
    const std::vector<double> triangles = triangles_forward(graph, threads);
    for (VertexId v = 0; v < n; ++v) {
      const double d = graph.out_degree(v);
      if (triangles[v] > 0) result.score[v] = 2 * triangles[v] / (d * (d - 1));
    }
    return result;
  }
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
