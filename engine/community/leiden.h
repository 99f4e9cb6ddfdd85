#pragma once
// Leiden: Traag, Waltman and van Eck (2019), "From Louvain to Leiden:
// guaranteeing well-connected communities", Sci. Rep. 9, 5233 -- fast local
// moving, refinement, and aggregation on the refined partition, for
// modularity (with the resolution gamma of Reichardt and Bornholdt 2006) or
// the Constant Potts Model (Traag, Van Dooren and Nesterov 2011), weighted.
//
// Conventions (those of igraph 0.10's community_leiden, so figures compare):
// - Undirected. A directed graph is optimised on its undirected view
//   (CsrGraph::as_undirected), as for Louvain.
// - Quality in edge-weight units: moving vertex v into community C gains
//   k_v,C - gamma' w_v W_C, where for modularity w_v is v's strength and
//   gamma' = gamma / 2m, and for CPM w_v is the number of input vertices v
//   stands for and gamma' = gamma. Refinement picks among the well-connected
//   candidate clusters of non-negative gain with probability proportional to
//   exp(gain / randomness), randomness 0.01 (igraph's beta) by default.
// - One iteration runs levels (fast local moving, refinement, aggregation)
//   until local moving leaves every aggregate vertex alone; the next
//   iteration starts from the last partition. Two by default, as igraph;
//   params.iterations = 0 runs
//   iterations until one changes nothing (at most 100; igraph's n_iterations < 0).
// - On inputs of 65,536 vertices plus arcs or more, the first of two or more
//   iterations skips the refinement and aggregates on the communities
//   themselves (Louvain's levels); later iterations are Leiden's and refine
//   whatever the first merged. Why: the refinement's many small clusters make
//   the first iteration's levels several times larger. LFR 100k, 2
//   iterations, one thread: CPU ~20% lower, modularity 0.696487 -> 0.696505
//   (seed 42; igraph 0.69648); LFR 10k mean over seeds 0.688101 -> 0.688102.
//   Not on smaller inputs, where it lost modularity (email-Eu-core mean
//   0.41642 -> 0.41615, football 0.60449 -> 0.60443) and time hardly
//   matters. params.refine_every_iteration restores igraph's scheme. An
//   unrefined iteration never ends the search.
// - Every community is connected, in the input graph, at the end of every
//   refined iteration, so of every result (the paper's guarantee; tested).
// - Deterministic by seed and independent of the thread count. Local moving
//   on a level of under 65,536 vertices plus arcs is the paper's sequential
//   queue (one SplitMix64 stream from the seed); on larger levels it runs by
//   colour classes (no two neighbours share a colour): a class's active
//   vertices choose their best community in parallel, then the moves are
//   applied in a seeded order, each re-checked against the community totals
//   of that moment (so quality only rises), and the neighbours of moved
//   vertices become active again. Refinement of each community runs in
//   parallel with its own generator seeded from (seed, iteration, level,
//   community); aggregation (level_graph.h, shared with Louvain) writes rows
//   whose content does not depend on which thread built them.
// - On inputs of 65,536 vertices plus arcs or more, the input is renumbered
//   once, after the first local moving, so that each community's vertices
//   are consecutive (a copy of the arcs, ~4 bytes each, plus weights when
//   weighted): every later phase then reads its neighbours' labels from
//   nearby memory instead of all over arrays far larger than the cache. The
//   numbering is internal; the membership is by input vertex as always.
// - Aggregated graphs hold float arc weights (the CsrGraph convention) and
//   double self-loop weights and vertex weights. The final quality is
//   recomputed in double on the input graph.
// - Communities are numbered 0..count-1 in order of their first vertex.
// - No edges (total weight 0): every vertex alone, quality NaN (igraph gives
//   NaN modularity there too). Isolated vertices stay alone.
// Errors (std::invalid_argument): a negative or NaN weight; resolution NaN
// or negative; randomness not > 0.
#include <cstdint>
#include <vector>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class LeidenQuality { modularity, cpm };

struct LeidenParams {
  LeidenQuality quality = LeidenQuality::modularity;
  double resolution = 1.0;     // gamma: larger gives more, smaller communities
  std::uint64_t seed = 42;     // vertex orders and refinement draws
  std::uint32_t iterations = 2;  // igraph's default; 0: until an iteration changes nothing (better Q, ~3x time)
  double randomness = 0.01;    // theta of the refinement (igraph's beta)
  bool refine_every_iteration = false;  // true: refine in the first iteration on large inputs too (igraph's scheme)
  int threads = 0;             // refinement and aggregation threads; 0 = OpenMP's default
  // Start from this partition (one label per vertex) instead of singletons;
  // empty = singletons.
  std::vector<CommunityId> initial{};
};

struct LeidenResult {
  std::vector<CommunityId> membership;  // 0..count-1 by first vertex
  CommunityId count = 0;
  double quality = 0;      // modularity (with gamma), or CPM: (sum_c 2 e_c - gamma n_c^2) / 2m as igraph
  std::uint32_t iterations = 0;  // iterations run
  std::uint32_t levels = 0;      // aggregation levels, over all iterations
};

LeidenResult leiden(const CsrGraph& graph, const LeidenParams& params = {});

// The CPM quality of a partition as igraph reports it: (sum_c (2 e_c -
// gamma n_c^2)) / 2m, e_c the internal edge weight, n_c the vertex count.
double cpm_quality(const CsrGraph& graph, const std::vector<CommunityId>& membership, double resolution);

}  // namespace casegraph
