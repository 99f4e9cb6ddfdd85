// Entity resolution end to end through the CLI, on the public benchmark
// files in ../shared/data/er: import -> resolve -> entities, and pairwise
// precision, recall and F1 computed from the entities CSV against the files'
// own truth (FEBRL: rec-N-org and rec-N-dup-k share N; fake_1000: the
// `cluster` column, which the mapping spec does not map). Also the
// reversibility of decisions: unmerge, reject, confirm, and a later resolve
// that respects them.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(CASEGRAPH_SHARED_DATA) / "er";
const fs::path kSpecs = fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "er";

class Scratch {
 public:
  Scratch() {
    path_ = fs::temp_directory_path() / ("casegraph-er-" + std::to_string(::getpid()) + "-" + std::to_string(n_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Scratch() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  static inline int n_ = 0;
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CliRun {
  int code = -1;
  std::string out;
};

CliRun casegraph(const std::string& args, const Scratch& dir) {
  const fs::path out = dir / "out.txt";
  const std::string command = std::string(CASEGRAPH_CLI) + " " + args + " >'" + out.string() + "' 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out)};
}

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
  Scratch dir;
  const std::string db = (dir / "case.db").string();
  EXPECT_EQ(casegraph("import " + db + " --spec " + (kSpecs / spec).string() + " " + (kData / csv).string(), dir).code, 0);
  const CliRun resolved = casegraph("resolve " + db + " --review-queue " + (dir / "review.csv").string(), dir);
  EXPECT_EQ(resolved.code, 0) << resolved.out;
  EXPECT_EQ(casegraph("entities " + db + " --format csv -o " + (dir / "entities.csv").string(), dir).code, 0);
  EXPECT_TRUE(fs::exists(dir / "review.csv"));
  const auto predicted = read_entities(dir / "entities.csv");
  EXPECT_EQ(predicted.size(), truth.size());
  const Scores s = pairwise(predicted, truth);
  std::cout << csv << ": P " << s.precision << " R " << s.recall << " F1 " << s.f1 << "\n" << resolved.out;
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
std::string entity_of(const std::string& db, const std::string& record, const Scratch& dir) {
  EXPECT_EQ(casegraph("entities " + db + " -o " + (dir / "e.csv").string(), dir).code, 0);
  return read_entities(dir / "e.csv").at(record);
}

TEST(EntityResolutionDecisions, UnmergeRejectConfirmRoundTrip) {
  Scratch dir;
  const std::string db = (dir / "case.db").string();
  ASSERT_EQ(casegraph("import " + db + " --spec " + (kSpecs / "fake_1000.toml").string() + " " +
                          (kData / "fake_1000.csv").string(),
                      dir).code,
            0);
  ASSERT_EQ(casegraph("resolve " + db, dir).code, 0);
  // Records 11, 12, 13 of fake_1000 are one person (Isla Hall, one with names swapped).
  const std::string joined = entity_of(db, "11", dir);
  ASSERT_EQ(entity_of(db, "13", dir), joined);
  // Entity ids are the import order: record r is entity r+1 in a fresh case.
  const std::string a = std::to_string(std::stoi("11") + 1), b = std::to_string(std::stoi("13") + 1);

  CliRun r = casegraph("resolve " + db + " --reject " + a + " " + b, dir);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(entity_of(db, "11", dir), entity_of(db, "13", dir));
  // A later resolve never redecides: they stay apart.
  ASSERT_EQ(casegraph("resolve " + db, dir).code, 0);
  EXPECT_NE(entity_of(db, "11", dir), entity_of(db, "13", dir));

  r = casegraph("resolve " + db + " --confirm " + a + " " + b, dir);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(entity_of(db, "11", dir), entity_of(db, "13", dir));

  r = casegraph("resolve " + db + " --unmerge " + a, dir);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(entity_of(db, "11", dir), a);  // alone again: its own id
  EXPECT_NE(entity_of(db, "13", dir), a);
  ASSERT_EQ(casegraph("resolve " + db, dir).code, 0);
  EXPECT_EQ(entity_of(db, "11", dir), a);  // and stays so

  // Bad usage: not a person entity, or two actions at once.
  EXPECT_EQ(casegraph("resolve " + db + " --unmerge 999999", dir).code, 2);
  EXPECT_EQ(casegraph("resolve " + db + " --confirm " + a + " " + a, dir).code, 2);
  // Only csv is a format.
  EXPECT_EQ(casegraph("entities " + db + " --format json", dir).code, 2);
}

}  // namespace
