#include "engine/graph/case_graph.h"

#include <algorithm>
#include <utility>

namespace casegraph {

bool link_in_window(const LinkRow& link, const CaseGraphFilter& filter) {
  if (!filter.link_types.empty() &&
      std::find(filter.link_types.begin(), filter.link_types.end(), link.type) == filter.link_types.end())
    return false;
  if (!link.start && !link.end) return true;
  Timestamp start = link.start.value_or(*link.end);
  Timestamp end = link.end.value_or(start);
  if (filter.from && end < *filter.from) return false;
  if (filter.to && start > *filter.to) return false;
  return true;
}

CaseGraph build_case_graph(const std::vector<EntityRow>& entities, std::vector<LinkRow> links,
                           const IdentityMap& identities, const CaseGraphFilter& filter) {
  CaseGraph cg;
  // Vertices in ascending canonical id: the first member of each identity names it.
  // Sized up front: at 100k synth people these hold millions of links, and a
  // vector that grows by doubling holds both copies while it moves.
  std::vector<const EntityRow*> ordered;
  ordered.reserve(entities.size());
  cg.vertex_of.reserve(entities.size());
  cg.entity.reserve(entities.size());
  cg.type.reserve(entities.size());
  cg.label.reserve(entities.size());
  for (const EntityRow& e : entities) ordered.push_back(&e);
  std::sort(ordered.begin(), ordered.end(), [](auto* x, auto* y) { return x->id < y->id; });
  for (const EntityRow* e : ordered) {
    std::int64_t id = identities.canonical(e->id);
    if (cg.vertex_of.contains(id)) continue;
    cg.vertex_of.emplace(id, static_cast<VertexId>(cg.entity.size()));
    cg.entity.push_back(id);
    cg.type.push_back(e->type);
    cg.label.push_back(e->label);
  }
  // The kept links are compacted in place: a caller that moves its links in
  // (the analysis, ten million of them at 100k synth people) never holds a
  // second copy.
  std::vector<Edge> edges;
  edges.reserve(links.size());
  std::size_t kept = 0;
  for (LinkRow& link : links) {
    if (!link_in_window(link, filter)) continue;
    link.source = identities.canonical(link.source);
    link.target = identities.canonical(link.target);
    edges.push_back({cg.vertex(link.source), cg.vertex(link.target), link.weight * link.grading.confidence()});
    if (&links[kept] != &link) links[kept] = std::move(link);
    ++kept;
  }
  links.resize(kept);
  cg.links = std::move(links);
  cg.graph = CsrGraph::from_edges(static_cast<VertexId>(cg.entity.size()), edges, false, true);
  return cg;
}

}  // namespace casegraph
