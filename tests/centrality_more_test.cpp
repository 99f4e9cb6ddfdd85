// Tests for the rest of engine/centrality: closeness (both conventions),
// harmonic, eigenvector, HITS, core number, local clustering, key players,
// sampled betweenness, and `casegraph measure` reaching them.
//
// References:
// - ../shared/data/reference/<network>.tsv (networkx 2.8.8 / igraph 0.10.2,
//   printed to 10 significant digits): checked to max(1e-9 |ref|, 1e-12), as
//   in centrality_test.cpp.
// - tests/fixtures/reference/centrality_more_*.tsv from
//   tests/scripts/reference_covert.py (networkx at full precision, each column
//   cross-checked there with igraph or a loop over the definition): weighted
//   (London gang) and directed, valued (CAVIAR) variants, to 1e-9 relative.
// - Key players: exhaustive enumeration of every set on small graphs.
// - Sampled betweenness: exact Brandes on a real network.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <unordered_map>

#include "engine/centrality/betweenness.h"
#include "engine/centrality/betweenness_sampled.h"
#include "engine/centrality/closeness.h"
#include "engine/centrality/clustering.h"
#include "engine/centrality/core_number.h"
#include "engine/centrality/eigenvector.h"
#include "engine/centrality/harmonic.h"
#include "engine/centrality/hits.h"
#include "engine/centrality/key_player.h"
#include "engine/centrality/pagerank.h"
#include "tests/centrality_checks.h"
#include "tests/reference_graphs.h"

namespace casegraph {
namespace {

namespace td = test_data;
using test::close_to;
using test::index_of;
using test::make;

// ------------------------------------------------------ reference networks

class ReferenceNetworkMore : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceNetworkMore, ClosenessHarmonicEigenvectorCoreClusteringMatch) {
  const std::string name = GetParam();
  const LoadedGraph g = td::load_reference_network(name);
  const td::ReferenceTable ref = td::reference_table(name);
  ASSERT_EQ(g.graph.num_vertices(), ref.nodes.size());
  const auto ids = index_of(g);

  ClosenessParams reachable;
  reachable.convention = DisconnectedConvention::reachable_only;
  const auto wf = closeness(g.graph).score;
  const auto reach = closeness(g.graph, reachable).score;
  const auto harm = harmonic(g.graph).score;
  const EigenvectorResult ev = eigenvector_centrality(g.graph);
  EXPECT_TRUE(ev.converged) << name << " after " << ev.iterations;
  const auto core = core_number(g.graph).score;
  const auto cc = local_clustering(g.graph).score;
  for (const std::string& node : ref.nodes) {
    const VertexId v = ids.at(node);
    EXPECT_TRUE(close_to(wf[v], ref.value(node, "closeness_nx"))) << name << " " << node;
    EXPECT_TRUE(close_to(reach[v], ref.value(node, "closeness_igraph"))) << name << " " << node;
    EXPECT_TRUE(close_to(harm[v], ref.value(node, "harmonic_nx"))) << name << " " << node;
    EXPECT_TRUE(close_to(ev.score[v], ref.value(node, "eigenvector_L2_nx"))) << name << " " << node;
    const double ev_igraph = ref.value(node, "eigenvector_L2_igraph");
    if (!std::isnan(ev_igraph)) {
      EXPECT_TRUE(close_to(ev.score[v], ev_igraph)) << name << " " << node;
    }
    EXPECT_EQ(core[v], ref.value(node, "core_number")) << name << " " << node;
    EXPECT_TRUE(close_to(cc[v], ref.value(node, "local_clustering"))) << name << " " << node;
  }
}

std::string network_name(const ::testing::TestParamInfo<std::string>& p) { return p.param; }
INSTANTIATE_TEST_SUITE_P(AllReferenceNetworks, ReferenceNetworkMore,
                         ::testing::ValuesIn(td::reference_network_names()), network_name);

TEST(CentralityMore, NoordinConventionsDiffer) {
  // The one disconnected reference network: the conventions must differ
  // there (else the test above would not tell them apart).
  const LoadedGraph g = td::load_reference_network("noordin");
  ClosenessParams reachable;
  reachable.convention = DisconnectedConvention::reachable_only;
  const auto wf = closeness(g.graph).score;
  const auto reach = closeness(g.graph, reachable).score;
  double largest_gap = 0;
  for (VertexId v = 0; v < g.graph.num_vertices(); ++v) {
    EXPECT_LE(wf[v], reach[v] + 1e-15);
    largest_gap = std::max(largest_gap, reach[v] - wf[v]);
  }
  EXPECT_GT(largest_gap, 0.4);
}

// ------------------------------------------- weighted and directed (fixtures)

TEST(CentralityMore, LondonGangWeightedMatchesNetworkx) {
  const LoadedGraph g = td::load_reference_network("london_gang", true);
  const td::ReferenceTable ref =
      td::read_reference_table(td::fixtures() / "reference/centrality_more_london_gang_weighted.tsv");
  ASSERT_EQ(ref.nodes.size(), g.graph.num_vertices());
  const auto ids = index_of(g);
  ClosenessParams cp;
  cp.weighted = true;
  HarmonicParams hp;
  hp.weighted = true;
  EigenvectorParams ep;
  ep.weighted = true;
  ClusteringParams kp;
  kp.weighted = true;
  const auto clo = closeness(g.graph, cp).score;
  const auto harm = harmonic(g.graph, hp).score;
  const EigenvectorResult ev = eigenvector_centrality(g.graph, ep);
  EXPECT_TRUE(ev.converged);
  const auto cc = local_clustering(g.graph, kp).score;
  for (const std::string& node : ref.nodes) {
    const VertexId v = ids.at(node);
    EXPECT_TRUE(close_to(clo[v], ref.value(node, "closeness_weighted"))) << node;
    EXPECT_TRUE(close_to(harm[v], ref.value(node, "harmonic_weighted"))) << node;
    EXPECT_TRUE(close_to(ev.score[v], ref.value(node, "eigenvector_weighted"))) << node;
    EXPECT_TRUE(close_to(cc[v], ref.value(node, "clustering_weighted"))) << node;
  }
}

TEST(CentralityMore, CaviarDirectedMatchesNetworkx) {
  const std::filesystem::path matrix = td::shared_data() / "covert/directed_valued/morselli_caviar.csv";
  const LoadedGraph g = td::load_adjacency_matrix(matrix, true, true);
  ASSERT_EQ(g.graph.num_arcs(), 295u);
  const td::ReferenceTable ref =
      td::read_reference_table(td::fixtures() / "reference/centrality_more_caviar_directed.tsv");
  ASSERT_EQ(ref.nodes.size(), g.graph.num_vertices());
  const auto ids = index_of(g);

  auto closeness_with = [&](PathDirection direction, bool weighted, DisconnectedConvention convention) {
    ClosenessParams p;
    p.direction = direction;
    p.weighted = weighted;
    p.convention = convention;
    return closeness(g.graph, p).score;
  };
  auto harmonic_with = [&](PathDirection direction, bool weighted) {
    HarmonicParams p;
    p.direction = direction;
    p.weighted = weighted;
    return harmonic(g.graph, p).score;
  };
  using enum PathDirection;
  using enum DisconnectedConvention;
  const std::vector<std::pair<std::string, std::vector<double>>> columns = {
      {"closeness_in", closeness_with(incoming, false, wasserman_faust)},
      {"closeness_out", closeness_with(outgoing, false, wasserman_faust)},
      {"closeness_in_weighted", closeness_with(incoming, true, wasserman_faust)},
      {"closeness_in_reachable", closeness_with(incoming, false, reachable_only)},
      {"closeness_out_reachable", closeness_with(outgoing, false, reachable_only)},
      {"closeness_in_weighted_reachable", closeness_with(incoming, true, reachable_only)},
      {"harmonic_in", harmonic_with(incoming, false)},
      {"harmonic_out", harmonic_with(outgoing, false)},
      {"harmonic_in_weighted", harmonic_with(incoming, true)},
  };
  HitsParams hp;
  const HitsResult plain = hits(g.graph, hp);
  hp.weighted = true;
  const HitsResult weighted = hits(g.graph, hp);
  EXPECT_TRUE(plain.converged);
  EXPECT_TRUE(weighted.converged);
  const auto core = core_number(g.graph).score;
  const auto cc = local_clustering(g.graph).score;
  ClusteringParams kp;
  kp.weighted = true;
  const auto cc_w = local_clustering(g.graph, kp).score;
  for (const std::string& node : ref.nodes) {
    const VertexId v = ids.at(node);
    for (const auto& [column, values] : columns)
      EXPECT_TRUE(close_to(values[v], ref.value(node, column))) << column << " " << node;
    // HITS converges geometrically; networkx stopped at an L1 change of 1e-14.
    EXPECT_TRUE(close_to(plain.hubs[v], ref.value(node, "hubs"), 1e-8)) << node;
    EXPECT_TRUE(close_to(plain.authorities[v], ref.value(node, "authorities"), 1e-8)) << node;
    EXPECT_TRUE(close_to(weighted.hubs[v], ref.value(node, "hubs_weighted"), 1e-8)) << node;
    EXPECT_TRUE(close_to(weighted.authorities[v], ref.value(node, "authorities_weighted"), 1e-8)) << node;
    EXPECT_EQ(core[v], ref.value(node, "core_number")) << node;
    EXPECT_TRUE(close_to(cc[v], ref.value(node, "clustering"))) << node;
    EXPECT_TRUE(close_to(cc_w[v], ref.value(node, "clustering_weighted"))) << node;
  }
}

// ------------------------------------------------------------ by hand

TEST(CentralityMore, ClosenessConventionsByHand) {
  // Pair 0-1, path 2-3-4, isolate 5: n = 6.
  const CsrGraph g = make(6, {{0, 1, 1}, {2, 3, 1}, {3, 4, 1}});
  ClosenessParams reachable;
  reachable.convention = DisconnectedConvention::reachable_only;
  const auto wf = closeness(g).score;
  const auto reach = closeness(g, reachable).score;
  // Reachable-only: the isolated pair scores the maximum, 1.
  EXPECT_DOUBLE_EQ(reach[0], 1.0);
  EXPECT_DOUBLE_EQ(reach[3], 1.0);
  EXPECT_DOUBLE_EQ(reach[2], 2.0 / 3.0);
  // Wasserman-Faust: times (r-1)/(n-1).
  EXPECT_DOUBLE_EQ(wf[0], 1.0 * 1.0 / 5.0);
  EXPECT_DOUBLE_EQ(wf[3], 1.0 * 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(wf[2], 2.0 / 3.0 * 2.0 / 5.0);
  EXPECT_EQ(wf[5], 0.0);
  EXPECT_EQ(reach[5], 0.0);
  HarmonicParams hp;
  const auto h = harmonic(g, hp).score;
  EXPECT_DOUBLE_EQ(h[2], 1.0 + 0.5);
  hp.normalized = true;
  EXPECT_DOUBLE_EQ(harmonic(g, hp).score[2], 1.5 / 5.0);
  // Directed path 0 -> 1 -> 2: incoming distances to 2 are 1 and 2.
  const CsrGraph d = make(3, {{0, 1, 1}, {1, 2, 1}}, true);
  EXPECT_DOUBLE_EQ(harmonic(d).score[2], 1.5);
  EXPECT_DOUBLE_EQ(harmonic(d).score[0], 0.0);
  HarmonicParams out;
  out.direction = PathDirection::outgoing;
  EXPECT_DOUBLE_EQ(harmonic(d, out).score[0], 1.5);
  // Weighted lengths: 0 -(2)- 1 -(3)- 2.
  const CsrGraph w = make(3, {{0, 1, 2}, {1, 2, 3}}, false, true);
  ClosenessParams cw;
  cw.weighted = true;
  EXPECT_DOUBLE_EQ(closeness(w, cw).score[1], 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(closeness(w, cw).score[0], 2.0 / 7.0);
}

TEST(CentralityMore, EigenvectorOfAStarByHand) {
  // K(1,3): lambda = sqrt(3); centre 1/sqrt(2), leaves 1/sqrt(6). Bipartite:
  // plain power iteration would oscillate, the shift by I must not.
  const CsrGraph star = make(4, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}});
  const EigenvectorResult ev = eigenvector_centrality(star);
  ASSERT_TRUE(ev.converged);
  EXPECT_NEAR(ev.score[0], 1 / std::sqrt(2.0), 1e-12);
  for (VertexId v = 1; v < 4; ++v) EXPECT_NEAR(ev.score[v], 1 / std::sqrt(6.0), 1e-12);
  EXPECT_THROW(eigenvector_centrality(make(2, {{0, 1, 1}}, true)), std::invalid_argument);
  EigenvectorParams weighted;
  weighted.weighted = true;
  EXPECT_THROW(eigenvector_centrality(make(2, {{0, 1, -1}}, false, true), weighted), std::invalid_argument);
}

TEST(CentralityMore, HitsByHand) {
  // 0 -> 1, 0 -> 2, 3 -> 1: A^T A has top eigenvector (2, 1) on (1, 2)'s
  // ... authorities a1 : a2 = (1 + sqrt5)/2 : 1, hubs h0 : h3 = (1 + sqrt5)/2 : 1.
  const CsrGraph g = make(4, {{0, 1, 1}, {0, 2, 1}, {3, 1, 1}}, true);
  const HitsResult r = hits(g);
  ASSERT_TRUE(r.converged);
  const double phi = (1 + std::sqrt(5.0)) / 2;
  EXPECT_NEAR(r.authorities[1] / r.authorities[2], phi, 1e-10);
  EXPECT_NEAR(r.hubs[0] / r.hubs[3], phi, 1e-10);
  EXPECT_EQ(r.hubs[1], 0.0);
  EXPECT_EQ(r.authorities[0], 0.0);
  EXPECT_NEAR(r.hubs[0] + r.hubs[3], 1.0, 1e-15);
  // Undirected: hubs and authorities coincide.
  const LoadedGraph karate = td::load_reference_network("karate");
  const HitsResult u = hits(karate.graph);
  for (VertexId v = 0; v < karate.graph.num_vertices(); ++v) EXPECT_NEAR(u.hubs[v], u.authorities[v], 1e-13);
  // No arcs: uniform.
  const HitsResult none = hits(make(3, {}, true));
  for (double x : none.hubs) EXPECT_DOUBLE_EQ(x, 1.0 / 3.0);
}

TEST(CentralityMore, CoreNumberAndClusteringByHand) {
  // K4 on 0..3, a triangle 4-5-6 hanging off 3 via 3-4, pendant 7 on 6, isolate 8.
  const CsrGraph g = make(9, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1},
                              {3, 4, 1}, {4, 5, 1}, {5, 6, 1}, {6, 4, 1}, {6, 7, 1}});
  const CoreNumberResult core = core_number(g);
  EXPECT_EQ(core.score, (std::vector<double>{3, 3, 3, 3, 2, 2, 2, 1, 0}));
  EXPECT_EQ(core.degeneracy, 3u);
  const auto cc = local_clustering(g).score;
  EXPECT_DOUBLE_EQ(cc[0], 1.0);
  EXPECT_DOUBLE_EQ(cc[3], 3.0 / 6.0);  // degree 4: 3 of its 6 neighbour pairs linked
  EXPECT_DOUBLE_EQ(cc[4], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(cc[6], 1.0 / 3.0);
  EXPECT_EQ(cc[7], 0.0);
  EXPECT_EQ(cc[8], 0.0);
  // Directed: a reciprocated pair counts twice in the degree (networkx).
  const CsrGraph d = make(3, {{0, 1, 1}, {1, 0, 1}, {1, 2, 1}}, true);
  EXPECT_EQ(core_number(d).score, (std::vector<double>{2, 2, 1}));
}

// ------------------------------------------------------------ key players

// Every k-subset of 0..n-1, in lexicographic order.
template <typename F>
void for_each_subset(VertexId n, VertexId k, F&& f) {
  std::vector<VertexId> set(k);
  for (VertexId i = 0; i < k; ++i) set[i] = i;
  while (true) {
    f(set);
    VertexId i = k;
    while (i > 0 && set[i - 1] == n - k + (i - 1)) --i;
    if (i == 0) return;
    ++set[i - 1];
    for (VertexId j = i; j < k; ++j) set[j] = set[j - 1] + 1;
  }
}

TEST(CentralityMore, KeyPlayerObjectivesByHand) {
  // Path 0-1-2-3-4.
  const CsrGraph path = make(5, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}});
  const VertexId middle[] = {2};
  // Removing 2 leaves {0,1}, {3,4}: 1 - (2 + 2) / (4 * 3).
  EXPECT_DOUBLE_EQ(fragmentation(path, middle), 1.0 - 4.0 / 12.0);
  EXPECT_DOUBLE_EQ(fragmentation(path, {}), 0.0);
  const VertexId three[] = {1, 2, 3};
  EXPECT_DOUBLE_EQ(fragmentation(path, three), 1.0);  // 0 and 4 left, not linked
  // Reach from {2}: itself 1, two at distance 1, two at distance 2: (1 + 2 + 1) / 5.
  EXPECT_DOUBLE_EQ(distance_weighted_reach(path, middle), 4.0 / 5.0);
  const VertexId ends[] = {0, 4};
  EXPECT_DOUBLE_EQ(distance_weighted_reach(path, ends), (2 + 2 * 1.0 + 0.5) / 5.0);
  // Directed: reach follows out-arcs only.
  const CsrGraph d = make(3, {{0, 1, 1}, {1, 2, 1}}, true);
  const VertexId last[] = {2};
  EXPECT_DOUBLE_EQ(distance_weighted_reach(d, last), 1.0 / 3.0);
}

TEST(CentralityMore, KeyPlayerSearchFindsTheEnumeratedOptimum) {
  // Karate (34) and CAVIAR (110), k = 1..3: the greedy + swap search must
  // reach the best value over all C(n, k) sets.
  for (const char* name : {"karate", "caviar"}) {
    const LoadedGraph g = td::load_reference_network(name);
    const VertexId n = g.graph.num_vertices();
    const VertexId max_k = std::string(name) == "karate" ? 3 : 2;
    for (KeyPlayerObjective objective : {KeyPlayerObjective::fragmentation, KeyPlayerObjective::reach}) {
      for (VertexId k = 1; k <= max_k; ++k) {
        double best = -1;
        for_each_subset(n, k, [&](const std::vector<VertexId>& set) {
          const double value = objective == KeyPlayerObjective::fragmentation
                                   ? fragmentation(g.graph, set)
                                   : distance_weighted_reach(g.graph, set);
          best = std::max(best, value);
        });
        KeyPlayerParams p;
        p.objective = objective;
        p.k = k;
        const KeyPlayerResult r = key_players(g.graph, p);
        ASSERT_EQ(r.members.size(), k);
        EXPECT_NEAR(r.value, best, 1e-12) << name << " k=" << k;
        const double recomputed = objective == KeyPlayerObjective::fragmentation
                                      ? fragmentation(g.graph, r.members)
                                      : distance_weighted_reach(g.graph, r.members);
        EXPECT_DOUBLE_EQ(r.value, recomputed);
        EXPECT_GE(r.value, r.greedy_value);
      }
    }
  }
}

TEST(CentralityMore, KeyPlayerSwapsRepairGreedy) {
  // Two stars (centres 0 and 5, four leaves each) joined through a bridge
  // vertex 10 linked to both centres. For k = 2 fragmentation, greedy takes
  // the bridge first (it alone splits the graph), but the best pair is the
  // two centres; the swap phase must find it.
  std::vector<Edge> edges;
  for (VertexId leaf = 1; leaf <= 4; ++leaf) edges.push_back({0, leaf, 1});
  for (VertexId leaf = 6; leaf <= 9; ++leaf) edges.push_back({5, leaf, 1});
  edges.push_back({0, 10, 1});
  edges.push_back({5, 10, 1});
  const CsrGraph g = make(11, edges);
  KeyPlayerParams p;
  p.k = 2;
  const KeyPlayerResult r = key_players(g, p);
  EXPECT_EQ(r.members, (std::vector<VertexId>{0, 5}));
  const VertexId centres[] = {0, 5};
  EXPECT_DOUBLE_EQ(r.value, fragmentation(g, centres));
  EXPECT_DOUBLE_EQ(r.value, 1.0);
  const KeyPlayerResult all = key_players(g, {KeyPlayerObjective::reach, 20, false, 10, 1});
  EXPECT_EQ(all.members.size(), 11u);
  EXPECT_DOUBLE_EQ(all.value, 1.0);
}

// ------------------------------------------------------ sampled betweenness

TEST(CentralityMore, SampleSizeFollowsRiondatoKornaropoulos) {
  // VD = 10: floor(log2 8) = 3; r = 0.5 / 0.01^2 * (3 + 1 + ln 10).
  EXPECT_EQ(riondato_kornaropoulos_sample_size(10, 0.01, 0.1),
            static_cast<std::uint64_t>(std::ceil(5000.0 * (4.0 + std::log(10.0)))));
  EXPECT_EQ(riondato_kornaropoulos_sample_size(2, 0.1, 0.5),
            static_cast<std::uint64_t>(std::ceil(50.0 * (1.0 + std::log(2.0)))));
  EXPECT_THROW(riondato_kornaropoulos_sample_size(10, 0, 0.1), std::invalid_argument);
  EXPECT_THROW(riondato_kornaropoulos_sample_size(10, 0.1, 1), std::invalid_argument);
  // Path of 6: vertex diameter 6, the bound from an end vertex is exact.
  EXPECT_EQ(vertex_diameter_bound(make(6, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}}), false), 6u);
}

void expect_within_epsilon(const CsrGraph& g, const SampledBetweennessParams& p, const char* what) {
  const SampledBetweennessResult approx = betweenness_sampled(g, p);
  const std::vector<double> exact = betweenness(g).score;
  const double n = g.num_vertices();
  const double to_normalized = (g.directed() ? 1.0 : 2.0) / (n * (n - 1));
  double worst = 0;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    worst = std::max(worst, std::abs(approx.normalized[v] - exact[v] * to_normalized));
    EXPECT_NEAR(approx.score[v], approx.normalized[v] / to_normalized, 1e-9 * (1 + approx.score[v]));
  }
  EXPECT_LE(worst, p.epsilon) << what;
  // The bound is loose by design; a far smaller error says the estimator is right.
  EXPECT_LT(worst, p.epsilon / 2) << what;
  std::printf("%s: %llu samples (VD bound %u), max error %.5f normalised (epsilon %.3f)\n", what,
              static_cast<unsigned long long>(approx.samples), approx.vertex_diameter_bound, worst, p.epsilon);
}

TEST(CentralityMore, SampledBetweennessWithinEpsilonOnRealNetworks) {
  GraphFileOptions o;
  const LoadedGraph netscience = read_graph_file(td::shared_data() / "graphs/netscience.gml", o);
  SampledBetweennessParams p;
  p.epsilon = 0.01;
  p.delta = 0.1;
  p.seed = 42;
  expect_within_epsilon(netscience.graph, p, "netscience");
  const LoadedGraph caviar =
      td::load_adjacency_matrix(td::shared_data() / "covert/directed_valued/morselli_caviar.csv", true, true);
  p.epsilon = 0.02;
  expect_within_epsilon(caviar.graph, p, "caviar directed");
  const LoadedGraph london = td::load_reference_network("london_gang", true);
  p.weighted = true;
  const SampledBetweennessResult w = betweenness_sampled(london.graph, p);
  BetweennessParams bp;
  bp.weighted = true;
  const auto exact = betweenness(london.graph, bp).score;
  for (VertexId v = 0; v < london.graph.num_vertices(); ++v)
    EXPECT_LE(std::abs(w.score[v] - exact[v]), w.raw_error_bound) << london.names[v];
}

TEST(CentralityMore, SampledBetweennessDependsOnSeedNotThreads) {
  const LoadedGraph g = td::load_reference_network("polbooks");
  SampledBetweennessParams p;
  p.epsilon = 0.05;
  p.threads = 1;
  const auto one = betweenness_sampled(g.graph, p).score;
  p.threads = 2;
  EXPECT_EQ(betweenness_sampled(g.graph, p).score, one);
  p.seed = 2;
  EXPECT_NE(betweenness_sampled(g.graph, p).score, one);
}

// ------------------------------------------------------- thread independence

// The same bits on one thread as on two.
template <class Result, class Params>
void expect_thread_count_independent(const CsrGraph& g, Result (*measure)(const CsrGraph&, const Params&)) {
  Params one, two;
  one.threads = 1;
  two.threads = 2;
  EXPECT_EQ(measure(g, one).score, measure(g, two).score);
}

TEST(CentralityMore, ThreadCountIndependence) {
  GraphFileOptions o;
  const LoadedGraph g = read_graph_file(td::shared_data() / "graphs/netscience.gml", o);
  expect_thread_count_independent(g.graph, closeness);
  expect_thread_count_independent(g.graph, harmonic);
  expect_thread_count_independent(g.graph, local_clustering);
}

TEST(CentralityMore, BadWeightsAreAnError) {
  const CsrGraph zero = make(3, {{0, 1, 0}, {1, 2, 1}}, false, true);
  const CsrGraph negative = make(3, {{0, 1, -1}, {1, 2, 1}}, false, true);
  ClosenessParams c;
  c.weighted = true;
  EXPECT_THROW(closeness(zero, c), std::invalid_argument);
  HarmonicParams h;
  h.weighted = true;
  EXPECT_THROW(harmonic(negative, h), std::invalid_argument);
  ClusteringParams k;
  k.weighted = true;
  EXPECT_THROW(local_clustering(negative, k), std::invalid_argument);
  EXPECT_NO_THROW(local_clustering(zero, k));
  HitsParams hp;
  hp.weighted = true;
  EXPECT_THROW(hits(negative, hp), std::invalid_argument);
  SampledBetweennessParams s;
  s.weighted = true;
  EXPECT_THROW(betweenness_sampled(zero, s), std::invalid_argument);
  KeyPlayerParams kp;
  kp.objective = KeyPlayerObjective::reach;
  kp.weighted = true;
  EXPECT_THROW(key_players(negative, kp), std::invalid_argument);
}

// --------------------------------------------------------- casegraph measure

std::unordered_map<std::string, double> read_measure_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "vertex,value");
  std::unordered_map<std::string, double> values;
  while (std::getline(in, line)) {
    const auto comma = line.rfind(',');
    values[line.substr(0, comma)] = std::stod(line.substr(comma + 1));
  }
  return values;
}

int run_cli(const std::string& args) {
  const std::string command = std::string(CASEGRAPH_CLI) + " " + args + " 2>/dev/null";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CentralityMore, MeasureReachesTheNewAlgorithms) {
  const std::filesystem::path karate = td::shared_data() / "graphs/karate.edges.tsv";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("casegraph_centrality_more_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const td::ReferenceTable ref = td::reference_table("karate");
  const std::pair<const char*, const char*> cases[] = {{"closeness", "closeness_nx"},
                                                       {"closeness_reachable", "closeness_igraph"},
                                                       {"harmonic", "harmonic_nx"},
                                                       {"eigenvector", "eigenvector_L2_nx"},
                                                       {"core_number", "core_number"},
                                                       {"clustering", "local_clustering"}};
  for (const auto& [algorithm, column] : cases) {
    const std::filesystem::path out = dir / (std::string(algorithm) + ".csv");
    ASSERT_EQ(run_cli("measure " + karate.string() + " --algorithm " + algorithm + " -o " + out.string()), 0)
        << algorithm;
    const auto values = read_measure_csv(out);
    ASSERT_EQ(values.size(), 34u);
    for (const std::string& node : ref.nodes)
      EXPECT_TRUE(close_to(values.at(node), ref.value(node, column))) << algorithm << " " << node;
  }
  // Personalised PageRank from a restart set, against the engine.
  const std::filesystem::path ppr = dir / "ppr.csv";
  ASSERT_EQ(run_cli("measure " + karate.string() + " --algorithm pagerank --seeds 0,33 -o " + ppr.string()), 0);
  const LoadedGraph g = td::load_reference_network("karate");
  const auto ids = index_of(g);
  PageRankParams p;
  p.personalization.assign(34, 0.0);
  p.personalization[ids.at("0")] = 1;
  p.personalization[ids.at("33")] = 1;
  const auto expected = pagerank(g.graph, p).score;
  const auto got = read_measure_csv(ppr);
  for (VertexId v = 0; v < 34; ++v) EXPECT_TRUE(close_to(got.at(g.names[v]), expected[v], 1e-15));
  EXPECT_EQ(run_cli("measure " + karate.string() + " --algorithm pagerank --seeds 0,nobody -o " + ppr.string()), 1);
  // Key players: --k members marked 1.
  const std::filesystem::path kpp = dir / "kpp.csv";
  ASSERT_EQ(run_cli("measure " + karate.string() + " --algorithm kpp_neg --k 2 -o " + kpp.string()), 0);
  double marked = 0;
  for (const auto& [node, value] : read_measure_csv(kpp)) marked += value;
  EXPECT_EQ(marked, 2.0);
  EXPECT_EQ(run_cli("measure " + karate.string() + " --algorithm betweenness_sampled --epsilon 2 -o " + kpp.string()),
            2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casegraph
