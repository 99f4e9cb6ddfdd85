#include "engine/triage/stability.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include <omp.h>

namespace casegraph {
namespace {

// splitmix64 (Steele, Lea and Flood 2014): a fixed, documented mixer, so the
// same seed gives the same masks on every platform (std:: distributions do not).
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double unit_interval(std::uint64_t& state) { return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53; }

bool core_together(const std::vector<std::int64_t>& core, const std::unordered_map<std::int64_t, std::uint32_t>& of,
                   double together_share) {
  std::unordered_map<std::uint32_t, std::size_t> count;
  std::size_t best = 0;
  for (std::int64_t person : core) {
    auto it = of.find(person);
    if (it == of.end()) continue;
    best = std::max(best, ++count[it->second]);
  }
  return static_cast<double>(best) >= together_share * static_cast<double>(core.size()) - 1e-12;
}

}  // namespace

std::vector<std::int64_t> cluster_core(const CaseGraph& cg, const Projection& projection,
                                       const std::vector<std::int64_t>& members, std::uint32_t core_min_links) {
  const std::unordered_set<std::int64_t> in_cluster(members.begin(), members.end());
  std::vector<std::int64_t> core;
  const CsrGraph& g = projection.graph;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const std::int64_t person = cg.entity[projection.case_vertex[v]];
    if (!in_cluster.count(person)) continue;
    std::uint32_t inside = 0;
    for (VertexId u : g.neighbours(v))
      if (u != v && in_cluster.count(cg.entity[projection.case_vertex[u]])) ++inside;
    if (inside >= core_min_links) core.push_back(person);
  }
  if (core.size() < 2) core = members;
  std::sort(core.begin(), core.end());
  return core;
}

std::vector<char> stability_link_mask(std::size_t link_count, double drop_share, std::uint64_t seed,
                                      std::uint32_t run, std::uint64_t* community_seed) {
  std::uint64_t state = seed;
  splitmix64(state);
  state ^= 0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(run) + 1);
  const std::uint64_t drawn = splitmix64(state);  // drawn always, so the mask does not depend on the caller
  if (community_seed) *community_seed = drawn;
  std::vector<char> keep(link_count);
  for (char& k : keep) k = unit_interval(state) >= drop_share ? 1 : 0;
  return keep;
}

std::vector<double> cluster_stability(const std::vector<std::vector<std::int64_t>>& cores, std::size_t link_count,
                                      const StabilityParams& params, const PerturbedPartition& partition) {
  if (!(params.drop_share >= 0 && params.drop_share < 1))
    throw std::invalid_argument("stability: the share of links dropped must be in [0, 1)");
  if (params.runs == 0) throw std::invalid_argument("stability: at least one run is needed");
  if (!(params.together_share > 0 && params.together_share <= 1))
    throw std::invalid_argument("stability: the share that counts as together must be in (0, 1]");
  const std::size_t runs = params.runs;
  // together[r * cores + c]: written by run r only, summed in a fixed order after.
  std::vector<char> together(runs * cores.size(), 0);
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::size_t r = 0; r < runs; ++r) {
    try {
      std::uint64_t community_seed = 0;
      const std::vector<char> keep =
          stability_link_mask(link_count, params.drop_share, params.seed, static_cast<std::uint32_t>(r), &community_seed);
      const auto of = partition(keep, community_seed);
      for (std::size_t c = 0; c < cores.size(); ++c)
        together[r * cores.size() + c] = core_together(cores[c], of, params.together_share) ? 1 : 0;
    } catch (...) {
#pragma omp critical(casegraph_stability_failure)
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  std::vector<double> share(cores.size(), 0.0);
  for (std::size_t c = 0; c < cores.size(); ++c) {
    std::size_t kept = 0;
    for (std::size_t r = 0; r < runs; ++r) kept += static_cast<std::size_t>(together[r * cores.size() + c]);
    share[c] = static_cast<double>(kept) / static_cast<double>(runs);
  }
  return share;
}

}  // namespace casegraph
