#pragma once
// Connected components (breadth-first search) and strongly connected
// components (Tarjan 1972, "Depth-first search and linear graph algorithms",
// SIAM J. Comput. 1(2), run with an explicit stack).
//
// Conventions:
// - kind = weak: components of the undirected graph; on a directed graph an
//   arc joins its ends whichever way it points (networkx
//   weakly_connected_components, igraph mode="weak").
// - kind = strong: strongly connected components of a directed graph
//   (networkx strongly_connected_components, igraph mode="strong"). On an
//   undirected graph every edge runs both ways, so strong = weak.
// - Components are numbered 0..count-1 in order of their first
//   (lowest-numbered) vertex, whatever the kind; sizes[c] counts vertices.
// - Isolated vertices are components of size one; the null graph has none.
// - Both run in O(n + m) time with O(n) extra memory and no recursion, so
//   deep graphs (long paths) do not overflow the call stack.
//
// Why not Boost.Graph's connected_components / strong_components: CsrGraph
// does not (yet) model the BGL graph concepts, and copying a 10M-edge graph
// into a BGL adjacency_list would cost more time and memory than the search
// itself. The tests check strong components against BGL's strong_components.
#include <cstdint>
#include <vector>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class ComponentKind { weak, strong };

struct ComponentsParams {
  ComponentKind kind = ComponentKind::weak;  // see the conventions above
};

struct ComponentsResult {
  std::vector<CommunityId> membership;  // membership[v] = component of v
  CommunityId count = 0;                // number of components
  std::vector<VertexId> sizes;          // sizes[c] = vertices in component c
};

ComponentsResult connected_components(const CsrGraph& graph, const ComponentsParams& params = {});

}  // namespace casegraph
