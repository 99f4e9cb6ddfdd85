#pragma once
// Text folding shared by every normaliser and comparator: one comparable
// spelling of a name, street or free-text identifier.
#include <string>
#include <string_view>

namespace casegraph::normalise {

// Lower-case ASCII letters and digits separated by single spaces:
// - accents and letter variants become their base letters: é -> e, ø -> o,
//   ß -> ss, æ -> ae, ł -> l, ı/İ -> i, ș -> s, ơ -> o, ự -> u, đ -> d,
//   ḥ -> h; German umlauts become one letter (ü -> u), so Müller, Muller
//   meet, and Mueller is left to the fuzzy comparators;
// - Cyrillic is transliterated letter by letter (Юрий -> yuriy);
// - apostrophes of every kind are dropped (O'Brien, O’Brien -> obrien);
// - hyphens, punctuation, symbols and whitespace become one space;
// - other scripts' letters (Arabic, CJK ...) are dropped: records that
//   write names in them need a transliteration step before this one;
// - invalid UTF-8 bytes are dropped, never an error: the importer has
//   already refused invalid files, and this must not throw on a stray byte.
std::string fold(std::string_view utf8);

}  // namespace casegraph::normalise
