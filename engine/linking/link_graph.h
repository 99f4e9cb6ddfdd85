#pragma once
// The case graph as the linking commands walk it: one arc per pair of linked
// vertices, costed by the strongest link between them, and beside each arc
// every link it stands for (CsrGraph merges parallel links by summing their
// weights, which loses what a path must cite: the type, the dates and the
// record of each link).
//
// Link strength = link weight x grading confidence (engine/model/pole.h: 1.0
// for an ungraded, police-recorded fact and for 1A intelligence, 0.2 for 3E).
// Two cost models turn strength into a length for shortest paths:
// - inverse (default): cost = 1 / strength. A path of recorded facts costs its
//   number of links; a 3E report counts as five links. Reads as "how many
//   certain links is this path worth".
// - log: cost = -ln(strength) + 1e-6. A path's cost is -ln of the product of
//   its strengths: the shortest path is the most probable chain if links hold
//   independently. Certain links cost (almost) nothing, so among chains of
//   certain links the 1e-6 per link prefers the one with fewer links.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/graph/case_graph.h"
#include "engine/linking/k_shortest_paths.h"

namespace casegraph {

enum class LinkCostModel { inverse, log };

// Parses "inverse" or "log"; nullopt otherwise.
std::optional<LinkCostModel> parse_link_cost_model(std::string_view text);

double link_strength(const LinkRow& link);
double link_cost(const LinkRow& link, LinkCostModel model);
// The date a link is ordered by along a path: its start, else its end; none
// for an undated fact (a keeper, a home address).
std::optional<Timestamp> link_time(const LinkRow& link);

struct LinkGraph {
  CostGraph graph;  // arc cost = the cheapest link between the two vertices
  // Links of arc a (indices into CaseGraph::links), cheapest first, then by date.
  std::span<const std::uint32_t> links_of(std::size_t arc) const {
    return {arc_links.data() + arc_link_offsets[arc], arc_links.data() + arc_link_offsets[arc + 1]};
  }
  std::vector<std::size_t> arc_link_offsets;
  std::vector<std::uint32_t> arc_links;
};

// Links with strength <= 0 are left out (they can carry no path).
LinkGraph build_link_graph(const CaseGraph& case_graph, LinkCostModel model);

// Vertices with more than `max_degree` distinct neighbours (0: none), as a
// no-transit mask for PathSearchParams.
std::vector<char> hubs_by_degree(const CostGraph& graph, std::size_t max_degree);

}  // namespace casegraph
