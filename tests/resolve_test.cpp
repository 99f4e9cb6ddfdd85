#include <gtest/gtest.h>

#include "engine/resolve/exact_match.h"
#include "engine/resolve/identity.h"

namespace casegraph {
namespace {

PersonRecord person(std::int64_t id, const char* forename, const char* surname, const char* dob) {
  nlohmann::json a = nlohmann::json::object();
  if (*forename) a["forename"] = forename;
  if (*surname) a["surname"] = surname;
  if (*dob) a["dob"] = dob;
  return {id, a};
}

TEST(ExactMatch, JoinsSameNameAndDateOfBirthAcrossCaseAndSpacing) {
  auto matches = exact_matches({person(7, "Amara", "Okafor", "2009-04-02"), person(3, " amara ", "OKAFOR", "2009-04-02"),
                                person(9, "Amara", "Okafor", "2009-04-03"), person(12, "AMARA", "okafor", "2009-04-02")});
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].a, 3);
  EXPECT_EQ(matches[0].b, 7);
  EXPECT_EQ(matches[1].a, 3);
  EXPECT_EQ(matches[1].b, 12);
  EXPECT_EQ(matches[0].rule, "exact:name+dob");
  EXPECT_EQ(matches[0].reason, "amara okafor 2009 04 02");  // normalise::fold of each part
}

TEST(ExactMatch, NeverJoinsOnNameAlone) {
  EXPECT_TRUE(exact_matches({person(1, "Wei", "Chen", ""), person(2, "Wei", "Chen", "")}).empty());
  EXPECT_TRUE(exact_matches({person(1, "Wei", "Chen", "2001-01-01"), person(2, "Wei", "", "2001-01-01")}).empty());
}

TEST(ExactMatch, StrongIdentifierJoinsDespiteNameDifferences) {
  PersonRecord a = person(1, "Bogdan", "Popescu", "");
  PersonRecord b = person(2, "Bogdan", "Popesku", "1990-05-05");
  a.attributes["pnc_id"] = "19/123456X";
  b.attributes["pnc_id"] = "19/123456x";
  auto matches = exact_matches({a, b});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "exact:pnc_id");
}

// Keys are grouped by a 64-bit hash; a collision (forced here: the same
// hash on two different texts) must not join two people, and a pair that
// agrees under two rules is one decision, under the first rule.
TEST(ExactMatch, HashCollisionNeverJoinsAndEachPairOnce) {
  std::vector<ExactKey> keys = {{42, 1, 3, "ana li 1990 01 01"}, {42, 2, 3, "bo wu 1991 02 02"},
                                {42, 3, 3, "ana li 1990 01 01"}, {7, 3, 0, "19/1x"}, {7, 1, 0, "19/1x"}};
  const auto matches = exact_matches(keys);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].a, 1);
  EXPECT_EQ(matches[0].b, 3);
  EXPECT_EQ(matches[0].rule, "exact:pnc_id");
  EXPECT_EQ(matches[0].reason, "19/1x");
}

TEST(IdentityMap, GroupsChainsUnderTheSmallestIdAndUndoingSplits) {
  std::vector<std::int64_t> ids{5, 1, 9, 4, 20};
  IdentityMap joined(ids, {{9, 5}, {5, 4}});
  EXPECT_EQ(joined.canonical(9), 4);
  EXPECT_EQ(joined.canonical(5), 4);
  EXPECT_EQ(joined.canonical(1), 1);
  EXPECT_EQ(joined.members(4), (std::vector<std::int64_t>{4, 5, 9}));
  // Undoing the 5-4 decision is simply leaving it out.
  IdentityMap undone(ids, {{9, 5}});
  EXPECT_EQ(undone.canonical(9), 5);
  EXPECT_EQ(undone.canonical(4), 4);
}

TEST(IdentityMap, RefusesDecisionOnUnknownEntity) {
  EXPECT_THROW(IdentityMap({1, 2}, {{1, 3}}), std::invalid_argument);
}

}  // namespace
}  // namespace casegraph

// ------------------------------------------------ probabilistic matching --

#include <cmath>
#include <map>
#include <random>
#include <string>

#include <fmt/format.h>

#include "engine/resolve/blocking.h"
#include "engine/resolve/clustering.h"
#include "engine/resolve/comparison.h"
#include "engine/resolve/field_text.h"
#include "engine/resolve/fellegi_sunter.h"
#include "engine/resolve/person_features.h"
#include "engine/resolve/probabilistic.h"

namespace casegraph {
namespace {

using resolve::Pattern;

// Draws comparison vectors from a planted two-class model (with missing
// values), then checks that EM, seeded with u from a separate sample of
// non-matches only (as random pairs would give), recovers m, u and the
// match share.
TEST(FellegiSunterEm, RecoversPlantedMAndU) {
  const std::vector<std::uint8_t> levels = {4, 3, 5, 3, 4};  // including level 0
  const std::vector<std::vector<double>> m = {
      {0, 0.85, 0.10, 0.05}, {0, 0.9, 0.1}, {0, 0.7, 0.15, 0.1, 0.05}, {0, 0.95, 0.05}, {0, 0.6, 0.3, 0.1}};
  const std::vector<std::vector<double>> u = {
      {0, 0.05, 0.15, 0.80}, {0, 0.3, 0.7}, {0, 0.02, 0.08, 0.2, 0.7}, {0, 0.5, 0.5}, {0, 0.1, 0.2, 0.7}};
  const double share = 0.2;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0, 1);
  auto draw = [&](const std::vector<double>& p) {
    double x = unit(rng), acc = 0;
    for (std::size_t l = 1; l < p.size(); ++l)
      if ((acc += p[l]) >= x) return static_cast<std::uint8_t>(l);
    return static_cast<std::uint8_t>(p.size() - 1);
  };
  // Patterns keyed as strings of level bytes (a map over vectors of bytes
  // trips GCC 12's -Wstringop-overread false positive).
  std::map<std::string, double> counts, random_counts;
  for (int i = 0; i < 200000; ++i) {
    const bool match = unit(rng) < share;
    std::vector<std::uint8_t> v(levels.size());
    for (std::size_t f = 0; f < levels.size(); ++f) v[f] = unit(rng) < 0.1 ? 0 : draw(match ? m[f] : u[f]);
    counts[std::string(v.begin(), v.end())] += 1;
  }
  for (int i = 0; i < 50000; ++i) {
    std::vector<std::uint8_t> v(levels.size());
    for (std::size_t f = 0; f < levels.size(); ++f) v[f] = draw(u[f]);
    random_counts[std::string(v.begin(), v.end())] += 1;
  }
  auto to_patterns = [](const std::map<std::string, double>& c) {
    std::vector<Pattern> out;
    for (const auto& [v, n] : c) out.push_back({std::vector<std::uint8_t>(v.begin(), v.end()), n});
    return out;
  };
  const auto seeded_u = resolve::level_shares(levels, to_patterns(random_counts));
  for (bool estimate_u : {true, false}) {
    resolve::EmOptions options;
    options.estimate_u = estimate_u;
    const auto model = resolve::estimate_em(levels, to_patterns(counts), seeded_u, options);
    EXPECT_TRUE(model.converged);
    EXPECT_NEAR(model.match_share, share, 0.01) << estimate_u;
    for (std::size_t f = 0; f < levels.size(); ++f)
      for (std::size_t l = 1; l < levels[f]; ++l) {
        EXPECT_NEAR(model.m[f][l], m[f][l], 0.02) << "m field " << f << " level " << l;
        EXPECT_NEAR(model.u[f][l], u[f][l], 0.02) << "u field " << f << " level " << l;
      }
  }
}

// The failure mode of small cases: every candidate pair alike and far from
// the random pairs that gave u. Unbounded, EM calls them all matches
// (share 1.0); with the bound the matcher sets, the share stops there and
// some pairs remain non-match evidence.
TEST(FellegiSunterEm, MatchShareHeldToItsBound) {
  const std::vector<std::uint8_t> levels = {3, 3, 3};
  const std::vector<std::vector<double>> u = {{0, 0.05, 0.95}, {0, 0.05, 0.95}, {0, 0.05, 0.95}};
  const std::vector<Pattern> candidates = {{{1, 1, 1}, 200}, {{1, 1, 2}, 60}, {{1, 2, 1}, 30}, {{2, 1, 1}, 10}};
  resolve::EmOptions options;
  options.estimate_u = false;
  const auto free = resolve::estimate_em(levels, candidates, u, options);
  EXPECT_GT(free.match_share, 0.99);
  options.max_match_share = 0.9;
  const auto bounded = resolve::estimate_em(levels, candidates, u, options);
  EXPECT_NEAR(bounded.match_share, 0.9, 1e-9);
  // With a tenth left as non-matches, m of the most common disagreement stays below its raw share.
  EXPECT_LT(bounded.m[2][2], free.m[2][2]);
}

// What per-key training needs of EM: a share held where it is put, and
// some fields' m held at values learnt on another key while the rest move.
TEST(FellegiSunterEm, HeldShareAndHeldFieldsStayPut) {
  const std::vector<std::uint8_t> levels = {3, 3, 3};
  const std::vector<std::vector<double>> u = {{0, 0.05, 0.95}, {0, 0.05, 0.95}, {0, 0.05, 0.95}};
  const std::vector<Pattern> candidates = {{{1, 1, 1}, 200}, {{1, 1, 2}, 60}, {{1, 2, 1}, 30}, {{2, 1, 1}, 10}, {{2, 2, 2}, 300}};
  resolve::EmOptions options;
  options.estimate_u = false;
  options.fixed_match_share = true;
  options.initial_match_share = 0.3;
  options.fixed_m = {{0, 0.6, 0.4}, {}, {}};
  const auto held = resolve::estimate_em(levels, candidates, u, options);
  EXPECT_EQ(held.match_share, 0.3);
  EXPECT_EQ(held.m[0], (std::vector<double>{0, 0.6, 0.4}));
  EXPECT_NE(held.m[1][1], 0.8);  // the generic start (0.8, 0.2) moved
  EXPECT_GT(held.m[1][1], 0.5);
  options.fixed_match_share = false;
  options.fixed_m.clear();
  const auto free = resolve::estimate_em(levels, candidates, u, options);
  EXPECT_GT(std::abs(free.match_share - 0.3), 0.05);
}

// A level no match shows (on synth 10k, a surname that differs: nobody
// there changes name) is held at 0.5/N for N matches when asked, the
// add-half estimate, instead of at the 1e-6 floor that made it cost 20 bits.
TEST(FellegiSunterEm, LevelNoMatchShowsFlooredByTheMatchCount) {
  const std::vector<std::uint8_t> levels = {3, 3, 4};
  const std::vector<std::vector<double>> u = {{0, 0.05, 0.95}, {0, 0.05, 0.95}, {0, 0.02, 0.08, 0.9}};
  const std::vector<Pattern> candidates = {{{1, 1, 1}, 150}, {{1, 1, 2}, 50}, {{2, 2, 3}, 800},
                                           {{2, 2, 2}, 100}, {{2, 1, 3}, 100}, {{1, 2, 3}, 100}};
  resolve::EmOptions options;
  options.estimate_u = false;
  const auto fixed_floor = resolve::estimate_em(levels, candidates, u, options);
  EXPECT_LT(fixed_floor.m[2][3], 1e-5);
  options.m_floor_from_matches = true;
  const auto counted = resolve::estimate_em(levels, candidates, u, options);
  const double matches = counted.match_share * 1300;
  EXPECT_NEAR(matches, 200, 5);
  EXPECT_NEAR(counted.m[2][3], 0.5 / matches, 0.05 * 0.5 / matches);
  EXPECT_NEAR(counted.m[2][1], 0.75, 0.01);  // seen levels keep their shares
}

TEST(FellegiSunterEm, WeightIsLogLikelihoodRatioAndProbabilityUsesTheShare) {
  resolve::FellegiSunterModel model;
  model.level_counts = {3};
  model.m = {{0, 0.9, 0.1}};
  model.u = {{0, 0.1, 0.9}};
  model.match_share = 0.5;
  const std::uint8_t agree[] = {1}, missing[] = {0};
  EXPECT_NEAR(model.weight(agree), std::log2(9.0), 1e-12);
  EXPECT_EQ(model.weight(missing), 0.0);
  EXPECT_NEAR(model.probability(model.weight(agree)), 0.9, 1e-12);
}

resolve::PersonFeatures features(const char* forename, const char* surname, const char* dob) {
  nlohmann::json a = nlohmann::json::object();
  if (*forename) a["forename"] = forename;
  if (*surname) a["surname"] = surname;
  if (*dob) a["dob"] = dob;
  return resolve::person_features(a);
}

TEST(PersonComparison, LevelsFollowTheKindOfDifference) {
  using resolve::Field;
  auto level = [](const resolve::ComparisonVector& v, Field f) { return v[static_cast<std::size_t>(f)]; };
  const auto exact = resolve::compare(features("Amara", "Okafor", "2009-04-02"), features("AMARA", "okafor", "20090402"));
  EXPECT_EQ(level(exact, Field::forename), 1);
  EXPECT_EQ(level(exact, Field::surname), 1);
  EXPECT_EQ(level(exact, Field::dob), 1);
  const auto variant = resolve::compare(features("Mohammed", "Okafor", "2009-04-02"), features("Muhammad", "Okafr", "2009-02-04"));
  EXPECT_EQ(level(variant, Field::forename), 2);  // same family
  EXPECT_EQ(level(variant, Field::surname), 2);   // jw >= 0.92
  EXPECT_EQ(level(variant, Field::dob), 2);       // day/month swapped
  const auto missing = resolve::compare(features("", "Okafor", ""), features("Amara", "Smith", "2009-04-02"));
  EXPECT_EQ(level(missing, Field::forename), 0);
  EXPECT_EQ(level(missing, Field::surname), 4);
  EXPECT_EQ(level(missing, Field::dob), 0);
  EXPECT_EQ(resolve::pattern_of(resolve::pattern_code(variant)), variant);
  const auto swapped = resolve::compare(features("Poppy", "Fox", ""), features("Fox", "Popy", ""));
  EXPECT_EQ(level(swapped, Field::forename), 6);
  EXPECT_EQ(level(swapped, Field::surname), 2);
}

TEST(Blocking, EachCandidatePairOnceAndTyposStillMeet) {
  std::vector<resolve::PersonFeatures> people = {
      features("Amara", "Okafor", "2009-04-02"),  features("Amara", "Okafor", "2009-04-02"),
      features("Amara", "Okafro", "2009-04-02"),  // surname typo: same date of birth
      features("Amara", "Okafor", "2008-04-02"),  // year typo: same names
      features("Wei", "Chen", "1990-01-01")};
  const auto plan = resolve::plan_blocks(people);
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> seen;
  for (std::size_t b = 0; b < plan.blocks.size(); ++b)
    plan.for_each_pair(b, [&](std::uint32_t i, std::uint32_t j) { ++seen[{i, j}]; });
  for (const auto& [pair, n] : seen) EXPECT_EQ(n, 1) << pair.first << "-" << pair.second;
  for (std::uint32_t i = 0; i < 4; ++i)
    for (std::uint32_t j = i + 1; j < 4; ++j) EXPECT_TRUE(seen.contains({i, j})) << i << "-" << j;
  for (std::uint32_t i = 0; i < 4; ++i) EXPECT_FALSE(seen.contains({i, 4}));
}

// Names swapped between the records, with the date of birth wrong too:
// only the Soundex key, which takes the two name sounds in either order,
// puts them in one block. Rowe/Rwoe also split NYSIIS (RAO/RW) but not Soundex.
TEST(Blocking, SecondPhoneticKeyMeetsSwappedAndTransposedNames) {
  std::vector<resolve::PersonFeatures> people = {features("Caleb", "Rowe", "1992-11-20"),
                                                 features("Rwoe", "Caleb", "1993-12-21"),
                                                 features("Wei", "Chen", "1990-01-01")};
  const auto plan = resolve::plan_blocks(people);
  std::vector<std::string> keys_met;
  for (std::size_t b = 0; b < plan.blocks.size(); ++b)
    plan.for_each_pair(b, [&](std::uint32_t i, std::uint32_t j) {
      if (i == 0 && j == 1) keys_met.push_back(plan.stats[plan.blocks[b].key].name);
    });
  ASSERT_EQ(keys_met.size(), 1u);
  EXPECT_EQ(keys_met[0], "name sounds in either order (Soundex)");
}

// The one-scan test for "at most one edit" must agree with the dynamic
// programme on every pair of short strings over a small alphabet (where
// transpositions, insertions and substitutions all occur).
TEST(EditDistance, WithinOneEditAgreesWithTheDynamicProgramme) {
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> length(0, 6), letter(0, 2);
  for (int t = 0; t < 20000; ++t) {
    std::string a, b;
    for (int i = length(rng); i > 0; --i) a += static_cast<char>('a' + letter(rng));
    b = a;
    if (t % 2 == 0) {  // near strings: a random edit or two of a
      for (int e = 1 + t % 3; e > 0 && !b.empty(); --e) b[static_cast<std::size_t>(letter(rng)) % b.size()] = 'a';
      if (t % 5 == 0) b += 'c';
    } else {
      b.clear();
      for (int i = length(rng); i > 0; --i) b += static_cast<char>('a' + letter(rng));
    }
    const int full = resolve::edit_distance_capped(a, b, 3);  // the general path
    EXPECT_EQ(resolve::within_one_edit(a, b), full <= 1) << a << " / " << b;
    EXPECT_EQ(resolve::edit_distance_capped(a, b, 1), std::min(full, 2)) << a << " / " << b;
  }
}

// Early-stopping scoring drops only what is below the threshold: on every
// pair of a small fitted case, it gives the exact weight when that reaches
// the threshold and some value below the threshold otherwise.
TEST(PersonMatcher, EarlyStopScoringIsExactAboveTheThreshold) {
  const char* fore[] = {"Amara", "Amra", "Wei", "Mohammed", "Muhammad", "Ivan", "Ioana", "Kofi"};
  const char* sur[] = {"Okafor", "Okafro", "Chen", "Haddad", "Hadad", "Petrov", "Popescu", "Mensah"};
  const char* dob[] = {"2009-04-02", "2009-02-04", "1990-01-01", "1985-07-19", "", "2001-12-30"};
  std::vector<resolve::PersonFeatures> people;
  for (int i = 0; i < 60; ++i) people.push_back(features(fore[(i * 7) % 8], sur[(i * 3 + i / 8) % 8], dob[i % 6]));
  resolve::PersonMatcher matcher(people);
  matcher.run({});
  std::size_t above = 0, below = 0;
  for (double threshold : {-5.0, 0.0, 8.0})
    for (std::uint32_t i = 0; i < people.size(); ++i)
      for (std::uint32_t j = i + 1; j < people.size(); ++j) {
        const double full = matcher.weight(i, j), pruned = matcher.weight_if_at_least(i, j, threshold);
        if (full >= threshold) {
          EXPECT_DOUBLE_EQ(pruned, full);
          ++above;
        } else {
          EXPECT_LT(pruned, threshold);
          ++below;
        }
      }
  EXPECT_GT(above, 0u);
  EXPECT_GT(below, 0u);
}

// The over-merging of large cases: every candidate pair agrees on some
// key, so over all candidates EM sees strangers born on one day as likely
// matches (synth 100k: p 0.51 for two different names and one date). The
// matcher trains on the date-of-birth key with the date masked, and on the
// name key with the names masked; strangers sharing a date or a name must
// then score low, and the duplicates high.
TEST(PersonMatcher, TrainedPerKeyStrangersSharingADateOrANameStayApart) {
  const char* fore[] = {"Amara", "Wei", "Mohammed", "Ivan", "Ioana", "Kofi", "Siobhan", "Priya", "Tomasz", "Yuki",
                        "Fatima", "Lars", "Aroha", "Chidi", "Mei", "Olga", "Rafael", "Sunita", "Hamid", "Eilidh"};
  const char* sur[] = {"Okafor", "Chen", "Haddad", "Petrov", "Popescu", "Mensah", "Murphy", "Sharma", "Nowak", "Tanaka",
                       "Rahman", "Berg", "Ngata", "Eze", "Wong", "Ivanova", "Silva", "Patel", "Karimi", "Lewis"};
  std::vector<std::string> dates;
  for (int d = 0; d < 30; ++d) dates.push_back(fmt::format("19{:02}-{:02}-{:02}", 50 + d, 1 + d % 12, 1 + (d * 7) % 28));
  struct Row { int fore, sur, date; int person; };
  std::vector<Row> rows;  // 360 distinct names, dates scattered independently of them
  for (int k = 0; k < 360; ++k) rows.push_back({k % 20, (k / 20 + k) % 20, static_cast<int>((static_cast<unsigned>(k) * 2654435761u >> 11) % 30), k});
  for (int k = 0; k < 80; ++k) rows.push_back(rows[static_cast<std::size_t>(k * 4)]);       // 80 duplicates
  for (int k = 0; k < 40; ++k) {  // strangers who share a full name with someone, born on another day
    Row r = rows[static_cast<std::size_t>(k * 9 + 1)];
    r.date = (r.date + 11) % 30;
    r.person = 1000 + k;
    rows.push_back(r);
  }
  std::vector<resolve::PersonFeatures> people;
  for (const Row& r : rows) people.push_back(features(fore[r.fore], sur[r.sur], dates[static_cast<std::size_t>(r.date)].c_str()));
  resolve::PersonMatcher matcher(people);
  const resolve::MatchingResult result = matcher.run({});
  ASSERT_EQ(result.training.size(), 2u);
  EXPECT_EQ(result.training[0].key, "date of birth");
  EXPECT_EQ(result.training[1].key, "forename sound + surname sound");
  // The date-of-birth run's share against the planted one among that key's pairs.
  double date_pairs = 0, date_matches = 0;
  std::size_t duplicates = 0, date_strangers = 0, name_strangers = 0;
  for (std::uint32_t i = 0; i < rows.size(); ++i)
    for (std::uint32_t j = i + 1; j < rows.size(); ++j) {
      const Row &a = rows[i], &b = rows[j];
      const bool same = a.person == b.person;
      if (a.date == b.date) {
        ++date_pairs;
        date_matches += same;
      }
      const double p = matcher.probability(i, j);
      if (same) {
        EXPECT_GT(p, 0.5) << i << " " << j;
        ++duplicates;
      } else if (a.date == b.date && a.fore != b.fore && a.sur != b.sur) {
        EXPECT_LT(p, 0.01) << i << " " << j << ": " << matcher.explain(i, j);
        ++date_strangers;
      } else if (a.fore == b.fore && a.sur == b.sur) {
        EXPECT_LT(p, 0.5) << i << " " << j << ": " << matcher.explain(i, j);
        ++name_strangers;
      }
    }
  EXPECT_EQ(duplicates, 80u);
  EXPECT_GT(date_strangers, 1000u);
  EXPECT_GE(name_strangers, 40u);
  const double planted = date_matches / date_pairs;
  EXPECT_NEAR(result.training[0].model.match_share, planted, planted * 0.25);
}

// The textbook EM, kept as an option to compare against: u learnt beside m
// over all candidates (so it moves away from the random-pair u the default
// keeps), no per-key runs.
TEST(PersonMatcher, EmEstimatingUSkipsPerKeyTrainingAndMovesU) {
  const char* fore[] = {"Amara", "Amra", "Wei", "Mohammed", "Muhammad", "Ivan", "Ioana", "Kofi"};
  const char* sur[] = {"Okafor", "Okafro", "Chen", "Haddad", "Hadad", "Petrov", "Popescu", "Mensah"};
  const char* dob[] = {"2009-04-02", "2009-02-04", "1990-01-01", "1985-07-19", "2001-12-30"};
  std::vector<resolve::PersonFeatures> people;
  for (int i = 0; i < 200; ++i) people.push_back(features(fore[(i * 7) % 8], sur[(i * 3 + i / 8) % 8], dob[i % 5]));
  const resolve::MatchingResult kept = resolve::PersonMatcher(people).run({});
  resolve::MatchingOptions textbook;
  textbook.em_estimates_u = true;
  const resolve::MatchingResult learnt = resolve::PersonMatcher(people).run(textbook);
  EXPECT_TRUE(learnt.training.empty());
  const auto surname = static_cast<std::size_t>(resolve::Field::surname);
  // Candidates share a key, so their non-matches agree on surnames far more often than random pairs do.
  EXPECT_GT(learnt.model.u[surname][1], kept.model.u[surname][1] + 0.01);  // 0.135 against 0.120
}

TEST(Blocking, OversizedBlocksAreWindowedAndCounted) {
  std::vector<resolve::PersonFeatures> people;
  for (int i = 0; i < 50; ++i) people.push_back(features(("N" + std::to_string(i)).c_str(), "Smith", "1990-01-01"));
  resolve::BlockingOptions options;
  options.max_block = 10;
  options.window = 3;
  const auto plan = resolve::plan_blocks(people, options);
  std::size_t pairs = 0;
  for (std::size_t b = 0; b < plan.blocks.size(); ++b) plan.for_each_pair(b, [&](std::uint32_t, std::uint32_t) { ++pairs; });
  std::size_t oversized = 0;
  for (const auto& s : plan.stats) oversized += s.oversized;
  EXPECT_GE(oversized, 1u);
  EXPECT_LT(pairs, 50u * 49u / 2u);  // not all pairs
  EXPECT_GE(pairs, 47u * 3u);        // but each record with its window
}

// The anti-chaining property, exactly: two clusters of five records (two
// people) and one wrong pair between them that scores as a match. The
// average over the 25 cross pairs is low, so they stay two clusters, where
// connected components over the same pairs would make one.
TEST(AntiChainingClustering, OneBadPairDoesNotMergeTwoLargeClusters) {
  auto same_person = [](std::uint32_t a, std::uint32_t b) { return (a < 5) == (b < 5); };
  auto bad = [](std::uint32_t a, std::uint32_t b) { return std::min(a, b) == 4 && std::max(a, b) == 5; };
  std::vector<resolve::ScoredPair> pairs;
  for (std::uint32_t a = 0; a < 10; ++a)
    for (std::uint32_t b = a + 1; b < 10; ++b)
      if (same_person(a, b)) pairs.push_back({a, b, 10.0, 0.999});
  pairs.push_back({4, 5, 9.0, 0.998});
  auto probability = [&](std::uint32_t a, std::uint32_t b) {
    return bad(a, b) ? 0.998 : same_person(a, b) ? 0.999 : 0.001;
  };
  const auto result = resolve::cluster_pairs(10, pairs, {}, {}, probability);
  for (std::uint32_t r = 0; r < 10; ++r) EXPECT_EQ(result.cluster_of[r], r < 5 ? 0u : 5u) << r;
  EXPECT_EQ(result.merges.size(), 8u);  // a spanning tree of each cluster
  EXPECT_EQ(result.refused_by_linkage, 1u);
  for (const auto& m : result.merges) EXPECT_TRUE(same_person(m.pair.a, m.pair.b));
  // Transitive closure of the same pairs would have joined everyone.
  std::vector<std::uint32_t> component(10);
  for (std::uint32_t i = 0; i < 10; ++i) component[i] = i;
  for (int pass = 0; pass < 10; ++pass)
    for (const auto& p : pairs) component[p.a] = component[p.b] = std::min(component[p.a], component[p.b]);
  EXPECT_EQ(component[9], 0u);
}

TEST(AntiChainingClustering, RejectionsAndConfirmationsStand) {
  std::vector<resolve::ScoredPair> pairs = {{0, 1, 10, 0.99}, {1, 2, 9, 0.98}, {2, 3, 1, 0.6}};
  auto probability = [](std::uint32_t, std::uint32_t) { return 0.99; };
  const auto result = resolve::cluster_pairs(5, pairs, {{3, 4}}, {{0, 2}}, probability);
  EXPECT_EQ(result.cluster_of[0], result.cluster_of[1]);
  EXPECT_NE(result.cluster_of[0], result.cluster_of[2]);  // rejected pair kept apart
  EXPECT_EQ(result.cluster_of[3], result.cluster_of[4]);  // confirmed pair joined
  EXPECT_EQ(result.cluster_of[2], result.cluster_of[3]);
  EXPECT_EQ(result.refused_by_cannot_link, 1u);
}

}  // namespace
}  // namespace casegraph
