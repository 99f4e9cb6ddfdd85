#pragma once
// Shortest and k-shortest simple paths between two vertices (Yen, 1971) on an
// undirected graph with positive link costs.
//
// Why hand-written: Boost.Graph has no k-shortest simple paths, and Yen's spur
// searches need, per search, a set of banned vertices (the root of the path)
// and banned first arcs out of the spur vertex, with an early stop at the
// target; a small Dijkstra with epoch-stamped masks does that without
// re-initialising property maps in O(n) per search.
//
// Paths are enumerated lazily (YenEnumerator::next) so that a caller can filter
// them (time-advancing paths) and stop at the k-th one it keeps. Paths come in
// non-decreasing cost. The order among equal costs is deterministic (the same
// graph gives the same order) but not otherwise defined: Yen's first path is
// Dijkstra's, later ones leave the candidate set in vertex-sequence order.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

// An undirected simple graph in CSR form with one cost per arc (each edge
// stored both ways). Costs must be finite and > 0.
struct CostEdge {
  VertexId a = 0;
  VertexId b = 0;
  double cost = 1.0;
};

class CostGraph {
 public:
  CostGraph() : offsets_(1, 0) {}
  // Parallel edges keep the cheapest; self-loops are dropped.
  static CostGraph from_edges(VertexId n, std::span<const CostEdge> edges);

  VertexId num_vertices() const { return static_cast<VertexId>(offsets_.size() - 1); }
  std::size_t arc_begin(VertexId v) const { return offsets_[v]; }
  std::size_t arc_end(VertexId v) const { return offsets_[v + 1]; }
  VertexId target(std::size_t arc) const { return targets_[arc]; }
  double cost(std::size_t arc) const { return costs_[arc]; }
  std::size_t degree(VertexId v) const { return offsets_[v + 1] - offsets_[v]; }
  // The arc u -> v, if the two are adjacent (binary search: targets are sorted).
  std::optional<std::size_t> arc(VertexId u, VertexId v) const;

 private:
  std::vector<std::size_t> offsets_;
  std::vector<VertexId> targets_;
  std::vector<double> costs_;
};

struct Path {
  std::vector<VertexId> vertices;  // source first, target last
  double cost = 0;
  friend bool operator<(const Path& x, const Path& y) {
    return x.cost != y.cost ? x.cost < y.cost : x.vertices < y.vertices;
  }
};

struct PathSearchParams {
  // Vertices a path may start or end at but never pass through (hubs the
  // analyst has ruled out as uninformative). Empty: none. Indexed by vertex.
  std::vector<char> no_transit;
};

// One Dijkstra search from `source`, stopping when `target` is settled.
// Banned vertices are never entered; arcs source -> banned_first are not taken.
class PathSearch {
 public:
  PathSearch(const CostGraph& graph, const PathSearchParams& params);
  std::optional<Path> shortest(VertexId source, VertexId target, const std::vector<char>& banned,
                               std::span<const VertexId> banned_first);
  std::optional<Path> shortest(VertexId source, VertexId target) { return shortest(source, target, {}, {}); }

 private:
  const CostGraph& graph_;
  const PathSearchParams& params_;
  std::vector<double> dist_;
  std::vector<VertexId> parent_;
  std::vector<VertexId> touched_;
};

class YenEnumerator {
 public:
  YenEnumerator(const CostGraph& graph, VertexId source, VertexId target, PathSearchParams params = {});
  // The next shortest simple path, or nullopt when there is none left.
  std::optional<Path> next();
  std::size_t searches() const { return searches_; }

 private:
  const CostGraph& graph_;
  VertexId source_, target_;
  PathSearchParams params_;
  PathSearch search_;
  std::vector<Path> accepted_;
  std::set<Path> candidates_;
  bool started_ = false;
  std::size_t searches_ = 0;
};

// The k shortest simple paths (fewer when fewer exist).
std::vector<Path> k_shortest_paths(const CostGraph& graph, VertexId source, VertexId target, std::size_t k,
                                   const PathSearchParams& params = {});

}  // namespace casegraph
