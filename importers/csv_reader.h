#pragma once
// A streaming RFC 4180 CSV reader.
//
// Hand-written rather than taken from a library because the importer needs,
// for every record, its text exactly as it stands in the file (kept verbatim
// in the case file for disclosure) and the exact physical line and field of
// any fault (an analyst fixes the export from the error message); the CSV
// libraries at hand give neither.
//
// Conventions:
// - Records end at LF, CRLF or a lone CR outside quotes; inside quotes any of
//   these is part of the field. Each counts as one physical line.
// - A UTF-8 byte order mark at the very start is skipped.
// - Every byte must be valid UTF-8 (no overlong forms, surrogates, code points
//   past U+10FFFF or truncated sequences).
// - A blank line (nothing between two line ends) is not a record, so neither
//   is the empty "line" after a final newline. A line of delimiters is.
// - A quote may only open a field or, doubled, stand for itself inside a
//   quoted field; whitespace around quotes is text, so `"a" ,b` is an error.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace casegraph {

struct CsvRecord {
  std::vector<std::string> fields;
  std::string raw;        // the record's bytes as in the file, without its line ending
  std::int64_t line = 0;  // 1-based physical line where the record starts
};

// A malformed file. line is the physical line where the fault is (for an
// unterminated quoted field, where that field opened); column is the 1-based
// field index within the record.
class CsvError : public std::runtime_error {
 public:
  CsvError(std::int64_t line, std::int64_t column, std::string reason);
  std::int64_t line() const { return line_; }
  std::int64_t column() const { return column_; }
  const std::string& reason() const { return reason_; }

 private:
  std::int64_t line_;
  std::int64_t column_;
  std::string reason_;
};

struct CsvOptions {
  char delimiter = ',';
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvOptions options = {});
  // Opens the file itself; throws CsvError (line 0) when it cannot be read.
  explicit CsvReader(const std::filesystem::path& file, CsvOptions options = {});
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  ~CsvReader();

  // Reads the next record into `record`; false at the end of the input.
  // Throws CsvError on malformed input.
  bool next(CsvRecord& record);

  // Bytes consumed so far (for progress).
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };

  bool fill();
  void check_utf8(unsigned char byte);
  void end_field(CsvRecord& record);
  [[noreturn]] void fail(std::int64_t line, const std::string& reason) const;

  std::unique_ptr<std::ifstream> owned_;
  std::istream& in_;
  CsvOptions options_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool at_start_ = true;
  std::uint64_t bytes_read_ = 0;
  std::int64_t line_ = 1;
  bool after_cr_ = false;  // last byte was a CR, so an LF now is the same line end
  std::int64_t field_index_ = 0;
  std::string field_;
  std::int64_t quote_line_ = 0;  // where the open quoted field began
  // UTF-8 validation state: continuation bytes still expected, and the allowed
  // range of the next one (narrower after some lead bytes).
  int utf8_pending_ = 0;
  unsigned char utf8_lo_ = 0x80;
  unsigned char utf8_hi_ = 0xBF;
  unsigned char utf8_lead_ = 0;
};

}  // namespace casegraph
