// Vertex renumbering for locality; conventions in locality_order.h.
#include "engine/graph/locality_order.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace casegraph {
namespace {

// old_of[i]: the vertex numbered i; throws unless new_of is a permutation.
std::vector<VertexId> inverse(std::span<const VertexId> new_of) {
  constexpr VertexId kUnset = ~VertexId{0};
  std::vector<VertexId> old_of(new_of.size(), kUnset);
  for (VertexId v = 0; v < new_of.size(); ++v) {
    if (new_of[v] >= new_of.size() || old_of[new_of[v]] != kUnset)
      throw std::invalid_argument("locality order: new_of is not a permutation of the vertices");
    old_of[new_of[v]] = v;
  }
  return old_of;
}

// Undirected: rows moved to their new place, targets renamed, each row
// sorted again by its new targets.
CsrGraph permuted_undirected(const CsrGraph& graph, std::span<const VertexId> new_of,
                             const std::vector<VertexId>& old_of) {
  const VertexId n = graph.num_vertices();
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  for (VertexId i = 0; i < n; ++i) offsets[i + 1] = offsets[i] + graph.out_degree(old_of[i]);
  std::vector<VertexId> targets(graph.num_arcs());
  std::vector<float> weights(graph.weighted() ? graph.num_arcs() : 0);
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel
  {
    std::vector<std::pair<VertexId, float>> row;
#pragma omp for schedule(dynamic, 1024)
    for (std::int64_t si = 0; si < sn; ++si) {
      const auto i = static_cast<VertexId>(si);
      const VertexId v = old_of[i];
      row.clear();
      for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a)
        row.emplace_back(new_of[graph.target(a)], static_cast<float>(graph.weight(a)));
      std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      ArcIndex to = offsets[i];
      for (const auto& [target, weight] : row) {
        targets[to] = target;
        if (!weights.empty()) weights[to] = weight;
        ++to;
      }
    }
  }
  return CsrGraph::from_undirected_rows(std::move(offsets), std::move(targets), std::move(weights));
}

}  // namespace

std::vector<VertexId> order_by_key(std::span<const std::uint64_t> key) {
  std::vector<VertexId> old_of(key.size());
  std::iota(old_of.begin(), old_of.end(), VertexId{0});
  std::stable_sort(old_of.begin(), old_of.end(), [&](VertexId a, VertexId b) { return key[a] < key[b]; });
  std::vector<VertexId> new_of(key.size());
  for (VertexId i = 0; i < old_of.size(); ++i) new_of[old_of[i]] = i;
  return new_of;
}

CsrGraph permuted(const CsrGraph& graph, std::span<const VertexId> new_of) {
  if (new_of.size() != graph.num_vertices())
    throw std::invalid_argument("locality order: new_of size differs from the vertex count");
  const std::vector<VertexId> old_of = inverse(new_of);
  if (!graph.directed()) return permuted_undirected(graph, new_of, old_of);
  // Directed graphs are rare here (measure --directed): from_edges rebuilds
  // both directions at the cost of a transient edge list.
  std::vector<Edge> edges;
  edges.reserve(graph.num_arcs());
  for (VertexId v = 0; v < graph.num_vertices(); ++v)
    for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a)
      edges.push_back({new_of[v], new_of[graph.target(a)], graph.weight(a)});
  return CsrGraph::from_edges(graph.num_vertices(), edges, true, graph.weighted());
}

}  // namespace casegraph
