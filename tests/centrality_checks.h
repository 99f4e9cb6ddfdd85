#pragma once
// Shared by the centrality tests (centrality_test.cpp, centrality_more_test.cpp):
// the tolerance a score is checked against its reference with, the vertex of
// each node name, and a small graph from an edge list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/graph/csr_graph.h"
#include "importers/graph_file.h"

namespace casegraph::test {

// References are printed to 10 significant digits (../shared/data/reference)
// or at full precision (tests/fixtures/reference): within max(rel |ref|, 1e-12),
// the floor for exact zeros.
inline ::testing::AssertionResult close_to(double got, double ref, double rel = 1e-9) {
  const double allowed = std::max(rel * std::abs(ref), 1e-12);
  if (std::abs(got - ref) <= allowed) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << got << ", reference " << ref << " (difference "
                                       << std::abs(got - ref) << " > " << allowed << ")";
}

// Node name -> vertex, to look a reference row's node up in the loaded graph.
inline std::unordered_map<std::string, VertexId> index_of(const LoadedGraph& g) {
  std::unordered_map<std::string, VertexId> ids;
  for (VertexId v = 0; v < g.names.size(); ++v) ids.emplace(g.names[v], v);
  return ids;
}

inline CsrGraph make(VertexId n, std::vector<Edge> edges, bool directed = false, bool weighted = false) {
  return CsrGraph::from_edges(n, edges, directed, weighted);
}

}  // namespace casegraph::test
