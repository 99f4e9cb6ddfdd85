#pragma once
// Each subcommand lives in its own file: its options, a run function (which the
// demo reuses) and its registration on the app.
// Errors: throw UsageError for bad usage (exit 2); any other exception from a
// command is bad input or a failed operation (exit 1), printed with its reason.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
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
  ResolveOptions() = default;
  // Implicit on purpose: run_resolve({case_path}) resolves with the defaults.
  ResolveOptions(std::string case_file) : case_path(std::move(case_file)) {}  // NOLINT(google-explicit-constructor)
  std::string case_path;
  std::string review_queue;             // CSV of borderline pairs; empty: none
  std::int64_t unmerge = 0;             // analyst actions (one at a time): entity ids
  std::vector<std::int64_t> confirm;    // two ids
  std::vector<std::int64_t> reject;     // two ids
  double match_probability = 0.5;       // posterior at or above which pairs (and cluster averages) join
  double review_low = 0.1;              // review band of posterior probabilities
  double review_high = 0.9;
  bool exact_only = false;
  int threads = 0;
};
void run_resolve(const ResolveOptions& options);
void add_resolve_command(CLI::App& app);

struct EntitiesOptions {
  std::string case_path;
  std::string format = "csv";
  std::string output;  // empty: standard output
  std::string type = "person";
};
void run_entities(const EntitiesOptions& options);
void add_entities_command(CLI::App& app);

struct AnalyseOptions {
  std::string case_path;
  std::string from;  // dates as text, parsed by the command
  std::string to;
  std::vector<std::string> link_types;
  std::uint64_t seed = 1;
  int threads = 0;
  double resolution = 2.0;
  std::uint32_t hub_limit = 50;
  std::string community = "leiden";        // leiden | leiden-cpm | louvain
  std::uint32_t stability_runs = 20;       // 0: no stability figure
  double stability_drop = 0.1;
  std::vector<std::string> without;        // score components left out (ablation)
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

struct ExplainOptions {
  std::string case_path;
  std::int64_t cluster = 0;  // rank of the cluster in the run
  std::int64_t run_id = 0;
  std::string format = "text";
};
void run_explain(const ExplainOptions& options);
void add_explain_command(CLI::App& app);

struct ExportOptions {
  std::string case_path;
  std::string format = "graphml";
  std::string output;
  std::int64_t run_id = 0;
  std::int64_t cluster = 0;      // ranked cluster to export alone; 0: the whole case
  int depth = 0;                 // with cluster: neighbourhood depth
  std::string pseudonymise_key;  // key file; empty: names kept
  std::string max_handling;      // "P" or "C"; empty: everything
  std::string size_by;           // gexf node size score; empty: pagerank
};
void run_export(const ExportOptions& options);
void add_export_command(CLI::App& app);

struct EvaluateOptions {
  std::string case_path;
  std::string truth_path;
  std::int64_t run_id = 0;
  std::size_t top = 10;
  std::string format = "table";
};
void run_evaluate(const EvaluateOptions& options);
void add_evaluate_command(CLI::App& app);

void add_measure_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_synth_command(CLI::App& app);
void add_path_command(CLI::App& app);
void add_network_command(CLI::App& app);
void add_linked_command(CLI::App& app);
void add_copresence_command(CLI::App& app);

}  // namespace casegraph::cli
