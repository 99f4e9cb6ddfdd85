// casegraph export CASE --format graphml -o FILE: the case as a chart for the
// analyst's own tools, with the scores and cluster ranks of a run.
#include <fmt/format.h>

#include "cli/case_data.h"
#include "cli/chart.h"
#include "cli/commands.h"
#include "exporters/atomic_file.h"
#include "exporters/graphml.h"

namespace casegraph::cli {

void run_export(const ExportOptions& options) {
  CaseFile file = CaseFile::open(options.case_path, false);
  std::optional<RunRow> run = options.run_id > 0 ? file.run(options.run_id) : file.latest_run();
  if (options.run_id > 0 && !run)
    throw std::runtime_error(fmt::format("{}: no analysis run {}", options.case_path, options.run_id));
  CaseData data = load_case_data(file);
  Chart chart = build_chart(file, data, run);
  write_file_atomically(options.output, [&](std::ostream& out) { write_graphml(chart, out); });
  std::string summary = fmt::format("wrote {} ({} nodes, {} edges{})", options.output, chart.nodes.size(),
                                    chart.edges.size(), run ? fmt::format(", run {}", run->id) : "");
  file.audit("export", {{"case", options.case_path}, {"format", options.format}, {"output", options.output}},
             summary);
  fmt::print("export: {}\n", summary);
}

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write the case as a chart for other tools");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"graphml"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Output file (written atomically)")->required();
  cmd->add_option("--run", options->run_id, "Analysis run whose scores and clusters to include (default: latest)");
  cmd->footer("GraphML opens in Gephi, Cytoscape, yEd, networkx and igraph.");
  cmd->callback([options] { run_export(*options); });
}

}  // namespace casegraph::cli
