// Brandes betweenness, vertex and link; conventions in betweenness.h.
//
// Three single-source kernels, all finding successors again in the backward
// pass by testing the distance condition on out-arcs (as gapbs' bc.cc does)
// instead of storing predecessor lists: no per-source allocation, and the arc
// index is at hand for link betweenness.
// - batched BFS (unweighted vertex betweenness on a CPU with AVX-512BW/VL):
//   16 sources at once, one lane each, so that one pass over a vertex's arcs
//   serves every source that reaches the vertex at the current level; sources
//   are batched by proximity (consecutive in a BFS order), so a vertex lies at
//   only two or three distinct distances from the 16 and is visited that many
//   times instead of 16. Hand-written with intrinsics because the compiler
//   neither vectorises across sources nor may assume AVX-512 in a portable
//   build (the function is compiled for it and chosen at run time).
// - per-source BFS (unweighted link betweenness, or no AVX-512);
// - per-source Dijkstra (weighted).
// Every source's dependencies are added in fixed point (ExactSums):
// integer addition is associative, so sources can be spread over threads
// dynamically and the result is the same bits whatever the thread count.
#include "engine/centrality/betweenness.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <utility>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CASEGRAPH_BATCHED_BFS 1
#endif

namespace casegraph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Non-negative sums made exact, hence independent of the order of the terms:
// each term is cut to 63 integer and 63 fraction bits (a truncation below
// 2^-63, far under the 1e-9 the results are checked to) and added as
// integers, the fraction's overflow carried into the integer part. 63 bits,
// not 64, so that the conversions are the signed ones x86-64 does in one
// instruction. Infinite or NaN terms (sigma overflowed a double, on
// astronomically many shortest paths) go to a double sum, which for them is
// order-free too.
class ExactSums {
 public:
  explicit ExactSums(std::size_t size = 0) : whole_(size, 0), fraction_(size, 0) {}

  void add(std::size_t i, double x) {
    if (!(x < 0x1p62)) {
      if (beyond_.empty()) beyond_.assign(whole_.size(), 0.0);
      beyond_[i] += x;
      return;
    }
    const auto whole = static_cast<std::int64_t>(x);  // x >= 0: truncation is the floor
    const auto fraction = static_cast<std::int64_t>((x - static_cast<double>(whole)) * 0x1p63);
    carry(i, static_cast<std::uint64_t>(whole), static_cast<std::uint64_t>(fraction));
  }

  void add_all(const ExactSums& other) {
    for (std::size_t i = 0; i < whole_.size(); ++i) carry(i, other.whole_[i], other.fraction_[i]);
    if (!other.beyond_.empty()) {
      if (beyond_.empty()) beyond_.assign(whole_.size(), 0.0);
      for (std::size_t i = 0; i < whole_.size(); ++i) beyond_[i] += other.beyond_[i];
    }
  }

  double value(std::size_t i) const {
    const double x = static_cast<double>(whole_[i]) + static_cast<double>(fraction_[i]) * 0x1p-63;
    return beyond_.empty() ? x : x + beyond_[i];
  }

 private:
  static constexpr std::uint64_t kFractionMask = (std::uint64_t{1} << 63) - 1;
  void carry(std::size_t i, std::uint64_t whole, std::uint64_t fraction) {
    const std::uint64_t f = fraction_[i] + fraction;  // both < 2^63: no wrap
    whole_[i] += whole + (f >> 63);
    fraction_[i] = f & kFractionMask;
  }
  std::vector<std::uint64_t> whole_;
  std::vector<std::uint64_t> fraction_;  // units of 2^-63, always < 2^63
  std::vector<double> beyond_;
};

// The sums of one fixed chunk of sources in doubles, moved into the exact
// sums when the chunk ends: one thread takes a whole chunk, in source order,
// so the rounding does not depend on the thread count, and the fixed-point
// additions happen once per chunk rather than once per source and arc.
constexpr std::int64_t kChunk = 32;  // sources per chunk in the per-source passes

class ChunkSums {
 public:
  ChunkSums(VertexId n, ArcIndex m, bool arcs) : vertex_(n, 0.0), arc_(arcs ? m : 0, 0.0), touched_(n, 0) {}
  double* vertex() { return vertex_.data(); }
  double* arc() { return arc_.empty() ? nullptr : arc_.data(); }
  // After each source: the vertices it reached (its sums are on them and on their out-arcs).
  void reached(const std::vector<VertexId>& vertices) {
    for (VertexId v : vertices)
      if (!touched_[v]) {
        touched_[v] = 1;
        touched_list_.push_back(v);
      }
  }
  void flush(const CsrGraph& g, ExactSums& acc, ExactSums* arc_acc) {
    for (VertexId v : touched_list_) {
      acc.add(v, vertex_[v]);
      vertex_[v] = 0;
      touched_[v] = 0;
      if (arc_acc == nullptr) continue;
      for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
        arc_acc->add(a, arc_[a]);
        arc_[a] = 0;
      }
    }
    touched_list_.clear();
  }

 private:
  std::vector<double> vertex_;
  std::vector<double> arc_;
  std::vector<char> touched_;
  std::vector<VertexId> touched_list_;
};

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

#ifdef CASEGRAPH_BATCHED_BFS

// Lanes (sources per batch) = 8 x kGroups: kGroups AVX-512 registers of 8
// doubles per vertex for sigma and for the coefficients, one byte per lane
// for the level. 16 lanes measured faster than 32 (email-Eu-core 19 ms
// against 17 ms, but the random 20k-vertex graph 19 s against 26 s, its
// larger state missing the caches).
constexpr int kGroups = 2;
constexpr int kLanes = 8 * kGroups;
constexpr std::uint8_t kFar = 0xFF;  // lane not reached; also the level limit
constexpr double kBatchBytesPerVertex = kLanes * (1 + 8 + 8) + 1;
constexpr double kBatchMemoryLimit = 128.0 * 1024 * 1024;  // per thread (480k vertices), else per-source BFS
constexpr double kBatchCacheBytes = 1024.0 * 1024;  // batch state beyond this (3,800 vertices) misses L2

struct alignas(kLanes) HopLanes {
  std::uint8_t lane[kLanes];
};
struct alignas(64) ValueLanes {
  double lane[kLanes];
};

// One thread's state for a batch of up to kLanes sources; between batches
// every hop is kFar, every sigma 0 and every `listed` kFar.
struct BatchWorkspace {
  explicit BatchWorkspace(VertexId n) : hops(n), sigma(n), coef(n), listed(n, kFar) {
    for (HopLanes& h : hops) std::fill(std::begin(h.lane), std::end(h.lane), kFar);
    for (ValueLanes& x : sigma) std::fill(std::begin(x.lane), std::end(x.lane), 0.0);
  }
  std::vector<HopLanes> hops;      // hops[v].lane[i]: distance from source i
  std::vector<ValueLanes> sigma;   // shortest-path counts
  std::vector<ValueLanes> coef;    // (1 + delta) / sigma, written in the backward pass before it is read
  std::vector<std::uint8_t> listed;  // the last level whose frontier holds v
  // Frontier of level d: frontier[level_start[d] .. level_start[d+1]), the
  // vertices at distance d from at least one source of the batch.
  std::vector<VertexId> frontier;
  std::vector<std::size_t> level_start;
};

#define CASEGRAPH_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl")))

// One bit per lane, and the 16 lanes' levels compared at once.
using LaneMask = __mmask16;
using HopVector = __m128i;

CASEGRAPH_AVX512 inline HopVector load_hops(const HopLanes& h) {
  return _mm_load_si128(reinterpret_cast<const __m128i*>(h.lane));
}
CASEGRAPH_AVX512 inline HopVector level_vector(std::size_t level) {
  return _mm_set1_epi8(static_cast<char>(level));
}
// Lanes of `h` equal to `level`, among those of `among`.
CASEGRAPH_AVX512 inline LaneMask equal(LaneMask among, HopVector h, HopVector level) {
  return _mm_mask_cmpeq_epi8_mask(among, h, level);
}
CASEGRAPH_AVX512 inline void store_hops(HopLanes& h, HopVector x) {
  _mm_store_si128(reinterpret_cast<__m128i*>(h.lane), x);
}
CASEGRAPH_AVX512 inline HopVector blend(LaneMask m, HopVector a, HopVector b) {
  return _mm_mask_mov_epi8(a, m, b);
}
// The 8 lanes of group g.
CASEGRAPH_AVX512 inline __mmask8 group(LaneMask m, int g) { return static_cast<__mmask8>(m >> (8 * g)); }

// Forward pass of a batch: levels, sigma and the frontiers. False if a
// distance would reach kFar (a path of 255 links), with nothing accumulated
// yet: the caller then resets the batch and takes its sources one by one.
// The arc loop has no data-dependent branch (masked stores, the frontier
// push as a conditional increment): whether a far end gains a lane is close
// to a coin toss, and mispredictions cost more than the stores.
CASEGRAPH_AVX512 bool batch_forward(const CsrGraph& g, const VertexId* sources, int count, BatchWorkspace& w) {
  const ArcIndex* offsets = g.offsets().data();
  const VertexId* targets = g.targets().data();
  const std::size_t n = g.num_vertices();
  HopLanes* hops = w.hops.data();
  ValueLanes* sigma = w.sigma.data();
  std::uint8_t* listed = w.listed.data();
  if (w.frontier.size() < 2 * n + 1) w.frontier.resize(2 * n + 1);
  w.level_start.assign(1, 0);
  for (int i = 0; i < count; ++i) {
    const VertexId s = sources[i];
    hops[s].lane[i] = 0;
    sigma[s].lane[i] = 1;
    listed[s] = 0;
    w.frontier[static_cast<std::size_t>(i)] = s;
  }
  w.level_start.push_back(static_cast<std::size_t>(count));
  const HopVector far = level_vector(kFar);
  for (std::size_t d = 0; w.level_start[d] < w.level_start[d + 1]; ++d) {
    const auto next = static_cast<std::uint8_t>(d + 1);
    if (next == kFar) return false;
    const std::size_t level_end = w.level_start[d + 1];
    // A level lists each vertex at most once, and the arc loop writes one
    // slot past the last listed vertex.
    if (w.frontier.size() < level_end + n + 1) w.frontier.resize(2 * (level_end + n + 1));
    VertexId* frontier = w.frontier.data();
    std::size_t top = level_end;
    const HopVector here_v = level_vector(d);
    const HopVector next_v = level_vector(next);
    for (std::size_t i = w.level_start[d]; i < level_end; ++i) {
      const VertexId v = frontier[i];
      const LaneMask at_v = equal(static_cast<LaneMask>(~LaneMask{0}), load_hops(hops[v]), here_v);
      __m512d sigma_v[kGroups];
      for (int k = 0; k < kGroups; ++k) sigma_v[k] = _mm512_load_pd(&sigma[v].lane[8 * k]);
      const ArcIndex arcs_end = offsets[v + 1];
      for (ArcIndex a = offsets[v]; a < arcs_end; ++a) {
        const VertexId t = targets[a];
        const HopVector h = load_hops(hops[t]);
        const LaneMask fresh = equal(at_v, h, far);
        const auto counted = static_cast<LaneMask>(fresh | equal(at_v, h, next_v));
        store_hops(hops[t], blend(fresh, h, next_v));
        const bool list = (fresh != 0) & (listed[t] != next);
        frontier[top] = t;
        top += list;
        listed[t] = list ? next : listed[t];
        double* sigma_t = sigma[t].lane;
        for (int k = 0; k < kGroups; ++k)
          _mm512_mask_store_pd(sigma_t + 8 * k, group(counted, k), _mm512_add_pd(_mm512_load_pd(sigma_t + 8 * k), sigma_v[k]));
      }
    }
    w.level_start.push_back(top);
  }
  return true;
}

// Backward pass of a batch, level by level from the farthest.
// skip_non_successors: test a far end's levels before loading its two lines
// of coefficients. Pays when the batch state misses the caches (random
// 20k-vertex graph: 16.4 s against 19.2 s), costs a branch misprediction
// per arc when it fits (email-Eu-core: 29 ms against 19 ms).
template <bool skip_non_successors>
CASEGRAPH_AVX512 void batch_backward(const CsrGraph& g, BatchWorkspace& w, ExactSums& acc) {
  const ArcIndex* offsets = g.offsets().data();
  const VertexId* targets = g.targets().data();
  HopLanes* hops = w.hops.data();
  ValueLanes* sigma = w.sigma.data();
  ValueLanes* coef = w.coef.data();
  const __m512d one = _mm512_set1_pd(1.0);
  for (std::size_t d = w.level_start.size() - 1; d-- > 0;) {
    const HopVector here_v = level_vector(d);
    const HopVector next_v = level_vector(d + 1);
    for (std::size_t i = w.level_start[d + 1]; i-- > w.level_start[d];) {
      const VertexId v = w.frontier[i];
      const LaneMask at_v = equal(static_cast<LaneMask>(~LaneMask{0}), load_hops(hops[v]), here_v);
      __m512d sum[kGroups];
      for (int k = 0; k < kGroups; ++k) sum[k] = _mm512_setzero_pd();
      const ArcIndex arcs_end = offsets[v + 1];
      for (ArcIndex a = offsets[v]; a < arcs_end; ++a) {
        const VertexId t = targets[a];
        const LaneMask successor = equal(at_v, load_hops(hops[t]), next_v);
        if (skip_non_successors && successor == 0) continue;
        for (int k = 0; k < kGroups; ++k)
          sum[k] = _mm512_mask_add_pd(sum[k], group(successor, k), sum[k], _mm512_load_pd(&coef[t].lane[8 * k]));
      }
      alignas(64) double delta[kLanes];
      for (int k = 0; k < kGroups; ++k) {
        const __mmask8 lanes = group(at_v, k);
        const __m512d sigma_k = _mm512_load_pd(&sigma[v].lane[8 * k]);
        const __m512d delta_k = _mm512_maskz_mul_pd(lanes, sigma_k, sum[k]);
        double* coef_k = &coef[v].lane[8 * k];
        _mm512_store_pd(coef_k, _mm512_mask_div_pd(_mm512_load_pd(coef_k), lanes, _mm512_add_pd(one, delta_k), sigma_k));
        _mm512_store_pd(delta + 8 * k, delta_k);
      }
      // Level 0 holds the sources, whose own dependency does not count. The
      // lanes are summed in a fixed order (GCC 12 warns of an uninitialised
      // register inside its own _mm512_reduce_add_pd).
      if (d > 0) {
        double total = 0;
        for (double x : delta) total += x;
        acc.add(v, total);
      }
    }
  }
}

// Back to all kFar / 0 for the next batch: every vertex the batch reached
// is on a frontier.
CASEGRAPH_AVX512 void batch_reset(BatchWorkspace& w) {
  HopLanes* hops = w.hops.data();
  ValueLanes* sigma = w.sigma.data();
  for (std::size_t i = 0; i < w.level_start.back(); ++i) {
    const VertexId v = w.frontier[i];
    store_hops(hops[v], level_vector(kFar));
    for (int k = 0; k < kGroups; ++k) _mm512_store_pd(&sigma[v].lane[8 * k], _mm512_setzero_pd());
    w.listed[v] = kFar;
  }
}

#undef CASEGRAPH_AVX512

bool cpu_has_batched_bfs() {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl");
}

#else

constexpr int kLanes = 1;
bool cpu_has_batched_bfs() { return false; }

#endif  // CASEGRAPH_BATCHED_BFS

// All vertices in breadth-first order (out-arcs; each unvisited vertex, by
// id, starts a new search): consecutive vertices are mostly siblings or
// cousins, a link or two apart, so a batch of them sees each vertex at few
// distinct distances.
std::vector<VertexId> proximity_order(const CsrGraph& g) {
  const VertexId n = g.num_vertices();
  std::vector<VertexId> order;
  order.reserve(n);
  std::vector<char> seen(n, 0);
  for (VertexId root = 0; root < n; ++root) {
    if (seen[root]) continue;
    seen[root] = 1;
    order.push_back(root);
    for (std::size_t head = order.size() - 1; head < order.size(); ++head)
      for (VertexId t : g.neighbours(order[head]))
        if (!seen[t]) {
          seen[t] = 1;
          order.push_back(t);
        }
  }
  return order;
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
#ifdef CASEGRAPH_BATCHED_BFS
  const bool batched = !weighted && !params.edges && cpu_has_batched_bfs() &&
                       static_cast<double>(n) * kBatchBytesPerVertex <= kBatchMemoryLimit;
#else
  const bool batched = false;
#endif
  // Work items: batches of up to kLanes sources in proximity order, or chunks of kChunk sources.
  const std::vector<VertexId> sources = batched ? proximity_order(graph) : std::vector<VertexId>{};
  const std::int64_t lanes = batched ? kLanes : kChunk;
  const std::int64_t items = (static_cast<std::int64_t>(n) + lanes - 1) / lanes;
  threads = static_cast<int>(std::min<std::int64_t>(threads, items));

  std::vector<ExactSums> partial(static_cast<std::size_t>(threads));
  std::vector<ExactSums> partial_arcs(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
  {
    const auto t = static_cast<std::size_t>(omp_get_thread_num());
    ExactSums& acc = partial[t];
    acc = ExactSums(n);
    if (params.edges) partial_arcs[t] = ExactSums(m);
    ExactSums* arcs = params.edges ? &partial_arcs[t] : nullptr;
    if (batched) {
#ifdef CASEGRAPH_BATCHED_BFS
      BatchWorkspace bw(n);
      const bool state_in_cache = static_cast<double>(n) * kBatchBytesPerVertex <= kBatchCacheBytes;
      Workspace fallback(0, false);
      ChunkSums fallback_sums(0, 0, false);
#pragma omp for schedule(dynamic, 1)
      for (std::int64_t item = 0; item < items; ++item) {
        const auto first = static_cast<std::size_t>(item * lanes);
        const int count = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(lanes), n - first));
        if (batch_forward(graph, &sources[first], count, bw)) {
          if (state_in_cache) {
            batch_backward<false>(graph, bw, acc);
          } else {
            batch_backward<true>(graph, bw, acc);
          }
          batch_reset(bw);
        } else {
          // Too deep for 8-bit levels: clear the batch, take its sources one by one.
          batch_reset(bw);
          if (fallback.bfs.size() != n) {
            fallback = Workspace(n, false);
            fallback_sums = ChunkSums(n, 0, false);
          }
          for (int i = 0; i < count; ++i) {
            from_source_bfs(graph, sources[first + static_cast<std::size_t>(i)], fallback, fallback_sums.vertex(), nullptr);
            fallback_sums.reached(fallback.order);
          }
          fallback_sums.flush(graph, acc, nullptr);
        }
      }
#endif
    } else {
      Workspace w(n, weighted);
      ChunkSums sums(n, m, params.edges);
#pragma omp for schedule(dynamic, 1)
      for (std::int64_t chunk = 0; chunk < items; ++chunk) {
        const std::int64_t end = std::min<std::int64_t>((chunk + 1) * kChunk, n);
        for (std::int64_t s = chunk * kChunk; s < end; ++s) {
          if (weighted) {
            from_source_dijkstra(graph, static_cast<VertexId>(s), w, sums.vertex(), sums.arc());
          } else {
            from_source_bfs(graph, static_cast<VertexId>(s), w, sums.vertex(), sums.arc());
          }
          sums.reached(w.order);
        }
        sums.flush(graph, acc, arcs);
      }
    }
  }
  // Exact sums: the order of the threads does not matter.
  for (std::size_t t = 1; t < partial.size(); ++t) {
    partial[0].add_all(partial[t]);
    if (params.edges) partial_arcs[0].add_all(partial_arcs[t]);
  }
  for (VertexId v = 0; v < n; ++v) result.score[v] = partial[0].value(v);
  if (params.edges)
    for (ArcIndex a = 0; a < m; ++a) result.edge_score[a] = partial_arcs[0].value(a);

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
