#include "engine/linking/temporal_path.h"

#include <limits>

namespace casegraph {

std::optional<std::vector<std::uint32_t>> time_advancing_links(const LinkGraph& graph,
                                                               const std::vector<LinkRow>& links,
                                                               const std::vector<VertexId>& path) {
  std::vector<std::uint32_t> chosen;
  Timestamp clock = std::numeric_limits<Timestamp>::min();
  for (std::size_t s = 0; s + 1 < path.size(); ++s) {
    std::optional<std::size_t> arc = graph.graph.arc(path[s], path[s + 1]);
    if (!arc) return std::nullopt;
    std::optional<std::uint32_t> undated, earliest;
    Timestamp earliest_time = std::numeric_limits<Timestamp>::max();
    for (std::uint32_t l : graph.links_of(*arc)) {
      std::optional<Timestamp> t = link_time(links[l]);
      if (!t) {
        if (!undated) undated = l;
      } else if (*t >= clock && *t < earliest_time) {
        earliest_time = *t;
        earliest = l;
      }
    }
    if (undated) {
      chosen.push_back(*undated);
    } else if (earliest) {
      chosen.push_back(*earliest);
      clock = earliest_time;
    } else {
      return std::nullopt;
    }
  }
  return chosen;
}

std::vector<std::uint32_t> cheapest_links(const LinkGraph& graph, const std::vector<VertexId>& path) {
  std::vector<std::uint32_t> chosen;
  for (std::size_t s = 0; s + 1 < path.size(); ++s)
    chosen.push_back(graph.links_of(*graph.graph.arc(path[s], path[s + 1])).front());
  return chosen;
}

LinkedPathResult linked_paths(const LinkGraph& graph, const std::vector<LinkRow>& links, VertexId source,
                              VertexId target, const LinkedPathParams& params) {
  LinkedPathResult result;
  YenEnumerator yen(graph.graph, source, target, params.search);
  while (result.paths.size() < params.k) {
    if (result.candidates_examined >= params.max_candidates) return result;
    std::optional<Path> p = yen.next();
    if (!p) {
      result.search_exhausted = true;
      break;
    }
    ++result.candidates_examined;
    if (!params.time_advances) {
      result.paths.push_back({*p, cheapest_links(graph, p->vertices)});
    } else if (auto chosen = time_advancing_links(graph, links, p->vertices)) {
      result.paths.push_back({*p, std::move(*chosen)});
    }
  }
  return result;
}

}  // namespace casegraph
