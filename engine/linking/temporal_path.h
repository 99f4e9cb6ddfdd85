#pragma once
// Time-advancing paths: a chain whose link dates never go backwards from the
// first entity to the last (the car was read, then the child went missing,
// then was found), as i2's "time must advance along the path" option.
//
// A step may use any of the links between its two entities. The greedy
// earliest-arrival choice decides feasibility exactly: at each step take the
// undated link if there is one (a keeper, a home address: a fact without a
// time does not move the clock), else the earliest dated link not before the
// clock. If that fails, no choice of links does (a later clock never admits
// more links). Undated links are compatible with any order.
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/linking/k_shortest_paths.h"
#include "engine/linking/link_graph.h"

namespace casegraph {

// The link chosen for each step of `path` (indices into CaseGraph::links), or
// nullopt when the path cannot be walked with non-decreasing dates.
std::optional<std::vector<std::uint32_t>> time_advancing_links(const LinkGraph& graph,
                                                               const std::vector<LinkRow>& links,
                                                               const std::vector<VertexId>& path);

// The cheapest link of each step (no time constraint).
std::vector<std::uint32_t> cheapest_links(const LinkGraph& graph, const std::vector<VertexId>& path);

struct LinkedPath {
  Path path;
  std::vector<std::uint32_t> links;  // one per step
};

struct LinkedPathParams {
  std::size_t k = 1;
  bool time_advances = false;
  // Yen candidates examined before giving up on finding k time-advancing
  // paths (time filtering can reject most of them on a dense graph).
  std::size_t max_candidates = 2000;
  PathSearchParams search;
};

struct LinkedPathResult {
  std::vector<LinkedPath> paths;
  std::size_t candidates_examined = 0;
  bool search_exhausted = false;  // every simple path was examined
};

// The k cheapest paths from `source` to `target`; with time_advances, the k
// cheapest among those that can be walked forward in time.
LinkedPathResult linked_paths(const LinkGraph& graph, const std::vector<LinkRow>& links, VertexId source,
                              VertexId target, const LinkedPathParams& params);

}  // namespace casegraph
