// Google Benchmark kernels for the two centrality measures issue 5 times
// against igraph: PageRank on soc-Slashdot0902 (undirected, and directed as
// bench/compare.py gives it to igraph) and exact betweenness on
// email-Eu-core (undirected). Thread count is the argument. On a machine
// whose cores are shared, run with OMP_WAIT_POLICY=passive.
//   casegraph_bench --benchmark_filter='PageRank|Betweenness'
#include <benchmark/benchmark.h>

#include <string>

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

BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", false)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot_directed, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", true)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(betweenness_kernel, email_eu_core, "perf/email_eu_core/email-Eu-core.txt")
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
