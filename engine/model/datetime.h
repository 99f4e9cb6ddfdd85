#pragma once
// Dates and times in the formats a mapping spec names.
//
// Conventions:
// - A Timestamp is Unix seconds, UTC (engine/model/pole.h). A time written
//   without an offset is taken as UTC: agency exports rarely say, and UK
//   forces record local time, so an analyst who needs BST corrected gives
//   ISO 8601 with an offset. A date alone is midnight UTC.
// - Fractional seconds are accepted and dropped (rounded down).
// - The calendar is checked (31/02 and 29/02 outside leap years are errors);
//   hours 0-23, minutes and seconds 0-59; years 0001-9999.
// - Surrounding spaces are ignored; anything else unexpected is an error.
//
// Formats (the names used in specs):
//   "iso8601"             YYYY-MM-DD, optionally followed by T or a space and
//                         HH:MM, HH:MM:SS or HH:MM:SS.fff, then optionally Z
//                         or an offset +HH:MM / -HH:MM / +HHMM (applied)
//   "YYYY-MM-DD"          a date
//   "DD/MM/YYYY"          a date; day and month may be one digit
//   "DD/MM/YYYY HH:MM"    the hour may be one digit
//   "DD/MM/YYYY HH:MM:SS"
//   "epoch"               integer seconds since 1970-01-01T00:00:00Z
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/pole.h"

namespace casegraph {

enum class DateFormat { iso8601, ymd, dmy, dmy_hm, dmy_hms, epoch };

// The format a spec names, or nullopt for an unknown name.
std::optional<DateFormat> parse_date_format(std::string_view name);
// The name a spec uses for `format`.
std::string_view date_format_name(DateFormat format);
// "iso8601, YYYY-MM-DD, DD/MM/YYYY, ..." for error messages.
std::string date_format_names();

// Parses `text` in `format`. On failure returns nullopt and, when `error` is
// given, sets it to the reason. When `date_only` is given it is set to true
// for a value with no time of day (so it can be written back as a date).
std::optional<Timestamp> parse_datetime(std::string_view text, DateFormat format, std::string* error,
                                        bool* date_only = nullptr);

// "2024-02-29" when date_only, else "2024-02-29T13:05:09Z".
std::string format_iso8601(Timestamp at, bool date_only);

}  // namespace casegraph
