#pragma once
// One level of a multilevel community search (Louvain, Leiden): the graph
// whose vertices are the communities (or refined clusters) of the level
// below, and the aggregation that builds it. Internal to engine/community;
// shared so that Louvain and Leiden aggregate with one piece of code.
//
// Conventions:
// - Undirected rows in CSR form (every edge stored both ways); level 0
//   points at the caller's CsrGraph arrays without copying, later levels own
//   theirs. Arc weights are float (null = every weight 1), as in CsrGraph;
//   sums are taken in double.
// - node_weight[v] is what the quality function charges a vertex for: its
//   strength (modularity) or the number of input vertices it stands for
//   (CPM); aggregation sums it over each cluster.
// - self_weight[v], when kept, is the weight inside v: sum of A_ij over the
//   input vertices i, j it stands for, so each internal edge counts twice
//   (Louvain's running modularity needs it; Leiden's gains do not).
// - Rows of an aggregated level list a cluster's neighbouring clusters in the
//   order its members' arcs first reach them (members in vertex order), so
//   the result does not depend on the thread count.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

struct LevelGraph {
  LevelGraph() = default;
  LevelGraph(LevelGraph&&) = default;  // moving keeps the own_* buffers, so the pointers stay valid
  LevelGraph& operator=(LevelGraph&&) = default;
  LevelGraph(const LevelGraph&) = delete;  // a copy would point at the original's buffers
  LevelGraph& operator=(const LevelGraph&) = delete;

  VertexId n = 0;
  const ArcIndex* offsets = nullptr;
  const VertexId* targets = nullptr;
  const float* weights = nullptr;  // null: every weight 1
  std::vector<ArcIndex> own_offsets;
  // Arrays (not vectors) so that aggregation can allocate them at their
  // upper bound (the level below's arc count) without touching the memory:
  // only the pages rows are written to are ever faulted in, and nothing is
  // copied into an exactly sized vector afterwards.
  std::unique_ptr<VertexId[]> own_targets;
  std::unique_ptr<float[]> own_weights;
  std::vector<double> node_weight;
  std::vector<double> self_weight;  // empty unless kept

  double weight(ArcIndex a) const { return weights != nullptr ? weights[a] : 1.0; }
  ArcIndex arcs() const { return offsets[n]; }

  // Level 0: a view of an undirected graph's arrays (node_weight and
  // self_weight left for the caller to fill).
  static LevelGraph view_of(const CsrGraph& graph);
};

// The clusters (dense labels 0..k-1 of g's vertices) as the vertices of the
// next level: arc weights between clusters summed, node weights summed, and
// self weights (g's self weights plus the arcs inside the cluster) when
// `keep_self`. Rows are built by blocks of clusters on up to `threads`
// threads, each writing straight into its part of the output.
LevelGraph aggregate_level(const LevelGraph& g, const std::vector<CommunityId>& cluster, CommunityId k, int threads,
                           bool keep_self);

}  // namespace casegraph
