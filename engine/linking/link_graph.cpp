#include "engine/linking/link_graph.h"

#include <algorithm>
#include <cmath>

namespace casegraph {

std::optional<LinkCostModel> parse_link_cost_model(std::string_view text) {
  if (text == "inverse") return LinkCostModel::inverse;
  if (text == "log") return LinkCostModel::log;
  return std::nullopt;
}

double link_strength(const LinkRow& link) { return link.weight * link.grading.confidence(); }

double link_cost(const LinkRow& link, LinkCostModel model) {
  const double s = link_strength(link);
  if (model == LinkCostModel::inverse) return 1.0 / s;
  return -std::log(std::min(1.0, s)) + 1e-6;
}

std::optional<Timestamp> link_time(const LinkRow& link) { return link.start ? link.start : link.end; }

LinkGraph build_link_graph(const CaseGraph& cg, LinkCostModel model) {
  struct Arc {
    VertexId from, to;
    double cost;
    Timestamp time;
    std::uint32_t link;
  };
  std::vector<Arc> arcs;
  arcs.reserve(cg.links.size() * 2);
  std::vector<CostEdge> edges;
  for (std::size_t i = 0; i < cg.links.size(); ++i) {
    const LinkRow& l = cg.links[i];
    if (!(link_strength(l) > 0)) continue;
    const VertexId a = cg.vertex(l.source), b = cg.vertex(l.target);
    if (a == b) continue;
    const double c = link_cost(l, model);
    const Timestamp t = link_time(l).value_or(0);
    arcs.push_back({a, b, c, t, static_cast<std::uint32_t>(i)});
    arcs.push_back({b, a, c, t, static_cast<std::uint32_t>(i)});
    edges.push_back({a, b, c});
  }
  std::sort(arcs.begin(), arcs.end(), [](const Arc& x, const Arc& y) {
    if (x.from != y.from) return x.from < y.from;
    if (x.to != y.to) return x.to < y.to;
    if (x.cost != y.cost) return x.cost < y.cost;
    return x.time != y.time ? x.time < y.time : x.link < y.link;
  });
  LinkGraph lg;
  lg.graph = CostGraph::from_edges(cg.graph.num_vertices(), edges);
  // Arcs of the CostGraph are sorted by (from, to) exactly as `arcs` groups are.
  lg.arc_link_offsets.reserve(arcs.size() + 1);
  lg.arc_link_offsets.push_back(0);
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (i > 0 && (arcs[i].from != arcs[i - 1].from || arcs[i].to != arcs[i - 1].to))
      lg.arc_link_offsets.push_back(lg.arc_links.size());
    lg.arc_links.push_back(arcs[i].link);
  }
  if (!arcs.empty()) lg.arc_link_offsets.push_back(lg.arc_links.size());
  return lg;
}

std::vector<char> hubs_by_degree(const CostGraph& graph, std::size_t max_degree) {
  std::vector<char> hub(graph.num_vertices(), 0);
  if (max_degree == 0) return hub;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) hub[v] = graph.degree(v) > max_degree ? 1 : 0;
  return hub;
}

}  // namespace casegraph
