#include "engine/normalise/phone.h"

namespace casegraph::normalise {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_layout(char c) {
  return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' ||
         c == '\xA0';
}

// The text with "(0)" removed (the optional trunk prefix UK numbers are
// written with after the country code), or nullopt when it holds a letter or
// a symbol no phone number is written with.
std::optional<std::string> digits_and_plus(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' && i + 2 < text.size() && text[i + 1] == '0' && text[i + 2] == ')') {
      i += 2;
      continue;
    }
    if (is_digit(c)) out += c;
    else if (c == '+') {
      if (!out.empty()) return std::nullopt;  // '+' only at the start
      out += c;
    } else if (!is_layout(c) && static_cast<unsigned char>(c) != 0xC2) {
      return std::nullopt;  // 0xC2 is the lead byte of a UTF-8 no-break space
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> phone_e164(std::string_view text, std::string_view default_country_code) {
  const auto raw = digits_and_plus(text);
  if (!raw || raw->empty()) return std::nullopt;
  std::string international;  // country code + national number, digits only
  const std::string& s = *raw;
  const std::string cc(default_country_code);
  if (s.front() == '+') international = s.substr(1);
  else if (s.starts_with("00")) international = s.substr(2);
  else if (s.front() == '0') international = cc + s.substr(1);
  else if (cc == "44" && s.size() == 10) international = cc + s;
  else if (s.starts_with(cc) && s.size() >= cc.size() + 9) international = s;
  else return std::nullopt;
  // "+44 07700 ...": a trunk zero after the default country code.
  if (international.starts_with(cc) && international.size() > cc.size() && international[cc.size()] == '0')
    international.erase(cc.size(), 1);
  if (international.empty() || international.front() == '0') return std::nullopt;
  if (international.size() < 8 || international.size() > 15) return std::nullopt;
  if (cc == "44" && international.starts_with("44")) {
    const std::size_t national = international.size() - 2;
    if (national != 9 && national != 10) return std::nullopt;
  }
  return "+" + international;
}

}  // namespace casegraph::normalise
