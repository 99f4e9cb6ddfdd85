#include "exporters/csv_tables.h"

#include <set>
#include <string>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

class Row {
 public:
  explicit Row(std::ostream& out) : out_(out) {}
  Row& number(const std::string& value) { return cell(value); }
  Row& text(const std::string& value) { return cell(spreadsheet_safe(value)); }
  void end() { out_ << '\n'; }

 private:
  Row& cell(const std::string& value) {
    if (!first_) out_ << ',';
    first_ = false;
    out_ << csv_field(value);
    return *this;
  }
  std::ostream& out_;
  bool first_ = true;
};

std::string time_cell(const std::optional<Timestamp>& t) { return t ? format_time(*t) : std::string(); }

void write_entities(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  std::set<std::string> taken{"entity_id", "type", "label", "cluster", "roles", "start", "end", "sources"};
  Row header(out);
  for (const char* name : {"entity_id", "type", "label", "cluster", "roles", "start", "end", "sources"}) header.text(name);
  const std::set<std::string> measures = score_measures(chart);
  for (const std::string& m : measures) header.text(free_name(taken, m, "score_"));
  const std::set<std::string> attributes = attribute_names(chart);
  for (const std::string& a : attributes) header.text(free_name(taken, a, "attr_"));
  header.end();

  for (const ChartNode* n : ordered.nodes) {
    Row row(out);
    row.number(std::to_string(n->id)).text(n->type).text(n->label);
    row.number(n->cluster ? std::to_string(*n->cluster) : std::string());
    row.text(join_roles(n->roles, ';')).text(time_cell(n->start)).text(time_cell(n->end));
    row.text(join_sources(n->sources));
    for (const std::string& m : measures) {
      auto it = n->scores.find(m);
      row.number(it == n->scores.end() ? std::string() : format_double(it->second));
    }
    for (const std::string& a : attributes) {
      auto it = n->attributes.find(a);
      row.text(it == n->attributes.end() ? std::string() : it->second);
    }
    row.end();
  }
}

void write_links(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  Row header(out);
  for (const char* name : {"link_id", "source", "target", "type", "directed", "weight", "start", "end", "grading",
                           "sources"}) {
    header.text(name);
  }
  header.end();
  for (const ChartEdge* e : ordered.edges) {
    Row row(out);
    row.number(std::to_string(e->id)).number(std::to_string(e->source)).number(std::to_string(e->target));
    row.text(e->type).text(e->directed ? "true" : "false").number(format_double(e->weight));
    row.text(time_cell(e->start)).text(time_cell(e->end)).text(e->grading.text()).text(join_sources(e->sources));
    row.end();
  }
}

}  // namespace

std::vector<ExportFile> csv_tables(const Chart& chart) {
  return {{"entities.csv", [&chart](std::ostream& out) { write_entities(chart, out); }},
          {"links.csv", [&chart](std::ostream& out) { write_links(chart, out); }}};
}

}  // namespace casegraph
