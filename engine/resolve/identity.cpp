#include "engine/resolve/identity.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace casegraph {
namespace {

// Union-find over positions in the sorted id list, joining towards the smaller id.
struct DisjointSets {
  std::vector<std::size_t> parent;
  explicit DisjointSets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

IdentityMap::IdentityMap(const std::vector<std::int64_t>& entity_ids, const std::vector<MatchPair>& matches) {
  std::vector<std::int64_t> ids = entity_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto position = [&](std::int64_t id) {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) throw std::invalid_argument("match decision names an unknown entity");
    return static_cast<std::size_t>(it - ids.begin());
  };
  DisjointSets sets(ids.size());
  for (const MatchPair& m : matches) sets.join(position(m.a), position(m.b));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::int64_t root = ids[sets.find(i)];
    canonical_[ids[i]] = root;
    members_[root].push_back(ids[i]);
  }
}

std::int64_t IdentityMap::canonical(std::int64_t entity) const {
  auto it = canonical_.find(entity);
  return it == canonical_.end() ? entity : it->second;
}

const std::vector<std::int64_t>& IdentityMap::members(std::int64_t canonical_id) const {
  static const std::vector<std::int64_t> none;
  auto it = members_.find(canonical_id);
  return it == members_.end() ? none : it->second;
}

}  // namespace casegraph
