#include "engine/resolve/clustering.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace casegraph::resolve {
namespace {

class Clusters {
 public:
  explicit Clusters(std::size_t n) : parent_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (std::uint32_t i = 0; i < n; ++i) members_[i] = {i};
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  const std::vector<std::uint32_t>& members(std::uint32_t root) const { return members_[root]; }
  // Joins two roots under the smaller index; returns the new root.
  std::uint32_t join(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    parent_[b] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    members_[b].shrink_to_fit();
    return a;
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::vector<std::uint32_t>> members_;
};

}  // namespace

ClusteringResult cluster_pairs(std::size_t records, std::vector<ScoredPair> pairs,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& cannot_link,
                               const PairProbability& probability, const ClusteringOptions& options) {
  Clusters clusters(records);
  for (const auto& [a, b] : must_link) {
    const std::uint32_t ra = clusters.find(a), rb = clusters.find(b);
    if (ra != rb) clusters.join(ra, rb);
  }
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> cannot;
  for (const auto& [a, b] : cannot_link) {
    cannot[a].push_back(b);
    cannot[b].push_back(a);
  }
  auto forbidden = [&](std::uint32_t ra, std::uint32_t rb) {
    for (std::uint32_t x : clusters.members(ra)) {
      auto it = cannot.find(x);
      if (it == cannot.end()) continue;
      for (std::uint32_t y : it->second)
        if (clusters.find(y) == rb) return true;
    }
    return false;
  };

  // Strongest first; ties in a fixed order, so the result does not depend
  // on how the pairs were found.
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  ClusteringResult result;
  for (const ScoredPair& p : pairs) {
    if (p.probability < options.merge_probability) continue;
    const std::uint32_t ra = clusters.find(p.a), rb = clusters.find(p.b);
    if (ra == rb) continue;
    const auto& ma = clusters.members(ra);
    const auto& mb = clusters.members(rb);
    if (ma.size() + mb.size() > options.max_cluster) {
      ++result.refused_by_size;
      continue;
    }
    if (!cannot.empty() && (forbidden(ra, rb) || forbidden(rb, ra))) {
      ++result.refused_by_cannot_link;
      continue;
    }
    double linkage = p.probability;
    const std::size_t cross = ma.size() * mb.size();
    if (cross > 1) {
      double sum = 0;
      for (std::uint32_t x : ma)
        for (std::uint32_t y : mb) sum += (x == p.a && y == p.b) || (x == p.b && y == p.a) ? p.probability : probability(x, y);
      linkage = sum / static_cast<double>(cross);
    }
    if (linkage < options.linkage_probability) {
      ++result.refused_by_linkage;
      continue;
    }
    clusters.join(ra, rb);
    result.merges.push_back({p, linkage, cross});
  }
  result.cluster_of.resize(records);
  for (std::uint32_t i = 0; i < records; ++i) result.cluster_of[i] = clusters.find(i);
  return result;
}

}  // namespace casegraph::resolve
