// Label propagation; conventions in label_propagation.h.
#include "engine/community/label_propagation.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace casegraph {
namespace {

// SplitMix64: output fixed by the seed on every platform (no library
// distributions, whose algorithms are implementation-defined).
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t at_most(std::uint64_t bound) {  // uniform in [0, bound], by rejection
    const std::uint64_t range = bound + 1;
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % range;
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % range;
  }
};

}  // namespace

LabelPropagationResult label_propagation(const CsrGraph& graph, const LabelPropagationParams& params) {
  for (float w : graph.weights())
    if (!(w >= 0.0f)) throw std::invalid_argument("label_propagation: negative or NaN edge weight");
  CsrGraph undirected_copy;
  const CsrGraph* g = &graph;
  if (graph.directed()) {
    undirected_copy = graph.as_undirected();
    g = &undirected_copy;
  }
  const VertexId n = g->num_vertices();
  const bool weighted = params.weighted && g->weighted();

  LabelPropagationResult result;
  std::vector<CommunityId> label(n);
  std::iota(label.begin(), label.end(), CommunityId{0});
  std::vector<VertexId> order(n);
  std::iota(order.begin(), order.end(), VertexId{0});
  std::vector<double> score(n, 0.0);
  std::vector<char> seen_flag(n, 0);
  std::vector<CommunityId> seen;
  std::vector<CommunityId> best;
  SplitMix64 rng{params.seed};

  while (result.sweeps < params.max_sweeps) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.at_most(i - 1)]);
    ++result.sweeps;
    std::size_t changed = 0;
    for (VertexId v : order) {
      if (g->arc_begin(v) == g->arc_end(v)) continue;
      seen.clear();
      for (ArcIndex a = g->arc_begin(v); a < g->arc_end(v); ++a) {
        const CommunityId c = label[g->target(a)];
        if (!seen_flag[c]) {
          seen_flag[c] = 1;
          seen.push_back(c);
        }
        score[c] += weighted ? g->weight(a) : 1.0;
      }
      double top = -1;
      for (CommunityId c : seen) top = std::max(top, score[c]);
      best.clear();
      bool keep = false;
      for (CommunityId c : seen) {
        if (score[c] == top) {
          best.push_back(c);
          keep = keep || c == label[v];
        }
        score[c] = 0;
        seen_flag[c] = 0;
      }
      if (keep) continue;
      label[v] = best.size() == 1 ? best[0] : best[rng.at_most(best.size() - 1)];
      ++changed;
    }
    if (changed == 0) {
      result.converged = true;
      break;
    }
  }
  result.count = renumber_by_first_vertex(label);
  result.membership = std::move(label);
  return result;
}

}  // namespace casegraph
