// The text operations resolution needs: folding, name tokens and families
// and phonetic keys forward to engine/normalise and engine/similarity; dates,
// postal codes and phone digits are kept here because matching wants the
// parts of a typo'd date (20010231) as evidence, where a normaliser rightly
// refuses it.
#include "engine/resolve/field_text.h"

#include "engine/normalise/name.h"
#include "engine/normalise/text.h"
#include "engine/similarity/phonetic.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace casegraph::resolve {
namespace {

bool is_alnum(unsigned char c) { return std::isalnum(c) != 0; }

}  // namespace

std::string fold_text(std::string_view text) { return normalise::fold(text); }

std::vector<std::string> name_tokens_of(std::string_view name) { return normalise::name_tokens(name); }

std::string name_family_of(const std::string& folded_token) { return normalise::name_family(folded_token); }

std::string phonetic_of(const std::string& folded_token) { return similarity::phonetic_key(folded_token); }

std::string soundex_of(const std::string& folded_token) { return similarity::soundex_key(folded_token); }

// Jaro–Winkler by hand here although engine/similarity has one: this is the
// innermost loop of matching (tens of millions of calls at a million
// records), and flag arrays on the stack avoid two heap allocations a call.
double jaro_winkler_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a == b) return 1.0;
  const std::size_t la = a.size(), lb = b.size();
  const std::size_t window = std::max<std::size_t>(std::max(la, lb) / 2, 1) - 1;
  std::array<bool, 64> ma{}, mb{};
  if (la > 64 || lb > 64) return a == b ? 1.0 : 0.0;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < la; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(i + window + 1, lb);
    for (std::size_t j = lo; j < hi; ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0, k = 0;
  for (std::size_t i = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(la) + m / static_cast<double>(lb) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;  // equal, or one character appended
  if (a.size() != b.size()) return a.substr(i + 1) == b.substr(i);  // one deleted
  if (a.substr(i + 1) == b.substr(i + 1)) return true;              // one substituted
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

// Rows on the stack up to 64 characters: this runs for millions of pairs
// and three heap rows a call were a measurable share of matching.
int edit_distance_capped(std::string_view a, std::string_view b, int cap) {
  const auto la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > cap) return cap + 1;
  if (cap == 1 && la <= 64 && lb <= 64) return a == b ? 0 : within_one_edit(a, b) ? 1 : 2;
  constexpr std::size_t kStack = 65;
  std::array<int, kStack> s2{}, s1{}, s0{};
  std::vector<int> h2, h1, h0;
  int *prev2 = s2.data(), *prev = s1.data(), *cur = s0.data();
  if (static_cast<std::size_t>(lb) + 1 > kStack) {
    h2.resize(static_cast<std::size_t>(lb) + 1);
    h1.resize(static_cast<std::size_t>(lb) + 1);
    h0.resize(static_cast<std::size_t>(lb) + 1);
    prev2 = h2.data();
    prev = h1.data();
    cur = h0.data();
  }
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = i;
    for (int j = 1; j <= lb; ++j) {
      const auto ju = static_cast<std::size_t>(j);
      const int cost = a[static_cast<std::size_t>(i - 1)] == b[ju - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[ju - 2] &&
          a[static_cast<std::size_t>(i - 2)] == b[ju - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[lb], cap + 1);
}

std::optional<DateParts> date_parts_of(std::string_view text) {
  std::string digits;
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      current += c;
    } else if (c == 'T' || c == ' ') {
      break;  // a time part follows
    } else if (!current.empty()) {
      parts.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) parts.push_back(current);
  auto number = [](const std::string& s) { return std::atoi(s.c_str()); };
  DateParts d;
  if (parts.size() == 1 && parts[0].size() == 8) {  // YYYYMMDD
    d.year = static_cast<std::int16_t>(number(parts[0].substr(0, 4)));
    d.month = static_cast<std::int8_t>(number(parts[0].substr(4, 2)));
    d.day = static_cast<std::int8_t>(number(parts[0].substr(6, 2)));
  } else if (parts.size() == 1 && parts[0].size() == 4) {
    d.year = static_cast<std::int16_t>(number(parts[0]));
  } else if (parts.size() >= 2 && parts[0].size() == 4) {  // YYYY-MM[-DD]
    d.year = static_cast<std::int16_t>(number(parts[0]));
    d.month = static_cast<std::int8_t>(number(parts[1]));
    if (parts.size() >= 3) d.day = static_cast<std::int8_t>(number(parts[2].substr(0, 2)));
  } else if (parts.size() == 3 && parts[2].size() == 4) {  // DD/MM/YYYY
    d.day = static_cast<std::int8_t>(number(parts[0]));
    d.month = static_cast<std::int8_t>(number(parts[1]));
    d.year = static_cast<std::int16_t>(number(parts[2]));
  } else {
    return std::nullopt;
  }
  if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) {
    // A typo such as month 13 keeps the parts that are plausible.
    if (d.month < 0 || d.month > 12) d.month = 0;
    if (d.day < 0 || d.day > 31) d.day = 0;
  }
  if (!d.known()) return std::nullopt;
  return d;
}

DateLevel compare_date_parts(const DateParts& a, const DateParts& b) {
  if (!a.known() || !b.known()) return DateLevel::missing;
  const bool full = a.year && a.month && a.day && b.year && b.month && b.day;
  if (full) {
    if (a.year == b.year && a.month == b.month && a.day == b.day) return DateLevel::exact;
    if (a.year == b.year && a.month == b.day && a.day == b.month) return DateLevel::day_month_swapped;
    const int same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day);
    if (same == 2) return DateLevel::one_part_differs;
    if (a.year == b.year) return DateLevel::year_only;
    if (std::abs(a.year - b.year) <= 1) return DateLevel::within_a_year;
    return DateLevel::differ;
  }
  // Partial dates: agreement on what both give.
  if (a.year && b.year && a.year != b.year)
    return std::abs(a.year - b.year) <= 1 ? DateLevel::within_a_year : DateLevel::differ;
  if (a.year && b.year) return DateLevel::year_only;
  return DateLevel::missing;
}

std::string postal_code_of(std::string_view text) {
  std::string out;
  for (char c : text)
    if (is_alnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string phone_digits_of(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.rfind("0044", 0) == 0) digits = digits.substr(2);
  else if (digits.rfind("0", 0) == 0) digits = "44" + digits.substr(1);
  return digits;
}

}  // namespace casegraph::resolve
