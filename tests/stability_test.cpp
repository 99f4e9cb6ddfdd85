// The person projection against its definition, computed here by brute force
// (every walk of up to three links, every pair at every shared place), and
// the projection-only stability: exact counting on a designed projection,
// edge numbering and perturbed copies, cores, and determinism by seed and
// thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "engine/community/leiden.h"
#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"
#include "engine/model/pole.h"
#include "engine/triage/stability.h"
#include "tests/hand_case.h"

namespace casegraph {
namespace {

using test::HandCase;

// A random multi-mode case: people, vehicles, phones, places and sightings,
// with link weights below and at 1 and a few direct person-person links.
HandCase random_case(std::uint32_t seed, int people, int others, int link_count) {
  std::mt19937 rng(seed);
  HandCase c;
  const std::string_view kinds[] = {entity_type::vehicle, entity_type::phone, entity_type::location, entity_type::sighting};
  for (int i = 1; i <= people + others; ++i) c.entity(i, i <= people ? entity_type::person : kinds[i % 4]);
  std::uniform_int_distribution<int> any(1, people + others);
  const double weights[] = {0.25, 0.5, 1.0, 1.0, 2.0};
  for (int i = 1; i <= link_count; ++i) {
    const int source = any(rng), target = any(rng);
    c.link(link_type::seen_at, source, target, std::nullopt, std::nullopt, weights[rng() % 5]);
  }
  return c;
}

// Best strength (max over walks, min along a walk, each edge capped at 1)
// from person vertex p to every non-person vertex within max_hops links,
// walking only through non-person, non-hub vertices: plain enumeration of
// walks, independent of the projection's layered walk.
void enumerate(const CaseGraph& cg, const std::vector<bool>& hub, VertexId u, double s, int hops_left,
               std::map<VertexId, double>& best) {
  if (hops_left == 0) return;
  for (ArcIndex a = cg.graph.arc_begin(u); a < cg.graph.arc_end(u); ++a) {
    const VertexId v = cg.graph.target(a);
    if (cg.type[v] == entity_type::person) continue;
    const double sv = std::min(s, std::min(1.0, cg.graph.weight(a)));
    double& b = best[v];
    b = std::max(b, sv);
    if (!hub[v]) enumerate(cg, hub, v, sv, hops_left - 1, best);
  }
}

// The projection's weights by definition: (person a, person b) -> weight, a < b.
std::map<std::pair<VertexId, VertexId>, double> projection_by_definition(const CaseGraph& cg, std::uint32_t hub_limit,
                                                                         int max_hops, std::set<VertexId>& hubs) {
  const VertexId n = cg.graph.num_vertices();
  std::vector<VertexId> people;
  std::map<VertexId, VertexId> index;
  for (VertexId v = 0; v < n; ++v)
    if (cg.type[v] == entity_type::person) {
      index[v] = static_cast<VertexId>(people.size());
      people.push_back(v);
    }
  std::vector<bool> hub(n, false);
  for (VertexId v = 0; v < n; ++v) {
    if (cg.type[v] == entity_type::person) continue;
    std::uint32_t linked = 0;
    for (VertexId u : cg.graph.neighbours(v)) linked += cg.type[u] == entity_type::person ? 1 : 0;
    if (linked > hub_limit) hub[v] = true;
  }
  std::map<VertexId, std::vector<std::pair<VertexId, double>>> present;  // place -> (person, strength)
  for (VertexId p : people) {
    std::map<VertexId, double> best;
    enumerate(cg, hub, p, 1.0, max_hops, best);
    for (auto [place, s] : best) present[place].push_back({index[p], s});
  }
  std::map<std::pair<VertexId, VertexId>, double> w;
  for (VertexId p : people)
    for (ArcIndex a = cg.graph.arc_begin(p); a < cg.graph.arc_end(p); ++a)
      if (cg.type[cg.graph.target(a)] == entity_type::person && p < cg.graph.target(a))
        w[{index[p], index[cg.graph.target(a)]}] += cg.graph.weight(a);
  for (VertexId v = 0; v < n; ++v)
    if (hub[v]) hubs.insert(v);
  for (const auto& [place, at] : present) {
    const std::size_t k = at.size();
    if (k > hub_limit) hubs.insert(place);
    if (k < 2 || k > hub_limit) continue;
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        if (at[i].first < at[j].first)
          w[{at[i].first, at[j].first}] += std::min(at[i].second, at[j].second) / static_cast<double>(k - 1);
  }
  return w;
}

TEST(ProjectionScale, EqualsTheDefinitionOnRandomCasesWithHubs) {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    HandCase c = random_case(seed, 40, 60, 260);
    const CaseGraph cg = c.build();
    ProjectionParams params;
    params.hub_limit = 6;
    params.threads = 3;
    const Projection p = project_people(cg, params);
    std::set<VertexId> hubs;
    const auto expected = projection_by_definition(cg, params.hub_limit, params.max_hops, hubs);
    EXPECT_EQ(std::vector<VertexId>(hubs.begin(), hubs.end()), p.hubs) << "seed " << seed;
    ASSERT_FALSE(hubs.empty()) << "the case should have hubs, seed " << seed;
    std::size_t arcs = 0;
    for (VertexId a = 0; a < p.graph.num_vertices(); ++a)
      for (ArcIndex e = p.graph.arc_begin(a); e < p.graph.arc_end(a); ++e) {
        const VertexId b = p.graph.target(e);
        auto it = expected.find({std::min(a, b), std::max(a, b)});
        ASSERT_NE(it, expected.end()) << "edge " << a << "-" << b << " not in the definition, seed " << seed;
        EXPECT_NEAR(p.graph.weight(e), it->second, 1e-6 * it->second) << a << "-" << b;
        ++arcs;
      }
    EXPECT_EQ(arcs, 2 * expected.size()) << "seed " << seed;
    EXPECT_GT(expected.size(), 50u);
  }
}

TEST(ProjectionScale, SameBytesWhateverTheThreadCount) {
  HandCase c = random_case(9, 60, 80, 400);
  const CaseGraph cg = c.build();
  ProjectionParams params;
  params.hub_limit = 8;
  params.threads = 1;
  const Projection one = project_people(cg, params);
  params.threads = 4;
  const Projection four = project_people(cg, params);
  EXPECT_EQ(one.graph.offsets(), four.graph.offsets());
  EXPECT_EQ(one.graph.targets(), four.graph.targets());
  EXPECT_EQ(one.graph.weights(), four.graph.weights());
  EXPECT_EQ(one.hubs, four.hubs);
}

// A projection over people 101..10x made by hand, with its case graph's
// vertex table (stability maps canonical ids to projection vertices).
struct HandProjection {
  CaseGraph cg;
  Projection projection;
};

HandProjection hand_projection(VertexId n, const std::vector<Edge>& edges) {
  HandProjection h;
  for (VertexId v = 0; v < n; ++v) {
    h.cg.entity.push_back(101 + v);
    h.cg.type.push_back(std::string(entity_type::person));
    h.cg.label.push_back("P" + std::to_string(v));
    h.cg.vertex_of[101 + v] = v;
    h.projection.case_vertex.push_back(v);
  }
  h.projection.graph = CsrGraph::from_edges(n, edges, false, true);
  return h;
}

// Connected components as the community detector: a core held together by a
// single edge is together exactly in the runs that keep that edge.
std::vector<std::uint32_t> components(const CsrGraph& g, std::uint64_t) {
  std::vector<std::uint32_t> label(g.num_vertices(), UINT32_MAX);
  std::uint32_t next = 0;
  for (VertexId s = 0; s < g.num_vertices(); ++s) {
    if (label[s] != UINT32_MAX) continue;
    std::vector<VertexId> stack{s};
    label[s] = next;
    while (!stack.empty()) {
      VertexId u = stack.back();
      stack.pop_back();
      for (VertexId v : g.neighbours(u))
        if (label[v] == UINT32_MAX) {
          label[v] = next;
          stack.push_back(v);
        }
    }
    ++next;
  }
  return label;
}

TEST(StabilityScale, CountsExactlyTheRunsKeepingTheBridge) {
  // Triangle 0-1-2 (three ways round) and a pendant pair 3-4 joined by one edge.
  HandProjection h = hand_projection(5, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {3, 4, 0.5}});
  StabilityParams params;
  params.runs = 60;
  params.drop_share = 0.3;
  params.seed = 5;
  params.together_share = 1.0;
  const std::vector<std::vector<std::int64_t>> cores{{101, 102, 103}, {104, 105}};
  const std::vector<double> share = graph_stability(h.cg, h.projection, h.projection.graph, cores, params, components);
  const ProjectionEdges edges(h.projection.graph);
  ASSERT_EQ(edges.edge_count(), 4u);
  // Edges are numbered by their lower end's row: 0-1, 0-2, 1-2, 3-4.
  double bridge = 0, triangle = 0;
  for (std::uint32_t r = 0; r < params.runs; ++r) {
    const std::vector<char> keep = stability_link_mask(4, params.drop_share, params.seed, r, nullptr);
    bridge += keep[3];
    triangle += (keep[0] + keep[1] + keep[2]) >= 2 ? 1 : 0;  // any two sides keep it connected
  }
  EXPECT_DOUBLE_EQ(share[1], bridge / params.runs);
  EXPECT_DOUBLE_EQ(share[0], triangle / params.runs);
  EXPECT_GT(share[0], share[1]);  // three ways round beats one bridge
  EXPECT_GT(share[1], 0.4);
  EXPECT_LT(share[1], 0.95);
}

TEST(StabilityScale, PerturbedCopiesDropExactlyTheMaskedEdgesBothWays) {
  std::mt19937 rng(4);
  std::vector<Edge> list;
  for (int i = 0; i < 300; ++i) list.push_back({static_cast<VertexId>(rng() % 50), static_cast<VertexId>(rng() % 50),
                                                0.25 * static_cast<double>(1 + rng() % 4)});
  const CsrGraph g = CsrGraph::from_edges(50, list, false, true);
  const ProjectionEdges edges(g);
  EXPECT_EQ(edges.edge_count(), g.num_edges());
  const std::vector<char> keep = stability_link_mask(edges.edge_count(), 0.4, 8, 2, nullptr);
  const CsrGraph cut = edges.without_dropped(keep);
  std::size_t kept = 0;
  for (char k : keep) kept += static_cast<std::size_t>(k);
  EXPECT_EQ(cut.num_edges(), kept);
  EXPECT_EQ(cut.num_vertices(), g.num_vertices());
  // Symmetric, same weights, a subset of the original; numbering edges of the
  // cut again succeeds (it checks symmetry).
  EXPECT_NO_THROW(ProjectionEdges{cut});
  for (VertexId u = 0; u < cut.num_vertices(); ++u)
    for (ArcIndex a = cut.arc_begin(u); a < cut.arc_end(u); ++a) {
      auto row = g.neighbours(u);
      auto it = std::lower_bound(row.begin(), row.end(), cut.target(a));
      ASSERT_NE(it, row.end());
      EXPECT_EQ(cut.weight(a), g.weight(g.arc_begin(u) + static_cast<ArcIndex>(it - row.begin())));
    }
  EXPECT_EQ(edges.without_dropped(std::vector<char>(edges.edge_count(), 1)).targets(), g.targets());
  // An asymmetric graph is refused.
  EXPECT_THROW(ProjectionEdges(CsrGraph::from_undirected_rows({0, 1, 1}, {1}, {1.0f})), std::invalid_argument);
}

TEST(StabilityScale, CoreIsMembersWithTwoLinksInside) {
  // 0-1-2 triangle with 3 hanging on 2 and 4 outside linked to 0 and 1.
  HandProjection h = hand_projection(5, {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {2, 3, 1}, {0, 4, 1}, {1, 4, 1}});
  EXPECT_EQ(cluster_core(h.cg, h.projection, {101, 102, 103, 104}, 2), (std::vector<std::int64_t>{101, 102, 103}));
  // Fewer than two qualify: the whole cluster is the core.
  EXPECT_EQ(cluster_core(h.cg, h.projection, {104, 103}, 2), (std::vector<std::int64_t>{103, 104}));
}

TEST(StabilityScale, DeterministicBySeedWhateverTheThreadCount) {
  // Planted partition: six groups of eight, dense inside, sparse between.
  std::mt19937 rng(21);
  std::vector<Edge> list;
  for (VertexId u = 0; u < 48; ++u)
    for (VertexId v = u + 1; v < 48; ++v)
      if ((u / 8 == v / 8 && rng() % 10 < 6) || rng() % 100 < 4) list.push_back({u, v, 1.0});
  HandProjection h = hand_projection(48, list);
  std::vector<std::vector<std::int64_t>> cores;
  for (int g = 0; g < 6; ++g) {
    std::vector<std::int64_t> members;
    for (int i = 0; i < 8; ++i) members.push_back(101 + 8 * g + i);
    cores.push_back(cluster_core(h.cg, h.projection, members, 2));
  }
  CommunityDetector leiden_detect = [](const CsrGraph& g, std::uint64_t seed) {
    LeidenParams p;
    p.seed = seed;
    p.threads = 1;
    return leiden(g, p).membership;
  };
  StabilityParams params;
  params.runs = 12;
  params.drop_share = 0.3;
  params.seed = 3;
  params.threads = 1;
  const std::vector<double> one = graph_stability(h.cg, h.projection, h.projection.graph, cores, params, leiden_detect);
  params.threads = 2;
  const std::vector<double> two = graph_stability(h.cg, h.projection, h.projection.graph, cores, params, leiden_detect);
  EXPECT_EQ(one, two);
  params.seed = 4;
  const std::vector<double> other = graph_stability(h.cg, h.projection, h.projection.graph, cores, params, leiden_detect);
  double mean = 0;
  for (double s : one) {
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
    mean += s / 6;
  }
  EXPECT_GT(mean, 0.5);  // planted groups mostly survive losing 30% of their ties
  EXPECT_EQ(other.size(), one.size());
}

}  // namespace
}  // namespace casegraph
