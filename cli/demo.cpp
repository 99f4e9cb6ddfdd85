// casegraph demo: the worked example of README.md, end to end, on the bundled
// synthetic case (examples/case) or on a folder written by `casegraph synth`
// (--data): import every agency's export in the order of IMPORT_ORDER,
// resolve, analyse, print the ranked clusters, export GraphML and, when the
// folder has a truth.json, score the run against what was planted.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "importers/import_order.h"

namespace casegraph::cli {
namespace {

namespace fs = std::filesystem;

struct DemoOptions {
  std::string data = CASEGRAPH_EXAMPLES_DIR "/case";
  std::string dir = "casegraph-demo";
};

void heading(const std::string& text) { fmt::print("\n== {}\n", text); }

void run_demo(const DemoOptions& options) {
  fs::path dir = options.dir;
  fs::create_directories(dir);
  fs::path case_path = dir / "case.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(case_path.string() + suffix);

  heading(fmt::format("casegraph import: each agency's export into {}", case_path.string()));
  for (const auto& [spec, csv] : read_import_order(options.data)) {
    fmt::print("$ casegraph import {} --spec {} {}\n", case_path.string(), spec.string(), csv.string());
    run_import({case_path.string(), spec.string(), {csv.string()}});
  }
  heading("casegraph resolve: one identity per person across agencies");
  run_resolve({case_path.string()});
  heading("casegraph analyse: projection, centrality, communities, ranked clusters");
  AnalyseOptions analyse;
  analyse.case_path = case_path.string();
  run_analyse(analyse);
  heading("casegraph clusters: the clusters to review first");
  ClustersOptions clusters;
  clusters.case_path = case_path.string();
  clusters.top = 5;
  run_clusters(clusters);
  heading("casegraph export: GraphML for Gephi, Cytoscape, yEd, networkx, igraph");
  ExportOptions export_options;
  export_options.case_path = case_path.string();
  export_options.output = (dir / "case.graphml").string();
  run_export(export_options);
  const fs::path truth = fs::path(options.data) / "truth.json";
  if (fs::exists(truth)) {
    heading("casegraph evaluate: the run scored against what the generator planted (truth.json)");
    EvaluateOptions evaluate;
    evaluate.case_path = case_path.string();
    evaluate.truth_path = truth.string();
    run_evaluate(evaluate);
  }
  fmt::print("\nThe case file is {}; try `casegraph clusters {} --format json`.\n", case_path.string(),
             case_path.string());
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand(
      "demo", "Run the worked example on the bundled synthetic case, or on a folder written by `casegraph synth`");
  cmd->add_option("--dir", options->dir, "Folder for the demo's case file and export (replaced)")
      ->capture_default_str();
  cmd->add_option("--data,--examples", options->data,
                  "Folder of agency exports with an IMPORT_ORDER: the bundled example, or `casegraph synth` output")
      ->capture_default_str();
  cmd->footer(
      "Every name and record in the example is synthetic. With a truth.json in the folder the demo ends with\n"
      "`casegraph evaluate`. Try: casegraph synth --people 10000 -o synth10k && casegraph demo --data synth10k");
  cmd->callback([options] { run_demo(*options); });
}

}  // namespace casegraph::cli
