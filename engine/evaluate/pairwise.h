#pragma once
// Pairwise scoring of an entity resolution against the truth.
//
// Every pair of records is a claim: "these two are the same person" when the
// resolution put them in one identity. Precision is the share of those claims
// that are true, recall the share of true same-person pairs the resolution
// made, F1 their harmonic mean. This is the measure of the entity-resolution
// literature (Christen, "Data Matching", 2012, ch. 7) and of issue 4's FEBRL
// figures, so the two agree.
#include <cstdint>
#include <span>

namespace casegraph::evaluate {

// One record: who it truly is and which identity the resolution gave it.
// Labels are opaque; only equality matters.
struct LabelledRecord {
  std::int64_t truth = 0;
  std::int64_t predicted = 0;
};

struct PairwiseScores {
  std::uint64_t records = 0;
  std::uint64_t true_pairs = 0;       // pairs of records of one true person
  std::uint64_t predicted_pairs = 0;  // pairs the resolution put in one identity
  std::uint64_t agreeing_pairs = 0;   // both
  // Conventions for empty denominators: no predicted pairs means no false
  // claim (precision 1); no true pairs means nothing to find (recall 1).
  double precision = 1;
  double recall = 1;
  double f1 = 1;
};

// Counts pairs from the contingency table of (truth, predicted) labels, so
// the work is O(n log n) however large the identities are, not O(n^2).
PairwiseScores pairwise_scores(std::span<const LabelledRecord> records);

}  // namespace casegraph::evaluate
