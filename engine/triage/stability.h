#pragma once
// Stability of ranked clusters under missing records: real records are always
// incomplete, so a cluster an analyst acts on should not fall apart when a
// few ties between its people are missing.
//
// What is measured (graph_stability): each of `runs` runs drops every
// person-person edge of the graph the clusters were found on (the projection,
// or the projection with further ties) independently with probability
// `drop_share` and detects communities again on what is left, with the run's
// own community seed. The case graph is not rebuilt: the graph is built once
// and shared read-only by all runs, each run holding only its perturbed copy
// of the graph's rows. A dropped edge is a lost tie between two
// people (all the evidence joining them at once), which is coarser than
// dropping single source records: a pair joined by many records is as likely
// to lose its tie as a pair joined by one. Until 2026-11 each run dropped
// case-graph links and rebuilt graph and projection, which cost 30-60 s and
// GBs per run at 10k synth people.
// A cluster's core is its members with at least `core_min_links` projection
// edges to other members (all members when fewer than two qualify). The core
// "stays together" in a run when at least `together_share` of it lands in one
// community of that run (a core member left with no edge in the run counts as
// not together). Stability = share of runs in which the core stays together,
// in [0, 1]. Every ranked cluster gets the figure: a run's cost is one
// community detection on the whole projection, and checking the cores after it
// is linear in their size, so measuring fewer clusters would save nothing.
//
// Deterministic by seed: run r draws its edge mask and its community seed from
// splitmix64(seed, r) alone, and each run detects communities single-threaded,
// so results do not depend on the thread count or on which thread ran which
// run. Runs execute in parallel (OpenMP).
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

// Community of each person (canonical entity id) after dropping the items
// (graph edges, in graph_stability) whose `keep` entry is 0; `seed`
// seeds community detection. Called concurrently from several threads: it
// must not share mutable state. People absent from the map count as not
// together.
using PerturbedPartition =
    std::function<std::unordered_map<std::int64_t, std::uint32_t>(const std::vector<char>& keep, std::uint64_t seed)>;

// Community of each projection vertex of a (perturbed) projection, seeded.
// Called concurrently: it must detect single-threaded and share no state.
using CommunityDetector = std::function<std::vector<std::uint32_t>(const CsrGraph& people, std::uint64_t seed)>;

// The undirected edges of a projection numbered 0..m-1 (arc u->v with u < v,
// in CSR order) and the edge of every arc: built once, read by every run.
class ProjectionEdges {
 public:
  // Throws std::invalid_argument when the graph is directed or not symmetric.
  explicit ProjectionEdges(const CsrGraph& people);
  std::size_t edge_count() const { return edges_; }
  // The projection with the same vertices, without the edges whose keep entry is 0.
  CsrGraph without_dropped(const std::vector<char>& keep) const;

 private:
  const CsrGraph& people_;
  std::vector<std::uint32_t> edge_of_arc_;
  std::size_t edges_ = 0;
};

// The core of a cluster (sorted canonical entity ids), as defined above.
std::vector<std::int64_t> cluster_core(const CaseGraph& case_graph, const Projection& projection,
                                       const std::vector<std::int64_t>& members, std::uint32_t core_min_links);

// Stability of each core (same order) over `link_count` items a run may drop,
// whatever they are (the generic loop under graph_stability). Throws
// std::invalid_argument for a drop_share outside [0, 1), zero runs or
// together_share outside (0, 1].
std::vector<double> cluster_stability(const std::vector<std::vector<std::int64_t>>& cores, std::size_t link_count,
                                      const StabilityParams& params, const PerturbedPartition& partition);

// Stability of each core (canonical entity ids, same order) as defined at the
// top: perturbed copies of `graph`, a graph over the projection's vertices
// (projection.graph itself, or the projection with further ties: the graph
// the clusters were found on), communities by `detect`.
std::vector<double> graph_stability(const CaseGraph& case_graph, const Projection& projection, const CsrGraph& graph,
                                    const std::vector<std::vector<std::int64_t>>& cores, const StabilityParams& params,
                                    const CommunityDetector& detect);

// The link mask and community seed of run r (exposed for tests).
std::vector<char> stability_link_mask(std::size_t link_count, double drop_share, std::uint64_t seed,
                                      std::uint32_t run, std::uint64_t* community_seed);

}  // namespace casegraph
