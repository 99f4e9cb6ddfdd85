#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"
#include "engine/triage/clusters.h"
#include "tests/hand_case.h"

namespace casegraph {
namespace {

using test::HandCase;

// A hand-made case: two people share a car; a child reported missing is found
// at a flat where the car is read by a camera; a third person lives elsewhere;
// a petrol station is visited by everyone's cars.
HandCase make_case() {
  HandCase c;
  c.entity(1, entity_type::person);
  c.entity(2, entity_type::person);
  c.entity(3, entity_type::person);
  c.entity(4, entity_type::person);
  c.entity(10, entity_type::vehicle);
  c.entity(11, entity_type::location);  // the flat
  c.entity(13, entity_type::missing_episode);
  c.entity(14, entity_type::occurrence);
  c.link(link_type::keeper_of, 1, 10);
  c.link(link_type::keeper_of, 2, 10);
  c.read(10, 12, 11, 1000);  // the car at the flat (sighting 12)
  c.link(link_type::reported_missing, 3, 13, 900);
  c.link(link_type::found_at, 13, 11, 1100);
  c.link(link_type::suspect_in, 1, 14, 800);
  c.link(link_type::victim_in, 3, 14, 800);
  return c;
}

TEST(CaseGraph, FiltersByWindowKeepingUndatedFacts) {
  HandCase c = make_case();
  IdentityMap ids({}, {});
  CaseGraphFilter filter;
  filter.from = 950;
  CaseGraph cg = build_case_graph(c.entities, c.links, ids, filter);
  EXPECT_EQ(cg.graph.num_vertices(), 9u);
  // Dropped: the missing report (900) and both occurrence links (800).
  EXPECT_EQ(cg.links.size(), 5u);
  filter = {};
  filter.link_types = {std::string(link_type::keeper_of)};
  EXPECT_EQ(build_case_graph(c.entities, c.links, ids, filter).links.size(), 2u);
}

TEST(CaseGraph, ResolvedEntitiesBecomeOneVertex) {
  HandCase c = make_case();
  std::vector<std::int64_t> all;
  for (const auto& e : c.entities) all.push_back(e.id);
  IdentityMap ids(all, {{2, 4}});
  CaseGraph cg = build_case_graph(c.entities, c.links, ids, {});
  EXPECT_EQ(cg.graph.num_vertices(), 8u);
  EXPECT_EQ(cg.vertex(2), cg.vertex_of.at(ids.canonical(4)));
}

TEST(Projection, LinksPeopleThroughSharedObjectsPlacesAndEvents) {
  HandCase c = make_case();
  CaseGraph cg = c.build();
  Projection p = project_people(cg, {});
  ASSERT_EQ(p.graph.num_vertices(), 4u);  // the four people, in entity order
  auto weight_between = [&](VertexId a, VertexId b) {
    for (ArcIndex e = p.graph.arc_begin(a); e < p.graph.arc_end(a); ++e)
      if (p.graph.target(e) == b) return p.graph.weight(e);
    return 0.0;
  };
  // Tomasz and Farid share the car, its read and the flat: three shared
  // entities, each shared by people {1,2} or {1,2,3}.
  EXPECT_GT(weight_between(0, 1), 1.0);
  // Chloe meets Tomasz at the occurrence (2 people), and both men at the flat
  // where she was found and at the camera read of their car there (3 people
  // each: episode -> flat -> read is within her three links).
  EXPECT_NEAR(weight_between(0, 2), 1.0 + 0.5 + 0.5, 1e-6);
  EXPECT_NEAR(weight_between(1, 2), 0.5 + 0.5, 1e-6);
  EXPECT_EQ(weight_between(3, 0), 0.0);
  EXPECT_TRUE(p.hubs.empty());
}

TEST(Projection, HubsLinkNobody) {
  HandCase c = make_case();
  c.entity(20, entity_type::location);  // petrol station
  for (std::int64_t person = 1; person <= 4; ++person) c.link(link_type::seen_at, person, 20);
  CaseGraph cg = c.build();
  ProjectionParams params;
  params.hub_limit = 3;
  Projection p = project_people(cg, params);
  EXPECT_EQ(p.hubs, std::vector<VertexId>{cg.vertex(20)});
  EXPECT_EQ(p.graph.out_degree(3), 0u);  // Grace is linked only through the hub
}

// A phone called from everyone's phones is linked directly to no person, so
// only the count of people present (pass 1 of project_people) finds it a
// hub; at 3 links everyone then reaches everyone's phone, so those are hubs
// too, and only the car two of them share links anyone.
TEST(Projection, PlacesCrowdedAtTwoOrThreeLinksAreHubsToo) {
  HandCase c;
  for (std::int64_t person = 1; person <= 4; ++person) {
    c.entity(person, entity_type::person);
    c.entity(100 + person, entity_type::phone);
  }
  c.entity(200, entity_type::phone);  // popular phone
  c.entity(50, entity_type::vehicle);  // shared car
  for (std::int64_t person = 1; person <= 4; ++person) {
    c.link("uses_phone", person, 100 + person);
    c.link("called", 100 + person, 200, 1000);
  }
  c.link(link_type::keeper_of, 1, 50);
  c.link(link_type::keeper_of, 2, 50);
  CaseGraph cg = c.build();
  ProjectionParams params;
  params.hub_limit = 3;
  Projection p = project_people(cg, params);
  std::vector<VertexId> hubs{cg.vertex(101), cg.vertex(102), cg.vertex(103), cg.vertex(104), cg.vertex(200)};
  std::sort(hubs.begin(), hubs.end());
  EXPECT_EQ(p.hubs, hubs);
  ASSERT_EQ(p.graph.out_degree(0), 1u);
  EXPECT_EQ(p.graph.target(p.graph.arc_begin(0)), 1u);
  EXPECT_DOUBLE_EQ(p.graph.weight(p.graph.arc_begin(0)), 1.0);  // the car: k = 2
  EXPECT_EQ(p.graph.out_degree(2), 0u);
  EXPECT_EQ(p.graph.out_degree(3), 0u);
  // With room for all four, the popular phone links every pair: 1/(4-1) from
  // it and from each of the four phones (each reached by all at <= 3 links).
  params.hub_limit = 50;
  Projection open = project_people(cg, params);
  EXPECT_TRUE(open.hubs.empty());
  ASSERT_EQ(open.graph.out_degree(3), 3u);
  EXPECT_NEAR(open.graph.weight(open.graph.arc_begin(3)), 5.0 / 3.0, 1e-6);
}

TEST(Projection, WeakGradingWeakensTheLink) {
  HandCase c;
  c.entity(1, entity_type::person);
  c.entity(2, entity_type::person);
  c.entity(3, entity_type::intelligence);
  std::string error;
  c.link("subject_of", 1, 3);
  c.links.back().grading = *parse_grading("3E", &error);
  c.link("subject_of", 2, 3);
  c.links.back().grading = *parse_grading("1A", &error);
  CaseGraph cg = c.build();
  Projection p = project_people(cg, {});
  ASSERT_EQ(p.graph.out_degree(0), 1u);
  EXPECT_NEAR(p.graph.weight(p.graph.arc_begin(0)), 0.2, 1e-6);
}

TEST(Clusters, RankVictimAndSuspectGroupsFirstWithTheirEvidence) {
  HandCase c = make_case();
  CaseGraph cg = c.build();
  Projection p = project_people(cg, {});
  // Two communities: {Tomasz, Farid, Chloe} and {Grace} plus a lone pair test below.
  std::vector<std::uint32_t> membership{0, 0, 0, 1};
  auto clusters = rank_clusters(cg, p, membership, {}, {});
  ASSERT_EQ(clusters.size(), 1u);  // Grace alone is no cluster
  const RankedCluster& top = clusters[0];
  EXPECT_EQ(top.rank, 1);
  EXPECT_EQ(top.members, (std::vector<std::int64_t>{1, 2, 3}));
  // both, one victim, no repeat episode, one suspect, one occurrence of unknown
  // offence (gravity 0.5) as suspect, gravity 0.5 (engine/triage/clusters.h).
  // Suspect occurrences count half (volume is damped); no child offences (no dates of birth).
  double expected = 3 + std::log2(2) + 0 + std::log2(2) + 0.5 * std::log2(1.5) + 0.5;
  // links: every link touching the three people or their events/objects.
  const ScoreComponent& links = top.components[8];
  EXPECT_EQ(links.name, "links");
  expected += 0.25 * std::log2(1 + links.count);
  const ScoreComponent& recency = top.components[9];
  EXPECT_DOUBLE_EQ(recency.points, 1.0);  // the latest evidence in the case is this cluster's
  expected += 1.0;
  EXPECT_NEAR(top.score, expected, 1e-12);
  auto link_ids = [](const ScoreComponent& part) {
    std::vector<std::int64_t> ids;
    for (const EvidenceItem& item : part.evidence) ids.push_back(item.link_id);
    return ids;
  };
  EXPECT_EQ(top.components[1].name, "victims");
  EXPECT_EQ(link_ids(top.components[1]), (std::vector<std::int64_t>{5, 8}));
  EXPECT_EQ(top.components[3].name, "suspects");
  EXPECT_EQ(link_ids(top.components[3]), std::vector<std::int64_t>{7});
}

TEST(Clusters, SuspectsWithoutVictimsRankBelow) {
  HandCase c;
  for (std::int64_t i = 1; i <= 6; ++i) c.entity(i, entity_type::person);
  c.entity(10, entity_type::occurrence);  // burglary
  c.entity(11, entity_type::occurrence);  // exploitation
  for (std::int64_t i = 1; i <= 4; ++i) c.link(link_type::suspect_in, i, 10, 100);
  c.link(link_type::suspect_in, 5, 11, 100);
  c.link(link_type::victim_in, 6, 11, 100);
  CaseGraph cg = c.build();
  Projection p = project_people(cg, {});
  auto clusters = rank_clusters(cg, p, {0, 0, 0, 0, 1, 1}, {}, {});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].members, (std::vector<std::int64_t>{5, 6}));
}

}  // namespace
}  // namespace casegraph
