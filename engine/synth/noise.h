#pragma once
// How each agency writes a person, a date, a phone number, a postcode and a
// VRM: the identity noise between agencies.
//
// Conventions:
// - The police nominal index holds the reference spelling (the person's name
//   as generated). Other agencies differ from it by rule, at the rates in
//   NoiseRates:
//   * children's services spell a child's forename (70%) or surname (30%)
//     differently for `social_care_name` of children, the same way on every
//     episode: a transliteration or other spelling from the tables, a
//     nickname, dropped diacritics, or a typing slip;
//   * keeper records (DVLA) differ likewise on `keeper_name` of rows, decided
//     per vehicle, so one keeper of two cars may be two spellings;
//   * the police index holds `nominal_duplicate` of people twice, the second
//     record under a nickname or other spelling, often with no date of birth;
//     `police_dob_missing` of nominals have no date of birth;
//   * children's services and the DVLA have day and month swapped on
//     `dob_swap` of dates of birth (where the day is 12 or less; otherwise
//     the day is one out).
// - Every decision is a hash of (seed, person, what), never a draw from a
//   shared stream, so a person is written the same way on every row.
// - Formats: phones as 07700 900123, +44 7700 900123, 07700900123,
//   0044 7700900123 or +447700900123; postcodes upper case, lower case or
//   without the space; VRMs with or without the space, in either case.
#include <cstdint>
#include <initializer_list>
#include <string>

#include "engine/synth/calendar.h"
#include "engine/synth/params.h"
#include "engine/synth/population.h"

namespace casegraph::synth {

struct PersonName {
  std::string forename;
  std::string surname;
  bool operator==(const PersonName&) const = default;
};

class Noise {
 public:
  Noise(const Population& pop, const SynthParams& params) : pop_(pop), params_(params) {}

  PersonName true_name(std::uint32_t person) const;
  CivilDate dob(std::uint32_t person) const { return civil_from_days(pop_.people[person].dob); }

  // The police nominal index; `duplicate` for the person's second record.
  PersonName police_name(std::uint32_t person, bool duplicate) const;
  std::string police_dob(std::uint32_t person, bool duplicate) const;  // DD/MM/YYYY, or "" when not recorded
  std::string alias(std::uint32_t person) const;                       // street name or nickname, or ""
  std::string street_name(std::uint32_t person) const;                 // the street name intelligence uses

  // Children's services.
  PersonName social_care_name(std::uint32_t person) const;
  bool social_care_name_differs(std::uint32_t person) const;
  std::string social_care_dob(std::uint32_t person) const;  // YYYY-MM-DD
  bool social_care_dob_altered(std::uint32_t person) const;

  // Keeper records.
  PersonName keeper_name(std::uint32_t person, std::uint32_t vehicle) const;
  bool keeper_name_differs(std::uint32_t person, std::uint32_t vehicle) const;
  std::string keeper_dob(std::uint32_t person, std::uint32_t vehicle) const;  // DD/MM/YYYY
  bool keeper_dob_altered(std::uint32_t person, std::uint32_t vehicle) const;

  // A format style 0..weights-1, fixed for (a, b).
  std::size_t style(std::uint64_t a, std::uint64_t b, std::initializer_list<double> weights) const;
  static std::string phone(std::uint32_t number, std::size_t style);  // 5 styles
  std::string postcode(std::uint32_t p, std::size_t style) const;     // 3 styles
  static std::string vrm(const std::string& canonical, std::size_t style);  // 4 styles

  // Another spelling of `name`: a listed spelling variant, a nickname (for a
  // forename), diacritics dropped, or a typing slip; never `name` itself.
  static std::string variant(std::string_view name, bool forename, Rng& rng);

 private:
  double decide(std::uint32_t person, std::uint64_t what, std::uint64_t extra = 0) const;
  CivilDate altered(const CivilDate& d) const;

  const Population& pop_;
  const SynthParams& params_;
};

std::string ddmmyyyy(const CivilDate& d);
std::string yyyymmdd(const CivilDate& d);

}  // namespace casegraph::synth
