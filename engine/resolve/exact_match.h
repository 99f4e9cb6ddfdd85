#pragma once
// Deterministic resolution on exact identifiers: two person entities from any
// sources are one identity when they agree exactly, after case and spacing are
// normalised, on a strong identifier (PNC id, NHS number, passport) or on all
// of forename, surname and date of birth. Probabilistic matching of spelling
// variants builds on this later; these rules never merge on a name alone.
//
// At a million records the keys are grouped by sorting one flat vector on a
// 64-bit hash (ties broken by the text itself, so a hash collision can never
// join two different keys) rather than by a map of strings: one allocation
// per key instead of a tree node, and a sort that is cache-friendly.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace casegraph {

struct PersonRecord {
  std::int64_t entity_id = 0;
  nlohmann::json attributes;  // forename, surname, dob (ISO), and optional strong identifiers
};

struct ExactMatch {
  std::int64_t a = 0;  // a < b
  std::int64_t b = 0;
  std::string rule;    // "exact:name+dob", "exact:pnc_id", ...
  std::string reason;  // the agreeing values, for the analyst
};

// One exact-rule key of one entity.
struct ExactKey {
  std::uint64_t hash = 0;  // of rule and text
  std::int64_t entity_id = 0;
  std::uint8_t rule = 0;   // index into exact_rule_names()
  std::string text;
};

// "exact:pnc_id", "exact:nhs_number", "exact:passport", "exact:name+dob".
const std::vector<std::string>& exact_rule_names();

// Appends the keys of one entity's attributes (none when it has no strong
// identifier and lacks one of forename, surname, dob).
void append_exact_keys(std::int64_t entity_id, const nlohmann::json& attributes, std::vector<ExactKey>& out);

// One decision per entity that joins a group, chained to the group's first
// (smallest) entity id, so k entities that agree produce k-1 decisions. A
// pair that agrees under several rules is reported once, under the first
// rule. Sorted by (a, b).
std::vector<ExactMatch> exact_matches(std::vector<ExactKey> keys);
std::vector<ExactMatch> exact_matches(const std::vector<PersonRecord>& people);

// normalise::fold (lower-case ASCII, accents and apostrophes gone, punctuation
// and spaces collapsed to one space); the trimmed text when fold leaves nothing.
std::string normalise_identifier_text(const std::string& text);

}  // namespace casegraph
