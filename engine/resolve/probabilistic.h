#pragma once
// Probabilistic person matching, the stages in order: features
// (person_features.h) -> blocking (blocking.h) -> comparison vectors
// (comparison.h) -> Fellegi–Sunter weights by EM (fellegi_sunter.h) ->
// scored candidate pairs. Clustering (clustering.h) and storing decisions
// are the caller's.
//
// Two passes over the blocks, so memory stays bounded by the records and
// the pairs worth keeping, never by the candidate pairs: the first counts
// comparison patterns for EM (on a deterministic sample of blocks when there
// are more candidate pairs than em_sample_pairs), the second scores every
// candidate pair and keeps those at or above keep_probability. Both passes
// run in parallel over blocks (OpenMP); results do not depend on the thread
// count.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/resolve/blocking.h"
#include "engine/resolve/clustering.h"
#include "engine/resolve/comparison.h"
#include "engine/resolve/fellegi_sunter.h"
#include "engine/resolve/person_features.h"

namespace casegraph::resolve {

struct MatchingOptions {
  BlockingOptions blocking;
  std::size_t random_pairs = 100'000;       // random record pairs that seed u
  std::size_t em_sample_pairs = 2'000'000;  // candidate pairs EM sees at most
  double keep_probability = 0.01;           // pairs kept for clustering and review
  // true: the textbook EM, u learnt beside m over all candidate pairs and no
  // per-key training; kept to compare the two. false: u stays as measured on
  // random pairs and m is trained per blocking key (probabilistic.cpp).
  bool em_estimates_u = false;
  std::uint64_t seed = 1;
};

// Wall and processor time of one stage (processor time summed over threads:
// on a shared machine it says what the stage costs when wall time cannot).
struct PhaseTime {
  std::string name;
  double wall = 0;
  double cpu = 0;
};

// EM on the pairs of one blocking key, the fields it forces to agree masked.
struct TrainingRun {
  std::string key;
  double pairs = 0;           // pairs of the key (all of them, not only those first shared there)
  std::size_t em_pairs = 0;   // of which EM saw (a sample of blocks when many)
  FellegiSunterModel model;
  std::vector<Pattern> patterns;  // what EM saw (kept while training)
};

struct MatchingResult {
  FellegiSunterModel model;
  std::vector<BlockingKeyStats> blocking;
  std::size_t candidate_pairs = 0;  // compared in the scoring pass
  std::size_t em_pairs = 0;         // seen by EM
  double candidate_match_share = 0; // EM's share of matches among the candidate pairs
  double max_match_share = 1;       // the bound EM's share was held to (0.75: see probabilistic.cpp)
  std::vector<ScoredPair> pairs;    // probability >= keep_probability, sorted by (a, b)
  std::vector<PhaseTime> phase_seconds;  // each stage, in order
  std::vector<TrainingRun> training;     // per-key EM runs m and the prior came from (see probabilistic.cpp)
};

class PersonMatcher {
 public:
  explicit PersonMatcher(std::vector<PersonFeatures> people) : people_(std::move(people)) {}

  MatchingResult run(const MatchingOptions& options);

  const std::vector<PersonFeatures>& people() const { return people_; }
  // With the model fitted by run():
  double weight(std::uint32_t a, std::uint32_t b) const;
  double probability(std::uint32_t a, std::uint32_t b) const;
  // The weight when it can reach `threshold`; otherwise some value below
  // it, found without comparing every field: cheap fields first, and a
  // stop as soon as the best the remaining fields could add falls short.
  // Most candidate pairs are clear non-matches, so most stop early.
  double weight_if_at_least(std::uint32_t a, std::uint32_t b, double threshold) const;
  // "forename jw 0.97, surname exact, dob day/month swapped; weight 14.2"
  std::string explain(std::uint32_t a, std::uint32_t b) const;

 private:
  TrainingRun train_on_key(const BlockingPlan& plan, std::size_t key, const std::vector<Field>& masked,
                           const std::vector<std::vector<double>>& initial_u, const MatchingOptions& options) const;
  void train_per_key(const BlockingPlan& plan, const std::vector<std::vector<double>>& initial_u,
                     const MatchingOptions& options, MatchingResult& result, double& expected_matches);

  std::vector<PersonFeatures> people_;
  FellegiSunterModel model_;
  std::vector<std::vector<double>> level_weights_;  // [field][level]
  std::vector<double> best_after_;                  // [step]: most the fields after a step of weight_if_at_least can add
};

}  // namespace casegraph::resolve
