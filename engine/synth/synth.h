#pragma once
// casegraph synth: a synthetic multi-agency case at any scale.
//
// synthesize() writes into a directory seven CSV exports shaped like
// different agencies' (police nominal index, police occurrences, graded
// intelligence, children's services missing-episode log, vehicle keepers,
// ANPR reads, call records), each with its own record ids, column names and
// date formats; one mapping spec per CSV (<name>.toml, the importer's format)
// and IMPORT_ORDER; truth.json (what was planted, for evaluation only: the
// engine never reads it) and truth_records.csv (for every person record in
// every CSV, the true person behind it).
//
// Planted: exploitation networks, strong and faint (networks.h, planted.h),
// among a population living ordinary lives (population.h, background.h),
// with the identity noise real agencies' records have (noise.h).
//
// Deterministic: the same seed and people count give byte-identical files,
// whatever the platform's standard library (rng.h). Memory is bounded: the
// population (about 40 bytes a person), the planted evidence (a few hundred
// rows a network) and one month of one export's rows.
//
// Everything is fictional: names are drawn from pooled many-culture lists
// after roles are fixed, postcodes are in the unused area "EB", phone
// numbers in 07700 xxxxxx (9xxxxx first; identities.h).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/synth/params.h"

namespace casegraph::synth {

struct FileSummary {
  std::string name;
  std::uint64_t rows = 0;  // data rows, header excluded
  std::uint64_t bytes = 0;
};

struct SynthReport {
  std::uint64_t people = 0;
  std::size_t networks = 0;
  std::vector<FileSummary> files;  // the seven CSVs in import order, then truth_records.csv
  std::uint64_t rows() const;      // data rows in the seven CSVs
};

// Writes the case into `dir` (created if missing; files of the same names are
// replaced). Throws std::invalid_argument for parameters out of range (people
// outside kMinPeople..kMaxPeople, a rate outside 0..1, a negative volume) and
// std::runtime_error when a file cannot be written.
SynthReport synthesize(const SynthParams& params, const std::filesystem::path& dir);

}  // namespace casegraph::synth
