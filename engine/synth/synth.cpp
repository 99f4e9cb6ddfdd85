#include "engine/synth/synth.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/synth/exports.h"
#include "engine/synth/identities.h"
#include "engine/synth/planted.h"
#include "engine/synth/specs.h"
#include "engine/synth/truth.h"

namespace casegraph::synth {

namespace {

void check_rate(double rate, const char* name) {
  if (!(rate >= 0 && rate <= 1)) throw std::invalid_argument(fmt::format("noise rate {} must be in 0..1, not {}", name, rate));
}
void check_volume(double volume, const char* name) {
  if (!(volume >= 0 && std::isfinite(volume) && volume <= 1e6))
    throw std::invalid_argument(fmt::format("volume {} must be 0 or more, not {}", name, volume));
}

void validate(const SynthParams& p) {
  if (p.people < kMinPeople || p.people > kMaxPeople)
    throw std::invalid_argument(
        fmt::format("people must be {}..{}, not {}", kMinPeople, kMaxPeople, p.people));
  if (p.networks < 0 || p.networks > 10000) throw std::invalid_argument(fmt::format("networks must be 0..10000, not {}", p.networks));
  check_rate(p.noise.social_care_name, "social_care_name");
  check_rate(p.noise.keeper_name, "keeper_name");
  check_rate(p.noise.nominal_duplicate, "nominal_duplicate");
  check_rate(p.noise.dob_swap, "dob_swap");
  check_rate(p.noise.police_dob_missing, "police_dob_missing");
  check_volume(p.volumes.calls_per_phone, "calls_per_phone");
  check_volume(p.volumes.reads_per_vehicle, "reads_per_vehicle");
  check_volume(p.volumes.occurrences_per_person, "occurrences_per_person");
}

void write_text(const std::filesystem::path& file, std::string_view text) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error(fmt::format("{}: cannot create", file.string()));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) throw std::runtime_error(fmt::format("{}: cannot write", file.string()));
}

void progress(const SynthParams& params, std::string_view stage, std::uint64_t done, std::uint64_t total) {
  if (params.progress) params.progress({stage, done, total});
}

}  // namespace

std::uint64_t SynthReport::rows() const {
  std::uint64_t total = 0;
  for (const FileSummary& f : files)
    if (f.name != "truth_records.csv") total += f.rows;
  return total;
}

std::unique_ptr<World> build_world(const SynthParams& params) {
  progress(params, "population", 0, 4);
  Population pop = Population::build(params.people, params.seed);
  progress(params, "networks", 1, 4);
  Plan plan = plan_networks(pop, params);
  assign_phones(pop, plan, params);
  progress(params, "planted evidence", 2, 4);
  EventSet planted = plant_evidence(pop, plan, params);
  progress(params, "identities", 3, 4);
  assign_records(pop, params);
  progress(params, "identities", 4, 4);
  return std::make_unique<World>(params, std::move(pop), std::move(plan), std::move(planted));
}

SynthReport synthesize(const SynthParams& params, const std::filesystem::path& dir) {
  validate(params);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw std::runtime_error(fmt::format("{}: cannot create the output directory{}", dir.string(),
                                         ec ? ": " + ec.message() : std::string()));

  const std::unique_ptr<World> world = build_world(params);
  for (const SpecFile& spec : spec_files()) write_text(dir / spec.spec, spec.text);
  write_text(dir / "IMPORT_ORDER", import_order_text());

  SynthReport report;
  report.people = world->pop.people.size();
  report.networks = world->plan.rings.size();
  std::vector<RingEvidence> evidence(world->plan.rings.size());
  NoiseTally tally;
  CsvWriter truth_records(dir / "truth_records.csv", false);
  truth_records.header({"source", "record_id", "person_key", "person_id"});
  ExportContext ctx{*world, dir, truth_records, evidence, tally};
  report.files.push_back(write_police_nominals(ctx));
  report.files.push_back(write_police_occurrences(ctx));
  report.files.push_back(write_intelligence(ctx));
  report.files.push_back(write_social_care_missing(ctx));
  report.files.push_back(write_vehicle_keepers(ctx));
  report.files.push_back(write_anpr_reads(ctx));
  report.files.push_back(write_call_records(ctx));
  truth_records.close();
  report.files.push_back({"truth_records.csv", truth_records.rows(), truth_records.bytes()});
  write_truth(*world, dir / "truth.json", evidence, tally, report.files);
  progress(params, "done", 1, 1);
  return report;
}

}  // namespace casegraph::synth
