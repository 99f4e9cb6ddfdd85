#pragma once
// The identifiers agencies give people, and their names, decided after the
// roles (networks.h) so that neither depends on the other.
//
// Conventions:
// - Phone numbers are 07700 9xxxxx: fictional (Ofcom's drama range
//   07700 900000-900999, widened to 100,000 numbers for large populations).
//   The taxi firm's line and everyone who must have a number (network members,
//   prolific offenders, drivers, runaways and the relatives they call) are
//   numbered first; then everyone else has one with probability 0.9 (0.85 for
//   children), scaled down when the range would run out: above about 110,000
//   people only a share of the population has a number known to the data.
// - NominalRef numbers are scattered over 0-9,999,999 ("N-0040953"), ChildId
//   numbers over 0-999,999 ("SC-120544"), so neither says anything by its order.
// - A household shares a surname, except partners who kept their own (a
//   quarter), children with another parent's surname (a fifth), and people who
//   share a house or live in care. Forenames are drawn from the pool of the
//   person's sex. Names come from their own random stream (Purpose::names), so
//   a name never depends on a role.
#include "engine/synth/networks.h"
#include "engine/synth/params.h"
#include "engine/synth/population.h"

namespace casegraph::synth {

inline constexpr std::uint32_t kPhoneCapacity = 100000;

// Gives phone numbers: the taxi firm's, then everyone flagged needs_phone,
// then the second phones in plan.burners, then the rest of the population.
void assign_phones(Population& pop, Plan& plan, const SynthParams& params);

// Puts a share of everyone else on the police index (adults 18%, children on
// the missing-episode log 80%, other children 10%), then numbers nominals
// (and duplicates, at params.noise.nominal_duplicate) and children known to
// children's services, and names everyone.
void assign_records(Population& pop, const SynthParams& params);

// Second phone of an offender, 0 if none.
std::uint32_t burner_of(const Plan& plan, std::uint32_t person);

}  // namespace casegraph::synth
