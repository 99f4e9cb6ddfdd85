#pragma once
// The seven agency exports, each written by its own function, month by month
// where the export is a log of events: the planted rows of the month are
// merged with the month's background, sorted by time and given the agency's
// record ids in that order. Nothing but the current month is held.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/synth/background.h"
#include "engine/synth/calendar.h"
#include "engine/synth/csv_writer.h"
#include "engine/synth/events.h"
#include "engine/synth/networks.h"
#include "engine/synth/noise.h"
#include "engine/synth/params.h"
#include "engine/synth/population.h"
#include "engine/synth/synth.h"

namespace casegraph::synth {

// Everything decided before the first row is written.
struct World {
  World(const SynthParams& p, Population&& population, Plan&& networks, EventSet&& events)
      : params(p),
        pop(std::move(population)),
        plan(std::move(networks)),
        planted(std::move(events)),
        noise(pop, params),
        background(pop, plan, params) {}
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  const SynthParams& params;
  Population pop;
  Plan plan;
  EventSet planted;
  Noise noise;
  Background background;
};

// Builds the world: population, roles, phones, planted evidence, records and
// names, in that order.
std::unique_ptr<World> build_world(const SynthParams& params);

// Evidence rows written for one planted network.
struct RingEvidence {
  std::uint64_t missing_episodes = 0;
  std::uint64_t anpr_reads = 0;
  std::uint64_t calls = 0;
  std::uint64_t occurrence_rows = 0;
  std::uint64_t intelligence = 0;
  std::uint64_t total() const { return missing_episodes + anpr_reads + calls + occurrence_rows + intelligence; }
};

// The noise as realised, for truth.json.
struct NoiseTally {
  std::uint64_t nominal_records = 0;
  std::uint64_t nominal_duplicates = 0;
  std::uint64_t nominal_dob_missing = 0;
  std::uint64_t social_care_children = 0;
  std::uint64_t social_care_children_on_police_index = 0;
  std::uint64_t social_care_names_differ = 0;  // spelt otherwise than the police spell them
  std::uint64_t social_care_dobs_altered = 0;
  std::uint64_t keeper_rows = 0;
  std::uint64_t keeper_names_differ = 0;
  std::uint64_t keeper_dobs_altered = 0;
};

struct ExportContext {
  const World& world;
  std::filesystem::path dir;
  CsvWriter& truth_records;  // source,record_id,person_key,person_id
  std::vector<RingEvidence>& evidence;
  NoiseTally& tally;

  void progress(std::string_view stage, std::uint64_t done, std::uint64_t total) const {
    if (world.params.progress) world.params.progress({stage, done, total});
  }
  void truth(std::string_view source, std::string_view record_id, std::string_view key, std::uint32_t person) const {
    truth_records.field(source).field(record_id).field(key).field(static_cast<std::int64_t>(person)).end_row();
  }
};

FileSummary write_police_nominals(ExportContext& ctx);
FileSummary write_police_occurrences(ExportContext& ctx);
FileSummary write_intelligence(ExportContext& ctx);
FileSummary write_social_care_missing(ExportContext& ctx);
FileSummary write_vehicle_keepers(ExportContext& ctx);
FileSummary write_anpr_reads(ExportContext& ctx);
FileSummary write_call_records(ExportContext& ctx);

// Moves planted rows of `month` (from `cursor` on; in the last month, all that
// are left) into `out`, returning the new cursor. `planted` is sorted by time.
template <class Row, class TimeOf>
std::size_t take_month(const std::vector<Row>& planted, std::size_t cursor, int month, std::vector<Row>& out,
                       TimeOf time_of) {
  const bool last = month == kPeriodMonths - 1;
  const std::int64_t end = month_start(month + 1);
  while (cursor < planted.size() && (last || time_of(planted[cursor]) < end)) out.push_back(planted[cursor++]);
  return cursor;
}

// The VRM as the keeper extract writes it (its style is fixed per vehicle).
std::string keeper_vrm(const World& w, std::uint32_t vehicle);

// "2024-03-02T21:27:00", "2024-03-02T21:27:00Z", "02/03/2024 21:27", "02/03/2024".
std::string iso_local(std::int64_t t);
std::string iso_utc(std::int64_t t);
std::string dmy_hm(std::int64_t t);
std::string dmy(std::int64_t t);

}  // namespace casegraph::synth
