// GraphML export: reads back in networkx and igraph with the right values and
// types, is byte-for-byte stable, and is written atomically.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/model/chart.h"
#include "exporters/atomic_file.h"
#include "exporters/graphml.h"
#include "tests/export_test_helpers.h"

namespace casegraph {
namespace {

using namespace export_test;

std::string to_graphml(const Chart& chart) {
  std::ostringstream out;
  write_graphml(chart, out);
  return out.str();
}

// A small case: a victim and a suspect in one occurrence, the suspect's car,
// an associate, two phones with two calls between them; unlike the other export
// tests' case, its attributes clash with GraphML's fixed keys and Gephi's
// drawing properties and hold control characters.
Chart graphml_case() {
  Chart c;
  c.case_name = "Operation Tern & \"Kestrel\" <test>";
  c.run_id = 7;
  ChartNode victim = node(3, "person", "Zofia Wójcik");
  victim.attributes = {{"forename", "Zofia"}, {"surname", "Wójcik"}, {"dob", "2010-04-02"}};
  victim.scores = {{"pagerank", 0.125}, {"betweenness", 3.5}};
  victim.cluster = 1;
  victim.roles = {"victim", "missing"};
  victim.sources = {{"police_nominals", "N-000101"}, {"social_care_missing", "SC-4411"}};

  ChartNode suspect = node(1, "person", "Chidi \"Chi\" O'Neill & Sons <Ltd>");
  // "type" clashes with the fixed key and "pagerank" with a score: both become attr_*.
  suspect.attributes = {{"forename", "Chidi"}, {"surname", "O'Neill & <Sons>"}, {"dob", "1990-01-31"},
                        {"type", "adult"}, {"pagerank", "not a score"}};
  suspect.scores = {{"pagerank", 0.5}};
  suspect.cluster = 1;
  suspect.roles = {"suspect"};
  suspect.sources = {{"police_nominals", "N-000102"}};

  ChartNode associate = node(2, "person", "Nguyễn Thị Hương");
  // CR LF becomes LF; a control character and a stray byte become U+FFFD.
  associate.attributes = {{"forename", "Hương"}, {"note", "line one\r\nline two\x01 end\xff"}, {"empty", ""}};

  ChartNode car = node(10, "vehicle", "AB12 CDE");
  // "color" would be a drawing property in Gephi: it becomes attr_color.
  car.attributes = {{"vrm", "AB12CDE"}, {"make", "Ford"}, {"colour", "Silver"}, {"color", "silver"}};
  car.scores = {{"pagerank", 0.05}};

  ChartNode occurrence = node(20, "occurrence", "OCC/2025/0042");
  occurrence.start = k2025 + 21 * 3600 + 5 * 60;
  occurrence.end = k2025 + 23 * 3600;
  occurrence.attributes = {{"offence", "Sexual activity with a child"}};
  occurrence.sources = {{"police_occurrences", "OCC/2025/0042"}};

  ChartNode phone_a = node(30, "phone", "07700900123");
  ChartNode phone_b = node(31, "phone", "07700900456");

  // Out of id order on purpose: the writer sorts.
  c.nodes = {victim, suspect, associate, occurrence, car, phone_b, phone_a};

  ChartEdge victim_in = edge(100, 3, 20, "victim_in");
  victim_in.start = occurrence.start;
  victim_in.sources = {{"police_occurrences", "OCC/2025/0042"}};
  ChartEdge suspect_in = edge(101, 1, 20, "suspect_in");
  suspect_in.weight = 0.75;
  suspect_in.grading = grading("2BP");
  ChartEdge keeper = edge(102, 1, 10, "keeper_of");
  ChartEdge associate_of = edge(103, 1, 2, "associate_of", false);
  ChartEdge call1 = edge(104, 30, 31, "called");
  call1.start = k2025 + 3600;
  ChartEdge call2 = edge(105, 30, 31, "called");
  call2.start = k2025 + 7200;
  ChartEdge uses_a = edge(106, 1, 30, "uses_phone");
  ChartEdge uses_b = edge(107, 3, 31, "uses_phone");
  c.edges = {suspect_in, victim_in, keeper, associate_of, call2, call1, uses_a, uses_b};
  return c;
}

// Runs tests/scripts/read_graphml.py on `file` and returns its JSON.
json read_back(const fs::path& file, const fs::path& dir) {
  const fs::path script = fs::path(CASEGRAPH_SOURCE_DIR) / "tests/scripts/read_graphml.py";
  const std::string command = "/usr/bin/python3 " + shell_quote(script.string()) + " " + shell_quote(file.string());
  const Outcome r = run_command(command, dir);
  EXPECT_EQ(r.exit_code, 0) << command << " failed:\n" << r.err;
  return json::parse(r.out);
}

const json& attr(const json& lib, const std::string& node, const std::string& name) {
  return lib.at("nodes").at(node).at(name);
}

TEST(GraphML, ReadsBackInNetworkxAndIgraph) {
  TempDir dir;
  const fs::path file = dir.path() / "case.graphml";
  const Chart chart = graphml_case();
  write_file_atomically(file, [&](std::ostream& out) { write_graphml(chart, out); });
  const json result = read_back(file, dir.path());

  for (const char* name : {"networkx", "igraph"}) {
    SCOPED_TRACE(name);
    const json& lib = result.at(name);
    ASSERT_FALSE(lib.contains("error")) << lib.dump();
    EXPECT_EQ(lib.at("node_count"), 7);
    EXPECT_EQ(lib.at("edge_count"), 8);
    EXPECT_TRUE(lib.at("directed").get<bool>());
    EXPECT_TRUE(lib.at("multigraph").get<bool>());  // two calls between the same phones

    EXPECT_EQ(lib.at("graph").at("case").at("value"), "Operation Tern & \"Kestrel\" <test>");

    // Labels and types of every node, exactly, including non-ASCII and XML specials.
    EXPECT_EQ(attr(lib, "n3", "label").at("value"), "Zofia Wójcik");
    EXPECT_EQ(attr(lib, "n1", "label").at("value"), "Chidi \"Chi\" O'Neill & Sons <Ltd>");
    EXPECT_EQ(attr(lib, "n2", "label").at("value"), "Nguyễn Thị Hương");
    EXPECT_EQ(attr(lib, "n10", "label").at("value"), "AB12 CDE");
    EXPECT_EQ(attr(lib, "n20", "label").at("value"), "OCC/2025/0042");
    EXPECT_EQ(attr(lib, "n30", "label").at("value"), "07700900123");
    EXPECT_EQ(attr(lib, "n3", "type").at("value"), "person");
    EXPECT_EQ(attr(lib, "n10", "type").at("value"), "vehicle");
    EXPECT_EQ(attr(lib, "n20", "type").at("value"), "occurrence");
    EXPECT_EQ(attr(lib, "n31", "type").at("value"), "phone");

    // Attributes as strings, with the clashing names prefixed.
    EXPECT_EQ(attr(lib, "n3", "surname").at("value"), "Wójcik");
    EXPECT_EQ(attr(lib, "n3", "dob").at("value"), "2010-04-02");
    EXPECT_EQ(attr(lib, "n1", "surname").at("value"), "O'Neill & <Sons>");
    EXPECT_EQ(attr(lib, "n1", "attr_type").at("value"), "adult");
    EXPECT_EQ(attr(lib, "n1", "attr_pagerank").at("value"), "not a score");
    EXPECT_EQ(attr(lib, "n1", "attr_pagerank").at("type"), "str");
    EXPECT_EQ(attr(lib, "n2", "note").at("value"), "line one\nline two\uFFFD end\uFFFD");
    EXPECT_EQ(attr(lib, "n10", "vrm").at("value"), "AB12CDE");
    EXPECT_EQ(attr(lib, "n10", "attr_color").at("value"), "silver");
    EXPECT_EQ(attr(lib, "n10", "colour").at("value"), "Silver");
    EXPECT_EQ(attr(lib, "n20", "offence").at("value"), "Sexual activity with a child");

    // Run results: scores are floats; roles, sources and times are text.
    EXPECT_EQ(attr(lib, "n3", "pagerank").at("type"), "float");
    EXPECT_DOUBLE_EQ(attr(lib, "n3", "pagerank").at("value").get<double>(), 0.125);
    EXPECT_DOUBLE_EQ(attr(lib, "n3", "betweenness").at("value").get<double>(), 3.5);
    EXPECT_DOUBLE_EQ(attr(lib, "n1", "pagerank").at("value").get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(attr(lib, "n10", "pagerank").at("value").get<double>(), 0.05);
    EXPECT_EQ(attr(lib, "n3", "roles").at("value"), "victim,missing");
    EXPECT_EQ(attr(lib, "n3", "sources").at("value"), "police_nominals:N-000101;social_care_missing:SC-4411");
    EXPECT_EQ(attr(lib, "n20", "start").at("value"), "2025-01-01T21:05:00Z");
    EXPECT_EQ(attr(lib, "n20", "end").at("value"), "2025-01-01T23:00:00Z");
    EXPECT_DOUBLE_EQ(attr(lib, "n3", "cluster").at("value").get<double>(), 1.0);

    // Edges, in link id order.
    const json& edges = lib.at("edges");
    ASSERT_EQ(edges.size(), 8u);
    EXPECT_EQ(edges[0].at("source"), "n3");
    EXPECT_EQ(edges[0].at("target"), "n20");
    EXPECT_EQ(edges[0].at("attributes").at("type").at("value"), "victim_in");
    EXPECT_EQ(edges[0].at("attributes").at("start").at("value"), "2025-01-01T21:05:00Z");
    EXPECT_EQ(edges[0].at("attributes").at("sources").at("value"), "police_occurrences:OCC/2025/0042");
    EXPECT_EQ(edges[1].at("attributes").at("type").at("value"), "suspect_in");
    EXPECT_EQ(edges[1].at("attributes").at("grading").at("value"), "2BP");
    EXPECT_EQ(edges[1].at("attributes").at("weight").at("type"), "float");
    EXPECT_DOUBLE_EQ(edges[1].at("attributes").at("weight").at("value").get<double>(), 0.75);
    EXPECT_EQ(edges[3].at("attributes").at("type").at("value"), "associate_of");
    EXPECT_EQ(edges[3].at("attributes").at("directed").at("type"), "bool");
    EXPECT_FALSE(edges[3].at("attributes").at("directed").at("value").get<bool>());
    EXPECT_TRUE(edges[0].at("attributes").at("directed").at("value").get<bool>());
    EXPECT_EQ(edges[4].at("attributes").at("start").at("value"), "2025-01-01T01:00:00Z");
    EXPECT_EQ(edges[5].at("attributes").at("start").at("value"), "2025-01-01T02:00:00Z");
    EXPECT_EQ(edges[4].at("source"), "n30");
    EXPECT_EQ(edges[5].at("target"), "n31");
  }

  // Where the two libraries differ, by design of each.
  const json& nx = result.at("networkx");
  const json& ig = result.at("igraph");
  EXPECT_EQ(nx.at("class"), "MultiDiGraph");
  EXPECT_EQ(nx.at("graph").at("run_id").at("type"), "int");
  EXPECT_EQ(nx.at("graph").at("run_id").at("value"), 7);
  // networkx keeps long as int; igraph holds every number as a double.
  EXPECT_EQ(attr(nx, "n3", "cluster").at("type"), "int");
  EXPECT_EQ(attr(nx, "n3", "cluster").at("value"), 1);
  EXPECT_EQ(attr(ig, "n3", "cluster").at("type"), "float");
  EXPECT_EQ(nx.at("edges")[0].at("attributes").at("link_id").at("type"), "int");
  EXPECT_EQ(nx.at("edges")[0].at("attributes").at("link_id").at("value"), 100);
  // Absent values: networkx has no attribute, igraph NaN (null here) or "".
  EXPECT_FALSE(nx.at("nodes").at("n2").contains("cluster"));
  EXPECT_FALSE(nx.at("nodes").at("n2").contains("pagerank"));
  EXPECT_FALSE(nx.at("nodes").at("n2").contains("empty"));  // empty strings are not written
  EXPECT_TRUE(attr(ig, "n2", "cluster").at("value").is_null());
  EXPECT_TRUE(attr(ig, "n2", "pagerank").at("value").is_null());
  EXPECT_EQ(attr(ig, "n2", "roles").at("value"), "");
  EXPECT_FALSE(nx.at("edges")[2].at("attributes").contains("grading"));
}

TEST(GraphML, UndirectedWhenNoLinkIsDirected) {
  TempDir dir;
  Chart c;
  c.nodes = {node(1, "person", "Aisha Warsame"), node(2, "person", "Ion Popescu")};
  c.edges = {edge(5, 1, 2, "associate_of", false)};
  const std::string text = to_graphml(c);
  EXPECT_NE(text.find("edgedefault=\"undirected\""), std::string::npos);
  const fs::path file = dir.path() / "u.graphml";
  write_all(file, text);
  const json result = read_back(file, dir.path());
  for (const char* name : {"networkx", "igraph"}) {
    SCOPED_TRACE(name);
    const json& lib = result.at(name);
    ASSERT_FALSE(lib.contains("error")) << lib.dump();
    EXPECT_FALSE(lib.at("directed").get<bool>());
    EXPECT_EQ(lib.at("edge_count"), 1);
  }
}

TEST(GraphML, EmptyChartReadsBack) {
  TempDir dir;
  const fs::path file = dir.path() / "empty.graphml";
  write_all(file, to_graphml(Chart{}));
  const json result = read_back(file, dir.path());
  for (const char* name : {"networkx", "igraph"}) {
    SCOPED_TRACE(name);
    ASSERT_FALSE(result.at(name).contains("error")) << result.at(name).dump();
    EXPECT_EQ(result.at(name).at("node_count"), 0);
    EXPECT_EQ(result.at(name).at("edge_count"), 0);
  }
}

// Two people, a car, one graded link: the whole file, byte for byte. After an
// intended change of format, regenerate with CASEGRAPH_UPDATE_GOLDEN=1.
TEST(GraphML, TinyChartMatchesGoldenFile) {
  Chart c;
  c.case_name = "tiny";
  ChartNode keeper = node(2, "person", "Róisín Ní Bhriain & Co");
  keeper.attributes = {{"dob", "1988-07-14"}, {"forename", "Róisín"}};
  keeper.scores = {{"pagerank", 0.6}, {"degree", 2}};
  keeper.cluster = 4;
  keeper.roles = {"suspect"};
  keeper.sources = {{"police_nominals", "N-000123"}, {"vehicle_keepers", "7"}};
  ChartNode car = node(5, "vehicle", "<KX70 ABC>");
  car.attributes = {{"vrm", "KX70ABC"}};
  ChartNode read = node(9, "sighting", "R1");
  read.start = k2025 + 59;
  c.nodes = {car, keeper, read};
  ChartEdge keeper_of = edge(11, 2, 5, "keeper_of");
  keeper_of.weight = 0.5;
  keeper_of.grading = grading("3C");
  keeper_of.start = k2025;
  keeper_of.sources = {{"vehicle_keepers", "7"}};
  ChartEdge seen = edge(12, 5, 9, "seen_in");
  c.edges = {seen, keeper_of};

  const std::string text = to_graphml(c);
  const fs::path golden = fs::path(CASEGRAPH_SOURCE_DIR) / "tests/golden/graphml_tiny.graphml";
  if (std::getenv("CASEGRAPH_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(golden.parent_path());
    write_all(golden, text);
  }
  ASSERT_TRUE(fs::exists(golden)) << golden;
  EXPECT_EQ(text, slurp(golden));
}

TEST(GraphML, SameChartSameBytesWhateverTheOrder) {
  Chart a = graphml_case();
  Chart b = graphml_case();
  std::reverse(b.nodes.begin(), b.nodes.end());
  std::reverse(b.edges.begin(), b.edges.end());
  EXPECT_EQ(to_graphml(a), to_graphml(a));
  EXPECT_EQ(to_graphml(a), to_graphml(b));
}

TEST(GraphML, RefusesDanglingLinksAndDuplicateNodes) {
  Chart dangling;
  dangling.nodes = {node(1, "person", "A")};
  dangling.edges = {edge(3, 1, 2, "called")};
  try {
    to_graphml(dangling);
    ADD_FAILURE() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("link 3"), std::string::npos) << e.what();
  }
  Chart duplicate;
  duplicate.nodes = {node(1, "person", "A"), node(1, "person", "B")};
  EXPECT_THROW(to_graphml(duplicate), std::invalid_argument);
}

// --- atomic writes ----------------------------------------------------------

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(GraphMLAtomicFile, ReplacesTheTarget) {
  TempDir dir;
  const fs::path file = dir.path() / "out.graphml";
  write_all(file, "old contents");
  write_file_atomically(file, [](std::ostream& out) { out << "new contents"; });
  EXPECT_EQ(slurp(file), "new contents");
  EXPECT_EQ(entries(dir.path()), 1u);  // no temporary left behind
}

TEST(GraphMLAtomicFile, CreatesAMissingTarget) {
  TempDir dir;
  const fs::path file = dir.path() / "fresh.graphml";
  write_file_atomically(file, [](std::ostream& out) { out << std::string(200000, 'x'); });  // > one buffer
  EXPECT_EQ(slurp(file), std::string(200000, 'x'));
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(GraphMLAtomicFile, LeavesTheOldFileWhenTheWriterThrows) {
  TempDir dir;
  const fs::path file = dir.path() / "out.graphml";
  write_all(file, "old contents");
  try {
    write_file_atomically(file, [](std::ostream& out) {
      out << std::string(100000, 'p');  // some of it already on disk
      throw std::runtime_error("writer failed");
    });
    ADD_FAILURE() << "expected the writer's exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "writer failed");
  }
  EXPECT_EQ(slurp(file), "old contents");
  EXPECT_EQ(entries(dir.path()), 1u);  // the temporary was removed
}

TEST(GraphMLAtomicFile, LeavesTheOldFileWhenTheChartIsBad) {
  TempDir dir;
  const fs::path file = dir.path() / "out.graphml";
  write_all(file, "old contents");
  Chart bad;
  bad.edges = {edge(1, 1, 2, "called")};
  EXPECT_THROW(write_file_atomically(file, [&](std::ostream& out) { write_graphml(bad, out); }),
               std::invalid_argument);
  EXPECT_EQ(slurp(file), "old contents");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(GraphMLAtomicFile, KeepsThePermissionsOfTheFileItReplaces) {
  TempDir dir;
  const fs::path file = dir.path() / "restricted.graphml";
  write_all(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  write_file_atomically(file, [](std::ostream& out) { out << "new"; });
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST(GraphMLAtomicFile, FailsWithTheFileNameWhenTheDirectoryIsMissing) {
  TempDir dir;
  const fs::path file = dir.path() / "no_such_dir" / "out.graphml";
  try {
    write_file_atomically(file, [](std::ostream& out) { out << "x"; });
    ADD_FAILURE() << "expected std::system_error";
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("out.graphml"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
}  // namespace casegraph
