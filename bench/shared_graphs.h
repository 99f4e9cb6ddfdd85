#pragma once
// The shared real networks (../shared/data) the kernels run on, each read
// once per process through the project's graph reader and kept for every
// kernel that asks for it again.
#include <map>
#include <string>
#include <utility>

#include "engine/graph/csr_graph.h"
#include "importers/graph_file.h"

namespace casegraph::bench {

// `path` relative to the shared data folder; `directed` as the reader's option.
inline const CsrGraph& shared_graph(const std::string& path, bool directed = false) {
  static std::map<std::pair<std::string, bool>, LoadedGraph> cache;
  const auto key = std::make_pair(path, directed);
  auto it = cache.find(key);
  if (it == cache.end()) {
    GraphFileOptions options;
    options.directed = directed;
    it = cache.emplace(key, read_graph_file(std::string(CASEGRAPH_SHARED_DATA) + "/" + path, options)).first;
  }
  return it->second.graph;
}

}  // namespace casegraph::bench
