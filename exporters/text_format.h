#pragma once
// Text helpers shared by every exporter, so that all formats spell a time, a
// number, a source reference and a role list the same way.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/chart.h"

namespace casegraph {

// Makes text valid XML 1.0 (and valid UTF-8 for JSON and CSV): invalid UTF-8
// and the control characters XML cannot carry become U+FFFD, CR LF or a lone
// CR becomes LF. Source records come from many systems; one bad byte must not
// make a whole export unreadable, so the value is repaired, never dropped.
std::string xml_safe(std::string_view text);

// Shortest text that reads back as the same double ("0.125", "3", "nan").
std::string format_double(double value);

// ISO 8601 UTC with seconds: "2025-03-14T21:05:00Z".
std::string format_time(Timestamp t);

// "police_nominals:N-000123;vehicle_keepers:7".
std::string join_sources(const std::vector<SourceRef>& sources);

// Non-empty roles joined with `separator`: "victim,missing".
std::string join_roles(const std::vector<std::string>& roles, char separator = ',');

// A column name not yet in `taken`: `name`, else prefix + name, else with a
// number appended (only reachable by names built to collide); adds it to `taken`.
std::string free_name(std::set<std::string>& taken, const std::string& name, const std::string& prefix);

// One RFC 4180 field: quoted (with "" for ") when it holds a comma, a quote,
// CR, LF or leading/trailing blanks; text made valid UTF-8 first.
std::string csv_field(std::string_view text);

// A text cell for a spreadsheet: a value that starts with =, @, a tab or CR,
// or with + or - not followed by a digit, is prefixed with ' so that Excel and
// LibreOffice show it rather than run it as a formula (CSV injection); phone
// numbers (+44...) and negative numbers are left alone.
std::string spreadsheet_safe(std::string_view text);

// Charts are written in a canonical order (nodes by id, links by id, ties in
// the chart's order) so that the same chart gives the same bytes. Throws
// std::invalid_argument when two nodes share an id or a link names a node
// that is not in the chart.
struct OrderedChart {
  std::vector<const ChartNode*> nodes;
  std::vector<const ChartEdge*> edges;
  bool any_directed = false;
};
OrderedChart order_chart(const Chart& chart);

}  // namespace casegraph
