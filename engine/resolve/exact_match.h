#pragma once
// Deterministic resolution on exact identifiers: two person entities from any
// sources are one identity when they agree exactly, after case and spacing are
// normalised, on a strong identifier (PNC id, NHS number, passport) or on all
// of forename, surname and date of birth. Probabilistic matching of spelling
// variants builds on this later; these rules never merge on a name alone.
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

// One decision per entity that joins a group, chained to the group's first
// (smallest) entity id, so k entities that agree produce k-1 decisions.
std::vector<ExactMatch> exact_matches(std::vector<PersonRecord> people);

// normalise::fold (lower-case ASCII, accents and apostrophes gone, punctuation
// and spaces collapsed to one space); the trimmed text when fold leaves nothing.
std::string normalise_identifier_text(const std::string& text);

}  // namespace casegraph
