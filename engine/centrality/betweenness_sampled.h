#pragma once
// Approximate betweenness by path sampling with a guaranteed error bound
// (M. Riondato & E. M. Kornaropoulos, "Fast approximation of betweenness
// centrality through sampling", Data Min. Knowl. Disc. 30, 2016), for graphs
// too large for exact Brandes (betweenness.h).
//
// The estimate: draw r ordered pairs (s, t), s != t, uniformly; for each, if t
// is reachable, one shortest s-t path uniformly among all of them; every
// vertex inside the path gains 1/r. With probability at least 1 - delta, for
// EVERY vertex v at once,
//     | estimate(v) - b(v) | <= epsilon,
//     b(v) = 1/(n(n-1)) * sum over ordered pairs s != t of sigma_st(v)/sigma_st,
// provided
//     r = ceil( (c / epsilon^2) * ( floor(log2(VD - 2)) + 1 + ln(1/delta) ) ),
// c = 0.5 (the universal constant RK use), VD an upper bound on the vertex
// diameter (the most vertices on any shortest path; VD - 2 is taken as at
// least 1).
// VD bound used: unweighted undirected, per connected component, one BFS from
// its first vertex: d1 + d2 + 1 with d1, d2 the two largest distances (any
// shortest path a..b has d(a,b) <= d(a,x) + d(x,b)), capped by the component
// size; weighted or directed: the size of the largest weakly connected
// component (a shortest path is simple and stays inside one) -- safe but
// loose, so those graphs draw more samples.
//
// Scales: `normalized` is b(v) above (ordered pairs over n(n-1)); `score` is
// on betweenness()'s raw pair-count scale (normalized * n(n-1), halved on an
// undirected graph), so the guarantee there reads |score - exact| <=
// epsilon * n(n-1) (directed) or epsilon * n(n-1)/2 (undirected); networkx's
// normalized=True figure is normalized * n/(n-2).
// Determinism: sample i draws from its own counter-based random stream
// (splitmix64 of seed and i), and counts are integers, so the result depends
// on the seed only, not on the thread count.
// Weighted: weights are lengths (finite, > 0); ties are exact equality of
// double sums, as in betweenness.h.
#include <cstdint>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct SampledBetweennessParams {
  double epsilon = 0.01;  // additive error bound on the normalized scale, in (0, 1)
  double delta = 0.1;     // failure probability, in (0, 1)
  std::uint64_t seed = 1;
  bool weighted = false;
  int threads = 0;
};

struct SampledBetweennessResult {
  std::vector<double> score;       // raw pair-count scale, as betweenness()
  std::vector<double> normalized;  // b(v) estimate, ordered pairs / (n(n-1))
  std::uint64_t samples = 0;       // r
  VertexId vertex_diameter_bound = 0;
  double raw_error_bound = 0;      // epsilon on the raw scale
};

// r for a given vertex-diameter bound (exposed for tests and --help figures).
std::uint64_t riondato_kornaropoulos_sample_size(VertexId vertex_diameter_bound, double epsilon, double delta);

// The vertex-diameter bound described above.
VertexId vertex_diameter_bound(const CsrGraph& graph, bool weighted);

// Throws std::invalid_argument for epsilon or delta outside (0, 1) or a weight
// that is not finite and > 0 when weighted.
SampledBetweennessResult betweenness_sampled(const CsrGraph& graph, const SampledBetweennessParams& params = {});

}  // namespace casegraph
