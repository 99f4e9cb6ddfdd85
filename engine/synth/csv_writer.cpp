#include "engine/synth/csv_writer.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace casegraph::synth {

namespace {
constexpr std::size_t kBufferBytes = 1 << 20;

[[noreturn]] void io_error(const std::filesystem::path& path, const char* what, int err) {
  throw std::runtime_error(fmt::format("{}: {}: {}", path.string(), what, std::strerror(err)));
}
}  // namespace

CsvWriter::CsvWriter(std::filesystem::path path, bool crlf)
    : path_(std::move(path)), partial_(path_.string() + ".partial"), crlf_(crlf) {
  file_ = std::fopen(partial_.c_str(), "wb");
  if (file_ == nullptr) io_error(partial_, "cannot create", errno);
  buffer_.reserve(kBufferBytes + 4096);
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
  }
}

void CsvWriter::header(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) field(name);
  end_row();
  --rows_;
}

void CsvWriter::separator() {
  if (row_started_) buffer_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  separator();
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    buffer_ += text;
    return *this;
  }
  buffer_ += '"';
  for (char c : text) {
    if (c == '"') buffer_ += '"';
    buffer_ += c;
  }
  buffer_ += '"';
  return *this;
}

CsvWriter& CsvWriter::field(std::int64_t value) {
  separator();
  fmt::format_to(std::back_inserter(buffer_), "{}", value);
  return *this;
}

void CsvWriter::end_row() {
  buffer_ += crlf_ ? "\r\n" : "\n";
  row_started_ = false;
  ++rows_;
  if (buffer_.size() >= kBufferBytes) flush();
}

void CsvWriter::flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) io_error(partial_, "cannot write", errno);
  bytes_ += buffer_.size();
  buffer_.clear();
}

void CsvWriter::close() {
  if (file_ == nullptr) return;
  flush();
  const int failed = std::fclose(file_);
  file_ = nullptr;
  if (failed != 0) io_error(partial_, "cannot write", errno);
  std::error_code ec;
  std::filesystem::rename(partial_, path_, ec);
  if (ec) throw std::runtime_error(fmt::format("{}: cannot rename into place: {}", path_.string(), ec.message()));
}

}  // namespace casegraph::synth
