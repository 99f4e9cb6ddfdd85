// Google Benchmark kernels for the centrality measures beyond PageRank
// (speed_kernels.cpp has it): exact betweenness (vertex, directed, links, and
// a random graph), closeness, harmonic, eigenvector, HITS, core number,
// clustering, key players and sampled betweenness and degree, on the shared
// real networks. Thread count is the argument where the algorithm is parallel.
//   casegraph_bench --benchmark_filter='Betweenness|Closeness|Harmonic|Eigenvector|Hits|Core|Clustering|KeyPlayer|Sampled'
// Graphs: email-Eu-core (1005 vertices, 16,064 edges undirected) for the
// all-pairs measures; soc-Slashdot0902 (82,168 vertices, 948,464 arcs,
// 504,230 undirected edges) for the linear-time and spectral ones;
// netscience (1589 vertices, 396 components) for the key-player search.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bench/shared_graphs.h"
#include "engine/centrality/betweenness.h"
#include "engine/centrality/betweenness_sampled.h"
#include "engine/centrality/closeness.h"
#include "engine/centrality/clustering.h"
#include "engine/centrality/core_number.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/eigenvector.h"
#include "engine/centrality/harmonic.h"
#include "engine/centrality/hits.h"
#include "engine/centrality/key_player.h"

namespace casegraph {
namespace {

constexpr const char* kEmail = "perf/email_eu_core/email-Eu-core.txt";
constexpr const char* kSlashdot = "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz";
constexpr const char* kNetscience = "graphs/netscience.gml";

void closeness_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kEmail, false);
  ClosenessParams p;
  p.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(closeness(g, p).score.data());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * g.num_vertices());  // sources
}

void harmonic_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kEmail, false);
  HarmonicParams p;
  p.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(harmonic(g, p).score.data());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * g.num_vertices());
}

void clustering_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kSlashdot, false);
  ClusteringParams p;
  p.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(local_clustering(g, p).score.data());
}

void eigenvector_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kSlashdot, false);
  EigenvectorParams p;
  p.threads = static_cast<int>(state.range(0));
  p.tolerance = 1e-10;
  EigenvectorResult r;
  for (auto _ : state) {
    r = eigenvector_centrality(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["iterations"] = r.iterations;
}

void hits_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kSlashdot, true);
  HitsParams p;
  p.tolerance = 1e-14;  // per vertex
  HitsResult r;
  for (auto _ : state) {
    r = hits(g, p);
    benchmark::DoNotOptimize(r.hubs.data());
  }
  state.counters["iterations"] = r.iterations;
}

void degree_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kSlashdot, true);
  DegreeParams p;
  p.direction = DegreeDirection::total;
  for (auto _ : state) benchmark::DoNotOptimize(degree_centrality(g, p).score.data());
}

void core_number_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kSlashdot, false);
  for (auto _ : state) benchmark::DoNotOptimize(core_number(g).score.data());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.num_arcs()));
}

void key_player_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kNetscience, false);
  KeyPlayerParams p;
  p.objective = state.range(0) == 0 ? KeyPlayerObjective::fragmentation : KeyPlayerObjective::reach;
  p.k = 5;
  KeyPlayerResult r;
  for (auto _ : state) {
    r = key_players(g, p);
    benchmark::DoNotOptimize(r.members.data());
  }
  state.counters["evaluations"] = static_cast<double>(r.evaluations);
}

void sampled_betweenness_kernel(benchmark::State& state) {
  const CsrGraph& g = bench::shared_graph(kEmail, false);
  SampledBetweennessParams p;
  p.epsilon = 0.02;
  p.threads = static_cast<int>(state.range(0));
  SampledBetweennessResult r;
  for (auto _ : state) {
    r = betweenness_sampled(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["samples"] = static_cast<double>(r.samples);
}

// Exact betweenness. Argument: threads. The vertex scores take the batched
// (16 sources per pass) BFS where the CPU has AVX-512; links and weights
// take the per-source passes.
void betweenness_variant_kernel(benchmark::State& state, const CsrGraph& g, BetweennessParams p) {
  p.threads = static_cast<int>(state.range(0));
  BetweennessResult r;
  for (auto _ : state) {
    r = betweenness(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * g.num_vertices());  // sources
}

// Uniform random graph as bench/compare.py's random_20k_100k, a quarter of
// its size (5,000 vertices, 25,000 distinct edges, mean degree 10): the full
// 20k run is minutes, too long for a kernel; per source this one does 1/4 of
// the work on 1/4 of the state.
const CsrGraph& random_graph_5k() {
  static const CsrGraph graph = [] {
    constexpr VertexId n = 5000;
    std::mt19937_64 rng(5000);
    std::uniform_int_distribution<VertexId> pick(0, n - 1);
    std::set<std::pair<VertexId, VertexId>> seen;
    std::vector<Edge> edges;
    while (edges.size() < 25000) {
      const VertexId u = pick(rng);
      const VertexId v = pick(rng);
      if (u == v || !seen.emplace(std::min(u, v), std::max(u, v)).second) continue;
      edges.push_back({u, v, 1.0});
    }
    return CsrGraph::from_edges(n, edges, false, false);
  }();
  return graph;
}

void betweenness_email(benchmark::State& state) {
  betweenness_variant_kernel(state, bench::shared_graph(kEmail, false), {});
}
void betweenness_email_directed(benchmark::State& state) {
  betweenness_variant_kernel(state, bench::shared_graph(kEmail, true), {});
}
void betweenness_email_links(benchmark::State& state) {
  BetweennessParams p;
  p.edges = true;
  betweenness_variant_kernel(state, bench::shared_graph(kEmail, false), p);
}
void betweenness_random_5k(benchmark::State& state) { betweenness_variant_kernel(state, random_graph_5k(), {}); }

BENCHMARK(betweenness_email)->Name("Betweenness/email_eu_core")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(betweenness_email_directed)
    ->Name("Betweenness/email_eu_core_directed")
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(betweenness_email_links)->Name("Betweenness/email_eu_core_links")->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(betweenness_random_5k)->Name("Betweenness/random_5k_25k")->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(closeness_kernel)->Name("Closeness/email_eu_core")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(harmonic_kernel)->Name("Harmonic/email_eu_core")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(clustering_kernel)->Name("Clustering/soc_slashdot")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(eigenvector_kernel)->Name("Eigenvector/soc_slashdot")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(hits_kernel)->Name("Hits/soc_slashdot_directed")->Unit(benchmark::kMillisecond);
BENCHMARK(degree_kernel)->Name("Degree/soc_slashdot_directed")->Unit(benchmark::kMillisecond);
BENCHMARK(core_number_kernel)->Name("CoreNumber/soc_slashdot")->Unit(benchmark::kMillisecond);
BENCHMARK(key_player_kernel)->Name("KeyPlayer/netscience_k5")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(sampled_betweenness_kernel)
    ->Name("SampledBetweenness/email_eu_core_eps0.02")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
