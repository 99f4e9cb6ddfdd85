#include "exporters/neo4j_csv.h"

#include <cctype>
#include <set>
#include <string>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

std::string property_name(const std::string& raw) {
  std::string out;
  for (char c : raw) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])) != 0) out = "_" + out;
  return out;
}

// person -> Person, missing_episode -> MissingEpisode.
std::string label_name(const std::string& type) {
  std::string out;
  bool upper = true;
  for (char c : property_name(type)) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? "Unknown" : out;
}

// victim_in -> VICTIM_IN.
std::string relationship_type(const std::string& type) {
  std::string out = property_name(type);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out == "_" ? "LINKED" : out;
}

std::string array_item(std::string text) {
  for (char& c : text) {
    if (c == ';') c = ',';
  }
  return text;
}

std::string array_of(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += ';';
    out += array_item(item);
  }
  return out;
}

std::string sources_array(const std::vector<SourceRef>& sources) {
  std::vector<std::string> items;
  for (const SourceRef& s : sources) items.push_back(s.source + ":" + s.record_id);
  return array_of(items);
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) out << ',';
    out << csv_field(cells[i]);
  }
  out << '\n';
}

std::string time_cell(const std::optional<Timestamp>& t) { return t ? format_time(*t) : std::string(); }

void write_nodes(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  std::set<std::string> taken{"entity_id", "name", "type", "cluster", "roles", "start", "end", "sources"};
  std::vector<std::string> header{"entity_id:ID", ":LABEL",         "name:string",    "type:string",  "cluster:long",
                                  "roles:string[]", "start:datetime", "end:datetime", "sources:string[]"};
  const std::set<std::string> measures = score_measures(chart);
  for (const std::string& m : measures) header.push_back(free_name(taken, property_name(m), "score_") + ":double");
  const std::set<std::string> attributes = attribute_names(chart);
  for (const std::string& a : attributes) header.push_back(free_name(taken, property_name(a), "attr_") + ":string");
  write_row(out, header);

  for (const ChartNode* n : ordered.nodes) {
    std::vector<std::string> row{std::to_string(n->id),
                                 "Entity;" + label_name(n->type),
                                 n->label,
                                 n->type,
                                 n->cluster ? std::to_string(*n->cluster) : std::string(),
                                 array_of(n->roles),
                                 time_cell(n->start),
                                 time_cell(n->end),
                                 sources_array(n->sources)};
    for (const std::string& m : measures) {
      auto it = n->scores.find(m);
      row.push_back(it == n->scores.end() ? std::string() : format_double(it->second));
    }
    for (const std::string& a : attributes) {
      auto it = n->attributes.find(a);
      row.push_back(it == n->attributes.end() ? std::string() : it->second);
    }
    write_row(out, row);
  }
}

void write_relationships(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  write_row(out, {":START_ID", ":END_ID", ":TYPE", "link_id:long", "link_type:string", "weight:double",
                  "directed:boolean", "start:datetime", "end:datetime", "grading:string", "sources:string[]"});
  for (const ChartEdge* e : ordered.edges) {
    write_row(out, {std::to_string(e->source), std::to_string(e->target), relationship_type(e->type),
                    std::to_string(e->id), e->type, format_double(e->weight), e->directed ? "true" : "false",
                    time_cell(e->start), time_cell(e->end), e->grading.text(), sources_array(e->sources)});
  }
}

}  // namespace

std::vector<ExportFile> neo4j_files(const Chart& chart) {
  return {{"nodes.csv", [&chart](std::ostream& out) { write_nodes(chart, out); }},
          {"relationships.csv", [&chart](std::ostream& out) { write_relationships(chart, out); }}};
}

std::string neo4j_import_command(const std::string& nodes_path, const std::string& relationships_path) {
  return "neo4j-admin database import full --id-type=integer --multiline-fields=true --nodes=" + nodes_path +
         " --relationships=" + relationships_path + " neo4j";
}

}  // namespace casegraph
