// PageRank by in-place Gauss-Seidel with over-relaxation on a reordered copy
// of the graph; conventions in pagerank.h.
#include "engine/centrality/pagerank.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace casegraph {
namespace {

constexpr VertexId kNotSwept = ~VertexId{0};

// The per-solve arrays (the in-arc copy above all: 40 MB on compare.py's
// 1M/10M graph) are asked for in 2 MB pages, with the kernel's transparent
// huge pages on "madvise" (Debian's default). A fresh process's solve on that
// graph, per core (load 4.6-5.5, five alternating runs each): page faults
// 20,267 -> 2,011 (the rest are the returned scores), user time 620-1050 ->
// 360-640 ms (fewer TLB misses in the sweeps' random reads), system time
// 140-200 -> 180-240 ms (the kernel zeroes, and may compact for, the 2 MB
// pages), in all a median 880 -> 625 ms. soc-Slashdot: no faults either way
// (its arrays reuse freed heap), same time. Same bits. Arrays under 2 MB take
// the ordinary heap.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t count) {
    const std::size_t bytes = count * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* memory = std::aligned_alloc(kHugePage, rounded);
    if (memory == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(memory, rounded, MADV_HUGEPAGE);  // a hint: without it, 4 KB pages, same results
#endif
    return static_cast<T*>(memory);
  }
  void deallocate(T* memory, std::size_t count) noexcept {
    if (count * sizeof(T) < kHugePage) {
      ::operator delete(memory);
    } else {
      std::free(memory);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};
template <typename T>
using SolveArray = std::vector<T, HugePageAllocator<T>>;

// Sweep order: vertex-id order, re-sorted by in-degree (fewest first, stable)
// inside windows of kWindow vertices. Measured on soc-Slashdot, 1.7-2x faster
// sweeps than id order: rows of one length follow each other (the inner loop's
// exit is predicted), and vertices with nearby ids, often linked, are no
// longer swept one right after another (each would wait for the store of the
// one before, so the processor could not overlap their sums). The windows keep
// the coarse id order, and with it the locality of graphs numbered by group
// (a fully degree-sorted 1M-vertex planted graph needed 64 sweeps instead of
// 46-53). Degrees above kMaxKey share the last bucket: long rows need no help.
// An order that visits a vertex after its in-neighbours does not pay here:
// tried at tolerance 1e-12 (sweeps at omega 1.3 / 1), on soc-Slashdot, a 200k
// planted graph and the 1M/10M one, against this order's 44/83, 50/71, 50/72:
// reader's order 43/84, 49/71, 49; reverse postorder of a depth-first search
// along out-arcs 43/84, 48/70, 48/70; breadth-first 43/84, 49/72, 62;
// sources first (out- minus in-degree, descending) 41/79, 49/78 (42 and 49
// re-sorted in these windows, no faster). The whole orders ran 1.15-2.5x
// slower per sweep, having lost the locality (per core, load 4-5). These
// graphs are nearly one strongly connected component (reciprocated ties,
// random directions), so any order gets about half the in-arcs from earlier
// positions (0.49-0.52; 0.56-0.62 for sources first) and Gauss-Seidel's
// convergence barely moves.
constexpr std::size_t kWindow = 8192;
constexpr VertexId kMaxKey = 255;

// After each sweep the shares (and the dangling mass) are scaled so that all
// scores sum to 1, as the power method's iterates do. Gauss-Seidel does not
// keep the sum, and (we think) the sum's error decays at about d per sweep
// (the PageRank vector's own mode), while the power method's error, summing to
// zero, decays at d times the second eigenvalue: on the planted graphs that
// is 0.6 per sweep, and plain Gauss-Seidel (0.73 per sweep) took 71 sweeps
// to tolerance 1e-12 where the power method took 49. Rescaled, Gauss-Seidel
// took 28 (22 at omega 1.1). The pass costs n multiplications a sweep.
//
// Successive over-relaxation: x <- x + omega * (Gauss-Seidel value - x),
// omega chosen per solve: kTuneAtSweep plain sweeps, then Young's optimum
// 2 / (1 + sqrt(1 - rho)) for the last ratio rho of successive changes (the
// Gauss-Seidel contraction). The best fixed omega differs by graph (with the
// rescaling, 1.1 took the planted graphs to 22 sweeps and soc-Slashdot to 54;
// 1.3 took them to 50 and 40); the tuned one came out 1.30 on soc-Slashdot
// (rho 0.71) and 1.125 on the planted graphs (rho 0.39-0.40). Sweeps to 1e-12
// / L1 error against a long-double solve: soc-Slashdot 34 / 6.2e-13, a 200k
// planted graph 23 / 3.2e-13, the 1M/10M one 24 / 1.0e-13 (fixed 1.25: 35,
// 40, 40; before the rescaling, 1.3: 44, 50, 50; igraph's error 1.2e-12 on
// soc-Slashdot, 4.9e-13 on the 1M/10M graph). Tuning at sweep 3, 5 or 8
// read rho too early on soc-Slashdot (0.2-0.56: 44-60 sweeps); 10-15 gave
// 34-36 and 23-24.
// Without the rescaling: 1.3 halved the sweeps on soc-Slashdot (69 -> 36) and
// cut them by a third on a 1M-vertex planted graph (64 -> 41); 1.5 and above
// diverged on soc-Slashdot.
// A solve whose change ever grows from one sweep to the next (past the first
// few) goes back to plain Gauss-Seidel (omega 1, which always converges here).
// 1.35-1.4 took a sixth fewer sweeps on soc-Slashdot (41 -> 35 at tolerance
// 5e-12) but more on a 200k planted graph (47 -> 65 and 100); 1.2 the reverse
// (52 and 43).
constexpr int kTuneAtSweep = 12;
constexpr double kLargestRatio = 0.95;  // omega <= 1.63: stay clear of divergence

double over_relaxation(double ratio) {
  return 2.0 / (1.0 + std::sqrt(1.0 - std::clamp(ratio, 0.0, kLargestRatio)));
}
constexpr int kSettlingSweeps = 3;

// The first sweeps read and write single-precision shares: half the bytes
// gathered per arc. Once the L1 change falls below this, the shares go on in
// double precision, far from float's rounding floor (about 1e-7 of the scores'
// sum), so the double sweeps polish to the tolerance as from any start.
constexpr double kSinglePrecisionUntil = 1e-5;

// The graph as the sweeps read it. Only "swept" vertices iterate: those with
// in-arcs and out-weight. The others are closed-form given the restart mass
// r = d * (dangling mass) + (1 - d) of a sweep (PRPACK separates them too):
// - a vertex with no in-arcs scores r * p[v] (its share reaches its
//   out-neighbours through `base`);
// - a dangling vertex (out-weight 0) is read by nobody: it is computed once at
//   the end, and its mass, which the restart needs every sweep, is
//   d * (the swept shares flowing into dangling vertices) + r * Q.
struct SweepGraph {
  VertexId swept = 0;
  SolveArray<VertexId> order;     // order[i]: the vertex at sweep position i
  SolveArray<VertexId> position;  // position[v]: v's sweep position, or kNotSwept
  SolveArray<ArcIndex> offsets;   // in-arcs of position i: offsets[i] .. offsets[i + 1] - 1
  SolveArray<VertexId> sources;   // sweep positions of their sources (swept ones only; the tail past offsets[swept] is unused)
  SolveArray<float> weights;      // their weights (weighted only)
  SolveArray<double> out;         // out-weight of position i
  SolveArray<double> base;        // p[v] + d * (sum over sourceless in-neighbours u of w * p[u] / out[u])
  SolveArray<VertexId> feeds_dangling;  // per arc from a swept vertex into a dangling one: its source's position
  SolveArray<double> into_dangling;     // and its weight
  double dangling_teleport = 0;          // Q: dangling mass per unit of restart, beyond the swept shares
  double sourceless_teleport = 0;        // sum of p over sourceless vertices with out-weight
};

SolveArray<VertexId> sweep_order(const CsrGraph& g, const SolveArray<double>& out) {
  const VertexId n = g.num_vertices();
  SolveArray<VertexId> order;
  std::array<std::size_t, kMaxKey + 2> start{};
  std::vector<VertexId> window;
  for (VertexId first = 0; first < n; first += static_cast<VertexId>(std::min<std::size_t>(kWindow, n - first))) {
    const auto last = static_cast<VertexId>(std::min<std::size_t>(n, first + kWindow));
    window.clear();
    for (VertexId v = first; v < last; ++v)
      if (out[v] > 0 && g.in_degree(v) > 0) window.push_back(v);
    // Counting sort by the capped in-degree (stable).
    start.fill(0);
    for (VertexId v : window) ++start[std::min(g.in_degree(v), kMaxKey) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    const std::size_t at = order.size();
    order.resize(at + window.size());
    for (VertexId v : window) order[at + start[std::min(g.in_degree(v), kMaxKey)]++] = v;
  }
  return order;
}

SweepGraph build_sweep_graph(const CsrGraph& g, const SolveArray<double>& out, const double* p, double uniform,
                             double d, bool weighted) {
  const VertexId n = g.num_vertices();
  const auto teleport = [&](VertexId v) { return p ? p[v] : uniform; };
  SweepGraph s;
  s.order = sweep_order(g, out);
  s.swept = static_cast<VertexId>(s.order.size());
  s.position.assign(n, kNotSwept);
  for (VertexId i = 0; i < s.swept; ++i) s.position[s.order[i]] = i;
  ArcIndex in_arcs = 0;
  for (VertexId v : s.order) in_arcs += g.in_degree(v);
  s.offsets.resize(static_cast<std::size_t>(s.swept) + 1);
  s.sources.resize(in_arcs);
  if (weighted) s.weights.resize(in_arcs);
  s.out.resize(s.swept);
  s.base.resize(s.swept);
  // The in-arcs from swept sources, kept without a branch (the next arc
  // overwrites a dropped one): a branch on the source's kind was mispredicted
  // often enough to cost more than the copy itself.
  ArcIndex kept = 0;
  for (VertexId i = 0; i < s.swept; ++i) {
    const VertexId v = s.order[i];
    s.offsets[i] = kept;
    s.out[i] = out[v];
    s.base[i] = teleport(v);
    for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) {
      const VertexId at = s.position[g.in_source(a)];
      s.sources[kept] = at;
      if (weighted) s.weights[kept] = static_cast<float>(g.in_weight(a));
      kept += at != kNotSwept;
    }
  }
  s.offsets[s.swept] = kept;
  // The closed-form vertices. A sourceless vertex with out-weight pushes its
  // fixed share forward along its out-arcs: into `base`, or, for a dangling
  // target, into Q. A dangling vertex's in-arcs from swept vertices make the
  // list the sweeps read (in any order: the flow is a sum); the arcs from
  // sourceless vertices were counted by the push, those from dangling
  // vertices weigh 0.
  for (VertexId u = 0; u < n; ++u) {
    if (s.position[u] != kNotSwept) continue;
    if (out[u] > 0) {
      s.sourceless_teleport += teleport(u);
      const double share = d * teleport(u) / out[u];
      for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
        const VertexId at = s.position[g.target(a)];
        const double pushed = (weighted ? g.weight(a) : 1.0) * share;
        if (at != kNotSwept) {
          s.base[at] += pushed;
        } else {
          s.dangling_teleport += pushed;  // a target with an in-arc that is not swept dangles
        }
      }
      continue;
    }
    s.dangling_teleport += teleport(u);
    for (ArcIndex a = g.in_arc_begin(u); a < g.in_arc_end(u); ++a) {
      const VertexId at = s.position[g.in_source(a)];
      if (at == kNotSwept) continue;
      s.feeds_dangling.push_back(at);
      s.into_dangling.push_back(weighted ? g.in_weight(a) : 1.0);
    }
  }
  return s;
}

// What one sweep did to the swept scores.
struct SweepTotals {
  double change = 0;  // L1 change
  double mass = 0;    // their sum after the sweep
};

// One sweep, in place. share[i] = x[v] / out[v] for v = order[i]; a vertex
// reads the shares earlier positions already updated in this sweep. Real is
// float for the first sweeps (see kSinglePrecisionUntil), double after.
template <bool kWeighted, typename Real>
SweepTotals sweep(const SweepGraph& s, double d, double restart, double omega, Real* share) {
  const ArcIndex* offsets = s.offsets.data();
  const VertexId* sources = s.sources.data();
  const float* weights = s.weights.data();
  const double* base = s.base.data();
  const double* out = s.out.data();
  SweepTotals totals;
  for (VertexId i = 0; i < s.swept; ++i) {
    // Two running sums: one would make every add wait for the previous one.
    Real pulled0 = 0, pulled1 = 0;
    const ArcIndex end = offsets[i + 1];
    ArcIndex a = offsets[i];
    for (; a + 2 <= end; a += 2) {
      if constexpr (kWeighted) {
        pulled0 += static_cast<Real>(weights[a]) * share[sources[a]];
        pulled1 += static_cast<Real>(weights[a + 1]) * share[sources[a + 1]];
      } else {
        pulled0 += share[sources[a]];
        pulled1 += share[sources[a + 1]];
      }
    }
    if (a < end) pulled0 += (kWeighted ? static_cast<Real>(weights[a]) : Real{1}) * share[sources[a]];
    const double previous = static_cast<double>(share[i]) * out[i];
    const double gauss_seidel = d * static_cast<double>(pulled0 + pulled1) + restart * base[i];
    const double value = previous + omega * (gauss_seidel - previous);
    totals.change += std::abs(value - previous);
    totals.mass += value;
    share[i] = static_cast<Real>(value / out[i]);
  }
  return totals;
}

template <typename Real>
double flow_into_dangling(const SweepGraph& s, const Real* share) {
  double flow = 0;
  for (std::size_t k = 0; k < s.feeds_dangling.size(); ++k) flow += s.into_dangling[k] * share[s.feeds_dangling[k]];
  return flow;
}

// Where a solve stands between sweeps.
struct Iteration {
  double dangling = 0;    // the dangling mass of the last sweep
  double restart = 1.0;   // the restart mass of the last sweep (x = p: as if it were 1)
  double change = std::numeric_limits<double>::infinity();
  double omega = 1.0;     // plain Gauss-Seidel until kTuneAtSweep
  int sweeps = 0;
};

// Sweeps until the L1 change falls below `stop_below` or `max_sweeps` in all.
template <typename Real>
void iterate(const SweepGraph& s, double d, double stop_below, int max_sweeps, bool weighted, Real* share,
             Iteration& state) {
  const auto sweep_once = weighted ? sweep<true, Real> : sweep<false, Real>;
  while (state.sweeps < max_sweeps && !(state.change < stop_below)) {
    const double restart = d * state.dangling + (1.0 - d);
    const SweepTotals totals = sweep_once(s, d, restart, state.omega, share);
    double dangling = d * flow_into_dangling(s, share) + restart * s.dangling_teleport;
    // Back to a total mass of 1 (why: above kTuneAtSweep).
    const double scale = 1.0 / (totals.mass + dangling + restart * s.sourceless_teleport);
    for (VertexId i = 0; i < s.swept; ++i) share[i] = static_cast<Real>(share[i] * scale);
    dangling *= scale;
    // The closed-form vertices change too: the dangling mass (a lower bound of
    // the dangling vertices' L1 change) and the sourceless vertices.
    double change = totals.change + std::abs(dangling - state.dangling) +
                    std::abs(restart - state.restart) * s.sourceless_teleport;
    state.dangling = dangling;
    state.restart = restart;
    ++state.sweeps;
    if (state.sweeps == kTuneAtSweep) {
      state.omega = over_relaxation(change / state.change);
    } else if (state.sweeps > kTuneAtSweep + kSettlingSweeps && change > state.change) {
      state.omega = 1.0;
    }
    state.change = change;
  }
}

std::vector<double> normalised_personalisation(const std::vector<double>& given, VertexId n) {
  if (given.size() != n) throw std::invalid_argument("pagerank: personalization needs one value per vertex");
  double sum = 0;
  for (double v : given) {
    if (!(v >= 0.0) || !std::isfinite(v))
      throw std::invalid_argument("pagerank: personalization values must be finite and >= 0");
    sum += v;
  }
  if (!(sum > 0.0)) throw std::invalid_argument("pagerank: personalization sums to zero");
  std::vector<double> p(n);
  for (VertexId v = 0; v < n; ++v) p[v] = given[v] / sum;
  return p;
}

// Every vertex's score from the swept shares and the last sweep's restart,
// normalised to sum 1.
std::vector<double> assemble_scores(const CsrGraph& g, const SweepGraph& s, const SolveArray<double>& out,
                                    const double* share, const double* p, double uniform, double d, double restart,
                                    bool weighted) {
  const VertexId n = g.num_vertices();
  const auto teleport = [&](VertexId v) { return p ? p[v] : uniform; };
  const auto share_of = [&](VertexId u) {
    if (s.position[u] != kNotSwept) return share[s.position[u]];
    return out[u] > 0 ? restart * teleport(u) / out[u] : 0.0;
  };
  std::vector<double> x(n);
  for (VertexId v = 0; v < n; ++v) {
    if (s.position[v] != kNotSwept) {
      x[v] = share[s.position[v]] * out[v];
    } else if (g.in_degree(v) == 0) {
      x[v] = restart * teleport(v);
    } else {
      double pulled = 0;
      for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a)
        pulled += (weighted ? g.in_weight(a) : 1.0) * share_of(g.in_source(a));
      x[v] = d * pulled + restart * teleport(v);
    }
  }
  const double total = std::accumulate(x.begin(), x.end(), 0.0);
  for (double& v : x) v /= total;
  return x;
}

}  // namespace

PageRankResult pagerank(const CsrGraph& graph, const PageRankParams& params) {
  const VertexId n = graph.num_vertices();
  const double d = params.damping;
  if (!(d >= 0.0 && d <= 1.0)) throw std::invalid_argument("pagerank: damping must be in [0, 1]");
  if (!(params.tolerance >= 0.0)) throw std::invalid_argument("pagerank: tolerance must be >= 0");
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const bool weighted = params.weighted && graph.weighted();
  if (weighted)
    for (float w : graph.weights())
      if (!(w >= 0.0f) || !std::isfinite(w)) throw std::invalid_argument("pagerank: weights must be finite and >= 0");
  const bool personalised = !params.personalization.empty();
  std::vector<double> p;
  if (personalised) p = normalised_personalisation(params.personalization, n);
  const double* teleport = personalised ? p.data() : nullptr;
  const double uniform = 1.0 / n;

  SolveArray<double> out(n, 0.0);
  for (VertexId u = 0; u < n; ++u) {
    if (weighted) {
      for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) out[u] += graph.weight(a);
    } else {
      out[u] = graph.out_degree(u);
    }
  }
  const SweepGraph s = build_sweep_graph(graph, out, teleport, uniform, d, weighted);
  // Start from x = p, in single precision until the change is small (see
  // kSinglePrecisionUntil), then in double precision from there.
  SolveArray<float> rough(s.swept);
  for (VertexId i = 0; i < s.swept; ++i)
    rough[i] = static_cast<float>((teleport ? teleport[s.order[i]] : uniform) / s.out[i]);
  Iteration state;
  for (VertexId v = 0; v < n; ++v)
    if (out[v] == 0) state.dangling += teleport ? teleport[v] : uniform;
  const double tolerance = params.tolerance;
  iterate(s, d, std::max(tolerance, kSinglePrecisionUntil), params.max_iterations, weighted, rough.data(), state);
  SolveArray<double> share(rough.begin(), rough.end());
  rough = {};
  if (state.change >= tolerance) iterate(s, d, tolerance, params.max_iterations, weighted, share.data(), state);
  result.iterations = state.sweeps;
  result.converged = state.change < tolerance;
  result.score = assemble_scores(graph, s, out, share.data(), teleport, uniform, d, state.restart, weighted);
  return result;
}

}  // namespace casegraph
