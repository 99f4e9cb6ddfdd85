#include "engine/linking/k_shortest_paths.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <stdexcept>

namespace casegraph {

CostGraph CostGraph::from_edges(VertexId n, std::span<const CostEdge> edges) {
  std::vector<CostEdge> arcs;
  arcs.reserve(edges.size() * 2);
  for (const CostEdge& e : edges) {
    if (e.a >= n || e.b >= n) throw std::out_of_range("CostGraph: edge end out of range");
    if (!(e.cost > 0) || e.cost == std::numeric_limits<double>::infinity())
      throw std::invalid_argument("CostGraph: costs must be finite and > 0");
    if (e.a == e.b) continue;
    arcs.push_back(e);
    arcs.push_back({e.b, e.a, e.cost});
  }
  std::sort(arcs.begin(), arcs.end(), [](const CostEdge& x, const CostEdge& y) {
    return x.a != y.a ? x.a < y.a : x.b != y.b ? x.b < y.b : x.cost < y.cost;
  });
  CostGraph g;
  g.offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (i > 0 && arcs[i].a == arcs[i - 1].a && arcs[i].b == arcs[i - 1].b) continue;  // keep the cheapest
    g.targets_.push_back(arcs[i].b);
    g.costs_.push_back(arcs[i].cost);
    ++g.offsets_[arcs[i].a + 1];
  }
  for (VertexId v = 0; v < n; ++v) g.offsets_[v + 1] += g.offsets_[v];
  return g;
}

std::optional<std::size_t> CostGraph::arc(VertexId u, VertexId v) const {
  auto first = targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[u]);
  auto last = targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[u + 1]);
  auto it = std::lower_bound(first, last, v);
  if (it == last || *it != v) return std::nullopt;
  return static_cast<std::size_t>(it - targets_.begin());
}

PathSearch::PathSearch(const CostGraph& graph, const PathSearchParams& params)
    : graph_(graph),
      params_(params),
      dist_(graph.num_vertices(), std::numeric_limits<double>::infinity()),
      parent_(graph.num_vertices(), 0) {}

std::optional<Path> PathSearch::shortest(VertexId source, VertexId target, const std::vector<char>& banned,
                                         std::span<const VertexId> banned_first) {
  for (VertexId v : touched_) dist_[v] = std::numeric_limits<double>::infinity();
  touched_.clear();
  using Entry = std::pair<double, VertexId>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  dist_[source] = 0;
  touched_.push_back(source);
  heap.push({0.0, source});
  const bool has_no_transit = !params_.no_transit.empty();
  while (!heap.empty()) {
    auto [d, u] = heap.top();
    heap.pop();
    if (d > dist_[u]) continue;
    if (u == target) break;
    if (u != source && has_no_transit && params_.no_transit[u]) continue;
    for (std::size_t a = graph_.arc_begin(u); a < graph_.arc_end(u); ++a) {
      VertexId v = graph_.target(a);
      if (!banned.empty() && banned[v]) continue;
      if (u == source && std::find(banned_first.begin(), banned_first.end(), v) != banned_first.end()) continue;
      double nd = d + graph_.cost(a);
      // Ties go to the smaller parent id, so paths do not depend on heap order.
      if (nd < dist_[v] || (nd == dist_[v] && u < parent_[v] && v != source)) {
        if (dist_[v] == std::numeric_limits<double>::infinity()) touched_.push_back(v);
        if (nd < dist_[v]) heap.push({nd, v});
        dist_[v] = nd;
        parent_[v] = u;
      }
    }
  }
  if (dist_[target] == std::numeric_limits<double>::infinity()) return std::nullopt;
  Path path;
  path.cost = dist_[target];
  for (VertexId v = target; v != source; v = parent_[v]) path.vertices.push_back(v);
  path.vertices.push_back(source);
  std::reverse(path.vertices.begin(), path.vertices.end());
  return path;
}

YenEnumerator::YenEnumerator(const CostGraph& graph, VertexId source, VertexId target, PathSearchParams params)
    : graph_(graph), source_(source), target_(target), params_(std::move(params)), search_(graph_, params_) {
  if (source >= graph.num_vertices() || target >= graph.num_vertices())
    throw std::out_of_range("k-shortest paths: vertex out of range");
}

std::optional<Path> YenEnumerator::next() {
  if (!started_) {
    started_ = true;
    ++searches_;
    std::optional<Path> first = source_ == target_ ? std::optional<Path>(Path{{source_}, 0.0}) : search_.shortest(source_, target_);
    if (first) accepted_.push_back(*first);
    return first;
  }
  if (accepted_.empty()) return std::nullopt;
  // Spur from every vertex of the last accepted path (Yen's deviation step).
  const Path last = accepted_.back();
  std::vector<char> banned(graph_.num_vertices(), 0);
  for (std::size_t i = 0; i + 1 < last.vertices.size(); ++i) {
    const VertexId spur = last.vertices[i];
    std::vector<VertexId> banned_first;
    for (const Path& p : accepted_)
      if (p.vertices.size() > i + 1 && std::equal(p.vertices.begin(), p.vertices.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                 last.vertices.begin()))
        banned_first.push_back(p.vertices[i + 1]);
    ++searches_;
    if (std::optional<Path> tail = search_.shortest(spur, target_, banned, banned_first)) {
      Path candidate;
      candidate.vertices.assign(last.vertices.begin(), last.vertices.begin() + static_cast<std::ptrdiff_t>(i));
      candidate.vertices.insert(candidate.vertices.end(), tail->vertices.begin(), tail->vertices.end());
      // Cost summed along the whole path, so that equal paths compare equal.
      candidate.cost = 0;
      for (std::size_t s = 0; s + 1 < candidate.vertices.size(); ++s)
        candidate.cost += graph_.cost(*graph_.arc(candidate.vertices[s], candidate.vertices[s + 1]));
      candidates_.insert(std::move(candidate));
    }
    banned[spur] = 1;  // the root grows by the spur vertex
  }
  // Drop candidates already accepted (a candidate can be found from two roots).
  while (!candidates_.empty()) {
    Path best = *candidates_.begin();
    candidates_.erase(candidates_.begin());
    bool seen = std::any_of(accepted_.begin(), accepted_.end(), [&](const Path& p) { return p.vertices == best.vertices; });
    if (seen) continue;
    accepted_.push_back(best);
    return best;
  }
  return std::nullopt;
}

std::vector<Path> k_shortest_paths(const CostGraph& graph, VertexId source, VertexId target, std::size_t k,
                                   const PathSearchParams& params) {
  YenEnumerator yen(graph, source, target, params);
  std::vector<Path> paths;
  while (paths.size() < k) {
    std::optional<Path> p = yen.next();
    if (!p) break;
    paths.push_back(std::move(*p));
  }
  return paths;
}

}  // namespace casegraph
