#pragma once
// Who is who: the planted exploitation networks and the hard negatives, chosen
// from the population before anyone has a name.
//
// A network ("ring") is two to five adult offenders of equal standing (no
// ringleader: every offender is in contact with several victims and with the
// other offenders alike), two to seven children aged 11-17 throughout its
// active window (about half in care, half living at home), the places where
// children are taken (a flat, and for some a hotel, takeaway or car wash),
// and the vehicles used (the offenders' own, a taxi when an offender drives
// for the taxi firm, one kept by somebody else, or one on false plates),
// active for 3 to 30 months (strong 6-30, faint 3-18). Two networks in five
// are strong and leave much evidence, the rest faint (planted.h). Every fourth
// network (the 2nd, 6th, ...) shares an offender with the one before it, and
// every third (the 2nd, 5th, ...) has an offender who drives for the taxi firm.
//
// Hard negatives: prolific offenders with many ordinary occurrences and many
// contacts (highly central, no children), benign repeat runaways (always
// found at a relative's or a friend's), the taxi firm and the hubs
// (Population), large families.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/synth/params.h"
#include "engine/synth/population.h"

namespace casegraph::synth {

enum class Evidence : std::uint8_t { strong, faint };
enum class RingPlaceKind : std::uint8_t { flat, hotel, takeaway, car_wash };

std::string_view evidence_name(Evidence e);
std::string_view place_kind_name(RingPlaceKind k);

struct RingPlace {
  RingPlaceKind kind = RingPlaceKind::flat;
  std::uint32_t postcode = 0;
  std::uint32_t site = kNone;    // the hotel, takeaway or car wash; kNone for a flat
  std::uint32_t camera = kNone;  // an ANPR camera at this postcode, if any
  bool offender_home = false;    // the flat is where an offender lives
};

struct Ring {
  std::string id;  // "R001"
  Evidence evidence = Evidence::faint;
  std::int64_t from = 0, to = 0;  // active window, Unix seconds
  std::vector<std::uint32_t> offenders;
  std::vector<std::uint32_t> victims;
  std::vector<RingPlace> places;
  std::vector<std::uint32_t> vehicles;
  std::vector<std::uint32_t> care_sites;  // children's homes or supported houses it targets
  std::vector<int> shares_offender_with;  // other rings (indexes) with an offender in common
  bool disclosure_withdrawn = false;      // a victim disclosed, then withdrew
};

struct Runaway {
  std::uint32_t child = 0;
  std::uint32_t refuge = 0;  // the household the child runs to (a grandparent's or other relative's)
  std::uint32_t friend_household = 0;
};

struct Plan {
  std::vector<Ring> rings;
  std::vector<std::uint32_t> prolific;  // person ids
  std::vector<std::uint32_t> crew;      // crew number of each prolific offender (co-offenders share one)
  std::vector<Runaway> runaways;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> burners;  // (offender, second phone), sorted
  std::vector<std::uint32_t> large_families;                      // household ids
};

// Chooses the networks and hard negatives, marking people's flags (offender,
// victim, prolific, runaway, episodic, nominal where the police must know
// them, needs_phone) and adding the ring cameras and vehicles to `pop`.
Plan plan_networks(Population& pop, const SynthParams& params);

}  // namespace casegraph::synth
