// Batagelj-Zaversnik core decomposition; see core_number.h.
#include "engine/centrality/core_number.h"

#include <algorithm>

namespace casegraph {
namespace {

// Calls f(u) for every neighbour u of v, once per arc (out-arcs, then in-arcs
// of a directed graph, so a reciprocated neighbour is visited twice).
template <typename F>
void for_each_neighbour(const CsrGraph& g, VertexId v, F&& f) {
  for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) f(g.target(a));
  if (g.directed())
    for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) f(g.in_source(a));
}

}  // namespace

CoreNumberResult core_number(const CsrGraph& graph) {
  const VertexId n = graph.num_vertices();
  CoreNumberResult result;
  result.score.assign(n, 0.0);
  if (n == 0) return result;

  std::vector<VertexId> degree(n);
  VertexId max_degree = 0;
  for (VertexId v = 0; v < n; ++v) {
    degree[v] = graph.out_degree(v) + (graph.directed() ? graph.in_degree(v) : 0);
    max_degree = std::max(max_degree, degree[v]);
  }
  // Vertices sorted by degree (counting sort); bin_start[d] is where degree-d
  // vertices begin; position[v] is v's place in `sorted`.
  std::vector<VertexId> bin_start(static_cast<std::size_t>(max_degree) + 1, 0);
  for (VertexId v = 0; v < n; ++v) ++bin_start[degree[v]];
  VertexId start = 0;
  for (VertexId& b : bin_start) {
    const VertexId count = b;
    b = start;
    start += count;
  }
  std::vector<VertexId> sorted(n);
  std::vector<VertexId> position(n);
  for (VertexId v = 0; v < n; ++v) {
    position[v] = bin_start[degree[v]]++;
    sorted[position[v]] = v;
  }
  for (VertexId d = max_degree; d > 0; --d) bin_start[d] = bin_start[d - 1];
  bin_start[0] = 0;

  // Peel in order of current degree; a neighbour with a higher degree drops by
  // one and moves to the front of its bin, which keeps `sorted` sorted.
  for (VertexId i = 0; i < n; ++i) {
    const VertexId v = sorted[i];
    for_each_neighbour(graph, v, [&](VertexId u) {
      if (degree[u] <= degree[v]) return;
      const VertexId du = degree[u];
      const VertexId first_pos = bin_start[du];
      const VertexId first = sorted[first_pos];
      if (first != u) {
        std::swap(sorted[position[u]], sorted[first_pos]);
        std::swap(position[u], position[first]);
      }
      ++bin_start[du];
      --degree[u];
    });
  }
  for (VertexId v = 0; v < n; ++v) {
    result.score[v] = degree[v];
    result.degeneracy = std::max(result.degeneracy, degree[v]);
  }
  return result;
}

}  // namespace casegraph
