#pragma once
// A buffered RFC 4180 CSV writer for the generator's exports.
//
// Conventions:
// - A field is quoted only when it holds the delimiter, a quote, CR or LF;
//   quotes inside are doubled.
// - Records end in CR LF or LF, as the agency being imitated does.
// - Rows go to "<file>.partial", renamed to <file> by close(): an interrupted
//   run never leaves a file that looks complete. The destructor of a writer
//   that was not closed removes the partial file.
// - Memory is the 1 MiB buffer, whatever the number of rows.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace casegraph::synth {

class CsvWriter {
 public:
  CsvWriter(std::filesystem::path path, bool crlf);
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  ~CsvWriter();

  void header(std::initializer_list<std::string_view> names);

  // One field of the current row, quoted if it needs to be.
  CsvWriter& field(std::string_view text);
  CsvWriter& field(std::int64_t value);
  // A field formatted with fmt; quoted if the result needs it.
  template <class... Args>
  CsvWriter& fieldf(fmt::format_string<Args...> format, Args&&... args) {
    scratch_.clear();
    fmt::format_to(std::back_inserter(scratch_), format, std::forward<Args>(args)...);
    return field(std::string_view(scratch_.data(), scratch_.size()));
  }
  void end_row();

  // Flushes, closes and renames into place. Throws std::runtime_error on I/O failure.
  void close();

  std::uint64_t rows() const { return rows_; }  // data rows, header excluded
  std::uint64_t bytes() const { return bytes_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  void separator();
  void flush();

  std::filesystem::path path_;
  std::filesystem::path partial_;
  std::FILE* file_ = nullptr;
  bool crlf_;
  bool row_started_ = false;
  std::string buffer_;
  fmt::memory_buffer scratch_;
  std::uint64_t rows_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace casegraph::synth
