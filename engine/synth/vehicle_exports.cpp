// Vehicle exports: the registered-keeper extract (one row per vehicle, keeper
// by name and date of birth) and the ANPR camera reads. LF line ends.
#include <fmt/format.h>

#include "engine/synth/exports.h"

namespace casegraph::synth {

// The VRM as the keeper extract writes it: styles vary by vehicle.
std::string keeper_vrm(const World& w, std::uint32_t vehicle) {
  return Noise::vrm(w.pop.vrm(vehicle), w.noise.style(0x7e4, vehicle, {5, 3, 1, 1}));
}

FileSummary write_vehicle_keepers(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "vehicle_keepers.csv", false);
  out.header({"VRM", "Make", "Colour", "PrivateHireLicence", "KeeperForename", "KeeperSurname", "KeeperDOB",
              "KeeperPostcode"});
  const auto total = static_cast<std::uint32_t>(w.pop.vehicles.size());
  for (std::uint32_t v = 0; v < total; ++v) {
    const Vehicle& vehicle = w.pop.vehicles[v];
    if (vehicle.keeper == kNone) continue;  // false plates: on no keeper file
    const std::string vrm = keeper_vrm(w, v);
    const PersonName name = w.noise.keeper_name(vehicle.keeper, v);
    const std::string dob = w.noise.keeper_dob(vehicle.keeper, v);
    out.field(vrm).field(w.pop.make(v)).field(w.pop.colour(v));
    out.field((vehicle.flags & vehicle_flag::taxi) != 0 ? fmt::format("PH/{:05}", v % 100000) : std::string());
    out.field(name.forename).field(name.surname).field(dob);
    out.field(w.noise.postcode(w.pop.home_postcode(vehicle.keeper), w.noise.style(0x7e5, v, {6, 0, 1})));
    out.end_row();
    ctx.truth("vehicle_keepers", vrm, fmt::format("{}|{}|{}", name.forename, name.surname, dob), vehicle.keeper);
    ++ctx.tally.keeper_rows;
    if (!(name == w.noise.police_name(vehicle.keeper, false))) ++ctx.tally.keeper_names_differ;
    if (w.noise.keeper_dob_altered(vehicle.keeper, v)) ++ctx.tally.keeper_dobs_altered;
    if ((v + 1) % 65536 == 0) ctx.progress("vehicle_keepers.csv", v + 1, total);
  }
  out.close();
  ctx.progress("vehicle_keepers.csv", total, total);
  return {"vehicle_keepers.csv", out.rows(), out.bytes()};
}

FileSummary write_anpr_reads(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "anpr_reads.csv", false);
  out.header({"ReadId", "VRM", "CameraId", "CameraPostcode", "ReadAt"});
  // Camera postcodes and ANPR's VRM form (upper case, no space) are fixed:
  // computed once rather than per read.
  std::vector<std::string> camera_postcodes;
  for (const Camera& c : w.pop.cameras) camera_postcodes.push_back(w.pop.postcode(c.postcode));
  std::vector<ReadRow> rows;
  std::size_t cursor = 0;
  std::uint64_t serial = 0;
  for (int month = 0; month < kPeriodMonths; ++month) {
    rows.clear();
    cursor = take_month(w.planted.reads, cursor, month, rows, [](const ReadRow& r) { return r.t; });
    w.background.reads(month, rows);
    sort_by_time(rows);
    for (const ReadRow& read : rows) {
      out.fieldf("R{:09}", ++serial);
      out.field(Noise::vrm(w.pop.vrm(read.vehicle), 1));
      out.fieldf("CAM-{:04}", read.camera + 1);
      out.field(camera_postcodes[read.camera]);
      out.field(read.t);
      out.end_row();
      if (read.ring >= 0) ++ctx.evidence[static_cast<std::size_t>(read.ring)].anpr_reads;
    }
    ctx.progress("anpr_reads.csv", static_cast<std::uint64_t>(month + 1), kPeriodMonths);
  }
  out.close();
  return {"anpr_reads.csv", out.rows(), out.bytes()};
}

}  // namespace casegraph::synth
