// casegraph import CASE --spec SPEC FILE...: the agencies' exports into the
// case file, in one transaction (importers/csv_importer.h).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "importers/csv_importer.h"
#include "importers/mapping_spec.h"

namespace casegraph::cli {

void run_import(const ImportOptions& options) {
  MappingSpec spec = load_mapping_spec(options.spec_path);
  CaseFile file = CaseFile::open(options.case_path, true);
  std::vector<std::filesystem::path> files(options.files.begin(), options.files.end());
  Progress progress("import");
  Stopwatch clock;
  ImportReport report = import_csv_files(file, spec, files, [&](std::uint64_t, std::uint64_t done, std::uint64_t total) {
    progress.update(done, total, "bytes");
  });
  progress.finish();
  for (const FileImportReport& f : report.files) {
    if (f.already_imported)
      fmt::print("import: {} already imported (same content); nothing added\n", f.path);
    else
      fmt::print("import: {}: {} rows, {} new entities, {} links\n", f.path, f.rows, f.entities_made, f.links_made);
  }
  fmt::print(stderr, "import: {} rows in {:.3f} s\n", report.rows(), clock.seconds());
}

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Import agency CSV exports into a case file (created if missing)");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--spec", options->spec_path, "Mapping spec (TOML) saying which columns make which entities and links")
      ->required();
  cmd->add_option("FILE", options->files, "CSV files of the shape the spec describes")->required();
  cmd->footer(
      "One import is one transaction: any bad row rejects the whole import with file, line, column and\n"
      "reason, and the case file is left exactly as it was. A file already imported adds nothing.");
  cmd->callback([options] { run_import(*options); });
}

}  // namespace casegraph::cli
