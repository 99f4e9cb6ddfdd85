#include "exporters/dot.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

// A DOT double-quoted string. In DOT only \" is an escape, but Graphviz then
// reads \n, \l, \N ... inside labels as escapes, so a backslash is doubled; a
// line break becomes \n (centred line). Text is made valid UTF-8 first.
std::string quoted(const std::string& raw) {
  const std::string text = xml_safe(raw);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Attribute names are written unquoted only when they are DOT identifiers.
std::string name(const std::string& raw) {
  const bool plain = !raw.empty() && !(raw[0] >= '0' && raw[0] <= '9') &&
                     std::all_of(raw.begin(), raw.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                     });
  return plain ? raw : quoted(raw);
}

const char* shape_of(const std::string& type) {
  if (type == entity_type::person) return "ellipse";
  if (type == entity_type::vehicle) return "box";
  if (type == entity_type::phone) return "diamond";
  if (type == entity_type::location) return "house";
  if (type == entity_type::organisation) return "hexagon";
  if (is_event_type(type)) return "note";
  return "oval";
}

using Attrs = std::vector<std::pair<std::string, std::string>>;

std::string attribute_list(const Attrs& attrs) {
  std::string out = " [";
  bool first = true;
  for (const auto& [key, value] : attrs) {
    if (!first) out += ", ";
    first = false;
    out += name(key) + "=" + quoted(value);
  }
  return out + "]";
}

// Names Graphviz reads as drawing attributes: a score or source attribute
// with such a name is prefixed so it cannot restyle the node.
const std::set<std::string>& drawing_names() {
  static const std::set<std::string> names{
      "label",  "shape",   "style",   "color",    "fillcolor", "fontcolor", "fontname", "fontsize", "width",
      "height", "pos",     "penwidth", "dir",     "URL",       "href",      "tooltip",  "image",    "id",
      "class",  "xlabel",  "group",   "rank",     "weight",    "peripheries", "sides",  "skew",     "distortion",
      "orientation", "regular", "fixedsize", "margin", "nojustify", "labelloc", "layer", "comment", "z",
      "area",   "gradientangle", "imagescale", "imagepos", "target", "samplepoints", "sortv", "vertices",
      "showboxes", "root", "pin", "xlp", "colorscheme", "labelfontcolor", "type", "cluster", "roles",
      "sources", "start", "end"};
  return names;
}

std::string node_line(const ChartNode& n) {
  const Rgb colour = cluster_colour(n.cluster);
  Attrs attrs{{"label", n.label + "\n" + n.type},
              {"shape", shape_of(n.type)},
              {"style", "filled"},
              {"fillcolor", hex_colour(colour)},
              {"type", n.type}};
  if (n.cluster) attrs.emplace_back("cluster", std::to_string(*n.cluster));
  const std::string roles = join_roles(n.roles);
  if (!roles.empty()) attrs.emplace_back("roles", roles);
  if (n.start) attrs.emplace_back("start", format_time(*n.start));
  if (n.end) attrs.emplace_back("end", format_time(*n.end));
  const std::string sources = join_sources(n.sources);
  if (!sources.empty()) attrs.emplace_back("sources", sources);
  std::set<std::string> taken = drawing_names();
  for (const auto& [measure, value] : n.scores) attrs.emplace_back(free_name(taken, measure, "score_"), format_double(value));
  for (const auto& [key, value] : n.attributes) {
    if (!value.empty()) attrs.emplace_back(free_name(taken, key, "attr_"), value);
  }
  return "n" + std::to_string(n.id) + attribute_list(attrs) + ";\n";
}

}  // namespace

void write_dot(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  const bool directed = ordered.any_directed;
  out << (directed ? "digraph " : "graph ") << quoted(chart.case_name) << " {\n";
  out << "  graph [label=" << quoted("case " + chart.case_name +
                                     (chart.run_id ? ", analysis run " + std::to_string(*chart.run_id) : ""))
      << ", fontname=\"Helvetica\", compound=true];\n";
  out << "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=8];\n";

  std::map<std::int64_t, std::vector<const ChartNode*>> by_cluster;
  std::vector<const ChartNode*> loose;
  for (const ChartNode* n : ordered.nodes) {
    if (n->cluster) {
      by_cluster[*n->cluster].push_back(n);
    } else {
      loose.push_back(n);
    }
  }
  for (const auto& [rank, members] : by_cluster) {
    // The "cluster" prefix is what makes Graphviz draw a subgraph as a box.
    // Negative ranks never occur; the name keeps digits only.
    out << "  subgraph cluster_" << (rank < 0 ? "m" + std::to_string(-rank) : std::to_string(rank)) << " {\n";
    Rgb light = cluster_colour(rank);
    light = {(light.r + 3 * 255) / 4, (light.g + 3 * 255) / 4, (light.b + 3 * 255) / 4};
    out << "    graph [label=" << quoted("cluster " + std::to_string(rank)) << ", style=filled, fillcolor="
        << quoted(hex_colour(light)) << ", color=" << quoted(hex_colour(cluster_colour(rank))) << "];\n";
    for (const ChartNode* n : members) out << "    " << node_line(*n);
    out << "  }\n";
  }
  for (const ChartNode* n : loose) out << "  " << node_line(*n);

  const char* arrow = directed ? " -> " : " -- ";
  for (const ChartEdge* e : ordered.edges) {
    Attrs attrs{{"label", e->type}, {"type", e->type}, {"link_id", std::to_string(e->id)},
                {"weight_value", format_double(e->weight)}};
    const double pen = std::clamp(e->weight, 0.0, 1.0) * 3.0 + 1.0;
    attrs.emplace_back("penwidth", format_double(pen == pen ? pen : 1.0));
    if (directed && !e->directed) attrs.emplace_back("dir", "none");
    if (e->start) attrs.emplace_back("start", format_time(*e->start));
    if (e->end) attrs.emplace_back("end", format_time(*e->end));
    const std::string grading = e->grading.text();
    if (!grading.empty()) attrs.emplace_back("grading", grading);
    const std::string sources = join_sources(e->sources);
    if (!sources.empty()) attrs.emplace_back("sources", sources);
    out << "  n" << e->source << arrow << "n" << e->target << attribute_list(attrs) << ";\n";
  }
  out << "}\n";
}

}  // namespace casegraph
