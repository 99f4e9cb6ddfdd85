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

}  // namespace casegraph::similarity
