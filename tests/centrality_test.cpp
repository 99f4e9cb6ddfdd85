// Tests for engine/centrality: degree, PageRank, betweenness.
//
// References:
// - ../shared/data/reference/<network>.tsv (networkx 2.8.8 and igraph 0.10.2,
//   simple undirected unweighted graphs), printed to 10 significant digits, so
//   a value is checked to max(1e-9 |ref|, 1e-12): the printing rounds by at
//   most 5e-10 relative, and the floor covers exact zeros. PageRank is checked
//   against igraph's column (PRPACK solves the system directly); networkx's
//   power iteration differs from it by up to 3.4e-11 absolute (_summary.tsv).
// - tests/fixtures/reference/centrality_*.tsv from
//   tests/scripts/reference_centrality.py (networkx, cross-checked with
//   igraph, full precision): weighted, directed, personalised and link
//   variants, checked to the same 1e-9 relative.
// - Boost.Graph's brandes_betweenness_centrality run on the same CsrGraph
//   through engine/graph/bgl_adaptor.h, the slow obviously-correct verifier.
#include <gtest/gtest.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "engine/centrality/betweenness.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/pagerank.h"
#include "engine/graph/bgl_adaptor.h"
#include "tests/centrality_checks.h"
#include "tests/reference_graphs.h"

namespace casegraph {
namespace {

namespace td = test_data;
using test::close_to;
using test::index_of;
using test::make;

// ------------------------------------------------------ reference networks

class ReferenceNetwork : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceNetwork, DegreeBetweennessPageRankMatchNetworkxAndIgraph) {
  const std::string name = GetParam();
  const LoadedGraph g = td::load_reference_network(name);
  const td::ReferenceTable ref = td::reference_table(name);
  ASSERT_EQ(g.graph.num_vertices(), ref.nodes.size()) << "the node set must be the reference's";
  const auto ids = index_of(g);

  const DegreeResult degree = degree_centrality(g.graph);
  const BetweennessResult bc = betweenness(g.graph);
  const PageRankResult pr = pagerank(g.graph);
  EXPECT_TRUE(pr.converged);
  double pr_sum = 0;
  for (const std::string& node : ref.nodes) {
    ASSERT_TRUE(ids.count(node)) << name << ": node " << node << " not in the graph";
    const VertexId v = ids.at(node);
    EXPECT_EQ(degree.score[v], ref.value(node, "degree")) << name << " " << node;
    EXPECT_TRUE(close_to(bc.score[v], ref.value(node, "betweenness_raw_nx"))) << name << " " << node;
    EXPECT_TRUE(close_to(bc.score[v], ref.value(node, "betweenness_raw_igraph"))) << name << " " << node;
    EXPECT_TRUE(close_to(pr.score[v], ref.value(node, "pagerank_igraph"))) << name << " " << node;
    EXPECT_NEAR(pr.score[v], ref.value(node, "pagerank_nx"), 5e-11) << name << " " << node;
    pr_sum += pr.score[v];
  }
  EXPECT_NEAR(pr_sum, 1.0, 1e-12);
}

TEST_P(ReferenceNetwork, BoostBrandesAgreesWithParallelBrandes) {
  const LoadedGraph g = td::load_reference_network(GetParam());
  const CsrGraph& graph = g.graph;
  std::vector<double> boost_bc(graph.num_vertices(), 0.0);
  std::vector<double> boost_edges(graph.num_arcs(), 0.0);
  boost::brandes_betweenness_centrality(
      graph, boost::make_iterator_property_map(boost_bc.begin(), get(boost::vertex_index, graph)),
      boost::make_iterator_property_map(boost_edges.begin(), get(boost::edge_index, graph)));
  BetweennessParams params;
  params.edges = true;
  params.threads = 2;
  const BetweennessResult ours = betweenness(graph, params);
  // Boost sees the symmetric digraph (bgl_adaptor.h): ordered pairs, per arc.
  for (VertexId v = 0; v < graph.num_vertices(); ++v)
    EXPECT_TRUE(close_to(ours.score[v], boost_bc[v] / 2, 1e-12)) << g.names[v];
  for (VertexId u = 0; u < graph.num_vertices(); ++u)
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      const VertexId v = graph.target(a);
      ArcIndex back = graph.arc_begin(v);
      while (graph.target(back) != u) ++back;
      EXPECT_TRUE(close_to(ours.edge_score[a], (boost_edges[a] + boost_edges[back]) / 2, 1e-12));
    }
}

std::string network_name(const ::testing::TestParamInfo<std::string>& p) { return p.param; }
INSTANTIATE_TEST_SUITE_P(AllReferenceNetworks, ReferenceNetwork, ::testing::ValuesIn(td::reference_network_names()),
                         network_name);

TEST(ReferenceGraphs, AliasesAndNodeSets) {
  // CAVIAR is layer covert_10_01 and Noordin's operations layer covert_34_08,
  // isolates included (see reference_graphs.h).
  EXPECT_EQ(td::load_reference_network("caviar").graph.num_edges(), 205u);
  const LoadedGraph noordin = td::load_reference_network("noordin");
  EXPECT_EQ(noordin.graph.num_vertices(), 79u);
  EXPECT_EQ(noordin.graph.num_edges(), 267u);
  EXPECT_EQ(td::load_reference_network("madrid").graph.num_vertices(), 64u);
  const LoadedGraph lesmis = td::load_reference_network("lesmis", true);
  EXPECT_TRUE(lesmis.graph.weighted());
  EXPECT_THROW(td::load_reference_network("no_such_network"), std::invalid_argument);
}

// ------------------------------------------- weighted, directed, personalised

TEST(Centrality, LondonGangWeightedMatchesNetworkx) {
  const LoadedGraph g = td::load_reference_network("london_gang", true);
  const td::ReferenceTable ref =
      td::read_reference_table(td::fixtures() / "reference/centrality_london_gang_weighted.tsv");
  ASSERT_EQ(ref.nodes.size(), g.graph.num_vertices());
  const auto ids = index_of(g);

  DegreeParams strength;
  strength.weighted = true;
  BetweennessParams lengths;
  lengths.weighted = true;
  PageRankParams weighted_pr;
  weighted_pr.weighted = true;
  PageRankParams personal;
  personal.personalization.assign(g.graph.num_vertices(), 0.0);
  personal.personalization[ids.at("1")] = 1.0;  // the script's seeds
  personal.personalization[ids.at("12")] = 3.0;
  PageRankParams personal_weighted = personal;
  personal_weighted.weighted = true;

  const auto s = degree_centrality(g.graph, strength).score;
  const auto bc = betweenness(g.graph, lengths).score;
  const auto pr = pagerank(g.graph, weighted_pr).score;
  const auto ppr = pagerank(g.graph, personal).score;
  const auto pprw = pagerank(g.graph, personal_weighted).score;
  for (const std::string& node : ref.nodes) {
    const VertexId v = ids.at(node);
    EXPECT_EQ(s[v], ref.value(node, "strength")) << node;
    EXPECT_TRUE(close_to(bc[v], ref.value(node, "betweenness_weighted"))) << node;
    EXPECT_TRUE(close_to(pr[v], ref.value(node, "pagerank_weighted"))) << node;
    EXPECT_TRUE(close_to(ppr[v], ref.value(node, "pagerank_personalised"))) << node;
    EXPECT_TRUE(close_to(pprw[v], ref.value(node, "pagerank_personalised_weighted"))) << node;
  }
  // Weighted Brandes against Boost's (Dijkstra, weights as lengths).
  std::vector<double> boost_bc(g.graph.num_vertices(), 0.0);
  boost::brandes_betweenness_centrality(
      g.graph, boost::centrality_map(boost::make_iterator_property_map(boost_bc.begin(),
                                                                       get(boost::vertex_index, g.graph)))
                   .weight_map(get(boost::edge_weight, g.graph)));
  for (VertexId v = 0; v < g.graph.num_vertices(); ++v) EXPECT_TRUE(close_to(bc[v], boost_bc[v] / 2, 1e-12));
}

TEST(Centrality, CaviarDirectedMatchesNetworkx) {
  const std::filesystem::path matrix = td::shared_data() / "covert/directed_valued/morselli_caviar.csv";
  const LoadedGraph g = td::load_adjacency_matrix(matrix, true, true);
  ASSERT_TRUE(g.graph.directed());
  ASSERT_EQ(g.graph.num_arcs(), 295u);
  const td::ReferenceTable ref =
      td::read_reference_table(td::fixtures() / "reference/centrality_caviar_directed.tsv");
  ASSERT_EQ(ref.nodes.size(), g.graph.num_vertices());
  const auto ids = index_of(g);

  auto degree_with = [&](DegreeDirection dir, bool weighted) {
    DegreeParams p;
    p.direction = dir;
    p.weighted = weighted;
    return degree_centrality(g.graph, p).score;
  };
  const auto out_d = degree_with(DegreeDirection::out, false);
  const auto in_d = degree_with(DegreeDirection::in, false);
  const auto total_d = degree_with(DegreeDirection::total, false);
  const auto out_s = degree_with(DegreeDirection::out, true);
  const auto in_s = degree_with(DegreeDirection::in, true);
  BetweennessParams bp;
  const auto bc = betweenness(g.graph, bp).score;
  bp.normalized = true;
  const auto bc_norm = betweenness(g.graph, bp).score;
  bp.normalized = false;
  bp.weighted = true;
  const auto bc_w = betweenness(g.graph, bp).score;
  PageRankParams pp;
  const auto pr = pagerank(g.graph, pp).score;
  pp.weighted = true;
  const auto pr_w = pagerank(g.graph, pp).score;
  for (const std::string& node : ref.nodes) {
    const VertexId v = ids.at(node);
    EXPECT_EQ(out_d[v], ref.value(node, "out_degree")) << node;
    EXPECT_EQ(in_d[v], ref.value(node, "in_degree")) << node;
    EXPECT_EQ(total_d[v], out_d[v] + in_d[v]) << node;
    EXPECT_EQ(out_s[v], ref.value(node, "out_strength")) << node;
    EXPECT_EQ(in_s[v], ref.value(node, "in_strength")) << node;
    EXPECT_TRUE(close_to(bc[v], ref.value(node, "betweenness"))) << node;
    EXPECT_TRUE(close_to(bc_norm[v], ref.value(node, "betweenness_normalized"))) << node;
    EXPECT_TRUE(close_to(bc_w[v], ref.value(node, "betweenness_weighted"))) << node;
    EXPECT_TRUE(close_to(pr[v], ref.value(node, "pagerank"))) << node;
    EXPECT_TRUE(close_to(pr_w[v], ref.value(node, "pagerank_weighted"))) << node;
  }
  // Directed: Boost's ordered-pair count is ours as it is.
  std::vector<double> boost_bc(g.graph.num_vertices(), 0.0);
  boost::brandes_betweenness_centrality(
      g.graph, boost::make_iterator_property_map(boost_bc.begin(), get(boost::vertex_index, g.graph)));
  for (VertexId v = 0; v < g.graph.num_vertices(); ++v) EXPECT_TRUE(close_to(bc[v], boost_bc[v], 1e-12));
}

TEST(Centrality, NormalizedBetweennessMatchesNetworkx) {
  // graphs/karate.reference_centrality_networkx.tsv: networkx normalized=True,
  // printed with 10 decimal places (not significant digits): 5e-11 absolute.
  const LoadedGraph g = td::load_reference_network("karate");
  const td::ReferenceTable ref =
      td::read_reference_table(td::shared_data() / "graphs/karate.reference_centrality_networkx.tsv");
  BetweennessParams p;
  p.normalized = true;
  const auto bc = betweenness(g.graph, p).score;
  const auto ids = index_of(g);
  for (const std::string& node : ref.nodes)
    EXPECT_NEAR(bc[ids.at(node)], ref.value(node, "betweenness_norm"), 5e-11) << node;
}

TEST(Centrality, EdgeBetweennessMatchesNetworkx) {
  std::ifstream in(td::fixtures() / "reference/centrality_edge_betweenness.tsv");
  ASSERT_TRUE(in);
  struct Case {
    LoadedGraph graph;
    BetweennessResult raw;
    BetweennessResult normalized;
    std::unordered_map<std::string, VertexId> ids;
  };
  std::map<std::string, Case> cases;
  auto add = [&](const std::string& label, LoadedGraph g, bool weighted) {
    BetweennessParams p;
    p.edges = true;
    p.weighted = weighted;
    Case c;
    c.raw = betweenness(g.graph, p);
    p.normalized = true;
    c.normalized = betweenness(g.graph, p);
    c.ids = index_of(g);
    c.graph = std::move(g);
    cases.emplace(label, std::move(c));
  };
  add("karate", td::load_reference_network("karate"), false);
  add("london_gang_weighted", td::load_reference_network("london_gang", true), true);
  add("caviar_directed",
      td::load_adjacency_matrix(td::shared_data() / "covert/directed_valued/morselli_caviar.csv", true, false),
      false);
  std::string line;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("graph\t", 0) == 0) continue;
    std::istringstream fields(line);
    std::string label, source, target;
    double raw = 0, normalized = 0;
    std::getline(fields, label, '\t');
    std::getline(fields, source, '\t');
    std::getline(fields, target, '\t');
    fields >> raw >> normalized;
    const Case& c = cases.at(label);
    const VertexId u = c.ids.at(source);
    const VertexId v = c.ids.at(target);
    ArcIndex a = c.graph.graph.arc_begin(u);
    while (a < c.graph.graph.arc_end(u) && c.graph.graph.target(a) != v) ++a;
    ASSERT_LT(a, c.graph.graph.arc_end(u)) << label << " " << source << "->" << target;
    EXPECT_TRUE(close_to(c.raw.edge_score[a], raw)) << label << " " << source << "-" << target;
    EXPECT_TRUE(close_to(c.normalized.edge_score[a], normalized)) << label << " " << source << "-" << target;
    ++checked;
  }
  EXPECT_EQ(checked, 78u + 315u + 295u);
}

// ------------------------------------------------------------- edge cases

TEST(Centrality, NullGraph) {
  const CsrGraph g;
  EXPECT_TRUE(degree_centrality(g).score.empty());
  const PageRankResult pr = pagerank(g);
  EXPECT_TRUE(pr.score.empty());
  EXPECT_TRUE(pr.converged);
  BetweennessParams p;
  p.edges = true;
  p.normalized = true;
  const BetweennessResult bc = betweenness(g, p);
  EXPECT_TRUE(bc.score.empty());
  EXPECT_TRUE(bc.edge_score.empty());
}

TEST(Centrality, EdgelessGraph) {
  const CsrGraph g = make(5, {});
  for (double d : degree_centrality(g).score) EXPECT_EQ(d, 0.0);
  for (double b : betweenness(g).score) EXPECT_EQ(b, 0.0);
  // Every vertex dangles: all mass is handed out uniformly.
  for (double x : pagerank(g).score) EXPECT_NEAR(x, 0.2, 1e-15);
  BetweennessParams normalized;
  normalized.normalized = true;
  for (double b : betweenness(make(2, {{0, 1, 1}}), normalized).score) EXPECT_EQ(b, 0.0) << "n <= 2: no scaling";
}

TEST(Centrality, IsolatesSelfLoopsAndComponents) {
  // Path 0-1-2, triangle 3-4-5, isolate 6, and a self-loop on 1 the builder drops.
  const CsrGraph g = make(7, {{0, 1, 1}, {1, 2, 1}, {1, 1, 1}, {3, 4, 1}, {4, 5, 1}, {5, 3, 1}});
  const auto bc = betweenness(g).score;
  EXPECT_EQ(bc, (std::vector<double>{0, 1, 0, 0, 0, 0, 0}));
  const auto deg = degree_centrality(g).score;
  EXPECT_EQ(deg, (std::vector<double>{1, 2, 1, 2, 2, 2, 0}));
  const PageRankResult pr = pagerank(g);
  double sum = 0;
  for (double x : pr.score) sum += x;
  EXPECT_NEAR(sum, 1.0, 1e-14);
  // Symmetric in exact arithmetic; Gauss-Seidel updates 3 before 4, so the
  // two agree to the solve's tolerance (1e-12 L1), not to the last bit.
  EXPECT_NEAR(pr.score[3], pr.score[4], 1e-12);
  EXPECT_GT(pr.score[1], pr.score[0]);
  // Normalisation, networkx: 2 / ((n-1)(n-2)) undirected.
  BetweennessParams p;
  p.normalized = true;
  EXPECT_DOUBLE_EQ(betweenness(g, p).score[1], 2.0 / 30.0);
}

// A path of 400 vertices: the betweenness of vertex i is i (n-1-i), directed
// (0 -> 1 -> ...) or not. From most sources its distances pass 255, the
// batched BFS's 8-bit level limit, so their batches fall back to per-source
// passes; batches of sources near the middle (undirected) or the far end
// (directed) do not.
TEST(Centrality, BetweennessOnPathLongerThanBatchLevels) {
  constexpr VertexId n = 400;
  std::vector<Edge> edges;
  for (VertexId i = 0; i + 1 < n; ++i) edges.push_back({i, i + 1, 1});
  for (bool directed : {false, true}) {
    BetweennessParams p;
    p.threads = 2;
    const auto bc = betweenness(make(n, edges, directed), p).score;
    for (VertexId i = 0; i < n; ++i) EXPECT_EQ(bc[i], double(i) * double(n - 1 - i)) << i << " directed " << directed;
  }
}

// The batched BFS (vertex scores alone) against the per-source BFS (which
// link betweenness takes), on a random graph in two parts plus isolates,
// both orientations; and the same bits at 1, 2 and 3 threads. On a CPU
// without AVX-512 both sides are per-source and only the bits are tested.
TEST(Centrality, BetweennessBatchedAgreesWithPerSource) {
  constexpr VertexId n = 300;  // 0..99 and 100..249 joined at random, 250..299 isolated
  std::mt19937 rng(7);
  std::uniform_int_distribution<VertexId> pick(0, 249);
  std::vector<Edge> edges;
  for (int i = 0; i < 700; ++i) {
    const VertexId u = pick(rng);
    const VertexId v = pick(rng);
    if (u != v && (u < 100) == (v < 100)) edges.push_back({u, v, 1});
  }
  for (bool directed : {false, true}) {
    const CsrGraph g = make(n, edges, directed);
    BetweennessParams vertices;
    vertices.threads = 1;
    BetweennessParams links = vertices;
    links.edges = true;
    const auto batched = betweenness(g, vertices).score;
    const auto per_source = betweenness(g, links).score;
    double largest = 0;
    for (VertexId v = 0; v < n; ++v) {
      EXPECT_TRUE(close_to(batched[v], per_source[v], 1e-12)) << v << " directed " << directed;
      largest = std::max(largest, batched[v]);
    }
    EXPECT_GT(largest, 100.0);
    for (int threads : {2, 3}) {
      vertices.threads = links.threads = threads;
      EXPECT_EQ(betweenness(g, vertices).score, batched) << threads << " threads, directed " << directed;
      EXPECT_EQ(betweenness(g, links).score, per_source) << threads << " threads, directed " << directed;
    }
  }
}

TEST(Centrality, DirectedPageRankDanglingByHand) {
  // 0 -> 1, vertex 1 dangles: x0 = 0.075 + 0.425 x1, x0 + x1 = 1, so x0 = 0.5 / 1.425.
  const PageRankResult pr = pagerank(make(2, {{0, 1, 1}}, true));
  EXPECT_TRUE(pr.converged);
  EXPECT_NEAR(pr.score[0], 0.5 / 1.425, 1e-12);
  EXPECT_NEAR(pr.score[1], 1 - 0.5 / 1.425, 1e-12);
  // Personalised on vertex 0, dangling mass returns to 0 as well.
  PageRankParams p;
  p.personalization = {1, 0};
  const PageRankResult ppr = pagerank(make(2, {{0, 1, 1}}, true), p);
  // x0 = 0.15 + 0.85 x1, x1 = 0.85 x0  =>  x0 = 0.15 / (1 - 0.7225).
  EXPECT_NEAR(ppr.score[0], 0.15 / (1 - 0.7225), 1e-12);
}

// PageRank by a dense solve of its definition, for small graphs:
// (I - d (P^T + p dangling^T)) x = (1 - d) p, then x / sum(x).
std::vector<double> dense_pagerank(const CsrGraph& g, const std::vector<double>& p, bool weighted) {
  const auto n = static_cast<Eigen::Index>(g.num_vertices());
  std::vector<double> out(g.num_vertices(), 0.0);
  for (VertexId u = 0; u < g.num_vertices(); ++u)
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) out[u] += weighted ? g.weight(a) : 1.0;
  const double d = 0.85;
  Eigen::MatrixXd m = Eigen::MatrixXd::Identity(n, n);
  Eigen::VectorXd b(n);
  for (VertexId u = 0; u < g.num_vertices(); ++u) {
    b(u) = (1 - d) * p[u];
    if (out[u] == 0) {
      for (VertexId v = 0; v < g.num_vertices(); ++v) m(v, u) -= d * p[v];
      continue;
    }
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a)
      m(g.target(a), u) -= d * (weighted ? g.weight(a) : 1.0) / out[u];
  }
  const Eigen::VectorXd x = m.fullPivLu().solve(b);
  std::vector<double> score(x.data(), x.data() + n);
  const double total = x.sum();
  for (double& v : score) v /= total;
  return score;
}

TEST(Centrality, PageRankSourcelessDanglingAndIsolatedVerticesMatchADenseSolve) {
  // 0-5 only send (no in-arcs), 6-11 only receive (dangling), 12 is isolated,
  // 13 sends with weight 0 only (dangling when weighted); 14-59 link at random.
  std::mt19937 rng(59);
  std::uniform_int_distribution<VertexId> middle(14, 59), receiver(6, 11);
  std::uniform_real_distribution<double> weight(0.5, 3.0);
  std::vector<Edge> edges;
  for (VertexId u = 0; u < 6; ++u)
    for (int k = 0; k < 3; ++k) edges.push_back({u, k == 0 ? receiver(rng) : middle(rng), weight(rng)});
  edges.push_back({13, 20, 0.0});
  edges.push_back({13, 30, 0.0});
  for (VertexId u = 14; u < 60; ++u) {
    for (int k = 0; k < 4; ++k) edges.push_back({u, middle(rng), weight(rng)});
    if (u % 5 == 0) edges.push_back({u, receiver(rng), weight(rng)});
  }
  const CsrGraph g = make(60, edges, true, true);
  std::vector<double> uniform(60, 1.0 / 60), restart(60, 0.0);
  restart[2] = 1;   // a sourceless vertex
  restart[7] = 2;   // a dangling one
  restart[40] = 1;  // a swept one
  for (bool weighted : {false, true}) {
    for (const auto* p : {&uniform, &restart}) {
      PageRankParams params;
      params.weighted = weighted;
      params.tolerance = 1e-14;
      if (p == &restart) params.personalization = restart;
      const PageRankResult pr = pagerank(g, params);
      ASSERT_TRUE(pr.converged);
      std::vector<double> normalised = *p;
      double sum = 0;
      for (double v : normalised) sum += v;
      for (double& v : normalised) v /= sum;
      const std::vector<double> exact = dense_pagerank(g, normalised, weighted);
      for (VertexId v = 0; v < 60; ++v)
        EXPECT_NEAR(pr.score[v], exact[v], 1e-13) << "weighted " << weighted << " personalised "
                                                  << (p == &restart) << " vertex " << v;
    }
  }
}

TEST(Centrality, DegreeDirectionsAndNormalisation) {
  const CsrGraph g = make(3, {{0, 1, 2}, {1, 0, 3}, {0, 2, 4}}, true, true);
  DegreeParams p;
  EXPECT_EQ(degree_centrality(g, p).score, (std::vector<double>{3, 2, 1}));
  p.direction = DegreeDirection::in;
  EXPECT_EQ(degree_centrality(g, p).score, (std::vector<double>{1, 1, 1}));
  p.weighted = true;
  EXPECT_EQ(degree_centrality(g, p).score, (std::vector<double>{3, 2, 4}));
  p.direction = DegreeDirection::out;
  p.normalized = true;
  EXPECT_EQ(degree_centrality(g, p).score, (std::vector<double>{3, 1.5, 0}));
}

TEST(Centrality, BadInputIsAnError) {
  const CsrGraph negative = make(3, {{0, 1, -1}, {1, 2, 1}}, false, true);
  const CsrGraph zero = make(3, {{0, 1, 0}, {1, 2, 1}}, false, true);
  const CsrGraph nan = make(3, {{0, 1, std::numeric_limits<double>::quiet_NaN()}}, false, true);
  PageRankParams pw;
  pw.weighted = true;
  EXPECT_THROW(pagerank(negative, pw), std::invalid_argument);
  EXPECT_THROW(pagerank(nan, pw), std::invalid_argument);
  EXPECT_NO_THROW(pagerank(zero, pw)) << "a zero weight is a link never walked";
  BetweennessParams bw;
  bw.weighted = true;
  EXPECT_THROW(betweenness(zero, bw), std::invalid_argument);
  EXPECT_THROW(betweenness(negative, bw), std::invalid_argument);
  EXPECT_THROW(betweenness(nan, bw), std::invalid_argument);
  EXPECT_NO_THROW(betweenness(negative)) << "unweighted ignores weights";
  PageRankParams p;
  p.personalization = {1, 2};
  EXPECT_THROW(pagerank(zero, p), std::invalid_argument);
  p.personalization = {0, 0, 0};
  EXPECT_THROW(pagerank(zero, p), std::invalid_argument);
  p.personalization = {1, -1, 1};
  EXPECT_THROW(pagerank(zero, p), std::invalid_argument);
  p.personalization.clear();
  p.damping = 1.5;
  EXPECT_THROW(pagerank(zero, p), std::invalid_argument);
}

// A directed graph of n vertices with a few arcs each to scattered vertices
// (multiplicative hashes), every 37th vertex dangling, weights 1..4.
CsrGraph scattered_digraph(VertexId n) {
  std::vector<Edge> edges;
  for (VertexId v = 0; v < n; ++v) {
    if (v % 37 == 0) continue;
    for (std::uint64_t k = 1; k <= 1 + v % 3; ++k) {
      const auto t = static_cast<VertexId>((v * 2654435761ULL + k * 40503ULL * (v % 7 + 1)) % n);
      edges.push_back({v, t, static_cast<double>(1 + (v + k) % 4)});
    }
  }
  return CsrGraph::from_edges(n, edges, true, true);
}

// L1 change of one power-iteration step x' = d (P^T x + dangling mass / n) + (1 - d) / n
// from x: zero at the PageRank vector.
double power_step_l1_change(const CsrGraph& g, const std::vector<double>& x, bool weighted) {
  const VertexId n = g.num_vertices();
  const double d = 0.85;
  std::vector<double> out(n, 0.0);
  for (VertexId u = 0; u < n; ++u)
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) out[u] += weighted ? g.weight(a) : 1.0;
  double dangling = 0;
  for (VertexId u = 0; u < n; ++u)
    if (out[u] == 0) dangling += x[u];
  std::vector<double> next(n, (d * dangling + 1 - d) / n);
  for (VertexId u = 0; u < n; ++u)
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a)
      next[g.target(a)] += d * x[u] * (weighted ? g.weight(a) : 1.0) / out[u];
  double change = 0;
  for (VertexId v = 0; v < n; ++v) change += std::abs(next[v] - x[v]);
  return change;
}

TEST(Centrality, ThreadCountIndependence) {
  // netscience: 1589 vertices in 396 components, so both threads take many
  // sources, some of them in tiny components.
  GraphFileOptions o;
  const LoadedGraph g = read_graph_file(td::shared_data() / "graphs/netscience.gml", o);
  BetweennessParams b1;
  b1.threads = 1;
  b1.edges = true;
  BetweennessParams b2 = b1;
  b2.threads = 2;
  const BetweennessResult one = betweenness(g.graph, b1);
  const BetweennessResult two = betweenness(g.graph, b2);
  const BetweennessResult again = betweenness(g.graph, b2);
  for (VertexId v = 0; v < g.graph.num_vertices(); ++v) {
    EXPECT_TRUE(close_to(two.score[v], one.score[v], 1e-12));
    EXPECT_EQ(two.score[v], again.score[v]) << "same thread count, same bits";
  }
  for (ArcIndex a = 0; a < g.graph.num_arcs(); ++a) EXPECT_TRUE(close_to(two.edge_score[a], one.edge_score[a], 1e-12));

  // PageRank runs on one thread whatever `threads` says (pagerank.h); the
  // bits must not depend on it. 600,000 vertices: many sweep-order windows,
  // every 37th vertex dangling.
  const CsrGraph big = scattered_digraph(600000);
  for (bool weighted : {false, true}) {
    PageRankParams p1;
    p1.threads = 1;
    p1.weighted = weighted;
    PageRankParams p2 = p1;
    p2.threads = 2;
    const PageRankResult r1 = pagerank(big, p1);
    const PageRankResult r2 = pagerank(big, p2);
    ASSERT_TRUE(r1.converged);
    EXPECT_EQ(r1.iterations, r2.iterations);
    EXPECT_EQ(r1.score, r2.score) << "same bits at 1 and 2 threads";
    // And it is PageRank: one plain power-iteration step leaves it in place.
    EXPECT_LT(power_step_l1_change(big, r1.score, weighted), 1e-11) << "weighted " << weighted;
  }

  // Weighted (Dijkstra) too.
  const LoadedGraph london = td::load_reference_network("london_gang", true);
  b1.weighted = b2.weighted = true;
  const auto w1 = betweenness(london.graph, b1).score;
  const auto w2 = betweenness(london.graph, b2).score;
  for (VertexId v = 0; v < london.graph.num_vertices(); ++v) EXPECT_TRUE(close_to(w2[v], w1[v], 1e-12));
}

TEST(Centrality, CsrGraphModelsBoostGraphConcepts) {
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<CsrGraph>));
  BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<CsrGraph>));
  BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<CsrGraph>));
  BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<CsrGraph>));
  BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<CsrGraph, CsrArc, boost::edge_weight_t>));
  // Edges of a graph with empty rows are all visited, in arc order.
  const CsrGraph g = make(4, {{1, 3, 1}, {3, 2, 1}}, true);
  ArcIndex expected = 0;
  for (auto [it, end] = edges(g); it != end; ++it) {
    EXPECT_EQ((*it).index, expected++);
    EXPECT_EQ(g.target((*it).index), (*it).target);
  }
  EXPECT_EQ(expected, 2u);
}

}  // namespace
}  // namespace casegraph
