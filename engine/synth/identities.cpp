#include "engine/synth/identities.h"

#include <algorithm>

namespace casegraph::synth {

PhoneNumbering::PhoneNumbering(std::uint64_t seed)
    : first_(kPhoneFirstRange, hash_keys(seed, {0x9407e})), second_(kPhoneSecondRange, hash_keys(seed, {0x9407f})) {}

std::uint32_t PhoneNumbering::operator()(std::uint32_t issued) const {
  if (issued < kPhoneFirstRange) return 900000 + static_cast<std::uint32_t>(first_(issued));
  return 1 + static_cast<std::uint32_t>(second_(issued - kPhoneFirstRange));
}

void assign_phones(Population& pop, Plan& plan, const SynthParams& params) {
  const PhoneNumbering numbering(params.seed);
  std::uint32_t issued = 0;
  auto next = [&]() -> std::uint32_t {
    if (issued >= kPhoneCapacity) return 0;
    return numbering(issued++);
  };
  pop.taxi_firm_phone = next();
  for (Person& p : pop.people)
    if (p.is(flag::needs_phone)) p.phone = next();
  for (auto& [person, phone] : plan.burners) phone = next();
  std::erase_if(plan.burners, [](const auto& b) { return b.second == 0; });
  std::sort(plan.burners.begin(), plan.burners.end());

  std::uint64_t without = 0;
  for (const Person& p : pop.people) without += p.phone == 0 ? 1 : 0;
  const double left = kPhoneCapacity - issued;
  const double share = without == 0 ? 0.0 : std::min(1.0, 0.97 * left / (static_cast<double>(without) * 0.9));
  Rng r = Rng::stream(params.seed, Purpose::phones, 2);
  for (Person& p : pop.people) {
    if (p.phone != 0) continue;
    if (r.chance((p.is(flag::child) ? 0.85 : 0.9) * share)) p.phone = next();
  }
}

std::uint32_t burner_of(const Plan& plan, std::uint32_t person) {
  const auto it = std::lower_bound(plan.burners.begin(), plan.burners.end(), std::make_pair(person, 0u));
  return it != plan.burners.end() && it->first == person ? it->second : 0;
}

void assign_records(Population& pop, const SynthParams& params) {
  const std::uint64_t seed = params.seed;
  Rng r = Rng::stream(seed, Purpose::nominals);
  // Children who go missing are reported to the police, so most children on
  // the missing-episode log are nominals too; network victims keep the share
  // decided with the network (some are known to children's services alone).
  for (Person& p : pop.people) {
    if (p.is(flag::nominal)) continue;
    const double known = !p.is(flag::child)                                      ? 0.18
                         : p.is(flag::in_social_care_log) && !p.is(flag::victim) ? 0.8
                         : p.is(flag::victim)                                    ? 0.0
                                                                                 : 0.10;
    if (r.chance(known)) p.flags |= flag::nominal;
  }

  // Numbers are stored plus one, so that 0 can mean "none".
  const AffinePermutation nominal_numbers(10'000'000, hash_keys(seed, {0x40e1}));
  const AffinePermutation child_numbers(1'000'000, hash_keys(seed, {0xc41d}));
  std::uint32_t nominals = 0, child_ids = 0;
  Rng d = Rng::stream(seed, Purpose::nominals, 2);
  for (Person& p : pop.people) {
    if (p.is(flag::nominal)) {
      p.nominal = static_cast<std::uint32_t>(nominal_numbers(nominals++)) + 1;
      if (d.chance(params.noise.nominal_duplicate))
        p.nominal2 = static_cast<std::uint32_t>(nominal_numbers(nominals++)) + 1;
    }
    if (p.is(flag::in_social_care_log)) p.child_id = static_cast<std::uint32_t>(child_numbers(child_ids++)) + 1;
  }

  // Names: a stream of their own, keyed by person and household only.
  const auto surnames = static_cast<std::uint32_t>(names::surname_count());
  for (std::uint32_t h = 0; h < pop.households.size(); ++h) {
    const Household& hh = pop.households[h];
    const auto family = static_cast<std::uint16_t>(hash_keys(seed, {static_cast<std::uint64_t>(Purpose::surname), h}) % surnames);
    const bool related = hh.kind != HouseholdKind::sharers && hh.kind != HouseholdKind::childrens_home &&
                         hh.kind != HouseholdKind::supported;
    for (std::uint32_t id = hh.first; id < hh.first + hh.size; ++id) {
      Person& p = pop.people[id];
      Rng n = Rng::stream(seed, Purpose::names, id);
      p.forename = static_cast<std::uint16_t>(n.index(names::forename_count(p.sex)));
      const std::uint16_t own = static_cast<std::uint16_t>(n.index(surnames));
      const bool foster_child = hh.kind == HouseholdKind::foster && p.is(flag::in_care);
      if (!related || foster_child || id == hh.first) p.surname = related && !foster_child ? family : own;
      else p.surname = n.chance(p.is(flag::child) ? 0.8 : 0.75) ? family : own;
    }
  }
}

}  // namespace casegraph::synth
