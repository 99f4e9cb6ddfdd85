// casegraph linked CASE ID --depth N: the neighbourhood of an entity, every
// entity within N links and the links among them (i2's "expand"); with
// --time-advances only what a chain of links with forward-moving dates reaches.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/entity_lookup.h"
#include "cli/linking_options.h"
#include "engine/linking/link_graph.h"
#include "engine/linking/neighbourhood.h"

namespace casegraph::cli {
namespace {

struct LinkedOptions {
  std::string case_path;
  std::vector<std::string> entities;
  int depth = 1;
  bool time_advances = false;
  std::string format = "text";
  std::size_t avoid_hubs = 0;
};

void run_linked(const LinkedOptions& o) {
  if (o.depth < 0) throw UsageError("--depth must be 0 or more");
  LinkingCase c(o.case_path);
  std::vector<VertexId> seeds;
  for (const std::string& name : o.entities) seeds.push_back(c.vertex(name));
  LinkGraph lg = build_link_graph(c.graph, LinkCostModel::inverse);
  NeighbourhoodParams params;
  params.depth = o.depth;
  params.time_advances = o.time_advances;
  params.search.no_transit = hubs_by_degree(lg.graph, o.avoid_hubs);
  Neighbourhood nb = neighbourhood(lg, c.graph.links, seeds, params);
  Describer d(c);
  if (o.format == "json") {
    nlohmann::json out = subgraph_json(d, nb.vertices, nb.links, &nb.depth);
    out["case"] = o.case_path;
    out["depth"] = o.depth;
    out["time_advances"] = o.time_advances;
    out["seeds"] = nlohmann::json::array();
    for (VertexId s : seeds) out["seeds"].push_back(c.graph.entity[s]);
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print("Within {} link{} of {}{}: {} entities, {} links. [n] is the number of links from the start.\n\n",
               o.depth, o.depth == 1 ? "" : "s", d.entity_text(seeds.front()),
               o.time_advances ? " (dates moving forward)" : "", nb.vertices.size(), nb.links.size());
    print_subgraph(d, c.graph, nb.vertices, nb.links, &nb.depth);
  }
  CaseFile::Transaction tx(c.file);
  c.file.audit("linked",
               {{"case", o.case_path}, {"entities", o.entities}, {"depth", o.depth}, {"time_advances", o.time_advances}},
               fmt::format("neighbourhood: {} entities, {} links", nb.vertices.size(), nb.links.size()));
  tx.commit();
}

}  // namespace

void add_linked_command(CLI::App& app) {
  auto o = std::make_shared<LinkedOptions>();
  CLI::App* cmd = app.add_subcommand(
      "linked",
      "Neighbourhood of an entity: every entity within N links and the links among them.\n"
      "Entities are named as for `casegraph path`.");
  cmd->add_option("CASE", o->case_path, "Case file (SQLite)")->required();
  cmd->add_option("ID", o->entities, "Entity (or several: the union of their neighbourhoods)")->required();
  cmd->add_option("--depth", o->depth, "Links away from the entity")->capture_default_str();
  cmd->add_flag("--time-advances", o->time_advances,
                "Only entities reached by a chain of links whose dates never go backwards");
  add_text_or_json_format(cmd, o->format);
  cmd->add_option("--avoid-hubs", o->avoid_hubs,
                  "Reach but do not expand entities with more than N neighbours (0: no limit)")
      ->capture_default_str();
  cmd->callback([o] { run_linked(*o); });
}

}  // namespace casegraph::cli
