// casegraph export CASE --format F -o OUT: the case, or one ranked cluster and
// its neighbourhood, as a chart for the analyst's own tools (Gephi, i2
// Analyst's Notebook, Cytoscape, Neo4j, Graphviz, spreadsheets), with the
// scores and cluster ranks of a run; optionally without restricted items and
// with names and identifiers replaced by keyed hashes.
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/case_data.h"
#include "cli/chart.h"
#include "cli/commands.h"
#include "exporters/anx.h"
#include "exporters/atomic_file.h"
#include "exporters/chart_filter.h"
#include "exporters/chart_style.h"
#include "exporters/csv_tables.h"
#include "exporters/cytoscape.h"
#include "exporters/dot.h"
#include "exporters/gexf.h"
#include "exporters/graphml.h"
#include "exporters/neo4j_csv.h"
#include "exporters/pseudonymise.h"

namespace casegraph::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFormats{"graphml", "gexf", "anx", "cytoscape", "neo4j", "dot", "csv"};

// Where a format of several files goes: into OUT when OUT is a directory (or
// ends with '/', and is then created), else beside it as OUT_<name> (a
// trailing ".csv" on OUT dropped): "-o exports/op" gives exports/op_nodes.csv.
std::vector<fs::path> file_set_paths(const std::string& output, const std::vector<ExportFile>& files) {
  std::vector<fs::path> out;
  const bool directory = (!output.empty() && output.back() == '/') || fs::is_directory(output);
  if (directory) fs::create_directories(output);
  std::string prefix = output;
  if (!directory && prefix.size() > 4 && prefix.compare(prefix.size() - 4, 4, ".csv") == 0) prefix.resize(prefix.size() - 4);
  for (const ExportFile& f : files) out.push_back(directory ? fs::path(output) / f.name : fs::path(prefix + "_" + f.name));
  return out;
}

std::vector<fs::path> write_file_set(const std::string& output, const std::vector<ExportFile>& files) {
  const std::vector<fs::path> paths = file_set_paths(output, files);
  std::vector<FileToWrite> writes;
  for (std::size_t i = 0; i < files.size(); ++i) writes.push_back({paths[i], files[i].write});
  write_files_atomically(writes);
  return paths;
}

void check_usage(const ExportOptions& options) {
  if (options.depth < 0) throw UsageError("--depth must be 0 or more");
  if (options.depth > 0 && options.cluster == 0) throw UsageError("--depth needs --cluster N");
  if (options.cluster < 0) throw UsageError("--cluster takes a cluster rank, 1 or more");
  if (!options.max_handling.empty() && !parse_handling_code(options.max_handling))
    throw UsageError("--max-handling must be P or C (or a 5x5x5 handling code 1-5), not '" + options.max_handling + "'");
  if (!options.size_by.empty() && options.format != "gexf") throw UsageError("--size-by applies to --format gexf only");
  if (!options.pseudonymise_key.empty()) {
    std::error_code ec;
    if (fs::weakly_canonical(options.pseudonymise_key, ec) == fs::weakly_canonical(options.output, ec))
      throw UsageError("the pseudonymisation key file cannot be the output");
  }
}

Chart cut_chart(Chart chart, const ExportOptions& options, std::string& notes) {
  if (!options.max_handling.empty()) {
    HandlingCut cut;
    chart = cut_by_handling(chart, *parse_handling_code(options.max_handling), &cut);
    notes += fmt::format(", max handling {}: {} entities and {} links left out", *parse_handling_code(options.max_handling),
                         cut.nodes_removed, cut.edges_removed);
  }
  if (options.cluster > 0) {
    chart = cluster_subset(chart, options.cluster, options.depth);
    notes += fmt::format(", cluster {} to depth {}", options.cluster, options.depth);
  }
  if (!options.pseudonymise_key.empty()) {
    bool created = false;
    const PseudonymKey key = load_or_create_key(options.pseudonymise_key, &created);
    if (created) {
      std::cerr << "export: created a new pseudonymisation key in " << options.pseudonymise_key
                << " (readable by you only). Keep it apart from the export: whoever holds it can test a name "
                   "against the chart; use it again for exports that must match.\n";
    }
    chart = pseudonymise(chart, key);
    notes += ", pseudonymised";
  }
  return chart;
}

}  // namespace

void run_export(const ExportOptions& options) {
  check_usage(options);
  CaseFile file = CaseFile::open(options.case_path, false);
  std::optional<RunRow> run = options.run_id > 0 ? file.run(options.run_id) : file.latest_run();
  if (options.run_id > 0 && !run)
    throw std::runtime_error(fmt::format("{}: no analysis run {}", options.case_path, options.run_id));
  if (options.cluster > 0 && !run)
    throw std::runtime_error(fmt::format("{}: --cluster needs an analysis run (casegraph analyse)", options.case_path));
  CaseData data = load_case_data(file);
  std::string notes;
  const Chart chart = cut_chart(build_chart(file, std::move(data), run), options, notes);

  std::string written = options.output;
  if (options.format == "graphml") {
    write_file_atomically(options.output, [&](std::ostream& out) { write_graphml(chart, out); });
  } else if (options.format == "gexf") {
    GexfOptions gexf;
    if (!options.size_by.empty()) {
      const std::set<std::string> measures = score_measures(chart);
      if (measures.count(options.size_by) == 0) {
        std::string known;
        for (const std::string& m : measures) known += (known.empty() ? "" : ", ") + m;
        throw std::runtime_error(fmt::format("--size-by {}: no entity has that score{}", options.size_by,
                                             known.empty() ? " (no analysis run)" : "; scores: " + known));
      }
      gexf.size_by = options.size_by;
    }
    write_file_atomically(options.output, [&](std::ostream& out) { write_gexf(chart, out, gexf); });
  } else if (options.format == "anx") {
    write_file_atomically(options.output, [&](std::ostream& out) { write_anx(chart, out); });
  } else if (options.format == "cytoscape") {
    write_file_atomically(options.output, [&](std::ostream& out) { write_cytoscape(chart, out); });
  } else if (options.format == "dot") {
    write_file_atomically(options.output, [&](std::ostream& out) { write_dot(chart, out); });
  } else if (options.format == "neo4j" || options.format == "csv") {
    const std::vector<ExportFile> files = options.format == "neo4j" ? neo4j_files(chart) : csv_tables(chart);
    const std::vector<fs::path> paths = write_file_set(options.output, files);
    written.clear();
    for (const fs::path& p : paths) written += (written.empty() ? "" : ", ") + p.string();
    if (options.format == "neo4j") notes += "; import with: " + neo4j_import_command(paths[0].string(), paths[1].string());
  } else {
    throw UsageError("unknown export format '" + options.format + "'");
  }

  std::string summary = fmt::format("wrote {} as {} ({} nodes, {} edges{}{})", written, options.format,
                                    chart.nodes.size(), chart.edges.size(),
                                    run ? fmt::format(", run {}", run->id) : "", notes);
  nlohmann::json arguments = {{"case", options.case_path}, {"format", options.format}, {"output", options.output}};
  if (run) arguments["run"] = run->id;
  if (options.cluster > 0) arguments["cluster"] = options.cluster, arguments["depth"] = options.depth;
  if (!options.max_handling.empty()) arguments["max_handling"] = options.max_handling;
  // The key file's name is recorded, never the key.
  if (!options.pseudonymise_key.empty()) arguments["pseudonymise_key_file"] = options.pseudonymise_key;
  file.audit("export", arguments, summary);
  fmt::print("export: {}\n", summary);
}

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write the case, or one cluster, as a chart for other tools");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--format", options->format,
                  "graphml (yEd, networkx, igraph), gexf (Gephi), anx (i2 Analyst's Notebook), cytoscape "
                  "(Cytoscape.js JSON), neo4j (neo4j-admin import CSVs), dot (Graphviz), csv (entity and link tables)")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output,
                  "Output file; for neo4j and csv a directory (files inside) or a prefix (PREFIX_nodes.csv ...). "
                  "Written atomically")
      ->required();
  cmd->add_option("--run", options->run_id, "Analysis run whose scores and clusters to include (default: latest)");
  cmd->add_option("--cluster", options->cluster, "Export only the cluster of this rank (1 = review first)");
  cmd->add_option("--depth", options->depth, "With --cluster: add every entity within N links of its members");
  cmd->add_option("--pseudonymise", options->pseudonymise_key,
                  "Replace names and identifiers by keyed hashes; the key is read from this file, created with a "
                  "random key if absent, and never written to the export");
  cmd->add_option("--max-handling", options->max_handling,
                  "Leave out items whose handling code is more restrictive than this (P or C)");
  cmd->add_option("--size-by", options->size_by, "gexf: the score that sizes nodes (default pagerank)");
  cmd->footer(
      "Examples:\n"
      "  casegraph export case.db --format gexf -o case.gexf --size-by betweenness\n"
      "  casegraph export case.db --format anx -o cluster1.anx --cluster 1 --depth 1 --max-handling P\n"
      "  casegraph export case.db --format neo4j -o neo4j/ --pseudonymise review.key");
  cmd->callback([options] { run_export(*options); });
}

}  // namespace casegraph::cli
