// The cuts applied to a chart before any format writes it: --max-handling,
// --cluster/--depth and --pseudonymise, on a small hand-built chart.
#include <sys/stat.h>

#include <regex>

#include "exporters/chart_filter.h"
#include "exporters/csv_tables.h"
#include "exporters/anx.h"
#include "exporters/cytoscape.h"
#include "exporters/dot.h"
#include "exporters/gexf.h"
#include "exporters/graphml.h"
#include "exporters/neo4j_csv.h"
#include "exporters/pseudonymise.h"
#include "tests/export_test_helpers.h"

namespace casegraph {
namespace {

using namespace export_test;

std::set<std::int64_t> node_ids(const Chart& c) {
  std::set<std::int64_t> out;
  for (const ChartNode& n : c.nodes) out.insert(n.id);
  return out;
}

std::set<std::int64_t> edge_ids(const Chart& c) {
  std::set<std::int64_t> out;
  for (const ChartEdge& e : c.edges) out.insert(e.id);
  return out;
}

TEST(ExportMaxHandling, ParsesTheHandlingCodes) {
  EXPECT_EQ(parse_handling_code("P"), 'P');
  EXPECT_EQ(parse_handling_code("p"), 'P');
  EXPECT_EQ(parse_handling_code("C"), 'C');
  EXPECT_EQ(parse_handling_code("1"), 'P');  // 5x5x5 handling 1
  EXPECT_EQ(parse_handling_code("4"), 'C');  // 5x5x5 handling 2-5
  EXPECT_FALSE(parse_handling_code("X"));
  EXPECT_FALSE(parse_handling_code("PC"));
  EXPECT_FALSE(parse_handling_code(""));
}

TEST(ExportMaxHandling, PLeavesOutConditionedItemsAndTheirTraces) {
  Chart chart = small_case();
  // A vehicle known only from the restricted report: it goes too.
  ChartNode only_in_report = node(11, "vehicle", "YX19 ZZZ");
  only_in_report.sources = {{"intelligence", "INT-2025-0007"}};
  chart.nodes.push_back(only_in_report);
  ChartEdge mentions = edge(109, 40, 11, "mentions");
  mentions.grading = grading("3CC");
  chart.edges.push_back(mentions);
  // A person seen in the report and in an open record keeps the open one.
  chart.nodes[0].sources.push_back({"intelligence", "INT-2025-0007"});
  ASSERT_EQ(chart.nodes[0].id, 3);

  HandlingCut cut;
  const Chart shared = cut_by_handling(chart, 'P', &cut);
  EXPECT_EQ(node_ids(shared), (std::set<std::int64_t>{1, 2, 3, 10, 20, 30, 31}));
  EXPECT_EQ(edge_ids(shared), (std::set<std::int64_t>{100, 101, 102, 103, 104, 105, 106, 107}));
  EXPECT_EQ(cut.nodes_removed, 2u);
  EXPECT_EQ(cut.edges_removed, 2u);
  for (const ChartNode& n : shared.nodes) {
    for (const SourceRef& s : n.sources) EXPECT_NE(s.source, "intelligence") << n.id;
  }
  const auto victim = std::find_if(shared.nodes.begin(), shared.nodes.end(), [](const ChartNode& n) { return n.id == 3; });
  EXPECT_EQ(victim->sources.size(), 2u);
  // The 2BP link is kept: P is not more restrictive than P.
  EXPECT_EQ(edge_ids(shared).count(101), 1u);
}

TEST(ExportMaxHandling, CKeepsEverything) {
  const Chart chart = small_case();
  HandlingCut cut;
  const Chart all = cut_by_handling(chart, 'C', &cut);
  EXPECT_EQ(node_ids(all), node_ids(chart));
  EXPECT_EQ(edge_ids(all), edge_ids(chart));
  EXPECT_EQ(cut.nodes_removed + cut.edges_removed, 0u);
}

TEST(ExportClusterSubset, MembersAndNeighbourhoodByDepth) {
  const Chart chart = small_case();
  const Chart one = cluster_subset(chart, 1, 0);
  EXPECT_EQ(node_ids(one), (std::set<std::int64_t>{1, 3, 10}));
  EXPECT_EQ(edge_ids(one), (std::set<std::int64_t>{102}));  // keeper_of, the only link among them
  EXPECT_EQ(one.run_id, chart.run_id);

  EXPECT_EQ(node_ids(cluster_subset(chart, 2, 0)), (std::set<std::int64_t>{2}));
  EXPECT_TRUE(cluster_subset(chart, 2, 0).edges.empty());
  EXPECT_EQ(node_ids(cluster_subset(chart, 2, 1)), (std::set<std::int64_t>{1, 2}));
  // Depth 2 from the associate: through the suspect to his occurrence, car, phone.
  const Chart two = cluster_subset(chart, 2, 2);
  EXPECT_EQ(node_ids(two), (std::set<std::int64_t>{1, 2, 10, 20, 30}));
  EXPECT_EQ(edge_ids(two), (std::set<std::int64_t>{101, 102, 103, 106}));
  // Links are followed against their direction too: the report mentions the car.
  EXPECT_EQ(node_ids(cluster_subset(chart, 1, 1)).count(40), 1u);
}

TEST(ExportClusterSubset, UnknownRankSaysWhichExist) {
  try {
    cluster_subset(small_case(), 9, 0);
    ADD_FAILURE() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("ranks are 1 to 2"), std::string::npos) << e.what();
  }
}

// --- pseudonymise -------------------------------------------------------------

PseudonymKey key_of(unsigned char fill) {
  PseudonymKey k{};
  k.fill(fill);
  return k;
}

std::string every_format(const Chart& c) {
  std::ostringstream out;
  write_graphml(c, out);
  write_gexf(c, out);
  write_anx(c, out);
  write_cytoscape(c, out);
  write_dot(c, out);
  for (const auto& files : {neo4j_files(c), csv_tables(c)}) {
    for (const ExportFile& f : files) f.write(out);
  }
  return out.str();
}

TEST(ExportPseudonymise, NoNameOrIdentifierLeftInAnyFormat) {
  const Chart chart = small_case();
  const Chart hidden = pseudonymise(chart, key_of(7));
  const std::string bytes = every_format(hidden);
  std::vector<std::string> secrets{chart.case_name, "Kestrel"};
  for (const ChartNode& n : chart.nodes) {
    secrets.push_back(n.label);
    for (const auto& [name, value] : n.attributes) {
      if (!kKeptAttributes.count(name)) secrets.push_back(value);
    }
    for (const SourceRef& s : n.sources) secrets.push_back(s.record_id);
  }
  for (const ChartEdge& e : chart.edges) {
    for (const SourceRef& s : e.sources) secrets.push_back(s.record_id);
  }
  // And the parts an analyst would search for.
  for (const char* part : {"Zofia", "Wójcik", "Chidi", "O'Neill", "Hương", "AB12", "07700900123", "447700900456",
                           "N-000101", "SC-4411", "VK-77", "INT-2025-0007", "2010-04-02"}) {
    secrets.push_back(part);
  }
  for (const std::string& s : secrets) EXPECT_EQ(bytes.find(s), std::string::npos) << "'" << s << "' is in the export";

  // Labels are typed tokens; what describes without identifying stays.
  const std::regex token("(person|vehicle|phone|occurrence|intelligence)-[0-9a-f]{8}");
  for (const ChartNode& n : hidden.nodes) EXPECT_TRUE(std::regex_match(n.label, token)) << n.label;
  const auto find = [&](std::int64_t id) {
    return *std::find_if(hidden.nodes.begin(), hidden.nodes.end(), [&](const ChartNode& n) { return n.id == id; });
  };
  EXPECT_EQ(find(10).attributes.at("make"), "Ford");
  EXPECT_EQ(find(20).attributes.at("offence"), "Sexual activity with a child");
  EXPECT_EQ(find(40).attributes.at("grading"), "3CC");
  EXPECT_EQ(find(3).roles, (std::vector<std::string>{"victim", "missing"}));
  EXPECT_DOUBLE_EQ(find(3).scores.at("pagerank"), 0.125);
  EXPECT_EQ(find(3).start, std::nullopt);
  EXPECT_EQ(find(20).start, chart.nodes[3].start);
  EXPECT_EQ(find(3).sources.at(0).source, "police_nominals");
  EXPECT_EQ(hidden.edges.size(), chart.edges.size());
}

TEST(ExportPseudonymise, SameValueSameTokenSoRecordsStillJoin) {
  const Chart hidden = pseudonymise(small_case(), key_of(1));
  // OCC/2025/0042 is the occurrence's record and the record of two links.
  std::set<std::string> refs;
  for (const ChartEdge& e : hidden.edges) {
    if (e.id == 100 || e.id == 101) refs.insert(e.sources.at(0).record_id);
  }
  for (const ChartNode& n : hidden.nodes) {
    if (n.id == 20) refs.insert(n.sources.at(0).record_id);
  }
  EXPECT_EQ(refs.size(), 1u);
  EXPECT_TRUE(std::regex_match(*refs.begin(), std::regex("rec-[0-9a-f]{8}")));
  // The token is the keyed hash of the value, so the key holder can look one up.
  EXPECT_EQ(*refs.begin(), "rec-" + keyed_token(key_of(1), "OCC/2025/0042", 4));
}

TEST(ExportPseudonymise, SameKeySameOutputOtherKeyOtherOutput) {
  const Chart chart = small_case();
  EXPECT_EQ(every_format(pseudonymise(chart, key_of(3))), every_format(pseudonymise(chart, key_of(3))));
  EXPECT_NE(every_format(pseudonymise(chart, key_of(3))), every_format(pseudonymise(chart, key_of(4))));
}

TEST(ExportPseudonymise, LongerTokensWhenShortOnesWouldMergeTwoPeople) {
  // 70,000 distinct names: a clash among 8-hex-digit tokens is then all but
  // certain (p ~ 1 - exp(-n^2 / 2^33) ~ 0.43 per key; the loop finds a key
  // with one), and the export must widen every token rather than merge them.
  Chart chart;
  for (int i = 0; i < 70000; ++i) chart.nodes.push_back(node(i + 1, "person", "Person " + std::to_string(i)));
  for (unsigned char k = 0; k < 20; ++k) {
    std::set<std::string> short_tokens;
    for (const ChartNode& n : chart.nodes) short_tokens.insert(keyed_token(key_of(k), n.label, 4));
    if (short_tokens.size() == chart.nodes.size()) continue;  // no clash with this key
    const Chart hidden = pseudonymise(chart, key_of(k));
    std::set<std::string> labels;
    for (const ChartNode& n : hidden.nodes) labels.insert(n.label);
    EXPECT_EQ(labels.size(), chart.nodes.size());
    EXPECT_EQ(hidden.nodes[0].label.size(), std::string("person-").size() + 16);
    return;
  }
  GTEST_SKIP() << "no key among 20 gave a clash";
}

TEST(ExportPseudonymise, KeyFileIsCreatedPrivateAndReadBack) {
  TempDir dir;
  const fs::path path = dir.path() / "review.key";
  bool created = false;
  const PseudonymKey first = load_or_create_key(path, &created);
  EXPECT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string text = slurp(path);
  EXPECT_TRUE(std::regex_match(text, std::regex("[0-9a-f]{64}\n"))) << text;
  const PseudonymKey again = load_or_create_key(path, &created);
  EXPECT_FALSE(created);
  EXPECT_EQ(first, again);
  // The key never appears in what it protects.
  const std::string bytes = every_format(pseudonymise(small_case(), first));
  EXPECT_EQ(bytes.find(text.substr(0, 64)), std::string::npos);
  EXPECT_EQ(bytes.find(text.substr(0, 16)), std::string::npos);

  write_all(dir.path() / "bad.key", "not a key\n");
  try {
    load_or_create_key(dir.path() / "bad.key", &created);
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.key"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace casegraph
