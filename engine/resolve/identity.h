#pragma once
// Identities: which entities are one real-world person (or vehicle, phone ...).
// Active 'match' decisions join entities; the identity of a group is its
// smallest entity id, so the mapping is stable however decisions are ordered.
// Undoing a decision simply drops it from the input: nothing is ever merged
// destructively.
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace casegraph {

struct MatchPair {
  std::int64_t a = 0;
  std::int64_t b = 0;
};

class IdentityMap {
 public:
  IdentityMap(const std::vector<std::int64_t>& entity_ids, const std::vector<MatchPair>& matches);
  // The canonical entity id of `entity` (itself when unmatched).
  std::int64_t canonical(std::int64_t entity) const;
  // Every entity id whose canonical id is `canonical_id`, ascending.
  const std::vector<std::int64_t>& members(std::int64_t canonical_id) const;

 private:
  std::unordered_map<std::int64_t, std::int64_t> canonical_;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> members_;
};

}  // namespace casegraph
