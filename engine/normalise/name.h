#pragma once
// Person-name normalisation: folded tokens without titles, and the canonical
// member of a name's spelling family (transliterations, nicknames).
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::normalise {

// fold() then split on spaces; titles and honorifics (mr, mrs, ms, miss, mx,
// dr, prof, sir, dame, lord, lady, rev, revd, fr, sister) dropped. Generation
// suffixes (jr, sr, ii, iii) are kept: they tell a father from his son.
// "Dr. Mary-Jane O'Neil" -> {"mary", "jane", "oneil"}.
std::vector<std::string> name_tokens(std::string_view name);

// The canonical spelling of a folded token's family: "mohd" -> "muhammad",
// "bobby" -> "robert", "aleksandr" -> "alexander". A token in no family
// returns itself. Each token belongs to at most one family; a nickname that
// two unrelated names share (sam: samuel/samantha, chris, pat, alex ...) is
// in none, so that the table never joins two different given names.
// The table (name_families.cpp) is spelling only: which culture a spelling
// comes from is recorded nowhere and feeds no score.
std::string name_family(std::string_view folded_token);

// The whole table, for documentation and tests: each family's canonical form
// first, then its variants.
struct NameFamily {
  std::string_view canonical;
  std::span<const std::string_view> variants;
};
std::span<const NameFamily> name_families();

}  // namespace casegraph::normalise
