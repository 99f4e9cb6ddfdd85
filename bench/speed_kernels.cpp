// Google Benchmark kernels for PageRank as issue 5 times it against igraph:
// soc-Slashdot0902 (undirected, and directed as bench/compare.py gives it to
// igraph) and a planted graph shaped like compare.py's 10M one. Exact
// betweenness has its kernels in centrality_kernels.cpp.
//   casegraph_bench --benchmark_filter='pagerank'
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "bench/shared_graphs.h"
#include "engine/centrality/pagerank.h"

namespace casegraph {
namespace {

// PageRank at its default tolerance (L1 change of a sweep < 1e-12), where it is
// as accurate as igraph's PRPACK call or more (pagerank.h).
void time_pagerank(benchmark::State& state, const CsrGraph& g) {
  PageRankParams p;
  PageRankResult r;
  for (auto _ : state) {
    r = pagerank(g, p);
    benchmark::DoNotOptimize(r.score.data());
  }
  state.counters["iterations"] = r.iterations;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * r.iterations *
                          static_cast<std::int64_t>(g.num_arcs()));
}

void pagerank_kernel(benchmark::State& state, const char* path, bool directed) {
  time_pagerank(state, bench::shared_graph(path, directed));
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
  time_pagerank(state, g);
}

// PageRank runs on one thread (pagerank.h), so there is no thread argument.
BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(pagerank_kernel, soc_slashdot_directed, "perf/soc_slashdot0902/soc-Slashdot0902.txt.gz", true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(pagerank_planted_kernel)->Name("pagerank_kernel/planted_200k_2m_directed")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
