#pragma once
// Two CSV tables (RFC 4180, UTF-8, LF line ends, header row) for spreadsheets,
// R, pandas and any tool without a graph format:
//
// entities.csv: entity_id, type, label, cluster, roles (";"-joined), start,
//   end (ISO 8601 UTC), sources ("source:record_id" ";"-joined), then one
//   column per score measure present on any node (shortest round-trip
//   numbers), then one per entity attribute present on any node. A score or
//   attribute named like an earlier column is written "score_<name>" or
//   "attr_<name>".
// links.csv: link_id, source, target (entity ids), type, directed (true/false),
//   weight, start, end, grading ("2BP"), sources.
//
// Absent values are empty cells. Text cells are made spreadsheet-safe (see
// text_format.h: a leading = @ + - that would start a formula gets a ').
// Rows in order of id. The chart must outlive the returned writers.
#include <vector>

#include "engine/model/chart.h"
#include "exporters/export_files.h"

namespace casegraph {

std::vector<ExportFile> csv_tables(const Chart& chart);

}  // namespace casegraph
