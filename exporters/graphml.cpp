#include "exporters/graphml.h"

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

// --- text -------------------------------------------------------------------

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one well-formed UTF-8 sequence at text[i] (no overlong forms, no
// surrogates, nothing above U+10FFFF). Returns its length, or 0 if malformed.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool allowed_in_xml(char32_t cp) {
  // XML 1.0 Char production; CR is handled by the caller.
  return cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         cp >= 0x10000;
}

// Source records come from many systems; one bad byte must not make the whole
// export unreadable. Only the value is repaired, never dropped.
std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      append_utf8(out, U'\uFFFD');
      ++i;
      continue;
    }
    if (cp == '\r') {
      out += '\n';
      i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (allowed_in_xml(cp)) {
      out.append(text.substr(i, len));
    } else {
      append_utf8(out, U'\uFFFD');
    }
    i += len;
  }
  return out;
}

// --- values -----------------------------------------------------------------

std::string format_double(double value) {
  // Shortest text that reads back as the same double; "nan"/"inf" are read
  // by both networkx (float()) and igraph (strtod).
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_time(Timestamp t) {
  using namespace std::chrono;
  const sys_seconds at{seconds{t}};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{at - day};
  char buffer[40];
  const int y = static_cast<int>(ymd.year());
  const auto put = [&](char* p, long v, int width) {
    for (int k = width - 1; k >= 0; --k) {
      p[k] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  // Years 0..9999 cover every real record; others keep all their digits.
  std::string out;
  if (y >= 0 && y <= 9999) {
    put(buffer, y, 4);
    out.assign(buffer, 4);
  } else {
    out = std::to_string(y);
  }
  put(buffer, static_cast<long>(static_cast<unsigned>(ymd.month())), 2);
  put(buffer + 2, static_cast<long>(static_cast<unsigned>(ymd.day())), 2);
  put(buffer + 4, hms.hours().count(), 2);
  put(buffer + 6, hms.minutes().count(), 2);
  put(buffer + 8, static_cast<long>(hms.seconds().count()), 2);
  out += '-';
  out.append(buffer, 2);
  out += '-';
  out.append(buffer + 2, 2);
  out += 'T';
  out.append(buffer + 4, 2);
  out += ':';
  out.append(buffer + 6, 2);
  out += ':';
  out.append(buffer + 8, 2);
  out += 'Z';
  return out;
}

std::string join_sources(const std::vector<SourceRef>& sources) {
  std::string out;
  for (const SourceRef& s : sources) {
    if (!out.empty()) out += ';';
    out += s.source;
    out += ':';
    out += s.record_id;
  }
  return out;
}

std::string join_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& r : roles) {
    if (r.empty()) continue;
    if (!out.empty()) out += ',';
    out += r;
  }
  return out;
}

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

// A name not yet used among the node keys: `name`, else prefix + name, else
// with a number appended (only reachable by names built to collide).
std::string free_name(std::set<std::string>& taken, const std::string& name, const std::string& prefix) {
  std::string candidate = name;
  if (taken.count(candidate) != 0) candidate = prefix + name;
  for (int n = 2; taken.count(candidate) != 0; ++n) candidate = prefix + name + "_" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

void add_data(pugi::xml_node parent, const std::string& key, const std::string& value) {
  if (value.empty()) return;  // absent, see graphml.h
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key").set_value(key.c_str());
  data.text().set(xml_safe(value).c_str());
}

std::string node_id(std::int64_t id) { return "n" + std::to_string(id); }

}  // namespace

void write_graphml(const Chart& chart, std::ostream& out) {
  // Order by id so that the bytes do not depend on how the chart was assembled.
  std::vector<const ChartNode*> nodes;
  nodes.reserve(chart.nodes.size());
  for (const ChartNode& n : chart.nodes) nodes.push_back(&n);
  std::stable_sort(nodes.begin(), nodes.end(), [](const ChartNode* a, const ChartNode* b) { return a->id < b->id; });
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i]->id == nodes[i - 1]->id) {
      throw std::invalid_argument("chart has two nodes with id " + std::to_string(nodes[i]->id));
    }
  }
  std::vector<std::int64_t> ids;
  ids.reserve(nodes.size());
  for (const ChartNode* n : nodes) ids.push_back(n->id);
  const auto has_node = [&](std::int64_t id) { return std::binary_search(ids.begin(), ids.end(), id); };
  std::vector<const ChartEdge*> edges;
  edges.reserve(chart.edges.size());
  bool any_directed = false;
  for (const ChartEdge& e : chart.edges) {
    for (std::int64_t end : {e.source, e.target}) {
      if (!has_node(end)) {
        throw std::invalid_argument("chart link " + std::to_string(e.id) + " refers to entity " +
                                    std::to_string(end) + ", which is not in the chart");
      }
    }
    any_directed = any_directed || e.directed;
    edges.push_back(&e);
  }
  std::stable_sort(edges.begin(), edges.end(), [](const ChartEdge* a, const ChartEdge* b) { return a->id < b->id; });

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

  std::set<std::string> measures;
  std::set<std::string> attributes;
  for (const ChartNode* n : nodes) {
    for (const auto& [measure, value] : n->scores) measures.insert(measure);
    for (const auto& [name, value] : n->attributes) {
      if (!value.empty()) attributes.insert(name);
    }
  }
  // Scores are named first, so a score keeps its plain name over an attribute.
  std::map<std::string, std::string> k_score;
  for (const std::string& m : measures) k_score[m] = keys.declare("node", free_name(taken, m, "score_"), "double");
  std::map<std::string, std::string> k_attribute;
  for (const std::string& a : attributes) {
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
