#include "engine/resolve/probabilistic.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

namespace casegraph::resolve {
namespace {

using PatternCounts = std::unordered_map<std::uint32_t, std::uint64_t>;

std::vector<Pattern> patterns_of(const PatternCounts& counts) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());  // a fixed order: EM's sums do not depend on hashing
  std::vector<Pattern> out;
  out.reserve(sorted.size());
  for (const auto& [code, count] : sorted) {
    const ComparisonVector v = pattern_of(code);
    out.push_back({std::vector<std::uint8_t>(v.begin(), v.end()), static_cast<double>(count)});
  }
  return out;
}

std::vector<std::uint8_t> level_counts() {
  std::vector<std::uint8_t> out;
  for (const FieldSpec& f : field_specs()) out.push_back(f.levels);
  return out;
}

// SplitMix64: a small, well-mixed generator whose stream is the same on every platform.
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Wall time of the stages, for the command's summary and the scale bench.
class PhaseClock {
 public:
  explicit PhaseClock(std::vector<PhaseTime>& out) : out_(out) {}
  void lap(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    out_.push_back({name, std::chrono::duration<double>(now - last_).count(),
                    static_cast<double>(cpu - last_cpu_) / CLOCKS_PER_SEC});
    last_ = now;
    last_cpu_ = cpu;
  }

 private:
  std::vector<PhaseTime>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::clock_t last_cpu_ = std::clock();
};

// The order weight_if_at_least visits the fields: equality and date tests
// first, then the Jaro–Winkler ones (names, then address text).
constexpr std::array<Field, 10> kCheapFirst = {Field::dob,   Field::sex,   Field::house_number, Field::postcode,
                                               Field::phone, Field::email, Field::national_id, Field::street,
                                               Field::locality, Field::town};

std::size_t block_pair_bound(const Block& b, std::size_t window) {
  const std::size_t n = b.end - b.begin;
  return b.windowed ? n * window : n * (n - 1) / 2;
}

std::size_t key_index(const BlockingPlan& plan, const char* name) {
  for (std::size_t k = 0; k < plan.stats.size(); ++k)
    if (plan.stats[k].name == name) return k;
  return plan.stats.size();
}

constexpr std::size_t kEveryKey = static_cast<std::size_t>(-1);

// Every EM run of the matcher: u as measured on random pairs, and m of a
// level no training match showed at 0.5/N for N matches, not at 1e-6. At
// 1e-6 such a level cost up to 19.9 bits (synth 10k: m(surname differs),
// as no duplicate there changes surname), more than an exact date of birth
// earns (14), so a married woman's record under her new surname could never
// reach even the review band on a small case; at 0.5/N (synth 10k: 6e-4,
// -10.7 bits) the same forename, date and sex put it there (p about 0.2).
// Large cases, whose many matches show a rare level to be rare, keep a
// floor near the old one. Same pairwise F1 on synth 10k (0.992), FEBRL 1
// and 2 (0.999) and fake_1000 (0.918); a fixed 1e-3 did the same there.
EmOptions matcher_em() {
  EmOptions em;
  em.estimate_u = false;
  em.m_floor_from_matches = true;
  return em;
}

// Comparison patterns of candidate pairs, what EM learns from.
struct PatternSample {
  PatternCounts counts;
  std::size_t pairs = 0;   // pairs counted
  std::size_t stride = 1;  // one block in `stride` was sampled
};

// The pairs of the blocks of `key` (kEveryKey: of every key), each once under
// its first shared key unless `first_key_only` is false (a key's own training
// must see all its pairs), from a deterministic sample of blocks when their
// pairs could exceed `sample_pairs`. `masked` fields are set to level 0: the
// key forces them to agree, so there they are no evidence.
PatternSample sample_patterns(const std::vector<PersonFeatures>& people, const BlockingPlan& plan, std::size_t key,
                              bool first_key_only, const std::vector<Field>& masked, std::size_t sample_pairs) {
  auto wanted = [&](const Block& b) { return key == kEveryKey || b.key == key; };
  std::size_t bound = 0;
  for (const Block& b : plan.blocks)
    if (wanted(b)) bound += block_pair_bound(b, plan.window);
  PatternSample sample;
  sample.stride = std::max<std::size_t>(1, (bound + sample_pairs - 1) / sample_pairs);
#pragma omp parallel
  {
    PatternCounts local;
    std::size_t local_pairs = 0;
#pragma omp for schedule(dynamic, 64) nowait
    for (std::size_t b = 0; b < plan.blocks.size(); ++b) {
      if (!wanted(plan.blocks[b])) continue;
      if (sample.stride > 1 && (b * 0x9E3779B97F4A7C15ull >> 17) % sample.stride != 0) continue;
      plan.for_each_pair_of_block(b, first_key_only, [&](std::uint32_t i, std::uint32_t j) {
        ComparisonVector v = compare(people[i], people[j]);
        for (Field f : masked) v[static_cast<std::size_t>(f)] = 0;
        ++local[pattern_code(v)];
        ++local_pairs;
      });
    }
#pragma omp critical(casegraph_pattern_counts)
    {
      for (const auto& [code, c] : local) sample.counts[code] += c;
      sample.pairs += local_pairs;
    }
  }
  return sample;
}

}  // namespace

TrainingRun PersonMatcher::train_on_key(const BlockingPlan& plan, std::size_t key, const std::vector<Field>& masked,
                                        const std::vector<std::vector<double>>& initial_u,
                                        const MatchingOptions& options) const {
  TrainingRun run;
  run.key = key < plan.stats.size() ? plan.stats[key].name : std::string();
  if (key >= plan.stats.size()) return run;
  const auto fields = level_counts();
  const PatternSample sample =
      sample_patterns(people_, plan, key, /*first_key_only=*/false, masked, options.em_sample_pairs);
  run.em_pairs = sample.pairs;
  run.pairs = static_cast<double>(sample.pairs) * static_cast<double>(sample.stride);
  EmOptions em = matcher_em();  // uncapped: on its own key a high share is honest
  run.patterns = patterns_of(sample.counts);
  run.model = estimate_em(fields, run.patterns, initial_u, em);
  return run;
}

MatchingResult PersonMatcher::run(const MatchingOptions& options) {
  MatchingResult result;
  PhaseClock clock(result.phase_seconds);
  const auto fields = level_counts();
  const std::size_t n = people_.size();
  const BlockingPlan plan = plan_blocks(people_, options.blocking);
  result.blocking = plan.stats;
  clock.lap("blocking");

  // u seeded from random pairs: nearly all are two different people.
  PatternCounts random_counts;
  if (n >= 2) {
    std::uint64_t state = options.seed;
    for (std::size_t s = 0; s < options.random_pairs; ++s) {
      const auto i = static_cast<std::uint32_t>(splitmix(state) % n);
      const auto j = static_cast<std::uint32_t>(splitmix(state) % n);
      if (i != j) ++random_counts[pattern_code(compare(people_[i], people_[j]))];
    }
  }
  const auto initial_u = level_shares(fields, patterns_of(random_counts));
  clock.lap("u on random pairs");

  // Pass 1: pattern counts for EM, from a deterministic sample of blocks when large.
  const PatternSample sample =
      sample_patterns(people_, plan, kEveryKey, /*first_key_only=*/true, {}, options.em_sample_pairs);
  result.em_pairs = sample.pairs;
  EmOptions em = matcher_em();
  em.estimate_u = options.em_estimates_u;
  // EM's share of matches among the candidate pairs is held to at most 0.75.
  // On a small case whose few hundred candidate pairs are nearly all alike,
  // EM with u fixed from random pairs otherwise calls every pair a match
  // (share 1.0): m becomes a copy of the candidates' own profile, so it no
  // longer contrasts matches with near-misses (two people of one name and
  // different dates of birth scored 0.50), and the prior for scoring
  // (derived from this share below) counts every candidate as a match. At
  // 0.75 at least one candidate in four stays non-match evidence. Large
  // cases are untouched (1M FEBRL-like records: share 0.011). Compared on
  // synth 1,500 / 10k, FEBRL 1/2 and fake_1000 at 0.9, 0.75 and 0.5: FEBRL
  // does not move, synth precision rises to 0.75 and no further, fake_1000
  // (2,031 true pairs among 1,000 records, a share near 0.8) loses a little
  // recall as the bound falls. A bound from the record count (about one
  // true pair per record) was tried and is wrong for such files.
  em.max_match_share = 0.75;
  result.max_match_share = em.max_match_share;
  const std::vector<Pattern> candidate_patterns = patterns_of(sample.counts);
  model_ = estimate_em(fields, candidate_patterns, initial_u, em);
  result.candidate_match_share = model_.match_share;
  // The prior for scoring is the share of matches among ALL pairs of records,
  // not among candidates: u was measured on random pairs, so the likelihood
  // ratio compares a pair with a random pair, and the prior must refer to a
  // random pair too. Expected matches = EM's share among candidates times
  // the candidates (blocking is built so that few matches lie outside them).
  const double all_pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2.0;
  double expected_matches = model_.match_share * static_cast<double>(sample.pairs) * static_cast<double>(sample.stride);
  if (!em.estimate_u) train_per_key(plan, initial_u, options, result, expected_matches);
  if (!em.estimate_u && all_pairs > 0)
    model_.match_share = std::clamp(expected_matches / all_pairs, 1e-12, 0.5);
  result.model = model_;
  clock.lap("EM");
  level_weights_.assign(fields.size(), {});
  for (std::size_t f = 0; f < fields.size(); ++f)
    for (std::uint8_t l = 0; l < fields[f]; ++l) level_weights_[f].push_back(model_.level_weight(f, l));

  // Best weight each step's remaining fields can add (level 0 adds nothing).
  // Steps: the cheap fields in kCheapFirst order up to national_id, then the
  // names, then street, locality, town.
  {
    std::vector<double> best_of(kFieldCount, 0.0);
    for (std::size_t f = 0; f < kFieldCount; ++f)
      for (double w : level_weights_[f]) best_of[f] = std::max(best_of[f], w);
    std::vector<double> step_best;
    for (std::size_t s = 0; s < 7; ++s) step_best.push_back(best_of[static_cast<std::size_t>(kCheapFirst[s])]);
    step_best.push_back(best_of[static_cast<std::size_t>(Field::forename)] + best_of[static_cast<std::size_t>(Field::surname)]);
    for (std::size_t s = 7; s < kCheapFirst.size(); ++s) step_best.push_back(best_of[static_cast<std::size_t>(kCheapFirst[s])]);
    best_after_.assign(step_best.size() + 1, 0.0);
    for (std::size_t s = step_best.size(); s-- > 0;) best_after_[s] = best_after_[s + 1] + step_best[s];
  }

  // Pass 2: score every candidate pair, keep the ones worth clustering or reviewing.
  const double keep_weight = std::log2(options.keep_probability / (1 - options.keep_probability)) -
                             model_.prior_log2_odds();
  std::vector<std::vector<ScoredPair>> kept_by_thread;
  std::size_t candidates = 0;
#pragma omp parallel
  {
    std::vector<ScoredPair> local;
    std::size_t local_pairs = 0;
    std::vector<std::size_t> pairs_by_key(plan.stats.size(), 0);
#pragma omp for schedule(dynamic, 64) nowait
    for (std::size_t b = 0; b < plan.blocks.size(); ++b) {
      std::size_t& key_pairs = pairs_by_key[plan.blocks[b].key];
      plan.for_each_pair(b, [&](std::uint32_t i, std::uint32_t j) {
        ++local_pairs;
        ++key_pairs;
        const double w = weight_if_at_least(i, j, keep_weight);
        if (w >= keep_weight) local.push_back({i, j, w, model_.probability(w)});
      });
    }
#pragma omp critical(casegraph_scored_pairs)
    {
      kept_by_thread.push_back(std::move(local));
      candidates += local_pairs;
      for (std::size_t k = 0; k < pairs_by_key.size(); ++k) result.blocking[k].pairs += pairs_by_key[k];
    }
  }
  result.candidate_pairs = candidates;
  for (auto& part : kept_by_thread) result.pairs.insert(result.pairs.end(), part.begin(), part.end());
  std::sort(result.pairs.begin(), result.pairs.end(),
            [](const ScoredPair& x, const ScoredPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  // A pair compared in a windowed block and again under a later key appears twice.
  result.pairs.erase(std::unique(result.pairs.begin(), result.pairs.end(),
                                 [](const ScoredPair& x, const ScoredPair& y) { return x.a == y.a && x.b == y.b; }),
                     result.pairs.end());
  clock.lap("scoring");
  return result;
}

// Training per blocking key (as Splink does). EM over all candidate pairs
// has a flaw that grows with the case: u is measured on random pairs, but
// every candidate agrees on some blocking key, so the non-matches among
// candidates look far more alike than u says and EM calls most of them
// matches (synth 100k: share at its 0.75 bound, m(forename differs) 0.5 not
// 0.016, so two strangers born on one day scored p 0.51; pairwise precision
// 0.27). On the pairs of one key, with the fields that key forces to agree
// masked, the rest of the vector is compared against random-pair u as it
// should be: on the date-of-birth key (synth 100k) the share comes out
// 0.097 against a true 0.097. So the names' and the other fields' m come
// from the date-of-birth key, dob's m from the name key with the names
// masked, and the prior from the date-of-birth run: matches among all pairs
// = its share x its pairs / m(dob exact), since a match lands in that key
// exactly when its dates agree. A key with too few pairs to learn from (a
// case without dates) leaves the all-candidates model as it was.
void PersonMatcher::train_per_key(const BlockingPlan& plan, const std::vector<std::vector<double>>& initial_u,
                                  const MatchingOptions& options, MatchingResult& result, double& expected_matches) {
  constexpr double kMinTrainingPairs = 50;
  const std::size_t dob = static_cast<std::size_t>(Field::dob);
  const std::size_t forename = static_cast<std::size_t>(Field::forename);
  const std::size_t surname = static_cast<std::size_t>(Field::surname);
  TrainingRun by_dob = train_on_key(plan, key_index(plan, "date of birth"), {Field::dob}, initial_u, options);
  TrainingRun by_name = train_on_key(plan, key_index(plan, "forename sound + surname sound"),
                                     {Field::forename, Field::surname}, initial_u, options);
  if (by_dob.pairs < kMinTrainingPairs || by_name.pairs < kMinTrainingPairs) return;
  // dob's m from the name key, names masked. Only the date (and sex) is
  // left there, and with one informative field EM cannot learn both the
  // share and m: any share fits, and it drifts to calling most pairs
  // matches (synth 100k: share 0.86, m(dob differs) 0.80). So the share is
  // held at what the date-of-birth run implies for the name key: its
  // matches (dates agreeing) over an assumed m(dob exact) of 0.9, times the
  // share of matches whose names both still agree. Iterating that with the
  // m(dob exact) it yields diverges (a lower m raises the share, which
  // lowers m: synth 10k 0.86 -> 0.70 in eight rounds, F1 0.992 -> 0.973),
  // so it is one round.
  constexpr double kAssumedDobExact = 0.9;
  const double dob_agreeing_matches = by_dob.model.match_share * by_dob.pairs;
  const double names_agree = (1 - by_dob.model.m[forename].back()) * (1 - by_dob.model.m[surname].back());
  EmOptions em = matcher_em();
  em.fixed_match_share = true;
  em.initial_match_share =
      std::clamp(dob_agreeing_matches / kAssumedDobExact * names_agree / by_name.pairs, 1e-6, 0.999);
  by_name.model = estimate_em(level_counts(), by_name.patterns, initial_u, em);
  for (std::size_t f = 0; f < kFieldCount; ++f) model_.m[f] = f == dob ? by_name.model.m[dob] : by_dob.model.m[f];
  // The prior: a match lands in the date-of-birth key exactly when its dates agree.
  expected_matches = dob_agreeing_matches / std::max(model_.m[dob][1], 0.05);
  by_dob.patterns.clear();
  by_name.patterns.clear();
  result.training.push_back(std::move(by_dob));
  result.training.push_back(std::move(by_name));
}

double PersonMatcher::weight(std::uint32_t a, std::uint32_t b) const {
  const ComparisonVector v = compare(people_[a], people_[b]);
  double w = 0;
  for (std::size_t f = 0; f < kFieldCount; ++f) w += level_weights_[f][v[f]];
  return w;
}

double PersonMatcher::weight_if_at_least(std::uint32_t a, std::uint32_t b, double threshold) const {
  const PersonFeatures& x = people_[a];
  const PersonFeatures& y = people_[b];
  // A small margin so that summation order never drops a pair at the threshold.
  const double floor = threshold - 1e-9;
  double w = 0;
  std::size_t step = 0;
  auto add = [&](Field f) {
    w += level_weights_[static_cast<std::size_t>(f)][compare_field(x, y, f)];
    return w + best_after_[++step] >= floor;
  };
  for (std::size_t s = 0; s < 7; ++s)
    if (!add(kCheapFirst[s])) return w + best_after_[step] - 1;  // below the threshold, by construction
  std::uint8_t fore = 0, sur = 0;
  compare_names(x, y, fore, sur);
  w += level_weights_[static_cast<std::size_t>(Field::forename)][fore] +
       level_weights_[static_cast<std::size_t>(Field::surname)][sur];
  if (w + best_after_[++step] < floor) return w + best_after_[step] - 1;
  for (std::size_t s = 7; s < kCheapFirst.size(); ++s)
    if (!add(kCheapFirst[s])) return w + best_after_[step] - 1;
  return weight(a, b);  // the same sum in the canonical order, so kept weights are exact
}

double PersonMatcher::probability(std::uint32_t a, std::uint32_t b) const { return model_.probability(weight(a, b)); }

std::string PersonMatcher::explain(std::uint32_t a, std::uint32_t b) const {
  const PersonFeatures& x = people_[a];
  const PersonFeatures& y = people_[b];
  const ComparisonVector v = compare(x, y);
  const auto& specs = field_specs();
  std::string out;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (v[f] == 0) continue;
    std::string level = specs[f].level_names[v[f]];
    if (level.rfind("jw", 0) == 0) {
      // Say the similarity itself, which is what an analyst checks.
      const auto field = static_cast<Field>(f);
      const std::string& sa = field == Field::forename ? x.forename : field == Field::surname ? x.surname
                              : field == Field::street ? x.street : field == Field::locality ? x.locality : x.town;
      const std::string& sb = field == Field::forename ? y.forename : field == Field::surname ? y.surname
                              : field == Field::street ? y.street : field == Field::locality ? y.locality : y.town;
      level = fmt::format("jw {:.2f}", jaro_winkler_similarity(sa, sb));
    }
    out += fmt::format("{}{} {} ({:+.1f})", out.empty() ? "" : ", ", specs[f].name, level, level_weights_[f][v[f]]);
  }
  return fmt::format("fs: {}; weight {:.1f}", out, weight(a, b));
}

}  // namespace casegraph::resolve
