#pragma once
// Stability of ranked clusters under missing records: real records are always
// incomplete, so a cluster an analyst acts on should not fall apart when a
// few links are missing.
//
// Each of `runs` runs drops every link of the case graph independently with
// probability `drop_share`, rebuilds the projection and detects communities
// again (the caller's PerturbedPartition does that). A cluster's core is its
// members with at least `core_min_links` projection edges to other members
// (all members when fewer than two qualify). The core "stays together" in a
// run when at least `together_share` of it lands in one community of that run
// (a core member absent from the run's projection counts as not together).
// Stability = share of runs in which the core stays together, in [0, 1].
//
// Deterministic by seed: run r draws its link mask and its community seed from
// splitmix64(seed, r) alone, so results do not depend on the thread count or
// on which thread ran which run. Runs execute in parallel (OpenMP).
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "engine/graph/projection.h"
#include "engine/triage/clusters.h"

namespace casegraph {

struct StabilityParams {
  std::uint32_t runs = 20;
  double drop_share = 0.1;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: OpenMP's default
  double together_share = 0.8;
  std::uint32_t core_min_links = 2;
};

// Community of each person (canonical entity id) after dropping the links of
// case_graph.links whose `keep` entry is 0; `seed` seeds community detection.
// Called concurrently from several threads: it must not share mutable state.
using PerturbedPartition =
    std::function<std::unordered_map<std::int64_t, std::uint32_t>(const std::vector<char>& keep, std::uint64_t seed)>;

// The core of a cluster (sorted canonical entity ids), as defined above.
std::vector<std::int64_t> cluster_core(const CaseGraph& case_graph, const Projection& projection,
                                       const std::vector<std::int64_t>& members, std::uint32_t core_min_links);

// Stability of each core (same order). Throws std::invalid_argument for a
// drop_share outside [0, 1), zero runs or together_share outside (0, 1].
std::vector<double> cluster_stability(const std::vector<std::vector<std::int64_t>>& cores, std::size_t link_count,
                                      const StabilityParams& params, const PerturbedPartition& partition);

// The link mask and community seed of run r (exposed for tests).
std::vector<char> stability_link_mask(std::size_t link_count, double drop_share, std::uint64_t seed,
                                      std::uint32_t run, std::uint64_t* community_seed);

}  // namespace casegraph
