#include "engine/synth/networks.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/synth/calendar.h"

namespace casegraph::synth {

std::string_view evidence_name(Evidence e) { return e == Evidence::strong ? "strong" : "faint"; }

std::string_view place_kind_name(RingPlaceKind k) {
  switch (k) {
    case RingPlaceKind::flat: return "flat";
    case RingPlaceKind::hotel: return "hotel";
    case RingPlaceKind::takeaway: return "takeaway";
    case RingPlaceKind::car_wash: return "car wash";
  }
  return "flat";
}

namespace {

constexpr std::uint16_t kTaken = flag::offender | flag::victim | flag::prolific | flag::runaway;

struct Planner {
  Population& pop;
  Rng r;

  // A random person passing `ok`, or kNone after many tries.
  template <class Ok>
  std::uint32_t random_person(Ok ok, int tries = 20000) {
    for (int i = 0; i < tries; ++i) {
      const auto id = static_cast<std::uint32_t>(r.index(pop.people.size()));
      if (ok(id)) return id;
    }
    return kNone;
  }
  template <class Ok>
  std::uint32_t random_child(Ok ok, int tries = 20000) {
    if (pop.children.empty()) return kNone;
    for (int i = 0; i < tries; ++i) {
      const std::uint32_t id = pop.children[r.index(pop.children.size())];
      if (ok(id)) return id;
    }
    return kNone;
  }
  bool adult_aged(std::uint32_t id, int lo, int hi) const {
    if (!pop.is_adult(id)) return false;
    const int age = pop.age(id, kReferenceDay);
    return age >= lo && age <= hi;
  }
  // A child who is 11-17 for the whole window.
  bool child_in_window(std::uint32_t id, std::int64_t from, std::int64_t to) const {
    return pop.people[id].is(flag::child) && age_on(pop.people[id].dob, from / kDay) >= 11 &&
           age_on(pop.people[id].dob, to / kDay) <= 17;
  }
  bool special_household(std::uint32_t id) const { return pop.households[pop.people[id].household].site != kNone; }
};

std::uint32_t count_at_least(double x, std::uint32_t at_least) {
  return std::max(at_least, static_cast<std::uint32_t>(std::lround(x)));
}

}  // namespace

Plan plan_networks(Population& pop, const SynthParams& params) {
  Plan plan;
  Planner pl{pop, Rng::stream(params.seed, Purpose::roles)};
  Rng& r = pl.r;
  const auto n = static_cast<std::uint32_t>(pop.people.size());

  // Prolific offenders: adults with long records of ordinary crime, in crews
  // of one to three. Many contacts, many occurrences, no children.
  const std::uint32_t prolific_count = count_at_least(n / 700.0, 3);
  std::uint32_t crew = 0, left_in_crew = 0;
  for (std::uint32_t i = 0; i < prolific_count; ++i) {
    const std::uint32_t id = pl.random_person([&](std::uint32_t p) {
      return pl.adult_aged(p, 18, 50) && (pop.people[p].flags & (kTaken | flag::care_staff | flag::taxi_driver)) == 0;
    });
    if (id == kNone) break;
    pop.people[id].flags |= flag::prolific | flag::nominal | flag::needs_phone;
    if (r.chance(0.5)) pop.people[id].flags |= flag::street_name;
    if (left_in_crew == 0) {
      ++crew;
      left_in_crew = static_cast<std::uint32_t>(r.between(1, 3));
    }
    --left_in_crew;
    plan.prolific.push_back(id);
    plan.crew.push_back(crew);
  }

  // Care sites a ring can target.
  std::vector<std::uint32_t> care_sites;
  for (std::uint32_t s = 0; s < pop.sites.size(); ++s)
    if (pop.sites[s].kind == SiteKind::childrens_home || pop.sites[s].kind == SiteKind::supported) care_sites.push_back(s);
  auto sites_of = [&](SiteKind kind) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t s = 0; s < pop.sites.size(); ++s)
      if (pop.sites[s].kind == kind) out.push_back(s);
    return out;
  };
  const std::vector<std::uint32_t> hotels = sites_of(SiteKind::hotel), takeaways = sites_of(SiteKind::takeaway),
                                   car_washes = sites_of(SiteKind::car_wash);
  std::vector<std::uint32_t> free_drivers = pop.taxi_drivers;

  const int ring_count =
      params.networks > 0 ? params.networks : static_cast<int>(count_at_least(n / 4000.0, 4));
  for (int i = 0; i < ring_count; ++i) {
    Ring ring;
    ring.id = fmt::format("R{:03}", i + 1);
    ring.evidence = (i % 5 == 0 || i % 5 == 3) ? Evidence::strong : Evidence::faint;
    const bool strong = ring.evidence == Evidence::strong;
    const int months = strong ? r.between_int(6, 30) : r.between_int(3, 18);
    const int start_month = r.between_int(0, kPeriodMonths - months);
    ring.from = month_start(start_month) + r.between(0, 27) * kDay;
    ring.to = std::min(ring.from + static_cast<std::int64_t>(months) * 30 * kDay, kPeriodEnd - kDay);

    // Offenders: equals, no ringleader. One ring in three has a driver from
    // the legitimate taxi firm among them; every fourth ring shares an
    // offender with the ring before it.
    auto add_offender = [&](std::uint32_t id) {
      Person& p = pop.people[id];
      p.flags |= flag::offender | flag::needs_phone;
      // Offenders in faint rings are often unknown to the police.
      if (strong || r.chance(0.6)) p.flags |= flag::nominal;
      if (r.chance(0.4)) p.flags |= flag::street_name;
      ring.offenders.push_back(id);
    };
    if (i % 3 == 1 && !free_drivers.empty()) {
      const std::size_t k = r.index(free_drivers.size());
      add_offender(free_drivers[k]);
      free_drivers.erase(free_drivers.begin() + static_cast<std::ptrdiff_t>(k));
    }
    if (i % 4 == 1 && !plan.rings.empty()) {
      Ring& before = plan.rings.back();
      const std::uint32_t shared = before.offenders[r.index(before.offenders.size())];
      ring.offenders.push_back(shared);
      ring.shares_offender_with.push_back(i - 1);
      before.shares_offender_with.push_back(i);
    }
    const int offender_count = strong ? r.between_int(3, 5) : r.between_int(2, 3);
    while (static_cast<int>(ring.offenders.size()) < offender_count) {
      const bool male = r.chance(0.9);
      const std::uint32_t id = pl.random_person([&](std::uint32_t p) {
        return pl.adult_aged(p, 19, 60) && (pop.people[p].flags & (kTaken | flag::care_staff | flag::taxi_driver)) == 0 &&
               (pop.people[p].sex == Sex::male) == male;
      });
      if (id == kNone) break;
      add_offender(id);
    }

    // Victims: about half in care (from the one or two homes the ring
    // targets, else any placement), half living at home.
    if (!care_sites.empty()) {
      ring.care_sites.push_back(care_sites[r.index(care_sites.size())]);
      if (strong && r.chance(0.5) && care_sites.size() > 1) {
        const std::uint32_t second = care_sites[r.index(care_sites.size())];
        if (second != ring.care_sites[0]) ring.care_sites.push_back(second);
      }
    }
    const int victim_count = strong ? r.between_int(3, 7) : r.between_int(2, 3);
    for (int j = 0; j < victim_count; ++j) {
      const bool in_care = j % 2 == 0;
      const bool female = r.chance(0.75);
      auto eligible = [&](std::uint32_t c, bool want_care, bool strict_sex) {
        const Person& p = pop.people[c];
        return (p.flags & kTaken) == 0 && p.is(flag::in_care) == want_care &&
               (!strict_sex || (p.sex == Sex::female) == female) && pl.child_in_window(c, ring.from, ring.to);
      };
      std::uint32_t id = kNone;
      if (in_care) {
        for (int strict = 1; strict >= 0 && id == kNone; --strict)
          for (std::uint32_t site : ring.care_sites) {
            std::vector<std::uint32_t> residents;
            for (std::uint32_t c : pop.children)
              if (pop.households[pop.people[c].household].site == site && eligible(c, true, strict == 1))
                residents.push_back(c);
            if (!residents.empty()) {
              id = residents[r.index(residents.size())];
              break;
            }
          }
        if (id == kNone) id = pl.random_child([&](std::uint32_t c) { return eligible(c, true, false); }, 4000);
      }
      if (id == kNone) id = pl.random_child([&](std::uint32_t c) { return eligible(c, false, true); });
      if (id == kNone) id = pl.random_child([&](std::uint32_t c) { return eligible(c, false, false); });
      if (id == kNone) continue;
      Person& p = pop.people[id];
      p.flags |= flag::victim | flag::needs_phone | flag::in_social_care_log;
      if (r.chance(strong ? 0.8 : 0.4)) p.flags |= flag::nominal;
      ring.victims.push_back(id);
    }

    // Places: always a flat (an offender's home or one nobody in the data
    // lives in), and for some rings a hotel, takeaway or car wash, where
    // an offender works. Strong rings' places are mostly watched by a camera.
    RingPlace flat;
    const std::uint32_t host = ring.offenders.empty() ? kNone : ring.offenders[r.index(ring.offenders.size())];
    if (host != kNone && r.chance(0.5) && !pl.special_household(host)) {
      flat.postcode = pop.home_postcode(host);
      flat.offender_home = true;
    } else {
      flat.postcode = pop.new_postcode();
    }
    ring.places.push_back(flat);
    const int extra = strong ? r.between_int(1, 2) : r.between_int(0, 1);
    for (int k = 0; k < extra; ++k) {
      const auto kind = static_cast<RingPlaceKind>(1 + r.below(3));
      const std::vector<std::uint32_t>& pool =
          kind == RingPlaceKind::hotel ? hotels : kind == RingPlaceKind::takeaway ? takeaways : car_washes;
      if (pool.empty()) continue;
      RingPlace place;
      place.kind = kind;
      place.site = pool[r.index(pool.size())];
      place.postcode = pop.sites[place.site].postcode;
      bool dup = false;
      for (const RingPlace& q : ring.places) dup = dup || q.postcode == place.postcode;
      if (dup) continue;
      if (kind != RingPlaceKind::hotel)
        for (std::uint32_t o : ring.offenders)
          if (!pop.people[o].is(flag::taxi_driver)) {
            pop.people[o].site = place.site;
            break;
          }
      ring.places.push_back(place);
    }
    for (RingPlace& place : ring.places) {
      if (place.site != kNone) place.camera = pop.sites[place.site].camera;
      if (place.camera == kNone && r.chance(strong ? 0.75 : 0.15)) place.camera = pop.add_camera(place.postcode, place.site);
    }

    // Vehicles: offenders' own (the taxi always), sometimes one kept by
    // someone else, sometimes one on false plates.
    for (std::uint32_t o : ring.offenders)
      for (const Vehicle& v : pop.vehicles_of(o))
        if ((v.flags & vehicle_flag::taxi) != 0 || r.chance(strong ? 0.7 : 0.4))
          ring.vehicles.push_back(pop.vehicle_index(v));
    if (r.chance(0.25)) {
      const std::uint32_t keeper = pl.random_person([&](std::uint32_t p) {
        return pl.adult_aged(p, 25, 80) && (pop.people[p].flags & kTaken) == 0;
      });
      if (keeper != kNone) ring.vehicles.push_back(pop.add_vehicle(keeper, 0, r));
    }
    if (r.chance(0.15)) ring.vehicles.push_back(pop.add_vehicle(kNone, vehicle_flag::unregistered, r));
    if (ring.vehicles.empty() && !ring.offenders.empty())
      ring.vehicles.push_back(pop.add_vehicle(ring.offenders[0], 0, r));
    std::sort(ring.vehicles.begin(), ring.vehicles.end());
    ring.vehicles.erase(std::unique(ring.vehicles.begin(), ring.vehicles.end()), ring.vehicles.end());
    for (std::uint32_t v : ring.vehicles) pop.vehicles[v].flags |= vehicle_flag::ring;

    ring.disclosure_withdrawn = r.chance(strong ? 0.5 : 0.25);
    plan.rings.push_back(std::move(ring));
  }

  // Second phones: some offenders call the children from a number that is on
  // no police record.
  Rng b = Rng::stream(params.seed, Purpose::phones, 1);
  std::vector<std::uint32_t> offenders;
  for (const Ring& ring : plan.rings) offenders.insert(offenders.end(), ring.offenders.begin(), ring.offenders.end());
  std::sort(offenders.begin(), offenders.end());
  offenders.erase(std::unique(offenders.begin(), offenders.end()), offenders.end());
  for (std::uint32_t o : offenders)
    if (b.chance(0.3)) plan.burners.emplace_back(o, 0);  // the number is given with the others (identities)

  // Benign repeat runaways: they go missing often, and are always found at a
  // relative's, a friend's or in town. Some are in care.
  Rng w = Rng::stream(params.seed, Purpose::runaway);
  const std::uint32_t runaway_count = count_at_least(static_cast<double>(pop.children.size()) * 0.03, 3);
  for (std::uint32_t i = 0; i < runaway_count; ++i) {
    const bool in_care = w.chance(0.4);
    std::uint32_t id = kNone;
    for (int attempt = 0; attempt < 4000 && id == kNone; ++attempt) {
      const std::uint32_t c = pop.children[w.index(pop.children.size())];
      if ((pop.people[c].flags & kTaken) == 0 && (pop.people[c].is(flag::in_care) == in_care || attempt > 2000)) id = c;
    }
    if (id == kNone) break;
    Runaway run;
    run.child = id;
    run.refuge = run.friend_household = pop.people[id].household;
    for (int attempt = 0; attempt < 4000; ++attempt) {
      const auto h = static_cast<std::uint32_t>(w.index(pop.households.size()));
      const Household& hh = pop.households[h];
      if (hh.site != kNone || h == pop.people[id].household || !pop.is_adult(hh.first)) continue;
      if (pop.age(hh.first, kReferenceDay) >= 50) {
        run.refuge = h;
        break;
      }
    }
    for (int attempt = 0; attempt < 4000; ++attempt) {
      const std::uint32_t friend_child = pop.children[w.index(pop.children.size())];
      const std::uint32_t h = pop.people[friend_child].household;
      if (h != pop.people[id].household && pop.households[h].site == kNone) {
        run.friend_household = h;
        break;
      }
    }
    Person& p = pop.people[id];
    p.flags |= flag::runaway | flag::needs_phone | flag::in_social_care_log;
    if (w.chance(0.5)) p.flags |= flag::nominal;
    pop.people[pop.households[run.refuge].first].flags |= flag::needs_phone;
    plan.runaways.push_back(run);
  }

  // Children at home with an ordinary missing episode or two.
  Rng e = Rng::stream(params.seed, Purpose::episodes, 0xe915);
  for (std::uint32_t c : pop.children) {
    Person& p = pop.people[c];
    if (!p.is(flag::in_care) && (p.flags & kTaken) == 0 && e.chance(0.04)) p.flags |= flag::episodic | flag::in_social_care_log;
    if (p.is(flag::in_care)) p.flags |= flag::in_social_care_log;
  }

  for (std::uint32_t h = 0; h < pop.households.size(); ++h)
    if (pop.households[h].kind == HouseholdKind::large_family) plan.large_families.push_back(h);

  // The police know some care staff and taxi drivers (as reporting persons
  // and witnesses) and every offender in a strong ring.
  Rng k = Rng::stream(params.seed, Purpose::nominals, 1);
  for (Person& p : pop.people) {
    if (p.is(flag::care_staff) && k.chance(0.5)) p.flags |= flag::nominal;
    if (p.is(flag::taxi_driver) && k.chance(0.25)) p.flags |= flag::nominal;
  }
  pop.index();
  return plan;
}

}  // namespace casegraph::synth
