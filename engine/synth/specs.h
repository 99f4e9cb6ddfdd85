#pragma once
// The mapping specs written beside the generated CSVs, one per export, and
// IMPORT_ORDER: the same keys and conventions as examples/case/*.toml, with
// the generator's extra columns (alias, outcome, a linked phone and summary
// on intelligence, when the child was reported and the return interview, the
// private-hire licence) mapped as attributes or links.
#include <string_view>
#include <vector>

namespace casegraph::synth {

struct SpecFile {
  std::string_view spec;  // "police_nominals.toml"
  std::string_view csv;   // "police_nominals.csv"
  std::string_view text;  // the TOML
};

// In import order: the nominal index first, because occurrences and
// intelligence name people by NominalRef.
const std::vector<SpecFile>& spec_files();

// The IMPORT_ORDER file's text.
std::string_view import_order_text();

}  // namespace casegraph::synth
