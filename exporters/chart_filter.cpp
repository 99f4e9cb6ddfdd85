#include "exporters/chart_filter.h"

#include <cctype>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace casegraph {
namespace {

// 0: no handling code; 1: P; 2: C.
int restriction(char handling) {
  if (handling == 'P') return 1;
  if (handling == 'C') return 2;
  return 0;
}

char node_handling(const ChartNode& node) {
  auto it = node.attributes.find("grading");
  if (it == node.attributes.end()) return 0;
  auto grading = parse_grading(it->second, nullptr);
  return grading ? grading->handling : 0;
}

using RefSet = std::set<std::pair<std::string, std::string>>;

RefSet refs_of(const std::vector<SourceRef>& sources) {
  RefSet out;
  for (const SourceRef& s : sources) out.emplace(s.source, s.record_id);
  return out;
}

// Removes restricted references; returns true when the item had references
// and every one of them was restricted.
bool strip_restricted(std::vector<SourceRef>& sources, const RefSet& restricted) {
  if (sources.empty() || restricted.empty()) return false;
  std::vector<SourceRef> kept;
  for (SourceRef& s : sources) {
    if (restricted.count({s.source, s.record_id}) == 0) kept.push_back(std::move(s));
  }
  const bool only_restricted = kept.empty();
  sources = std::move(kept);
  return only_restricted;
}

Chart induced(const Chart& chart, const std::unordered_set<std::int64_t>& keep) {
  Chart out;
  out.case_name = chart.case_name;
  out.run_id = chart.run_id;
  for (const ChartNode& n : chart.nodes) {
    if (keep.count(n.id) != 0) out.nodes.push_back(n);
  }
  for (const ChartEdge& e : chart.edges) {
    if (keep.count(e.source) != 0 && keep.count(e.target) != 0) out.edges.push_back(e);
  }
  return out;
}

}  // namespace

std::optional<char> parse_handling_code(std::string_view text) {
  if (text.size() != 1) return std::nullopt;
  const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  if (c == 'P' || c == '1') return 'P';
  if (c == 'C' || (c >= '2' && c <= '5')) return 'C';
  return std::nullopt;
}

Chart cut_by_handling(const Chart& chart, char max_handling, HandlingCut* cut) {
  const int limit = restriction(max_handling);
  if (limit == 0) throw std::invalid_argument(std::string("handling code must be P or C, not '") + max_handling + "'");
  RefSet restricted;
  std::unordered_set<std::int64_t> dropped_nodes;
  for (const ChartNode& n : chart.nodes) {
    if (restriction(node_handling(n)) > limit) {
      dropped_nodes.insert(n.id);
      const RefSet r = refs_of(n.sources);
      restricted.insert(r.begin(), r.end());
    }
  }
  for (const ChartEdge& e : chart.edges) {
    if (restriction(e.grading.handling) > limit) {
      const RefSet r = refs_of(e.sources);
      restricted.insert(r.begin(), r.end());
    }
  }
  // A record that is restricted for one item is restricted for all: it is the
  // record's own grading that the item carries.
  Chart out;
  out.case_name = chart.case_name;
  out.run_id = chart.run_id;
  for (const ChartNode& n : chart.nodes) {
    if (dropped_nodes.count(n.id) != 0) continue;
    ChartNode copy = n;
    if (strip_restricted(copy.sources, restricted)) {
      dropped_nodes.insert(n.id);
      continue;
    }
    out.nodes.push_back(std::move(copy));
  }
  std::size_t edges_removed = 0;
  for (const ChartEdge& e : chart.edges) {
    if (restriction(e.grading.handling) > limit || dropped_nodes.count(e.source) != 0 ||
        dropped_nodes.count(e.target) != 0) {
      ++edges_removed;
      continue;
    }
    ChartEdge copy = e;
    if (strip_restricted(copy.sources, restricted)) {
      ++edges_removed;
      continue;
    }
    out.edges.push_back(std::move(copy));
  }
  if (cut != nullptr) {
    cut->nodes_removed = chart.nodes.size() - out.nodes.size();
    cut->edges_removed = edges_removed;
  }
  return out;
}

Chart cluster_subset(const Chart& chart, std::int64_t rank, int depth) {
  if (depth < 0) throw std::invalid_argument("depth must be 0 or more");
  std::unordered_set<std::int64_t> keep;
  std::vector<std::int64_t> frontier;
  for (const ChartNode& n : chart.nodes) {
    if (n.cluster && *n.cluster == rank && keep.insert(n.id).second) frontier.push_back(n.id);
  }
  if (keep.empty()) {
    std::set<std::int64_t> ranks;
    for (const ChartNode& n : chart.nodes) {
      if (n.cluster) ranks.insert(*n.cluster);
    }
    std::string known = ranks.empty() ? "the chart has no clusters (run casegraph analyse first)"
                                      : "ranks are 1 to " + std::to_string(*ranks.rbegin());
    throw std::invalid_argument("no cluster ranked " + std::to_string(rank) + ": " + known);
  }
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> neighbours;
  if (depth > 0) {
    for (const ChartEdge& e : chart.edges) {
      neighbours[e.source].push_back(e.target);
      neighbours[e.target].push_back(e.source);
    }
  }
  // Breadth-first, one ring per level of depth.
  for (int level = 0; level < depth && !frontier.empty(); ++level) {
    std::vector<std::int64_t> next;
    for (std::int64_t id : frontier) {
      auto it = neighbours.find(id);
      if (it == neighbours.end()) continue;
      for (std::int64_t other : it->second) {
        if (keep.insert(other).second) next.push_back(other);
      }
    }
    frontier = std::move(next);
  }
  return induced(chart, keep);
}

}  // namespace casegraph
