// Triage: the gravity table, stability (exact counting on a designed case,
// determinism by seed, range), victim proximity, the protected-attribute
// guarantee and, through the CLI, explain's evidence traced to real source
// rows and the planted networks of examples/case at the top.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/model/pole.h"
#include "engine/store/case_file.h"
#include "engine/triage/analysis.h"
#include "engine/triage/evidence_pull.h"
#include "engine/triage/evidence_ties.h"
#include "engine/triage/gravity.h"
#include "engine/triage/merge_clusters.h"
#include "engine/triage/stability.h"
#include "importers/csv_reader.h"
#include "tests/cli_support.h"
#include "tests/hand_case.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;

using test::HandCase;
using test::Outcome;
using test::run_cli;
using test::shell_quote;
using test::slurp;
using test::TempDir;
const fs::path kExample = fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "case";

TEST(TriageGravity, TableReadsOffenceTextCaseInsensitively) {
  EXPECT_EQ(offence_gravity("Sexual activity with a child"), 3.0);
  EXPECT_EQ(offence_gravity("CHILD SEXUAL EXPLOITATION CONCERN"), 3.0);
  EXPECT_EQ(offence_gravity("Child abduction warning notice"), 2.0);
  EXPECT_EQ(offence_gravity("Burglary dwelling"), 1.0);
  EXPECT_EQ(offence_gravity("Shoplifting"), 0.5);
  EXPECT_EQ(offence_gravity("Concern for welfare"), 0.0);
  EXPECT_EQ(offence_gravity("Something unheard of"), kUnknownOffenceGravity);
  for (const GravityEntry& e : gravity_table()) {
    EXPECT_GE(e.gravity, 0.0);
    EXPECT_LE(e.gravity, 3.0);
  }
}

// Adult-child phone contact (evidence_ties.h) on a hand-made case. Child 1
// (born 2010) lives at 21 with parent 3; adult 2 lives at 22; person 4 has no
// date of birth. Child 1 goes missing (episode 31) at 2024-03-01 20:00 UTC.
TEST(TriageEvidenceTies, AdultChildContactBeforeEpisodesAndAtNight) {
  HandCase hand;
  hand.entity(1, entity_type::person, {{"dob", "2010-01-01"}});
  hand.entity(2, entity_type::person, {{"dob", "1980-01-01"}});
  hand.entity(3, entity_type::person, {{"dob", "1980-01-01"}});
  hand.entity(4, entity_type::person);
  for (std::int64_t phone : {11, 12, 13, 14}) hand.entity(phone, entity_type::phone);
  for (std::int64_t place : {21, 22}) hand.entity(place, entity_type::location);
  hand.entity(31, entity_type::missing_episode);
  for (std::int64_t p : {1, 2, 3, 4}) hand.link("uses", p, 10 + p);
  hand.link(link_type::resides_at, 1, 21);
  hand.link(link_type::resides_at, 3, 21);
  hand.link(link_type::resides_at, 2, 22);
  const Timestamp went = 1709323200;  // 2024-03-01T20:00:00Z
  hand.link(link_type::reported_missing, 1, 31, went);
  const std::int64_t before = hand.link(link_type::called, 12, 11, went - 3600);        // 19:00, before she went
  const std::int64_t at_night = hand.link(link_type::called, 11, 12, went - 86400 + 3 * 3600);  // 23:00 the day before
  hand.link(link_type::called, 12, 11, went - 4 * 3600 - 60);  // 15:59: neither at night nor within three hours
  hand.link(link_type::called, 13, 11, went - 1800);           // the parent: shares her address
  hand.link(link_type::called, 14, 11, went - 86400 + 4 * 3600);  // no date of birth: not known to be an adult
  const CaseGraph cg = hand.build();
  const IdentityMap identities({}, {});
  const auto born = births_of(hand.entities, identities);
  const PhoneUsers users = phone_users(cg);
  const std::vector<ContactFinding> found = contact_findings(cg, users, born, 3 * 3600);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].link_id, before);
  EXPECT_EQ(found[0].child, 1);
  EXPECT_EQ(found[0].adult, 2);
  EXPECT_EQ(found[0].episode, 31);
  EXPECT_FALSE(found[0].night);
  EXPECT_EQ(found[1].link_id, at_night);
  EXPECT_EQ(found[1].episode, 0);
  EXPECT_TRUE(found[1].night);

  // The ties: with the projection, contact and co-presence ties switched
  // off, child and adult are tied by one episode and one night call alone.
  const Projection projection = project_people(cg, {});
  ClusterInputs inputs;
  inputs.phone_users = users;
  inputs.born = born;
  inputs.contacts = found;
  ClusterParams params;
  params.disabled = {"projection", "call_ties", "copresence_ties"};
  const CsrGraph ties = clustering_graph(cg, projection, inputs, params);
  std::map<std::pair<std::int64_t, std::int64_t>, double> weight;
  for (VertexId u = 0; u < ties.num_vertices(); ++u)
    for (ArcIndex a = ties.arc_begin(u); a < ties.arc_end(u); ++a)
      weight[{cg.entity[projection.case_vertex[u]], cg.entity[projection.case_vertex[ties.target(a)]]}] +=
          ties.weight(a);
  ASSERT_EQ(weight.size(), 2U);  // 1-2 and 2-1 only
  const double child_adult = weight[std::make_pair(std::int64_t{1}, std::int64_t{2})];
  EXPECT_NEAR(child_adult, params.episode_call_tie * std::log2(2.0) + params.night_call_tie * std::log2(2.0), 1e-6);
}

// child_offences weighs harm to children by kind and concentration: a
// prolific burglar's one assault on a child does not count, an assault by
// someone whose occurrences are all against children does, and a robbery of
// a child (gravity 2) counts whoever commits it.
TEST(TriageChildOffences, GraveOrConcentratedOnly) {
  HandCase hand;
  ClusterInputs inputs;
  const Timestamp when = 1709323200;  // 2024-03-01
  auto person = [&](std::int64_t id, std::string dob) { hand.entity(id, entity_type::person, {{"dob", dob}}); };
  auto occurrence = [&](std::int64_t id, std::string offence, std::int64_t suspect, std::int64_t victim) {
    hand.entity(id, entity_type::occurrence);
    inputs.offence_of[id] = offence;
    hand.link(link_type::suspect_in, suspect, id, when);
    hand.link(link_type::victim_in, victim, id, when);
  };
  for (std::int64_t adult : {2, 3, 6, 7}) person(adult, "1980-01-01");
  for (std::int64_t child : {1, 4, 5}) person(child, "2008-06-01");
  occurrence(101, "Assault", 2, 1);  // the prolific burglar's one assault on a child
  for (std::int64_t o : {102, 103, 104, 105}) occurrence(o, "Burglary dwelling", 2, 7);
  occurrence(111, "Assault", 3, 4);  // all of 3's occurrences are against children
  occurrence(121, "Robbery", 6, 5);  // grave whoever commits it
  for (std::int64_t o : {122, 123, 124}) occurrence(o, "Burglary dwelling", 6, 7);
  const IdentityMap identities({}, {});
  const CaseGraph cg = build_case_graph(hand.entities, hand.links, identities, {});
  inputs.born = births_of(hand.entities, identities);
  const Projection projection = project_people(cg, {});
  const std::map<std::int64_t, std::uint32_t> group{{2, 0}, {1, 0}, {3, 1}, {4, 1}, {6, 2}, {5, 2}, {7, 3}};
  std::vector<std::uint32_t> membership;
  for (VertexId v : projection.case_vertex) membership.push_back(group.at(cg.entity[v]));
  ClusterParams params;
  std::map<std::int64_t, double> child_offences;  // by the cluster's suspect
  for (const RankedCluster& c : rank_clusters(cg, projection, membership, inputs, params))
    for (const ScoreComponent& part : c.components)
      if (part.name == "child_offences") child_offences[c.members.back()] = part.count;
  ASSERT_EQ(child_offences.size(), 3U);
  EXPECT_EQ(child_offences.at(2), 0.0);
  EXPECT_EQ(child_offences.at(4), 1.0);  // members {3, 4}: the assault, gravity 1
  EXPECT_EQ(child_offences.at(6), 2.0);  // members {5, 6}: the robbery, gravity 2
}

// gravity reads only occurrences against children
// (ClusterParams::gravity_of_harm_to_children): a member's robbery of an
// adult (gravity 2) is volume crime beside an assault on a child (gravity 1).
TEST(TriageClusters, GravityReadsHarmToChildrenOnly) {
  HandCase hand;
  ClusterInputs inputs;
  const Timestamp when = 1709323200;  // 2024-03-01
  hand.entity(1, entity_type::person, {{"dob", "2010-01-01"}});
  for (std::int64_t adult : {2, 3, 7}) hand.entity(adult, entity_type::person, {{"dob", "1980-01-01"}});
  auto occurrence = [&](std::int64_t id, std::string offence, std::int64_t suspect, std::int64_t victim) {
    hand.entity(id, entity_type::occurrence);
    inputs.offence_of[id] = offence;
    hand.link(link_type::suspect_in, suspect, id, when);
    return hand.link(link_type::victim_in, victim, id, when);
  };
  occurrence(101, "Robbery", 2, 7);
  const std::int64_t harmed = occurrence(102, "Assault", 3, 1);
  const IdentityMap identities({}, {});
  const CaseGraph cg = build_case_graph(hand.entities, hand.links, identities, {});
  inputs.born = births_of(hand.entities, identities);
  const Projection projection = project_people(cg, {});
  const std::vector<std::uint32_t> membership(projection.case_vertex.size(), 0);
  for (const bool children_only : {true, false}) {
    ClusterParams params;
    params.gravity_of_harm_to_children = children_only;
    const std::vector<RankedCluster> clusters = rank_clusters(cg, projection, membership, inputs, params);
    ASSERT_EQ(clusters.size(), 1U);
    for (const ScoreComponent& part : clusters[0].components) {
      if (part.name != "gravity") continue;
      EXPECT_EQ(part.count, children_only ? 1.0 : 2.0);
      ASSERT_FALSE(part.evidence.empty());
      if (children_only) {
        EXPECT_TRUE(std::any_of(part.evidence.begin(), part.evidence.end(),
                                [&](const EvidenceItem& e) { return e.link_id == harmed; }));
      }
    }
  }
}

// Suspects count when evidence ties them to a child victim of their cluster
// (one occurrence, co-presence, or calls): a burglar grouped with a ring by
// the background adds no suspect, no occurrence and no intelligence. The
// victim_and_suspect evidence names the tie: here the call between the two.
TEST(TriageClusters, SuspectsTiedToChildVictimsCountAndTheTieIsShown) {
  HandCase hand;
  ClusterInputs inputs;
  const Timestamp when = 1709323200;  // 2024-03-01T20:00:00Z
  hand.entity(1, entity_type::person, {{"dob", "2010-01-01"}});  // the missing child
  for (std::int64_t adult : {2, 3, 4}) hand.entity(adult, entity_type::person, {{"dob", "1980-01-01"}});
  for (std::int64_t phone : {11, 12}) hand.entity(phone, entity_type::phone);
  hand.entity(31, entity_type::missing_episode);
  hand.entity(41, entity_type::intelligence);
  hand.link(link_type::reported_missing, 1, 31, when);
  hand.link("uses", 1, 11);
  hand.link("uses", 2, 12);
  const std::int64_t call = hand.link(link_type::called, 12, 11, when - 3600);
  auto occurrence = [&](std::int64_t id, std::string offence, std::int64_t suspect, std::int64_t victim) {
    hand.entity(id, entity_type::occurrence);
    inputs.offence_of[id] = offence;
    hand.link(link_type::suspect_in, suspect, id, when - 86400);
    hand.link(link_type::victim_in, victim, id, when - 86400);
  };
  occurrence(101, "Assault", 2, 4);          // the caller, as suspect (victim: an adult)
  occurrence(102, "Burglary dwelling", 3, 4);  // the burglar, tied to no child
  hand.link("subject_of", 3, 41, when);
  const IdentityMap identities({}, {});
  const CaseGraph cg = build_case_graph(hand.entities, hand.links, identities, {});
  inputs.born = births_of(hand.entities, identities);
  inputs.phone_users = phone_users(cg);
  const Projection projection = project_people(cg, {});
  const std::vector<std::uint32_t> membership(projection.case_vertex.size(), 0);
  const std::vector<RankedCluster> clusters = rank_clusters(cg, projection, membership, inputs, ClusterParams{});
  ASSERT_EQ(clusters.size(), 1U);
  std::map<std::string, const ScoreComponent*> part;
  for (const ScoreComponent& c : clusters[0].components) part[c.name] = &c;
  EXPECT_EQ(part.at("suspects")->count, 1.0);              // 2, not 3
  EXPECT_EQ(part.at("suspect_occurrences")->count, 1.0);   // the assault (gravity 1), not the burglary
  EXPECT_EQ(part.at("intelligence")->count, 0.0);          // the report on 3
  const ScoreComponent& pairing = *part.at("victim_and_suspect");
  EXPECT_EQ(pairing.points, 3.0);
  ASSERT_EQ(pairing.evidence.size(), 3U);  // the missing report, the suspect's role, the call
  EXPECT_EQ(pairing.evidence[2].link_id, call);
  EXPECT_EQ(pairing.evidence[2].what.rfind("tie: call between", 0), 0U) << pairing.evidence[2].what;
  // Counting every suspect, as before:
  ClusterParams every;
  every.victim_linked_suspects = false;
  // Held in a local: a range-for over a member of a temporary's element
  // would read it after the temporary is destroyed.
  const std::vector<RankedCluster> counted_all = rank_clusters(cg, projection, membership, inputs, every);
  for (const ScoreComponent& c : counted_all[0].components)
    if (c.name == "suspects") {
      EXPECT_EQ(c.count, 2.0);
    }
}

// An adult named by no record but in contact with a missing child in the
// hours before she went (ClusterParams::contact_suspects) counts as a
// suspect, and the pair ties victim and suspect by the call; an adult whose
// call came four hours before does not.
TEST(TriageClusters, ContactBeforeMissingMakesASuspect) {
  HandCase hand;
  const Timestamp went = 1709323200;  // 2024-03-01T20:00:00Z
  hand.entity(1, entity_type::person, {{"dob", "2010-01-01"}});
  for (std::int64_t adult : {2, 3}) hand.entity(adult, entity_type::person, {{"dob", "1980-01-01"}});
  for (std::int64_t phone : {11, 12, 13}) hand.entity(phone, entity_type::phone);
  hand.entity(31, entity_type::missing_episode);
  const std::int64_t missing = hand.link(link_type::reported_missing, 1, 31, went);
  for (std::int64_t p : {1, 2, 3}) hand.link("uses", p, 10 + p);
  const std::int64_t call = hand.link(link_type::called, 12, 11, went - 3600);
  hand.link(link_type::called, 13, 11, went - 4 * 3600);
  const IdentityMap identities({}, {});
  const CaseGraph cg = build_case_graph(hand.entities, hand.links, identities, {});
  ClusterInputs inputs;
  inputs.born = births_of(hand.entities, identities);
  inputs.phone_users = phone_users(cg);
  inputs.contacts = contact_findings(cg, inputs.phone_users, inputs.born, 3 * 3600);
  const Projection projection = project_people(cg, {});
  const std::vector<std::uint32_t> membership(projection.case_vertex.size(), 0);
  for (const bool by_contact : {true, false}) {
    ClusterParams params;
    params.contact_suspects = by_contact;
    const std::vector<RankedCluster> clusters = rank_clusters(cg, projection, membership, inputs, params);
    ASSERT_EQ(clusters.size(), 1U);
    std::map<std::string, const ScoreComponent*> part;
    for (const ScoreComponent& c : clusters[0].components) part[c.name] = &c;
    const ScoreComponent& suspects = *part.at("suspects");
    const ScoreComponent& pairing = *part.at("victim_and_suspect");
    if (!by_contact) {
      EXPECT_EQ(suspects.count, 0.0);
      EXPECT_EQ(pairing.points, 0.0);
      continue;
    }
    EXPECT_EQ(suspects.count, 1.0);  // 2, not 3
    ASSERT_EQ(suspects.evidence.size(), 1U);
    EXPECT_EQ(suspects.evidence[0].link_id, call);
    EXPECT_EQ(suspects.evidence[0].person, 2);
    EXPECT_EQ(pairing.points, 3.0);
    ASSERT_EQ(pairing.evidence.size(), 2U);  // her missing report, the call
    EXPECT_EQ(pairing.evidence[0].link_id, missing);
    EXPECT_EQ(pairing.evidence[1].link_id, call);
  }
}

// People follow their evidence ties (evidence_pull.h): 2 is tied to 3 and 4
// of the other community and to nobody of its own, so it moves; 0 is tied as
// much to 1 (its own) as to 3, so it stays; a community at the size limit
// takes nobody.
TEST(TriageFollowEvidence, MovesOnlyTowardsStrictlyMoreEvidenceWithinTheLimit) {
  const std::vector<Edge> ties{{2, 3, 1.0}, {2, 4, 1.0}, {0, 1, 1.0}, {0, 3, 1.0}};
  const CsrGraph evidence = CsrGraph::from_edges(5, ties, false, true);
  const std::vector<std::uint32_t> start{0, 0, 0, 1, 1};
  EXPECT_EQ(follow_evidence(evidence, start, 3, 0), (std::vector<std::uint32_t>{0, 0, 1, 1, 1}));
  EXPECT_EQ(follow_evidence(evidence, start, 3, 2), start);  // community 1 holds 2 already
  EXPECT_EQ(follow_evidence(evidence, start, 0, 0), start);
}

// Communities joined by calls merge (merge_clusters.h): {0, 1} and {2, 3}
// are each held by a tie of 10 and joined by one of 6 (0.6 of the smaller's
// inside, at least min_weight 6), so they merge into the larger's number (the
// smaller number when equal); {4, 5} touches {2, 3} by 1 only and stays. The
// size limit, a higher share or min_weight, and rounds 0 keep them apart.
TEST(TriageMergeClusters, MergesCommunitiesJoinedByEnoughCallsWithinTheLimit) {
  const std::vector<Edge> calls{{0, 1, 10.0}, {2, 3, 10.0}, {1, 2, 6.0}, {4, 5, 10.0}, {3, 4, 1.0}};
  const CsrGraph graph = CsrGraph::from_edges(6, calls, false, true);
  const std::vector<std::uint32_t> start{0, 0, 1, 1, 2, 2};
  MergeParams params;  // share 0.4, min_weight 6
  EXPECT_EQ(merge_joined_clusters(graph, start, params), (std::vector<std::uint32_t>{0, 0, 0, 0, 2, 2}));
  MergeParams limited = params;
  limited.max_size = 3;
  EXPECT_EQ(merge_joined_clusters(graph, start, limited), start);
  MergeParams demanding = params;
  demanding.share = 0.7;
  EXPECT_EQ(merge_joined_clusters(graph, start, demanding), start);
  demanding = params;
  demanding.min_weight = 6.5;
  EXPECT_EQ(merge_joined_clusters(graph, start, demanding), start);
  MergeParams off = params;
  off.rounds = 0;
  EXPECT_EQ(merge_joined_clusters(graph, start, off), start);
}

// Stability counts exactly: a core {1, 2} held together by link 0 alone is
// together in precisely the runs whose mask keeps link 0.
TEST(TriageStability, CountsRunsThatKeepTheCoreTogether) {
  StabilityParams params;
  params.runs = 50;
  params.drop_share = 0.3;
  params.seed = 11;
  const std::size_t links = 4;
  PerturbedPartition partition = [](const std::vector<char>& keep, std::uint64_t) {
    std::unordered_map<std::int64_t, std::uint32_t> of{{1, 0}, {2, keep[0] ? 0u : 1u}, {3, 2}, {4, 2}};
    return of;
  };
  const std::vector<std::vector<std::int64_t>> cores{{1, 2}, {3, 4}, {1, 5}};
  const std::vector<double> share = cluster_stability(cores, links, params, partition);
  double expected = 0;
  for (std::uint32_t r = 0; r < params.runs; ++r)
    expected += stability_link_mask(links, params.drop_share, params.seed, r, nullptr)[0];
  expected /= params.runs;
  EXPECT_DOUBLE_EQ(share[0], expected);
  EXPECT_GT(share[0], 0.3);  // about 0.7 of the runs keep it
  EXPECT_LT(share[0], 1.0);
  EXPECT_DOUBLE_EQ(share[1], 1.0);  // always together
  EXPECT_DOUBLE_EQ(share[2], 0.0);  // 5 is never in the projection: half the core, below 80%
  params.drop_share = 1.0;
  EXPECT_THROW(cluster_stability(cores, links, params, partition), std::invalid_argument);
}

TEST(TriageStability, MasksDropTheAskedShare) {
  const std::vector<char> keep = stability_link_mask(20000, 0.1, 3, 0, nullptr);
  double kept = 0;
  for (char k : keep) kept += k;
  EXPECT_NEAR(kept / 20000.0, 0.9, 0.01);
  EXPECT_EQ(keep, stability_link_mask(20000, 0.1, 3, 0, nullptr));
  EXPECT_NE(keep, stability_link_mask(20000, 0.1, 3, 1, nullptr));
}

// The example case imported and resolved through the CLI once, analysed here
// by the engine and by the CLI.
class TriageExample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("triage");
    case_path_ = (dir_->path() / "case.db").string();
    Outcome built = test::build_example_case(case_path_, true, "--seed 7");
    ASSERT_EQ(built.exit_code, 0) << built.err;
    Outcome clusters = run_cli("clusters " + shell_quote(case_path_) + " --format json --top 1000", dir_->path());
    ASSERT_EQ(clusters.exit_code, 0) << clusters.err;
    clusters_ = nlohmann::json::parse(clusters.out);
    truth_ = nlohmann::json::parse(slurp(kExample / "truth.json"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  struct Loaded {
    std::vector<EntityRow> entities;
    std::vector<LinkRow> links;
    std::unique_ptr<IdentityMap> identities;
  };
  static Loaded load() {
    CaseFile file = CaseFile::open(case_path_, false);
    Loaded l{file.entities(), file.links(), nullptr};
    std::vector<std::int64_t> ids;
    for (const EntityRow& e : l.entities) ids.push_back(e.id);
    std::vector<MatchPair> matches;
    for (const Decision& d : file.decisions(true))
      if (d.decision == "match") matches.push_back({d.entity_a, d.entity_b});
    l.identities = std::make_unique<IdentityMap>(ids, matches);
    return l;
  }

  // Best rank of a cluster holding at least half of each group (by nominal ref, child id or name).
  static int best_rank(const std::vector<nlohmann::json>& groups) {
    for (const auto& cluster : clusters_.at("clusters")) {
      std::set<std::string> keys;
      for (const auto& m : cluster.at("members")) {
        keys.insert(m.at("label").get<std::string>());
        for (const auto& r : m.at("records")) keys.insert(r.at("record_id").get<std::string>());
      }
      bool all = true;
      for (const auto& group : groups) {
        std::size_t found = 0;
        for (const auto& p : group)
          for (const char* k : {"nominal_ref", "child_id", "name"})
            if (p.contains(k) && p.at(k).is_string() && keys.count(p.at(k).get<std::string>())) {
              ++found;
              break;
            }
        all = all && 2 * found >= group.size();
      }
      if (all) return cluster.at("rank").get<int>();
    }
    return 1 << 20;  // in no cluster: below every ranked one
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::string case_path_;
  static inline nlohmann::json clusters_;
  static inline nlohmann::json truth_;
};

TEST_F(TriageExample, NetworkARanksFirstAndHardNegativesAreNotAboveThePlantedNetworks) {
  std::map<std::string, int> rank;
  for (const auto& n : truth_.at("networks"))
    rank[n.at("id")] = best_rank({n.at("victims"), n.at("offenders")});
  EXPECT_EQ(rank["A"], 1) << clusters_.dump(1);
  const int crew = best_rank({truth_.at("burglary_crew").at("members")});
  const int runaway = best_rank({nlohmann::json::array({truth_.at("benign_runaway").at("child")})});
  for (const auto& [id, r] : rank) {
    EXPECT_GE(crew, r) << "burglary crew above network " << id;
    EXPECT_GE(runaway, r) << "benign runaway above network " << id;
  }
  EXPECT_GT(runaway, rank["A"]);
}

TEST_F(TriageExample, StabilityIsStoredInRangeAndDeterministicBySeed) {
  for (const auto& c : clusters_.at("clusters")) {
    ASSERT_TRUE(c.at("stability").is_number()) << c.dump();
    EXPECT_GE(c.at("stability").get<double>(), 0.0);
    EXPECT_LE(c.at("stability").get<double>(), 1.0);
  }
  Loaded l = load();
  AnalysisParams params;
  params.seed = 7;
  params.stability_params.runs = 8;
  params.stability_params.seed = 7;
  params.threads = 1;
  const AnalysisResult one = analyse_case(l.entities, l.links, *l.identities, params);
  params.threads = 2;
  const AnalysisResult two = analyse_case(l.entities, l.links, *l.identities, params);
  ASSERT_EQ(one.clusters.size(), two.clusters.size());
  std::set<double> values;
  for (std::size_t i = 0; i < one.clusters.size(); ++i) {
    EXPECT_EQ(one.clusters[i].members, two.clusters[i].members);
    EXPECT_EQ(one.clusters[i].stability, two.clusters[i].stability);
    EXPECT_GE(one.clusters[i].stability, 0.0);
    EXPECT_LE(one.clusters[i].stability, 1.0);
    values.insert(one.clusters[i].stability);
  }
  EXPECT_GT(values.size(), 1u);  // the figure discriminates between clusters
}

// Ethnicity, nationality and religion, when a source supplies them, change no
// score, no ranking, no stability and no victim proximity.
TEST_F(TriageExample, ProtectedAttributesChangeNoScore) {
  Loaded l = load();
  AnalysisParams params;
  params.seed = 7;
  params.stability_params.runs = 4;
  const AnalysisResult plain = analyse_case(l.entities, l.links, *l.identities, params);
  const std::vector<std::string> ethnicity{"White British", "Black Caribbean", "Pakistani", "Roma", "Chinese"};
  const std::vector<std::string> religion{"Muslim", "Christian", "None", "Sikh", "Jewish", "Hindu"};
  const std::vector<std::string> nationality{"British", "Polish", "Somali", "Romanian", "Irish", "Afghan", "Nigerian"};
  std::size_t marked = 0;
  for (EntityRow& e : l.entities) {
    if (e.type != entity_type::person) continue;
    const auto i = static_cast<std::size_t>(e.id);
    e.attributes["ethnicity"] = ethnicity[i % ethnicity.size()];
    e.attributes["religion"] = religion[(i / 3) % religion.size()];
    e.attributes["nationality"] = nationality[(i / 7) % nationality.size()];
    ++marked;
  }
  ASSERT_GT(marked, 50u);
  const AnalysisResult marked_result = analyse_case(l.entities, l.links, *l.identities, params);
  ASSERT_EQ(plain.clusters.size(), marked_result.clusters.size());
  for (std::size_t i = 0; i < plain.clusters.size(); ++i) {
    EXPECT_EQ(plain.clusters[i].members, marked_result.clusters[i].members);
    EXPECT_EQ(plain.clusters[i].score, marked_result.clusters[i].score);
    EXPECT_EQ(plain.clusters[i].stability, marked_result.clusters[i].stability);
    for (std::size_t k = 0; k < plain.clusters[i].components.size(); ++k)
      EXPECT_EQ(plain.clusters[i].components[k].points, marked_result.clusters[i].components[k].points);
  }
  EXPECT_EQ(plain.scores, marked_result.scores);
}

// Victim proximity ranks network A's offenders, who are in contact with the
// victims, above the burglary crew, who are not.
TEST_F(TriageExample, VictimProximityFavoursThoseCloseToTheVictims) {
  Loaded l = load();
  AnalysisParams params;
  params.stability = false;
  const AnalysisResult r = analyse_case(l.entities, l.links, *l.identities, params);
  ASSERT_TRUE(r.scores.count("victim_proximity"));
  const auto& proximity = r.scores.at("victim_proximity");
  double sum = 0;
  for (double v : proximity) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  // Mean proximity of people by nominal ref, read through the case graph's labels.
  std::map<std::string, double> by_label;
  for (std::size_t i = 0; i < proximity.size(); ++i) by_label[r.case_graph.label[r.projection.case_vertex[i]]] = proximity[i];
  auto mean_of = [&](const nlohmann::json& people) {
    double total = 0;
    std::size_t n = 0;
    for (const auto& p : people)
      if (auto it = by_label.find(p.at("name").get<std::string>()); it != by_label.end()) total += it->second, ++n;
    return n ? total / static_cast<double>(n) : 0.0;
  };
  const double offenders_a = mean_of(truth_.at("networks").at(0).at("offenders"));
  const double crew = mean_of(truth_.at("burglary_crew").at("members"));
  EXPECT_GT(offenders_a, 0.0);
  EXPECT_GT(offenders_a, crew);
}

// Every piece of evidence explain cites is a real source row: the file named,
// its data row `row` holds the record id named (or the id is the row number,
// for sources without an id column), and the points add up to the score.
TEST_F(TriageExample, ExplainCitesRealSourceRows) {
  Outcome json = run_cli("explain " + shell_quote(case_path_) + " --cluster 1 --format json", dir_->path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json x = nlohmann::json::parse(json.out);
  std::map<std::string, std::vector<std::vector<std::string>>> rows;  // file -> data rows
  auto row_of = [&](const std::string& file, std::int64_t row) -> const std::vector<std::string>& {
    auto& table = rows[file];
    if (table.empty()) {
      CsvReader reader{fs::path(file)};
      CsvRecord record;
      reader.next(record);  // header
      while (reader.next(record)) table.push_back(record.fields);
    }
    EXPECT_GE(row, 1);
    EXPECT_LE(static_cast<std::size_t>(row), table.size()) << file;
    return table.at(static_cast<std::size_t>(row - 1));
  };
  double total = 0;
  std::size_t cited = 0;
  std::set<std::string> sources;
  for (const auto& part : x.at("components")) {
    total += part.at("points").get<double>();
    for (const auto& e : part.at("evidence")) {
      const auto& rec = e.at("record");
      const std::string id = rec.at("record_id").get<std::string>();
      const std::vector<std::string>& fields = row_of(rec.at("file").get<std::string>(), rec.at("row").get<std::int64_t>());
      EXPECT_TRUE(test::row_holds_record_id(fields, id, rec.at("row").get<std::int64_t>())) << e.dump();
      sources.insert(rec.at("source").get<std::string>());
      ++cited;
    }
  }
  EXPECT_NEAR(total, x.at("score").get<double>(), 1e-9);
  EXPECT_GT(cited, 10u);
  EXPECT_TRUE(sources.count("police_occurrences"));
  EXPECT_TRUE(sources.count("social_care_missing"));
  EXPECT_TRUE(sources.count("intelligence"));

  Outcome text = run_cli("explain " + shell_quote(case_path_) + " --cluster 1", dir_->path());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("police_occurrences.csv:"), std::string::npos);
  EXPECT_NE(text.out.find("Stability"), std::string::npos);
  EXPECT_NE(text.out.find("victim proximity"), std::string::npos);
  EXPECT_EQ(run_cli("explain " + shell_quote(case_path_) + " --cluster 999", dir_->path()).exit_code, 1);
  EXPECT_EQ(run_cli("explain " + shell_quote(case_path_) + " --cluster 0", dir_->path()).exit_code, 2);
}

}  // namespace
}  // namespace casegraph
