#pragma once
// Imports CSV exports into a case file as a mapping spec directs.
//
// Conventions:
// - One call is one transaction over all its files: the first bad row throws
//   ImportError and the case file is left exactly as it was (no sources,
//   records, entities, links or audit entry from this call).
// - A file whose bytes (SHA-256) were imported before, by any spec, adds
//   nothing and is reported as already imported.
// - The first record of each file is its header; header names are matched to
//   the spec's columns after trimming spaces. Every later record must have
//   as many fields as the header.
// - Cells are trimmed before they are used as keys, dates, gradings, numbers,
//   link roles or attributes; records keep the row's text verbatim, and
//   `fields` keeps each cell as read.
// - Entity keys are "<key_space>:<normalised identifier>", the identifier
//   being the key columns, each normalised, joined with "|". An entity's label
//   defaults to that identifier.
// - A successful import appends one "import" audit entry in the same transaction.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/store/case_file.h"
#include "importers/mapping_spec.h"

namespace casegraph {

// A row (or a file) that cannot be imported. what() reads
// "FILE:LINE: column 'COL': REASON"; LINE is the physical line where the
// record starts (1 and the column for header problems); without a column
// it reads "FILE:LINE: REASON", and without a line (unreadable file) "FILE: REASON".
class ImportError : public std::runtime_error {
 public:
  ImportError(std::string file, std::int64_t line, std::string column, std::string reason);
  const std::string& file() const { return file_; }
  std::int64_t line() const { return line_; }
  const std::string& column() const { return column_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::int64_t line_;
  std::string column_;
  std::string reason_;
};

// Called now and then during an import, and after each file.
using ImportProgress =
    std::function<void(std::uint64_t rows_done, std::uint64_t bytes_done, std::uint64_t total_bytes)>;

struct FileImportReport {
  std::string path;  // as given
  std::int64_t rows = 0;           // data rows imported (0 when already imported)
  std::int64_t entities_made = 0;  // entities new to the case file
  std::int64_t links_made = 0;
  bool already_imported = false;
};

struct ImportReport {
  std::vector<FileImportReport> files;
  std::int64_t rows() const;
  std::int64_t entities_made() const;
  std::int64_t links_made() const;
  // "4 rows from 2 files: 3 new entities, 4 links; 1 file already imported".
  std::string summary() const;
};

ImportReport import_csv_files(CaseFile& file, const MappingSpec& spec,
                              const std::vector<std::filesystem::path>& files, const ImportProgress& progress);

}  // namespace casegraph
