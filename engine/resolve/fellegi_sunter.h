#pragma once
// Stage 4: Fellegi–Sunter weights with m and u estimated by EM.
//
// Each candidate pair has a comparison vector (one level per field). Under
// the usual conditional-independence assumption a pair's likelihood ratio is
// the product over fields of m(level)/u(level), where m is the chance of that
// level among true matches and u among non-matches; its log2 is the pair's
// weight. Neither m nor u is given: EM fits a two-class mixture to the
// vectors of the candidate pairs (Winkler 1988; Jaro 1989), starting from u
// as measured on random pairs (almost all non-matches, so an honest start)
// and a generic m. Level 0 (a value missing on either side) is no evidence:
// it is left out of both classes' likelihoods.
//
// EM runs on distinct patterns with their counts, never on the pairs, so it
// costs the same for a thousand pairs as for a billion.
#include <cstdint>
#include <string>
#include <vector>

namespace casegraph::resolve {

struct Pattern {
  std::vector<std::uint8_t> levels;  // one per field, 0 = missing
  double count = 0;
};

struct FellegiSunterModel {
  std::vector<std::uint8_t> level_counts;  // per field, including level 0
  std::vector<std::vector<double>> m, u;   // [field][level]; level 0 unused
  double match_share = 0;  // lambda: share of matches among the pairs EM saw
  int iterations = 0;
  bool converged = false;

  // log2(m/u) of one field's level; 0 for level 0.
  double level_weight(std::size_t field, std::uint8_t level) const;
  // Sum of the level weights.
  double weight(const std::uint8_t* levels) const;
  double prior_log2_odds() const;
  // Posterior probability of a match for a pair of this weight.
  double probability(double weight) const;
};

struct EmOptions {
  int max_iterations = 500;
  double tolerance = 1e-7;      // stop when no parameter moves more than this
  double initial_match_share = 0.01;
  double floor = 1e-6;          // no probability below this: a level never seen is unlikely, not impossible
  // m of a level no match showed: at least 0.5/N, N the matches EM counts
  // (the add-half estimate of a share never seen in N draws), instead of
  // `floor`. See probabilistic.cpp for why the matcher wants it.
  bool m_floor_from_matches = false;
  bool estimate_u = true;       // false: keep u as seeded (from random pairs)
  // Upper bound on the match share. On a small case whose candidate pairs
  // are nearly all alike, EM can call every pair a match (share 1.0), which
  // makes m a copy of the candidates' own profile and over-merges; the
  // matcher holds it to a fixed 0.75 (why, and what was compared: see
  // probabilistic.cpp). 1.0 here: no bound unless the caller sets one.
  double max_match_share = 1.0;
  // Per field: when not empty, m of that field starts here and stays (only
  // the other fields' m are learnt): m learnt elsewhere, on a training key.
  std::vector<std::vector<double>> fixed_m;
  // The share stays at initial_match_share: known from elsewhere. With one
  // informative field left (a training key whose masked fields leave only
  // the date of birth), the share and m cannot both be learnt: any share
  // fits, and EM drifts to calling most pairs matches.
  bool fixed_match_share = false;
};

// The share of each level among the patterns (level 0 excluded): u measured on random pairs.
std::vector<std::vector<double>> level_shares(const std::vector<std::uint8_t>& level_counts,
                                              const std::vector<Pattern>& patterns, double floor = 1e-6);

FellegiSunterModel estimate_em(const std::vector<std::uint8_t>& level_counts, const std::vector<Pattern>& patterns,
                               const std::vector<std::vector<double>>& initial_u, const EmOptions& options = {});

}  // namespace casegraph::resolve
