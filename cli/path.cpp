// casegraph path CASE A B: the shortest and k-shortest simple paths between two
// entities, each step with its link type, dates and source record.
//
// Cost of a link (engine/linking/link_graph.h): strength = weight x grading
// confidence; --cost inverse (default) makes a step cost 1/strength (a
// recorded fact costs 1, a 3E report 5), --cost log makes it -ln(strength)
// (the path's cost is -ln of the product of its strengths). Entities joined by
// active match decisions are one identity. --time-advances keeps only paths
// whose link dates never go backwards from A to B (undated facts fit anywhere).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/entity_lookup.h"
#include "cli/linking_options.h"
#include "engine/linking/temporal_path.h"

namespace casegraph::cli {
namespace {

struct PathOptions {
  std::string case_path;
  std::string from;
  std::string to;
  std::size_t k = 1;
  bool time_advances = false;
  std::string format = "text";
  std::string cost = "inverse";
  std::size_t avoid_hubs = 0;
  std::size_t max_candidates = 2000;
};

nlohmann::json path_json(const Describer& d, const LinkGraph& lg, const LinkedPath& p) {
  nlohmann::json steps = nlohmann::json::array();
  for (std::size_t s = 0; s < p.links.size(); ++s) {
    auto arc = lg.graph.arc(p.path.vertices[s], p.path.vertices[s + 1]);
    steps.push_back({{"from", d.entity_json(p.path.vertices[s]).at("entity_id")},
                     {"to", d.entity_json(p.path.vertices[s + 1]).at("entity_id")},
                     {"link", d.link_json(p.links[s])},
                     {"other_links_between", lg.links_of(*arc).size() - 1}});
  }
  nlohmann::json entities = nlohmann::json::array();
  for (VertexId v : p.path.vertices) entities.push_back(d.entity_json(v));
  return {{"cost", p.path.cost}, {"length", p.links.size()}, {"entities", entities}, {"steps", steps}};
}

void print_path(const Describer& d, const LinkGraph& lg, const LinkedPath& p, std::size_t index, std::size_t count) {
  fmt::print("Path {} of {}: cost {:.3f}, {} link{}\n", index, count, p.path.cost, p.links.size(),
             p.links.size() == 1 ? "" : "s");
  for (std::size_t s = 0; s < p.path.vertices.size(); ++s) {
    const VertexId v = p.path.vertices[s];
    std::string sources;
    auto records = d.entity_records(v);
    for (std::size_t r = 0; r < records.size() && r < 3; ++r) sources += (r ? "; " : "") + records[r].text();
    if (records.size() > 3) sources += fmt::format("; +{} more", records.size() - 3);
    fmt::print("  {}\n      from {}\n", d.entity_text(v), sources.empty() ? "no source record" : sources);
    if (s + 1 == p.path.vertices.size()) break;
    auto arc = lg.graph.arc(v, p.path.vertices[s + 1]);
    const std::size_t others = lg.links_of(*arc).size() - 1;
    fmt::print("    -- {}{}\n", d.link_text(p.links[s]),
               others ? fmt::format(" (+{} other link{} between these two)", others, others == 1 ? "" : "s") : "");
  }
  fmt::print("\n");
}

void run_path(const PathOptions& o) {
  const LinkCostModel model = link_cost_model(o.cost);
  if (o.k == 0) throw UsageError("--k must be at least 1");
  LinkingCase c(o.case_path);
  const VertexId a = c.vertex(o.from), b = c.vertex(o.to);
  LinkGraph lg = build_link_graph(c.graph, model);
  LinkedPathParams params;
  params.k = o.k;
  params.time_advances = o.time_advances;
  params.max_candidates = std::max(o.max_candidates, o.k);
  params.search.no_transit = hubs_by_degree(lg.graph, o.avoid_hubs);
  LinkedPathResult result = linked_paths(lg, c.graph.links, a, b, params);
  Describer d(c);
  if (o.format == "json") {
    nlohmann::json out = {{"case", o.case_path},
                          {"from", d.entity_json(a)},
                          {"to", d.entity_json(b)},
                          {"cost_model", o.cost},
                          {"time_advances", o.time_advances},
                          {"avoid_hubs", o.avoid_hubs},
                          {"candidates_examined", result.candidates_examined},
                          {"search_exhausted", result.search_exhausted},
                          {"paths", nlohmann::json::array()}};
    for (const LinkedPath& p : result.paths) out["paths"].push_back(path_json(d, lg, p));
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print("Paths from {} to {} ({} cost{}{}):\n\n", d.entity_text(a), d.entity_text(b), o.cost,
               o.time_advances ? ", dates moving forward" : "",
               o.avoid_hubs ? fmt::format(", not through entities with more than {} neighbours", o.avoid_hubs) : "");
    for (std::size_t i = 0; i < result.paths.size(); ++i) print_path(d, lg, result.paths[i], i + 1, result.paths.size());
    if (result.paths.empty()) fmt::print("No path{}.\n", o.time_advances ? " whose dates move forward" : "");
    if (result.paths.size() < o.k && !result.search_exhausted)
      fmt::print("Stopped after {} candidate paths (--max-candidates).\n", result.candidates_examined);
  }
  CaseFile::Transaction tx(c.file);
  c.file.audit("path",
               {{"case", o.case_path}, {"from", o.from}, {"to", o.to}, {"k", o.k}, {"time_advances", o.time_advances},
                {"cost", o.cost}, {"avoid_hubs", o.avoid_hubs}},
               fmt::format("{} path(s) between entities {} and {}", result.paths.size(), c.graph.entity[a],
                           c.graph.entity[b]));
  tx.commit();
}

}  // namespace

void add_path_command(CLI::App& app) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* cmd = app.add_subcommand(
      "path",
      "Shortest and k-shortest simple paths between two entities, each step with its link type, dates and source "
      "record.\nEntities are named by id, key (police_nominal:N-024934), a source's record id (N-024934) or exact "
      "label.\nLink cost: inverse = 1/strength (default), log = -ln(strength); strength = link weight x grading "
      "confidence.");
  cmd->add_option("CASE", o->case_path, "Case file (SQLite)")->required();
  cmd->add_option("A", o->from, "First entity")->required();
  cmd->add_option("B", o->to, "Second entity")->required();
  cmd->add_option("--k", o->k, "How many paths (k shortest, Yen's algorithm)")->capture_default_str();
  cmd->add_flag("--time-advances", o->time_advances, "Only paths whose link dates never go backwards from A to B");
  add_text_or_json_format(cmd, o->format);
  add_path_cost_options(cmd, o->cost, o->avoid_hubs);
  cmd->add_option("--max-candidates", o->max_candidates,
                  "With --time-advances: candidate paths examined before giving up")
      ->capture_default_str();
  cmd->callback([o] { run_path(*o); });
}

}  // namespace casegraph::cli
