// BFS and Dijkstra with a reusable workspace; see shortest_paths.h.
#include "engine/centrality/shortest_paths.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

namespace casegraph {

void check_lengths(const CsrGraph& graph, const char* who) {
  for (float w : graph.weights())
    if (!(w > 0.0f) || !std::isfinite(w))
      throw std::invalid_argument(std::string(who) + ": weights (lengths) must be finite and > 0");
}

void DistanceWorkspace::reset() {
  for (VertexId v : order_) dist_[v] = kUnreached;
  order_.clear();
}

void DistanceWorkspace::run(const CsrGraph& graph, const VertexId* sources, std::size_t count, bool weighted,
                            PathDirection direction) {
  reset();
  const bool in = direction == PathDirection::incoming && graph.directed();
  auto begin = [&](VertexId v) { return in ? graph.in_arc_begin(v) : graph.arc_begin(v); };
  auto end = [&](VertexId v) { return in ? graph.in_arc_end(v) : graph.arc_end(v); };
  auto far_end = [&](ArcIndex a) { return in ? graph.in_source(a) : graph.target(a); };
  auto length = [&](ArcIndex a) { return in ? graph.in_weight(a) : graph.weight(a); };

  if (!weighted) {
    for (std::size_t i = 0; i < count; ++i) {
      if (dist_[sources[i]] == 0) continue;
      dist_[sources[i]] = 0;
      order_.push_back(sources[i]);
    }
    for (std::size_t head = 0; head < order_.size(); ++head) {
      const VertexId v = order_[head];
      const double next = dist_[v] + 1;
      for (ArcIndex a = begin(v); a < end(v); ++a) {
        const VertexId t = far_end(a);
        if (dist_[t] == kUnreached) {
          dist_[t] = next;
          order_.push_back(t);
        }
      }
    }
    return;
  }

  // Dijkstra with a binary heap and lazy deletion. Every vertex given a
  // tentative distance is settled (pushed to order_) before the heap empties,
  // so reset() clearing the vertices of order_ restores the workspace.
  const auto later = std::greater<std::pair<double, VertexId>>();
  heap_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    dist_[sources[i]] = 0;
    heap_.emplace_back(0.0, sources[i]);
  }
  std::make_heap(heap_.begin(), heap_.end(), later);
  std::vector<char>& done = settled_;
  if (done.size() != dist_.size()) done.assign(dist_.size(), 0);
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const auto [dv, v] = heap_.back();
    heap_.pop_back();
    if (done[v]) continue;
    done[v] = 1;
    order_.push_back(v);
    for (ArcIndex a = begin(v); a < end(v); ++a) {
      const VertexId t = far_end(a);
      const double nd = dv + length(a);
      if (nd < dist_[t]) {
        dist_[t] = nd;
        heap_.emplace_back(nd, t);
        std::push_heap(heap_.begin(), heap_.end(), later);
      }
    }
  }
  for (VertexId v : order_) done[v] = 0;
}

}  // namespace casegraph
