// Hand-written: no Debian C++ library provides NYSIIS. A line-by-line port of
// jellyfish's _jellyfish.nysiis (steps numbered as there), so that the Python
// reference agrees key for key.
#include "engine/similarity/phonetic.h"

#include <string_view>

namespace casegraph::similarity {
namespace {

bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

void replace_prefix(std::string& s, std::size_t length, std::string_view with) { s.replace(0, length, with); }

}  // namespace

std::string phonetic_key(std::string_view folded_name) {
  std::string s;
  for (char c : folded_name) {
    if (c >= 'a' && c <= 'z') s += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z') s += c;
  }
  if (s.empty()) return s;

  // Step 1: prefixes.
  if (s.starts_with("MAC")) replace_prefix(s, 3, "MCC");
  else if (s.starts_with("KN")) s.erase(0, 1);
  else if (s.starts_with("K")) replace_prefix(s, 1, "C");
  else if (s.starts_with("PH") || s.starts_with("PF")) replace_prefix(s, 2, "FF");
  else if (s.starts_with("SCH")) replace_prefix(s, 3, "SSS");

  // Step 2: suffixes.
  if (s.ends_with("IE") || s.ends_with("EE")) s.replace(s.size() - 2, 2, "Y");
  else if (s.ends_with("DT") || s.ends_with("RT") || s.ends_with("RD") || s.ends_with("NT") || s.ends_with("ND"))
    s.replace(s.size() - 2, 2, "D");

  // Step 3: the key starts with the first letter.
  std::string key(1, s[0]);

  // Step 4: translate the rest; a translation is kept only when its last
  // letter differs from the key's last letter.
  const std::size_t n = s.size();
  for (std::size_t i = 1; i < n; ++i) {
    const char c = s[i];
    char letter = c;  // a one-letter translation; `ch` views it or a literal
    std::string_view ch(&letter, 1);
    if (c == 'E' && i + 1 < n && s[i + 1] == 'V') {
      ch = "AF";
      ++i;
    } else if (is_vowel(c)) {
      ch = "A";
    } else if (c == 'Q') {
      ch = "G";
    } else if (c == 'Z') {
      ch = "S";
    } else if (c == 'M') {
      ch = "N";
    } else if (c == 'K') {
      ch = i + 1 < n && s[i + 1] == 'N' ? "N" : "C";
    } else if (c == 'S' && s.compare(i + 1, 2, "CH") == 0) {
      ch = "SS";
      i += 2;
    } else if (c == 'P' && i + 1 < n && s[i + 1] == 'H') {
      ch = "F";
      ++i;
    } else if (c == 'H' && (!is_vowel(s[i - 1]) || (i + 1 < n && !is_vowel(s[i + 1])) || i + 1 == n)) {
      letter = is_vowel(s[i - 1]) ? 'A' : s[i - 1];
    } else if (c == 'W' && is_vowel(s[i - 1])) {
      letter = s[i - 1];
    }
    if (ch.back() != key.back()) key += ch;
  }

  // Steps 5-7: trailing S, AY -> Y, trailing A.
  if (key.ends_with("S") && key != "S") key.pop_back();
  if (key.ends_with("AY")) key.replace(key.size() - 2, 2, "Y");
  if (key.ends_with("A") && key != "A") key.pop_back();
  return key;
}

// Hand-written for the same reason as NYSIIS: a line-by-line port of
// jellyfish.soundex, so that its keys are the reference.
std::string soundex_key(std::string_view folded_name) {
  auto digit_class = [](char c) -> char {
    switch (c) {
      case 'B': case 'F': case 'P': case 'V': return '1';
      case 'C': case 'G': case 'J': case 'K': case 'Q': case 'S': case 'X': case 'Z': return '2';
      case 'D': case 'T': return '3';
      case 'L': return '4';
      case 'M': case 'N': return '5';
      case 'R': return '6';
      default: return 0;
    }
  };
  std::string s;
  for (char c : folded_name) {
    if (c >= 'a' && c <= 'z') s += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z') s += c;
  }
  if (s.empty()) return s;
  std::string out(1, s[0]);
  char last = digit_class(s[0]);
  for (std::size_t i = 1; i < s.size() && out.size() < 4; ++i) {
    const char code = digit_class(s[i]);
    if (code) {
      if (code != last) out += code;
      last = code;
    } else if (s[i] != 'H' && s[i] != 'W') {
      last = 0;  // a vowel separates two letters of one class; H and W do not
    }
  }
  out.resize(4, '0');
  return out;
}

}  // namespace casegraph::similarity
