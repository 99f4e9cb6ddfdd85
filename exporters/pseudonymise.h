#pragma once
// --pseudonymise KEYFILE: a chart that can be shared for review without the
// names and identifiers in it.
//
// Every name and identifier is replaced by a keyed hash (BLAKE2b through
// libsodium's crypto_generichash, keyed with a secret key kept in KEYFILE and
// never written to the output). The same value gives the same token anywhere
// in one export, so links still join and a phone number that appears as a
// label and as an attribute is still one value; the same key gives the same
// output, so two exports with one key can be compared; whoever holds the key
// can test a known name or record id against the chart (recompute its token),
// and nobody without it can.
//
// What is replaced:
// - node labels: "<type>-<token>" ("person-3fa2c1d0");
// - attribute values, except the attributes in kKeptAttributes, which describe
//   without identifying (an offence type, a vehicle's make and colour, the
//   grading, event times); dates of birth, forenames, surnames, registration
//   marks, free-text circumstances and any attribute casegraph does not know
//   are replaced by "<token>";
// - source record ids: "rec-<token>" (the source names, such as
//   "police_nominals", stay: they name agencies' exports, not people);
// - the case name: "case-<token>" (a case file is often named after a family or
//   an operation).
// What stays: entity and link ids (row ids of the case file, meaningless
// without it), types, roles, scores, cluster ranks, times, weights, gradings.
//
// Tokens are 8 hex digits (32 bits), or 16 when two different values in the
// export would share 8 digits, so that two people never merge on a chart.
#include <array>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/chart.h"

namespace casegraph {

// Attribute names whose values are kept as they are.
inline const std::set<std::string, std::less<>> kKeptAttributes = {
    "grading", "start", "end", "offence", "make", "colour", "placement_type", "sex"};

using PseudonymKey = std::array<unsigned char, 32>;

// Reads the key in `path` (64 hex digits, surrounding blanks ignored). If the
// file does not exist, creates it with a new random key, readable by its owner
// only (0600), and sets *created. Throws std::runtime_error naming the file if
// it cannot be read, holds anything else, or cannot be created.
PseudonymKey load_or_create_key(const std::filesystem::path& path, bool* created);

// The keyed hash of `value` as 2*bytes lowercase hex digits (bytes 1..16).
std::string keyed_token(const PseudonymKey& key, std::string_view value, std::size_t bytes);

Chart pseudonymise(const Chart& chart, const PseudonymKey& key);

}  // namespace casegraph
