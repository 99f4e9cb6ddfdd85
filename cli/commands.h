#pragma once
// Each subcommand lives in its own file: its options, a run function (which the
// demo reuses) and its registration on the app.
// Errors: throw UsageError for bad usage (exit 2); any other exception from a
// command is bad input or a failed operation (exit 1), printed with its reason.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace casegraph::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  std::string case_path;
  std::string spec_path;
  std::vector<std::string> files;
};
void run_import(const ImportOptions& options);
void add_import_command(CLI::App& app);

struct ResolveOptions {
  std::string case_path;
};
void run_resolve(const ResolveOptions& options);
void add_resolve_command(CLI::App& app);

struct AnalyseOptions {
  std::string case_path;
  std::string from;  // dates as text, parsed by the command
  std::string to;
  std::vector<std::string> link_types;
  std::uint64_t seed = 1;
  int threads = 0;
  double resolution = 1.0;
  std::uint32_t hub_limit = 50;
};
// Returns the id of the stored run.
std::int64_t run_analyse(const AnalyseOptions& options);
void add_analyse_command(CLI::App& app);

struct ClustersOptions {
  std::string case_path;
  std::int64_t run_id = 0;
  std::size_t top = 10;
  std::string format = "table";
};
void run_clusters(const ClustersOptions& options);
void add_clusters_command(CLI::App& app);

struct ExportOptions {
  std::string case_path;
  std::string format = "graphml";
  std::string output;
  std::int64_t run_id = 0;
};
void run_export(const ExportOptions& options);
void add_export_command(CLI::App& app);

void add_measure_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_synth_command(CLI::App& app);

}  // namespace casegraph::cli
