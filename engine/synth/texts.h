#pragma once
// The words in the exports: offence types, circumstances, outcomes, return-
// interview notes, intelligence gradings and summaries. Rows hold indexes into
// these tables; writers look the text up. Free text is written the way it is
// typed in agencies (commas, quotes, the odd line break), which the CSV must
// carry intact.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace casegraph::synth {

class Rng;

namespace texts {

namespace offence {
enum : std::uint16_t {
  shoplifting,
  burglary,
  theft_from_vehicle,
  assault,
  domestic,
  criminal_damage,
  public_order,
  drugs_possession,
  robbery,
  concern_for_welfare,
  cawn,  // child abduction warning notice
  sexual_activity_child,
  cse_concern,
  drugs_supply,
  vehicle_theft,
  making_off,
  harassment,
  count
};
}
std::string_view offence_name(std::uint16_t offence);
std::uint16_t circumstances_for(std::uint16_t offence, Rng& rng);
std::string_view circumstances(std::uint16_t index);

namespace outcome {
enum : std::uint16_t {
  investigating,
  charged,
  no_suspect,
  evidential,
  community_resolution,
  caution,
  withdrawn,  // the victim withdrew the disclosure
  incident_only,
  notice_served,
  count
};
}
std::string_view outcome_name(std::uint16_t outcome);

enum class InterviewKind : std::uint8_t { ordinary, refuge, ring_strong, ring_faint, disclosure_withdrawn };
std::uint16_t interview_for(InterviewKind kind, Rng& rng);
std::string_view interview(std::uint16_t index);

enum class GradingBand : std::uint8_t { strong, faint, ordinary };
std::uint16_t grading_for(GradingBand band, Rng& rng);
std::string_view grading(std::uint16_t index);
std::size_t grading_count();

// Summaries are templates: {alias}, {vehicle} and {place} are filled in when
// written (alias: the street name of the person described).
enum class SummaryKind : std::uint8_t { ring_offender, ring_victim, ring_unidentified, prolific, ordinary };
std::uint16_t summary_for(SummaryKind kind, Rng& rng);
std::string_view summary(std::uint16_t index);

}  // namespace texts
}  // namespace casegraph::synth
