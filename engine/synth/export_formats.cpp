// Date and time text shared by the export writers.
#include <fmt/format.h>

#include "engine/synth/exports.h"

namespace casegraph::synth {

std::string iso_local(std::int64_t t) {
  const CivilTime c = civil_time(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.date.year, c.date.month, c.date.day, c.hour, c.minute,
                     c.second);
}

std::string iso_utc(std::int64_t t) { return iso_local(t) + 'Z'; }

std::string dmy_hm(std::int64_t t) {
  const CivilTime c = civil_time(t);
  return fmt::format("{:02}/{:02}/{:04} {:02}:{:02}", c.date.day, c.date.month, c.date.year, c.hour, c.minute);
}

std::string dmy(std::int64_t t) { return ddmmyyyy(civil_time(t).date); }

}  // namespace casegraph::synth
