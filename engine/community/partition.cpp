#include "engine/community/partition.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace casegraph {
namespace {

// Labels compressed to 0..k-1 in order of first vertex. Labels beyond the
// vertex count (say, external community ids) go through a hash map, so memory
// stays proportional to the number of vertices, not to the largest label.
std::vector<CommunityId> compress(std::span<const CommunityId> labels, CommunityId& k) {
  std::vector<CommunityId> out(labels.size());
  k = 0;
  if (labels.empty()) return out;
  if (*std::max_element(labels.begin(), labels.end()) < labels.size()) {
    // Labels below the vertex count (the usual case): a dense table.
    constexpr CommunityId kUnset = ~CommunityId{0};
    std::vector<CommunityId> rename(labels.size(), kUnset);
    for (std::size_t v = 0; v < labels.size(); ++v) {
      CommunityId& r = rename[labels[v]];
      if (r == kUnset) r = k++;
      out[v] = r;
    }
    return out;
  }
  std::unordered_map<CommunityId, CommunityId> index;
  index.reserve(labels.size() / 4 + 1);
  for (std::size_t v = 0; v < labels.size(); ++v) {
    auto [it, inserted] = index.try_emplace(labels[v], k);
    if (inserted) ++k;
    out[v] = it->second;
  }
  return out;
}

}  // namespace

CommunityId renumber_by_first_vertex(std::vector<CommunityId>& membership) {
  CommunityId k = 0;
  membership = compress(membership, k);
  return k;
}

CommunityId renumber_by_size(std::vector<CommunityId>& membership) {
  CommunityId k = renumber_by_first_vertex(membership);
  std::vector<std::size_t> sizes = community_sizes(membership);
  // Communities are already in first-vertex order, so a stable sort by size
  // breaks ties by first vertex.
  std::vector<CommunityId> order(k);
  std::iota(order.begin(), order.end(), CommunityId{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](CommunityId x, CommunityId y) { return sizes[x] > sizes[y]; });
  std::vector<CommunityId> rank(k);
  for (CommunityId r = 0; r < k; ++r) rank[order[r]] = r;
  for (CommunityId& c : membership) c = rank[c];
  return k;
}

std::vector<std::size_t> community_sizes(std::span<const CommunityId> membership) {
  if (membership.empty()) return {};
  CommunityId max_label = *std::max_element(membership.begin(), membership.end());
  std::vector<std::size_t> sizes(static_cast<std::size_t>(max_label) + 1, 0);
  for (CommunityId c : membership) ++sizes[c];
  return sizes;
}

double normalized_mutual_information(std::span<const CommunityId> a, std::span<const CommunityId> b) {
  if (a.size() != b.size()) throw std::invalid_argument("NMI: partitions of different sizes");
  const std::size_t n = a.size();
  if (n == 0) return 1.0;
  CommunityId ka = 0;
  CommunityId kb = 0;
  std::vector<CommunityId> ca = compress(a, ka);
  std::vector<CommunityId> cb = compress(b, kb);

  // Contingency table as sorted (row, column) keys: O(n log n), no k_a x k_b matrix.
  std::vector<std::uint64_t> cells(n);
  for (std::size_t v = 0; v < n; ++v) cells[v] = (std::uint64_t{ca[v]} << 32) | cb[v];
  std::sort(cells.begin(), cells.end());
  std::vector<std::size_t> row(ka, 0);
  std::vector<std::size_t> col(kb, 0);
  for (std::size_t v = 0; v < n; ++v) {
    ++row[ca[v]];
    ++col[cb[v]];
  }

  const double nd = static_cast<double>(n);
  auto entropy = [nd](const std::vector<std::size_t>& counts) {
    double h = 0;
    for (std::size_t c : counts) {
      double p = static_cast<double>(c) / nd;
      h -= p * std::log(p);
    }
    return h;
  };
  const double ha = entropy(row);
  const double hb = entropy(col);
  if (ha == 0.0 && hb == 0.0) return 1.0;

  double mutual = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && cells[j] == cells[i]) ++j;
    const double nij = static_cast<double>(j - i);
    const auto r = static_cast<CommunityId>(cells[i] >> 32);
    const auto c = static_cast<CommunityId>(cells[i] & 0xffffffffu);
    mutual += nij / nd * std::log(nij * nd / (static_cast<double>(row[r]) * static_cast<double>(col[c])));
    i = j;
  }
  // Rounding can push I a hair above min(H) or below 0; clamp to [0, 1].
  return std::clamp(2.0 * mutual / (ha + hb), 0.0, 1.0);
}

}  // namespace casegraph
