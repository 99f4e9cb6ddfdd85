#pragma once
// Stage 3: the comparison vector of two person records. Each field gets a
// level, from the strongest agreement (1) down to disagreement; level 0 means
// one side has no value, which is no evidence either way (it contributes a
// weight of zero). The levels are ordinal bands of Jaro–Winkler similarity,
// edit distance, date agreement and token overlap; their weights are not set
// here but learnt by EM (fellegi_sunter.h).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/resolve/person_features.h"

namespace casegraph::resolve {

enum class Field : std::uint8_t {
  forename, surname, dob, sex, house_number, street, locality, town, postcode, phone, email, national_id
};
inline constexpr std::size_t kFieldCount = 12;

// Level names per field, index = level (0 = "missing").
struct FieldSpec {
  const char* name;
  std::uint8_t levels;  // including level 0
  std::array<const char*, 8> level_names;
};
const std::array<FieldSpec, kFieldCount>& field_specs();

using ComparisonVector = std::array<std::uint8_t, kFieldCount>;

ComparisonVector compare(const PersonFeatures& a, const PersonFeatures& b);
// The same, a field at a time (for scoring that stops early): the two name
// levels together, since a swap of forename and surname sets both.
void compare_names(const PersonFeatures& a, const PersonFeatures& b, std::uint8_t& forename, std::uint8_t& surname);
std::uint8_t compare_field(const PersonFeatures& a, const PersonFeatures& b, Field field);

// A comparison vector as one number (mixed radix over the fields' level
// counts), so pattern counts fit a hash map and a weight table.
std::uint32_t pattern_code(const ComparisonVector& v);
ComparisonVector pattern_of(std::uint32_t code);

}  // namespace casegraph::resolve
