#include "engine/normalise/vehicle_registration.h"

namespace casegraph::normalise {

std::optional<std::string> vehicle_registration(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '-' || c == '.') continue;
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    else return std::nullopt;
  }
  if (out.empty() || out.size() > 8) return std::nullopt;
  return out;
}

}  // namespace casegraph::normalise
