// Issue 6's acceptance case, through the command: synth 10,000 people with
// twelve planted networks (seed 1) -> import (IMPORT_ORDER) -> resolve ->
// analyse -> evaluate. Minutes, not seconds (CI runs the Triage10k suite in
// its Release pass only). The floors sit a little below what the engine
// reaches now (figures in the comments, measured 2026-11-29, session 5, with
// suspects tied to child victims, people following their adult-child calls
// and clusters joined by calls merged (merge_clusters.h); seed 2, not tested
// here: strong 5/5, faint 4/7, precision@10 0.7, pair recall 0.79, prolific
// 0/14, taxi 0/3). Session 6 (contact_suspects, clusters.h): seed 1 the
// same, every best rank unchanged; seed 2 faint 5/7, the rest the same;
// then gravity of harm to children only and contact_before_missing weighed 6
// (clusters.h): seed 1 the same (R012 9 -> 8); seed 2 precision@10 0.8, pair
// recall 0.81, faint R007 14 -> 9;
// issue 6's "done
// when" is the target, and the gap is what this test makes visible: strong
// networks in the top 10, faint ones in the top 25, precision@10 >= 0.8, no
// prolific offender or taxi driver in the top 10.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli_support.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;
using test::build_case;
using test::Outcome;
using test::run_cli;
using test::shell_quote;
using test::TempDir;

class Triage10k : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("triage10k");
    const fs::path data = dir_->path() / "data";
    const std::string case_path = (dir_->path() / "case.db").string();
    Outcome o = run_cli("synth --people 10000 --networks 12 --seed 1 -q -o " + shell_quote(data.string()),
                        dir_->path());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    // Stability changes no rank: left out to keep the test shorter.
    o = build_case(data, case_path, true, "--seed 1 --threads 2 --stability-runs 0");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    o = run_cli("evaluate " + shell_quote(case_path) + " --truth " + shell_quote((data / "truth.json").string()) +
                    " --format json",
                dir_->path());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    figures_ = nlohmann::json::parse(o.out);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // Networks of one evidence level, and how many have a best rank <= k.
  static std::pair<int, int> held(const std::string& evidence, int k) {
    int of = 0, within = 0;
    for (const auto& n : figures_.at("networks")) {
      if (n.at("evidence") != evidence) continue;
      ++of;
      if (!n.at("best_rank").is_null() && n.at("best_rank").get<int>() <= k) ++within;
    }
    return {within, of};
  }

  static inline TempDir* dir_ = nullptr;
  static inline nlohmann::json figures_;
};

TEST_F(Triage10k, PlantedNetworksRankHigh) {
  ASSERT_FALSE(figures_.empty());
  ASSERT_EQ(figures_.at("top").get<int>(), 10);
  const auto [strong, strong_of] = held("strong", 10);
  const auto [faint, faint_of] = held("faint", 25);
  EXPECT_EQ(strong_of + faint_of, 12);
  EXPECT_GE(strong, 4) << figures_.at("networks").dump(1);  // now 5 of 5 (4 before clusters merged)
  EXPECT_GE(faint, 5) << figures_.at("networks").dump(1);   // now 6 of 7 (5 before clusters merged, 3 before people followed their calls)
  EXPECT_GE(figures_.at("precision_at_k").get<double>(), 0.8) << figures_.dump(1);  // now 0.9 (0.6 before clusters merged)
  EXPECT_GE(figures_.at("pair_recall_at_k").at("recall").get<double>(), 0.7) << figures_.dump(1);  // now 0.76 (0.47 before clusters merged)
}

TEST_F(Triage10k, HardNegativesStayOutOfTheTop10) {
  ASSERT_FALSE(figures_.empty());
  const auto& prolific = figures_.at("prolific_offenders_in_top_k");
  const auto& taxi = figures_.at("taxi_drivers_in_top_k");
  EXPECT_EQ(prolific.at("of").get<int>(), 14);
  EXPECT_GT(taxi.at("of").get<int>(), 0);
  EXPECT_LE(prolific.at("in_top_k").get<int>(), 2) << figures_.dump(1);  // now 1 of 14 (was 5)
  EXPECT_LE(taxi.at("in_top_k").get<int>(), 1) << figures_.dump(1);      // now 0 of 3
}

}  // namespace
}  // namespace casegraph
