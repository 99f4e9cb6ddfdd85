#pragma once
// Shared drawing choices: the colour of a cluster and the size of a score, so
// that a cluster has the same colour in Gephi, i2, Cytoscape and Graphviz.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "engine/model/chart.h"

namespace casegraph {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// Tableau-like 12-colour qualitative palette by cluster rank (1 = first
// colour), grey when the node is in no cluster.
Rgb cluster_colour(const std::optional<std::int64_t>& cluster);

// "#1f77b4".
std::string hex_colour(Rgb c);

// Every score measure present on any node.
std::set<std::string> score_measures(const Chart& chart);

// Every attribute name with a non-empty value on some node: the attribute
// columns (keys, classes) a format declares. An empty value is absent.
std::set<std::string> attribute_names(const Chart& chart);

// Linear map of a node's `measure` score onto [lo, hi] over the chart's range;
// `lo` when the node has no such score or every node has the same value.
class ScoreScale {
 public:
  ScoreScale(const Chart& chart, const std::string& measure, double lo, double hi);
  double operator()(const ChartNode& node) const;

 private:
  std::string measure_;
  double lo_, hi_;
  double min_ = 0, max_ = 0;
  bool any_ = false;
};

}  // namespace casegraph
