#include "engine/resolve/comparison.h"

#include <algorithm>

namespace casegraph::resolve {
namespace {

// Jaro–Winkler bands: 0.92 and above is a typo or two in a name of usual
// length, 0.80 a looser variant; below is a different name (Winkler's own
// bands for census names were of this order).
constexpr double kClose = 0.92;
constexpr double kNear = 0.80;

std::uint8_t forename_level(const PersonFeatures& a, const PersonFeatures& b) {
  if (a.forename.empty() || b.forename.empty()) return 0;
  if (a.forename == b.forename) return 1;
  if (a.forename_family == b.forename_family) return 2;
  const double jw = jaro_winkler_similarity(a.forename, b.forename);
  if (jw >= kClose) return 3;
  if (jw >= kNear) return 4;
  // An initial, or a middle name used as the forename.
  const bool initial = (a.forename.size() == 1 || b.forename.size() == 1) && a.forename[0] == b.forename[0];
  const bool middle = (!a.middle_names.empty() && a.middle_names.find(b.forename) != std::string::npos) ||
                      (!b.middle_names.empty() && b.middle_names.find(a.forename) != std::string::npos);
  if (initial || middle) return 5;
  return 7;
}

std::uint8_t surname_level(const PersonFeatures& a, const PersonFeatures& b) {
  if (a.surname.empty() || b.surname.empty()) return 0;
  if (a.surname == b.surname) return 1;
  const double jw = jaro_winkler_similarity(a.surname, b.surname);
  if (jw >= kClose) return 2;
  // A shared token of a compound surname, or the same sound.
  const bool shared_token = a.surname.find(' ') != std::string::npos || b.surname.find(' ') != std::string::npos
                                ? (a.surname.find(b.surname.substr(0, b.surname.find(' '))) != std::string::npos ||
                                   b.surname.find(a.surname.substr(0, a.surname.find(' '))) != std::string::npos)
                                : false;
  if (jw >= kNear || shared_token || a.surname_phonetic == b.surname_phonetic) return 3;
  return 4;
}

std::uint8_t text_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  if (jaro_winkler_similarity(a, b) >= kClose) return 2;
  return 3;
}

std::uint8_t code_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  if (edit_distance_capped(a, b, 1) <= 1) return 2;
  return 3;
}

std::uint8_t exact_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  return a == b ? 1 : 2;
}

std::uint8_t email_level(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  const std::string_view la(a.data(), std::min(a.find('@'), a.size()));
  const std::string_view lb(b.data(), std::min(b.find('@'), b.size()));
  if (la == lb || edit_distance_capped(a, b, 2) <= 2) return 2;
  return 3;
}

}  // namespace

const std::array<FieldSpec, kFieldCount>& field_specs() {
  static const std::array<FieldSpec, kFieldCount> specs = {{
      {"forename", 8,
       {"missing", "exact", "same family", "jw>=0.92", "jw>=0.80", "initial/middle", "swapped with surname", "differ"}},
      {"surname", 5, {"missing", "exact", "jw>=0.92", "jw>=0.80/sound", "differ"}},
      {"dob", 7, {"missing", "exact", "day/month swapped", "one part differs", "year only", "within a year", "differ"}},
      {"sex", 3, {"missing", "agree", "differ"}},
      {"house_number", 3, {"missing", "exact", "differ"}},
      {"street", 4, {"missing", "exact", "jw>=0.92", "differ"}},
      {"locality", 4, {"missing", "exact", "jw>=0.92", "differ"}},
      {"town", 4, {"missing", "exact", "jw>=0.92", "differ"}},
      {"postcode", 4, {"missing", "exact", "edit 1", "differ"}},
      {"phone", 4, {"missing", "exact", "edit 1", "differ"}},
      {"email", 4, {"missing", "exact", "close", "differ"}},
      {"national_id", 4, {"missing", "exact", "edit 1", "differ"}},
  }};
  return specs;
}

void compare_names(const PersonFeatures& a, const PersonFeatures& b, std::uint8_t& forename, std::uint8_t& surname) {
  forename = forename_level(a, b);
  surname = surname_level(a, b);
  // Forename and surname swapped between the records, a common clerical
  // error: its own forename level (EM weighs it), the surname level from the
  // crossed comparison.
  if (forename >= 4 && !a.forename.empty() && !b.forename.empty() && !a.surname.empty() && !b.surname.empty()) {
    const double fore = jaro_winkler_similarity(a.forename, b.surname);
    const double sur = jaro_winkler_similarity(a.surname, b.forename);
    if (fore >= kClose && sur >= kClose) {
      forename = 6;
      surname = fore == 1.0 && sur == 1.0 ? 1 : 2;
    }
  }
}

std::uint8_t compare_field(const PersonFeatures& a, const PersonFeatures& b, Field field) {
  switch (field) {
    case Field::dob: return static_cast<std::uint8_t>(compare_date_parts(a.dob, b.dob));
    case Field::sex: return a.sex && b.sex ? (a.sex == b.sex ? 1 : 2) : 0;
    case Field::house_number: return exact_level(a.house_number, b.house_number);
    case Field::street: return text_level(a.street, b.street);
    case Field::locality: return text_level(a.locality, b.locality);
    case Field::town: return text_level(a.town, b.town);
    case Field::postcode: return code_level(a.postcode, b.postcode);
    case Field::phone: return code_level(a.phone, b.phone);
    case Field::email: return email_level(a.email, b.email);
    case Field::national_id: return code_level(a.national_id, b.national_id);
    case Field::forename:
    case Field::surname: break;
  }
  std::uint8_t forename = 0, surname = 0;
  compare_names(a, b, forename, surname);
  return field == Field::forename ? forename : surname;
}

ComparisonVector compare(const PersonFeatures& a, const PersonFeatures& b) {
  ComparisonVector v{};
  compare_names(a, b, v[static_cast<std::size_t>(Field::forename)], v[static_cast<std::size_t>(Field::surname)]);
  for (std::size_t f = 2; f < kFieldCount; ++f) v[f] = compare_field(a, b, static_cast<Field>(f));
  return v;
}

std::uint32_t pattern_code(const ComparisonVector& v) {
  std::uint32_t code = 0;
  const auto& specs = field_specs();
  for (std::size_t f = kFieldCount; f-- > 0;) code = code * specs[f].levels + v[f];
  return code;
}

ComparisonVector pattern_of(std::uint32_t code) {
  ComparisonVector v{};
  const auto& specs = field_specs();
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    v[f] = static_cast<std::uint8_t>(code % specs[f].levels);
    code /= specs[f].levels;
  }
  return v;
}

}  // namespace casegraph::resolve
