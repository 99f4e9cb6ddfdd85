#include "engine/synth/noise.h"

#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "engine/synth/names.h"

namespace casegraph::synth {

namespace {
// What a decision is about, for hashing.
enum : std::uint64_t {
  kSocialCareName = 1,
  kSocialCarePart,
  kSocialCareSpelling,
  kSocialCareDob,
  kKeeperName,
  kKeeperSpelling,
  kKeeperDob,
  kPoliceDob,
  kDuplicateSpelling,
  kDuplicateDob,
  kAlias,
  kStreetName,
};
}  // namespace

std::string ddmmyyyy(const CivilDate& d) { return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year); }
std::string yyyymmdd(const CivilDate& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

double Noise::decide(std::uint32_t person, std::uint64_t what, std::uint64_t extra) const {
  return unit_of(hash_keys(params_.seed, {static_cast<std::uint64_t>(Purpose::noise), person, what, extra}));
}

PersonName Noise::true_name(std::uint32_t person) const {
  const Person& p = pop_.people[person];
  return {std::string(names::forename(p.sex, p.forename)), names::surname(p.surname, p.sex)};
}

std::string Noise::variant(std::string_view name, bool forename, Rng& rng) {
  const auto spellings = names::spelling_variants(name);
  const auto nicks = forename ? names::nicknames(name) : std::span<const std::string_view>{};
  const std::string folded = names::fold_diacritics(name);
  const bool can_fold = folded != name;
  std::string out;
  switch (rng.weighted({spellings.empty() ? 0.0 : 45.0, nicks.empty() ? 0.0 : 25.0, can_fold ? 20.0 : 0.0, 15.0})) {
    case 0: out = std::string(spellings[rng.index(spellings.size())]); break;
    case 1: out = std::string(nicks[rng.index(nicks.size())]); break;
    case 2: out = folded; break;
    default: out = names::typo(name, rng); break;
  }
  if (out == name) out = std::string(name) + std::string(1, name.back());
  return out;
}

PersonName Noise::police_name(std::uint32_t person, bool duplicate) const {
  PersonName name = true_name(person);
  if (!duplicate) return name;
  Rng r = Rng::stream(params_.seed, Purpose::noise, person, kDuplicateSpelling);
  if (r.chance(0.65)) name.forename = variant(name.forename, true, r);
  else name.surname = variant(name.surname, false, r);
  return name;
}

std::string Noise::police_dob(std::uint32_t person, bool duplicate) const {
  if (duplicate ? decide(person, kDuplicateDob) < 0.4 : decide(person, kPoliceDob) < params_.noise.police_dob_missing)
    return {};
  return ddmmyyyy(dob(person));
}

std::string Noise::street_name(std::uint32_t person) const {
  return std::string(names::street_name(hash_keys(params_.seed, {kStreetName, person}) % names::street_name_count()));
}

std::string Noise::alias(std::uint32_t person) const {
  const Person& p = pop_.people[person];
  if (p.is(flag::street_name)) return street_name(person);
  if (decide(person, kAlias) < 0.04) {
    const auto nicks = names::nicknames(names::forename(p.sex, p.forename));
    if (!nicks.empty()) return std::string(nicks[hash_keys(params_.seed, {kAlias, person}) % nicks.size()]);
  }
  return {};
}

bool Noise::social_care_name_differs(std::uint32_t person) const {
  return decide(person, kSocialCareName) < params_.noise.social_care_name;
}

PersonName Noise::social_care_name(std::uint32_t person) const {
  PersonName name = true_name(person);
  if (!social_care_name_differs(person)) return name;
  Rng r = Rng::stream(params_.seed, Purpose::noise, person, kSocialCareSpelling);
  if (decide(person, kSocialCarePart) < 0.7) name.forename = variant(name.forename, true, r);
  else name.surname = variant(name.surname, false, r);
  return name;
}

CivilDate Noise::altered(const CivilDate& d) const {
  if (d.day <= 12 && d.day != d.month) return {d.year, d.day, d.month};
  return {d.year, d.month, d.day == 1 ? 2 : d.day - 1};
}

bool Noise::social_care_dob_altered(std::uint32_t person) const {
  return decide(person, kSocialCareDob) < params_.noise.dob_swap;
}

std::string Noise::social_care_dob(std::uint32_t person) const {
  const CivilDate d = dob(person);
  return yyyymmdd(social_care_dob_altered(person) ? altered(d) : d);
}

bool Noise::keeper_name_differs(std::uint32_t person, std::uint32_t vehicle) const {
  return decide(person, kKeeperName, vehicle) < params_.noise.keeper_name;
}

PersonName Noise::keeper_name(std::uint32_t person, std::uint32_t vehicle) const {
  PersonName name = true_name(person);
  if (!keeper_name_differs(person, vehicle)) return name;
  Rng r = Rng::stream(params_.seed, Purpose::noise, person, kKeeperSpelling, vehicle);
  if (r.chance(0.4)) name.forename = variant(name.forename, true, r);
  else name.surname = variant(name.surname, false, r);
  return name;
}

bool Noise::keeper_dob_altered(std::uint32_t person, std::uint32_t vehicle) const {
  return decide(person, kKeeperDob, vehicle) < params_.noise.dob_swap;
}

std::string Noise::keeper_dob(std::uint32_t person, std::uint32_t vehicle) const {
  const CivilDate d = dob(person);
  return ddmmyyyy(keeper_dob_altered(person, vehicle) ? altered(d) : d);
}

std::size_t Noise::style(std::uint64_t a, std::uint64_t b, std::initializer_list<double> weights) const {
  Rng r(hash_keys(params_.seed, {static_cast<std::uint64_t>(Purpose::format), a, b}));
  return r.weighted(weights);
}

std::string Noise::phone(std::uint32_t number, std::size_t style) {
  // number is the six digits after 07700.
  switch (style) {
    case 0: return fmt::format("07700 {:06}", number);
    case 1: return fmt::format("+44 7700 {:06}", number);
    case 2: return fmt::format("07700{:06}", number);
    case 3: return fmt::format("0044 7700{:06}", number);
    default: return fmt::format("+447700{:06}", number);
  }
}

std::string Noise::postcode(std::uint32_t p, std::size_t style) const {
  std::string text = pop_.postcode(p);
  if (style == 1) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else if (style == 2) {
    std::erase(text, ' ');
  }
  return text;
}

std::string Noise::vrm(const std::string& canonical, std::size_t style) {
  std::string text = canonical;
  if (style == 1 || style == 3) std::erase(text, ' ');
  if (style >= 2)
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace casegraph::synth
