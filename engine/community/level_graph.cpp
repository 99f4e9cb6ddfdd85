// Aggregation of one level of a multilevel community search; conventions in level_graph.h.
#include "engine/community/level_graph.h"

#include <omp.h>

#include <algorithm>
#include <numeric>

namespace casegraph {

LevelGraph LevelGraph::view_of(const CsrGraph& graph) {
  LevelGraph level;
  level.n = graph.num_vertices();
  level.offsets = graph.offsets().data();
  level.targets = graph.targets().data();
  level.weights = graph.weighted() ? graph.weights().data() : nullptr;
  return level;
}

// Rows are built by contiguous blocks of clusters (several per thread, so a
// slow thread does not hold the rest up), each block writing its rows
// straight into its own stretch of one output array sized by the block's
// upper bound (its members' arc count); the stretches are then slid down
// into place in block order. A cluster's members are visited in vertex
// order, so a row's content and order never depend on which thread built it.
//
// Per arc, one lookup in a k-sized table (`slot`: where the neighbouring
// cluster already sits in the row being built) replaces a flag plus an
// accumulator: at level 0 these tables are far larger than the core's
// cache, and every random access counts. Sums stay in double per row.
LevelGraph aggregate_level(const LevelGraph& g, const std::vector<CommunityId>& cluster, CommunityId k, int threads,
                           bool keep_self) {
  constexpr CommunityId kFree = ~CommunityId{0};
  // Counting sort of the vertices by cluster, with each cluster's arc count.
  std::vector<VertexId> start(static_cast<std::size_t>(k) + 1, 0);
  std::vector<ArcIndex> arc_start(static_cast<std::size_t>(k) + 1, 0);
  for (VertexId v = 0; v < g.n; ++v) {
    ++start[cluster[v] + 1];
    arc_start[cluster[v] + 1] += g.offsets[v + 1] - g.offsets[v];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::partial_sum(arc_start.begin(), arc_start.end(), arc_start.begin());
  std::vector<VertexId> members(g.n);
  {
    std::vector<VertexId> cursor(start.begin(), start.end() - 1);
    for (VertexId v = 0; v < g.n; ++v) members[cursor[cluster[v]]++] = v;
  }

  LevelGraph next;
  next.n = k;
  next.node_weight.assign(k, 0.0);
  if (keep_self) next.self_weight.assign(k, 0.0);
  next.own_offsets.assign(static_cast<std::size_t>(k) + 1, 0);
  const ArcIndex bound = g.arcs();
  next.own_targets.reset(new VertexId[bound]);  // uninitialised on purpose: see level_graph.h
  next.own_weights.reset(new float[bound]);

  const int team = std::max(1, threads);
  const int blocks = team == 1 ? 1 : team * 4;
  auto block_first = [&](int b) {
    return static_cast<CommunityId>(static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(b) /
                                    static_cast<std::uint64_t>(blocks));
  };
  std::vector<ArcIndex> block_arcs(static_cast<std::size_t>(blocks), 0);  // arcs each block wrote
  VertexId* const out_targets = next.own_targets.get();
  float* const out_weights = next.own_weights.get();
#pragma omp parallel num_threads(team)
  {
    std::vector<CommunityId> slot(k, kFree);
    std::vector<double> row_weight;
#pragma omp for schedule(dynamic, 1)
    for (int b = 0; b < blocks; ++b) {
      const CommunityId first = block_first(b);
      const CommunityId last = block_first(b + 1);
      ArcIndex pos = arc_start[first];
      for (CommunityId c = first; c < last; ++c) {
        VertexId* row = out_targets + pos;
        CommunityId length = 0;
        row_weight.clear();
        double node_weight = 0;
        double self = 0;
        for (VertexId i = start[c]; i < start[c + 1]; ++i) {
          const VertexId v = members[i];
          node_weight += g.node_weight[v];
          if (keep_self) self += g.self_weight[v];
          for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
            const CommunityId d = cluster[g.targets[a]];
            const double w = g.weight(a);
            if (d == c) {  // internal: met from both ends, 2w in all
              self += w;
              continue;
            }
            const CommunityId at = slot[d];
            if (at == kFree) {
              slot[d] = length;
              row[length++] = d;
              row_weight.push_back(w);
            } else {
              row_weight[at] += w;
            }
          }
        }
        for (CommunityId j = 0; j < length; ++j) {
          out_weights[pos + j] = static_cast<float>(row_weight[j]);
          slot[row[j]] = kFree;
        }
        next.node_weight[c] = node_weight;
        if (keep_self) next.self_weight[c] = self;
        next.own_offsets[c + 1] = length;
        pos += length;
      }
      block_arcs[static_cast<std::size_t>(b)] = pos - arc_start[first];
    }
  }
  // Slide each block's rows down to follow the previous block's.
  ArcIndex end = block_arcs[0];
  for (int b = 1; b < blocks; ++b) {
    const ArcIndex from = arc_start[block_first(b)];
    const ArcIndex count = block_arcs[static_cast<std::size_t>(b)];
    if (from != end) {
      std::copy(out_targets + from, out_targets + from + count, out_targets + end);
      std::copy(out_weights + from, out_weights + from + count, out_weights + end);
    }
    end += count;
  }
  std::partial_sum(next.own_offsets.begin(), next.own_offsets.end(), next.own_offsets.begin());
  next.offsets = next.own_offsets.data();
  next.targets = out_targets;
  next.weights = out_weights;
  return next;
}

}  // namespace casegraph
