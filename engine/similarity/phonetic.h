#pragma once
// A phonetic key of a name, for blocking: names that sound alike share it.
#include <string>
#include <string_view>

namespace casegraph::similarity {

// NYSIIS (New York State Identification and Intelligence System, Taft 1970),
// in the form jellyfish implements: the full key, not truncated to six
// characters, so that long names keep their tails. Upper case letters;
// characters other than a-z are ignored, so give it one fold()ed token;
// "" for a token without letters.
// Chosen over Double Metaphone because its output is a single key, it was
// designed for (and evaluated on) personal names in criminal-justice records,
// and Debian's python3-jellyfish gives a reference implementation that
// tests/scripts/reference_similarity.py compares with on thousands of names.
// Examples: knight -> NAGT, mitchell -> MATCAL, macdonald -> MCDANALD.
std::string phonetic_key(std::string_view folded_name);

// American Soundex (Russell and Odell; the US census form), as jellyfish
// implements it: the first letter kept, then up to three digit classes,
// vowels separating repeats and H/W not. A second, coarser key beside
// NYSIIS for blocking: it drops vowels and H/W altogether, so transposed or
// dropped vowels and letters in the same class (Rowe/Rwoe, Smyth/Smith)
// still agree where NYSIIS, which keeps vowel positions, splits them.
// "" for a token without letters. Examples: robert -> R163, tymczak -> T522.
std::string soundex_key(std::string_view folded_name);

}  // namespace casegraph::similarity
