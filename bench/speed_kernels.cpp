// Google Benchmark kernels for the two centrality measures issue 5 times
// against igraph: PageRank on soc-Slashdot0902 and exact betweenness on
// email-Eu-core, both as undirected simple graphs (the form bench/compare.py
// gives igraph). Thread count is the argument.
//   casegraph_bench --benchmark_filter='PageRank|Betweenness'
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "engine/centrality/betweenness.h"
#include "engine/centrality/pagerank.h"
#include "importers/graph_file.h"

namespace casegraph {
namespace {

const CsrGraph& shared_graph(const std::string& path) {
  static std::map<std::string, LoadedGraph> cache;
  auto it = cache.find(path);
  if (it == cache.end())
    it = cache.emplace(path, read_graph_file(std::string(CASEGRAPH_SHARED_DATA) + "/" + path, {})).first;
  return it->second.graph;
}

void pagerank_kernel(benchmark::State& state, const char* path) {
  const CsrGraph& g = shared_graph(path);
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
  const CsrGraph& g = shared_graph(path);
  BetweennessParams p;
  p.threads = static_cast<int>(state.range(0));
  BetweennessResult r;
  for (auto _ : state) {
    r = betweenness(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * g.num_vertices());  // sources
}

BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz")
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(betweenness_kernel, email_eu_core, "perf/email_eu_core/email-Eu-core.txt")
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
