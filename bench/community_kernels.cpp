// Google Benchmark kernels for community detection (Leiden, Louvain, label
// propagation, weak and strong components, the modularity of a partition) on
// the LFR benchmark graphs of ../shared/data. Graphs load
// once per process (the first kernel that needs one pays for it).
//   casegraph_bench --benchmark_filter='Leiden|Louvain|LabelPropagation'
#include <benchmark/benchmark.h>

#include <string>

#include "bench/shared_graphs.h"
#include "engine/community/components.h"
#include "engine/community/label_propagation.h"
#include "engine/community/leiden.h"
#include "engine/community/louvain.h"
#include "engine/community/modularity.h"

namespace casegraph {
namespace {

const char* kLfr10k = "lfr/lfr_n10000_mu0.3.edges.tsv.gz";
const char* kLfr100k = "perf/lfr_n100000_mu0.3.edges.tsv.gz";

void report(benchmark::State& state, const CsrGraph& g, double quality, std::uint32_t count) {
  state.counters["edges"] = static_cast<double>(g.num_edges());
  state.counters["quality"] = quality;
  state.counters["communities"] = count;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.num_arcs()));
}

// refine_first: igraph's scheme (refinement in every iteration), to weigh
// the unrefined first iteration against it (leiden.h).
void leiden_kernel(benchmark::State& state, const char* stem, LeidenQuality quality, bool refine_first = false) {
  const CsrGraph& g = bench::shared_graph(stem);
  LeidenParams p;
  p.quality = quality;
  p.refine_every_iteration = refine_first;
  p.resolution = quality == LeidenQuality::cpm ? 0.05 : 1.0;
  p.threads = static_cast<int>(state.range(0));
  LeidenResult r;
  for (auto _ : state) {
    r = leiden(g, p);
    benchmark::DoNotOptimize(r.membership.data());
  }
  report(state, g, r.quality, r.count);
}

void louvain_kernel(benchmark::State& state, const char* stem) {
  const CsrGraph& g = bench::shared_graph(stem);
  LouvainResult r;
  for (auto _ : state) {
    r = louvain(g, {.keep_levels = false});
    benchmark::DoNotOptimize(r.membership.data());
  }
  report(state, g, r.modularity, r.count);
}

void components_kernel(benchmark::State& state, const char* stem, ComponentKind kind) {
  const CsrGraph& g = bench::shared_graph(stem);
  ComponentsResult r;
  for (auto _ : state) {
    r = connected_components(g, {kind});
    benchmark::DoNotOptimize(r.membership.data());
  }
  report(state, g, 0.0, r.count);
}

void modularity_kernel(benchmark::State& state, const char* stem) {
  const CsrGraph& g = bench::shared_graph(stem);
  const std::vector<CommunityId> partition = louvain(g, {.keep_levels = false}).membership;
  double q = 0;
  for (auto _ : state) benchmark::DoNotOptimize(q = modularity(g, partition));
  report(state, g, q, 0);
}

void label_propagation_kernel(benchmark::State& state, const char* stem) {
  const CsrGraph& g = bench::shared_graph(stem);
  LabelPropagationResult r;
  for (auto _ : state) {
    r = label_propagation(g);
    benchmark::DoNotOptimize(r.membership.data());
  }
  report(state, g, 0.0, r.count);
}

BENCHMARK_CAPTURE(leiden_kernel, lfr10k_modularity, kLfr10k, LeidenQuality::modularity)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(leiden_kernel, lfr10k_cpm, kLfr10k, LeidenQuality::cpm)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(leiden_kernel, lfr100k_modularity, kLfr100k, LeidenQuality::modularity)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(leiden_kernel, lfr100k_modularity_refine_first, kLfr100k, LeidenQuality::modularity, true)
    ->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(louvain_kernel, lfr10k, kLfr10k)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(louvain_kernel, lfr100k, kLfr100k)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(components_kernel, lfr100k_weak, kLfr100k, ComponentKind::weak)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(components_kernel, lfr100k_strong, kLfr100k, ComponentKind::strong)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(modularity_kernel, lfr100k, kLfr100k)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(label_propagation_kernel, lfr10k, kLfr10k)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(label_propagation_kernel, lfr100k, kLfr100k)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph
