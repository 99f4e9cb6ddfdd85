#pragma once
// UK vehicle registration marks (VRM), in the compact form ANPR and the DVLA
// use: upper case, no spaces.
#include <optional>
#include <string>
#include <string_view>

namespace casegraph::normalise {

// "ab12 cde", "AB12-CDE", " Ab12Cde " -> "AB12CDE". Spaces, dashes and dots
// are layout and are removed. nullopt when nothing is left, when any other
// character appears (a VRM is letters and digits only), or when more than 8
// characters remain (UK marks have at most 7; 8 leaves room for foreign
// plates that agencies record in the same column).
// The format is not checked against the current/prefix/suffix/dateless
// patterns: personalised and foreign plates follow none of them.
std::optional<std::string> vehicle_registration(std::string_view text);

}  // namespace casegraph::normalise
