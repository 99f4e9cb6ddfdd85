#include "engine/evaluate/pairwise.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace casegraph::evaluate {
namespace {

std::uint64_t pairs_among(std::uint64_t n) { return n * (n - 1) / 2; }

// Sum over the groups of equal keys of C(group size, 2); `keys` is sorted.
template <typename Key>
std::uint64_t pairs_within_groups(const std::vector<Key>& keys) {
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    total += pairs_among(j - i);
    i = j;
  }
  return total;
}

}  // namespace

PairwiseScores pairwise_scores(std::span<const LabelledRecord> records) {
  std::vector<std::int64_t> truth, predicted;
  std::vector<std::pair<std::int64_t, std::int64_t>> both;
  truth.reserve(records.size());
  predicted.reserve(records.size());
  both.reserve(records.size());
  for (const LabelledRecord& r : records) {
    truth.push_back(r.truth);
    predicted.push_back(r.predicted);
    both.emplace_back(r.truth, r.predicted);
  }
  std::sort(truth.begin(), truth.end());
  std::sort(predicted.begin(), predicted.end());
  std::sort(both.begin(), both.end());

  PairwiseScores s;
  s.records = records.size();
  s.true_pairs = pairs_within_groups(truth);
  s.predicted_pairs = pairs_within_groups(predicted);
  s.agreeing_pairs = pairs_within_groups(both);
  if (s.predicted_pairs > 0)
    s.precision = static_cast<double>(s.agreeing_pairs) / static_cast<double>(s.predicted_pairs);
  if (s.true_pairs > 0) s.recall = static_cast<double>(s.agreeing_pairs) / static_cast<double>(s.true_pairs);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace casegraph::evaluate
