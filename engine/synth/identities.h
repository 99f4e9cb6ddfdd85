#pragma once
// The identifiers agencies give people, and their names, decided after the
// roles (networks.h) so that neither depends on the other.
//
// Conventions:
// - Phone numbers are 07700 xxxxxx: fictional (Ofcom's drama range
//   07700 900000-900999, widened). The first 100,000 issued are in
//   07700 9xxxxx, the rest in 07700 000001-899999, so small cases never leave
//   9xxxxx and a 1M-person case has 999,999 numbers to draw on.
//   The taxi firm's line and everyone who must have a number (network members,
//   prolific offenders, drivers, runaways and the relatives they call) are
//   numbered first; then everyone else has one with probability 0.9 (0.85 for
//   children), scaled down when the range would run out: above about 1.1
//   million people only a share of the population has a number known to the data.
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

inline constexpr std::uint32_t kPhoneFirstRange = 100000;   // 07700 900000-999999
inline constexpr std::uint32_t kPhoneSecondRange = 899999;  // 07700 000001-899999 (0 means "none")
inline constexpr std::uint32_t kPhoneCapacity = kPhoneFirstRange + kPhoneSecondRange;

// The i-th number issued (i < kPhoneCapacity), as the six digits after 07700:
// scattered over 9xxxxx for the first 100,000, then over 000001-899999.
// Distinct for distinct i.
class PhoneNumbering {
 public:
  explicit PhoneNumbering(std::uint64_t seed);
  std::uint32_t operator()(std::uint32_t issued) const;

 private:
  AffinePermutation first_;
  AffinePermutation second_;
};

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
