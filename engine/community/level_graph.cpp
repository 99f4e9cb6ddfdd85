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

// Rows are built by contiguous blocks of clusters, several per thread, into
// per-block buffers then concatenated in block order; a cluster's members are
// visited in vertex order, so a row's content and order never depend on
// which thread built it.
LevelGraph aggregate_level(const LevelGraph& g, const std::vector<CommunityId>& cluster, CommunityId k, int threads,
                           bool keep_self) {
  std::vector<VertexId> start(static_cast<std::size_t>(k) + 1, 0);
  for (VertexId v = 0; v < g.n; ++v) ++start[cluster[v] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
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

  const int blocks = std::max(1, threads) * 4;
  std::vector<std::vector<VertexId>> block_targets(static_cast<std::size_t>(blocks));
  std::vector<std::vector<float>> block_weights(static_cast<std::size_t>(blocks));
#pragma omp parallel num_threads(std::max(1, threads))
  {
    std::vector<double> acc(k, 0.0);
    std::vector<char> touched(k, 0);
    std::vector<CommunityId> seen;
#pragma omp for schedule(dynamic, 1)
    for (int b = 0; b < blocks; ++b) {
      const auto first = static_cast<CommunityId>(static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(b) /
                                                   static_cast<std::uint64_t>(blocks));
      const auto last = static_cast<CommunityId>(static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(b + 1) /
                                                  static_cast<std::uint64_t>(blocks));
      auto& targets = block_targets[static_cast<std::size_t>(b)];
      auto& weights = block_weights[static_cast<std::size_t>(b)];
      for (CommunityId c = first; c < last; ++c) {
        seen.clear();
        double node_weight = 0;
        double self = 0;
        for (VertexId i = start[c]; i < start[c + 1]; ++i) {
          const VertexId v = members[i];
          node_weight += g.node_weight[v];
          if (keep_self) self += g.self_weight[v];
          for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
            const CommunityId d = cluster[g.targets[a]];
            if (d == c) {  // internal: met from both ends, 2w in all
              self += g.weight(a);
              continue;
            }
            if (!touched[d]) {
              touched[d] = 1;
              seen.push_back(d);
            }
            acc[d] += g.weight(a);
          }
        }
        next.node_weight[c] = node_weight;
        if (keep_self) next.self_weight[c] = self;
        next.own_offsets[c + 1] = seen.size();
        for (CommunityId d : seen) {
          targets.push_back(d);
          weights.push_back(static_cast<float>(acc[d]));
          acc[d] = 0;
          touched[d] = 0;
        }
      }
    }
  }
  std::partial_sum(next.own_offsets.begin(), next.own_offsets.end(), next.own_offsets.begin());
  next.own_targets.reserve(next.own_offsets.back());
  next.own_weights.reserve(next.own_offsets.back());
  for (int b = 0; b < blocks; ++b) {
    const auto& t = block_targets[static_cast<std::size_t>(b)];
    const auto& w = block_weights[static_cast<std::size_t>(b)];
    next.own_targets.insert(next.own_targets.end(), t.begin(), t.end());
    next.own_weights.insert(next.own_weights.end(), w.begin(), w.end());
  }
  next.offsets = next.own_offsets.data();
  next.targets = next.own_targets.data();
  next.weights = next.own_weights.data();
  return next;
}

}  // namespace casegraph
