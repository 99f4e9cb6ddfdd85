// casegraph measure GRAPH --algorithm NAME -o OUT.csv: one algorithm on a
// plain graph file (edge list, GML, GraphML), for checking against other tools
// and for benchmarks. Writes "vertex,value" (or "vertex,community") rows.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "cli/algorithms.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "exporters/atomic_file.h"
#include "importers/graph_file.h"

namespace casegraph::cli {
namespace {

struct MeasureOptions {
  std::string graph_path;
  std::string algorithm;
  std::string output;
  std::string format = "auto";
  bool weighted = false;
  bool directed = false;
  std::vector<std::string> seeds;  // --seeds: vertex names of a PageRank restart set
  MeasureRequest request;
};

GraphFormat parse_format(const std::string& name) {
  if (name == "edgelist") return GraphFormat::edge_list;
  if (name == "gml") return GraphFormat::gml;
  if (name == "graphml") return GraphFormat::graphml;
  return GraphFormat::automatic;
}

// The vertex ids of the --seeds names; an unknown name is bad input.
std::vector<VertexId> restart_set(const LoadedGraph& loaded, const std::vector<std::string>& seeds) {
  if (seeds.empty()) return {};
  std::unordered_map<std::string_view, VertexId> id;
  for (VertexId v = 0; v < loaded.names.size(); ++v) id.emplace(loaded.names[v], v);
  std::vector<VertexId> ids;
  for (const std::string& name : seeds) {
    auto it = id.find(name);
    if (it == id.end()) throw std::invalid_argument(fmt::format("--seeds: no vertex named '{}' in the graph", name));
    ids.push_back(it->second);
  }
  return ids;
}

void run_measure(MeasureOptions options) {
  const AlgorithmEntry* algorithm = find_algorithm(options.algorithm);
  if (!algorithm) throw UsageError(fmt::format("unknown algorithm '{}'", options.algorithm));
  Stopwatch load_clock;
  LoadedGraph loaded =
      read_graph_file(options.graph_path, {parse_format(options.format), options.directed, options.weighted});
  const double load_seconds = load_clock.seconds();
  options.request.weighted = options.weighted;
  options.request.restart = restart_set(loaded, options.seeds);
  Stopwatch run_clock;
  std::vector<double> values = algorithm->run(loaded.graph, options.request);
  const double run_seconds = run_clock.seconds();

  write_file_atomically(options.output, [&](std::ostream& out) {
    out << (algorithm->partition ? "vertex,community\n" : "vertex,value\n");
    char number[64];
    for (VertexId v = 0; v < loaded.graph.num_vertices(); ++v) {
      if (algorithm->partition)
        std::snprintf(number, sizeof number, "%.0f", values[v]);
      else
        std::snprintf(number, sizeof number, "%.17g", values[v]);
      const std::string& name = loaded.names[v];
      bool quote = name.find_first_of(",\"\n\r") != std::string::npos;
      if (quote) {
        out << '"';
        for (char c : name) out << (c == '"' ? "\"\"" : std::string(1, c));
        out << '"';
      } else {
        out << name;
      }
      out << ',' << number << '\n';
    }
  });
  fmt::print(stderr, "measure: {} vertices, {} edges{}{}; read in {:.3f} s, {} in {:.3f} s; wrote {}\n",
             loaded.graph.num_vertices(), loaded.graph.num_edges(), options.directed ? " (directed)" : "",
             loaded.self_loops_dropped ? fmt::format(", {} self-loops dropped", loaded.self_loops_dropped) : "",
             load_seconds, algorithm->name, run_seconds, options.output);
  fmt::print(stderr, "measure: analysis graph {} bytes ({:.1f} per edge)\n", loaded.graph.memory_bytes(),
             loaded.graph.num_edges() ? static_cast<double>(loaded.graph.memory_bytes()) /
                                            static_cast<double>(loaded.graph.num_edges())
                                      : 0.0);
}

}  // namespace

void add_measure_command(CLI::App& app) {
  auto options = std::make_shared<MeasureOptions>();
  CLI::App* cmd = app.add_subcommand("measure", "Run one algorithm on a plain graph file and write a CSV");
  cmd->add_option("GRAPH", options->graph_path, "Edge list (gzip allowed), GML or GraphML file")->required();
  std::string names;
  for (const AlgorithmEntry& a : algorithm_registry()) names += fmt::format("\n  {:<14} {}", a.name, a.description);
  cmd->add_option("--algorithm", options->algorithm, "Algorithm, one of:" + names)->required();
  cmd->add_option("-o,--output", options->output, "Output CSV: vertex,value or vertex,community")->required();
  cmd->add_flag("--weighted", options->weighted, "Read and use edge weights (third column, GML value/weight)");
  cmd->add_flag("--directed", options->directed, "Treat edges as directed");
  cmd->add_option("--format", options->format, "Input format")
      ->check(CLI::IsMember({"auto", "edgelist", "gml", "graphml"}))
      ->capture_default_str();
  cmd->add_option("--threads", options->request.threads, "Threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--seed", options->request.seed, "Seed for randomised algorithms")->capture_default_str();
  cmd->add_option("--resolution", options->request.resolution, "Resolution for community detection")
      ->capture_default_str();
  cmd->add_option("--seeds", options->seeds,
                  "pagerank: restart set, comma-separated vertex names (personalised PageRank, e.g. a case's "
                  "victims)")
      ->delimiter(',');
  cmd->add_option("--tolerance", options->request.tolerance,
                  "pagerank: stop when a sweep changes the scores by less than this in L1 (default 1e-12; igraph's "
                  "PRPACK uses 1e-10)")
      ->check(CLI::Range(1e-300, 1.0));
  cmd->add_option("--k", options->request.k, "kpp_neg / kpp_pos: size of the key-player set")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--epsilon", options->request.epsilon,
                  "betweenness_sampled: error bound on the normalised scale (betweenness / (n(n-1)))")
      ->check(CLI::Range(1e-6, 0.999999))
      ->capture_default_str();
  cmd->add_option("--delta", options->request.delta, "betweenness_sampled: probability the bound may fail")
      ->check(CLI::Range(1e-9, 0.999999))
      ->capture_default_str();
  cmd->add_option("--quality", options->request.quality, "Leiden quality function")
      ->check(CLI::IsMember({"modularity", "cpm"}))
      ->capture_default_str();
  cmd->footer(
      "Self-loops are dropped and parallel edges merged (weights summed), as in the reference figures.");
  cmd->callback([options] { run_measure(*options); });
}

}  // namespace casegraph::cli
