#pragma once
// k-core decomposition: the core number of a vertex is the largest k such
// that it belongs to a subgraph in which every vertex has degree >= k
// (Seidman 1983). Computed by Batagelj & Zaversnik's O(m) bucket algorithm
// ("An O(m) algorithm for cores decomposition of networks", 2003).
//
// Conventions (networkx core_number, tested against it and the reference
// tables): counted on the simple graph the builder makes; on a directed graph
// the degree is in-degree + out-degree (a reciprocated pair counts twice), as
// networkx does. Weights are ignored.
// Why hand-written rather than boost::core_numbers: the bucket algorithm is
// forty lines on the CSR arrays, and Boost's version counts out-degree only
// on a directed graph, which is not networkx's (or i2's) definition.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct CoreNumberResult {
  std::vector<double> score;  // the core number of each vertex (an integer)
  VertexId degeneracy = 0;    // the largest core number
};

CoreNumberResult core_number(const CsrGraph& graph);

}  // namespace casegraph
