#pragma once
// Format-neutral cuts of a chart, applied before any exporter writes it, so
// that every format gets the same subset (cli/export.cpp applies them in the
// order: handling, then cluster subset, then pseudonymisation).
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/model/chart.h"

namespace casegraph {

// --max-handling: the handling part of a grading (engine/model/pole.h), from
// least to most restrictive: P (may be disseminated), then C (conditions
// apply). Accepts "P" or "C" (any case), and the 5x5x5 handling codes 1 (-> P)
// and 2-5 (-> C), as parse_grading maps them. Returns nullopt otherwise.
std::optional<char> parse_handling_code(std::string_view text);

struct HandlingCut {
  std::size_t nodes_removed = 0;
  std::size_t edges_removed = 0;
};

// Leaves out every item whose handling code is more restrictive than
// `max_handling` ('P' or 'C'):
// - links whose grading carries such a code;
// - nodes whose "grading" attribute (set by the importer on graded entities,
//   such as intelligence reports) carries one, with their links;
// - the source references of removed items wherever else they appear (a
//   reference alone tells that the restricted record exists), and then nodes
//   that were known only from such records (a vehicle mentioned only in a C
//   report), with their links.
// Items with no handling code (police recorded facts, 5x5x5 gradings given
// without one) are kept: no code is more restrictive than the one given.
Chart cut_by_handling(const Chart& chart, char max_handling, HandlingCut* cut = nullptr);

// --cluster N [--depth D]: the members of the cluster ranked N (ChartNode::
// cluster holds the rank) and every node within D links of them, links taken
// in either direction; the links among those nodes. Throws
// std::invalid_argument when no node is in cluster N.
Chart cluster_subset(const Chart& chart, std::int64_t rank, int depth);

}  // namespace casegraph
