#include "engine/graph/csr_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace casegraph {
namespace {

struct Arc {
  VertexId from;
  VertexId to;
  double weight;
};

// Counting sort of arcs by `from`, then each row sorted by `to` with parallel
// arcs merged. Linear in arcs plus the per-row sorts.
void fill_rows(VertexId n, const std::vector<Arc>& arcs, bool weighted,
               std::vector<ArcIndex>& offsets, std::vector<VertexId>& targets,
               std::vector<float>& weights) {
  std::vector<ArcIndex> start(static_cast<std::size_t>(n) + 1, 0);
  for (const Arc& a : arcs) ++start[a.from + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::pair<VertexId, double>> slots(arcs.size());
  std::vector<ArcIndex> cursor(start.begin(), start.end() - 1);
  for (const Arc& a : arcs) slots[cursor[a.from]++] = {a.to, a.weight};

  offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  targets.clear();
  targets.reserve(arcs.size());
  weights.clear();
  if (weighted) weights.reserve(arcs.size());
  for (VertexId v = 0; v < n; ++v) {
    auto first = slots.begin() + static_cast<std::ptrdiff_t>(start[v]);
    auto last = slots.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
    std::sort(first, last, [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto it = first; it != last;) {
      VertexId to = it->first;
      double sum = 0;
      for (; it != last && it->first == to; ++it) sum += it->second;
      targets.push_back(to);
      if (weighted) weights.push_back(static_cast<float>(sum));
    }
    offsets[v + 1] = targets.size();
  }
  targets.shrink_to_fit();
  weights.shrink_to_fit();
}

}  // namespace

CsrGraph CsrGraph::from_edges(VertexId n, std::span<const Edge> edges, bool directed, bool weighted) {
  std::vector<Arc> arcs;
  arcs.reserve(directed ? edges.size() : 2 * edges.size());
  for (const Edge& e : edges) {
    if (e.source >= n || e.target >= n) throw std::out_of_range("edge endpoint beyond vertex count");
    if (e.source == e.target) continue;
    double w = weighted ? e.weight : 1.0;
    arcs.push_back({e.source, e.target, w});
    if (!directed) arcs.push_back({e.target, e.source, w});
  }
  CsrGraph g;
  g.directed_ = directed;
  fill_rows(n, arcs, weighted, g.offsets_, g.targets_, g.weights_);
  if (directed) {
    for (Arc& a : arcs) std::swap(a.from, a.to);
    fill_rows(n, arcs, weighted, g.in_offsets_, g.in_sources_, g.in_weights_);
  }
  return g;
}

CsrGraph CsrGraph::as_undirected() const {
  if (!directed_) return *this;
  std::vector<Edge> edges;
  edges.reserve(num_arcs());
  for (VertexId v = 0; v < num_vertices(); ++v)
    for (ArcIndex a = arc_begin(v); a < arc_end(v); ++a) edges.push_back({v, target(a), weight(a)});
  // Each directed arc becomes one undirected edge; u->v and v->u merge with summed weight.
  return from_edges(num_vertices(), edges, false, weighted());
}

CsrGraph CsrGraph::from_undirected_rows(std::vector<ArcIndex> offsets, std::vector<VertexId> targets,
                                        std::vector<float> weights) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != targets.size())
    throw std::invalid_argument("CSR rows: offsets must run from 0 to the arc count");
  if (!weights.empty() && weights.size() != targets.size())
    throw std::invalid_argument("CSR rows: one weight per arc, or none");
  const auto n = offsets.size() - 1;
  for (std::size_t v = 0; v < n; ++v) {
    if (offsets[v] > offsets[v + 1]) throw std::invalid_argument("CSR rows: offsets must not decrease");
    for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
      if (targets[a] >= n || targets[a] == v) throw std::invalid_argument("CSR rows: target out of range or a self-loop");
      if (a > offsets[v] && targets[a] <= targets[a - 1]) throw std::invalid_argument("CSR rows: a row is not sorted");
    }
  }
  CsrGraph g;
  g.offsets_ = std::move(offsets);
  g.targets_ = std::move(targets);
  g.weights_ = std::move(weights);
  return g;
}

std::size_t CsrGraph::memory_bytes() const {
  return offsets_.capacity() * sizeof(ArcIndex) + targets_.capacity() * sizeof(VertexId) +
         weights_.capacity() * sizeof(float) + in_offsets_.capacity() * sizeof(ArcIndex) +
         in_sources_.capacity() * sizeof(VertexId) + in_weights_.capacity() * sizeof(float);
}

}  // namespace casegraph
