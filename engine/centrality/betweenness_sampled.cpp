// Riondato-Kornaropoulos sampled betweenness; see betweenness_sampled.h.
#include "engine/centrality/betweenness_sampled.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/centrality/shortest_paths.h"

namespace casegraph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Sample i's own random stream (splitmix64), so that results do not depend on
// which thread draws which sample.
class SampleRandom {
 public:
  SampleRandom(std::uint64_t seed, std::uint64_t sample) : state_(mix64(seed + 0x9E3779B97F4A7C15ULL) ^ mix64(sample)) {}
  std::uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, bound): modulo bias below bound / 2^64, negligible here.
  VertexId below(VertexId bound) { return static_cast<VertexId>(next() % bound); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// One thread's state for s-t searches, reset in O(touched) after each.
struct PathSampler {
  PathSampler(const CsrGraph& g, bool w)
      : graph(g), weighted(w), dist(g.num_vertices(), kInf), sigma(g.num_vertices(), 0.0),
        rank(w ? g.num_vertices() : 0, 0), settled(w ? g.num_vertices() : 0, 0) {}

  // Counts the shortest s-t paths; false when t is unreachable.
  bool search(VertexId s, VertexId t) { return weighted ? dijkstra(s, t) : bfs(s, t); }

  bool bfs(VertexId s, VertexId t) {
    dist[s] = 0;
    sigma[s] = 1;
    touched.push_back(s);
    for (std::size_t head = 0; head < touched.size(); ++head) {
      const VertexId v = touched[head];
      if (dist[v] >= dist[t]) break;  // every level below t's is done: sigma[t] is final
      const double next = dist[v] + 1;
      for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
        const VertexId u = graph.target(a);
        if (dist[u] == kInf) {
          dist[u] = next;
          touched.push_back(u);
        }
        if (dist[u] == next) sigma[u] += sigma[v];
      }
    }
    return dist[t] != kInf;
  }

  bool dijkstra(VertexId s, VertexId t) {
    const auto later = std::greater<std::pair<double, VertexId>>();
    heap.clear();
    dist[s] = 0;
    sigma[s] = 1;
    touched.push_back(s);
    heap.emplace_back(0.0, s);
    std::uint32_t settled_count = 0;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      const auto [dv, v] = heap.back();
      heap.pop_back();
      if (settled[v]) continue;
      settled[v] = 1;
      rank[v] = settled_count++;
      if (v == t) return true;
      for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
        const VertexId u = graph.target(a);
        if (settled[u]) continue;
        const double nd = dv + graph.weight(a);
        if (nd < dist[u]) {
          if (dist[u] == kInf) touched.push_back(u);
          dist[u] = nd;
          sigma[u] = sigma[v];
          heap.emplace_back(nd, u);
          std::push_heap(heap.begin(), heap.end(), later);
        } else if (nd == dist[u]) {
          sigma[u] += sigma[v];
        }
      }
    }
    return false;
  }

  // Is p -> v an arc (index a among v's in-arcs) on a shortest path to v?
  bool on_shortest_path(VertexId p, VertexId v, ArcIndex a) const {
    if (!weighted) return dist[p] + 1 == dist[v];
    return settled[p] && rank[p] < rank[v] && dist[p] + graph.in_weight(a) == dist[v];
  }

  // Walks back from t choosing each predecessor p with probability
  // sigma[p] / sigma[v]: a uniformly random shortest s-t path. Counts its
  // inner vertices.
  void count_random_path(VertexId s, VertexId t, SampleRandom& random, std::vector<std::uint64_t>& counts) const {
    VertexId v = t;
    while (v != s) {
      const double pick = random.unit() * sigma[v];
      double running = 0;
      VertexId chosen = s;
      bool any = false;
      for (ArcIndex a = graph.in_arc_begin(v); a < graph.in_arc_end(v); ++a) {
        const VertexId p = graph.in_source(a);
        if (!on_shortest_path(p, v, a)) continue;
        chosen = p;  // the last predecessor absorbs rounding in `running`
        any = true;
        running += sigma[p];
        if (pick < running) break;
      }
      if (!any) return;  // cannot happen: v was reached from s
      v = chosen;
      if (v != s) ++counts[v];
    }
  }

  void reset() {
    for (VertexId v : touched) {
      dist[v] = kInf;
      sigma[v] = 0;
      if (weighted) settled[v] = 0;
    }
    touched.clear();
  }

  const CsrGraph& graph;
  bool weighted;
  std::vector<double> dist;
  std::vector<double> sigma;
  std::vector<std::uint32_t> rank;
  std::vector<char> settled;
  std::vector<VertexId> touched;
  std::vector<std::pair<double, VertexId>> heap;
};

// Weak components: calls f(root, members-in-BFS-order) for each.
template <typename F>
void for_each_weak_component(const CsrGraph& g, F&& f) {
  const VertexId n = g.num_vertices();
  std::vector<char> seen(n, 0);
  std::vector<VertexId> members;
  for (VertexId root = 0; root < n; ++root) {
    if (seen[root]) continue;
    seen[root] = 1;
    members.assign(1, root);
    for (std::size_t head = 0; head < members.size(); ++head) {
      const VertexId v = members[head];
      auto visit = [&](VertexId u) {
        if (!seen[u]) {
          seen[u] = 1;
          members.push_back(u);
        }
      };
      for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) visit(g.target(a));
      if (g.directed())
        for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) visit(g.in_source(a));
    }
    f(root, members);
  }
}

}  // namespace

std::uint64_t riondato_kornaropoulos_sample_size(VertexId vertex_diameter_bound, double epsilon, double delta) {
  if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1))
    throw std::invalid_argument("sampled betweenness: epsilon and delta must be in (0, 1)");
  constexpr double c = 0.5;
  const double inner = std::max<double>(static_cast<double>(vertex_diameter_bound) - 2.0, 1.0);
  const double r = c / (epsilon * epsilon) * (std::floor(std::log2(inner)) + 1.0 + std::log(1.0 / delta));
  return static_cast<std::uint64_t>(std::ceil(r));
}

VertexId vertex_diameter_bound(const CsrGraph& graph, bool weighted) {
  VertexId bound = 0;
  const bool hop_bound = !weighted && !graph.directed();
  DistanceWorkspace paths(hop_bound ? graph.num_vertices() : 0);
  for_each_weak_component(graph, [&](VertexId root, const std::vector<VertexId>& members) {
    const auto size = static_cast<VertexId>(members.size());
    if (!hop_bound || size <= 2) {
      bound = std::max(bound, size);
      return;
    }
    paths.run(graph, root, false);
    // BFS order: the last two reached are the two farthest.
    const auto& order = paths.reached();
    const double d1 = paths.distance(order[order.size() - 1]);
    const double d2 = paths.distance(order[order.size() - 2]);
    bound = std::max(bound, std::min(size, static_cast<VertexId>(d1 + d2 + 1)));
  });
  return bound;
}

SampledBetweennessResult betweenness_sampled(const CsrGraph& graph, const SampledBetweennessParams& params) {
  const VertexId n = graph.num_vertices();
  const bool weighted = params.weighted && graph.weighted();
  if (weighted) check_lengths(graph, "sampled betweenness");
  SampledBetweennessResult result;
  result.vertex_diameter_bound = vertex_diameter_bound(graph, weighted);
  result.samples = riondato_kornaropoulos_sample_size(result.vertex_diameter_bound, params.epsilon, params.delta);
  result.score.assign(n, 0.0);
  result.normalized.assign(n, 0.0);
  const double nd = n;
  const double raw_scale = nd * (nd - 1) / (graph.directed() ? 1.0 : 2.0);
  result.raw_error_bound = params.epsilon * raw_scale;
  if (n < 3) return result;  // no vertex can lie inside a path

  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  std::vector<std::vector<std::uint64_t>> partial(static_cast<std::size_t>(threads));
  const auto samples = static_cast<std::int64_t>(result.samples);
#pragma omp parallel num_threads(threads)
  {
    std::vector<std::uint64_t>& counts = partial[static_cast<std::size_t>(omp_get_thread_num())];
    counts.assign(n, 0);
    PathSampler sampler(graph, weighted);
#pragma omp for schedule(dynamic, 64)
    for (std::int64_t i = 0; i < samples; ++i) {
      SampleRandom random(params.seed, static_cast<std::uint64_t>(i));
      const VertexId s = random.below(n);
      VertexId t = random.below(n - 1);
      if (t >= s) ++t;
      if (sampler.search(s, t)) sampler.count_random_path(s, t, random, counts);
      sampler.reset();
    }
  }
  for (VertexId v = 0; v < n; ++v) {
    std::uint64_t total = 0;
    for (const auto& counts : partial) total += counts[v];
    result.normalized[v] = static_cast<double>(total) / static_cast<double>(result.samples);
    result.score[v] = result.normalized[v] * raw_scale;
  }
  return result;
}

}  // namespace casegraph
