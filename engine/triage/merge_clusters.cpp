#include "engine/triage/merge_clusters.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace casegraph {
namespace {

struct TieWeights {
  std::unordered_map<std::uint32_t, double> inside;                   // community -> its inner ties
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> between;  // (low, high) -> their ties
};

// Each tie is seen from both ends: half its weight from each.
TieWeights tie_weights(const CsrGraph& calls, const std::vector<std::uint32_t>& membership) {
  TieWeights w;
  for (VertexId v = 0; v < calls.num_vertices(); ++v)
    for (ArcIndex a = calls.arc_begin(v); a < calls.arc_end(v); ++a) {
      const VertexId u = calls.target(a);
      if (u == v) continue;
      const std::uint32_t cv = membership[v], cu = membership[u];
      if (cv == cu)
        w.inside[cv] += 0.5 * calls.weight(a);
      else
        w.between[{std::min(cv, cu), std::max(cv, cu)}] += 0.5 * calls.weight(a);
    }
  return w;
}

// (-weight, kept community, joining community) of every pair that may merge.
std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> joined_pairs(
    const TieWeights& w, std::unordered_map<std::uint32_t, std::uint32_t>& size, const MergeParams& params) {
  const auto inside = [&](std::uint32_t c) { return w.inside.count(c) ? w.inside.at(c) : 0.0; };
  std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> joined;
  for (const auto& [pair, weight] : w.between) {
    if (weight < params.min_weight || weight < params.share * std::min(inside(pair.first), inside(pair.second)))
      continue;
    if (params.max_size > 0 && size[pair.first] + size[pair.second] > params.max_size) continue;
    auto [keep, join] = pair;
    if (size[join] > size[keep]) std::swap(keep, join);
    joined.emplace_back(-weight, keep, join);
  }
  std::sort(joined.begin(), joined.end());
  return joined;
}

}  // namespace

std::vector<std::uint32_t> merge_joined_clusters(const CsrGraph& calls, std::vector<std::uint32_t> membership,
                                                 const MergeParams& params) {
  for (int round = 0; round < params.rounds; ++round) {
    std::unordered_map<std::uint32_t, std::uint32_t> size;
    for (std::uint32_t c : membership) ++size[c];
    // Each community merges at most once a round: the weights were measured
    // before any merge.
    std::unordered_map<std::uint32_t, std::uint32_t> into;
    for (const auto& [weight, keep, join] : joined_pairs(tie_weights(calls, membership), size, params))
      if (!into.count(keep) && !into.count(join)) into[join] = keep, into[keep] = keep;
    if (into.empty()) break;
    for (std::uint32_t& c : membership)
      if (auto it = into.find(c); it != into.end()) c = it->second;
  }
  return membership;
}

}  // namespace casegraph
