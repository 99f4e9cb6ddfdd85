// Tests for importers/graph_file: edge lists (line ends, comments, headers,
// quotes, separators, gzip), GML, GraphML, and errors that name file and line.
// Counts for the real networks are networkx 2.8.8's (read_gml(label='id')) and
// those printed in ../shared/data/*/SOURCE.txt.
#include "importers/graph_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "tests/reference_graphs.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;

const fs::path kGraphs = test_data::fixtures() / "graphs";
const fs::path kData = test_data::shared_data();

// A file under a per-process temporary folder, removed with the folder.
class TempFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("casegraph_graph_file_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path dir_;
};

// Edges as (name, name) -> weight, order-free, for comparing loads.
std::map<std::pair<std::string, std::string>, double> edge_map(const LoadedGraph& g) {
  std::map<std::pair<std::string, std::string>, double> out;
  for (VertexId v = 0; v < g.graph.num_vertices(); ++v)
    for (ArcIndex a = g.graph.arc_begin(v); a < g.graph.arc_end(v); ++a)
      out[{g.names[v], g.names[g.graph.target(a)]}] = g.graph.weight(a);
  return out;
}

std::string error_of(const fs::path& path, const GraphFileOptions& options) {
  try {
    read_graph_file(path, options);
  } catch (const GraphFileError& e) {
    return e.what();
  }
  return "no error";
}

GraphFileOptions weighted_options() {
  GraphFileOptions o;
  o.weighted = true;
  return o;
}

using GraphFileTest = TempFiles;

TEST_F(GraphFileTest, EveryLineEndStyleReadsTheSameGraphAndCountsLines) {
  const std::string lines[] = {"# comment", "a b 1", "", "b c 2.5", "% another comment", "c a 3", "a d x"};
  const std::map<std::string, std::string> styles = {
      {"lf", "\n"}, {"crlf", "\r\n"}, {"crcrlf", "\r\r\n"}, {"cr", "\r"}};
  for (const auto& [style, end] : styles) {
    std::string good;
    for (int i = 0; i < 6; ++i) good += lines[i] + end;
    LoadedGraph g = read_graph_file(write(style + ".txt", good), weighted_options());
    EXPECT_EQ(g.names, (std::vector<std::string>{"a", "b", "c"})) << style;
    EXPECT_EQ(g.graph.num_edges(), 3u) << style;
    EXPECT_DOUBLE_EQ(edge_map(g).at({"b", "c"}), 2.5) << style;
    // The bad weight sits on the 7th line, whatever the line ends.
    std::string bad = good + lines[6] + end;
    EXPECT_NE(error_of(write(style + "_bad.txt", bad), weighted_options()).find(":7: bad weight 'x'"),
              std::string::npos)
        << style;
  }
  // No line end after the last line.
  EXPECT_EQ(read_graph_file(write("noeol.txt", "a b\nb c"), {}).graph.num_edges(), 2u);
}

TEST_F(GraphFileTest, CrCrLfFixtureAndEmailEuCore) {
  LoadedGraph g = read_graph_file(kGraphs / "crcrlf.txt", {});
  EXPECT_EQ(g.names, (std::vector<std::string>{"0", "1", "2", "3"}));
  EXPECT_EQ(g.graph.num_edges(), 3u);
  // SNAP email-Eu-core, CR CR LF: 1005 nodes, 25571 arcs of which 642 self-loops,
  // 16064 undirected simple edges (SOURCE.txt).
  LoadedGraph email = read_graph_file(kData / "perf/email_eu_core/email-Eu-core.txt", {});
  EXPECT_EQ(email.graph.num_vertices(), 1005u);
  EXPECT_EQ(email.graph.num_edges(), 16064u);
  EXPECT_EQ(email.self_loops_dropped, 642u);
  EXPECT_EQ(email.self_loops_dropped + email.duplicate_edges_merged + email.graph.num_edges(), 25571u);
  GraphFileOptions directed;
  directed.directed = true;
  LoadedGraph arcs = read_graph_file(kData / "perf/email_eu_core/email-Eu-core.txt", directed);
  EXPECT_EQ(arcs.graph.num_arcs() + arcs.self_loops_dropped + arcs.duplicate_edges_merged, 25571u);
}

TEST_F(GraphFileTest, HeaderDetection) {
  // Known header words, any separator and case.
  EXPECT_EQ(read_graph_file(write("h1.tsv", "source\ttarget\tweight\n1\t2\t3\n"), weighted_options()).names,
            (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(read_graph_file(write("h2.csv", "From,To\nx,y\n"), {}).names, (std::vector<std::string>{"x", "y"}));
  // A non-numeric third field followed by numeric ones is a header too.
  EXPECT_EQ(read_graph_file(write("h3.txt", "p1 p2 calls\nann bo 4\n"), weighted_options()).names,
            (std::vector<std::string>{"ann", "bo"}));
  // Names are not a header: every line's third field is a label, kept unweighted.
  LoadedGraph labels = read_graph_file(write("h4.txt", "ann bo friend\nbo cy sibling\n"), {});
  EXPECT_EQ(labels.names, (std::vector<std::string>{"ann", "bo", "cy"}));
  // Numeric first line: data.
  EXPECT_EQ(read_graph_file(write("h5.txt", "7 8 1\n8 9 2\n"), weighted_options()).graph.num_edges(), 2u);
  // A header word as a quoted name is data.
  EXPECT_EQ(read_graph_file(write("h6.txt", "\"from\" \"to\"\n"), {}).names,
            (std::vector<std::string>{"from", "to"}));
}

TEST_F(GraphFileTest, QuotedNamesAndCommaSeparatedFixture) {
  LoadedGraph g = read_graph_file(kGraphs / "quoted.csv", weighted_options());
  EXPECT_EQ(g.names, (std::vector<std::string>{"Okafor, Chidi", "Nguyen \"Tam\" Van", "Ruiz"}));
  auto e = edge_map(g);
  EXPECT_DOUBLE_EQ(e.at({"Okafor, Chidi", "Nguyen \"Tam\" Van"}), 2.0);
  EXPECT_DOUBLE_EQ(e.at({"Ruiz", "Nguyen \"Tam\" Van"}), 4.0);
  EXPECT_DOUBLE_EQ(e.at({"Okafor, Chidi", "Ruiz"}), 1.5);
  // Quotes in a blank-separated file keep spaces inside names.
  LoadedGraph blanks = read_graph_file(write("q.txt", "\"Ana Lima\"  \"Ben Cole\" 2\n"), weighted_options());
  EXPECT_EQ(blanks.names, (std::vector<std::string>{"Ana Lima", "Ben Cole"}));
  EXPECT_NE(error_of(write("q_bad.txt", "a b\n\"unterminated b\n"), {}).find(":2: unterminated quoted name"),
            std::string::npos);
}

TEST_F(GraphFileTest, TabSeparatedNamesWithSpaces) {
  // Madrid (Rodriguez, dedup): tab-separated names with spaces, header line.
  LoadedGraph g = read_graph_file(kData / "covert/madrid_train_rodriguez/train.dedup_undirected.tsv", {});
  EXPECT_EQ(g.graph.num_vertices(), 64u);
  EXPECT_EQ(g.graph.num_edges(), 243u);
  EXPECT_EQ(g.names.front(), "Abddenabi Koujma");
  EXPECT_NE(std::find(g.names.begin(), g.names.end(), "Jamal Zougam "), g.names.end())
      << "blanks inside a tab-separated field are part of the name";
  // Same in comma-separated files; a weight may carry blanks.
  LoadedGraph c = read_graph_file(write("sp.csv", "a ,b, 2 \n"), weighted_options());
  EXPECT_EQ(c.names, (std::vector<std::string>{"a ", "b"}));
  EXPECT_EQ(g.duplicate_edges_merged, 0u);
}

TEST_F(GraphFileTest, GzipDetectedByMagicBytesNotName) {
  for (const char* name : {"small.tsv.gz", "gzip_without_extension.txt"}) {
    LoadedGraph g = read_graph_file(kGraphs / name, weighted_options());
    EXPECT_EQ(g.names, (std::vector<std::string>{"u1", "u2", "u3", "u4"})) << name;
    EXPECT_DOUBLE_EQ(edge_map(g).at({"u4", "u3"}), 4.0) << name;
  }
  // LFR n=10,000 mu=0.3: 98,074 edges (GENERATED.tsv), gzip.
  LoadedGraph lfr = read_graph_file(kData / "lfr/lfr_n10000_mu0.3.edges.tsv.gz", {});
  EXPECT_EQ(lfr.graph.num_vertices(), 10000u);
  EXPECT_EQ(lfr.graph.num_edges(), 98074u);
  // A truncated gzip stream is an error, not a short graph.
  std::ifstream in(kGraphs / "small.tsv.gz", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string err = error_of(write("cut.gz", bytes.substr(0, bytes.size() / 2)), {});
  EXPECT_NE(err.find("gzip"), std::string::npos) << err;
}

TEST_F(GraphFileTest, SelfLoopsDuplicatesAndIsolates) {
  GraphFileOptions o = weighted_options();
  LoadedGraph g = read_graph_file(write("dup.txt", "a b 1\nb a 2\na a 5\nc d 1\nc d 1\ne\n"), o);
  EXPECT_EQ(g.names, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(g.self_loops_dropped, 1u);
  EXPECT_EQ(g.duplicate_edges_merged, 2u);
  EXPECT_DOUBLE_EQ(edge_map(g).at({"a", "b"}), 3.0);  // merged weights are summed
}

TEST_F(GraphFileTest, OneFieldLineIsAnIsolatedVertex) {
  LoadedGraph g = read_graph_file(write("iso.txt", "a b\nlonely\n"), {});
  EXPECT_EQ(g.names, (std::vector<std::string>{"a", "b", "lonely"}));
  EXPECT_EQ(g.graph.out_degree(2), 0u);
  GraphFileOptions directed;
  directed.directed = true;
  LoadedGraph d = read_graph_file(write("dir.txt", "a b\nb a\nb c\n"), directed);
  EXPECT_TRUE(d.graph.directed());
  EXPECT_EQ(d.graph.num_arcs(), 3u);
  EXPECT_EQ(d.duplicate_edges_merged, 0u);
}

TEST_F(GraphFileTest, GmlReferenceNetworks) {
  struct Case {
    const char* file;
    VertexId n;
    ArcIndex m;
    double total_weight;
    bool weighted;  // football, dolphins, polbooks have no edge weights
  };
  // networkx read_gml(label='id'): nodes, edges, size(weight='value').
  for (const Case& c : {Case{"football.gml", 115, 613, 613, false}, Case{"lesmis.gml", 77, 254, 820, true},
                        Case{"dolphins.gml", 62, 159, 159, false}, Case{"polbooks.gml", 105, 441, 441, false},
                        Case{"netscience.gml", 1589, 2742, 1189.9997241999956, true}}) {
    GraphFileOptions o;
    o.weighted = c.weighted;
    LoadedGraph g = read_graph_file(kData / "graphs" / c.file, o);
    EXPECT_EQ(g.graph.num_vertices(), c.n) << c.file;
    EXPECT_EQ(g.graph.num_edges(), c.m) << c.file;
    EXPECT_FALSE(g.graph.directed());
    double total = 0;
    for (ArcIndex a = 0; a < g.graph.num_arcs(); ++a) total += g.graph.weight(a);
    EXPECT_NEAR(total / 2, c.total_weight, 1e-4) << c.file;  // weights are stored as float
    EXPECT_EQ(g.names.front(), "0") << "names are GML ids";
  }
  // Karate ships as a TSV: 34 nodes, 78 edges, total weight 231.
  LoadedGraph karate = read_graph_file(kData / "graphs/karate.edges.tsv", weighted_options());
  EXPECT_EQ(karate.graph.num_vertices(), 34u);
  EXPECT_EQ(karate.graph.num_edges(), 78u);
  double total = 0;
  for (ArcIndex a = 0; a < karate.graph.num_arcs(); ++a) total += karate.graph.weight(a);
  EXPECT_DOUBLE_EQ(total / 2, 231.0);
  // Football's node `value` (conference) is not an edge weight: weighted read fails.
  EXPECT_NE(error_of(kData / "graphs/football.gml", weighted_options()).find("edge has no weight or value"),
            std::string::npos);
}

TEST_F(GraphFileTest, GmlDirectedNestedListsEntitiesAndIsolates) {
  LoadedGraph g = read_graph_file(kGraphs / "directed.gml", weighted_options());
  EXPECT_TRUE(g.graph.directed()) << "the file's `directed 1` wins over options";
  EXPECT_EQ(g.names, (std::vector<std::string>{"10", "20", "30"}));
  EXPECT_EQ(g.graph.num_arcs(), 2u);
  auto e = edge_map(g);
  EXPECT_DOUBLE_EQ(e.at({"10", "20"}), 3.0) << "weight is preferred over value";
  EXPECT_DOUBLE_EQ(e.at({"20", "10"}), 1.0);
  EXPECT_EQ(g.graph.out_degree(2), 0u);
  // Without `weighted` the weights are ignored.
  EXPECT_FALSE(read_graph_file(kGraphs / "directed.gml", {}).graph.weighted());
}

TEST_F(GraphFileTest, GmlErrorsNameTheLine) {
  EXPECT_NE(error_of(kGraphs / "undeclared_node.gml", {}).find("undeclared_node.gml:14: edge target 7 is not a declared node"),
            std::string::npos)
      << error_of(kGraphs / "undeclared_node.gml", {});
  EXPECT_NE(error_of(write("open.gml", "graph [\n  node [\n    id 1\n"), {}).find(":2: unclosed '['"),
            std::string::npos);
  EXPECT_NE(error_of(write("twice.gml", "graph [\n node [ id 1 ]\n node [ id 1 ]\n]\n"), {}).find(":3: node id 1 declared twice"),
            std::string::npos);
  EXPECT_NE(error_of(write("w.gml", "graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2\n weight \"heavy\" ]\n]\n"),
                     weighted_options())
                .find(":5: bad weight 'heavy'"),
            std::string::npos);
  EXPECT_NE(error_of(write("none.gml", "Creator \"nobody\"\n"), {}).find("no 'graph [ ... ]' block"), std::string::npos);
}

TEST_F(GraphFileTest, GraphmlFixture) {
  LoadedGraph g = read_graph_file(kGraphs / "small.graphml", weighted_options());
  EXPECT_EQ(g.names, (std::vector<std::string>{"ana", "ben", "chidi", "dara"}));
  EXPECT_FALSE(g.graph.directed());
  EXPECT_EQ(g.graph.num_edges(), 2u);
  EXPECT_EQ(g.self_loops_dropped, 1u);
  EXPECT_EQ(g.duplicate_edges_merged, 1u);
  auto e = edge_map(g);
  EXPECT_DOUBLE_EQ(e.at({"ana", "ben"}), 2.5);
  EXPECT_DOUBLE_EQ(e.at({"ben", "chidi"}), 1.5) << "the key's <default>";
  EXPECT_EQ(g.graph.out_degree(3), 0u);

  EXPECT_NE(error_of(write("u.graphml",
                           "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n"
                           "<edge source=\"a\" target=\"zz\"/>\n</graph>\n</graphml>\n"),
                     {})
                .find("u.graphml:4: edge target 'zz' is not a declared node"),
            std::string::npos);
  EXPECT_NE(error_of(write("broken.graphml", "<graphml>\n<graph>\n<node id=\"a\">\n</graphml>\n"), {}).find("XML error"),
            std::string::npos);
}

TEST_F(GraphFileTest, UnreadableAndBadInput) {
  std::string err = error_of(dir_ / "missing.txt", {});
  EXPECT_NE(err.find("missing.txt: cannot open"), std::string::npos) << err;
  err = error_of(kGraphs / "bad_weight.txt", weighted_options());
  EXPECT_NE(err.find("bad_weight.txt:3: bad weight 'x2'"), std::string::npos) << err;
  err = error_of(write("nowt.txt", "a b 1\nb c\n"), weighted_options());
  EXPECT_NE(err.find(":2: no weight"), std::string::npos) << err;
  err = error_of(write("nan.txt", "a b nan\n"), weighted_options());
  EXPECT_NE(err.find(":1: bad weight 'nan'"), std::string::npos) << err;
  err = error_of(write("empty_name.csv", "a,b\n,c\n"), {});
  EXPECT_NE(err.find(":2: empty vertex name"), std::string::npos) << err;
  // An empty file is the null graph.
  EXPECT_EQ(read_graph_file(write("empty.txt", ""), {}).graph.num_vertices(), 0u);
}

// Integer names take a fast path (looked up by value, not text). A real
// network read with integer names must give the same graph, vertex for vertex,
// as the same file with every name made text ("v" + number), which takes the
// general path.
TEST_F(GraphFileTest, IntegerNamesGiveTheSameGraphAsTextNames) {
  std::ifstream in(kData / "perf/email_eu_core/email-Eu-core.txt", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string texted;
  bool at_name = true;
  for (char c : bytes) {
    bool digit = c >= '0' && c <= '9';
    if (digit && at_name) texted += 'v';
    at_name = !digit;
    texted += c;
  }
  fs::path as_text = write("email_text_names.txt", texted);
  for (bool directed : {false, true}) {
    GraphFileOptions o;
    o.directed = directed;
    LoadedGraph by_value = read_graph_file(kData / "perf/email_eu_core/email-Eu-core.txt", o);
    LoadedGraph by_text = read_graph_file(as_text, o);
    ASSERT_EQ(by_value.names.size(), 1005u);
    ASSERT_EQ(by_text.names.size(), by_value.names.size());
    for (std::size_t v = 0; v < by_value.names.size(); ++v)
      ASSERT_EQ("v" + by_value.names[v], by_text.names[v]) << v;
    EXPECT_EQ(by_value.graph.offsets(), by_text.graph.offsets());
    EXPECT_EQ(by_value.graph.targets(), by_text.graph.targets());
    EXPECT_EQ(by_value.self_loops_dropped, by_text.self_loops_dropped);
    EXPECT_EQ(by_value.duplicate_edges_merged, by_text.duplicate_edges_merged);
  }
  // First-seen order is the file's, not numeric: the first line is "0 1", then 2, 3, ...
  // as they appear (email-Eu-core's second line is "2 3").
  LoadedGraph email = read_graph_file(kData / "perf/email_eu_core/email-Eu-core.txt", {});
  EXPECT_EQ(std::vector<std::string>(email.names.begin(), email.names.begin() + 4),
            (std::vector<std::string>{"0", "1", "2", "3"}));
}

// Only canonical integers are numbers: "7", "007", "+7", "7.0" are four names;
// a quoted "7" is still the name 7; values past the flat array and past 2^64
// keep their text; ids follow first appearance whichever path a name takes.
TEST_F(GraphFileTest, IntegerLookingNamesKeepTheirText) {
  LoadedGraph g = read_graph_file(write("ints.txt",
                                        "5 x\n"
                                        "007 7\n"
                                        "\"7\" +7\n"
                                        "7.0 5\n"
                                        "1000000000000 18446744073709551615\n"
                                        "18446744073709551616 1000000000000\n"
                                        "0 00\n"
                                        "18446744073709551615 x\n"),
                                  {});
  EXPECT_EQ(g.names, (std::vector<std::string>{"5", "x", "007", "7", "+7", "7.0", "1000000000000",
                                               "18446744073709551615", "18446744073709551616", "0", "00"}));
  auto edges = edge_map(g);
  EXPECT_EQ(edges.size(), 2u * 8u);  // eight lines, eight different edges ("7"-"+7" is not "7"-"007")
  EXPECT_TRUE(edges.count({"7", "+7"}));
  EXPECT_TRUE(edges.count({"7.0", "5"}));
  EXPECT_TRUE(edges.count({"18446744073709551616", "1000000000000"}));
  EXPECT_TRUE(edges.count({"18446744073709551615", "x"}));
  // GML looks edges up by node id through the same table, small and large ids alike.
  LoadedGraph gml = read_graph_file(
      write("big_ids.gml", "graph [\n node [ id 99999999999 ]\n node [ id 3 ]\n node [ id \"03\" ]\n"
                           " edge [ source 3 target 99999999999 ]\n edge [ source \"03\" target 3 ]\n]\n"),
      {});
  EXPECT_EQ(gml.names, (std::vector<std::string>{"99999999999", "3", "03"}));
  EXPECT_TRUE(edge_map(gml).count({"3", "99999999999"}));
  EXPECT_TRUE(edge_map(gml).count({"03", "3"}));
  std::string err = error_of(write("undeclared.gml", "graph [\n node [ id 99999999999 ]\n edge [ source 99999999999 "
                                                     "target 99999999998 ]\n]\n"),
                             {});
  EXPECT_NE(err.find(":3: edge target 99999999998 is not a declared node"), std::string::npos) << err;
}

// Undirected loads build their rows in the reader, not through
// CsrGraph::from_edges. The rows must be the ones from_edges gives: the
// directed load of the same file (same vertex ids) made undirected by
// CsrGraph::as_undirected (from_edges) must match array for array, on a real
// network with self-loops and repeats (email-Eu-core) and a weighted one
// whose weights sum exactly (karate, integer weights; a repeated line added).
TEST_F(GraphFileTest, UndirectedRowsMatchTheGenericBuilder) {
  std::ifstream in(kData / "graphs/karate.edges.tsv", std::ios::binary);
  std::string karate((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::path karate_plus = write("karate_plus.tsv", karate + "1\t0\t2\n0\t1\t3\n5\t5\t7\n");
  struct Case {
    fs::path file;
    bool weighted;
  };
  for (const Case& c : {Case{kData / "perf/email_eu_core/email-Eu-core.txt", false}, Case{karate_plus, true}}) {
    GraphFileOptions o;
    o.weighted = c.weighted;
    LoadedGraph undirected = read_graph_file(c.file, o);
    o.directed = true;
    LoadedGraph directed = read_graph_file(c.file, o);
    ASSERT_EQ(undirected.names, directed.names) << c.file;
    CsrGraph expected = directed.graph.as_undirected();
    EXPECT_FALSE(undirected.graph.directed());
    EXPECT_EQ(undirected.graph.offsets(), expected.offsets()) << c.file;
    EXPECT_EQ(undirected.graph.targets(), expected.targets()) << c.file;
    EXPECT_EQ(undirected.graph.weights(), expected.weights()) << c.file;
    EXPECT_EQ(undirected.graph.weighted(), c.weighted);
  }
  // karate's 0-1 edge weighs 4; the added lines make it 4 + 2 + 3.
  LoadedGraph plus = read_graph_file(karate_plus, weighted_options());
  EXPECT_DOUBLE_EQ(edge_map(plus).at({"0", "1"}), 9.0);
  EXPECT_DOUBLE_EQ(edge_map(plus).at({"1", "0"}), 9.0);
  EXPECT_EQ(plus.self_loops_dropped, 1u);
  EXPECT_EQ(plus.duplicate_edges_merged, 2u);
  EXPECT_EQ(plus.graph.num_edges(), 78u);
}

}  // namespace
}  // namespace casegraph
