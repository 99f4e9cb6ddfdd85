#include "engine/normalise/address.h"

#include <array>
#include <utility>

#include "engine/normalise/text.h"

namespace casegraph::normalise {
namespace {

bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Outward code shapes: L = letter, D = digit.
bool outward_ok(std::string_view o) {
  auto shape = [&](std::string_view pattern) {
    if (o.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < o.size(); ++i)
      if ((pattern[i] == 'L' && !is_letter(o[i])) || (pattern[i] == 'D' && !is_digit(o[i]))) return false;
    return true;
  };
  for (std::string_view p : {"LD", "LDD", "LDL", "LLD", "LLDD", "LLDL"})
    if (shape(p)) return true;
  return false;
}

const std::array<std::pair<std::string_view, std::string_view>, 27> kAbbreviations = {{
    {"rd", "road"},      {"ave", "avenue"},    {"av", "avenue"},     {"ln", "lane"},      {"dr", "drive"},
    {"cl", "close"},     {"ct", "court"},      {"crt", "court"},     {"cres", "crescent"}, {"cresc", "crescent"},
    {"gdns", "gardens"}, {"gr", "grove"},      {"gro", "grove"},     {"pl", "place"},     {"sq", "square"},
    {"ter", "terrace"},  {"terr", "terrace"},  {"pk", "park"},       {"hse", "house"},    {"blvd", "boulevard"},
    {"mt", "mount"},     {"wy", "way"},        {"est", "estate"},    {"bldgs", "buildings"}, {"ctr", "centre"},
    {"hts", "heights"},  {"pde", "parade"},
}};

std::string expand(std::string_view word, bool followed_by_street_word) {
  if (word == "st") return followed_by_street_word ? "saint" : "street";
  for (const auto& [abbreviation, full] : kAbbreviations)
    if (word == abbreviation) return std::string(full);
  return std::string(word);
}

bool is_flat_word(std::string_view w) {
  return w == "flat" || w == "apartment" || w == "apt" || w == "unit" || w == "room" || w == "suite" || w == "flt";
}

std::vector<std::string> split(const std::string& folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Splits a trailing postcode off the text: returns {text before it, postcode}.
std::pair<std::string_view, std::string> take_postcode(std::string_view text) {
  auto is_separator = [](char c) { return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == ';'; };
  std::size_t end = text.size();
  while (end > 0 && is_separator(text[end - 1])) --end;
  // Start of the last word and of the last two words.
  std::array<std::size_t, 2> starts{};
  std::size_t pos = end;
  for (std::size_t k = 0; k < 2; ++k) {
    while (pos > 0 && !is_separator(text[pos - 1])) --pos;
    starts[k] = pos;
    while (pos > 0 && is_separator(text[pos - 1])) --pos;
    if (pos == 0 && k == 0) {
      starts[1] = std::string_view::npos;
      break;
    }
  }
  for (std::size_t k : {std::size_t{1}, std::size_t{0}}) {
    if (starts[k] == std::string_view::npos) continue;
    const std::string_view candidate = text.substr(starts[k], end - starts[k]);
    if (candidate.find(',') != std::string_view::npos) continue;
    if (auto code = postcode(candidate)) return {text.substr(0, starts[k]), *code};
  }
  return {text, {}};
}

}  // namespace

std::optional<std::string> postcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_letter(c) && !is_digit(c)) return std::nullopt;
    compact += c;
  }
  if (compact == "GIR0AA") return "GIR 0AA";
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  const std::string_view outward = std::string_view(compact).substr(0, compact.size() - 3);
  const std::string_view inward = std::string_view(compact).substr(compact.size() - 3);
  if (!outward_ok(outward) || !is_digit(inward[0]) || !is_letter(inward[1]) || !is_letter(inward[2]))
    return std::nullopt;
  return std::string(outward) + " " + std::string(inward);
}

Address address(std::string_view text) {
  Address out;
  auto [rest, code] = take_postcode(text);
  out.postcode = std::move(code);
  // Words with their comma-separated part: "st" reads as "saint" only when it
  // opens a part's street words and more words follow in that part.
  struct Word {
    std::string text;
    std::size_t part;
  };
  std::vector<Word> words;
  std::size_t part = 0;
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t comma = rest.find_first_of(",;\n", start);
    if (comma == std::string_view::npos) comma = rest.size();
    for (std::string& w : split(fold(rest.substr(start, comma - start)))) words.push_back({std::move(w), part});
    ++part;
    start = comma + 1;
  }
  auto starts_with_digit = [](const std::string& w) { return !w.empty() && is_digit(w[0]); };
  std::size_t i = 0;
  if (i + 1 < words.size() && is_flat_word(words[i].text)) {
    out.flat = words[i + 1].text;
    i += 2;
  } else if (i + 1 < words.size() && starts_with_digit(words[i].text) && starts_with_digit(words[i + 1].text) &&
             words[i].part != words[i + 1].part) {
    out.flat = words[i].text;  // "3, 12 High St": a number alone before the house number is the flat
    i += 1;
  }
  std::vector<Word> street;
  for (; i < words.size(); ++i) {
    if (out.number.empty() && starts_with_digit(words[i].text)) {
      out.number = words[i].text;
      // "12-14" folds to "12 14": a range keeps both ends, as "12-14".
      if (i + 1 < words.size() && starts_with_digit(words[i + 1].text) && words[i + 1].part == words[i].part) {
        out.number += "-" + words[i + 1].text;
        ++i;
      }
      continue;
    }
    if (out.flat.empty() && is_flat_word(words[i].text) && i + 1 < words.size()) {
      out.flat = words[i + 1].text;  // "12 High St, Flat 3"
      ++i;
      continue;
    }
    street.push_back(words[i]);
  }
  for (std::size_t k = 0; k < street.size(); ++k) {
    const bool opens_part = k == 0 || street[k - 1].part != street[k].part;
    const bool more_follow = k + 1 < street.size() && street[k + 1].part == street[k].part;
    out.street_tokens.push_back(expand(street[k].text, opens_part && more_follow));
  }
  return out;
}

}  // namespace casegraph::normalise
