// Linking: k-shortest simple paths (Yen) against brute-force enumeration of
// every simple path on small graphs, the time-advancing filter against a
// brute-force search over every choice of parallel links, the connecting
// network and the neighbourhood on hand-built graphs whose answers are derived
// in the comments; then `casegraph path`, `network` and `linked` end to end on
// the example case, checked against its planted truth and source CSVs.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/graph/case_graph.h"
#include "engine/linking/connecting_network.h"
#include "engine/linking/k_shortest_paths.h"
#include "engine/linking/link_graph.h"
#include "engine/linking/neighbourhood.h"
#include "engine/linking/temporal_path.h"
#include "engine/model/pole.h"
#include "importers/csv_reader.h"
#include "tests/cli_support.h"
#include "tests/example_case_suite.h"
#include "tests/hand_case.h"

namespace casegraph {
namespace {

// Every simple path from s to t, by depth-first search.
std::vector<Path> all_simple_paths(const CostGraph& g, VertexId s, VertexId t) {
  std::vector<Path> out;
  std::vector<VertexId> stack{s};
  std::vector<char> on(g.num_vertices(), 0);
  on[s] = 1;
  std::function<void(double)> dfs = [&](double cost) {
    VertexId u = stack.back();
    if (u == t) {
      out.push_back({stack, cost});
      return;
    }
    for (std::size_t a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      VertexId v = g.target(a);
      if (on[v]) continue;
      on[v] = 1;
      stack.push_back(v);
      dfs(cost + g.cost(a));
      stack.pop_back();
      on[v] = 0;
    }
  };
  dfs(0.0);
  std::sort(out.begin(), out.end());
  return out;
}

CostGraph random_graph(std::mt19937& rng, VertexId n, std::size_t m, bool distinct_costs) {
  std::vector<CostEdge> edges;
  std::set<std::pair<VertexId, VertexId>> used;
  std::uniform_int_distribution<VertexId> pick(0, n - 1);
  while (edges.size() < m) {
    VertexId a = pick(rng), b = pick(rng);
    if (a == b || !used.insert({std::min(a, b), std::max(a, b)}).second) continue;
    // Distinct powers of two: two different edge sets never have the same sum,
    // so every simple path has its own cost and the order is unique.
    double cost = distinct_costs ? std::ldexp(1.0, static_cast<int>(edges.size())) / 64.0
                                 : static_cast<double>(1 + rng() % 3);
    edges.push_back({a, b, cost});
  }
  return CostGraph::from_edges(n, edges);
}

TEST(LinkingKShortest, MatchesBruteForceEnumerationInOrder) {
  std::mt19937 rng(20261129);
  for (int trial = 0; trial < 30; ++trial) {
    CostGraph g = random_graph(rng, 8, 14, true);
    VertexId s = 0, t = 7;
    std::vector<Path> expected = all_simple_paths(g, s, t);
    std::vector<Path> got = k_shortest_paths(g, s, t, expected.size() + 5);
    ASSERT_EQ(got.size(), expected.size()) << "trial " << trial;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].vertices, expected[i].vertices) << "trial " << trial << " path " << i;
      EXPECT_DOUBLE_EQ(got[i].cost, expected[i].cost);
    }
  }
}

TEST(LinkingKShortest, WithTiesEveryPathOnceInCostOrder) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    CostGraph g = random_graph(rng, 7, 12, false);
    std::vector<Path> expected = all_simple_paths(g, 1, 5);
    std::vector<Path> got = k_shortest_paths(g, 1, 5, 1000);
    ASSERT_EQ(got.size(), expected.size()) << "trial " << trial;
    // With ties Yen's order among equal costs is not fixed; the costs come in
    // the same non-decreasing sequence and every simple path comes once.
    std::set<std::vector<VertexId>> got_set, expected_set;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_DOUBLE_EQ(got[i].cost, expected[i].cost) << "trial " << trial << " path " << i;
      got_set.insert(got[i].vertices);
      expected_set.insert(expected[i].vertices);
    }
    EXPECT_EQ(got_set, expected_set) << "trial " << trial;
    EXPECT_EQ(got_set.size(), got.size());
  }
}

TEST(LinkingKShortest, NoTransitVerticesAreAvoidedButMayEndAPath) {
  // 0 - 1 - 2 (cost 2) and 0 - 3 - 4 - 2 (cost 3); 1 is a hub.
  std::vector<CostEdge> e{{0, 1, 1}, {1, 2, 1}, {0, 3, 1}, {3, 4, 1}, {4, 2, 1}};
  CostGraph g = CostGraph::from_edges(5, e);
  PathSearchParams p;
  p.no_transit = {0, 1, 0, 0, 0};
  auto paths = k_shortest_paths(g, 0, 2, 5, p);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0].vertices, (std::vector<VertexId>{0, 3, 4, 2}));
  auto to_hub = k_shortest_paths(g, 0, 1, 5, p);
  ASSERT_FALSE(to_hub.empty());
  EXPECT_EQ(to_hub[0].vertices, (std::vector<VertexId>{0, 1}));
  EXPECT_TRUE(k_shortest_paths(g, 0, 0, 3).size() == 1);  // a vertex reaches itself by the empty path
}

// --- hand-built case graphs ---------------------------------------------------

using test::HandCase;

TEST(LinkingLinkGraph, CostsFollowStrengthAndKeepEveryParallelLink) {
  HandCase c;
  for (int i = 1; i <= 3; ++i) c.entity(i);
  c.link(link_type::associate_of, 1, 2, 100);
  c.link(link_type::called, 1, 2, 50, std::nullopt, 0.5);
  std::string error;
  LinkRow graded;
  graded.id = 3;
  graded.type = "mentions";
  graded.source = 2;
  graded.target = 3;
  graded.grading = *parse_grading("3E", &error);
  c.links.push_back(graded);
  CaseGraph cg = c.build();
  LinkGraph inv = build_link_graph(cg, LinkCostModel::inverse);
  auto arc12 = inv.graph.arc(cg.vertex(1), cg.vertex(2));
  ASSERT_TRUE(arc12);
  EXPECT_DOUBLE_EQ(inv.graph.cost(*arc12), 1.0);        // the strongest of the two
  ASSERT_EQ(inv.links_of(*arc12).size(), 2u);
  EXPECT_EQ(inv.links_of(*arc12)[0], 0u);                // cheapest first
  auto arc23 = inv.graph.arc(cg.vertex(2), cg.vertex(3));
  EXPECT_NEAR(inv.graph.cost(*arc23), 1 / 0.2, 1e-12);  // 3E: confidence 0.2
  LinkGraph lg = build_link_graph(cg, LinkCostModel::log);
  EXPECT_NEAR(lg.graph.cost(*lg.graph.arc(cg.vertex(2), cg.vertex(3))), -std::log(0.2) + 1e-6, 1e-12);
  EXPECT_EQ(parse_link_cost_model("log"), LinkCostModel::log);
  EXPECT_FALSE(parse_link_cost_model("hops"));
}

TEST(LinkingTimeAdvances, KeepsOnlyPathsWhoseDatesMoveForward) {
  // Short path 1-2-3 goes back in time (200 then 100); the long path
  // 1-4-5-3 moves forward (100, 150 undated 300). A second, later link 2-3 at
  // 250 would rescue the short one: tested after.
  HandCase c;
  for (int i = 1; i <= 5; ++i) c.entity(i);
  c.link(link_type::associate_of, 1, 2, 200);
  c.link(link_type::associate_of, 2, 3, 100);
  c.link(link_type::associate_of, 1, 4, 100);
  c.link(link_type::keeper_of, 4, 5);
  c.link(link_type::associate_of, 5, 3, 300);
  CaseGraph cg = c.build();
  LinkGraph lg = build_link_graph(cg, LinkCostModel::inverse);
  auto v = [&](int id) { return cg.vertex(id); };
  LinkedPathParams p;
  p.k = 5;
  auto plain = linked_paths(lg, cg.links, v(1), v(3), p);
  ASSERT_EQ(plain.paths.size(), 2u);
  EXPECT_EQ(plain.paths[0].path.vertices, (std::vector<VertexId>{v(1), v(2), v(3)}));
  p.time_advances = true;
  auto timed = linked_paths(lg, cg.links, v(1), v(3), p);
  ASSERT_EQ(timed.paths.size(), 1u);
  EXPECT_EQ(timed.paths[0].path.vertices, (std::vector<VertexId>{v(1), v(4), v(5), v(3)}));
  EXPECT_EQ(timed.paths[0].links, (std::vector<std::uint32_t>{2, 3, 4}));
  EXPECT_TRUE(timed.search_exhausted);

  c.link(link_type::associate_of, 2, 3, 250);  // link index 5
  cg = c.build();
  lg = build_link_graph(cg, LinkCostModel::inverse);
  timed = linked_paths(lg, cg.links, v(1), v(3), p);
  ASSERT_EQ(timed.paths.size(), 2u);
  EXPECT_EQ(timed.paths[0].path.vertices, (std::vector<VertexId>{v(1), v(2), v(3)}));
  EXPECT_EQ(timed.paths[0].links, (std::vector<std::uint32_t>{0, 5}));  // the later 2-3 link is the one walked
}

// Brute force: does some choice of one link per step give non-decreasing dates
// (undated links fit anywhere)?
bool feasible_by_brute_force(const LinkGraph& lg, const std::vector<LinkRow>& links, const std::vector<VertexId>& path,
                             std::size_t step, Timestamp clock) {
  if (step + 1 >= path.size()) return true;
  auto arc = lg.graph.arc(path[step], path[step + 1]);
  for (std::uint32_t l : lg.links_of(*arc)) {
    auto t = link_time(links[l]);
    if (!t) {
      if (feasible_by_brute_force(lg, links, path, step + 1, clock)) return true;
    } else if (*t >= clock && feasible_by_brute_force(lg, links, path, step + 1, *t)) {
      return true;
    }
  }
  return false;
}

TEST(LinkingTimeAdvances, GreedyChoiceAgreesWithBruteForceOnRandomMultigraphs) {
  std::mt19937 rng(99);
  for (int trial = 0; trial < 40; ++trial) {
    HandCase c;
    for (int i = 1; i <= 7; ++i) c.entity(i);
    for (int e = 0; e < 16; ++e) {
      int a = 1 + static_cast<int>(rng() % 7), b = 1 + static_cast<int>(rng() % 7);
      if (a == b) continue;
      std::optional<Timestamp> at;
      if (rng() % 4 != 0) at = static_cast<Timestamp>(rng() % 10);
      c.link(link_type::associate_of, a, b, at);
    }
    CaseGraph cg = c.build();
    LinkGraph lg = build_link_graph(cg, LinkCostModel::inverse);
    for (const Path& p : all_simple_paths(lg.graph, cg.vertex(1), cg.vertex(7))) {
      auto chosen = time_advancing_links(lg, cg.links, p.vertices);
      ASSERT_EQ(chosen.has_value(), feasible_by_brute_force(lg, cg.links, p.vertices, 0,
                                                            std::numeric_limits<Timestamp>::min()))
          << "trial " << trial;
      if (!chosen) continue;
      Timestamp clock = std::numeric_limits<Timestamp>::min();
      for (std::size_t s = 0; s < chosen->size(); ++s) {
        const LinkRow& l = cg.links[(*chosen)[s]];
        const VertexId x = cg.vertex(l.source), y = cg.vertex(l.target);
        const VertexId u = p.vertices[s], w = p.vertices[s + 1];
        EXPECT_TRUE((x == u && y == w) || (x == w && y == u));
        if (auto t = link_time(l)) {
          EXPECT_GE(*t, clock);
          clock = *t;
        }
      }
    }
  }
}

TEST(LinkingConnectingNetwork, UnionOfEveryShortestPathBetweenEachPair) {
  // 0-1-4 and 0-2-4 tie at cost 2; 0-3-5-4 costs 3 and stays out. 6 hangs off
  // 4 and is a seed: its shortest paths to 0 are 6-4-1-0 and 6-4-2-0. 7 is
  // unreachable.
  std::vector<CostEdge> e{{0, 1, 1}, {1, 4, 1}, {0, 2, 1}, {2, 4, 1}, {0, 3, 1}, {3, 5, 1}, {5, 4, 1}, {4, 6, 1}};
  CostGraph g = CostGraph::from_edges(8, e);
  ConnectingNetwork net = connecting_network(g, {0, 4});
  EXPECT_EQ(net.vertices, (std::vector<VertexId>{0, 1, 2, 4}));
  EXPECT_EQ(net.edges.size(), 4u);
  net = connecting_network(g, {0, 6, 7});
  EXPECT_EQ(net.vertices, (std::vector<VertexId>{0, 1, 2, 4, 6, 7}));
  EXPECT_EQ(net.edges.size(), 5u);
  EXPECT_EQ(net.unconnected.size(), 2u);  // 0-7 and 6-7
  ASSERT_EQ(net.distances.size(), 1u);
  EXPECT_DOUBLE_EQ(net.distances[0].second, 3.0);
  // With 1 and 2 ruled out as hubs, the long way round is the shortest.
  ConnectingNetworkParams p;
  p.search.no_transit = {0, 1, 1, 0, 0, 0, 0, 0};
  net = connecting_network(g, {0, 4}, p);
  EXPECT_EQ(net.vertices, (std::vector<VertexId>{0, 3, 4, 5}));
}

TEST(LinkingNeighbourhood, DepthAndTimeAdvancing) {
  // Chain 1 -(t=300)- 2 -(t=100)- 3 -(t=400)- 4, and 2 -(undated)- 5 -(t=350)- 6.
  HandCase c;
  for (int i = 1; i <= 6; ++i) c.entity(i);
  c.link(link_type::associate_of, 1, 2, 300);
  c.link(link_type::associate_of, 2, 3, 100);
  c.link(link_type::associate_of, 3, 4, 400);
  c.link(link_type::keeper_of, 2, 5);
  c.link(link_type::associate_of, 5, 6, 350);
  CaseGraph cg = c.build();
  LinkGraph lg = build_link_graph(cg, LinkCostModel::inverse);
  auto ids = [&](const Neighbourhood& nb) {
    std::set<std::int64_t> out;
    for (VertexId v : nb.vertices) out.insert(cg.entity[v]);
    return out;
  };
  NeighbourhoodParams p;
  p.depth = 2;
  Neighbourhood nb = neighbourhood(lg, cg.links, {cg.vertex(1)}, p);
  EXPECT_EQ(ids(nb), (std::set<std::int64_t>{1, 2, 3, 5}));
  EXPECT_EQ(nb.links, (std::vector<std::uint32_t>{0, 1, 3}));
  p.depth = 3;
  p.time_advances = true;
  nb = neighbourhood(lg, cg.links, {cg.vertex(1)}, p);
  // 3 only through 2-3 at 100 < 300: out. 5 undated: in; 6 at 350 >= 300: in.
  EXPECT_EQ(ids(nb), (std::set<std::int64_t>{1, 2, 5, 6}));
  EXPECT_EQ(nb.links, (std::vector<std::uint32_t>{0, 3, 4}));
  // From 3, time moves forward both ways: 2 at 100, then 1 at 300 and 5, 6.
  nb = neighbourhood(lg, cg.links, {cg.vertex(3)}, p);
  EXPECT_EQ(ids(nb), (std::set<std::int64_t>{1, 2, 3, 4, 5, 6}));
}

// --- end to end on the example case ---------------------------------------------

namespace fs = std::filesystem;

using test::shell_quote;
using test::slurp;

const fs::path kExample = fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "case";

// Data row `row` (1-based, header excluded) of a source CSV, as its fields.
std::vector<std::string> csv_row(const std::string& source, std::int64_t row) {
  CsvReader reader(kExample / (source + ".csv"));
  CsvRecord rec;
  reader.next(rec);
  for (std::int64_t i = 0; i < row; ++i)
    if (!reader.next(rec)) return {};
  return rec.fields;
}

class LinkingExample : public test::ExampleCaseSuite<LinkingExample> {
 protected:
  static void SetUpTestSuite() { build("linking"); }
  // The cited row exists and holds the cited record id (or is that row, for a
  // source without its own ids; or holds each part of an id of several columns).
  static void expect_real_row(const nlohmann::json& source) {
    const std::string src = source.at("source"), id = source.at("record_id");
    const std::int64_t row = source.at("row");
    std::vector<std::string> fields = csv_row(src, row);
    ASSERT_FALSE(fields.empty()) << source.dump();
    EXPECT_TRUE(test::row_holds_record_id(fields, id, row)) << source.dump();
  }
};

TEST_F(LinkingExample, PathFromANetworkAOffenderToAVictimCitesRealRows) {
  nlohmann::json truth = nlohmann::json::parse(slurp(kExample / "truth.json"));
  const auto& a = truth.at("networks").at(0);
  const std::string offender = a.at("offenders").at(0).at("nominal_ref");  // Jun Farah
  const std::string victim = a.at("victims").at(2).at("nominal_ref");     // Tanisha Costa
  ASSERT_EQ(run("path " + shell_quote(case_) + " police_nominal:" + offender + " " + victim + " --k 3 --format json"),
            0)
      << err_;
  nlohmann::json out = nlohmann::json::parse(out_);
  ASSERT_EQ(out.at("paths").size(), 3u);
  double previous = 0;
  for (const auto& p : out.at("paths")) {
    EXPECT_GE(p.at("cost").get<double>(), previous);
    previous = p.at("cost").get<double>();
    const auto& entities = p.at("entities");
    EXPECT_EQ(entities.front().at("entity_id"), out.at("from").at("entity_id"));
    EXPECT_EQ(entities.back().at("entity_id"), out.at("to").at("entity_id"));
    ASSERT_EQ(p.at("steps").size() + 1, entities.size());
    for (std::size_t s = 0; s < p.at("steps").size(); ++s) {
      const auto& step = p.at("steps")[s];
      EXPECT_EQ(step.at("from"), entities[s].at("entity_id"));
      EXPECT_EQ(step.at("to"), entities[s + 1].at("entity_id"));
      expect_real_row(step.at("link").at("source"));
    }
  }
  // The shortest: both named in one occurrence (the sexual offence), two links.
  EXPECT_EQ(out.at("paths")[0].at("steps").size(), 2u);
  EXPECT_EQ(out.at("paths")[0].at("steps")[0].at("link").at("type"), "suspect_in");
  EXPECT_EQ(out.at("paths")[0].at("steps")[1].at("link").at("type"), "victim_in");
  std::set<std::string> from_ids;
  for (const auto& r : out.at("from").at("sources")) from_ids.insert(r.at("record_id"));
  EXPECT_TRUE(from_ids.contains(offender));
}

TEST_F(LinkingExample, TimeAdvancingPathsHaveForwardDates) {
  ASSERT_EQ(run("path " + shell_quote(case_) + " N-040112 N-082253 --k 4 --time-advances --format json"), 0) << err_;
  nlohmann::json out = nlohmann::json::parse(out_);
  ASSERT_FALSE(out.at("paths").empty());
  for (const auto& p : out.at("paths")) {
    std::string clock;
    for (const auto& step : p.at("steps")) {
      if (step.at("link").at("start").is_null()) continue;
      const std::string at = step.at("link").at("start");
      EXPECT_GE(at, clock);  // ISO 8601 UTC: text order is time order
      clock = at;
      expect_real_row(step.at("link").at("source"));
    }
  }
}

TEST_F(LinkingExample, ConnectingNetworkAndNeighbourhood) {
  ASSERT_EQ(run("network " + shell_quote(case_) + " N-024934 N-040112 N-082253 --format json"), 0) << err_;
  nlohmann::json net = nlohmann::json::parse(out_);
  std::set<std::int64_t> ids;
  for (const auto& e : net.at("entities")) ids.insert(e.at("entity_id").get<std::int64_t>());
  for (const auto& s : net.at("seeds")) EXPECT_TRUE(ids.contains(s.get<std::int64_t>()));
  ASSERT_EQ(net.at("pairs").size(), 3u);
  for (const auto& pr : net.at("pairs")) EXPECT_FALSE(pr.at("cost").is_null());
  for (const auto& l : net.at("links")) {
    EXPECT_TRUE(ids.contains(l.at("from").get<std::int64_t>()) && ids.contains(l.at("to").get<std::int64_t>()));
    expect_real_row(l.at("source"));
  }

  // Depth 1 of Jun Farah: what his nominal row, his occurrences and the
  // intelligence about him name, read from the CSVs.
  ASSERT_EQ(run("linked " + shell_quote(case_) + " N-024934 --depth 1 --format json"), 0) << err_;
  nlohmann::json nb = nlohmann::json::parse(out_);
  std::set<std::string> types;
  std::size_t occurrences = 0, reports = 0;
  for (const auto& e : nb.at("entities")) {
    types.insert(e.at("type").get<std::string>());
    occurrences += e.at("type") == "occurrence";
    reports += e.at("type") == "intelligence";
  }
  std::size_t expected_reports = 0;
  {
    CsvReader reader(kExample / "intelligence.csv");
    CsvRecord rec;
    reader.next(rec);
    while (reader.next(rec)) expected_reports += rec.fields.at(3) == "N-024934";
  }
  EXPECT_EQ(reports, expected_reports);
  EXPECT_EQ(occurrences, 1u);  // the sexual offence at the ring flat
  EXPECT_TRUE(types.contains("phone"));
  EXPECT_TRUE(types.contains("location"));
  ASSERT_EQ(run("linked " + shell_quote(case_) + " N-024934 --depth 2 --format json"), 0) << err_;
  EXPECT_GT(nlohmann::json::parse(out_).at("entities").size(), nb.at("entities").size());
  EXPECT_EQ(run("path " + shell_quote(case_) + " N-024934 nobody-at-all"), 1);
  EXPECT_EQ(run("path " + shell_quote(case_) + " N-024934 N-040112 --k 0"), 2);
}

}  // namespace
}  // namespace casegraph
