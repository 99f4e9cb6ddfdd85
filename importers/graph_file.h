#pragma once
// Plain graph files for `casegraph measure` and for tests on reference networks:
// - edge lists: whitespace-, tab- or comma-separated `source target [weight]`,
//   an optional header line, `#` and `%` comment lines, LF, CRLF or CR CR LF
//   line ends, quoted names, gzip-compressed when the file starts with the gzip
//   magic bytes (whatever its name);
// - GML (as networkx and Newman's files write it): node id/label, edge
//   source/target and an optional numeric `value` or `weight`;
// - GraphML: node ids, edge source/target, an edge weight key named
//   "weight" or "value" when present.
// Vertex names are kept in first-seen order (edge lists) or declaration order
// (GML, GraphML), so isolated vertices declared in GML/GraphML are kept.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

class GraphFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class GraphFormat { automatic, edge_list, gml, graphml };

struct GraphFileOptions {
  GraphFormat format = GraphFormat::automatic;  // by extension (.gml, .graphml), else edge list
  bool directed = false;
  bool weighted = false;  // read the third column / weight attribute
};

struct LoadedGraph {
  CsrGraph graph;
  std::vector<std::string> names;  // names[v] is vertex v's name in the file
  std::size_t self_loops_dropped = 0;
  std::size_t duplicate_edges_merged = 0;
};

LoadedGraph read_graph_file(const std::filesystem::path& path, const GraphFileOptions& options);

}  // namespace casegraph
