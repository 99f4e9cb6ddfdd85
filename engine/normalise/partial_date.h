#pragma once
// Dates as records give them: often whole, sometimes a month and year or a
// year alone, with day and month swapped between agencies.
#include <optional>
#include <string_view>

namespace casegraph::normalise {

struct PartialDate {
  std::optional<int> year, month, day;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// Accepted (a time part after the date, "T10:00:00Z" or " 10:30", is ignored):
//   ISO 8601 YYYY-MM-DD, YYYY-MM, YYYY; compact YYYYMMDD;
//   day first DD/MM/YYYY, D/M/YYYY, D/M/YY (separators / - or .);
//   MM/YYYY; "12 Mar 1990", "12 March 1990".
// Two-digit years: 00-29 are 20xx, 30-99 are 19xx (a fixed pivot, so that the
// result never depends on the clock). Years outside 1000-2999, months outside
// 1-12 and days past the month's end (31 April, 29 February 2001) make it
// impossible: nullopt. UK order only: 03/12/1990 is 3 December.
std::optional<PartialDate> partial_date(std::string_view text);

// How two dates of birth agree, strongest first. Both whole:
//   exact; day_month_swapped (same year, day and month exchanged, day != month);
//   one_part_differs (two of year, month, day equal); year_only (same year,
//   month and day both differ); within_a_year (different years, less than 366
//   days apart); differ.
// Partial dates compare on the parts both give: year and month agree (one or
// both lack the day) -> one_part_differs; only the years are shared and they
// agree, or the years agree but the months differ -> year_only; years differ
// by one -> within_a_year; otherwise differ.
// missing when either side is absent or has no year.
enum class DateAgreement { exact, day_month_swapped, one_part_differs, year_only, within_a_year, differ, missing };
DateAgreement compare_dates(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b);

}  // namespace casegraph::normalise
