// The CSV reader: a byte-at-a-time state machine over a 64 KiB buffer.
// Conventions are in csv_reader.h. UTF-8 is validated on every byte as it
// is read (not per field afterwards) so that a fault is reported at the
// physical line where the bad byte is, even inside a multi-line field.
#include "importers/csv_reader.h"

#include <fmt/format.h>

namespace casegraph {

namespace {

constexpr std::size_t kBufferSize = 1 << 16;

std::string byte_hex(unsigned char byte) { return fmt::format("0x{:02X}", byte); }

// Why a continuation byte outside the narrowed range after `lead` is invalid.
std::string narrowed_range_reason(unsigned char lead, unsigned char byte) {
  switch (lead) {
    case 0xE0:
    case 0xF0:
      return fmt::format("invalid UTF-8: overlong encoding ({} {})", byte_hex(lead), byte_hex(byte));
    case 0xED:
      return fmt::format("invalid UTF-8: encoded UTF-16 surrogate ({} {})", byte_hex(lead), byte_hex(byte));
    default:  // 0xF4
      return fmt::format("invalid UTF-8: code point beyond U+10FFFF ({} {})", byte_hex(lead), byte_hex(byte));
  }
}

}  // namespace

CsvError::CsvError(std::int64_t line, std::int64_t column, std::string reason)
    : std::runtime_error(fmt::format("line {}, field {}: {}", line, column, reason)),
      line_(line),
      column_(column),
      reason_(std::move(reason)) {}

CsvReader::CsvReader(std::istream& in, CsvOptions options) : in_(in), options_(options), buffer_(kBufferSize) {
  const char d = options_.delimiter;
  if (d == '"' || d == '\r' || d == '\n' || static_cast<unsigned char>(d) >= 0x80)
    throw std::invalid_argument("CSV delimiter must be one ASCII character other than a quote or line end");
}

CsvReader::CsvReader(const std::filesystem::path& file, CsvOptions options)
    : owned_(std::make_unique<std::ifstream>(file, std::ios::binary)),
      in_(*owned_),
      options_(options),
      buffer_(kBufferSize) {
  if (!*owned_) throw CsvError(0, 0, "cannot open " + file.string());
  const char d = options_.delimiter;
  if (d == '"' || d == '\r' || d == '\n' || static_cast<unsigned char>(d) >= 0x80)
    throw std::invalid_argument("CSV delimiter must be one ASCII character other than a quote or line end");
}

CsvReader::~CsvReader() = default;

bool CsvReader::fill() {
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (in_.bad()) fail(line_, "read error");
  pos_ = 0;
  end_ = static_cast<std::size_t>(in_.gcount());
  if (at_start_) {
    at_start_ = false;
    if (end_ >= 3 && buffer_[0] == '\xEF' && buffer_[1] == '\xBB' && buffer_[2] == '\xBF') {
      pos_ = 3;
      bytes_read_ += 3;
    }
  }
  return pos_ < end_;
}

void CsvReader::fail(std::int64_t line, const std::string& reason) const {
  throw CsvError(line, field_index_, reason);
}

void CsvReader::check_utf8(unsigned char byte) {
  if (utf8_pending_ > 0) {
    if (byte < utf8_lo_ || byte > utf8_hi_) {
      if (byte >= 0x80 && byte <= 0xBF) fail(line_, narrowed_range_reason(utf8_lead_, byte));
      fail(line_, fmt::format("invalid UTF-8: truncated sequence (lead byte {} not followed by enough "
                              "continuation bytes)",
                              byte_hex(utf8_lead_)));
    }
    utf8_lo_ = 0x80;
    utf8_hi_ = 0xBF;
    --utf8_pending_;
    return;
  }
  if (byte < 0x80) return;
  utf8_lead_ = byte;
  if (byte >= 0xC2 && byte <= 0xDF) {
    utf8_pending_ = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    utf8_pending_ = 2;
    if (byte == 0xE0) utf8_lo_ = 0xA0;  // below is an overlong 2-byte form
    if (byte == 0xED) utf8_hi_ = 0x9F;  // above are the surrogates D800-DFFF
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    utf8_pending_ = 3;
    if (byte == 0xF0) utf8_lo_ = 0x90;  // below is an overlong 3-byte form
    if (byte == 0xF4) utf8_hi_ = 0x8F;  // above is past U+10FFFF
  } else if (byte == 0xC0 || byte == 0xC1) {
    fail(line_, fmt::format("invalid UTF-8: overlong encoding (lead byte {})", byte_hex(byte)));
  } else if (byte <= 0xBF) {
    fail(line_, fmt::format("invalid UTF-8: continuation byte {} without a lead byte", byte_hex(byte)));
  } else {
    fail(line_, fmt::format("invalid UTF-8: byte {} never appears in UTF-8", byte_hex(byte)));
  }
}

void CsvReader::end_field(CsvRecord& record) {
  record.fields.push_back(std::move(field_));
  field_.clear();
  ++field_index_;
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.raw.clear();
  record.line = 0;
  field_.clear();
  field_index_ = 1;
  State state = State::field_start;
  bool started = false;
  const char delimiter = options_.delimiter;

  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (utf8_pending_ > 0)
        fail(line_, fmt::format("invalid UTF-8: truncated sequence at end of file (lead byte {})",
                                byte_hex(utf8_lead_)));
      if (state == State::quoted)
        fail(quote_line_, fmt::format("unterminated quoted field: the quote opened on line {} is never closed",
                                      quote_line_));
      if (!started) return false;
      end_field(record);
      return true;
    }
    const char c = buffer_[pos_++];
    ++bytes_read_;
    check_utf8(static_cast<unsigned char>(c));

    if (c == '\r' || c == '\n') {
      const bool lf_after_cr = c == '\n' && after_cr_;
      after_cr_ = c == '\r';
      if (!lf_after_cr) ++line_;
      if (state == State::quoted) {  // a line break inside the field's text
        field_ += c;
        record.raw += c;
        continue;
      }
      if (lf_after_cr || !started) continue;  // the LF of a CRLF, or a blank line
      end_field(record);
      return true;
    }
    after_cr_ = false;

    if (!started) {
      started = true;
      record.line = line_;
    }
    record.raw += c;
    switch (state) {
      case State::field_start:
        if (c == '"') {
          state = State::quoted;
          quote_line_ = line_;
        } else if (c == delimiter) {
          end_field(record);
        } else {
          field_ += c;
          state = State::unquoted;
        }
        break;
      case State::unquoted:
        if (c == delimiter) {
          end_field(record);
          state = State::field_start;
        } else if (c == '"') {
          fail(line_, "a quote inside an unquoted field (quote the whole field and double the quote)");
        } else {
          field_ += c;
        }
        break;
      case State::quoted:
        if (c == '"') state = State::quote_in_quoted;
        else field_ += c;
        break;
      case State::quote_in_quoted:
        if (c == '"') {
          field_ += '"';
          state = State::quoted;
        } else if (c == delimiter) {
          end_field(record);
          state = State::field_start;
        } else {
          fail(line_, "text after the closing quote of a quoted field");
        }
        break;
    }
  }
}

}  // namespace casegraph
