#pragma once
// String comparators for record linkage. They work on bytes: give them
// fold()ed text (lower-case ASCII) so that one letter is one byte.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::similarity {

// Jaro-Winkler similarity in [0, 1], as Winkler (1990) and strcmp95 define
// it: matching window floor(max(|a|,|b|)/2) - 1, prefix scale 0.1, common
// prefix counted up to 4 characters, and the prefix bonus applied only when
// the Jaro similarity exceeds 0.7 (Winkler's boost threshold; jellyfish and
// most record-linkage tools do the same). Equal strings give 1, including two
// empty strings; one empty and one not gives 0.
// MARTHA/MARHTA 0.9611, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.8133.
double jaro_winkler(std::string_view a, std::string_view b);

// Optimal string alignment distance (restricted Damerau-Levenshtein): the
// fewest insertions, deletions, substitutions and transpositions of two
// adjacent characters, no substring edited twice. "ca" -> "abc" is 3 (true
// Damerau-Levenshtein gives 2).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Jaccard similarity of the two token sets: |A n B| / |A u B|, duplicates
// counted once. Two empty sets give 1 (equal sets); callers treat empty as
// missing before comparing.
double token_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace casegraph::similarity
