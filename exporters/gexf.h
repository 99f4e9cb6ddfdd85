#pragma once
// GEXF 1.3 export of a chart (http://gexf.net/1.3), for Gephi.
//
// What is written, and why:
// - A dynamic graph (mode="dynamic", timeformat="dateTime", intervals): every
//   node and link with a time carries start (and end, where the record has
//   one) as ISO 8601 UTC, so that Gephi's timeline filters the chart by date.
//   A link with a start and no end exists from its start onwards (a call, an
//   ANPR read); a node with no time (a person) is always present.
// - viz:color by ranked cluster (a fixed 12-colour qualitative palette,
//   cluster rank 1 the first colour, repeating), grey for nodes in no
//   cluster; viz:size from one score (`size_by`, default pagerank) scaled
//   linearly from 4 (lowest) to 40 (highest), 4 where the node has none.
// - Typed attributes, declared once per class: node type, cluster (long),
//   roles, sources, one double per score measure, one string per entity
//   attribute; link type, directed (boolean), grading, sources, link_id (long).
//   Titles clash-free as in GraphML ("score_"/"attr_" prefixes).
// - Direction: edgedefault directed when any link is, and no per-edge type,
//   so that networkx (which refuses mixed graphs) reads the file; the
//   `directed` attribute marks the undirected links (associate_of). Each link
//   carries kind = its link type, so that Gephi keeps parallel links of
//   different types apart; parallel links of one type (two calls) are merged
//   by Gephi (weights summed), and kept apart by networkx.
// - Deterministic, as GraphML: same chart, same bytes.
#include <ostream>
#include <string>

#include "engine/model/chart.h"

namespace casegraph {

struct GexfOptions {
  std::string size_by = "pagerank";
};

void write_gexf(const Chart& chart, std::ostream& out, const GexfOptions& options = {});

}  // namespace casegraph
