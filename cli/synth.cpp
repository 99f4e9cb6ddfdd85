// `casegraph synth`: writes a synthetic multi-agency case (seven agency-shaped
// CSV exports, their mapping specs, IMPORT_ORDER, truth.json and
// truth_records.csv) for demos, tests and benchmarks. See engine/synth/synth.h.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "engine/synth/synth.h"

#if __has_include("cli/commands.h")
#include "cli/commands.h"
#define CASEGRAPH_HAVE_USAGE_ERROR 1
#endif

namespace casegraph::cli {

namespace {

struct SynthOptions {
  synth::SynthParams params;
  std::string output;
  bool force = false;
  bool quiet = false;
};

// "\rsynth: anpr_reads.csv 12/36" on stderr, rewritten in place; only on a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void operator()(const synth::SynthProgress& p) {
    if (!enabled_) return;
    const std::string line = fmt::format("synth: {} {}/{}", p.stage, p.done, p.total);
    if (line == last_) return;
    std::fprintf(stderr, "\r%-60s", line.c_str());
    std::fflush(stderr);
    last_ = line;
  }
  void finish() {
    if (enabled_ && !last_.empty()) std::fprintf(stderr, "\r%-60s\r", "");
  }

 private:
  bool enabled_;
  std::string last_;
};

std::string size_text(std::uint64_t bytes) {
  if (bytes < 10'000) return fmt::format("{} B", bytes);
  if (bytes < 10'000'000) return fmt::format("{:.1f} kB", static_cast<double>(bytes) / 1e3);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

void run_synth(SynthOptions& options) {
  namespace fs = std::filesystem;
  const fs::path dir(options.output);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw std::runtime_error(fmt::format("{}: exists and is not a directory", dir.string()));
  if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec) && !options.force)
    throw std::runtime_error(
        fmt::format("{}: the directory is not empty; choose another or give --force to replace its files", dir.string()));

  auto progress = std::make_shared<ProgressLine>(!options.quiet && ::isatty(STDERR_FILENO) != 0);
  options.params.progress = [progress](const synth::SynthProgress& p) { (*progress)(p); };
  const auto started = std::chrono::steady_clock::now();
  synth::SynthReport report;
  try {
    report = synth::synthesize(options.params, dir);
  } catch (const std::invalid_argument& e) {
    progress->finish();
#ifdef CASEGRAPH_HAVE_USAGE_ERROR
    throw UsageError(e.what());
#else
    throw;
#endif
  } catch (...) {
    progress->finish();
    throw;
  }
  progress->finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.quiet) return;
  std::printf("%s: %llu people, %zu planted networks, seed %llu\n", dir.string().c_str(),
              static_cast<unsigned long long>(report.people), report.networks,
              static_cast<unsigned long long>(options.params.seed));
  for (const synth::FileSummary& f : report.files)
    std::printf("  %-26s %12llu rows %12s\n", f.name.c_str(), static_cast<unsigned long long>(f.rows),
                size_text(f.bytes).c_str());
  std::printf("%llu rows in %.1f s; import with the specs in IMPORT_ORDER; truth.json says what was planted\n",
              static_cast<unsigned long long>(report.rows()), seconds);
}

}  // namespace

void add_synth_command(CLI::App& app) {
  auto options = std::make_shared<SynthOptions>();
  CLI::App* cmd = app.add_subcommand(
      "synth",
      "Write a synthetic multi-agency case: police nominals, occurrences and intelligence, a children's services "
      "missing-episode log, vehicle keepers, ANPR reads and call records, each with its mapping spec and "
      "IMPORT_ORDER, with exploitation networks planted among ordinary people and identity noise between "
      "agencies. truth.json and truth_records.csv say what was planted and who each record is. Deterministic: "
      "the same --people and --seed give the same bytes. All names, postcodes (area EB) and phone numbers "
      "(07700 xxxxxx) are fictional.");
  cmd->add_option("--people", options->params.people, "Population size")
      ->check(CLI::Range(synth::kMinPeople, synth::kMaxPeople))
      ->capture_default_str();
  cmd->add_option("--seed", options->params.seed, "Random seed")->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Directory to write (created if missing)")->required();
  cmd->add_option("--networks", options->params.networks,
                  "Planted exploitation networks (0: one per 4,000 people, at least 4)")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  cmd->add_option("--social-care-name-noise", options->params.noise.social_care_name,
                  "Share of children whose name children's services spell differently from the police")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--keeper-name-noise", options->params.noise.keeper_name,
                  "Share of keeper rows spelt differently from the police")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--calls-per-phone", options->params.volumes.calls_per_phone,
                  "Ordinary calls made by each phone over the 36 months")
      ->check(CLI::Range(0.0, 100000.0))
      ->capture_default_str();
  cmd->add_option("--reads-per-vehicle", options->params.volumes.reads_per_vehicle,
                  "Ordinary ANPR reads of each vehicle over the 36 months")
      ->check(CLI::Range(0.0, 100000.0))
      ->capture_default_str();
  cmd->add_flag("--force", options->force, "Write into a directory that is not empty, replacing files of the same names");
  cmd->add_flag("-q,--quiet", options->quiet, "Print nothing (progress goes to stderr only on a terminal anyway)");
  cmd->callback([options] { run_synth(*options); });
}

}  // namespace casegraph::cli
