#pragma once
// Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json),
// the object that `cytoscape({elements: ...})` and `cy.json(...)` take:
//
//   {"data": {"case": ..., "run_id": 7, "format": "casegraph-cytoscape-1"},
//    "elements": {"nodes": [{"data": {...}, "classes": [...]}, ...],
//                 "edges": [{"data": {...}, "classes": [...]}, ...]}}
//
// Node data: id ("n<entity id>"), entity_id, label, type, cluster (number,
// absent when none), roles (array), start/end (ISO 8601 UTC), sources (array of
// {source, record_id}), scores (object measure -> number; NaN and infinities,
// which JSON cannot carry, are left out), attributes (object name -> text),
// colour ("#rrggbb" by cluster, the same as in Gephi and i2). Classes: the
// type, "cluster-<rank>", and each role, for stylesheet selectors such as
// `node.victim` or `node.cluster-1`.
// Edge data: id ("e<link id>"), link_id, source, target, type, directed,
// weight, start/end, grading, sources. Classes: the type, and "undirected"
// for links without direction.
// Deterministic: same chart, same bytes (nodes and links by id, keys sorted).
#include <ostream>

#include "engine/model/chart.h"

namespace casegraph {

void write_cytoscape(const Chart& chart, std::ostream& out);

}  // namespace casegraph
