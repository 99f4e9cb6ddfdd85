#pragma once
// The seam between resolution and the normalisers/comparators: every text
// operation the person comparison needs, in one place, so that the stages
// (features, blocking, comparison) do not each reach into several modules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::resolve {

// Lower-case ASCII, accents folded, punctuation dropped, spaces collapsed.
std::string fold_text(std::string_view text);
// Name tokens, folded ("Mary-Jane O'Neil" -> mary, jane, oneil).
std::vector<std::string> name_tokens_of(std::string_view name);
// Canonical member of a name's family (nicknames, transliterations); the token itself otherwise.
std::string name_family_of(const std::string& folded_token);
// Phonetic key of a folded name token.
std::string phonetic_of(const std::string& folded_token);
// Second phonetic key (Soundex) of a folded name token.
std::string soundex_of(const std::string& folded_token);

double jaro_winkler_similarity(std::string_view a, std::string_view b);
// Optimal string alignment distance (adjacent transpositions cost one), capped at `cap`+1.
int edit_distance_capped(std::string_view a, std::string_view b, int cap);
// True when the OSA distance is at most one (equal, or one insertion,
// deletion, substitution or adjacent transposition apart), in one scan.
bool within_one_edit(std::string_view a, std::string_view b);

struct DateParts {
  std::int16_t year = 0;  // 0: unknown
  std::int8_t month = 0;
  std::int8_t day = 0;
  bool known() const { return year != 0 || month != 0 || day != 0; }
};
// ISO 8601 (YYYY-MM-DD, also partial YYYY-MM or YYYY), compact YYYYMMDD and
// DD/MM/YYYY. Impossible dates (a typo such as 31 February) keep their parts:
// for matching, the parts are the evidence.
std::optional<DateParts> date_parts_of(std::string_view text);

enum class DateLevel : std::uint8_t {
  missing = 0, exact, day_month_swapped, one_part_differs, year_only, within_a_year, differ
};
DateLevel compare_date_parts(const DateParts& a, const DateParts& b);

// UK-style postcode or any postal code: upper-case letters and digits only.
std::string postal_code_of(std::string_view text);
// Digits of a phone number, a UK leading 0 or +44/0044 made into 44.
std::string phone_digits_of(std::string_view text);

}  // namespace casegraph::resolve
