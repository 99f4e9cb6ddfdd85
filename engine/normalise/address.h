#pragma once
// UK postcodes and postal addresses, split into the parts that matching
// compares: flat, house number, street words, postcode.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::normalise {

// "ls14ap", "LS1 4AP", " ls1  4ap " -> "LS1 4AP"; "GIR 0AA" too. The outward
// code is checked against the six UK shapes (A9, A99, A9A, AA9, AA99, AA9A)
// and the inward code is a digit and two letters; nullopt otherwise.
std::optional<std::string> postcode(std::string_view text);

struct Address {
  std::string flat;                        // "3" from "Flat 3", "Apartment 3", "Unit 3"
  std::string number;                      // house number: "12", "12a", "12-14"
  std::vector<std::string> street_tokens;  // every other word, folded, abbreviations expanded
  std::string postcode;                    // as postcode(), empty when none found
};

// "Flat 3, 12 High St, Leeds LS1 4AP" -> flat "3", number "12",
// street_tokens {high, street, leeds}, postcode "LS1 4AP".
// The postcode is taken from the end of the text (its last one or two words).
// A flat is the word after flat/apartment/apt/unit/room/suite, or the first of
// two numbers in separate comma parts that open the address ("3, 12 High St"). The house number is the
// first word that starts with a digit after the flat. Street words keep the
// town and locality: nothing marks where the street ends in free text.
// Abbreviations expanded: st -> street (saint when it opens the street words
// of a comma-separated part and more words follow: "12 St Mary's Road"),
// rd road, ave/av avenue, ln lane, dr drive, cl close, ct court, cres crescent,
// gdns gardens, gr/gro grove, pl place, sq square, ter/terr terrace, pk park,
// hse house, blvd boulevard, mt mount, wy way, est estate, bldgs buildings,
// ctr centre, n/s/e/w stay as they are.
Address address(std::string_view text);

}  // namespace casegraph::normalise
