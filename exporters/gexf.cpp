#include "exporters/gexf.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

// Declares the attributes of one class (node or edge); ids "0", "1", ... as
// Gephi writes them.
class Attributes {
 public:
  Attributes(pugi::xml_node graph, const char* cls) : element_(graph.append_child("attributes")) {
    element_.append_attribute("class").set_value(cls);
    element_.append_attribute("mode").set_value("static");
  }
  std::string declare(const std::string& title, const char* type) {
    std::string id = std::to_string(next_++);
    pugi::xml_node a = element_.append_child("attribute");
    a.append_attribute("id").set_value(id.c_str());
    a.append_attribute("title").set_value(xml_safe(title).c_str());
    a.append_attribute("type").set_value(type);
    return id;
  }

 private:
  pugi::xml_node element_;
  int next_ = 0;
};

// Values are gathered first: <attvalues> must come before the viz elements.
class Values {
 public:
  void add(const std::string& key, const std::string& value) {
    if (!value.empty()) values_.emplace_back(key, value);
  }
  void write(pugi::xml_node parent) const {
    if (values_.empty()) return;
    pugi::xml_node list = parent.append_child("attvalues");
    for (const auto& [key, value] : values_) {
      pugi::xml_node v = list.append_child("attvalue");
      v.append_attribute("for").set_value(key.c_str());
      v.append_attribute("value").set_value(xml_safe(value).c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

void set_times(pugi::xml_node element, const std::optional<Timestamp>& start, const std::optional<Timestamp>& end) {
  if (start) element.append_attribute("start").set_value(format_time(*start).c_str());
  if (end) element.append_attribute("end").set_value(format_time(*end).c_str());
}

std::string node_id(std::int64_t id) { return "n" + std::to_string(id); }

}  // namespace

void write_gexf(const Chart& chart, std::ostream& out, const GexfOptions& options) {
  const OrderedChart ordered = order_chart(chart);

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("gexf");
  root.append_attribute("xmlns").set_value("http://gexf.net/1.3");
  root.append_attribute("xmlns:viz").set_value("http://gexf.net/1.3/viz");
  root.append_attribute("xmlns:xsi").set_value("http://www.w3.org/2001/XMLSchema-instance");
  root.append_attribute("xsi:schemaLocation").set_value("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  root.append_attribute("version").set_value("1.3");

  pugi::xml_node meta = root.append_child("meta");
  meta.append_child("creator").text().set("casegraph");
  std::string description = "case " + chart.case_name;
  if (chart.run_id) description += ", analysis run " + std::to_string(*chart.run_id);
  meta.append_child("description").text().set(xml_safe(description).c_str());

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("defaultedgetype").set_value(ordered.any_directed ? "directed" : "undirected");
  graph.append_attribute("mode").set_value("dynamic");
  graph.append_attribute("timeformat").set_value("dateTime");
  graph.append_attribute("timerepresentation").set_value("interval");

  // Names that networkx or Gephi use for the element's own XML attributes.
  std::set<std::string> taken{"id",   "label", "start", "end",    "viz",     "pid",   "parents", "spells",
                              "type", "cluster", "roles", "sources", "weight", "kind", "networkx_key"};
  Attributes node_attributes(graph, "node");
  const std::string a_type = node_attributes.declare("type", "string");
  const std::string a_cluster = node_attributes.declare("cluster", "long");
  const std::string a_roles = node_attributes.declare("roles", "string");
  const std::string a_sources = node_attributes.declare("sources", "string");
  std::map<std::string, std::string> a_score;
  for (const std::string& m : score_measures(chart)) {
    a_score[m] = node_attributes.declare(free_name(taken, m, "score_"), "double");
  }
  std::map<std::string, std::string> a_attribute;
  for (const std::string& a : attribute_names(chart)) {
    a_attribute[a] = node_attributes.declare(free_name(taken, a, "attr_"), "string");
  }

  Attributes edge_attributes(graph, "edge");
  const std::string e_type = edge_attributes.declare("type", "string");
  const std::string e_directed = edge_attributes.declare("directed", "boolean");
  const std::string e_grading = edge_attributes.declare("grading", "string");
  const std::string e_sources = edge_attributes.declare("sources", "string");
  const std::string e_link = edge_attributes.declare("link_id", "long");

  const ScoreScale size(chart, options.size_by, 4.0, 40.0);
  pugi::xml_node nodes = graph.append_child("nodes");
  for (const ChartNode* n : ordered.nodes) {
    pugi::xml_node node = nodes.append_child("node");
    node.append_attribute("id").set_value(node_id(n->id).c_str());
    node.append_attribute("label").set_value(xml_safe(n->label).c_str());
    set_times(node, n->start, n->end);
    Values values;
    values.add(a_type, n->type);
    if (n->cluster) values.add(a_cluster, std::to_string(*n->cluster));
    values.add(a_roles, join_roles(n->roles));
    values.add(a_sources, join_sources(n->sources));
    for (const auto& [measure, value] : n->scores) values.add(a_score.at(measure), format_double(value));
    for (const auto& [name, value] : n->attributes) {
      if (!value.empty()) values.add(a_attribute.at(name), value);
    }
    values.write(node);
    const Rgb colour = cluster_colour(n->cluster);
    pugi::xml_node c = node.append_child("viz:color");
    c.append_attribute("r").set_value(colour.r);
    c.append_attribute("g").set_value(colour.g);
    c.append_attribute("b").set_value(colour.b);
    node.append_child("viz:size").append_attribute("value").set_value(format_double(size(*n)).c_str());
  }

  pugi::xml_node edges = graph.append_child("edges");
  for (const ChartEdge* e : ordered.edges) {
    pugi::xml_node edge = edges.append_child("edge");
    edge.append_attribute("id").set_value(("e" + std::to_string(e->id)).c_str());
    edge.append_attribute("source").set_value(node_id(e->source).c_str());
    edge.append_attribute("target").set_value(node_id(e->target).c_str());
    edge.append_attribute("label").set_value(xml_safe(e->type).c_str());
    if (!e->type.empty()) edge.append_attribute("kind").set_value(xml_safe(e->type).c_str());
    edge.append_attribute("weight").set_value(format_double(e->weight).c_str());
    set_times(edge, e->start, e->end);
    Values values;
    values.add(e_type, e->type);
    values.add(e_directed, e->directed ? "true" : "false");
    values.add(e_grading, e->grading.text());
    values.add(e_sources, join_sources(e->sources));
    values.add(e_link, std::to_string(e->id));
    values.write(edge);
  }

  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace casegraph
