#include "exporters/cytoscape.h"

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

using nlohmann::json;

// Every text goes through xml_safe: it also makes the text valid UTF-8, which
// nlohmann::json requires to serialise.
std::string text(const std::string& s) { return xml_safe(s); }

json sources_json(const std::vector<SourceRef>& sources) {
  json out = json::array();
  for (const SourceRef& s : sources) out.push_back({{"source", text(s.source)}, {"record_id", text(s.record_id)}});
  return out;
}

std::string node_id(std::int64_t id) { return "n" + std::to_string(id); }

json node_json(const ChartNode& n) {
  json data = {{"id", node_id(n.id)}, {"entity_id", n.id}, {"label", text(n.label)}, {"type", text(n.type)}};
  json classes = json::array();
  if (!n.type.empty()) classes.push_back(text(n.type));
  if (n.cluster) {
    data["cluster"] = *n.cluster;
    classes.push_back("cluster-" + std::to_string(*n.cluster));
  }
  json roles = json::array();
  for (const std::string& r : n.roles) {
    if (r.empty()) continue;
    roles.push_back(text(r));
    classes.push_back(text(r));
  }
  data["roles"] = roles;
  if (n.start) data["start"] = format_time(*n.start);
  if (n.end) data["end"] = format_time(*n.end);
  data["sources"] = sources_json(n.sources);
  json scores = json::object();
  for (const auto& [measure, value] : n.scores) {
    if (std::isfinite(value)) scores[text(measure)] = value;
  }
  data["scores"] = scores;
  json attributes = json::object();
  for (const auto& [name, value] : n.attributes) {
    if (!value.empty()) attributes[text(name)] = text(value);
  }
  data["attributes"] = attributes;
  data["colour"] = hex_colour(cluster_colour(n.cluster));
  return {{"data", data}, {"classes", classes}};
}

json edge_json(const ChartEdge& e) {
  json data = {{"id", "e" + std::to_string(e.id)},
               {"link_id", e.id},
               {"source", node_id(e.source)},
               {"target", node_id(e.target)},
               {"type", text(e.type)},
               {"directed", e.directed},
               {"weight", std::isfinite(e.weight) ? json(e.weight) : json(nullptr)}};
  if (e.start) data["start"] = format_time(*e.start);
  if (e.end) data["end"] = format_time(*e.end);
  const std::string grading = e.grading.text();
  if (!grading.empty()) data["grading"] = grading;
  data["sources"] = sources_json(e.sources);
  json classes = json::array();
  if (!e.type.empty()) classes.push_back(text(e.type));
  if (!e.directed) classes.push_back("undirected");
  return {{"data", data}, {"classes", classes}};
}

}  // namespace

void write_cytoscape(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  json nodes = json::array();
  for (const ChartNode* n : ordered.nodes) nodes.push_back(node_json(*n));
  json edges = json::array();
  for (const ChartEdge* e : ordered.edges) edges.push_back(edge_json(*e));
  json data = {{"case", text(chart.case_name)}, {"format", "casegraph-cytoscape-1"}};
  if (chart.run_id) data["run_id"] = *chart.run_id;
  const json document = {{"data", data}, {"elements", {{"nodes", nodes}, {"edges", edges}}}};
  out << document.dump(1) << '\n';
}

}  // namespace casegraph
