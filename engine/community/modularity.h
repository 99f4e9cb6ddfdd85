#pragma once
// Modularity of a partition: Newman and Girvan (2004), "Finding and evaluating
// community structure in networks", Phys. Rev. E 69, 026113, weighted as in
// Newman (2004), Phys. Rev. E 70, 056131, with the resolution parameter of
// Reichardt and Bornholdt (2006); the directed form of Leicht and Newman
// (2008), "Community structure in directed networks", PRL 100, 118703.
//
// Conventions (those of igraph 0.10's modularity(), and of networkx's
// community.modularity):
// - Undirected: Q = 1/(2m) sum_ij (A_ij - gamma k_i k_j / (2m)) delta(c_i, c_j),
//   m the total edge weight, k_i the weighted degree (strength).
// - Directed (graph directed and params.directed): Q = 1/m sum_ij (A_ij -
//   gamma k_i^out k_j^in / m) delta(c_i, c_j), m the total arc weight.
// - Directed graph with params.directed = false: arcs taken as undirected edges
//   (u->v and v->u both present count twice), as igraph's directed=False.
// - The graph has no self-loops (the CsrGraph builder drops them), so
//   the figures equal igraph's on the simplified graph.
// - No edges (or total weight 0): Q is NaN, as in igraph.
// - Membership labels are any 32-bit values; communities need not be
//   contiguous or connected.
// Errors (std::invalid_argument): membership size != vertex count; a negative
// or NaN weight; a NaN resolution.
#include <span>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

struct ModularityParams {
  double resolution = 1.0;  // gamma; 1 is Newman-Girvan modularity
  bool directed = true;     // use the Leicht-Newman form when the graph is directed
};

double modularity(const CsrGraph& graph, std::span<const CommunityId> membership,
                  const ModularityParams& params = {});

}  // namespace casegraph
