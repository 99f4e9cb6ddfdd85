#pragma once
// Gravity of a recorded offence, for triage: how much harm the kind of
// occurrence stands for, on a small ordinal scale. The table is a reviewed
// policy choice, not a measurement; it is written out here so that a case
// review can read and challenge it.
//
//   3    sexual offences against children, child sexual exploitation concerns, rape,
//        trafficking, modern slavery
//   2    child abduction warning notices, robbery, supply of controlled drugs,
//        wounding / GBH, kidnap, weapons
//   1    assault, domestic incidents, harassment, burglary dwelling, theft of a
//        motor vehicle, possession of controlled drugs
//   0.5  shoplifting, theft from a motor vehicle, criminal damage, public order,
//        making off without payment, and any offence type not in this table
//   0    concern for welfare (an incident, not an offence)
//
// Matching is on the offence text, case-insensitive, by the first table entry
// whose phrase the text contains (so "Sexual activity with a child" and
// "Sexual activity with a child (online)" read the same). Only the occurrence's
// offence type is read: never a person's attributes.
#include <string_view>
#include <vector>

namespace casegraph {

struct GravityEntry {
  std::string_view phrase;  // lower case
  double gravity = 0;
};

// The table above, most specific phrases first.
const std::vector<GravityEntry>& gravity_table();

// Offences against property (burglary, theft, criminal damage, shoplifting,
// making off without payment): their victims are householders and owners,
// counted by triage as volume crime, not as people harmed (a child listed as
// a victim of a burglary of the family home is not a child at risk for it).
bool against_property(std::string_view offence_type);

// Gravity of an offence type as recorded (free text); 0.5 when no phrase matches.
double offence_gravity(std::string_view offence_type);

inline constexpr double kUnknownOffenceGravity = 0.5;

}  // namespace casegraph
