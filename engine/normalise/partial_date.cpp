#include "engine/normalise/partial_date.h"

#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace casegraph::normalise {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

int month_from_name(std::string word) {
  for (char& c : word) c = static_cast<char>(c | 0x20);
  static constexpr std::array<std::string_view, 12> names = {"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (word == names[i] || (word.size() >= 3 && names[i].starts_with(word) && word != "ma")) return static_cast<int>(i) + 1;
    if (word == "sept" && i == 8) return 9;
  }
  return 0;
}

struct Token {
  std::string text;
  bool numeric = false;
};

// The date part of the text (before a 'T' or a space followed by a time) split
// into digit runs and letter runs; nullopt when a character other than a date
// separator appears.
std::optional<std::vector<Token>> tokens_of(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  // Cut a time part: "T" after digits, or a space then digits and ':'.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == 'T' && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1])) {
      text = text.substr(0, i);
      break;
    }
    if (text[i] == ':') {
      std::size_t j = i;
      while (j > 0 && is_digit(text[j - 1])) --j;
      if (j > 0 && text[j - 1] == ' ') text = text.substr(0, j - 1);
      else return std::nullopt;
      break;
    }
  }
  std::vector<Token> out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (is_digit(c) || is_alpha(c)) {
      const bool numeric = is_digit(c);
      std::size_t j = i;
      while (j < text.size() && (numeric ? is_digit(text[j]) : is_alpha(text[j]))) ++j;
      out.push_back({std::string(text.substr(i, j - i)), numeric});
      i = j;
    } else if (c == '/' || c == '-' || c == '.' || c == ' ' || c == ',') {
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

int number(const std::string& s) { return std::atoi(s.c_str()); }

int expand_two_digit_year(int yy) { return yy < 30 ? 2000 + yy : 1900 + yy; }

std::optional<PartialDate> checked(PartialDate d) {
  if (!d.year || *d.year < 1000 || *d.year > 2999) return std::nullopt;
  if (d.month && (*d.month < 1 || *d.month > 12)) return std::nullopt;
  if (d.day && (!d.month || *d.day < 1 || *d.day > days_in_month(*d.year, *d.month))) return std::nullopt;
  return d;
}

}  // namespace

std::optional<PartialDate> partial_date(std::string_view text) {
  const auto tokens = tokens_of(text);
  if (!tokens || tokens->empty() || tokens->size() > 3) return std::nullopt;
  const std::vector<Token>& t = *tokens;
  PartialDate d;
  auto all_numeric = [&] {
    for (const Token& k : t)
      if (!k.numeric) return false;
    return true;
  };
  if (all_numeric()) {
    const std::size_t n0 = t[0].text.size();
    if (t.size() == 1 && n0 == 8) {  // YYYYMMDD
      d.year = number(t[0].text.substr(0, 4));
      d.month = number(t[0].text.substr(4, 2));
      d.day = number(t[0].text.substr(6, 2));
    } else if (t.size() == 1 && n0 == 4) {  // YYYY
      d.year = number(t[0].text);
    } else if (n0 == 4) {  // YYYY-MM[-DD]
      if (t[1].text.size() > 2 || (t.size() == 3 && t[2].text.size() > 2)) return std::nullopt;
      d.year = number(t[0].text);
      d.month = number(t[1].text);
      if (t.size() == 3) d.day = number(t[2].text);
    } else if (t.size() == 2 && n0 <= 2 && t[1].text.size() == 4) {  // MM/YYYY
      d.month = number(t[0].text);
      d.year = number(t[1].text);
    } else if (t.size() == 3 && n0 <= 2 && t[1].text.size() <= 2 &&
               (t[2].text.size() == 4 || t[2].text.size() == 2)) {  // DD/MM/YYYY, D/M/YY
      d.day = number(t[0].text);
      d.month = number(t[1].text);
      d.year = t[2].text.size() == 4 ? number(t[2].text) : expand_two_digit_year(number(t[2].text));
    } else {
      return std::nullopt;
    }
  } else if (t.size() == 3 && t[0].numeric && !t[1].numeric && t[2].numeric && t[0].text.size() <= 2 &&
             t[2].text.size() == 4) {  // 12 Mar 1990
    d.day = number(t[0].text);
    d.month = month_from_name(t[1].text);
    d.year = number(t[2].text);
    if (*d.month == 0) return std::nullopt;
  } else if (t.size() == 2 && !t[0].numeric && t[1].numeric && t[1].text.size() == 4) {  // March 1990
    d.month = month_from_name(t[0].text);
    d.year = number(t[1].text);
    if (*d.month == 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return checked(d);
}

namespace {

long days_from_civil(int y, int m, int d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

DateAgreement compare_dates(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b) {
  if (!a || !b || !a->year || !b->year) return DateAgreement::missing;
  const bool whole = a->month && a->day && b->month && b->day;
  if (whole) {
    const int same = (*a->year == *b->year) + (*a->month == *b->month) + (*a->day == *b->day);
    if (same == 3) return DateAgreement::exact;
    if (*a->year == *b->year && *a->month == *b->day && *a->day == *b->month) return DateAgreement::day_month_swapped;
    if (same == 2) return DateAgreement::one_part_differs;
    if (*a->year == *b->year) return DateAgreement::year_only;
    const long apart = std::labs(days_from_civil(*a->year, *a->month, *a->day) - days_from_civil(*b->year, *b->month, *b->day));
    return apart < 366 ? DateAgreement::within_a_year : DateAgreement::differ;
  }
  if (*a->year != *b->year)
    return std::abs(*a->year - *b->year) == 1 ? DateAgreement::within_a_year : DateAgreement::differ;
  if (a->month && b->month)
    return *a->month == *b->month ? DateAgreement::one_part_differs : DateAgreement::year_only;
  return DateAgreement::year_only;
}

}  // namespace casegraph::normalise
