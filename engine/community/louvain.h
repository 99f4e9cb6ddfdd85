#pragma once
// Louvain: Blondel, Guillaume, Lambiotte and Lefebvre (2008), "Fast unfolding
// of communities in large networks", J. Stat. Mech. P10008 -- multilevel
// modularity optimisation, with the resolution gamma of Reichardt and
// Bornholdt (2006), weighted.
//
// Conventions:
// - Undirected. A directed graph is optimised on its undirected view
//   (CsrGraph::as_undirected: u->v and v->u merge into one edge with the
//   weights summed), as igraph's community_multilevel requires an undirected
//   graph; the reported modularity is that of the undirected view.
// - Each level: local moving in passes over the vertices in a random order
//   (a Fisher-Yates shuffle drawn from one std::mt19937_64 seeded with
//   params.seed, reshuffled at every level, with our own bounded draw so the
//   order does not depend on the standard library's distributions). A vertex
//   moves to the neighbouring community of largest modularity gain if that
//   beats staying; ties keep the current community, else the first best in
//   arc order. Passes repeat while some vertex moves and the pass gains at
//   least params.epsilon.
// - Then the communities become the vertices of the next level
//   (aggregate_level in level_graph.h, shared with Leiden: inter-community
//   weights summed, internal weight kept beside it). Levels stop when a level moves no
//   vertex, when it gains less than params.epsilon, or after max_levels.
// - Aggregated graphs store float weights (the CsrGraph convention): exact for
//   integer weights up to 2^24, else a relative rounding of 6e-8 that can
//   only sway near-ties. The final modularity is recomputed in double on the
//   input graph's undirected view.
// - Deterministic for a given seed (single-threaded).
// - Communities are numbered 0..count-1 in order of their first vertex.
// - No edges (or total weight 0): every vertex alone, modularity NaN (igraph).
//   Isolated vertices stay alone.
// Errors (std::invalid_argument): a negative or NaN weight; resolution NaN or
// negative.
#include <cstdint>
#include <vector>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

struct LouvainParams {
  double resolution = 1.0;       // gamma: larger gives more, smaller communities
  std::uint64_t seed = 42;       // vertex order at each level
  bool shuffle = true;           // false: vertices in id order at each level (fully deterministic, no seed)
  double epsilon = 1e-7;         // minimum modularity gain of a pass, and of a level, to go on
  std::uint32_t max_levels = 0;  // 0: no limit
  bool keep_levels = true;       // store each level's membership (4 bytes per vertex per level)
};

struct LouvainResult {
  std::vector<CommunityId> membership;  // final partition, 0..count-1 by first vertex
  CommunityId count = 0;
  double modularity = 0;                // of `membership`, with params.resolution
  std::uint32_t levels = 0;             // levels that moved at least one vertex
  // level_memberships[l][v]: community of input vertex v after level l (if keep_levels);
  // the last equals `membership`.
  std::vector<std::vector<CommunityId>> level_memberships;
  std::vector<double> level_modularity;  // after each level, from the optimiser's sums
};

LouvainResult louvain(const CsrGraph& graph, const LouvainParams& params = {});

}  // namespace casegraph
