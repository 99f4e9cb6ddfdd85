// Temporal co-presence (engine/linking/copresence.h): hand-built cases whose
// findings are derived in the comments, then `casegraph copresence` on the
// example case against what examples/case/generate.py planted: network A's
// cars read at the ring flat and the children's home inside the children's
// missing windows, and nothing for the benign runaway. The records each finding
// cites are read back from the source CSVs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/graph/case_graph.h"
#include "engine/linking/copresence.h"
#include "engine/model/pole.h"
#include "importers/csv_reader.h"
#include "tests/cli_support.h"
#include "tests/example_case_suite.h"
#include "tests/hand_case.h"

namespace casegraph {
namespace {

using test::HandCase;

constexpr double kMetresPerDegreeLat = 6371008.8 * M_PI / 180.0;

TEST(CopresenceGeo, HaversineOnKnownDistances) {
  // One degree of longitude on the equator is 2 pi R / 360.
  EXPECT_NEAR(haversine_metres({0, 0}, {0, 1}), kMetresPerDegreeLat, 1e-6);
  EXPECT_NEAR(haversine_metres({53, -1}, {53 + 100 / kMetresPerDegreeLat, -1}), 100.0, 1e-6);
  // At latitude 60 a degree of longitude is about half as long (great circle slightly shorter).
  double d = haversine_metres({60, 0}, {60, 1});
  EXPECT_LT(d, kMetresPerDegreeLat * 0.5);
  EXPECT_GT(d, kMetresPerDegreeLat * 0.5 - 5);
}

// Child 1 missing from 1000 to 5000, found at postcode EB1 5RF (3), living at
// EB3 7HN (11). Suspect 4 (suspect in occurrence 5) keeps car 6. Window margin
// 3600 s: reads from -2600 to 8600 count.
HandCase episode_case() {
  HandCase c;
  c.entity(1, entity_type::person);
  c.entity(2, entity_type::missing_episode);
  c.keyed_entity(3, entity_type::location, "postcode:EB1 5RF", {{"lat", 53.0}, {"lon", -1.0}});
  c.entity(4, entity_type::person);
  c.entity(5, entity_type::occurrence);
  c.entity(6, entity_type::vehicle);
  c.keyed_entity(8, entity_type::location, "address:flat 4 tanner street", {{"postcode", "eb1 5rf"}});
  c.keyed_entity(11, entity_type::location, "postcode:EB3 7HN");
  c.entity(12, entity_type::vehicle);  // on no keeper file
  c.keyed_entity(15, entity_type::location, "camera:near", {{"latitude", std::to_string(53.0 + 100 / kMetresPerDegreeLat)}, {"longitude", "-1.0"}});
  c.keyed_entity(17, entity_type::location, "camera:far", {{"lat", 53.0 + 1000 / kMetresPerDegreeLat}, {"lon", -1.0}});
  c.link("reported_missing", 1, 2, 1000, 5000);  // link 0
  c.link("found_at", 2, 3, 5000);                // 1
  c.link("resides_at", 1, 11);                   // 2
  c.link("suspect_in", 4, 5, 100);               // 3
  c.link("keeper_of", 4, 6);                     // 4
  c.read(6, 7, 8, 3000);    // same postcode as where found, inside: links 5, 6
  c.read(6, 9, 8, 9000);    // after the margin: out
  c.read(6, 10, 8, 8000);   // inside the margin after return
  c.read(12, 13, 11, 1500); // at the child's home, car nobody keeps
  c.read(6, 16, 15, 2000);  // 100 m from where found: within 250 m
  c.read(6, 18, 17, 2000);  // 1 km away: out
  return c;
}

TEST(CopresenceEpisodes, VehiclesAtOrNearTheChildsPlacesInsideTheWindow) {
  HandCase c = episode_case();
  CaseGraph cg = c.build();
  CopresenceParams params;
  params.pairs = false;
  CopresenceResult r = find_copresence(cg, describe_places(cg, c.entities), params);
  std::map<std::int64_t, const EpisodeFinding*> by_read;
  for (const EpisodeFinding& f : r.episodes) by_read[cg.entity[f.sighting.event]] = &f;
  ASSERT_EQ(by_read.size(), 4u);
  ASSERT_EQ(r.episodes.size(), 4u);
  for (std::int64_t read : {7, 10, 13, 16}) ASSERT_TRUE(by_read.contains(read)) << read;

  const EpisodeFinding& same_postcode = *by_read[7];
  EXPECT_EQ(cg.entity[same_postcode.child], 1);
  EXPECT_EQ(same_postcode.missing_from, 1000);
  EXPECT_EQ(same_postcode.returned, 5000);
  EXPECT_EQ(same_postcode.match, PlaceMatch::same_postcode);
  EXPECT_EQ(same_postcode.place_role, "found_at");
  EXPECT_TRUE(same_postcode.suspect());
  ASSERT_EQ(same_postcode.holders.size(), 1u);
  EXPECT_EQ(cg.entity[same_postcode.holders[0].person], 4);
  EXPECT_FALSE(same_postcode.holders[0].via_intelligence);
  std::vector<std::uint32_t> links = same_postcode.links();
  std::sort(links.begin(), links.end());
  EXPECT_EQ(links, (std::vector<std::uint32_t>{0, 1, 4, 5, 6}));

  const EpisodeFinding& home = *by_read[13];
  EXPECT_EQ(home.match, PlaceMatch::same_location);
  EXPECT_EQ(home.place_role, "resides_at");
  EXPECT_TRUE(home.holders.empty());
  EXPECT_FALSE(home.suspect());

  const EpisodeFinding& near = *by_read[16];
  EXPECT_EQ(near.match, PlaceMatch::within_radius);
  EXPECT_NEAR(near.distance_metres, 100.0, 0.1);  // its latitude went through to_string: 6 decimals

  // A 50 m radius loses the camera 100 m away; a zero margin loses the read at 8000.
  params.radius_metres = 50;
  params.window_seconds = 0;
  r = find_copresence(cg, describe_places(cg, c.entities), params);
  std::set<std::int64_t> reads;
  for (const EpisodeFinding& f : r.episodes) reads.insert(cg.entity[f.sighting.event]);
  EXPECT_EQ(reads, (std::set<std::int64_t>{7, 13}));

  // Focus on the unkept car: only its finding.
  params = {};
  params.focus = cg.vertex(12);
  r = find_copresence(cg, describe_places(cg, c.entities), params);
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(cg.entity[r.episodes[0].sighting.event], 13);
}

TEST(CopresenceEpisodes, IntelligenceTiesAPersonToACarButIsMarked) {
  HandCase c = episode_case();
  c.entity(30, entity_type::person);
  c.entity(31, entity_type::intelligence);
  c.link("subject_of", 30, 31, 50);
  c.link("mentions", 31, 12, 50);
  CaseGraph cg = c.build();
  CopresenceParams params;
  params.pairs = false;
  params.focus = cg.vertex(30);
  CopresenceResult r = find_copresence(cg, describe_places(cg, c.entities), params);
  ASSERT_EQ(r.episodes.size(), 1u);
  ASSERT_EQ(r.episodes[0].holders.size(), 1u);
  EXPECT_TRUE(r.episodes[0].holders[0].via_intelligence);
  EXPECT_TRUE(r.episodes[0].holders[0].suspect);  // subject of intelligence
}

TEST(CopresencePairs, TwoPeopleAtOnePlaceWithinTheWindowInDifferentEvents) {
  HandCase c;
  c.entity(20, entity_type::person);
  c.entity(21, entity_type::person);
  c.keyed_entity(22, entity_type::location, "postcode:EB9 1AA");
  c.entity(23, entity_type::vehicle);
  c.entity(25, entity_type::occurrence);
  c.entity(26, entity_type::occurrence);
  c.entity(27, entity_type::occurrence);
  c.link("keeper_of", 20, 23);                          // link 0
  c.read(23, 24, 22, 10000);                            // 1, 2
  c.link("witness_in", 21, 25, 10600);                  // 3
  c.link("occurred_at", 25, 22, 10600);                 // 4
  c.link("reported_by", 21, 26, 10100);                 // not presence
  c.link("occurred_at", 26, 22, 10100);
  c.link("suspect_in", 20, 27, 50000);                  // both in one event: no pair
  c.link("suspect_in", 21, 27, 50000);
  c.link("occurred_at", 27, 22, 50000);
  CaseGraph cg = c.build();
  CopresenceParams params;
  params.episodes = false;
  CopresenceResult r = find_copresence(cg, describe_places(cg, c.entities), params);
  ASSERT_EQ(r.pairs.size(), 1u);
  const PairFinding& f = r.pairs[0];
  EXPECT_EQ(cg.entity[f.person_a], 20);
  EXPECT_EQ(cg.entity[f.person_b], 21);
  EXPECT_EQ(cg.entity[f.a.subject], 23);  // seen through the car
  EXPECT_EQ(f.holder_links_a, std::vector<std::uint32_t>{0});
  EXPECT_TRUE(f.holder_links_b.empty());
  EXPECT_EQ(f.gap_seconds, 600);
  EXPECT_EQ(f.match, PlaceMatch::same_location);
  EXPECT_DOUBLE_EQ(f.specificity, 1.0);  // two people ever there
  params.window_seconds = 599;
  EXPECT_TRUE(find_copresence(cg, describe_places(cg, c.entities), params).pairs.empty());
}

TEST(CopresencePairs, BusyPlacesAreSkippedAsHubs) {
  HandCase c;
  c.keyed_entity(1, entity_type::location, "postcode:EB2 9XX");
  for (std::int64_t p = 10; p < 14; ++p) {
    c.entity(p, entity_type::person);
    c.entity(p + 10, entity_type::occurrence);
    c.link("witness_in", p, p + 10, 1000 + p);
    c.link("occurred_at", p + 10, 1, 1000 + p);
  }
  CaseGraph cg = c.build();
  CopresenceParams params;
  params.hub_limit = 4;
  CopresenceResult r = find_copresence(cg, describe_places(cg, c.entities), params);
  EXPECT_EQ(r.pairs.size(), 6u);  // four people, every pair within seconds
  EXPECT_DOUBLE_EQ(r.pairs[0].specificity, 1.0 / 3.0);
  params.hub_limit = 3;
  r = find_copresence(cg, describe_places(cg, c.entities), params);
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.hubs, std::vector<VertexId>{cg.vertex(1)});
}

// --- end to end on the example case ---------------------------------------------

namespace fs = std::filesystem;

using test::shell_quote;
using test::slurp;

const fs::path kExample = fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "case";

// The rows of a source CSV as header -> value, data row n at index n - 1.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& source) {
  CsvReader reader(kExample / (source + ".csv"));
  CsvRecord header, rec;
  reader.next(header);
  std::vector<std::map<std::string, std::string>> rows;
  while (reader.next(rec)) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.fields.size() && i < rec.fields.size(); ++i) row[header.fields[i]] = rec.fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

class CopresenceExample : public test::ExampleCaseSuite<CopresenceExample> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(build("copresence"));
    ASSERT_EQ(run("copresence " + shell_quote(case_) + " --format json"), 0);
    all_ = nlohmann::json::parse(out_);
  }

  // Source record ids behind an entity in the JSON output.
  static std::set<std::string> record_ids(const nlohmann::json& entity) {
    std::set<std::string> ids;
    for (const auto& s : entity.at("sources")) ids.insert(s.at("record_id").get<std::string>());
    return ids;
  }

  static inline nlohmann::json all_;
};

TEST_F(CopresenceExample, FindsNetworkACarsInsideItsVictimsMissingWindows) {
  nlohmann::json truth = nlohmann::json::parse(slurp(kExample / "truth.json"));
  const nlohmann::json& a = truth.at("networks").at(0);
  std::set<std::string> victims, offenders, vrms;
  for (const auto& v : a.at("victims")) victims.insert(v.at("child_id").get<std::string>());  // social-care ids
  for (const auto& o : a.at("offenders")) offenders.insert(o.at("nominal_ref").get<std::string>());
  for (const auto& v : a.at("vehicles")) {
    std::string vrm = v.get<std::string>();
    vrm.erase(std::remove(vrm.begin(), vrm.end(), ' '), vrm.end());
    vrms.insert(vrm);
  }
  const std::string ring_flat = a.at("places").at("ring_flat");
  auto anpr = csv_rows("anpr_reads");
  auto episodes = csv_rows("social_care_missing");

  std::size_t planted = 0, at_ring_flat = 0;
  std::set<std::string> children_seen;
  for (const auto& f : all_.at("episodes")) {
    // The child, from the social-care row the finding cites.
    const auto& ep_src = f.at("episode_link").at("source");
    ASSERT_EQ(ep_src.at("source"), "social_care_missing");
    const auto& ep = episodes.at(ep_src.at("row").get<std::size_t>() - 1);
    EXPECT_EQ(ep.at("EpisodeId"), ep_src.at("record_id"));
    EXPECT_TRUE(record_ids(f.at("child")).contains(ep.at("EpisodeId")));
    bool a_offender = false;
    for (const auto& h : f.at("holders"))
      for (const std::string& id : record_ids(h.at("person"))) a_offender |= offenders.contains(id);
    if (!victims.contains(ep.at("ChildId")) || !a_offender) continue;
    ++planted;
    EXPECT_TRUE(f.at("suspect").get<bool>());
    children_seen.insert(ep.at("ChildId"));
    // The cited rows, read back from the CSVs: the read is of a network A car,
    // inside the episode's window give or take the hour's margin, at the place
    // the child was found or lived.
    const auto& read_src = f.at("sighting").at("links").at(0).at("source");
    ASSERT_EQ(read_src.at("source"), "anpr_reads");
    const auto& read = anpr.at(read_src.at("row").get<std::size_t>() - 1);
    EXPECT_EQ(read.at("ReadId"), read_src.at("record_id"));
    EXPECT_TRUE(vrms.contains(read.at("VRM"))) << read.at("VRM");
    EXPECT_EQ(f.at("missing_from").get<std::string>().substr(0, 19), ep.at("MissingFrom"));
    EXPECT_EQ(f.at("returned").get<std::string>().substr(0, 19), ep.at("Returned"));
    EXPECT_EQ(f.at("sighting").at("start").get<std::string>(), f.at("sighting").at("links").at(1).at("start").get<std::string>());
    if (f.at("place_role") == "found_at") {
      EXPECT_EQ(read.at("CameraPostcode"), ep.at("FoundAtPostcode"));
      if (read.at("CameraPostcode") == ring_flat) ++at_ring_flat;
    }
  }
  // Planted: A2's car at the ring-flat camera 40-95 min into each of V1's and
  // V2's episodes, A3's car there 30-120 min into V3's and V4's; those found at
  // the flat are co-present at the place where found.
  EXPECT_GE(planted, 8u) << all_.at("episodes").size();
  EXPECT_GE(at_ring_flat, 4u);
  EXPECT_EQ(children_seen.size(), 4u);  // every network A child
}

TEST_F(CopresenceExample, EveryFindingsReadFallsInsideItsEpisodeWindow) {
  auto anpr = csv_rows("anpr_reads");
  auto episodes = csv_rows("social_care_missing");
  auto epoch = [](const std::string& iso) {  // ISO local time without zone, read as UTC as the spec says
    std::tm tm{};
    std::istringstream in(iso);
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    return static_cast<long long>(timegm(&tm));
  };
  ASSERT_FALSE(all_.at("episodes").empty());
  for (const auto& f : all_.at("episodes")) {
    const auto& src = f.at("sighting").at("links").at(0).at("source");
    ASSERT_EQ(src.at("source"), "anpr_reads");
    const long long t = std::stoll(anpr.at(src.at("row").get<std::size_t>() - 1).at("ReadAt"));
    const auto& ep = episodes.at(f.at("episode_link").at("source").at("row").get<std::size_t>() - 1);
    EXPECT_GE(t, epoch(ep.at("MissingFrom")) - 3600) << f.dump();
    EXPECT_LE(t, epoch(ep.at("Returned")) + 3600) << f.dump();
  }
}

TEST_F(CopresenceExample, NothingForTheBenignRunaway) {
  nlohmann::json truth = nlohmann::json::parse(slurp(kExample / "truth.json"));
  const std::string child = truth.at("benign_runaway").at("child").at("child_id");
  const std::string nominal = truth.at("benign_runaway").at("child").at("nominal_ref");
  auto episodes = csv_rows("social_care_missing");
  std::size_t her_episodes = 0;
  for (const auto& f : all_.at("episodes"))
    her_episodes += episodes.at(f.at("episode_link").at("source").at("row").get<std::size_t>() - 1).at("ChildId") == child;
  EXPECT_EQ(her_episodes, 0u);
  // Focused on her: no finding ties her to a suspect.
  ASSERT_EQ(run("copresence " + shell_quote(case_) + " " + nominal + " --format json"), 0) << err_;
  nlohmann::json hers = nlohmann::json::parse(out_);
  EXPECT_TRUE(hers.at("episodes").empty());
  for (const auto& f : hers.at("pairs")) {
    for (const char* side : {"a", "b"}) {
      const auto& ids = record_ids(f.at(side).at("person"));
      for (const auto& o : truth.at("networks").at(0).at("offenders"))
        EXPECT_FALSE(ids.contains(o.at("nominal_ref").get<std::string>()));
    }
  }
  // The same child has missing episodes: the absence is not for want of data.
  std::size_t logged = 0;
  for (const auto& row : episodes) logged += row.at("ChildId") == child;
  EXPECT_GE(logged, 5u);
}

TEST_F(CopresenceExample, TextOutputAndBadInput) {
  // Kieran Gallagher (network A) keeps the car read outside the ring flat.
  ASSERT_EQ(run("copresence " + shell_quote(case_) + " N-040112 --only episodes"), 0) << err_;
  EXPECT_NE(out_.find("SUSPECT"), std::string::npos);
  EXPECT_NE(out_.find("anpr_reads row"), std::string::npos);
  EXPECT_EQ(run("copresence " + shell_quote(case_) + " no-such-entity"), 1);
  EXPECT_NE(err_.find("no entity named"), std::string::npos);
  EXPECT_EQ(run("copresence " + shell_quote(case_) + " --window -2"), 2);
}

}  // namespace
}  // namespace casegraph
