#pragma once
// The neighbourhood of entities to depth N (i2's "expand"): every entity
// within N links of a seed, and the links among them.
//
// With time_advances, an entity counts only if it can be reached from a seed
// by a chain whose link dates never go backwards (undated links, such as a
// keeper or a home address, fit anywhere), and only the links that such a
// chain can walk are kept. Earliest arrival times are relaxed for N rounds
// (a hop-bounded Bellman-Ford over times): O(N x links).
#include <cstdint>
#include <vector>

#include "engine/linking/link_graph.h"

namespace casegraph {

struct NeighbourhoodParams {
  int depth = 1;
  bool time_advances = false;
  PathSearchParams search;  // no-transit hubs: reached, not expanded
};

struct Neighbourhood {
  std::vector<VertexId> vertices;    // ascending
  std::vector<int> depth;            // hops from the nearest seed, parallel to vertices
  std::vector<std::uint32_t> links;  // indices into CaseGraph::links, ascending
};

Neighbourhood neighbourhood(const LinkGraph& graph, const std::vector<LinkRow>& links,
                            const std::vector<VertexId>& seeds, const NeighbourhoodParams& params);

}  // namespace casegraph
