// Children's services' missing-episode log: the council's own ids, ISO dates,
// LF line ends, children's names spelt the council's way.
#include <fmt/format.h>

#include "engine/synth/exports.h"
#include "engine/synth/texts.h"

namespace casegraph::synth {

FileSummary write_social_care_missing(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "social_care_missing.csv", false);
  out.header({"EpisodeId", "ChildId", "ChildForename", "ChildSurname", "ChildDOB", "Placement", "PlacementType",
              "MissingFrom", "ReportedAt", "Returned", "FoundAtPostcode", "ReturnInterview"});
  std::vector<EpisodeRow> rows;
  std::vector<bool> seen(w.pop.people.size(), false);  // one bit a person: whose noise is tallied
  std::size_t cursor = 0;
  std::uint64_t serial = 0;
  for (int month = 0; month < kPeriodMonths; ++month) {
    rows.clear();
    cursor = take_month(w.planted.episodes, cursor, month, rows, [](const EpisodeRow& e) { return e.start; });
    w.background.episodes(month, rows);
    sort_episodes(rows);
    for (const EpisodeRow& ep : rows) {
      const Person& child = w.pop.people[ep.child];
      const std::string episode_id = fmt::format("ME-{:07}", ++serial);
      const std::string child_id = fmt::format("SC-{:06}", child.child_id - 1);
      const PersonName name = w.noise.social_care_name(ep.child);
      out.field(episode_id).field(child_id).field(name.forename).field(name.surname);
      out.field(w.noise.social_care_dob(ep.child));
      out.field(w.pop.placement(ep.child)).field(w.pop.placement_type(ep.child));
      out.field(iso_local(ep.start)).field(iso_local(ep.reported)).field(iso_local(ep.end));
      out.field(ep.found == kNone ? std::string() : w.noise.postcode(ep.found, w.noise.style(0x5c, serial, {9, 0, 1})));
      out.field(texts::interview(ep.interview));
      out.end_row();
      ctx.truth("social_care_missing", episode_id, child_id, ep.child);
      if (ep.ring >= 0) ++ctx.evidence[static_cast<std::size_t>(ep.ring)].missing_episodes;
      if (!seen[ep.child]) {
        seen[ep.child] = true;
        ++ctx.tally.social_care_children;
        if (w.noise.social_care_dob_altered(ep.child)) ++ctx.tally.social_care_dobs_altered;
        if (child.nominal != 0) ++ctx.tally.social_care_children_on_police_index;
        // Against the reference spelling, which the police index holds.
        if (!(name == w.noise.true_name(ep.child))) ++ctx.tally.social_care_names_differ;
      }
    }
    ctx.progress("social_care_missing.csv", static_cast<std::uint64_t>(month + 1), kPeriodMonths);
  }
  out.close();
  return {"social_care_missing.csv", out.rows(), out.bytes()};
}

}  // namespace casegraph::synth
