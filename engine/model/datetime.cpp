// Date parsing: a cursor over the text reads fixed pieces (digits, separators)
// in the order the format gives; std::chrono's civil calendar turns the
// pieces into days and checks the date exists. Conventions are in datetime.h.
#include "engine/model/datetime.h"

#include <array>
#include <charconv>
#include <chrono>
#include <utility>
#include <variant>

#include <fmt/format.h>

namespace casegraph {

namespace {

struct FormatName {
  DateFormat format;
  std::string_view name;
};
constexpr std::array<FormatName, 6> kFormats{{
    {DateFormat::iso8601, "iso8601"},
    {DateFormat::ymd, "YYYY-MM-DD"},
    {DateFormat::dmy, "DD/MM/YYYY"},
    {DateFormat::dmy_hm, "DD/MM/YYYY HH:MM"},
    {DateFormat::dmy_hms, "DD/MM/YYYY HH:MM:SS"},
    {DateFormat::epoch, "epoch"},
}};

// Unix seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
constexpr Timestamp kEarliest = -62135596800;
constexpr Timestamp kLatest = 253402300799;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads the text left to right; every read either consumes what it expects
// or leaves the cursor where it was and reports false.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Between min_digits and max_digits decimal digits as a number.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t n = 0;
    int value = 0;
    while (n < max_digits && pos_ + n < text_.size() && is_digit(text_[pos_ + n])) {
      value = value * 10 + (text_[pos_ + n] - '0');
      ++n;
    }
    if (n < min_digits) return std::nullopt;
    pos_ += n;
    return value;
  }
  void skip_digits() {
    while (is_digit(peek())) ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Civil {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  int offset_seconds = 0;  // east of UTC
  bool has_time = false;
};

using Fail = std::string;  // why the text was refused

std::optional<Fail> read_ymd(Cursor& c, Civil& v) {
  auto y = c.number(4, 4);
  if (!y || !c.accept('-')) return Fail("expected YYYY-MM-DD");
  auto m = c.number(2, 2);
  if (!m || !c.accept('-')) return Fail("expected YYYY-MM-DD");
  auto d = c.number(2, 2);
  if (!d) return Fail("expected YYYY-MM-DD");
  v.year = *y;
  v.month = *m;
  v.day = *d;
  return std::nullopt;
}

std::optional<Fail> read_dmy(Cursor& c, Civil& v) {
  auto d = c.number(1, 2);
  if (!d || !c.accept('/')) return Fail("expected DD/MM/YYYY");
  auto m = c.number(1, 2);
  if (!m || !c.accept('/')) return Fail("expected DD/MM/YYYY");
  auto y = c.number(4, 4);
  if (!y) return Fail("expected DD/MM/YYYY");
  v.year = *y;
  v.month = *m;
  v.day = *d;
  return std::nullopt;
}

// HH:MM, then :SS when `seconds` is "required" or "optional", then a
// fraction when `fraction` allows it.
enum class Part { no, optional, required };

std::optional<Fail> read_time(Cursor& c, Civil& v, std::size_t min_hour_digits, Part seconds, Part fraction) {
  auto h = c.number(min_hour_digits, 2);
  if (!h || !c.accept(':')) return Fail("expected a time HH:MM");
  auto m = c.number(2, 2);
  if (!m) return Fail("expected a time HH:MM");
  v.hour = *h;
  v.minute = *m;
  v.has_time = true;
  if (seconds == Part::no) return std::nullopt;
  if (!c.accept(':')) return seconds == Part::required ? std::optional<Fail>("expected seconds :SS") : std::nullopt;
  auto s = c.number(2, 2);
  if (!s) return Fail("expected seconds :SS");
  v.second = *s;
  if (fraction != Part::no && (c.accept('.') || c.accept(','))) {
    if (!is_digit(c.peek())) return Fail("expected digits after the decimal point");
    c.skip_digits();  // kept to whole seconds
  }
  return std::nullopt;
}

std::optional<Fail> read_offset(Cursor& c, Civil& v) {
  if (c.accept('Z') || c.accept('z')) return std::nullopt;
  int sign = 0;
  if (c.accept('+')) sign = 1;
  else if (c.accept('-')) sign = -1;
  else return std::nullopt;
  auto h = c.number(2, 2);
  if (!h) return Fail("expected an offset +HH:MM");
  c.accept(':');
  auto m = c.number(2, 2);
  if (!m) return Fail("expected an offset +HH:MM");
  if (*h > 23 || *m > 59) return Fail("offset out of range");
  v.offset_seconds = sign * (*h * 3600 + *m * 60);
  return std::nullopt;
}

std::optional<Fail> read_iso8601(Cursor& c, Civil& v) {
  if (auto f = read_ymd(c, v)) return f;
  if (c.done()) return std::nullopt;
  if (!(c.accept('T') || c.accept('t') || c.accept(' '))) return Fail("expected T or a space before the time");
  if (auto f = read_time(c, v, 2, Part::optional, Part::optional)) return f;
  return read_offset(c, v);
}

std::optional<Fail> read_civil(Cursor& c, DateFormat format, Civil& v) {
  switch (format) {
    case DateFormat::iso8601:
      return read_iso8601(c, v);
    case DateFormat::ymd:
      return read_ymd(c, v);
    case DateFormat::dmy:
      return read_dmy(c, v);
    case DateFormat::dmy_hm:
    case DateFormat::dmy_hms: {
      if (auto f = read_dmy(c, v)) return f;
      if (!c.accept(' ')) return Fail("expected a space before the time");
      while (c.accept(' ')) {
      }
      return read_time(c, v, 1, format == DateFormat::dmy_hms ? Part::required : Part::no, Part::no);
    }
    case DateFormat::epoch:
      break;
  }
  return Fail("unsupported format");
}

// Checks the calendar and the clock; the seconds since the epoch on success.
std::variant<Timestamp, Fail> to_timestamp(const Civil& v) {
  using namespace std::chrono;
  if (v.year < 1) return Fail("year 0000 is not a year");
  const year_month_day date{year{v.year}, month{static_cast<unsigned>(v.month)}, day{static_cast<unsigned>(v.day)}};
  if (!date.month().ok()) return Fail(fmt::format("there is no month {}", v.month));
  if (!date.ok()) return Fail(fmt::format("there is no day {} in {:04}-{:02}", v.day, v.year, v.month));
  if (v.hour > 23) return Fail(fmt::format("hour {} is out of range 0-23", v.hour));
  if (v.minute > 59) return Fail(fmt::format("minute {} is out of range 0-59", v.minute));
  if (v.second > 59) return Fail(fmt::format("second {} is out of range 0-59", v.second));
  const Timestamp midnight = sys_seconds{sys_days{date}}.time_since_epoch().count();
  return midnight + v.hour * 3600 + v.minute * 60 + v.second - v.offset_seconds;
}

std::variant<Timestamp, Fail> parse_epoch(std::string_view text) {
  Timestamp value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last || text.empty()) return Fail("expected whole seconds since 1970");
  if (value < kEarliest || value > kLatest) return Fail("outside the years 0001-9999");
  return value;
}

}  // namespace

std::optional<DateFormat> parse_date_format(std::string_view name) {
  for (const FormatName& f : kFormats)
    if (f.name == name) return f.format;
  return std::nullopt;
}

std::string_view date_format_name(DateFormat format) {
  for (const FormatName& f : kFormats)
    if (f.format == format) return f.name;
  return "?";
}

std::string date_format_names() {
  std::string out;
  for (const FormatName& f : kFormats) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

std::optional<Timestamp> parse_datetime(std::string_view text, DateFormat format, std::string* error,
                                        bool* date_only) {
  const std::string_view value = trim(text);
  auto refuse = [&](const std::string& why) -> std::optional<Timestamp> {
    if (error)
      *error = fmt::format("'{}' is not a date in format {}: {}", text, date_format_name(format), why);
    return std::nullopt;
  };
  std::variant<Timestamp, Fail> result;
  bool has_time = true;
  if (format == DateFormat::epoch) {
    result = parse_epoch(value);
  } else {
    Cursor cursor(value);
    Civil civil;
    if (auto fail = read_civil(cursor, format, civil)) return refuse(*fail);
    if (!cursor.done()) return refuse("unexpected text after the date");
    has_time = civil.has_time;
    result = to_timestamp(civil);
  }
  if (const Fail* why = std::get_if<Fail>(&result)) return refuse(*why);
  if (date_only) *date_only = !has_time;
  return std::get<Timestamp>(result);
}

std::string format_iso8601(Timestamp at, bool date_only) {
  using namespace std::chrono;
  const sys_seconds t{seconds{at}};
  const sys_days day = floor<days>(t);
  const year_month_day date{day};
  if (date_only)
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
  const hh_mm_ss clock{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

}  // namespace casegraph
