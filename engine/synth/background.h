#pragma once
// Ordinary life, one month at a time: the calls, camera reads, missing
// episodes, crime and intelligence that bury the planted evidence.
//
// Every month of every phone, vehicle and child is its own random stream
// (Rng::stream(seed, purpose, entity, month)), so a month is made without
// holding any other, in the same way whatever else is generated, and memory
// stays one month's rows.
//
// - Calls: each phone makes Poisson(calls_per_phone / 36 x activity) calls a
//   month, activity 0.3-2.5 (prolific offenders x4, calling 60 customers).
//   Each person calls a small circle again and again: adults their household
//   (25%), eight friends (people near them in the numbering, as neighbours
//   and relatives are; 55%), four colleagues (10%) and the taxi firm (7%);
//   children their household, six classmates and eight friends, and more at
//   night than adults (benign night-time calls); 3-5% of calls are one-offs
//   to anyone. Prolific offenders call 60 customers. The taxi firm rings its
//   drivers.
// - ANPR: each vehicle is read Poisson(reads_per_vehicle / 36 x activity)
//   times a month: at the petrol station (30%), the shopping centre (12%), a
//   camera in its home district (33%), near the keeper's workplace (10%),
//   anywhere (15%). Taxis are read five times as often, at the depot and
//   outside children's homes (they drive children in care to school).
// - Missing episodes: children in care go missing often (7%/month in a
//   children's home, 3% in foster care, 5% in supported accommodation), a few
//   children at home now and then (6%/month); found in town, at a friend's, or
//   the log does not say.
// - Occurrences: ordinary crime among police nominals with its own suspects,
//   victims, witnesses and reporting persons; prolific offenders 0.5-2 a
//   month each, with their crews.
// - Intelligence: on ordinary nominals and, more, on prolific offenders.
#include <cstdint>
#include <vector>

#include "engine/synth/events.h"
#include "engine/synth/networks.h"
#include "engine/synth/params.h"
#include "engine/synth/population.h"

namespace casegraph::synth {

class Background {
 public:
  Background(const Population& pop, const Plan& plan, const SynthParams& params);

  void calls(int month, std::vector<CallRow>& out) const;
  void reads(int month, std::vector<ReadRow>& out) const;
  void episodes(int month, std::vector<EpisodeRow>& out) const;
  void occurrences(int month, EventSet& out) const;
  void intelligence(int month, std::vector<IntelRow>& out) const;

 private:
  std::uint32_t contact(std::uint32_t person, std::size_t owner_index, Rng& r) const;
  std::uint32_t member_phone(std::span<const std::uint32_t> people, std::uint32_t except, Rng& r) const;
  std::uint32_t household_phone(std::uint32_t person, Rng& r) const;
  std::uint32_t nominal_adult(Rng& r) const;
  std::uint32_t nominal_child(Rng& r) const;
  double activity(std::uint64_t key) const;

  const Population& pop_;
  const Plan& plan_;
  const SynthParams& params_;
  std::vector<std::uint32_t> owners_;          // people with a phone, ascending
  std::vector<std::uint32_t> nominal_adults_;  // on the police index
  std::vector<std::uint32_t> nominal_children_;
  std::vector<std::uint32_t> episodic_;        // children in care, and children at home with ordinary episodes
  std::vector<std::uint32_t> care_cameras_;    // cameras at children's homes and supported houses
  std::vector<std::uint32_t> all_cameras_;
};

}  // namespace casegraph::synth
