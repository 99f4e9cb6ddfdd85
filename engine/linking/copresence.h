#pragma once
// Temporal co-presence: the evidence that links an offender to a victim when
// nobody has named him.
//
//  (a) Missing-episode co-presence. A child's missing episode (a
//      missing_episode event: reported_missing link child -> episode from
//      MissingFrom to Returned; found_at link episode -> location) and a
//      vehicle or phone observed (an ANPR read, a cell-site record: object ->
//      sighting event -> location) at the same or a nearby place inside the
//      episode's window, widened by `window_seconds` at both ends. The places
//      of an episode are where the child was found and the child's homes
//      (resides_at, placed_at): where the child went missing from. Each finding
//      names the people tied to the object (its keeper, its user; and, marked
//      as such, people whose intelligence reports mention it) and whether any
//      of them is a suspect (suspect_in an occurrence, or subject_of
//      intelligence).
//  (b) Person-person co-presence. Two people observed at the same or a nearby
//      place within `window_seconds` of each other, in two different events
//      (being named in one occurrence is a direct link, not co-presence). A
//      person is observed directly (a role in an occurrence, a child found at a
//      place) or through an object they hold (their car read by a camera).
//      Places visited by more than `hub_limit` distinct people (a petrol
//      station, a shopping centre) are skipped and reported as hubs.
//
// Nearby: two places with coordinates (attributes lat/latitude and
// lon/lng/longitude on the location entity) within `radius_metres`
// (haversine); otherwise the same location entity or the same postcode (from
// a "postcode:" key or a postcode attribute, compared without spaces or case).
//
// Specificity of a finding = 1 / (k - 1), k = distinct subjects ever observed
// at the observation's place (at least 2): a camera outside one flat is
// specific, a petrol-station camera that reads everyone is not. The same
// discount as the projection's (engine/graph/projection.h).
//
// Everything is traced: every finding carries the indices (into
// CaseGraph::links) of the links it rests on, each of which names its source
// record (LinkRow::record_id).
//
// Usage (triage and the CLI):
//   std::vector<PlaceInfo> places = describe_places(case_graph, entities);
//   CopresenceResult r = find_copresence(case_graph, places, CopresenceParams{});
//   for (const EpisodeFinding& f : r.episodes) if (f.suspect()) ...
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/graph/case_graph.h"

namespace casegraph {

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// Great-circle distance on a sphere of radius 6,371,008.8 m (the mean Earth radius).
double haversine_metres(GeoPoint a, GeoPoint b);

// What a location vertex says of where it is. postcode: upper case without spaces, empty when unknown.
struct PlaceInfo {
  std::string postcode;
  std::optional<GeoPoint> point;
};

// One entry per case-graph vertex (empty for non-locations). Entities merged
// into another identity are read through their canonical vertex.
std::vector<PlaceInfo> describe_places(const CaseGraph& case_graph, const std::vector<EntityRow>& entities);

struct CopresenceParams {
  Timestamp window_seconds = 3600;  // (a) margin around the episode; (b) largest gap between the two
  double radius_metres = 250;       // nearby, where both places have coordinates
  std::uint32_t hub_limit = 50;     // (b) places with more distinct people are skipped
  bool episodes = true;             // find (a)
  bool pairs = true;                // find (b)
  std::optional<VertexId> focus;    // only findings involving this vertex (child, person, object or episode)
  // Links from a child to the places an episode starts from.
  std::vector<std::string> home_link_types{"resides_at", "placed_at"};
  // Person-event links that do not put the person at the event's place.
  std::vector<std::string> absent_link_types{"reported_by", "subject_of", "mentions"};
  // Person-event links that make the person a suspect.
  std::vector<std::string> suspect_link_types{"suspect_in", "subject_of"};
};

// Someone observed at a place at a time, by one event.
struct Presence {
  VertexId subject = 0;  // person, vehicle or phone observed
  VertexId event = 0;    // the event recording it (an ANPR read, an occurrence, a missing episode)
  VertexId place = 0;    // location vertex
  Timestamp start = 0;   // when (start == end for an instant)
  Timestamp end = 0;
  std::uint32_t subject_link = 0;  // subject - event link (index into CaseGraph::links)
  std::uint32_t place_link = 0;    // event - place link
};

// A person tied to an object.
struct ObjectHolder {
  VertexId person = 0;
  std::vector<std::uint32_t> links;  // person - object; or person - report, report - object
  bool via_intelligence = false;     // only an intelligence report ties them
  bool suspect = false;
};

enum class PlaceMatch { same_location, same_postcode, within_radius };
std::string_view place_match_name(PlaceMatch m);

struct EpisodeFinding {
  VertexId child = 0;
  VertexId episode = 0;
  Timestamp missing_from = 0;
  Timestamp returned = 0;
  std::uint32_t episode_link = 0;  // child - episode (reported_missing)
  VertexId episode_place = 0;      // where found, or a home of the child
  std::string place_role;          // the link type that ties the place: "found_at", "resides_at" ...
  std::uint32_t place_link = 0;
  VertexId object = 0;             // the vehicle or phone observed
  Presence sighting;               // its observation
  std::vector<ObjectHolder> holders;
  PlaceMatch match = PlaceMatch::same_location;
  double distance_metres = 0;      // when both places have coordinates, else 0
  double specificity = 1;
  bool suspect() const;            // a holder is a suspect
  std::vector<std::uint32_t> links() const;  // every link the finding rests on
};

struct PairFinding {
  VertexId person_a = 0;  // person_a < person_b
  VertexId person_b = 0;
  Presence a;  // observation of person_a (its subject is the person or an object they hold)
  Presence b;
  std::vector<std::uint32_t> holder_links_a;  // person_a - object, empty when observed directly
  std::vector<std::uint32_t> holder_links_b;
  PlaceMatch match = PlaceMatch::same_location;
  double distance_metres = 0;
  Timestamp gap_seconds = 0;  // 0 when the two intervals overlap
  double specificity = 1;
  std::vector<std::uint32_t> links() const;
};

struct CopresenceResult {
  std::vector<EpisodeFinding> episodes;  // by child, episode start, sighting time
  std::vector<PairFinding> pairs;        // by person_a, person_b, time
  std::vector<VertexId> hubs;            // places skipped in (b)
  std::size_t presences = 0;             // observations considered
};

// Observations of people and objects at places (step one of find_copresence,
// exposed for tests and for callers that want the raw material).
std::vector<Presence> extract_presences(const CaseGraph& case_graph, const CopresenceParams& params);

CopresenceResult find_copresence(const CaseGraph& case_graph, const std::vector<PlaceInfo>& places,
                                 const CopresenceParams& params = {});

}  // namespace casegraph
