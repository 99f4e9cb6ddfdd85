// PageRank by pull-form block Gauss-Seidel; conventions in pagerank.h.
#include "engine/centrality/pagerank.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace casegraph {
namespace {

// Vertices per block. Blocks are the unit of parallel work and of the
// Gauss-Seidel sweep: inside a block a vertex already reads the new scores of
// the lower-numbered vertices of its block, across blocks it reads last
// sweep's. The block size is a constant, never derived from the thread count,
// so the arithmetic (and every bit of the result) is the same whatever the
// number of threads. 2^18 vertices keeps graphs like soc-Slashdot (82k) in
// one block, a full Gauss-Seidel sweep on one array, and cuts a 1M-vertex
// graph into four blocks for the threads to share.
constexpr VertexId kBlockShift = 18;

struct Inputs {
  const CsrGraph* graph;
  const double* out;  // out-weight (out-degree unweighted); 0 = dangling
  const double* p;    // personalisation, or null = uniform 1/n
  double uniform;     // 1/n
  double d;
};

// One sweep over the vertices [lo, hi) of a block. `old_share` holds last
// sweep's share x[u] / out(u) (x[u] itself for a dangling u, which is never
// pulled from: it has no out-arcs, or only zero-weight ones); `new_share`
// receives this sweep's and, for u in [lo, v), already holds it. Returns the
// block's L1 change and adds its dangling mass to `dangling`.
template <bool kWeighted, bool kPersonalised, bool kInPlace>
double sweep_block(const Inputs& in, VertexId lo, VertexId hi, double restart, const double* old_share,
                   double* new_share, double& dangling) {
  const CsrGraph& g = *in.graph;
  double change = 0;
  double dang = 0;
  // On graphs whose scores outgrow the cache the gathers are cache misses
  // (a 10M-arc graph spent most of each sweep waiting on them): prefetch the
  // score of the source kPrefetch arcs ahead, in whichever row it lies.
  constexpr ArcIndex kPrefetch = 16;
  const ArcIndex last_arc = g.in_arc_end(hi - 1);
  for (VertexId v = lo; v < hi; ++v) {
    double pulled = 0;
    const ArcIndex end = g.in_arc_end(v);
    for (ArcIndex a = g.in_arc_begin(v); a < end; ++a) {
      if (a + kPrefetch < last_arc) __builtin_prefetch(old_share + g.in_source(a + kPrefetch));
      const VertexId u = g.in_source(a);
      // u in [lo, v): updated earlier in this sweep (Gauss-Seidel). In place
      // (one block, one array) every u holds its latest score anyway.
      const double s = (kInPlace || u - lo < v - lo) ? new_share[u] : old_share[u];
      if constexpr (kWeighted) {
        pulled += g.in_weight(a) * s;
      } else {
        pulled += s;
      }
    }
    const double teleport = kPersonalised ? in.p[v] : in.uniform;
    const double value = in.d * pulled + restart * teleport;
    const double out = in.out[v];
    const double previous = out > 0 ? old_share[v] * out : old_share[v];
    change += std::abs(value - previous);
    if (out > 0) {
      new_share[v] = value / out;
    } else {
      new_share[v] = value;
      dang += value;
    }
  }
  dangling += dang;
  return change;
}

using SweepFn = double (*)(const Inputs&, VertexId, VertexId, double, const double*, double*, double&);

template <bool kInPlace>
SweepFn pick_sweep(bool weighted, bool personalised) {
  if (weighted) return personalised ? sweep_block<true, true, kInPlace> : sweep_block<true, false, kInPlace>;
  return personalised ? sweep_block<false, true, kInPlace> : sweep_block<false, false, kInPlace>;
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

  std::vector<double> out(n, 0.0);
  for (VertexId u = 0; u < n; ++u) {
    if (weighted) {
      for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) out[u] += graph.weight(a);
    } else {
      out[u] = graph.out_degree(u);
    }
  }
  const Inputs inputs{&graph, out.data(), personalised ? p.data() : nullptr, 1.0 / n, d};
  const auto blocks = static_cast<std::int64_t>(((static_cast<std::uint64_t>(n) - 1) >> kBlockShift) + 1);
  // One block: a plain Gauss-Seidel sweep, in place. More: two share arrays,
  // swapped after each sweep, so that blocks read the other blocks' scores
  // from last sweep and can run in any order on any thread.
  const bool in_place = blocks == 1;
  const SweepFn sweep = in_place ? pick_sweep<true>(weighted, personalised) : pick_sweep<false>(weighted, personalised);
  std::vector<double> share_a(n), share_b(in_place ? 0 : n);
  double dangling_mass = 0;
  for (VertexId u = 0; u < n; ++u) {
    const double x = personalised ? p[u] : 1.0 / n;
    share_a[u] = out[u] > 0 ? x / out[u] : x;
    if (out[u] == 0) dangling_mass += x;
  }

  // Per-block sums, added up in block order (never per thread), twice over so
  // that a thread may start sweep i + 1 while a slower one still reads sweep
  // i's sums: one barrier per sweep.
  std::vector<double> block_change(2 * static_cast<std::size_t>(blocks), 0.0);
  std::vector<double> block_dangling(2 * static_cast<std::size_t>(blocks), 0.0);
  int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  threads = static_cast<int>(std::min<std::int64_t>(threads, blocks));

  int iterations = 0;
  bool converged = false;
  double* final_share = share_a.data();
#pragma omp parallel num_threads(threads)
  {
    double* old_share = share_a.data();
    double* new_share = in_place ? share_a.data() : share_b.data();
    double dangling = dangling_mass;
    for (int it = 1; it <= params.max_iterations; ++it) {
      const std::size_t parity = static_cast<std::size_t>(it & 1) * static_cast<std::size_t>(blocks);
      const double restart = d * dangling + (1.0 - d);
#pragma omp for schedule(static)
      for (std::int64_t b = 0; b < blocks; ++b) {
        const auto lo = static_cast<VertexId>(b << kBlockShift);
        const auto hi = static_cast<VertexId>(std::min<std::uint64_t>(n, static_cast<std::uint64_t>(b + 1) << kBlockShift));
        double dang = 0;
        block_change[parity + static_cast<std::size_t>(b)] = sweep(inputs, lo, hi, restart, old_share, new_share, dang);
        block_dangling[parity + static_cast<std::size_t>(b)] = dang;
      }  // the barrier: every block of this sweep is written
      double change = 0;
      dangling = 0;
      for (std::int64_t b = 0; b < blocks; ++b) {
        change += block_change[parity + static_cast<std::size_t>(b)];
        dangling += block_dangling[parity + static_cast<std::size_t>(b)];
      }
      std::swap(old_share, new_share);
      // Every thread reaches the same decision from the same sums.
      if (change < params.tolerance || it == params.max_iterations) {
#pragma omp master
        {
          iterations = it;
          converged = change < params.tolerance;
          final_share = old_share;
        }
        break;
      }
    }
  }
  result.iterations = iterations;
  result.converged = converged;

  std::vector<double> x(n);
  for (VertexId v = 0; v < n; ++v) x[v] = out[v] > 0 ? final_share[v] * out[v] : final_share[v];
  const double total = std::accumulate(x.begin(), x.end(), 0.0);
  for (double& v : x) v /= total;
  result.score = std::move(x);
  return result;
}

}  // namespace casegraph
