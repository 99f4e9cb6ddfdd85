#pragma once
// IMPORT_ORDER: which mapping spec imports which CSV, in which order, for a
// folder of agency exports (examples/case, or what `casegraph synth` writes).
//
// Format: one "<spec> <csv>" pair a line, separated by blanks, paths relative
// to the folder; '#' starts a comment; blank lines are skipped. Order matters
// when a spec's links must find entities another file made (must_exist).
#include <filesystem>
#include <vector>

namespace casegraph {

struct ImportStep {
  std::filesystem::path spec;  // the folder joined with the path as written
  std::filesystem::path csv;
};

// Reads <dir>/IMPORT_ORDER. Throws std::runtime_error naming the file (and
// line) when it cannot be read, or a line names a spec but no CSV.
std::vector<ImportStep> read_import_order(const std::filesystem::path& dir);

}  // namespace casegraph
