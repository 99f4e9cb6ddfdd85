// casegraph analyse CASE: one analysis run, stored in the case file with its
// parameters, the engine version and a hash of what it read, so that any
// ranking can be reproduced and disclosed.
#include <algorithm>

#include <fmt/format.h>

#include "cli/case_data.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "engine/triage/analysis.h"
#include "engine/triage/evidence_ties.h"
#include "engine/model/datetime.h"

namespace casegraph::cli {
namespace {

std::optional<Timestamp> parse_date_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  std::optional<Timestamp> t = parse_datetime(text, DateFormat::iso8601, nullptr);
  if (!t) throw UsageError(fmt::format("{} '{}': expected a date such as 2025-03-01 or 2025-03-01T18:00", option, text));
  return t;
}

CommunityMethod community_method(const std::string& name) {
  if (name == "leiden") return CommunityMethod::leiden;
  if (name == "leiden-cpm") return CommunityMethod::leiden_cpm;
  if (name == "louvain") return CommunityMethod::louvain;
  throw UsageError(fmt::format("--community '{}': expected leiden, leiden-cpm or louvain", name));
}

nlohmann::json run_parameters(const AnalyseOptions& o) {
  return {{"from", o.from},
          {"to", o.to},
          {"link_types", o.link_types},
          {"seed", o.seed},
          {"threads", o.threads},
          {"resolution", o.resolution},
          {"hub_limit", o.hub_limit},
          {"projection", "people, through shared entities within 3 links, Newman 1/(k-1) weights"},
          {"communities", o.community},
          {"stability", {{"runs", o.stability_runs}, {"drop_share", o.stability_drop}, {"seed", o.seed},
                         {"core", "members with >= 2 projection links inside the cluster"},
                         {"together", ">= 80% of the core in one community"}}},
          {"without", o.without},
          {"copresence", "missing-episode co-presence (engine/linking/copresence.h, 1 h margin) with suspects"}};
}

// Person (canonical entity id) -> value of one measure, when the run has it.
std::map<std::int64_t, double> measure_of(const AnalysisResult& result, const std::string& measure) {
  std::map<std::int64_t, double> of;
  auto it = result.scores.find(measure);
  if (it == result.scores.end()) return of;
  for (std::size_t i = 0; i < it->second.size(); ++i)
    of[result.case_graph.entity[result.projection.case_vertex[i]]] = it->second[i];
  return of;
}

ClusterRow cluster_row(const RankedCluster& c, const CaseData& data,
                       const std::map<std::int64_t, std::vector<std::string>>& roles,
                       const std::map<std::int64_t, double>& proximity) {
  nlohmann::json components = nlohmann::json::array();
  for (const ScoreComponent& part : c.components) components.push_back(to_json(part));
  nlohmann::json members = nlohmann::json::array();
  for (std::int64_t id : c.members) {
    auto r = roles.find(id);
    nlohmann::json member = {{"entity_id", id},
                             {"label", data.entity(id).label},
                             {"entities", data.identities->members(id)},
                             {"roles", r == roles.end() ? std::vector<std::string>{} : r->second}};
    if (auto p = proximity.find(id); p != proximity.end()) member["victim_proximity"] = p->second;
    members.push_back(std::move(member));
  }
  nlohmann::json breakdown = {{"components", components}, {"members", members}};
  if (c.stability >= 0) {
    breakdown["stability"] = c.stability;
    breakdown["core"] = c.core;
  }
  return {c.community, c.rank, c.score, std::move(breakdown), c.members};
}

}  // namespace

std::int64_t run_analyse(const AnalyseOptions& options) {
  AnalysisParams params;
  params.filter.from = parse_date_option(options.from, "--from");
  params.filter.to = parse_date_option(options.to, "--to");
  params.filter.link_types = options.link_types;
  params.projection.hub_limit = options.hub_limit;
  params.projection.threads = options.threads;
  params.seed = options.seed;
  params.threads = options.threads;
  params.resolution = options.resolution;
  params.community = community_method(options.community);
  params.stability = options.stability_runs > 0;
  params.stability_params.runs = std::max<std::uint32_t>(options.stability_runs, 1);
  params.stability_params.drop_share = options.stability_drop;
  params.stability_params.seed = options.seed;
  for (const std::string& name : options.without) {
    const auto& names = score_component_names();
    const auto& ties = tie_family_names();
    if (std::find(names.begin(), names.end(), name) == names.end() &&
        std::find(ties.begin(), ties.end(), name) == ties.end())
      throw UsageError(fmt::format("--without '{}': not a score component nor a tie family", name));
    params.clusters.disabled.insert(name);
  }
  if (!(options.stability_drop >= 0 && options.stability_drop < 1))
    throw UsageError("--stability-drop: expected a share in [0, 1)");

  CaseFile file = CaseFile::open(options.case_path, false);
  const std::string started = now_iso8601();
  CaseData data = load_case_data(file);
  Progress progress("analyse");
  AnalysisResult result = analyse_case(data.entities, std::move(data.links), *data.identities, params,
                                       [&](const std::string& phase, double seconds) {
                                         progress.finish();
                                         fmt::print(stderr, "analyse: {} done in {:.3f} s\n", phase, seconds);
                                       });

  CaseFile::Transaction transaction(file);
  RunRow run;
  run.kind = "analyse";
  run.parameters = run_parameters(options);
  run.engine_version = CASEGRAPH_VERSION;
  run.input_hash = file.content_hash();
  run.started_at = started;
  std::int64_t run_id = file.add_run(run);

  std::vector<ScoreRow> scores;
  for (const auto& [measure, values] : result.scores)
    for (std::size_t i = 0; i < values.size(); ++i)
      scores.push_back({result.case_graph.entity[result.projection.case_vertex[i]], measure, values[i]});
  file.add_scores(run_id, scores);
  auto roles = person_roles(result.case_graph);
  const auto proximity = measure_of(result, "victim_proximity");
  std::vector<ClusterRow> clusters;
  for (const RankedCluster& c : result.clusters) clusters.push_back(cluster_row(c, data, roles, proximity));
  file.add_clusters(run_id, clusters);
  file.finish_run(run_id, now_iso8601());

  std::string summary = fmt::format(
      "run {}: {} vertices, {} links kept; {} people, {} person-person edges, {} hubs set aside; "
      "{} communities (modularity {:.3f}), {} clusters ranked",
      run_id, result.case_graph.graph.num_vertices(), result.case_graph.links.size(),
      result.projection.graph.num_vertices(), result.projection.graph.num_edges(), result.projection.hubs.size(),
      result.membership.empty() ? 0 : *std::max_element(result.membership.begin(), result.membership.end()) + 1,
      result.modularity, result.clusters.size());
  file.audit("analyse", {{"case", options.case_path}, {"parameters", run.parameters}}, summary);
  transaction.commit();
  fmt::print("analyse: {}\n", summary);
  return run_id;
}

void add_analyse_command(CLI::App& app) {
  auto options = std::make_shared<AnalyseOptions>();
  CLI::App* cmd = app.add_subcommand("analyse", "Score people, find communities and rank clusters");
  cmd->alias("analyze");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--from", options->from, "Keep links dated on or after this date (ISO 8601)");
  cmd->add_option("--to", options->to, "Keep links dated on or before this date (ISO 8601)");
  cmd->add_option("--link-types", options->link_types, "Keep only these link types (default: all)")->delimiter(',');
  cmd->add_option("--seed", options->seed, "Seed for community detection")->capture_default_str();
  cmd->add_option("--threads", options->threads, "Threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--resolution", options->resolution,
                  "Resolution of community detection (modularity's gamma, or CPM's; higher = smaller communities)")
      ->capture_default_str();
  cmd->add_option("--community", options->community, "Community detection on the person projection")
      ->check(CLI::IsMember({"leiden", "leiden-cpm", "louvain"}))
      ->capture_default_str();
  cmd->add_option("--stability-runs", options->stability_runs,
                  "Perturbed runs for each cluster's stability figure (0 = none)")
      ->capture_default_str();
  cmd->add_option("--stability-drop", options->stability_drop,
                  "Share of the ties between people each perturbed run drops at random")
      ->capture_default_str();
  cmd->add_option("--without", options->without,
                  "Score components or tie families (projection, call_ties, episode_calls, night_calls, "
                  "copresence_ties) to leave out, for measuring what each contributes (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--hub-limit", options->hub_limit,
                  "Entities shared by more people than this link nobody (shopping centres, petrol stations)")
      ->capture_default_str();
  cmd->footer("The run, its parameters and results are stored in the case file; see `casegraph clusters`.");
  cmd->callback([options] { run_analyse(*options); });
}

}  // namespace casegraph::cli
