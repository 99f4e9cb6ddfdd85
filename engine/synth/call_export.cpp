// Call data records: one row per call, numbers in national or international
// form, times in UTC with a Z. LF line ends.
#include <fmt/format.h>

#include "engine/synth/exports.h"

namespace casegraph::synth {

FileSummary write_call_records(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "call_records.csv", false);
  out.header({"CallId", "CallerNumber", "CalledNumber", "StartedAt", "DurationSeconds"});
  std::vector<CallRow> rows;
  std::size_t cursor = 0;
  std::uint64_t serial = 0;
  for (int month = 0; month < kPeriodMonths; ++month) {
    rows.clear();
    cursor = take_month(w.planted.calls, cursor, month, rows, [](const CallRow& c) { return c.t; });
    w.background.calls(month, rows);
    sort_by_time(rows);
    for (const CallRow& call : rows) {
      ++serial;
      // National (style 2) or international (style 4), per end.
      const std::uint64_t styles = hash_keys(w.params.seed, {0xca11, serial});
      out.fieldf("C{:09}", serial);
      out.field(Noise::phone(call.caller, (styles & 1) != 0 ? 2 : 4));
      out.field(Noise::phone(call.called, (styles & 2) != 0 ? 2 : 4));
      out.field(iso_utc(call.t));
      out.field(static_cast<std::int64_t>(call.duration));
      out.end_row();
      if (call.ring >= 0) ++ctx.evidence[static_cast<std::size_t>(call.ring)].calls;
    }
    ctx.progress("call_records.csv", static_cast<std::uint64_t>(month + 1), kPeriodMonths);
  }
  out.close();
  return {"call_records.csv", out.rows(), out.bytes()};
}

}  // namespace casegraph::synth
