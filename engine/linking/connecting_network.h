#pragma once
// The connecting network of a set of entities, as i2 Analyst's Notebook's
// "Find Connecting Network": the entities themselves plus every entity and
// link on a shortest path between any two of them. All shortest paths of a
// pair are kept (ties are common when every link is a recorded fact of cost
// 1, and each tie is a different chain of evidence), not one chosen at random.
//
// An arc (u, v) lies on a shortest s-t path iff d_s(u) + c(u,v) + d_t(v) equals
// d_s(t); one full Dijkstra from each seed gives every d_s, so the work is
// |seeds| searches plus |seeds|^2 / 2 scans of the arcs.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/linking/k_shortest_paths.h"

namespace casegraph {

struct ConnectingNetworkParams {
  PathSearchParams search;  // no-transit hubs
  double relative_tolerance = 1e-9;  // equality of path costs
};

struct ConnectingNetwork {
  std::vector<VertexId> vertices;                      // ascending; includes every seed
  std::vector<std::pair<VertexId, VertexId>> edges;    // (u < v), ascending
  std::vector<std::pair<VertexId, VertexId>> unconnected;  // seed pairs with no path
  std::vector<std::pair<std::pair<VertexId, VertexId>, double>> distances;  // seed pair -> shortest cost
};

ConnectingNetwork connecting_network(const CostGraph& graph, const std::vector<VertexId>& seeds,
                                     const ConnectingNetworkParams& params = {});

// Shortest-path costs from `source` to every vertex (infinity when unreached),
// never passing through a no-transit vertex other than the source.
std::vector<double> shortest_costs_from(const CostGraph& graph, VertexId source, const PathSearchParams& params);

}  // namespace casegraph
