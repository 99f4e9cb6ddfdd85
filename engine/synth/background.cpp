#include "engine/synth/background.h"

#include <algorithm>
#include <array>

#include "engine/synth/calendar.h"
#include "engine/synth/texts.h"

namespace casegraph::synth {

namespace {

// Relative frequency by hour of day.
constexpr std::array<double, 24> kAdultCallHours = {1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4, 6, 7, 7, 7,
                                                    8, 7,   7,   7,   7,   8,   8, 7, 6, 5, 3, 2};
constexpr std::array<double, 24> kChildCallHours = {2, 1.5, 1, 0.5, 0.2, 0.2, 0.5, 3, 4, 1, 1, 1,
                                                    2, 1,   1, 3,   6,   8,   9,   9, 9, 8, 6, 4};
constexpr std::array<double, 24> kTrafficHours = {0.5, 0.3, 0.2, 0.2, 0.5, 1.5, 4, 8, 9, 7, 6, 6,
                                                  6,   6,   6,   7,   8,   9,   7, 5, 4, 3, 2, 1};
constexpr std::array<double, 24> kCrimeHours = {3, 3, 2.5, 2, 1, 1, 1, 2, 3, 4, 5, 5,
                                                5, 5, 5,   6, 6, 6, 6, 6, 6, 5, 5, 4};

std::int64_t in_month(int month, const std::array<double, 24>& hours, Rng& r) {
  const std::int64_t first = month_start(month);
  const auto days = static_cast<std::uint32_t>((month_start(month + 1) - first) / kDay);
  const auto hour = static_cast<std::int64_t>(r.weighted(std::span<const double>(hours)));
  return first + r.below(days) * kDay + hour * 3600 + r.below(3600);
}

constexpr std::uint32_t kFriends = 8;
constexpr std::uint32_t kCustomers = 60;

}  // namespace

Background::Background(const Population& pop, const Plan& plan, const SynthParams& params)
    : pop_(pop), plan_(plan), params_(params) {
  for (std::uint32_t id = 0; id < pop.people.size(); ++id) {
    const Person& p = pop.people[id];
    if (p.phone != 0) owners_.push_back(id);
    if (p.nominal != 0) (p.is(flag::child) ? nominal_children_ : nominal_adults_).push_back(id);
    if (p.is(flag::child) && (p.is(flag::in_care) || p.is(flag::episodic))) episodic_.push_back(id);
  }
  for (std::uint32_t c = 0; c < pop.cameras.size(); ++c) {
    all_cameras_.push_back(c);
    const std::uint32_t site = pop.cameras[c].site;
    if (site != kNone &&
        (pop.sites[site].kind == SiteKind::childrens_home || pop.sites[site].kind == SiteKind::supported))
      care_cameras_.push_back(c);
  }
}

double Background::activity(std::uint64_t key) const {
  static constexpr std::array<double, 8> kLevels = {0.3, 0.6, 0.8, 1.0, 1.0, 1.2, 1.6, 2.5};
  return kLevels[hash_keys(params_.seed, {0xac7, key}) % kLevels.size()];
}

std::uint32_t Background::member_phone(std::span<const std::uint32_t> people, std::uint32_t except, Rng& r) const {
  if (people.empty()) return 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::uint32_t id = people[r.index(people.size())];
    if (id != except && pop_.people[id].phone != 0) return pop_.people[id].phone;
  }
  return 0;
}

std::uint32_t Background::household_phone(std::uint32_t person, Rng& r) const {
  const Household& h = pop_.households[pop_.people[person].household];
  if (h.size < 2) return 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::uint32_t id = h.first + r.below(h.size);
    if (id != person && pop_.people[id].phone != 0) return pop_.people[id].phone;
  }
  return 0;
}

std::uint32_t Background::contact(std::uint32_t person, std::size_t owner_index, Rng& r) const {
  const Person& p = pop_.people[person];
  const std::uint64_t seed = params_.seed;
  const auto key = [&](std::uint64_t j) { return hash_keys(seed, {static_cast<std::uint64_t>(Purpose::friends), person, j}); };
  const auto owner_phone = [&](std::size_t i) { return pop_.people[owners_[i]].phone; };
  // A small circle called again and again, as real call records show.
  const auto friend_phone = [&]() -> std::uint32_t {
    // Friends live near in the numbering, as neighbours and relatives do.
    const auto offset = static_cast<std::int64_t>(key(r.below(kFriends)) % 801) - 400;
    const auto i = static_cast<std::size_t>(std::clamp<std::int64_t>(static_cast<std::int64_t>(owner_index) + offset, 0,
                                                                     static_cast<std::int64_t>(owners_.size()) - 1));
    return owner_phone(i);
  };
  // A few fixed colleagues or classmates, not the whole workplace or school.
  const auto workmate_phone = [&](std::uint64_t circle) -> std::uint32_t {
    if (p.site == kNone) return 0;
    const auto members = pop_.site_members(p.site);
    if (members.empty()) return 0;
    const std::uint32_t id = members[key(1000 + r.below(static_cast<std::uint32_t>(circle))) % members.size()];
    return id == person ? 0 : pop_.people[id].phone;
  };
  std::uint32_t phone = 0;
  const double u = r.uniform();
  if (p.is(flag::prolific) && u < 0.6) {
    phone = owner_phone(key(100 + r.below(kCustomers)) % owners_.size());
  } else if (p.is(flag::taxi_driver) && u < 0.3) {
    phone = pop_.taxi_firm_phone;
  } else if (p.is(flag::child)) {
    if (u < 0.25) phone = household_phone(person, r);
    else if (u < 0.55) phone = workmate_phone(6);
    else if (u < 0.95) phone = friend_phone();
    else phone = owner_phone(r.index(owners_.size()));  // a one-off
  } else {
    if (u < 0.25) phone = household_phone(person, r);
    else if (u < 0.35) phone = workmate_phone(4);
    else if (u < 0.42) phone = pop_.taxi_firm_phone;
    else if (u < 0.97) phone = friend_phone();
    else phone = owner_phone(r.index(owners_.size()));  // a one-off
  }
  if (phone == 0 || phone == p.phone) phone = friend_phone();
  return phone == p.phone ? 0 : phone;
}

void Background::calls(int month, std::vector<CallRow>& out) const {
  const double base = params_.volumes.calls_per_phone / kPeriodMonths;
  for (std::size_t i = 0; i < owners_.size(); ++i) {
    const std::uint32_t id = owners_[i];
    const Person& p = pop_.people[id];
    Rng r = Rng::stream(params_.seed, Purpose::calls, id, static_cast<std::uint64_t>(month));
    const double rate = base * activity(id) * (p.is(flag::prolific) ? 4.0 : 1.0);
    const int n = r.poisson(rate);
    const auto& hours = p.is(flag::child) ? kChildCallHours : kAdultCallHours;
    for (int k = 0; k < n; ++k) {
      const std::uint32_t other = contact(id, i, r);
      if (other == 0) continue;
      const std::int64_t t = in_month(month, hours, r);
      const auto duration = static_cast<std::uint32_t>(r.chance(0.15) ? r.between(1, 10) : r.between(20, 1500));
      out.push_back({t, p.phone, other, duration, -1});
    }
  }
  // The taxi firm rings its drivers.
  Rng r = Rng::stream(params_.seed, Purpose::taxi, 0, static_cast<std::uint64_t>(month));
  const int n = pop_.taxi_drivers.empty() ? 0 : r.poisson(static_cast<double>(pop_.taxi_drivers.size()) * 8 *
                                                          params_.volumes.calls_per_phone / 60.0);
  for (int k = 0; k < n; ++k) {
    const std::uint32_t driver = pop_.taxi_drivers[r.index(pop_.taxi_drivers.size())];
    if (pop_.people[driver].phone == 0) continue;
    out.push_back({in_month(month, kTrafficHours, r), pop_.taxi_firm_phone, pop_.people[driver].phone,
                   static_cast<std::uint32_t>(r.between(10, 120)), -1});
  }
}

void Background::reads(int month, std::vector<ReadRow>& out) const {
  const double base = params_.volumes.reads_per_vehicle / kPeriodMonths;
  for (std::uint32_t v = 0; v < pop_.vehicles.size(); ++v) {
    const Vehicle& vehicle = pop_.vehicles[v];
    Rng r = Rng::stream(params_.seed, Purpose::reads, v, static_cast<std::uint64_t>(month));
    const bool taxi = (vehicle.flags & vehicle_flag::taxi) != 0;
    const bool unregistered = vehicle.keeper == kNone;
    double rate = base * activity(0x7e41c1eULL << 32 | v);
    if (taxi) rate *= 5;
    if (unregistered) rate *= 0.3;
    const int n = r.poisson(rate);
    for (int k = 0; k < n; ++k) {
      std::uint32_t camera = kNone;
      if (unregistered) {
        camera = all_cameras_[r.index(all_cameras_.size())];
      } else if (taxi) {
        switch (r.weighted({25, 10, 10, 10, 45})) {
          case 0: camera = pop_.sites[pop_.taxi_depot].camera; break;
          case 1: camera = care_cameras_.empty() ? kNone : care_cameras_[r.index(care_cameras_.size())]; break;
          case 2: camera = pop_.sites[pop_.petrol_station].camera; break;
          case 3: camera = pop_.sites[pop_.shopping_centre].camera; break;
          default: camera = all_cameras_[r.index(all_cameras_.size())]; break;
        }
      } else {
        const Person& keeper = pop_.people[vehicle.keeper];
        switch (r.weighted({30, 12, 33, 10, 15})) {
          case 0: camera = pop_.sites[pop_.petrol_station].camera; break;
          case 1: camera = pop_.sites[pop_.shopping_centre].camera; break;
          case 2: {
            const auto local = pop_.district_cameras(pop_.district_of(pop_.home_postcode(vehicle.keeper)));
            if (!local.empty()) camera = local[r.index(local.size())];
            break;
          }
          case 3:
            if (keeper.site != kNone) camera = pop_.sites[keeper.site].camera;
            break;
          default: break;
        }
        if (camera == kNone) camera = all_cameras_[r.index(all_cameras_.size())];
      }
      if (camera == kNone) continue;
      out.push_back({in_month(month, kTrafficHours, r), v, camera, -1});
    }
  }
}

void Background::episodes(int month, std::vector<EpisodeRow>& out) const {
  const std::int64_t first_day = month_start(month) / kDay;
  for (std::uint32_t c : episodic_) {
    const Person& p = pop_.people[c];
    const int age = age_on(p.dob, first_day);
    if (age < 10 || age > 17) continue;
    Rng r = Rng::stream(params_.seed, Purpose::episodes, c, static_cast<std::uint64_t>(month));
    const Household& h = pop_.households[p.household];
    const double rate = !p.is(flag::in_care)                  ? 0.06
                        : h.kind == HouseholdKind::childrens_home ? 0.07
                        : h.kind == HouseholdKind::foster         ? 0.03
                                                                  : 0.05;
    if (!r.chance(rate)) continue;
    EpisodeRow ep;
    ep.child = c;
    ep.start = in_month(month, r.chance(0.8) ? kChildCallHours : kTrafficHours, r);
    const std::int64_t hours = r.between(2, 20);
    ep.end = ep.start + hours * 3600 + r.between(0, 59) * 60;
    ep.reported = ep.start + r.between(30, std::max<std::int64_t>(31, std::min<std::int64_t>(300, hours * 60 - 10))) * 60;
    const double u = r.uniform();
    if (u < 0.25) {
      ep.found = pop_.sites[pop_.shopping_centre].postcode;
    } else if (u < 0.5) {
      const auto near = static_cast<std::int64_t>(p.household) + r.between(-50, 50);
      const auto h2 = static_cast<std::uint32_t>(std::clamp<std::int64_t>(near, 0, static_cast<std::int64_t>(pop_.households.size()) - 1));
      ep.found = pop_.households[h2].postcode;
    }
    ep.interview = texts::interview_for(texts::InterviewKind::ordinary, r);
    out.push_back(ep);
  }
}

std::uint32_t Background::nominal_adult(Rng& r) const {
  return nominal_adults_.empty() ? kNone : nominal_adults_[r.index(nominal_adults_.size())];
}
std::uint32_t Background::nominal_child(Rng& r) const {
  return nominal_children_.empty() ? nominal_adult(r) : nominal_children_[r.index(nominal_children_.size())];
}

void Background::occurrences(int month, EventSet& out) const {
  namespace off = texts::offence;
  namespace res = texts::outcome;
  std::vector<Participant> people;
  const auto random_street = [&](Rng& r) { return pop_.households[r.index(pop_.households.size())].postcode; };
  auto make = [&](Rng& r, std::uint16_t offence, std::vector<std::uint32_t> suspects, std::int64_t t) {
    people.clear();
    const bool child_victim = r.chance(offence == off::robbery ? 0.6 : 0.2);
    const std::uint32_t victim = child_victim ? nominal_child(r) : nominal_adult(r);
    if (victim == kNone) return;
    std::uint32_t place = kNone;
    const auto suspect_rows = [&] {
      for (std::uint32_t s : suspects)
        if (s != kNone && s != victim) people.push_back({s, Role::suspect});
    };
    switch (offence) {
      case off::shoplifting:
      case off::making_off: {
        suspect_rows();
        const std::uint32_t staff = nominal_adult(r);
        if (staff != kNone) people.push_back({staff, Role::reporting});
        place = offence == off::making_off ? pop_.sites[pop_.petrol_station].postcode
                : r.chance(0.6)            ? pop_.sites[pop_.shopping_centre].postcode
                                           : random_street(r);
        break;
      }
      case off::drugs_possession:
      case off::drugs_supply:
      case off::public_order:
        suspect_rows();
        if (offence == off::public_order && r.chance(0.6)) people.push_back({nominal_adult(r), Role::reporting});
        place = r.chance(0.3) ? pop_.sites[pop_.shopping_centre].postcode : random_street(r);
        break;
      case off::concern_for_welfare:
        people.push_back({victim, Role::victim});
        people.push_back({nominal_adult(r), Role::reporting});
        place = pop_.home_postcode(victim);
        break;
      case off::domestic: {
        people.push_back({victim, Role::victim});
        const Household& h = pop_.households[pop_.people[victim].household];
        for (std::uint32_t id = h.first; id < h.first + h.size; ++id)
          if (id != victim && pop_.is_adult(id) && pop_.people[id].nominal != 0) {
            people.push_back({id, Role::suspect});
            break;
          }
        people.push_back({victim, Role::reporting});
        place = h.postcode;
        break;
      }
      default: {  // crimes with a victim
        suspect_rows();
        people.push_back({victim, Role::victim});
        const int witnesses = offence == off::assault ? r.between_int(0, 2) : (r.chance(0.3) ? 1 : 0);
        for (int w = 0; w < witnesses; ++w) people.push_back({nominal_adult(r), Role::witness});
        if (offence == off::assault) {
          if (r.chance(0.4)) people.push_back({nominal_adult(r), Role::reporting});
          const double u = r.uniform();
          place = u < 0.4 ? pop_.home_postcode(victim) : u < 0.6 ? pop_.sites[pop_.shopping_centre].postcode : random_street(r);
        } else {
          people.push_back({victim, Role::reporting});
          place = offence == off::robbery ? random_street(r) : pop_.home_postcode(victim);
        }
        break;
      }
    }
    std::erase_if(people, [](const Participant& p) { return p.person == kNone; });
    // Witnesses are drawn at random, so one may be drawn twice; the export
    // has one row per person and role (its record id), so keep the first.
    for (std::size_t i = 1; i < people.size();) {
      const auto same = [&](const Participant& p) { return p.person == people[i].person && p.role == people[i].role; };
      const auto at = people.begin() + static_cast<std::ptrdiff_t>(i);
      if (std::any_of(people.begin(), at, same)) people.erase(at);
      else ++i;
    }
    if (people.empty()) return;
    bool has_suspect = false;
    for (const Participant& p : people) has_suspect = has_suspect || p.role == Role::suspect;
    OccurrenceRow occ;
    occ.t = t;
    occ.place = place;
    occ.offence = offence;
    occ.circumstances = texts::circumstances_for(offence, r);
    if (offence == off::concern_for_welfare) occ.outcome = res::incident_only;
    else if (has_suspect)
      occ.outcome = std::array<std::uint16_t, 5>{res::charged, res::caution, res::community_resolution, res::evidential,
                                                 res::investigating}[r.weighted({20, 10, 10, 30, 30})];
    else occ.outcome = r.chance(0.7) ? res::no_suspect : res::investigating;
    out.add_occurrence(occ, people);
  };

  // Ordinary crime.
  Rng r = Rng::stream(params_.seed, Purpose::occurrences, static_cast<std::uint64_t>(month));
  const int n = r.poisson(static_cast<double>(pop_.people.size()) * params_.volumes.occurrences_per_person / kPeriodMonths);
  static constexpr std::array<std::uint16_t, 13> kOrdinary = {
      off::shoplifting,   off::burglary,     off::theft_from_vehicle, off::assault,     off::domestic,
      off::criminal_damage, off::public_order, off::drugs_possession, off::robbery,     off::concern_for_welfare,
      off::vehicle_theft, off::making_off,   off::harassment};
  for (int k = 0; k < n; ++k) {
    const std::uint16_t offence = kOrdinary[r.weighted({18, 10, 9, 16, 12, 10, 7, 6, 3, 5, 3, 3, 4})];
    std::vector<std::uint32_t> suspects;
    const double detected = offence == off::burglary ? 0.25 : offence == off::theft_from_vehicle ? 0.15
                            : offence == off::criminal_damage ? 0.3 : offence == off::making_off ? 0.5
                            : offence == off::robbery ? 0.5 : 1.0;
    if (offence != off::concern_for_welfare && offence != off::domestic && r.chance(detected))
      suspects.push_back(r.chance(offence == off::robbery ? 0.6 : 0.2) ? nominal_child(r) : nominal_adult(r));
    make(r, offence, std::move(suspects), in_month(month, kCrimeHours, r));
  }

  // Prolific offenders, with their crews.
  for (std::size_t i = 0; i < plan_.prolific.size(); ++i) {
    const std::uint32_t id = plan_.prolific[i];
    Rng q = Rng::stream(params_.seed, Purpose::prolific, id, static_cast<std::uint64_t>(month));
    const double rate = 0.5 + 1.5 * unit_of(hash_keys(params_.seed, {0x9a01, id}));
    const int m = q.poisson(rate);
    for (int k = 0; k < m; ++k) {
      static constexpr std::array<std::uint16_t, 8> kTheirs = {off::shoplifting,      off::burglary,
                                                               off::theft_from_vehicle, off::drugs_possession,
                                                               off::drugs_supply,     off::vehicle_theft,
                                                               off::criminal_damage,  off::assault};
      const std::uint16_t offence = kTheirs[q.weighted({30, 20, 15, 10, 8, 7, 5, 5})];
      std::vector<std::uint32_t> suspects{id};
      if (q.chance(0.5)) {
        for (std::size_t j = 0; j < plan_.prolific.size(); ++j)
          if (j != i && plan_.crew[j] == plan_.crew[i]) {
            suspects.push_back(plan_.prolific[j]);
            break;
          }
      }
      make(q, offence, std::move(suspects), in_month(month, kCrimeHours, q));
    }
  }
}

void Background::intelligence(int month, std::vector<IntelRow>& out) const {
  auto item = [&](Rng& r, std::uint32_t subject, texts::SummaryKind kind) {
    if (subject == kNone) return;
    IntelRow in;
    in.t = in_month(month, kTrafficHours, r);
    in.subject = subject;
    in.about = subject;
    in.summary = texts::summary_for(kind, r);
    in.grading = texts::grading_for(texts::GradingBand::ordinary, r);
    const auto own = pop_.vehicles_of(subject);
    if (!own.empty() && r.chance(0.3)) in.vehicle = pop_.vehicle_index(own[r.index(own.size())]);
    if (r.chance(0.35)) {
      if (r.chance(0.5)) {
        in.postcode = pop_.home_postcode(subject);
      } else {
        in.site = pop_.shopping_centre;
        in.postcode = pop_.sites[in.site].postcode;
      }
    }
    if (r.chance(0.15)) in.phone = pop_.people[subject].phone;
    out.push_back(in);
  };
  Rng r = Rng::stream(params_.seed, Purpose::intelligence, static_cast<std::uint64_t>(month));
  const int n = r.poisson(static_cast<double>(pop_.people.size()) * 0.0003);
  for (int k = 0; k < n; ++k) item(r, r.chance(0.9) ? nominal_adult(r) : nominal_child(r), texts::SummaryKind::ordinary);
  for (std::uint32_t id : plan_.prolific) {
    Rng q = Rng::stream(params_.seed, Purpose::intelligence, id, static_cast<std::uint64_t>(month) + 1000);
    if (q.chance(0.12)) item(q, id, texts::SummaryKind::prolific);
  }
}

}  // namespace casegraph::synth
