#include "engine/synth/planted.h"

#include <algorithm>

#include "engine/synth/calendar.h"
#include "engine/synth/identities.h"
#include "engine/synth/texts.h"

namespace casegraph::synth {

namespace {

std::int64_t midnight(std::int64_t t) { return t - t % kDay; }

// 17:00-23:30 on `day`, in five-minute steps.
std::int64_t evening(std::int64_t day, Rng& r) { return day + r.between(17 * 12, 23 * 12 + 6) * 300; }
// 22:00-02:59, the small hours counted on the next day.
std::int64_t small_hours(std::int64_t day, Rng& r) { return day + r.between(22 * 60, 26 * 60 + 59) * 60 + r.between(0, 59); }
std::int64_t daytime(std::int64_t day, Rng& r, int from_hour, int to_hour) {
  return day + r.between(from_hour * 3600, to_hour * 3600 + 3599);
}
std::int64_t random_day(std::int64_t from, std::int64_t to, Rng& r) {
  const std::int64_t days = std::max<std::int64_t>(0, (to - from) / kDay);
  return midnight(from) + r.between(0, days) * kDay;
}
// Up to n days in [from, to], at least `gap` days apart, ascending.
std::vector<std::int64_t> spaced_days(std::int64_t from, std::int64_t to, int n, int gap, Rng& r) {
  std::vector<std::int64_t> days;
  for (int i = 0; i < n; ++i) days.push_back(random_day(from, to, r));
  std::sort(days.begin(), days.end());
  std::vector<std::int64_t> out;
  for (std::int64_t d : days)
    if (out.empty() || d - out.back() >= gap * kDay) out.push_back(d);
  return out;
}

struct RingPlanter {
  Population& pop;
  const Plan& plan;
  const Ring& ring;
  std::int32_t tag;
  bool strong;
  Rng r;
  EventSet& ev;
  std::vector<std::pair<std::uint32_t, EpisodeRow>> episodes;  // this ring's, by victim

  std::uint32_t offender_phone(std::uint32_t o, double burner_share) {
    const std::uint32_t burner = burner_of(plan, o);
    if (burner != 0 && r.chance(burner_share)) return burner;
    return pop.people[o].phone;
  }
  void call(std::uint32_t a, std::uint32_t b, std::int64_t t, std::uint32_t duration) {
    if (a != 0 && b != 0 && a != b) ev.calls.push_back({t, a, b, duration, tag});
  }
  void read(std::uint32_t vehicle, std::uint32_t camera, std::int64_t t) {
    if (camera != kNone) ev.reads.push_back({t, vehicle, camera, tag});
  }
  std::uint32_t care_camera(std::uint32_t child) const {
    const Household& h = pop.households[pop.people[child].household];
    return h.site == kNone ? kNone : pop.sites[h.site].camera;
  }
  // Who reports for a child: a member of staff at the home, else an adult of the household.
  std::uint32_t reporter(std::uint32_t child) {
    const Household& h = pop.households[pop.people[child].household];
    if (h.site != kNone) {
      std::vector<std::uint32_t> staff;
      for (std::uint32_t s : pop.site_members(h.site))
        if (pop.people[s].is(flag::care_staff)) staff.push_back(s);
      return staff.empty() ? kNone : staff[r.index(staff.size())];
    }
    for (std::uint32_t id = h.first; id < h.first + h.size; ++id)
      if (pop.is_adult(id)) return id;
    return kNone;
  }
  std::vector<std::uint32_t> known_offenders() const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t o : ring.offenders)
      if (pop.people[o].is(flag::nominal)) out.push_back(o);
    return out;
  }
  void police_know(std::uint32_t p) { pop.people[p].flags |= flag::nominal; }

  void victims() {
    const std::size_t k = ring.offenders.size();
    for (std::size_t j = 0; j < ring.victims.size(); ++j) {
      const std::uint32_t v = ring.victims[j];
      std::vector<std::uint32_t> contacts;
      if (k > 0) contacts.push_back(ring.offenders[j % k]);
      if (k > 1) contacts.push_back(ring.offenders[(j + 1) % k]);
      const std::uint32_t camera = care_camera(v);
      const std::uint32_t child_phone = pop.people[v].phone;
      const std::vector<std::int64_t> days =
          spaced_days(ring.from, ring.to - kDay, strong ? r.between_int(4, 10) : r.between_int(1, 3), 3, r);
      for (std::size_t e = 0; e < days.size(); ++e) {
        EpisodeRow ep;
        ep.child = v;
        ep.ring = tag;
        ep.start = evening(days[e], r);
        const std::int64_t hours = strong ? r.between(5, 30) : r.between(4, 20);
        ep.end = ep.start + hours * 3600 + r.between(0, 3) * 900;
        ep.reported = ep.start + r.between(60, std::max<std::int64_t>(61, std::min<std::int64_t>(360, hours * 60 - 30))) * 60;
        const RingPlace* found_place = nullptr;
        const double u = r.uniform();
        const double at_place = strong ? 0.65 : 0.30, in_town = strong ? 0.10 : 0.15;
        if (u < at_place && !ring.places.empty()) {
          found_place = &ring.places[r.index(ring.places.size())];
          ep.found = found_place->postcode;
        } else if (u < at_place + in_town) {
          ep.found = pop.sites[pop.shopping_centre].postcode;
        }
        const bool withdrawn = ring.disclosure_withdrawn && j == 0 && e + 1 == days.size();
        ep.interview = texts::interview_for(withdrawn ? texts::InterviewKind::disclosure_withdrawn
                                            : strong  ? texts::InterviewKind::ring_strong
                                                      : texts::InterviewKind::ring_faint,
                                            r);
        ev.episodes.push_back(ep);
        episodes.emplace_back(v, ep);

        // Calls arranging the pick-up.
        if (!contacts.empty()) {
          const int calls = strong ? r.between_int(1, 3) : (r.chance(0.5) ? 1 : 0);
          for (int c = 0; c < calls; ++c) {
            const std::uint32_t op = offender_phone(contacts[r.index(contacts.size())], 0.7);
            const std::int64_t t = ep.start - r.between(10, 180) * 60;
            const auto duration = static_cast<std::uint32_t>(r.between(8, 90));
            if (r.chance(0.5)) call(op, child_phone, t, duration);
            else call(child_phone, op, t, duration);
          }
        }
        // The ring's car near the home as the child goes, at the place the
        // child is found, and back near the home at the end.
        if (!ring.vehicles.empty()) {
          const std::uint32_t vehicle = ring.vehicles[(j + e) % ring.vehicles.size()];
          if (camera != kNone && r.chance(strong ? 0.7 : 0.2)) read(vehicle, camera, ep.start + r.between(-30, 30) * 60);
          if (found_place != nullptr && found_place->camera != kNone && r.chance(strong ? 0.75 : 0.25))
            read(vehicle, found_place->camera, ep.start + r.between(30, 120) * 60);
          if (camera != kNone && strong && r.chance(0.3)) read(vehicle, camera, ep.end - r.between(10, 40) * 60);
        }
      }
      // Night-time calls outside the episodes.
      if (!contacts.empty()) {
        const int nights = strong ? r.between_int(10, 40) : r.between_int(1, 5);
        for (int c = 0; c < nights; ++c) {
          const std::uint32_t op = offender_phone(contacts[r.index(contacts.size())], 0.7);
          const std::int64_t t = small_hours(random_day(ring.from, ring.to - kDay, r), r);
          const auto duration = static_cast<std::uint32_t>(r.between(30, 1800));
          if (r.chance(0.6)) call(op, child_phone, t, duration);
          else call(child_phone, op, t, duration);
        }
      }
    }
  }

  void offenders() {
    // Every pair alike: no ringleader.
    for (std::size_t a = 0; a < ring.offenders.size(); ++a)
      for (std::size_t b = a + 1; b < ring.offenders.size(); ++b) {
        const int n = strong ? r.between_int(5, 20) : r.between_int(1, 5);
        for (int c = 0; c < n; ++c) {
          const std::int64_t t = daytime(random_day(ring.from, ring.to - kDay, r), r, 9, 23);
          const auto duration = static_cast<std::uint32_t>(r.between(15, 900));
          const std::uint32_t pa = offender_phone(ring.offenders[a], 0.2), pb = offender_phone(ring.offenders[b], 0.2);
          if (r.chance(0.5)) call(pa, pb, t, duration);
          else call(pb, pa, t, duration);
        }
      }
    // Ring vehicles at the ring's places on other evenings.
    std::vector<const RingPlace*> watched;
    for (const RingPlace& p : ring.places)
      if (p.camera != kNone) watched.push_back(&p);
    if (watched.empty()) return;
    for (std::uint32_t v : ring.vehicles) {
      const int n = strong ? r.between_int(3, 10) : r.between_int(0, 2);
      for (int c = 0; c < n; ++c)
        read(v, watched[r.index(watched.size())]->camera, evening(random_day(ring.from, ring.to - kDay, r), r));
    }
  }

  void occurrences() {
    const std::vector<std::uint32_t> suspects = known_offenders();
    auto add = [&](std::uint16_t offence, std::int64_t t, std::uint32_t place, std::uint32_t victim,
                   std::vector<std::uint32_t> accused, std::uint16_t outcome, bool witness) {
      std::vector<Participant> people;
      for (std::uint32_t s : accused) people.push_back({s, Role::suspect});
      people.push_back({victim, Role::victim});
      if (witness && ring.victims.size() > 1) {
        std::uint32_t other = ring.victims[r.index(ring.victims.size())];
        if (other != victim) people.push_back({other, Role::witness});
      }
      const std::uint32_t rep = reporter(victim);
      if (rep != kNone) people.push_back({rep, Role::reporting});
      for (const Participant& p : people) police_know(p.person);
      OccurrenceRow occ;
      occ.t = t;
      occ.place = place;
      occ.offence = offence;
      occ.circumstances = texts::circumstances_for(offence, r);
      occ.outcome = outcome;
      occ.ring = tag;
      ev.add_occurrence(occ, people);
    };
    auto some_suspects = [&](int most) {
      std::vector<std::uint32_t> out;
      if (suspects.empty()) return out;
      const int n = std::min<int>(most, static_cast<int>(suspects.size()));
      const std::size_t first = r.index(suspects.size());
      for (int i = 0; i < n; ++i) out.push_back(suspects[(first + static_cast<std::size_t>(i)) % suspects.size()]);
      return out;
    };
    if (episodes.empty()) return;
    const std::uint32_t flat = ring.places.empty() ? pop.home_postcode(ring.victims[0]) : ring.places[0].postcode;
    if (strong) {
      const int n = r.between_int(1, 3);
      for (int k = 0; k < n; ++k) {
        const auto& [victim, ep] = episodes[r.index(episodes.size())];
        switch (k) {
          case 0:  // found with a suspect by patrol
            add(texts::offence::cawn, ep.start + r.between(3, 6) * 3600, ep.found != kNone ? ep.found : flat, victim,
                some_suspects(1), texts::outcome::notice_served, false);
            break;
          case 1:
            add(texts::offence::cse_concern, ep.end + r.between(1, 48) * 3600, pop.home_postcode(victim), victim, {},
                texts::outcome::investigating, r.chance(0.5));
            break;
          default:
            if (!ring.disclosure_withdrawn)
              add(texts::offence::sexual_activity_child, ep.end + r.between(2, 72) * 3600, flat, victim, some_suspects(2),
                  r.chance(0.2) ? texts::outcome::charged : texts::outcome::evidential, false);
            break;
        }
      }
    } else if (r.chance(0.5)) {
      const auto& [victim, ep] = episodes[r.index(episodes.size())];
      add(texts::offence::concern_for_welfare, ep.end + r.between(1, 24) * 3600, pop.home_postcode(victim), victim, {},
          texts::outcome::incident_only, false);
    }
    if (ring.disclosure_withdrawn) {
      // The first victim's last episode ends in a disclosure, later withdrawn.
      const std::uint32_t victim = ring.victims[0];
      for (auto it = episodes.rbegin(); it != episodes.rend(); ++it)
        if (it->first == victim) {
          add(texts::offence::sexual_activity_child, it->second.end + r.between(2, 48) * 3600, flat, victim,
              strong || r.chance(0.5) ? some_suspects(1) : std::vector<std::uint32_t>{}, texts::outcome::withdrawn,
              false);
          break;
        }
    }
  }

  void intelligence() {
    const std::vector<std::uint32_t> suspects = known_offenders();
    auto item = [&](std::uint32_t subject, texts::SummaryKind kind, std::uint32_t about) {
      IntelRow in;
      in.t = daytime(random_day(ring.from, std::min(ring.to + 60 * kDay, kPeriodEnd - kDay), r), r, 8, 18);
      in.subject = subject;
      in.about = about;
      in.summary = texts::summary_for(kind, r);
      in.grading = texts::grading_for(strong ? texts::GradingBand::strong : texts::GradingBand::faint, r);
      in.ring = tag;
      if (!ring.vehicles.empty() && r.chance(0.5)) in.vehicle = ring.vehicles[r.index(ring.vehicles.size())];
      if (!ring.places.empty() && r.chance(0.6)) {
        const RingPlace& p = ring.places[r.index(ring.places.size())];
        in.postcode = p.postcode;
        in.site = p.site;
      }
      if (r.chance(0.25)) {
        if (kind == texts::SummaryKind::ring_victim) in.phone = pop.people[subject].phone;
        else if (about != kNone) in.phone = offender_phone(about, 0.8);
      }
      if (subject != kNone) police_know(subject);
      ev.intel.push_back(in);
    };
    const int n = strong ? r.between_int(3, 8) : r.between_int(1, 2);
    for (int k = 0; k < n; ++k) {
      if (!suspects.empty() && r.chance(0.7)) {
        const std::uint32_t o = suspects[r.index(suspects.size())];
        item(o, texts::SummaryKind::ring_offender, o);
      } else if (!ring.victims.empty()) {
        item(ring.victims[r.index(ring.victims.size())], texts::SummaryKind::ring_victim, kNone);
      }
    }
    if (!ring.offenders.empty() && r.chance(strong ? 0.3 : 0.5)) {
      // A man known only by a street name: no subject, so no nominal link.
      const std::uint32_t o = ring.offenders[r.index(ring.offenders.size())];
      item(kNone, texts::SummaryKind::ring_unidentified, o);
    }
  }
};

void plant_runaway(Population& pop, const Runaway& run, std::int32_t index, std::uint64_t seed, EventSet& ev) {
  Rng r = Rng::stream(seed, Purpose::runaway, 1, static_cast<std::uint64_t>(index));
  const int months = r.between_int(6, 30);
  const std::int64_t from = month_start(r.between_int(0, kPeriodMonths - months)) + r.between(0, 27) * kDay;
  const std::int64_t to = std::min(from + static_cast<std::int64_t>(months) * 30 * kDay, kPeriodEnd - 2 * kDay);
  const std::uint32_t refuge_adult = pop.households[run.refuge].first;
  const std::uint32_t child_phone = pop.people[run.child].phone;
  for (std::int64_t day : spaced_days(from, to, r.between_int(4, 10), 3, r)) {
    const int age = age_on(pop.people[run.child].dob, day / kDay);
    if (age < 10 || age > 17) continue;
    EpisodeRow ep;
    ep.child = run.child;
    ep.start = evening(day, r);
    const std::int64_t hours = r.between(3, 16);
    ep.end = ep.start + hours * 3600;
    ep.reported = ep.start + r.between(60, std::min<std::int64_t>(240, hours * 60 - 30)) * 60;
    const std::size_t where = r.weighted({65, 15, 10, 10});
    bool refuge = false;
    if (where == 0) {
      ep.found = pop.households[run.refuge].postcode;
      refuge = true;
    } else if (where == 1) {
      ep.found = pop.households[run.friend_household].postcode;
    } else if (where == 2) {
      ep.found = pop.sites[pop.shopping_centre].postcode;
    }
    ep.interview = texts::interview_for(refuge ? texts::InterviewKind::refuge : texts::InterviewKind::ordinary, r);
    ev.episodes.push_back(ep);
    if (r.chance(0.7)) {
      const std::uint32_t other = pop.people[refuge_adult].phone;
      const std::int64_t t = ep.start + r.between(20, 90) * 60;
      const auto duration = static_cast<std::uint32_t>(r.between(20, 600));
      if (other != 0 && child_phone != 0 && other != child_phone) {
        if (r.chance(0.5)) ev.calls.push_back({t, child_phone, other, duration, -1});
        else ev.calls.push_back({t, other, child_phone, duration, -1});
      }
    }
  }
}

}  // namespace

EventSet plant_evidence(Population& pop, const Plan& plan, const SynthParams& params) {
  EventSet ev;
  for (std::size_t i = 0; i < plan.rings.size(); ++i) {
    const Ring& ring = plan.rings[i];
    RingPlanter planter{pop,  plan, ring, static_cast<std::int32_t>(i), ring.evidence == Evidence::strong,
                        Rng::stream(params.seed, Purpose::ring, i), ev, {}};
    planter.victims();
    planter.offenders();
    planter.occurrences();
    planter.intelligence();
  }
  for (std::size_t i = 0; i < plan.runaways.size(); ++i)
    plant_runaway(pop, plan.runaways[i], static_cast<std::int32_t>(i), params.seed, ev);

  sort_by_time(ev.calls);
  sort_by_time(ev.reads);
  sort_episodes(ev.episodes);
  sort_by_time(ev.intel);
  // Occurrences keep their participant ranges; sort the rows only.
  sort_by_time(ev.occurrences);
  return ev;
}

}  // namespace casegraph::synth
