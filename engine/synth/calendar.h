#pragma once
// Civil dates and times for the generator, all UTC (the exports carry no zone,
// as in the example case). Days are counted from 1970-01-01, times are Unix
// seconds. Conversions are Howard Hinnant's days_from_civil/civil_from_days:
// exact for the proleptic Gregorian calendar, no time-zone database needed.
#include <cstdint>

namespace casegraph::synth {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

struct CivilTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};

constexpr std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::int64_t kDay = 86400;

constexpr CivilTime civil_time(std::int64_t t) {
  std::int64_t days = t / kDay;
  std::int64_t rem = t % kDay;
  if (rem < 0) {
    rem += kDay;
    --days;
  }
  return {civil_from_days(days), static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
          static_cast<int>(rem % 60)};
}

constexpr std::int64_t unix_time(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return days_from_civil(y, m, d) * kDay + hh * 3600 + mm * 60 + ss;
}

// Whole years between a date of birth and a day (both in days since 1970-01-01).
constexpr int age_on(std::int64_t dob_days, std::int64_t on_days) {
  const CivilDate b = civil_from_days(dob_days);
  const CivilDate o = civil_from_days(on_days);
  int age = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

// The period every generated event falls in: 36 months, 2023-01-01 to 2025-12-31.
inline constexpr int kPeriodStartYear = 2023;
inline constexpr int kPeriodMonths = 36;
constexpr std::int64_t month_start(int month_index) {  // 0..kPeriodMonths (the end)
  return unix_time(kPeriodStartYear + month_index / 12, month_index % 12 + 1, 1);
}
inline constexpr std::int64_t kPeriodStart = month_start(0);
inline constexpr std::int64_t kPeriodEnd = month_start(kPeriodMonths);
// Ages in the population are fixed at this day, the middle of the period.
inline constexpr std::int64_t kReferenceDay = days_from_civil(2024, 7, 1);

}  // namespace casegraph::synth
