#pragma once
// Telephone numbers in E.164 (+ country code + national significant number).
#include <optional>
#include <string>
#include <string_view>

namespace casegraph::normalise {

// "07700 900123", "+44 (0)7700-900123", "0044 7700900123", "447700900123"
// -> "+447700900123". Accepted: digits with spaces, dashes, dots, slashes and
// brackets; a leading "+" or "00" (international), a leading single "0"
// (national trunk prefix of the default country), a "(0)" trunk written
// after the country code, and a trunk zero written after the default
// country code without brackets ("+44 07700 ...", a common slip).
// Ten digits with no prefix where the default country is 44 are a UK number
// that lost its leading zero (a spreadsheet's doing): "7700900123".
// nullopt when not a phone: letters, too few or too many digits (E.164
// allows at most 15), or, for the default country 44, a national number
// other than 9 or 10 digits.
std::optional<std::string> phone_e164(std::string_view text, std::string_view default_country_code = "44");

}  // namespace casegraph::normalise
