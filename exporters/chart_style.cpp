#include "exporters/chart_style.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace casegraph {

Rgb cluster_colour(const std::optional<std::int64_t>& cluster) {
  // Distinct on screen and in print; ordered so that neighbouring ranks differ.
  static constexpr std::array<Rgb, 12> palette{{{31, 119, 180},
                                                {255, 127, 14},
                                                {44, 160, 44},
                                                {214, 39, 40},
                                                {148, 103, 189},
                                                {140, 86, 75},
                                                {227, 119, 194},
                                                {188, 189, 34},
                                                {23, 190, 207},
                                                {174, 199, 232},
                                                {255, 187, 120},
                                                {152, 223, 138}}};
  if (!cluster || *cluster < 1) return {160, 160, 160};
  return palette[static_cast<std::size_t>((*cluster - 1) % static_cast<std::int64_t>(palette.size()))];
}

std::string hex_colour(Rgb c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r & 0xff, c.g & 0xff, c.b & 0xff);
  return buffer;
}

std::set<std::string> score_measures(const Chart& chart) {
  std::set<std::string> out;
  for (const ChartNode& n : chart.nodes) {
    for (const auto& [measure, value] : n.scores) out.insert(measure);
  }
  return out;
}

std::set<std::string> attribute_names(const Chart& chart) {
  std::set<std::string> out;
  for (const ChartNode& n : chart.nodes) {
    for (const auto& [name, value] : n.attributes) {
      if (!value.empty()) out.insert(name);
    }
  }
  return out;
}

ScoreScale::ScoreScale(const Chart& chart, const std::string& measure, double lo, double hi)
    : measure_(measure), lo_(lo), hi_(hi) {
  for (const ChartNode& n : chart.nodes) {
    auto it = n.scores.find(measure);
    if (it == n.scores.end() || !(it->second == it->second)) continue;  // skip NaN
    min_ = any_ ? std::min(min_, it->second) : it->second;
    max_ = any_ ? std::max(max_, it->second) : it->second;
    any_ = true;
  }
}

double ScoreScale::operator()(const ChartNode& node) const {
  auto it = node.scores.find(measure_);
  if (!any_ || it == node.scores.end() || !(it->second == it->second) || max_ <= min_) return lo_;
  return lo_ + (hi_ - lo_) * (it->second - min_) / (max_ - min_);
}

}  // namespace casegraph
