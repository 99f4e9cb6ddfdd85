// engine/evaluate and `casegraph evaluate`: pairwise resolution scores and
// network recovery on small hand-built inputs whose answers are worked out in
// the comments; truth.json in both layouts; IMPORT_ORDER; and the whole
// pipeline synth -> import -> resolve -> analyse -> evaluate through the CLI,
// with floors on the figures the engine reaches today.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/evaluate/network_recovery.h"
#include "engine/evaluate/pairwise.h"
#include "engine/evaluate/truth.h"
#include "engine/store/case_file.h"
#include "importers/import_order.h"
#include "tests/cli_support.h"

namespace casegraph::evaluate {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------- pairwise --

TEST(EvaluatePairwise, HandWorkedExample) {
  // truth:     A A A B B C
  // predicted: 1 1 1 1 2 3
  // True pairs: C(3,2) for A + C(2,2) for B = 4. Predicted pairs: C(4,2) for
  // identity 1 = 6. Agreeing: the three A records share identity 1, C(3,2) = 3;
  // the B records are split. Precision 3/6, recall 3/4, F1 2*.5*.75/1.25 = 0.6.
  const std::vector<LabelledRecord> records = {{0, 1}, {0, 1}, {0, 1}, {1, 1}, {1, 2}, {2, 3}};
  const PairwiseScores s = pairwise_scores(records);
  EXPECT_EQ(s.records, 6U);
  EXPECT_EQ(s.true_pairs, 4U);
  EXPECT_EQ(s.predicted_pairs, 6U);
  EXPECT_EQ(s.agreeing_pairs, 3U);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.75);
  EXPECT_DOUBLE_EQ(s.f1, 0.6);
}

TEST(EvaluatePairwise, PerfectAndEmptyResolutions) {
  const std::vector<LabelledRecord> perfect = {{5, 50}, {5, 50}, {7, 70}, {7, 70}, {7, 70}, {9, 90}};
  PairwiseScores s = pairwise_scores(perfect);
  EXPECT_EQ(s.agreeing_pairs, 4U);  // 1 + 3
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
  // Nothing joined at all: no claim made (precision 1 by convention), no true pair found.
  const std::vector<LabelledRecord> unjoined = {{5, 1}, {5, 2}, {7, 3}};
  s = pairwise_scores(unjoined);
  EXPECT_EQ(s.predicted_pairs, 0U);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.0);
  EXPECT_DOUBLE_EQ(s.f1, 0.0);
  // Everyone merged: every true pair found, one of three claims true.
  const std::vector<LabelledRecord> merged = {{5, 1}, {5, 1}, {7, 1}};
  s = pairwise_scores(merged);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3.0);
  EXPECT_EQ(pairwise_scores({}).records, 0U);
}

TEST(EvaluatePairwise, AgreesWithCountingEveryPair) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> label(0, 40);
  std::vector<LabelledRecord> records(300);
  for (auto& r : records) {
    r.truth = label(rng);
    r.predicted = r.truth % 3 == 0 ? label(rng) : r.truth + 1000;  // a third scattered, the rest right
  }
  std::uint64_t t = 0, p = 0, both = 0;
  for (std::size_t i = 0; i < records.size(); ++i)
    for (std::size_t j = i + 1; j < records.size(); ++j) {
      const bool same_truth = records[i].truth == records[j].truth;
      const bool same_prediction = records[i].predicted == records[j].predicted;
      t += same_truth;
      p += same_prediction;
      both += same_truth && same_prediction;
    }
  const PairwiseScores s = pairwise_scores(records);
  EXPECT_EQ(s.true_pairs, t);
  EXPECT_EQ(s.predicted_pairs, p);
  EXPECT_EQ(s.agreeing_pairs, both);
  EXPECT_LT(s.recall, 0.9);
  EXPECT_GT(s.recall, 0.3);
}

// ------------------------------------------------------ network recovery --

PlantedPerson person(std::string id, std::vector<std::int64_t> entities) { return {std::move(id), std::move(entities)}; }

// N1: victims v1 {10}, v2 {11}, v3 {12}; offenders o1 {20}, o2 {21, 22} (o2
// left as two unresolved entities). N2: victims v4 {13}, v5 (on no record);
// offenders o3 {23} and o1 again (the shared offender).
std::vector<PlantedNetwork> networks() {
  const PlantedPerson o1 = person("o1", {20});
  return {{"N1", "strong", {o1, person("o2", {21, 22})}, {person("v1", {10}), person("v2", {11}), person("v3", {12})}},
          {"N2", "faint", {person("o3", {23}), o1}, {person("v4", {13}), person("v5", {})}}};
}

// rank 1 {20,10,99}: N1 has 1 of 3 victims (not half); N2 0 of 2 victims.
// rank 2 {10,11,22,30}: N1 2 of 3 victims, o2 (via 22) 1 of 2 offenders: holds N1.
// rank 3 {13,23}: N2 1 of 2 victims (v5 can never be found), 1 of 2 offenders: holds N2.
// rank 4 {12,21,20}: N1 1 of 3 victims: no.
// rank 5 {10,11,12,20,21}: holds N1 (after rank 2).
std::vector<RankedCluster> clusters() {
  return {{1, {20, 10, 99}}, {2, {10, 11, 22, 30}}, {3, {13, 23}}, {4, {12, 21, 20}}, {5, {10, 11, 12, 20, 21}}};
}

TEST(EvaluateRecovery, HalfTheVictimsAndHalfTheOffenders) {
  const auto n = networks();
  const auto c = clusters();
  EXPECT_FALSE(holds_network(c[0], n[0]));
  EXPECT_TRUE(holds_network(c[1], n[0]));
  EXPECT_FALSE(holds_network(c[1], n[1]));
  EXPECT_TRUE(holds_network(c[2], n[1]));
  EXPECT_FALSE(holds_network(c[3], n[0]));
  EXPECT_TRUE(holds_network(c[4], n[0]));
}

TEST(EvaluateRecovery, BestRankAndPrecisionAtK) {
  const auto n = networks();
  const auto c = clusters();
  EXPECT_EQ(best_rank(n[0], c), 2);
  EXPECT_EQ(best_rank(n[1], c), 3);
  EXPECT_FALSE(best_rank(n[1], {c[0], c[1], c[3]}).has_value());
  EXPECT_DOUBLE_EQ(precision_at_k(n, c, 1), 0.0);
  EXPECT_DOUBLE_EQ(precision_at_k(n, c, 2), 0.5);
  EXPECT_DOUBLE_EQ(precision_at_k(n, c, 3), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(precision_at_k(n, c, 10), 3.0 / 5.0);  // only five clusters: ranks 2, 3 and 5 hold one
  EXPECT_DOUBLE_EQ(precision_at_k(n, {}, 10), 0.0);
}

TEST(EvaluateRecovery, VictimOffenderPairRecall) {
  const auto n = networks();
  const auto c = clusters();
  // Pairs: N1 3 victims x 2 offenders = 6; N2 2 x 2 = 4; 10 distinct.
  // Top 3: (v1,o1) in rank 1; (v1,o2), (v2,o2) in rank 2; (v4,o3) in rank 3: 4.
  PairRecall r = pair_recall_at_k(n, c, 3);
  EXPECT_EQ(r.pairs, 10U);
  EXPECT_EQ(r.found, 4U);
  EXPECT_DOUBLE_EQ(r.recall, 0.4);
  // Top 5 adds (v3,o1), (v3,o2) from rank 4 and (v2,o1) from rank 5: 7. v5
  // is on no record and (v4,o1) never meet.
  r = pair_recall_at_k(n, c, 5);
  EXPECT_EQ(r.found, 7U);
  EXPECT_DOUBLE_EQ(r.recall, 0.7);
  // A network listed twice adds no pairs.
  auto twice = n;
  twice.push_back(n[0]);
  EXPECT_EQ(pair_recall_at_k(twice, c, 5).pairs, 10U);
  EXPECT_EQ(pair_recall_at_k(twice, c, 5).found, 7U);
}

TEST(EvaluateRecovery, ReportAndHardNegatives) {
  const RecoveryReport report = evaluate_recovery(networks(), clusters(), 3);
  ASSERT_EQ(report.networks.size(), 2U);
  EXPECT_EQ(report.networks[0].best_rank, 2);
  EXPECT_EQ(report.networks[1].evidence, "faint");
  EXPECT_DOUBLE_EQ(report.precision_at_k, 2.0 / 3.0);
  EXPECT_EQ(report.pairs.found, 4U);
  const std::vector<PlantedPerson> prolific = {person("p1", {99}), person("p2", {50}), person("p3", {})};
  EXPECT_EQ(people_in_top_k(prolific, clusters(), 1), 1U);  // 99 sits in rank 1
  EXPECT_EQ(people_in_top_k(prolific, clusters(), 5), 1U);
  EXPECT_EQ(people_in_top_k(prolific, {}, 10), 0U);
}

// Where each planted person went: the best rank of a cluster holding any of
// their entities.
TEST(EvaluateRecovery, PersonRank) {
  const auto n = networks();
  const auto c = clusters();
  EXPECT_EQ(person_rank(n[0].offenders[0], c), 1);  // o1 {20}: ranks 1, 4, 5
  EXPECT_EQ(person_rank(n[0].offenders[1], c), 2);  // o2 {21, 22}: 22 in rank 2, 21 in ranks 4 and 5
  EXPECT_EQ(person_rank(n[0].victims[2], c), 4);    // v3 {12}
  EXPECT_FALSE(person_rank(n[1].victims[1], c).has_value());  // v5: on no record
  EXPECT_FALSE(person_rank(n[1].victims[0], {c[0], c[1]}).has_value());
}

// ----------------------------------------------------------------- truth --

TEST(EvaluateTruth, SynthLayout) {
  const auto j = nlohmann::json::parse(R"({
    "generator": "casegraph synth",
    "networks": [{"id": "R001", "evidence": "strong",
      "offenders": [{"person": 12, "name": "Wei Demir", "nominal_refs": ["N-0000001", "N-0000002"],
                     "child_ids": [], "keeper_rows": ["AB12 CDE"]}],
      "victims": [{"person": 40, "name": "Linh Francis", "nominal_refs": [], "child_ids": ["SC-000007"],
                   "keeper_rows": []}]}],
    "hard_negatives": {"prolific_offenders": [{"person": 3, "nominal_refs": ["N-0000009"]}],
      "taxi_firm": {"drivers": [{"person": 12, "nominal_refs": ["N-0000001"]},
                                {"person": 5, "nominal_refs": ["N-0000004"]}],
                    "drivers_in_networks": [12]}},
    "truth_records": {"file": "truth_records.csv"}})");
  const Truth t = parse_truth(j);
  EXPECT_TRUE(t.synth);
  ASSERT_EQ(t.networks.size(), 1U);
  const TruthPerson& o = t.networks[0].offenders.at(0);
  EXPECT_EQ(o.id, "person:12");
  ASSERT_EQ(o.records.size(), 3U);
  EXPECT_EQ(o.records[1].source, "police_nominals");
  EXPECT_EQ(o.records[1].record_id, "N-0000002");
  EXPECT_EQ(o.records[2].source, "vehicle_keepers");
  EXPECT_EQ(o.records[2].record_id, "AB12 CDE");
  const TruthPerson& v = t.networks[0].victims.at(0);
  EXPECT_TRUE(v.records.empty());
  EXPECT_EQ(v.entity_keys, std::vector<std::string>{"social_care_child:SC-000007"});
  ASSERT_EQ(t.prolific_offenders.size(), 1U);
  EXPECT_EQ(t.prolific_offenders[0].id, "person:3");
  ASSERT_EQ(t.taxi_drivers.size(), 1U);  // the driver in network R001 is no hard negative
  EXPECT_EQ(t.taxi_drivers[0].id, "person:5");
  EXPECT_EQ(t.truth_records_file, "truth_records.csv");
}

TEST(EvaluateTruth, BundledExampleLayout) {
  std::ifstream in(fs::path(CASEGRAPH_SOURCE_DIR) / "examples/case/truth.json");
  const Truth t = parse_truth(nlohmann::json::parse(in));
  EXPECT_FALSE(t.synth);
  EXPECT_TRUE(t.truth_records_file.empty());
  ASSERT_EQ(t.networks.size(), 2U);
  EXPECT_EQ(t.networks[0].id, "A");
  EXPECT_EQ(t.networks[0].offenders.size(), 3U);
  EXPECT_EQ(t.networks[0].victims.size(), 4U);
  const TruthPerson& rojin = t.networks[0].victims[0];
  EXPECT_EQ(rojin.name, "Rojin Costa");
  ASSERT_EQ(rojin.records.size(), 1U);
  EXPECT_EQ(rojin.records[0].source, "police_nominals");
  EXPECT_EQ(rojin.records[0].record_id, "N-082253");
  EXPECT_EQ(rojin.entity_keys, std::vector<std::string>{"social_care_child:SC-5152"});
}

TEST(EvaluateTruth, MalformedTruthIsRefusedWithThePlace) {
  try {
    parse_truth(nlohmann::json::parse(R"({"networks": [{"id": "A", "offenders": []}]})"));
    FAIL() << "no victims accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("networks[0] has no 'victims'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_truth(nlohmann::json::array()), std::runtime_error);
  EXPECT_THROW(parse_truth(nlohmann::json::parse(R"({"generator": "casegraph synth", "networks": [
      {"id": "A", "offenders": [{"person": "x"}], "victims": []}]})")),
               std::runtime_error);
}

// ---------------------------------------------------------- import order --

using test::build_case;
using test::Outcome;
using test::run_cli;
using test::shell_quote;
using test::slurp;
using test::TempDir;

TEST(EvaluateImportOrder, PairsCommentsAndLineEnds) {
  TempDir dir("order");
  std::ofstream(dir.path() / "IMPORT_ORDER", std::ios::binary)
      << "# header comment\r\n\r\nnominals.toml nominals.csv  # trailing\r\n   \n\tcalls.toml\tcalls.csv\n";
  const auto steps = read_import_order(dir.path());
  ASSERT_EQ(steps.size(), 2U);
  EXPECT_EQ(steps[0].spec, dir.path() / "nominals.toml");
  EXPECT_EQ(steps[0].csv, dir.path() / "nominals.csv");
  EXPECT_EQ(steps[1].csv, dir.path() / "calls.csv");
}

TEST(EvaluateImportOrder, ErrorsNameTheFileAndLine) {
  TempDir dir("order_bad");
  EXPECT_THROW(read_import_order(dir.path()), std::runtime_error);  // no IMPORT_ORDER
  std::ofstream(dir.path() / "IMPORT_ORDER") << "a.toml a.csv\nb.toml\n";
  try {
    read_import_order(dir.path());
    FAIL() << "a line without a CSV accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("IMPORT_ORDER:2"), std::string::npos) << e.what();
  }
  std::ofstream(dir.path() / "IMPORT_ORDER") << "a.toml a.csv b.csv\n";
  EXPECT_THROW(read_import_order(dir.path()), std::runtime_error);
  // The bundled example's order: seven pairs, nominals first.
  const auto example = read_import_order(fs::path(CASEGRAPH_SOURCE_DIR) / "examples/case");
  ASSERT_EQ(example.size(), 7U);
  EXPECT_EQ(example[0].csv.filename(), "police_nominals.csv");
}

// ------------------------------------------------------- whole pipeline --

// synth -> import (IMPORT_ORDER) -> resolve -> analyse -> evaluate, through
// the command, on a small case with light background volumes (seconds, also
// under sanitizers). The floors sit just below what the engine reaches now
// (figures in the comments, measured 2026-11-29 on 1,500 people, seed 5);
// raise them as it improves. Today the probabilistic resolution over-merges
// (every candidate pair ends up a match: precision well below recall) and the
// communities are large, so only one of four planted networks is held by a
// cluster; those are the engine's weaknesses this test makes visible.
class EvaluatePipeline : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("pipeline");
    data_ = dir_->path() / "data";
    case_ = (dir_->path() / "case.db").string();
    Outcome o = run_cli("synth --people " + std::to_string(kPeople) + " --seed " + std::to_string(kSeed) +
                            " --calls-per-phone 3 --reads-per-vehicle 3 -q -o " + shell_quote(data_.string()),
                        dir_->path());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    o = build_case(data_, case_, true, "--seed 1 --threads 1 --stability-runs 0");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    o = run_cli("evaluate " + shell_quote(case_) + " --truth " + shell_quote((data_ / "truth.json").string()) +
                    " --format json",
                dir_->path());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    figures_ = nlohmann::json::parse(o.out);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static constexpr int kPeople = 1500;
  static constexpr int kSeed = 5;
  static inline TempDir* dir_ = nullptr;
  static inline fs::path data_;
  static inline std::string case_;
  static inline nlohmann::json figures_;
};

TEST_F(EvaluatePipeline, ResolutionFloors) {
  ASSERT_FALSE(figures_.empty());
  const auto& records = figures_.at("resolution").at("records");
  const auto& identities = figures_.at("resolution").at("source_identities");
  EXPECT_EQ(figures_.at("resolution").at("records_not_in_case"), 0);
  EXPECT_GT(records.at("items").get<int>(), 1000);
  EXPECT_GE(records.at("precision").get<double>(), 0.70) << figures_.dump(1);  // now 0.753
  EXPECT_GE(records.at("recall").get<double>(), 0.90) << figures_.dump(1);  // now 1.0
  EXPECT_GE(records.at("f1").get<double>(), 0.80) << figures_.dump(1);  // now 0.859
  EXPECT_GE(identities.at("precision").get<double>(), 0.35) << figures_.dump(1);  // now 0.399
  EXPECT_GE(identities.at("recall").get<double>(), 0.90) << figures_.dump(1);  // now 1.0
}

TEST_F(EvaluatePipeline, NetworkRecoveryFloors) {
  ASSERT_FALSE(figures_.empty());
  const auto& networks = figures_.at("networks");
  ASSERT_GE(networks.size(), 4U);
  int strong_in_top = 0, strong = 0, found = 0;
  for (const auto& n : networks) {
    const bool ranked = !n.at("best_rank").is_null();
    found += ranked ? 1 : 0;
    if (n.at("evidence") != "strong") continue;
    ++strong;
    strong_in_top += ranked && n.at("best_rank").get<int>() <= 10 ? 1 : 0;
  }
  EXPECT_GE(found, 1) << networks.dump(1);  // now 1 of 4 (R004, rank 1)
  EXPECT_GE(strong_in_top, 1) << networks.dump(1) << " of " << strong;  // now 1 of 2
  EXPECT_GE(figures_.at("precision_at_k").get<double>(), 0.1) << figures_.dump(1);  // now 0.1
  EXPECT_GE(figures_.at("pair_recall_at_k").at("recall").get<double>(), 0.5) << figures_.dump(1);  // now 0.537 (36 of 67)
  // The hard negatives are found in the case and counted (the issue's target,
  // none in the top 10, is not reached yet: see README, Open work).
  EXPECT_GT(figures_.at("prolific_offenders_in_top_k").at("of").get<int>(), 0) << figures_.dump(1);
  EXPECT_GT(figures_.at("taxi_drivers_in_top_k").at("of").get<int>(), 0) << figures_.dump(1);
}

TEST_F(EvaluatePipeline, TableUsageAndAudit) {
  ASSERT_FALSE(figures_.empty());
  const std::string truth = shell_quote((data_ / "truth.json").string());
  Outcome table = run_cli("evaluate " + shell_quote(case_) + " --truth " + truth, dir_->path());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* text : {"precision@10", "pair recall@10", "best rank", "source identities"})
    EXPECT_NE(table.out.find(text), std::string::npos) << text << "\n" << table.out;
  EXPECT_EQ(run_cli("evaluate " + shell_quote(case_), dir_->path()).exit_code, 2);  // no --truth
  EXPECT_EQ(run_cli("evaluate " + shell_quote(case_) + " --truth " + truth + " --format xml", dir_->path()).exit_code,
            2);
  Outcome missing =
      run_cli("evaluate " + shell_quote(case_) + " --truth " + shell_quote((dir_->path() / "none.json").string()),
              dir_->path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.json"), std::string::npos) << missing.err;
  Outcome no_run =
      run_cli("evaluate " + shell_quote((dir_->path() / "other.db").string()) + " --truth " + truth, dir_->path());
  EXPECT_EQ(no_run.exit_code, 1);
  Outcome no_such_run = run_cli("evaluate " + shell_quote(case_) + " --truth " + truth + " --run 999", dir_->path());
  EXPECT_EQ(no_such_run.exit_code, 1);
  EXPECT_NE(no_such_run.err.find("no analysis run 999"), std::string::npos) << no_such_run.err;
  // The case file's audit log records each evaluation with its figures.
  const CaseFile file = CaseFile::open(case_, false);
  std::size_t evaluations = 0;
  for (const AuditEntry& e : file.audit_log())
    if (e.command == "evaluate") {
      ++evaluations;
      EXPECT_NE(e.summary.find("precision@10"), std::string::npos) << e.summary;
    }
  EXPECT_EQ(evaluations, 2U);  // the suite's JSON run and the table above
  EXPECT_FALSE(file.verify_audit_chain().has_value());
}

TEST(EvaluateExampleCase, BundledTruthLayoutScoresNetworksButNotResolution) {
  // examples/case/truth.json names people by nominal ref and child id and has
  // no record-level truth: networks are scored, resolution is not. The same
  // ranks as cli_test's ExampleCase asserts: A first, B within the top 3.
  TempDir dir("example");
  const fs::path example = fs::path(CASEGRAPH_SOURCE_DIR) / "examples/case";
  const std::string case_file = shell_quote((dir.path() / "case.db").string());
  const Outcome built = test::build_example_case(dir.path() / "case.db", true, "--seed 7 --stability-runs 0");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const Outcome o =
      run_cli("evaluate " + case_file + " --truth " + shell_quote((example / "truth.json").string()) + " --format json",
              dir.path());
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto figures = nlohmann::json::parse(o.out);
  EXPECT_TRUE(figures.at("resolution").is_null());
  ASSERT_EQ(figures.at("networks").size(), 2U);
  EXPECT_EQ(figures.at("networks")[0].at("best_rank"), 1) << o.out;
  ASSERT_FALSE(figures.at("networks")[1].at("best_rank").is_null()) << o.out;
  EXPECT_LE(figures.at("networks")[1].at("best_rank").get<int>(), 3) << o.out;
  EXPECT_EQ(figures.at("networks")[0].at("people_on_record"), 7);  // every planted person is on a record
  // now 0.625 (10 of 16), was 1.0 before episode-call ties (engine/triage/
  // evidence_ties.h): offender Piotr Zhang called two of network A's children
  // before their episodes, so the three now form their own cluster (rank 2)
  // beside A's (rank 1): A is still held at rank 1, but its cross pairs split.
  EXPECT_GE(figures.at("pair_recall_at_k").at("recall").get<double>(), 0.6);
  EXPECT_GE(figures.at("precision_at_k").get<double>(), 0.2);  // now 0.25: 2 of the 8 clusters
}

}  // namespace
}  // namespace casegraph::evaluate
