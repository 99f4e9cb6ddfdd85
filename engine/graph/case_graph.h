#pragma once
// The multi-mode analysis graph of a case: one vertex per identity (entities
// joined by resolution count once), one edge per kept link, undirected for
// analysis (a POLE link's direction is kept on the link itself).
//
// Filtering: a link is kept when its type is among `link_types` (all when
// empty) and its dated interval [start, end] overlaps [from, to]. Undated links
// (a vehicle keeper with no dates, a home address) are facts without a time and
// are always kept. Edge weight = link weight x grading confidence, so a 3E
// report counts for a fifth of a police-recorded fact.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/graph/csr_graph.h"
#include "engine/resolve/identity.h"
#include "engine/store/case_file.h"

namespace casegraph {

struct CaseGraphFilter {
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  std::vector<std::string> link_types;  // empty = every type
};

struct CaseGraph {
  CsrGraph graph;
  std::vector<std::int64_t> entity;  // vertex -> canonical entity id
  std::vector<std::string> type;     // vertex -> entity type
  std::vector<std::string> label;    // vertex -> label
  std::vector<LinkRow> links;        // kept links, ends rewritten to canonical entity ids
  std::unordered_map<std::int64_t, VertexId> vertex_of;  // canonical entity id -> vertex

  VertexId vertex(std::int64_t entity_id) const { return vertex_of.at(entity_id); }
};

bool link_in_window(const LinkRow& link, const CaseGraphFilter& filter);

// `links` by value: a caller done with its links moves them in and the graph
// keeps them without a copy; any other caller's are copied as before.
CaseGraph build_case_graph(const std::vector<EntityRow>& entities, std::vector<LinkRow> links,
                           const IdentityMap& identities, const CaseGraphFilter& filter);

}  // namespace casegraph
