// Tests for engine/community: components, modularity, Louvain, partitions.
// Reference figures come from networkx 2.8.8 and python-igraph 0.10.2 via
// tests/scripts/reference_community.py (fixtures in tests/fixtures/reference/).
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/community/components.h"
#include "engine/community/louvain.h"
#include "engine/community/modularity.h"
#include "engine/community/partition.h"

namespace casegraph {
namespace {

const std::string kData = CASEGRAPH_SHARED_DATA;
const std::string kFixtures = std::string(CASEGRAPH_SOURCE_DIR) + "/tests/fixtures/reference/";

// ---------------------------------------------------------------------------
// Loaders. Local and minimal until importers/graph_file.cpp lands: vertex ids
// are the files' integer ids (GML `id`, edge-list integers), which is how the
// reference script numbers them too.

// Whole file, gunzipped when it starts with the gzip magic bytes.
std::string slurp(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buf[1 << 16];
  int got = 0;
  while ((got = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(got));
  gzclose(f);
  return out;
}

struct TestGraph {
  VertexId n = 0;
  std::vector<Edge> edges;
  std::vector<long> node_value;  // GML node `value` (football conference), -1 if absent
  CsrGraph build(bool directed, bool weighted) const { return CsrGraph::from_edges(n, edges, directed, weighted); }
};

// Integer-id edge list: `u v [w]` per line; a first line that is not numeric is
// a header; `#` comments; any of LF, CRLF, CR CR LF.
TestGraph read_edge_list(const std::string& path) {
  std::istringstream in(slurp(path));
  TestGraph g;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '\r') continue;
    std::istringstream fields(line);
    long u = 0;
    long v = 0;
    double w = 1.0;
    if (!(fields >> u >> v)) continue;  // header
    if (!(fields >> w)) w = 1.0;
    g.edges.push_back({static_cast<VertexId>(u), static_cast<VertexId>(v), w});
    g.n = std::max(g.n, static_cast<VertexId>(std::max(u, v) + 1));
  }
  return g;
}

// networkx-written GML: node [ id N value V ], edge [ source S target T value W ].
TestGraph read_gml(const std::string& path) {
  std::istringstream in(slurp(path));
  TestGraph g;
  std::string token;
  std::string block;
  std::map<std::string, double> fields;
  int depth = 0;
  auto close_block = [&] {
    if (block == "node") {
      const auto id = static_cast<VertexId>(fields.at("id"));
      if (id != g.n) throw std::runtime_error("GML node ids not 0..n-1 in order");
      ++g.n;
      g.node_value.push_back(fields.count("value") ? static_cast<long>(fields["value"]) : -1);
    } else if (block == "edge") {
      const double w = fields.count("value") ? fields["value"] : 1.0;
      g.edges.push_back({static_cast<VertexId>(fields.at("source")), static_cast<VertexId>(fields.at("target")), w});
    }
    fields.clear();
    block.clear();
  };
  std::string key;
  while (in >> token) {
    if (token == "[") {
      ++depth;
      if (depth == 2) block = key;
      key.clear();
    } else if (token == "]") {
      if (depth == 2) close_block();
      --depth;
    } else if (key.empty()) {
      key = token;
    } else {
      if (depth == 2 && token[0] != '"') fields[key] = std::stod(token);
      if (token[0] == '"' && token.back() != '"') {  // quoted label with spaces
        std::string rest;
        while (in >> rest && rest.back() != '"') {
        }
      }
      key.clear();
    }
  }
  return g;
}

// vertex<TAB>label files (LFR planted communities, email departments, karate club).
std::vector<CommunityId> read_labels(const std::string& path, VertexId n) {
  std::istringstream in(slurp(path));
  std::vector<CommunityId> labels(n, std::numeric_limits<CommunityId>::max());
  std::map<std::string, CommunityId> names;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    long v = 0;
    std::string label;
    if (!(fields >> v)) continue;
    std::getline(fields >> std::ws, label);
    while (!label.empty() && (label.back() == '\r' || label.back() == ' ')) label.pop_back();
    auto [it, inserted] = names.try_emplace(label, static_cast<CommunityId>(names.size()));
    labels.at(static_cast<std::size_t>(v)) = it->second;
  }
  return labels;
}

// Fixture TSV: header row, then rows as column -> value.
std::vector<std::map<std::string, std::string>> read_fixture(const std::string& name) {
  std::ifstream in(kFixtures + name);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, '\t')) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

const std::map<std::string, std::string>& fixture_row(const std::vector<std::map<std::string, std::string>>& rows,
                                                      const std::map<std::string, std::string>& key) {
  for (const auto& row : rows) {
    bool match = true;
    for (const auto& [k, v] : key) match = match && row.at(k) == v;
    if (match) return row;
  }
  throw std::runtime_error("fixture row not found");
}

// The reference graphs, as the reference script builds them.
CsrGraph karate(bool weighted) { return read_edge_list(kData + "/graphs/karate.edges.tsv").build(false, weighted); }
CsrGraph gml_graph(const std::string& name, bool weighted) {
  return read_gml(kData + "/graphs/" + name).build(false, weighted);
}
CsrGraph email_eu_core() { return read_edge_list(kData + "/perf/email_eu_core/email-Eu-core.txt").build(true, false); }

std::vector<CommunityId> karate_club() { return read_labels(kData + "/graphs/karate.club.tsv", 34); }
std::vector<CommunityId> football_conferences() {
  TestGraph g = read_gml(kData + "/graphs/football.gml");
  return {g.node_value.begin(), g.node_value.end()};
}
std::vector<CommunityId> email_departments() {
  return read_labels(kData + "/perf/email_eu_core/email-Eu-core-department-labels.txt", 1005);
}

CsrGraph undirected(VertexId n, std::vector<Edge> edges, bool weighted = false) {
  return CsrGraph::from_edges(n, edges, false, weighted);
}
CsrGraph directed(VertexId n, std::vector<Edge> edges) { return CsrGraph::from_edges(n, edges, true, false); }

// Two triangles {0,1,2} and {3,4,5} joined by the edge 2-3.
CsrGraph two_triangles() { return undirected(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}); }

bool is_partition_of(const std::vector<CommunityId>& m, CommunityId count) {
  std::vector<bool> used(count, false);
  for (CommunityId c : m) {
    if (c >= count) return false;
    used[c] = true;
  }
  return std::all_of(used.begin(), used.end(), [](bool b) { return b; });
}

// Numbered in order of first vertex: community c first appears after 0..c-1.
bool numbered_by_first_vertex(const std::vector<CommunityId>& m) {
  CommunityId next = 0;
  for (CommunityId c : m) {
    if (c > next) return false;
    if (c == next) ++next;
  }
  return true;
}

// ---------------------------------------------------------------------------
// partition

TEST(Partition, RenumberByFirstVertexAndBySize) {
  std::vector<CommunityId> m = {7, 7, 3, 9, 3, 3};
  EXPECT_EQ(renumber_by_first_vertex(m), 3u);
  EXPECT_EQ(m, (std::vector<CommunityId>{0, 0, 1, 2, 1, 1}));
  // Labels far beyond the vertex count go through the hash path.
  std::vector<CommunityId> big = {4000000000u, 5, 4000000000u};
  EXPECT_EQ(renumber_by_first_vertex(big), 2u);
  EXPECT_EQ(big, (std::vector<CommunityId>{0, 1, 0}));
  m = {7, 7, 3, 9, 3, 3};
  EXPECT_EQ(renumber_by_size(m), 3u);
  EXPECT_EQ(m, (std::vector<CommunityId>{1, 1, 0, 2, 0, 0}));
  std::vector<CommunityId> tie = {5, 4, 4, 5};  // sizes tie: first vertex decides
  renumber_by_size(tie);
  EXPECT_EQ(tie, (std::vector<CommunityId>{0, 1, 1, 0}));
  std::vector<CommunityId> empty;
  EXPECT_EQ(renumber_by_first_vertex(empty), 0u);
  EXPECT_EQ(community_sizes(std::vector<CommunityId>{0, 2, 2}), (std::vector<std::size_t>{1, 0, 2}));
}

TEST(Partition, NmiMatchesIgraph) {
  auto rows = read_fixture("community_nmi.tsv");
  auto mod = [](VertexId n, CommunityId k) {
    std::vector<CommunityId> m(n);
    for (VertexId v = 0; v < n; ++v) m[v] = v % k;
    return m;
  };
  auto div = [](VertexId n, CommunityId k) {
    std::vector<CommunityId> m(n);
    for (VertexId v = 0; v < n; ++v) m[v] = v / k;
    return m;
  };
  std::vector<CommunityId> half(34);
  for (VertexId v = 0; v < 34; ++v) half[v] = v < 17 ? 0 : 1;
  const std::map<std::pair<std::string, std::string>, double> ours = {
      {{"football_conference", "mod12"}, normalized_mutual_information(football_conferences(), mod(115, 12))},
      {{"football_conference", "div10"}, normalized_mutual_information(football_conferences(), div(115, 10))},
      {{"karate_club", "mod2"}, normalized_mutual_information(karate_club(), mod(34, 2))},
      {{"karate_club", "half"}, normalized_mutual_information(karate_club(), half)},
      {{"email_department", "mod5"}, normalized_mutual_information(email_departments(), mod(1005, 5))},
  };
  ASSERT_EQ(rows.size(), ours.size());
  for (const auto& row : rows) {
    const double expected = std::stod(row.at("igraph_nmi"));
    EXPECT_NEAR(ours.at({row.at("a"), row.at("b")}), expected, 1e-12) << row.at("a") << " vs " << row.at("b");
  }
}

TEST(Partition, NmiEdgeCases) {
  const std::vector<CommunityId> a = {0, 0, 1, 1, 2, 2};
  const std::vector<CommunityId> relabelled = {5, 5, 9, 9, 1, 1};
  EXPECT_DOUBLE_EQ(normalized_mutual_information(a, a), 1.0);
  EXPECT_DOUBLE_EQ(normalized_mutual_information(a, relabelled), 1.0);
  const std::vector<CommunityId> one(6, 3);
  const std::vector<CommunityId> alone = {0, 1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(normalized_mutual_information(one, one), 1.0);  // both entropies 0: igraph and sklearn say 1
  EXPECT_DOUBLE_EQ(normalized_mutual_information(one, alone), 0.0);
  EXPECT_DOUBLE_EQ(normalized_mutual_information(std::vector<CommunityId>{}, std::vector<CommunityId>{}), 1.0);
  EXPECT_THROW(normalized_mutual_information(a, std::vector<CommunityId>{0, 1}), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// components

TEST(Components, NullAndEdgelessGraphs) {
  ComponentsResult r = connected_components(CsrGraph{});
  EXPECT_EQ(r.count, 0u);
  EXPECT_TRUE(r.membership.empty());
  EXPECT_TRUE(r.sizes.empty());
  for (bool dir : {false, true}) {
    CsrGraph g = CsrGraph::from_edges(4, std::vector<Edge>{}, dir, false);
    for (ComponentKind kind : {ComponentKind::weak, ComponentKind::strong}) {
      r = connected_components(g, {.kind = kind});
      EXPECT_EQ(r.count, 4u);
      EXPECT_EQ(r.membership, (std::vector<CommunityId>{0, 1, 2, 3}));
      EXPECT_EQ(r.sizes, (std::vector<VertexId>{1, 1, 1, 1}));
    }
  }
}

TEST(Components, SeveralComponentsNumberedByFirstVertex) {
  // {0,3,5}, {1,4}, {2} isolated, {6,7}; a self-loop on 2 is dropped by the builder.
  CsrGraph g = undirected(8, {{5, 3}, {3, 0}, {4, 1}, {2, 2}, {7, 6}});
  ComponentsResult r = connected_components(g);
  EXPECT_EQ(r.count, 4u);
  EXPECT_EQ(r.membership, (std::vector<CommunityId>{0, 1, 2, 0, 1, 0, 3, 3}));
  EXPECT_EQ(r.sizes, (std::vector<VertexId>{3, 2, 1, 2}));
  // On an undirected graph strong components are the connected components.
  EXPECT_EQ(connected_components(g, {.kind = ComponentKind::strong}).membership, r.membership);
}

TEST(Components, DirectedWeakAndStrong) {
  // Cycle 0->1->2->0, then 2->3, cycle 3<->4, 4->5, 6->5, 7 isolated.
  CsrGraph g = directed(8, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {4, 5}, {6, 5}});
  ComponentsResult weak = connected_components(g);
  EXPECT_EQ(weak.count, 2u);
  EXPECT_EQ(weak.membership, (std::vector<CommunityId>{0, 0, 0, 0, 0, 0, 0, 1}));
  ComponentsResult strong = connected_components(g, {.kind = ComponentKind::strong});
  EXPECT_EQ(strong.count, 5u);
  EXPECT_EQ(strong.membership, (std::vector<CommunityId>{0, 0, 0, 1, 1, 2, 3, 4}));
  EXPECT_EQ(strong.sizes, (std::vector<VertexId>{3, 2, 1, 1, 1}));
}

// Verifier: Boost.Graph's strong_components on random digraphs, compared as
// partitions (same blocks), since BGL numbers components differently.
TEST(Components, StrongMatchesBoostGraphOnRandomDigraphs) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    const VertexId n = 1 + static_cast<VertexId>(rng() % 200);
    const std::size_t m = rng() % (3 * n);
    std::vector<Edge> edges;
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> bg(n);
    for (std::size_t i = 0; i < m; ++i) {
      const auto u = static_cast<VertexId>(rng() % n);
      const auto v = static_cast<VertexId>(rng() % n);
      edges.push_back({u, v});
      boost::add_edge(u, v, bg);
    }
    ComponentsResult ours = connected_components(directed(n, edges), {.kind = ComponentKind::strong});
    std::vector<int> theirs(n);
    const int count = boost::strong_components(
        bg, boost::make_iterator_property_map(theirs.begin(), boost::get(boost::vertex_index, bg)));
    ASSERT_EQ(ours.count, static_cast<CommunityId>(count)) << "trial " << trial;
    std::vector<CommunityId> relabelled(theirs.begin(), theirs.end());
    renumber_by_first_vertex(relabelled);
    EXPECT_EQ(ours.membership, relabelled) << "trial " << trial;
    EXPECT_TRUE(numbered_by_first_vertex(ours.membership));
  }
}

// Long paths would overflow a recursive search; ours keeps its own stack.
TEST(Components, LongPathAndCycleWithoutRecursion) {
  const VertexId n = 100000;
  std::vector<Edge> path;
  for (VertexId v = 0; v + 1 < n; ++v) path.push_back({v, v + 1});
  ComponentsResult r = connected_components(directed(n, path), {.kind = ComponentKind::strong});
  EXPECT_EQ(r.count, n);
  EXPECT_EQ(r.membership[n - 1], n - 1);
  path.push_back({n - 1, 0});
  r = connected_components(directed(n, path), {.kind = ComponentKind::strong});
  EXPECT_EQ(r.count, 1u);
  EXPECT_EQ(connected_components(directed(n, path)).count, 1u);
}

std::vector<VertexId> sizes_descending(std::vector<VertexId> sizes) {
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  return sizes;
}

std::vector<VertexId> parse_sizes(const std::string& text) {
  std::vector<VertexId> out;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(static_cast<VertexId>(std::stoul(item)));
  return out;
}

TEST(Components, NetscienceMatchesNetworkx) {
  auto rows = read_fixture("community_components.tsv");
  const auto& row = fixture_row(rows, {{"graph", "netscience"}, {"kind", "weak"}});
  ComponentsResult r = connected_components(gml_graph("netscience.gml", false));
  EXPECT_EQ(r.count, 396u);
  EXPECT_EQ(r.count, std::stoul(row.at("count")));
  EXPECT_EQ(sizes_descending(r.sizes), parse_sizes(row.at("sizes_descending")));
  EXPECT_TRUE(numbered_by_first_vertex(r.membership));
}

TEST(Components, EmailEuCoreMatchesNetworkx) {
  auto rows = read_fixture("community_components.tsv");
  CsrGraph g = email_eu_core();
  ASSERT_EQ(g.num_vertices(), 1005u);
  for (auto [kind, name] : {std::pair{ComponentKind::weak, "weak"}, std::pair{ComponentKind::strong, "strong"}}) {
    const auto& row = fixture_row(rows, {{"graph", "email_eu_core"}, {"kind", name}});
    ComponentsResult r = connected_components(g, {.kind = kind});
    EXPECT_EQ(r.count, std::stoul(row.at("count"))) << name;
    EXPECT_EQ(*std::max_element(r.sizes.begin(), r.sizes.end()), std::stoul(row.at("largest"))) << name;
    EXPECT_EQ(sizes_descending(r.sizes), parse_sizes(row.at("sizes_descending"))) << name;
  }
}

// ---------------------------------------------------------------------------
// modularity

TEST(Modularity, HandComputedExamples) {
  // Two triangles joined by one edge, split into the triangles:
  // 2 x (3/7 - (7/14)^2) = 5/14.
  CsrGraph g = two_triangles();
  const std::vector<CommunityId> split = {0, 0, 0, 1, 1, 1};
  EXPECT_NEAR(modularity(g, split), 5.0 / 14.0, 1e-15);
  // Resolution scales the null-model term: 6/7 - gamma/2.
  EXPECT_NEAR(modularity(g, split, {.resolution = 0.5}), 6.0 / 7.0 - 0.25, 1e-15);
  // Everything in one community: 1 - gamma.
  EXPECT_NEAR(modularity(g, std::vector<CommunityId>(6, 4)), 0.0, 1e-15);
  // Directed 3-cycle 0->1->2->0 plus 3->0, vertex 3 alone:
  // m = 4; community {0,1,2}: internal 3, out 3, in 4; {3}: out 1, in 0.
  CsrGraph d = directed(4, {{0, 1}, {1, 2}, {2, 0}, {3, 0}});
  EXPECT_NEAR(modularity(d, std::vector<CommunityId>{0, 0, 0, 1}), 3.0 / 4 - 12.0 / 16, 1e-15);
  // The same arcs taken as undirected edges: 2m = 8; tot {0,1,2} = 7, {3} = 1.
  EXPECT_NEAR(modularity(d, std::vector<CommunityId>{0, 0, 0, 1}, {.directed = false}),
              6.0 / 8 - (49.0 + 1.0) / 64, 1e-15);
}

TEST(Modularity, MatchesIgraphOnKnownPartitions) {
  auto rows = read_fixture("community_modularity.tsv");
  ASSERT_EQ(rows.size(), 10u);
  for (const auto& row : rows) {
    const std::string& name = row.at("graph");
    const bool weighted = row.at("weighted") == "1";
    const bool dir = row.at("directed") == "1";
    const double resolution = std::stod(row.at("resolution"));
    CsrGraph g;
    std::vector<CommunityId> membership;
    if (name == "karate") {
      g = karate(weighted);
      membership = karate_club();
    } else if (name == "football") {
      g = gml_graph("football.gml", weighted);
      membership = football_conferences();
    } else if (name == "lesmis") {
      g = gml_graph("lesmis.gml", weighted);
      membership.resize(g.num_vertices());
      for (VertexId v = 0; v < g.num_vertices(); ++v) membership[v] = v % 3;
    } else if (name == "email_eu_core") {
      g = email_eu_core();
      membership = email_departments();
    } else {
      FAIL() << "unknown graph " << name;
    }
    const double q = modularity(g, membership, {.resolution = resolution, .directed = dir});
    EXPECT_NEAR(q, std::stod(row.at("igraph")), 1e-12)
        << name << " " << row.at("partition") << " weighted=" << weighted << " directed=" << dir
        << " resolution=" << resolution;
  }
}

TEST(Modularity, EdgeCasesAndErrors) {
  EXPECT_TRUE(std::isnan(modularity(CsrGraph{}, std::vector<CommunityId>{})));
  CsrGraph edgeless = undirected(3, {});
  EXPECT_TRUE(std::isnan(modularity(edgeless, std::vector<CommunityId>{0, 1, 2})));  // igraph: NaN
  // Singletons: -sum (k_i / 2m)^2; isolated vertex 6 contributes nothing.
  CsrGraph g = undirected(7, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}});
  double expected = 0;
  for (VertexId v = 0; v < 7; ++v) expected -= std::pow(g.out_degree(v) / 14.0, 2);
  EXPECT_NEAR(modularity(g, std::vector<CommunityId>{0, 1, 2, 3, 4, 5, 6}), expected, 1e-15);
  // Labels are arbitrary: large, non-contiguous labels give the same figure.
  EXPECT_NEAR(modularity(g, std::vector<CommunityId>{4000000000u, 4000000000u, 4000000000u, 9, 9, 9, 12}),
              modularity(g, std::vector<CommunityId>{0, 0, 0, 1, 1, 1, 2}), 1e-15);
  EXPECT_THROW(modularity(g, std::vector<CommunityId>{0, 1}), std::invalid_argument);
  CsrGraph negative = undirected(2, {{0, 1, -1.0}}, true);
  EXPECT_THROW(modularity(negative, std::vector<CommunityId>{0, 0}), std::invalid_argument);
  CsrGraph nan = undirected(2, {{0, 1, std::nan("")}}, true);
  EXPECT_THROW(modularity(nan, std::vector<CommunityId>{0, 0}), std::invalid_argument);
  EXPECT_THROW(modularity(g, std::vector<CommunityId>(7, 0), {.resolution = std::nan("")}), std::invalid_argument);
  // Weighted vs unweighted: the weights are used only when the graph has them.
  CsrGraph heavy = undirected(4, {{0, 1, 10}, {2, 3, 10}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}}, true);
  CsrGraph plain = undirected(4, {{0, 1, 10}, {2, 3, 10}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}}, false);
  EXPECT_NEAR(modularity(heavy, std::vector<CommunityId>{0, 0, 1, 1}), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(modularity(plain, std::vector<CommunityId>{0, 0, 1, 1}), -1.0 / 6.0, 1e-15);
}

// ---------------------------------------------------------------------------
// Louvain

void expect_valid(const CsrGraph& g, const LouvainResult& r, double resolution = 1.0) {
  ASSERT_EQ(r.membership.size(), g.num_vertices());
  EXPECT_TRUE(is_partition_of(r.membership, r.count));
  EXPECT_TRUE(numbered_by_first_vertex(r.membership));
  EXPECT_NEAR(r.modularity, modularity(g, r.membership, {.resolution = resolution, .directed = false}), 1e-12);
  ASSERT_EQ(r.level_modularity.size(), r.levels);
  if (r.levels > 0) {
    EXPECT_NEAR(r.level_modularity.back(), r.modularity, 1e-9);
    ASSERT_EQ(r.level_memberships.size(), r.levels);
    EXPECT_EQ(r.level_memberships.back(), r.membership);
  }
  for (std::size_t l = 1; l < r.level_memberships.size(); ++l) {
    EXPECT_GE(r.level_modularity[l], r.level_modularity[l - 1] - 1e-12);
    // Each level merges whole communities of the level before.
    std::vector<CommunityId> parent(r.level_memberships[l - 1].size(), std::numeric_limits<CommunityId>::max());
    for (VertexId v = 0; v < g.num_vertices(); ++v) {
      CommunityId& p = parent[r.level_memberships[l - 1][v]];
      if (p == std::numeric_limits<CommunityId>::max()) p = r.level_memberships[l][v];
      EXPECT_EQ(p, r.level_memberships[l][v]);
    }
  }
}

TEST(Louvain, NullAndEdgelessGraphs) {
  LouvainResult r = louvain(CsrGraph{});
  EXPECT_TRUE(r.membership.empty());
  EXPECT_EQ(r.count, 0u);
  EXPECT_EQ(r.levels, 0u);
  EXPECT_TRUE(std::isnan(r.modularity));
  r = louvain(undirected(5, {}));
  EXPECT_EQ(r.membership, (std::vector<CommunityId>{0, 1, 2, 3, 4}));  // each vertex alone, as igraph
  EXPECT_EQ(r.count, 5u);
  EXPECT_EQ(r.levels, 0u);
  EXPECT_TRUE(std::isnan(r.modularity));
}

TEST(Louvain, IsolatedVerticesAndSeveralComponents) {
  // Triangles {0,1,2} and {4,5,6}, vertices 3 and 7 isolated, 4-clique {8..11}.
  CsrGraph g = undirected(12, {{0, 1}, {1, 2}, {0, 2}, {4, 5}, {5, 6}, {4, 6}, {8, 9}, {8, 10}, {8, 11}, {9, 10},
                               {9, 11}, {10, 11}});
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    LouvainResult r = louvain(g, {.seed = seed});
    expect_valid(g, r);
    EXPECT_EQ(r.membership, (std::vector<CommunityId>{0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 4, 4})) << "seed " << seed;
  }
}

TEST(Louvain, SelfLoopsDroppedByBuilder) {
  std::vector<Edge> edges = {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}};
  CsrGraph plain = undirected(6, edges);
  edges.push_back({0, 0});
  edges.push_back({4, 4, 5.0});
  CsrGraph looped = undirected(6, edges);
  EXPECT_EQ(looped.num_edges(), plain.num_edges());
  LouvainResult a = louvain(plain);
  LouvainResult b = louvain(looped);
  EXPECT_EQ(a.membership, (std::vector<CommunityId>{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(b.membership, a.membership);
  EXPECT_DOUBLE_EQ(b.modularity, 5.0 / 14.0);
}

TEST(Louvain, WeightedVersusUnweighted) {
  // K4 with heavy edges 0-1 and 2-3: weighted, {0,1},{2,3} has Q = 1/3; unweighted,
  // any split of K4 has Q < 0, so everything stays together (Q = 0).
  std::vector<Edge> edges = {{0, 1, 10}, {2, 3, 10}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}};
  LouvainResult w = louvain(undirected(4, edges, true));
  EXPECT_EQ(w.membership, (std::vector<CommunityId>{0, 0, 1, 1}));
  EXPECT_NEAR(w.modularity, 1.0 / 3.0, 1e-12);
  LouvainResult u = louvain(undirected(4, edges, false));
  EXPECT_EQ(u.membership, (std::vector<CommunityId>{0, 0, 0, 0}));
  EXPECT_NEAR(u.modularity, 0.0, 1e-12);
}

TEST(Louvain, DirectedInputUsesUndirectedView) {
  CsrGraph d = email_eu_core();
  LouvainResult on_directed = louvain(d, {.seed = 3});
  LouvainResult on_view = louvain(d.as_undirected(), {.seed = 3});
  EXPECT_EQ(on_directed.membership, on_view.membership);
  EXPECT_DOUBLE_EQ(on_directed.modularity, on_view.modularity);
  expect_valid(d.as_undirected(), on_directed);
}

TEST(Louvain, BadInputIsAnError) {
  EXPECT_THROW(louvain(undirected(2, {{0, 1, -1.0}}, true)), std::invalid_argument);
  EXPECT_THROW(louvain(undirected(2, {{0, 1, std::nan("")}}, true)), std::invalid_argument);
  EXPECT_THROW(louvain(two_triangles(), {.resolution = -1.0}), std::invalid_argument);
  EXPECT_THROW(louvain(two_triangles(), {.resolution = std::nan("")}), std::invalid_argument);
}

TEST(Louvain, DeterministicForASeed) {
  CsrGraph g = gml_graph("football.gml", false);
  std::set<std::vector<CommunityId>> distinct;
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    LouvainResult a = louvain(g, {.seed = seed});
    LouvainResult b = louvain(g, {.seed = seed});
    EXPECT_EQ(a.membership, b.membership) << "seed " << seed;
    EXPECT_EQ(a.modularity, b.modularity) << "seed " << seed;
    EXPECT_EQ(a.level_memberships, b.level_memberships) << "seed " << seed;
    distinct.insert(a.membership);
  }
  // The seed matters: football has many near-optimal partitions.
  EXPECT_GT(distinct.size(), 1u);
  // Without shuffling the seed is irrelevant.
  EXPECT_EQ(louvain(g, {.seed = 1, .shuffle = false}).membership, louvain(g, {.seed = 2, .shuffle = false}).membership);
}

TEST(Louvain, ResolutionControlsCommunitySize) {
  CsrGraph g = gml_graph("lesmis.gml", true);
  CommunityId previous = 0;
  for (double gamma : {0.25, 1.0, 2.0, 4.0}) {
    LouvainResult r = louvain(g, {.resolution = gamma, .seed = 1});
    expect_valid(g, r, gamma);
    EXPECT_GE(r.count, previous) << "gamma " << gamma;
    previous = r.count;
  }
  // gamma = 0: no penalty, so each connected component becomes one community.
  CsrGraph ns = gml_graph("netscience.gml", true);
  LouvainResult r = louvain(ns, {.resolution = 0.0});
  EXPECT_EQ(r.membership, connected_components(ns).membership);
}

// Our Louvain against igraph's community_multilevel on the reference graphs.
// Both are randomised local searches whose runs spread over 0.01-0.03 of
// modularity here, so the comparison is between distributions, over fixed
// seeds (the test is deterministic):
// - mean over 50 seeds >= igraph's mean over 100 seeds - 0.002. Per-run
//   standard deviations are 0.001-0.0034 on football, lesmis, dolphins and
//   polbooks (standard error of the difference of means <= 0.0006, so 0.002
//   is about 3.5 of them) and 0.006-0.007 on karate (standard error 0.0013).
//   Over 500 seeds our means are at most 0.0006 below igraph's 100-seed means
//   (karate weighted, football) and above them on the other four graphs.
// - each run >= igraph's worst run - 0.005, and the best of ours reaches
//   igraph's best to 0.001.
TEST(Louvain, ModularityAtLeastIgraphMultilevel) {
  auto rows = read_fixture("community_louvain.tsv");
  struct Case {
    const char* name;
    bool weighted;
    CsrGraph graph;
  };
  std::vector<Case> cases;
  cases.push_back({"karate", false, karate(false)});
  cases.push_back({"karate", true, karate(true)});
  cases.push_back({"football", false, gml_graph("football.gml", false)});
  cases.push_back({"lesmis", true, gml_graph("lesmis.gml", true)});
  cases.push_back({"dolphins", false, gml_graph("dolphins.gml", false)});
  cases.push_back({"polbooks", false, gml_graph("polbooks.gml", false)});
  for (const Case& c : cases) {
    const auto& row = fixture_row(rows, {{"graph", c.name}, {"weighted", c.weighted ? "1" : "0"}});
    const double ig_min = std::stod(row.at("igraph_min"));
    const double ig_mean = std::stod(row.at("igraph_mean"));
    const double ig_max = std::stod(row.at("igraph_max"));
    double sum = 0;
    double best = -1;
    const int seeds = 50;
    for (int seed = 0; seed < seeds; ++seed) {
      LouvainResult r = louvain(c.graph, {.seed = static_cast<std::uint64_t>(seed)});
      expect_valid(c.graph, r);
      EXPECT_GE(r.modularity, ig_min - 0.005) << c.name << " seed " << seed;
      EXPECT_LE(r.modularity, ig_max + 1e-9) << c.name << " seed " << seed;  // the known optima are not beaten
      sum += r.modularity;
      best = std::max(best, r.modularity);
    }
    const double mean = sum / seeds;
    std::printf("[ louvain ] %-9s weighted=%d  ours mean %.6f max %.6f | igraph mean %.6f max %.6f min %.6f\n", c.name,
                c.weighted ? 1 : 0, mean, best, ig_mean, ig_max, ig_min);
    EXPECT_GE(mean, ig_mean - 0.002) << c.name;
    EXPECT_GE(best, ig_max - 0.001) << c.name;
  }
}

TEST(Louvain, RecoversPlantedLfrCommunities) {
  for (const char* mu : {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6"}) {
    const std::string stem = kData + "/lfr/lfr_n1000_mu" + mu;
    CsrGraph g = read_edge_list(stem + ".edges.tsv").build(false, false);
    ASSERT_EQ(g.num_vertices(), 1000u);
    const std::vector<CommunityId> planted = read_labels(stem + ".communities.tsv", 1000);
    double worst = 1;
    double sum = 0;
    const int seeds = 3;
    for (int seed = 0; seed < seeds; ++seed) {
      LouvainResult r = louvain(g, {.seed = static_cast<std::uint64_t>(seed)});
      const double nmi = normalized_mutual_information(r.membership, planted);
      worst = std::min(worst, nmi);
      sum += nmi;
    }
    std::printf("[ louvain ] LFR n=1000 mu=%s  NMI mean %.4f min %.4f\n", mu, sum / seeds, worst);
    if (std::stod(mu) <= 0.3) {
      EXPECT_GE(worst, 0.95) << "mu " << mu;
    }
  }
}

}  // namespace
}  // namespace casegraph
