// Google Benchmark kernels for the two centrality measures issue 5 times
// against igraph: PageRank on soc-Slashdot0902 (undirected, and directed as
// bench/compare.py gives it to igraph) and exact betweenness on
// email-Eu-core (undirected); PageRank also on a planted graph shaped like
// compare.py's 10M one. Thread count is the argument. On a machine
// whose cores are shared, run with OMP_WAIT_POLICY=passive.
//   casegraph_bench --benchmark_filter='PageRank|Betweenness'
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "bench/shared_graphs.h"
#include "engine/centrality/betweenness.h"
#include "engine/centrality/pagerank.h"

namespace casegraph {
namespace {

void pagerank_kernel(benchmark::State& state, const char* path, bool directed) {
  const CsrGraph& g = bench::shared_graph(path, directed);
  PageRankParams p;
  p.threads = static_cast<int>(state.range(0));
  p.tolerance = 1e-10;
  PageRankResult r;
  for (auto _ : state) {
    r = pagerank(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["iterations"] = r.iterations;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * r.iterations *
                          static_cast<std::int64_t>(g.num_arcs()));
}

// The shape of bench/compare.py's 1M/10M PageRank graph at a fifth of the size:
// 200,000 vertices in groups of 100 consecutive ids, 2,000,000 arc draws, 70%
// inside the source's group (directed; duplicates merged, self-loops dropped).
void pagerank_planted_kernel(benchmark::State& state) {
  static const CsrGraph g = [] {
    const VertexId n = 200000, group = 100;
    std::mt19937_64 rng(200000);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Edge> arcs;
    arcs.reserve(2000000);
    for (int k = 0; k < 2000000; ++k) {
      const auto u = static_cast<VertexId>(unit(rng) * n);
      const auto v = unit(rng) < 0.3 ? static_cast<VertexId>(unit(rng) * n)
                                     : u / group * group + static_cast<VertexId>(unit(rng) * group);
      arcs.push_back({u, v, 1.0});
    }
    return CsrGraph::from_edges(n, arcs, true, false);
  }();
  PageRankParams p;
  p.tolerance = 1e-10;
  PageRankResult r;
  for (auto _ : state) {
    r = pagerank(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["iterations"] = r.iterations;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * r.iterations *
                          static_cast<std::int64_t>(g.num_arcs()));
}

void betweenness_kernel(benchmark::State& state, const char* path) {
  const CsrGraph& g = bench::shared_graph(path);
  BetweennessParams p;
  p.threads = static_cast<int>(state.range(0));
  BetweennessResult r;
  for (auto _ : state) {
    r = betweenness(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * g.num_vertices());  // sources
}

// PageRank runs on one thread (pagerank.h): one argument, 1.
BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", false)
    ->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot_directed, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", true)
    ->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(pagerank_planted_kernel)->Name("pagerank_kernel/planted_200k_2m_directed")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(betweenness_kernel, email_eu_core, "perf/email_eu_core/email-Eu-core.txt")
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
