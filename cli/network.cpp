// casegraph network CASE ID...: the connecting network of a set of entities, as
// i2 Analyst's Notebook's Find Connecting Network: the entities plus every
// entity and link on a shortest path between any two of them (all tied
// shortest paths, costed as in `casegraph path`).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/entity_lookup.h"
#include "cli/linking_options.h"
#include "engine/linking/connecting_network.h"
#include "engine/linking/link_graph.h"

namespace casegraph::cli {
namespace {

struct NetworkOptions {
  std::string case_path;
  std::vector<std::string> entities;
  std::string format = "text";
  std::string cost = "inverse";
  std::size_t avoid_hubs = 0;
};

void run_network(const NetworkOptions& o) {
  const LinkCostModel model = link_cost_model(o.cost);
  if (o.entities.size() < 2) throw UsageError("network needs at least two entities");
  LinkingCase c(o.case_path);
  std::vector<VertexId> seeds;
  for (const std::string& name : o.entities) seeds.push_back(c.vertex(name));
  LinkGraph lg = build_link_graph(c.graph, model);
  ConnectingNetworkParams params;
  params.search.no_transit = hubs_by_degree(lg.graph, o.avoid_hubs);
  ConnectingNetwork net = connecting_network(lg.graph, seeds, params);
  std::vector<std::uint32_t> links;
  for (auto [u, v] : net.edges)
    for (std::uint32_t l : lg.links_of(*lg.graph.arc(u, v))) links.push_back(l);
  std::sort(links.begin(), links.end());
  Describer d(c);
  if (o.format == "json") {
    nlohmann::json out = subgraph_json(d, net.vertices, links);
    out["case"] = o.case_path;
    out["seeds"] = nlohmann::json::array();
    for (VertexId s : seeds) out["seeds"].push_back(c.graph.entity[s]);
    out["cost_model"] = o.cost;
    out["pairs"] = nlohmann::json::array();
    for (const auto& [pair, cost] : net.distances)
      out["pairs"].push_back({{"a", c.graph.entity[pair.first]}, {"b", c.graph.entity[pair.second]}, {"cost", cost}});
    for (const auto& [a, b] : net.unconnected)
      out["pairs"].push_back({{"a", c.graph.entity[a]}, {"b", c.graph.entity[b]}, {"cost", nullptr}});
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print("Connecting network of {} entities ({} cost): {} entities, {} links.\n", seeds.size(), o.cost,
               net.vertices.size(), links.size());
    for (const auto& [pair, cost] : net.distances)
      fmt::print("  {} to {}: shortest cost {:.3f}\n", d.entity_text(pair.first), d.entity_text(pair.second), cost);
    for (const auto& [a, b] : net.unconnected)
      fmt::print("  {} to {}: not connected\n", d.entity_text(a), d.entity_text(b));
    fmt::print("\n");
    print_subgraph(d, c.graph, net.vertices, links);
  }
  CaseFile::Transaction tx(c.file);
  c.file.audit("network", {{"case", o.case_path}, {"entities", o.entities}, {"cost", o.cost}, {"avoid_hubs", o.avoid_hubs}},
               fmt::format("connecting network of {} entities: {} entities, {} links", seeds.size(),
                           net.vertices.size(), links.size()));
  tx.commit();
}

}  // namespace

void add_network_command(CLI::App& app) {
  auto o = std::make_shared<NetworkOptions>();
  CLI::App* cmd = app.add_subcommand(
      "network",
      "Connecting network of a set of entities (as i2's Find Connecting Network): the entities plus every entity\n"
      "and link on a shortest path between any two of them. Entities are named as for `casegraph path`.");
  cmd->add_option("CASE", o->case_path, "Case file (SQLite)")->required();
  cmd->add_option("ID", o->entities, "Two or more entities")->required();
  add_text_or_json_format(cmd, o->format);
  add_path_cost_options(cmd, o->cost, o->avoid_hubs);
  cmd->callback([o] { run_network(*o); });
}

}  // namespace casegraph::cli
