// casegraph demo: the worked example of README.md, end to end, on the bundled
// synthetic case (examples/case): import every agency's export in the order of
// IMPORT_ORDER, resolve, analyse, print the ranked clusters, export GraphML.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace casegraph::cli {
namespace {

namespace fs = std::filesystem;

struct DemoOptions {
  std::string examples = CASEGRAPH_EXAMPLES_DIR "/case";
  std::string dir = "casegraph-demo";
};

// IMPORT_ORDER: one "SPEC CSV" pair a line, paths relative to its folder;
// '#' starts a comment.
std::vector<std::pair<fs::path, fs::path>> import_order(const fs::path& examples) {
  std::ifstream in(examples / "IMPORT_ORDER");
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read IMPORT_ORDER", examples.string()));
  std::vector<std::pair<fs::path, fs::path>> order;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string spec, csv;
    if (!(words >> spec)) continue;
    if (!(words >> csv)) throw std::runtime_error(fmt::format("IMPORT_ORDER: '{}' names no CSV file", line));
    order.emplace_back(examples / spec, examples / csv);
  }
  return order;
}

void heading(const std::string& text) { fmt::print("\n== {}\n", text); }

void run_demo(const DemoOptions& options) {
  fs::path dir = options.dir;
  fs::create_directories(dir);
  fs::path case_path = dir / "case.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(case_path.string() + suffix);

  heading(fmt::format("casegraph import: each agency's export into {}", case_path.string()));
  for (const auto& [spec, csv] : import_order(options.examples)) {
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
  fmt::print("\nThe case file is {}; try `casegraph clusters {} --format json`.\n", case_path.string(),
             case_path.string());
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Run the worked example on the bundled synthetic case");
  cmd->add_option("--dir", options->dir, "Folder for the demo's case file and export (replaced)")
      ->capture_default_str();
  cmd->add_option("--examples", options->examples, "Folder of the example case")->capture_default_str();
  cmd->footer("Every name and record in the example is synthetic.");
  cmd->callback([options] { run_demo(*options); });
}

}  // namespace casegraph::cli
