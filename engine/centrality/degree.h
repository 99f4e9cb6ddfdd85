#pragma once
// Degree centrality: out-, in- and total degree of each vertex, and the
// weighted forms (strength: the sum of the weights on those arcs; Barrat et
// al. 2004, PNAS 101:3747). i2 Analyst's Notebook's "degree" is the same count.
//
// Conventions (tested against networkx 2.8.8 G.degree and the reference TSVs):
// - Undirected graphs: out, in and total are all the number of neighbours
//   (each edge counts once at each end, not twice).
// - Directed graphs: total = in + out, so a reciprocated pair u<->v adds 2.
// - Counted on the simple graph the builder makes (self-loops dropped, parallel
//   edges merged with weights summed; see csr_graph.h).
// - normalized divides by n-1 (networkx degree_centrality); a directed total
//   degree can then reach 2.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class DegreeDirection { out, in, total };

struct DegreeParams {
  DegreeDirection direction = DegreeDirection::total;
  bool weighted = false;    // strength: sum of arc weights (1 per arc on an unweighted graph)
  bool normalized = false;  // divide by n-1 (n > 1)
};

struct DegreeResult {
  std::vector<double> score;  // score[v] for every vertex v
};

DegreeResult degree_centrality(const CsrGraph& graph, const DegreeParams& params = {});

}  // namespace casegraph
