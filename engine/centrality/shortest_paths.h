#pragma once
// Single-source shortest-path distances, reused across sources: the common
// kernel of closeness, harmonic centrality, key-player reach and sampled
// betweenness.
//
// Conventions (those of betweenness.h):
// - Unweighted: hop counts by BFS. Weighted: Dijkstra, weights read as
//   lengths (a heavier link is a longer one); they must be finite and > 0
//   (check with check_lengths first).
// - PathDirection::outgoing follows out-arcs (distances from the source);
//   incoming follows in-arcs (distances to the source), which is what
//   networkx's closeness and harmonic centrality use on directed graphs.
//   On undirected graphs both are the same.
// Why hand-written rather than boost::dijkstra_shortest_paths: one workspace
// per thread, reset in O(reached) after each source, no property maps or
// colour arrays re-initialised in O(n) per source (which on a 1,000-vertex
// component of a 100,000-vertex graph is most of the work).
#include <omp.h>

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class PathDirection { outgoing, incoming };

// Throws std::invalid_argument(`who` + ...) unless every weight is finite and > 0.
void check_lengths(const CsrGraph& graph, const char* who);

class DistanceWorkspace {
 public:
  static constexpr double kUnreached = std::numeric_limits<double>::infinity();

  explicit DistanceWorkspace(VertexId n) : dist_(n, kUnreached) { order_.reserve(n); }

  // Distances from `sources` (one or several; multi-source is the distance
  // to the nearest). Forgets the previous run first.
  void run(const CsrGraph& graph, const VertexId* sources, std::size_t count, bool weighted,
           PathDirection direction = PathDirection::outgoing);
  void run(const CsrGraph& graph, VertexId source, bool weighted,
           PathDirection direction = PathDirection::outgoing) {
    run(graph, &source, 1, weighted, direction);
  }

  // Vertices reached by the last run, sources first, in non-decreasing distance.
  const std::vector<VertexId>& reached() const { return order_; }
  double distance(VertexId v) const { return dist_[v]; }

 private:
  void reset();
  std::vector<double> dist_;
  std::vector<VertexId> order_;
  std::vector<std::pair<double, VertexId>> heap_;
  std::vector<char> settled_;  // Dijkstra only, all 0 between runs
};

// One score per vertex from its single-source distances (closeness, harmonic):
// score_of(v, paths) is called with `paths` just run from v, in parallel over
// sources, each thread with its own workspace. threads <= 0: all cores.
template <class ScoreOf>
std::vector<double> score_each_source(const CsrGraph& graph, bool weighted, PathDirection direction,
                                      int threads, ScoreOf score_of) {
  const VertexId n = graph.num_vertices();
  std::vector<double> score(n, 0.0);
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads > 0 ? threads : omp_get_max_threads())
  {
    DistanceWorkspace paths(n);
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      paths.run(graph, v, weighted, direction);
      score[v] = score_of(v, paths);
    }
  }
  return score;
}

}  // namespace casegraph
