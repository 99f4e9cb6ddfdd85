#pragma once
// GraphML export of a chart (http://graphml.graphdrawing.org/xmlns), for Gephi,
// yEd, networkx and igraph.
//
// What is written, and why:
// - Every value is a typed <key> with attr.name and attr.type, so readers get
//   numbers as numbers. Graph keys: case (string), run_id (long, when the chart
//   comes from a run). Node keys, in this order: type, label (Gephi's label
//   column), cluster (long), roles (comma-joined), start, end (ISO 8601 UTC,
//   "2025-03-14T21:05:00Z"), sources ("source:record_id;..."), one double key
//   per score measure present on any node, named after the measure ("pagerank",
//   "betweenness"), then one string key per entity attribute present on any
//   node, named after the attribute ("dob", "vrm"). A score or attribute whose
//   name is already taken is written as "score_<name>" or "attr_<name>": taken
//   are the fixed keys, "id" (igraph's name for the node id), the names Gephi
//   reads as drawing properties instead of columns (x, y, z, xpos, ypos, size,
//   r, g, b, color), and, for attributes, the score names. Edge keys: type,
//   directed (boolean), weight (double, Gephi's edge weight), start, end,
//   grading ("2BP"), sources, link_id (long). Key ids are "k0", "k1", ...:
//   Gephi takes the key ids "d3" and "d7" as labels (yEd's defaults).
// - A value that is absent is not written: no cluster, no score for that
//   measure, an empty string. networkx then has no such attribute; igraph,
//   whose attributes cover every vertex, reads NaN (numbers) or "" (strings).
// - Direction: networkx refuses a file whose edges' `directed` XML attributes
//   disagree with edgedefault, and igraph ignores them (checked with networkx
//   2.8.8 and igraph 0.10.2), so neither reads a mixed graph. The graph is
//   written edgedefault="directed" when any link is directed (POLE links mostly
//   are: person -> event), else "undirected", with no per-edge XML attribute;
//   each edge instead carries the `directed` data key, so an undirected link
//   (associate_of) in a directed file is still marked as such. Gephi, which
//   would honour a per-edge XML attribute, draws such a link as directed.
// - Ids: node "n<entity id>", edge "e<link id>". Parallel links (one per call)
//   stay separate edges; networkx then returns a multigraph.
// - Deterministic: nodes are written in order of id and edges in order of link
//   id (ties keep the chart's order), keys in the order above, numbers in their
//   shortest round-trip form; the same chart gives the same bytes.
// - Text is made valid XML 1.0 before pugixml escapes it: invalid UTF-8 and the
//   control characters XML cannot carry become U+FFFD, and CR LF or a lone CR
//   becomes LF (an XML reader would do the same to a raw CR).
//
// Throws std::invalid_argument when two nodes share an id or an edge names a
// node that is not in the chart: such a file would not read back the same.
#include <ostream>

#include "engine/model/chart.h"

namespace casegraph {

void write_graphml(const Chart& chart, std::ostream& out);

}  // namespace casegraph
