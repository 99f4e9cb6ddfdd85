// Entity resolution end to end through the CLI, on the public benchmark
// files in ../shared/data/er: import -> resolve -> entities, and pairwise
// precision, recall and F1 computed from the entities CSV against the files'
// own truth (FEBRL: rec-N-org and rec-N-dup-k share N; fake_1000: the
// `cluster` column, which the mapping spec does not map). Also the
// reversibility of decisions: unmerge, reject, confirm, and a later resolve
// that respects them.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/cli_support.h"

namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(CASEGRAPH_SHARED_DATA) / "er";
const fs::path kSpecs = fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "er";

using casegraph::test::Outcome;
using casegraph::test::run_cli;
using casegraph::test::TempDir;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream s(line);
  while (std::getline(s, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// record_id -> entity_id from `casegraph entities` CSV.
std::map<std::string, std::string> read_entities(const fs::path& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "entity_id,source,record_id");
  std::map<std::string, std::string> out;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (cells.size() == 3) out[cells[2]] = cells[0];
  }
  return out;
}

struct Scores {
  double precision = 0, recall = 0, f1 = 0;
};

// Pairwise scores from the contingency of (predicted, true) cluster labels.
Scores pairwise(const std::map<std::string, std::string>& predicted, const std::map<std::string, std::string>& truth) {
  std::map<std::string, double> p, t;
  std::map<std::pair<std::string, std::string>, double> both;
  for (const auto& [record, entity] : predicted) {
    const std::string& cluster = truth.at(record);
    p[entity] += 1;
    t[cluster] += 1;
    both[{entity, cluster}] += 1;
  }
  auto pairs = [](double n) { return n * (n - 1) / 2; };
  double tp = 0, pp = 0, tt = 0;
  for (const auto& [k, n] : both) tp += pairs(n);
  for (const auto& [k, n] : p) pp += pairs(n);
  for (const auto& [k, n] : t) tt += pairs(n);
  Scores s;
  s.precision = pp > 0 ? tp / pp : 0;
  s.recall = tt > 0 ? tp / tt : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

Scores resolve_and_score(const std::string& csv, const std::string& spec,
                         const std::map<std::string, std::string>& truth) {
  TempDir dir("er");
  const std::string db = (dir.path() / "case.db").string();
  EXPECT_EQ(run_cli("import " + db + " --spec " + (kSpecs / spec).string() + " " + (kData / csv).string(), dir.path())
                .exit_code,
            0);
  const Outcome resolved =
      run_cli("resolve " + db + " --review-queue " + (dir.path() / "review.csv").string(), dir.path());
  EXPECT_EQ(resolved.exit_code, 0) << resolved.out << resolved.err;
  EXPECT_EQ(
      run_cli("entities " + db + " --format csv -o " + (dir.path() / "entities.csv").string(), dir.path()).exit_code,
      0);
  EXPECT_TRUE(fs::exists(dir.path() / "review.csv"));
  const auto predicted = read_entities(dir.path() / "entities.csv");
  EXPECT_EQ(predicted.size(), truth.size());
  const Scores s = pairwise(predicted, truth);
  std::cout << csv << ": P " << s.precision << " R " << s.recall << " F1 " << s.f1 << "\n"
            << resolved.out << resolved.err;
  return s;
}

std::map<std::string, std::string> febrl_truth(const std::string& csv) {
  std::ifstream in(kData / csv);
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::string> truth;
  while (std::getline(in, line)) {
    const std::string id = split(line).at(0);  // rec-N-org / rec-N-dup-k
    truth[id] = id.substr(4, id.find('-', 4) - 4);
  }
  return truth;
}

std::map<std::string, std::string> fake_truth() {
  std::ifstream in(kData / "fake_1000.csv");
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::string> truth;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    truth[cells.at(0)] = cells.at(6);
  }
  return truth;
}

TEST(EntityResolutionBenchmarks, Febrl1) {
  const Scores s = resolve_and_score("febrl1.csv", "febrl.toml", febrl_truth("febrl1.csv"));
  EXPECT_GE(s.f1, 0.95);
}

TEST(EntityResolutionBenchmarks, Febrl2) {
  const Scores s = resolve_and_score("febrl2.csv", "febrl.toml", febrl_truth("febrl2.csv"));
  EXPECT_GE(s.f1, 0.95);
}

TEST(EntityResolutionBenchmarks, Fake1000) {
  const Scores s = resolve_and_score("fake_1000.csv", "fake_1000.toml", fake_truth());
  EXPECT_GE(s.f1, 0.90);
}

// entity id of a record, from a fresh entities CSV.
std::string entity_of(const std::string& db, const std::string& record, const fs::path& dir) {
  EXPECT_EQ(run_cli("entities " + db + " -o " + (dir / "e.csv").string(), dir).exit_code, 0);
  return read_entities(dir / "e.csv").at(record);
}

TEST(EntityResolutionDecisions, UnmergeRejectConfirmRoundTrip) {
  TempDir dir("er");
  const std::string db = (dir.path() / "case.db").string();
  ASSERT_EQ(run_cli("import " + db + " --spec " + (kSpecs / "fake_1000.toml").string() + " " +
                        (kData / "fake_1000.csv").string(),
                    dir.path())
                .exit_code,
            0);
  ASSERT_EQ(run_cli("resolve " + db, dir.path()).exit_code, 0);
  // Records 11, 12, 13 of fake_1000 are one person (Isla Hall, one with names swapped).
  const std::string joined = entity_of(db, "11", dir.path());
  ASSERT_EQ(entity_of(db, "13", dir.path()), joined);
  // Entity ids are the import order: record r is entity r+1 in a fresh case.
  const std::string a = std::to_string(std::stoi("11") + 1), b = std::to_string(std::stoi("13") + 1);

  Outcome r = run_cli("resolve " + db + " --reject " + a + " " + b, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(entity_of(db, "11", dir.path()), entity_of(db, "13", dir.path()));
  // A later resolve never redecides: they stay apart.
  ASSERT_EQ(run_cli("resolve " + db, dir.path()).exit_code, 0);
  EXPECT_NE(entity_of(db, "11", dir.path()), entity_of(db, "13", dir.path()));

  r = run_cli("resolve " + db + " --confirm " + a + " " + b, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(entity_of(db, "11", dir.path()), entity_of(db, "13", dir.path()));

  r = run_cli("resolve " + db + " --unmerge " + a, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(entity_of(db, "11", dir.path()), a);  // alone again: its own id
  EXPECT_NE(entity_of(db, "13", dir.path()), a);
  ASSERT_EQ(run_cli("resolve " + db, dir.path()).exit_code, 0);
  EXPECT_EQ(entity_of(db, "11", dir.path()), a);  // and stays so

  // Bad usage: not a person entity, or two actions at once.
  EXPECT_EQ(run_cli("resolve " + db + " --unmerge 999999", dir.path()).exit_code, 2);
  EXPECT_EQ(run_cli("resolve " + db + " --confirm " + a + " " + a, dir.path()).exit_code, 2);
  // Only csv is a format.
  EXPECT_EQ(run_cli("entities " + db + " --format json", dir.path()).exit_code, 2);
}

}  // namespace
