// Brandes betweenness, vertex and link; conventions in betweenness.h.
//
// Successors are found again in the backward pass by testing the distance
// condition on out-arcs (as gapbs' bc.cc does) instead of storing predecessor
// lists: no per-source allocation, and the arc index is at hand for link
// betweenness.
#include "engine/centrality/betweenness.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <utility>

namespace casegraph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Per-vertex state of the unweighted pass, kept together so that the arc
// loops touch one cache line per far end instead of three arrays.
struct BfsState {
  double sigma = 0;    // number of shortest s-v paths
  double coef = 0;     // (1 + delta[v]) / sigma[v], set in the backward pass
  std::int32_t hops = -1;  // BFS distance, -1 unreached
};

// One thread's state for single-source passes; reset after each source by
// walking only the vertices that source reached.
struct Workspace {
  explicit Workspace(VertexId n, bool weighted)
      : bfs(weighted ? 0 : n), sigma(weighted ? n : 0, 0.0), delta(weighted ? n : 0, 0.0),
        dist(weighted ? n : 0, kInf), rank(weighted ? n : 0, 0), settled(weighted ? n : 0, 0) {
    order.reserve(n);
  }
  std::vector<BfsState> bfs;          // (unweighted)
  std::vector<double> sigma;          // number of shortest s-v paths (weighted)
  std::vector<double> delta;          // dependency of s on v (weighted)
  std::vector<double> dist;           // path length (weighted)
  std::vector<std::uint32_t> rank;    // position in `order` (weighted)
  std::vector<char> settled;          // (weighted)
  std::vector<VertexId> order;        // vertices in non-decreasing distance from s
  std::vector<std::pair<double, VertexId>> heap;
};

// Brandes' dependency delta[v] = sum over successors t of sigma[v] / sigma[t]
// * (1 + delta[t]) is summed as sigma[v] * sum coef[t], coef[t] = (1 +
// delta[t]) / sigma[t]: one division per vertex instead of one per arc.
void from_source_bfs(const CsrGraph& g, VertexId s, Workspace& w, double* acc, double* arc_acc) {
  BfsState* st = w.bfs.data();
  const ArcIndex* offsets = g.offsets().data();
  const VertexId* targets = g.targets().data();
  w.order.clear();
  w.order.push_back(s);
  st[s].hops = 0;
  st[s].sigma = 1;
  for (std::size_t head = 0; head < w.order.size(); ++head) {
    const VertexId v = w.order[head];
    const std::int32_t next = st[v].hops + 1;
    const double sigma_v = st[v].sigma;
    for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
      BfsState& t = st[targets[a]];
      if (t.hops < 0) {
        t.hops = next;
        w.order.push_back(targets[a]);
      }
      if (t.hops == next) t.sigma += sigma_v;
    }
  }
  for (std::size_t i = w.order.size(); i-- > 0;) {
    const VertexId v = w.order[i];
    const std::int32_t next = st[v].hops + 1;
    const double sigma_v = st[v].sigma;
    double sum = 0;
    if (arc_acc == nullptr) {
      for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
        const BfsState& t = st[targets[a]];
        if (t.hops == next) sum += t.coef;
      }
    } else {
      for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
        const BfsState& t = st[targets[a]];
        if (t.hops != next) continue;
        sum += t.coef;
        arc_acc[a] += sigma_v * t.coef;
      }
    }
    const double delta_v = sigma_v * sum;
    st[v].coef = (1.0 + delta_v) / sigma_v;
    if (v != s) acc[v] += delta_v;
  }
  for (VertexId v : w.order) st[v] = BfsState{};
}

void from_source_dijkstra(const CsrGraph& g, VertexId s, Workspace& w, double* acc, double* arc_acc) {
  const auto later = std::greater<std::pair<double, VertexId>>();
  w.order.clear();
  w.heap.clear();
  w.dist[s] = 0;
  w.sigma[s] = 1;
  w.heap.emplace_back(0.0, s);
  while (!w.heap.empty()) {
    std::pop_heap(w.heap.begin(), w.heap.end(), later);
    const auto [dv, v] = w.heap.back();
    w.heap.pop_back();
    if (w.settled[v]) continue;  // a stale entry
    w.settled[v] = 1;
    w.rank[v] = static_cast<std::uint32_t>(w.order.size());
    w.order.push_back(v);
    for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
      const VertexId t = g.target(a);
      if (w.settled[t]) continue;
      const double nd = dv + g.weight(a);
      if (nd < w.dist[t]) {
        w.dist[t] = nd;
        w.sigma[t] = w.sigma[v];
        w.heap.emplace_back(nd, t);
        std::push_heap(w.heap.begin(), w.heap.end(), later);
      } else if (nd == w.dist[t]) {
        w.sigma[t] += w.sigma[v];
      }
    }
  }
  for (std::size_t i = w.order.size(); i-- > 0;) {
    const VertexId v = w.order[i];
    double dv = 0;
    for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
      const VertexId t = g.target(a);
      // The forward pass counted v -> t only if t was still unsettled when v
      // settled: the rank test keeps the two passes in step even when a tiny
      // weight vanishes in rounding (dist[v] + w == dist[v]).
      if (!w.settled[t] || w.rank[t] <= w.rank[v] || w.dist[t] != w.dist[v] + g.weight(a)) continue;
      const double c = w.sigma[v] / w.sigma[t] * (1.0 + w.delta[t]);
      dv += c;
      if (arc_acc != nullptr) arc_acc[a] += c;
    }
    w.delta[v] = dv;
    if (v != s) acc[v] += dv;
  }
  for (VertexId v : w.order) {
    w.dist[v] = kInf;
    w.settled[v] = 0;
    w.sigma[v] = 0;
    w.delta[v] = 0;
  }
}

// Index of the arc v -> u (rows are sorted by target).
ArcIndex reverse_arc(const CsrGraph& g, VertexId u, VertexId v) {
  const auto& targets = g.targets();
  auto first = targets.begin() + static_cast<std::ptrdiff_t>(g.arc_begin(v));
  auto last = targets.begin() + static_cast<std::ptrdiff_t>(g.arc_end(v));
  return static_cast<ArcIndex>(std::lower_bound(first, last, u) - targets.begin());
}

}  // namespace

BetweennessResult betweenness(const CsrGraph& graph, const BetweennessParams& params) {
  const VertexId n = graph.num_vertices();
  const ArcIndex m = graph.num_arcs();
  const bool weighted = params.weighted && graph.weighted();
  if (weighted)
    for (float w : graph.weights())
      if (!(w > 0.0f) || !std::isfinite(w))
        throw std::invalid_argument("betweenness: weights (lengths) must be finite and > 0");

  BetweennessResult result;
  result.score.assign(n, 0.0);
  if (params.edges) result.edge_score.assign(m, 0.0);
  if (n == 0) return result;

  int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  threads = static_cast<int>(std::min<std::int64_t>(threads, n));
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
  std::vector<std::vector<double>> partial_arcs(static_cast<std::size_t>(threads));
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel num_threads(threads)
  {
    const auto t = static_cast<std::size_t>(omp_get_thread_num());
    Workspace w(n, weighted);
    std::vector<double>& acc = partial[t];
    std::vector<double>& arc_acc = partial_arcs[t];
    acc.assign(n, 0.0);
    if (params.edges) arc_acc.assign(m, 0.0);
    double* arcs = params.edges ? arc_acc.data() : nullptr;
#pragma omp for schedule(static, 1)
    for (std::int64_t s = 0; s < sn; ++s) {
      if (weighted) {
        from_source_dijkstra(graph, static_cast<VertexId>(s), w, acc.data(), arcs);
      } else {
        from_source_bfs(graph, static_cast<VertexId>(s), w, acc.data(), arcs);
      }
    }
  }
  // Summed in thread order, so a given thread count always gives the same bits.
  for (const std::vector<double>& acc : partial)
    for (VertexId v = 0; v < acc.size(); ++v) result.score[v] += acc[v];
  if (params.edges)
    for (const std::vector<double>& acc : partial_arcs)
      for (ArcIndex a = 0; a < acc.size(); ++a) result.edge_score[a] += acc[a];

  const bool undirected = !graph.directed();
  const double nd = n;
  if (undirected) {
    // Every unordered pair was counted from both ends.
    for (double& s : result.score) s /= 2;
    if (params.edges) {
      std::vector<double> both(m, 0.0);
      for (VertexId u = 0; u < n; ++u)
        for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a)
          both[a] = (result.edge_score[a] + result.edge_score[reverse_arc(graph, u, graph.target(a))]) / 2;
      result.edge_score = std::move(both);
    }
  }
  if (params.normalized) {
    const double pairs_scale = undirected ? 2.0 : 1.0;
    if (n > 2)
      for (double& s : result.score) s *= pairs_scale / ((nd - 1) * (nd - 2));
    if (params.edges && n > 1)
      for (double& s : result.edge_score) s *= pairs_scale / (nd * (nd - 1));
  }
  return result;
}

}  // namespace casegraph
