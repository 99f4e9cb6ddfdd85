#include "exporters/graphml.h"

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <pugixml.hpp>

namespace casegraph {
namespace {

// --- keys -------------------------------------------------------------------

class Keys {
 public:
  explicit Keys(pugi::xml_node root) : root_(root) {}

  // Declares a key; returns its id ("k0", "k1", ...). Not "d<n>" as networkx
  // writes: Gephi reads the key ids d3 (node) and d7 (edge) as labels, yEd's
  // defaults, whatever their attr.name.
  std::string declare(const char* domain, const std::string& name, const char* type) {
    std::string id = "k" + std::to_string(next_++);
    pugi::xml_node key = root_.append_child("key");
    key.append_attribute("id").set_value(id.c_str());
    key.append_attribute("for").set_value(domain);
    key.append_attribute("attr.name").set_value(xml_safe(name).c_str());
    key.append_attribute("attr.type").set_value(type);
    return id;
  }

 private:
  pugi::xml_node root_;
  int next_ = 0;
};

void add_data(pugi::xml_node parent, const std::string& key, const std::string& value) {
  if (value.empty()) return;  // absent, see graphml.h
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key").set_value(key.c_str());
  data.text().set(xml_safe(value).c_str());
}

std::string node_id(std::int64_t id) { return "n" + std::to_string(id); }

}  // namespace

void write_graphml(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  const std::vector<const ChartNode*>& nodes = ordered.nodes;
  const std::vector<const ChartEdge*>& edges = ordered.edges;
  const bool any_directed = ordered.any_directed;

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("graphml");
  root.append_attribute("xmlns").set_value("http://graphml.graphdrawing.org/xmlns");
  root.append_attribute("xmlns:xsi").set_value("http://www.w3.org/2001/XMLSchema-instance");
  root.append_attribute("xsi:schemaLocation")
      .set_value("http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");

  Keys keys(root);
  const std::string k_case = keys.declare("graph", "case", "string");
  const std::string k_run = chart.run_id ? keys.declare("graph", "run_id", "long") : std::string();

  // Fixed keys, "id" (igraph's name for the node id) and the node keys Gephi
  // takes as drawing properties rather than data columns.
  std::set<std::string> taken{"id",   "type", "label", "cluster", "roles", "start", "end", "sources", "x",
                              "y",    "z",    "xpos",  "ypos",    "size",  "r",     "g",   "b",       "color"};
  const std::string k_type = keys.declare("node", "type", "string");
  const std::string k_label = keys.declare("node", "label", "string");
  const std::string k_cluster = keys.declare("node", "cluster", "long");
  const std::string k_roles = keys.declare("node", "roles", "string");
  const std::string k_start = keys.declare("node", "start", "string");
  const std::string k_end = keys.declare("node", "end", "string");
  const std::string k_sources = keys.declare("node", "sources", "string");

  // Scores are named first, so a score keeps its plain name over an attribute.
  std::map<std::string, std::string> k_score;
  for (const std::string& m : score_measures(chart)) {
    k_score[m] = keys.declare("node", free_name(taken, m, "score_"), "double");
  }
  std::map<std::string, std::string> k_attribute;
  for (const std::string& a : attribute_names(chart)) {
    k_attribute[a] = keys.declare("node", free_name(taken, a, "attr_"), "string");
  }

  const std::string ke_type = keys.declare("edge", "type", "string");
  const std::string ke_directed = keys.declare("edge", "directed", "boolean");
  const std::string ke_weight = keys.declare("edge", "weight", "double");
  const std::string ke_start = keys.declare("edge", "start", "string");
  const std::string ke_end = keys.declare("edge", "end", "string");
  const std::string ke_grading = keys.declare("edge", "grading", "string");
  const std::string ke_sources = keys.declare("edge", "sources", "string");
  const std::string ke_link = keys.declare("edge", "link_id", "long");

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("id").set_value("G");
  graph.append_attribute("edgedefault").set_value(any_directed ? "directed" : "undirected");
  add_data(graph, k_case, chart.case_name);
  if (chart.run_id) add_data(graph, k_run, std::to_string(*chart.run_id));

  for (const ChartNode* n : nodes) {
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id").set_value(node_id(n->id).c_str());
    add_data(node, k_type, n->type);
    add_data(node, k_label, n->label);
    if (n->cluster) add_data(node, k_cluster, std::to_string(*n->cluster));
    add_data(node, k_roles, join_roles(n->roles));
    if (n->start) add_data(node, k_start, format_time(*n->start));
    if (n->end) add_data(node, k_end, format_time(*n->end));
    add_data(node, k_sources, join_sources(n->sources));
    for (const auto& [measure, value] : n->scores) add_data(node, k_score.at(measure), format_double(value));
    for (const auto& [name, value] : n->attributes) {
      if (!value.empty()) add_data(node, k_attribute.at(name), value);
    }
  }

  for (const ChartEdge* e : edges) {
    pugi::xml_node edge = graph.append_child("edge");
    edge.append_attribute("id").set_value(("e" + std::to_string(e->id)).c_str());
    edge.append_attribute("source").set_value(node_id(e->source).c_str());
    edge.append_attribute("target").set_value(node_id(e->target).c_str());
    add_data(edge, ke_type, e->type);
    add_data(edge, ke_directed, e->directed ? "true" : "false");
    add_data(edge, ke_weight, format_double(e->weight));
    if (e->start) add_data(edge, ke_start, format_time(*e->start));
    if (e->end) add_data(edge, ke_end, format_time(*e->end));
    add_data(edge, ke_grading, e->grading.text());
    add_data(edge, ke_sources, join_sources(e->sources));
    add_data(edge, ke_link, std::to_string(e->id));
  }

  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace casegraph
