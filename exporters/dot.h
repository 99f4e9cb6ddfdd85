#pragma once
// Graphviz DOT export of a chart (https://graphviz.org/doc/info/lang.html).
//
// A `digraph` (or `graph` when no link is directed) in which each ranked
// cluster is one `subgraph cluster_<rank>` labelled "cluster <rank>" and
// filled with the cluster's colour (the same palette as Gephi and i2); nodes
// in no cluster follow at top level. Node ids "n<entity id>"; labels are the
// entity's label and type on two lines; shape by type (person: ellipse,
// vehicle: box, phone: diamond, location: house, event types: note, others:
// oval); links labelled with their type, undirected links drawn dir=none,
// weight as penwidth (1 to 4). Every other value (type, cluster, scores,
// attributes, grading, sources, times) is written as a quoted attribute,
// which Graphviz keeps and passes on (gv2gml, gvpr, -Tdot).
// Strings are quoted with " and \ escaped, and newlines written as \n, so
// nothing in a label can end the string or the graph.
// Deterministic: same chart, same bytes.
#include <ostream>

#include "engine/model/chart.h"

namespace casegraph {

void write_dot(const Chart& chart, std::ostream& out);

}  // namespace casegraph
