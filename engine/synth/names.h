#pragma once
// Fictional names for the synthetic population, pooled from many cultures.
//
// Conventions:
// - One pool of female forenames, one of male forenames and one of surnames,
//   each mixing the naming traditions of many communities. A person's name is
//   drawn uniformly from the pools by a stream of its own (Purpose::names),
//   after and independently of every role: no role correlates with a name's
//   origin, and the pools record no origin at all.
// - Combinations are random, so no generated person is anyone in particular.
// - Variant tables say how another agency may write the same name:
//   transliterations and alternative spellings (Mohamed/Muhammad,
//   Zhang/Cheung), nicknames (Katarzyna/Kasia), and street names used as
//   aliases. Dropped diacritics and typing slips are made by rule.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace casegraph::synth {

class Rng;

enum class Sex : std::uint8_t { female, male };

namespace names {

std::size_t forename_count(Sex sex);
std::size_t surname_count();
std::string_view forename(Sex sex, std::size_t index);
// The surname as a person of this sex carries it (Polish -ski/-cki become
// -ska/-cka for women); otherwise the pool's form.
std::string surname(std::size_t index, Sex sex);

// Other spellings of this exact name (transliterations, alternative
// spellings), empty when the table has none.
std::span<const std::string_view> spelling_variants(std::string_view name);
// Short forms and nicknames of a forename, empty when the table has none.
std::span<const std::string_view> nicknames(std::string_view forename);

std::size_t street_name_count();
std::string_view street_name(std::size_t index);

// Latin letters with diacritics replaced by plain ASCII ("Róisín" -> "Roisin",
// "Łukasz" -> "Lukasz"); other text unchanged.
std::string fold_diacritics(std::string_view name);

// A typing slip that changes the name: two adjacent letters swapped, a letter
// doubled or a double letter single, a vowel confused. Only ASCII letters are
// touched, so UTF-8 stays valid. Returns the name unchanged only if it has
// fewer than two ASCII letters.
std::string typo(std::string_view name, Rng& rng);

}  // namespace names
}  // namespace casegraph::synth
