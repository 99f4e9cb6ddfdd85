#pragma once
// The POLE data model (Person, Object, Location, Event) as the case file holds it.
// Entity and link types are open vocabularies stored as text, so that a mapping
// spec can name a new link type without a code change; the constants below are
// the ones the engine itself reasons about (roles, projection, triage).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casegraph {

// Seconds since the Unix epoch, UTC. Source dates without a time are midnight.
using Timestamp = std::int64_t;

namespace entity_type {
inline constexpr std::string_view person = "person";
inline constexpr std::string_view vehicle = "vehicle";
inline constexpr std::string_view phone = "phone";
inline constexpr std::string_view location = "location";
inline constexpr std::string_view organisation = "organisation";
inline constexpr std::string_view occurrence = "occurrence";          // a police occurrence (event)
inline constexpr std::string_view missing_episode = "missing_episode";  // an event
inline constexpr std::string_view intelligence = "intelligence";        // a graded report (event)
inline constexpr std::string_view sighting = "sighting";                // ANPR read, call (event)
}  // namespace entity_type

// Events are the types through which people are linked in the projection.
bool is_event_type(std::string_view type);

namespace link_type {
inline constexpr std::string_view victim_in = "victim_in";
inline constexpr std::string_view suspect_in = "suspect_in";
inline constexpr std::string_view witness_in = "witness_in";
inline constexpr std::string_view reported_missing = "reported_missing";
inline constexpr std::string_view found_at = "found_at";
inline constexpr std::string_view resides_at = "resides_at";
inline constexpr std::string_view placed_at = "placed_at";
inline constexpr std::string_view keeper_of = "keeper_of";
inline constexpr std::string_view seen_at = "seen_at";
inline constexpr std::string_view called = "called";
inline constexpr std::string_view associate_of = "associate_of";
inline constexpr std::string_view member_of = "member_of";
}  // namespace link_type

// UK intelligence grading. The current 3x5x2: source evaluation 1-3,
// intelligence assessment A-E, handling code P (may be disseminated) or C
// (conditions apply). The old 5x5x5 (source A-E, intelligence 1-5, handling 1-5)
// is accepted and mapped: source A->1, B/C->2, D/E->3; intelligence 1->A, 2->B,
// 3->C, 4->D, 5->E; handling 1->P, 2-5->C.
struct Grading {
  char source = 0;        // '1'..'3'
  char intelligence = 0;  // 'A'..'E'
  char handling = 0;      // 'P' or 'C', 0 when not given
  std::string text() const;  // "2B P" style, empty when ungraded
  // 1.0 for 1A (reliable, known directly) down to 0.2 for 3E; 1.0 when ungraded
  // data (police recorded facts) carries no grading.
  double confidence() const;
};

// Parses "2B1"/"2BP"/"2-B-P"/"2 B C" (3x5x2) and "B2"/"B22"/"B-2-1" (5x5x5).
// Returns nullopt and sets `error` on anything else.
std::optional<Grading> parse_grading(std::string_view text, std::string* error);

}  // namespace casegraph
