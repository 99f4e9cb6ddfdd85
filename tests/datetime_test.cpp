// Dates in each format a mapping spec names: values checked against known
// Unix times, the calendar and clock validated, and ISO 8601 output.
#include <string>

#include <gtest/gtest.h>

#include "engine/model/datetime.h"

namespace casegraph {
namespace {

// 2024-02-29T13:05:09Z, a leap day.
constexpr Timestamp kLeapDay = 1709211909;
constexpr Timestamp kLeapMidnight = 1709164800;

Timestamp ok(std::string_view text, DateFormat format) {
  std::string error;
  const auto t = parse_datetime(text, format, &error);
  EXPECT_TRUE(t.has_value()) << text << ": " << error;
  return t.value_or(-1);
}

std::string refused(std::string_view text, DateFormat format) {
  std::string error;
  const auto t = parse_datetime(text, format, &error);
  EXPECT_FALSE(t.has_value()) << text << " parsed as " << t.value_or(0);
  return error;
}

TEST(DateTime, FormatNames) {
  for (const char* name : {"iso8601", "YYYY-MM-DD", "DD/MM/YYYY", "DD/MM/YYYY HH:MM", "DD/MM/YYYY HH:MM:SS", "epoch"}) {
    const auto format = parse_date_format(name);
    ASSERT_TRUE(format) << name;
    EXPECT_EQ(date_format_name(*format), name);
  }
  EXPECT_FALSE(parse_date_format("MM/DD/YYYY"));
  EXPECT_NE(date_format_names().find("DD/MM/YYYY HH:MM:SS"), std::string::npos);
}

TEST(DateTime, Iso8601Forms) {
  EXPECT_EQ(ok("2024-02-29", DateFormat::iso8601), kLeapMidnight);
  EXPECT_EQ(ok("2024-02-29T13:05", DateFormat::iso8601), kLeapDay - 9);
  EXPECT_EQ(ok("2024-02-29T13:05:09", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-02-29 13:05:09", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-02-29T13:05:09.999", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-02-29T13:05:09Z", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-02-29T14:05:09+01:00", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-02-29T08:35:09-0430", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("2024-03-01T00:35:09+11:30", DateFormat::iso8601), kLeapDay);
  EXPECT_EQ(ok("  1970-01-01T00:00:00Z ", DateFormat::iso8601), 0);
  EXPECT_EQ(ok("1969-12-31T23:59:59.5Z", DateFormat::iso8601), -1);
}

TEST(DateTime, DateOnlyIsReported) {
  bool date_only = false;
  ASSERT_TRUE(parse_datetime("2024-02-29", DateFormat::iso8601, nullptr, &date_only));
  EXPECT_TRUE(date_only);
  ASSERT_TRUE(parse_datetime("2024-02-29T10:00", DateFormat::iso8601, nullptr, &date_only));
  EXPECT_FALSE(date_only);
  ASSERT_TRUE(parse_datetime("29/02/2024", DateFormat::dmy, nullptr, &date_only));
  EXPECT_TRUE(date_only);
  ASSERT_TRUE(parse_datetime("0", DateFormat::epoch, nullptr, &date_only));
  EXPECT_FALSE(date_only);
}

TEST(DateTime, UkAndIsoDateFormats) {
  EXPECT_EQ(ok("2024-02-29", DateFormat::ymd), kLeapMidnight);
  EXPECT_EQ(ok("29/02/2024", DateFormat::dmy), kLeapMidnight);
  EXPECT_EQ(ok("1/3/2024", DateFormat::dmy), kLeapMidnight + 86400);
  EXPECT_EQ(ok("29/02/2024 13:05", DateFormat::dmy_hm), kLeapDay - 9);
  EXPECT_EQ(ok("29/02/2024 9:05", DateFormat::dmy_hm), kLeapMidnight + 9 * 3600 + 5 * 60);
  EXPECT_EQ(ok("29/02/2024 13:05:09", DateFormat::dmy_hms), kLeapDay);
  EXPECT_EQ(ok("1709211909", DateFormat::epoch), kLeapDay);
  EXPECT_EQ(ok("-86400", DateFormat::epoch), -86400);
}

TEST(DateTime, CalendarIsChecked) {
  EXPECT_NE(refused("31/02/2024", DateFormat::dmy).find("there is no day 31 in 2024-02"), std::string::npos);
  refused("29/02/2023", DateFormat::dmy);
  refused("29/02/1900", DateFormat::dmy);  // divisible by 100: not a leap year
  EXPECT_EQ(ok("29/02/2000", DateFormat::dmy), 951782400);  // divisible by 400: a leap year
  refused("2024-04-31", DateFormat::ymd);
  EXPECT_NE(refused("2024-13-01", DateFormat::iso8601).find("no month 13"), std::string::npos);
  refused("00/01/2024", DateFormat::dmy);
  refused("0000-01-01", DateFormat::ymd);
}

TEST(DateTime, ClockIsChecked) {
  EXPECT_NE(refused("01/01/2024 24:00", DateFormat::dmy_hm).find("hour 24"), std::string::npos);
  EXPECT_NE(refused("01/01/2024 23:60", DateFormat::dmy_hm).find("minute 60"), std::string::npos);
  refused("2024-01-01T12:00:60", DateFormat::iso8601);
  refused("2024-01-01T12:00+24:00", DateFormat::iso8601);
}

TEST(DateTime, ShapeIsChecked) {
  const std::string error = refused("2024/01/01", DateFormat::ymd);
  EXPECT_EQ(error, "'2024/01/01' is not a date in format YYYY-MM-DD: expected YYYY-MM-DD");
  refused("", DateFormat::iso8601);
  refused("2024-01-01Z", DateFormat::iso8601);
  refused("2024-1-01", DateFormat::iso8601);
  refused("01/01/2024", DateFormat::ymd);
  refused("01/01/24", DateFormat::dmy);
  refused("01/01/2024 10:00", DateFormat::dmy);
  refused("01/01/2024", DateFormat::dmy_hm);
  refused("01/01/2024 10:00", DateFormat::dmy_hms);
  refused("01/01/2024 10:00:00", DateFormat::dmy_hm);
  refused("2024-01-01T10:00:00.", DateFormat::iso8601);
  refused("12.5", DateFormat::epoch);
  refused("999999999999999", DateFormat::epoch);
  refused("99999999999999999999999", DateFormat::epoch);
}

TEST(DateTime, FormatsIso8601) {
  EXPECT_EQ(format_iso8601(kLeapDay, false), "2024-02-29T13:05:09Z");
  EXPECT_EQ(format_iso8601(kLeapDay, true), "2024-02-29");
  EXPECT_EQ(format_iso8601(-1, false), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_iso8601(0, true), "1970-01-01");
}

}  // namespace
}  // namespace casegraph
