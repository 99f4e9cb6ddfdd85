// casegraph clusters CASE: the ranked clusters of an analysis run, for review.
// table: one line per cluster, as an analyst scans it; json: every member with
// entity id, type, label, roles and the source records behind it; csv: one row
// per member, for a spreadsheet.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/case_data.h"
#include "cli/commands.h"

namespace casegraph::cli {
namespace {


double component_count(const ClusterRow& c, const std::string& name) {
  for (const auto& part : c.breakdown.at("components"))
    if (part.at("name") == name) return part.at("count").get<double>();
  return 0;
}

nlohmann::json member_json(const CaseFile& file, const EntityRow& entity, const nlohmann::json& member) {
  nlohmann::json records = nlohmann::json::array();
  for (const SourceKey& key : source_keys_of(file, member.at("entities").get<std::vector<std::int64_t>>()))
    records.push_back({{"source", key.source}, {"record_id", key.record_id}});
  return {{"entity_id", entity.id}, {"type", entity.type}, {"label", entity.label},
          {"roles", member.at("roles")}, {"merged_entities", member.at("entities")}, {"records", records}};
}

// Stability as stored with the run, or "-" for runs without it.
std::string stability_text(const ClusterRow& c) {
  if (!c.breakdown.contains("stability")) return "-";
  return fmt::format("{:.2f}", c.breakdown.at("stability").get<double>());
}

// Missing episodes of the members: the evidence of the victims component that
// are missing reports (older runs counted them as their own component).
double missing_episodes(const ClusterRow& c) {
  for (const auto& part : c.breakdown.at("components")) {
    if (part.at("name") == "missing_episodes") return part.at("count").get<double>();
    if (part.at("name") != "victims" || !part.contains("evidence")) continue;
    double n = 0;
    for (const auto& e : part.at("evidence"))
      if (e.at("what").get<std::string>().rfind("reported missing", 0) == 0) ++n;
    return n;
  }
  return 0;
}

std::string roles_text(const nlohmann::json& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ",") + r.get<std::string>();
  return out;
}

void print_table(const CaseFile& file, const RunRow& run, const std::vector<ClusterRow>& clusters) {
  fmt::print("Run {} of {} ({}), {} clusters; top {} by score:\n\n", run.id, file.path().filename().string(),
             run.finished_at, file.count_clusters(run.id), clusters.size());
  fmt::print("{:>4}  {:>6}  {:>9}  {:>6}  {:>7}  {:>8}  {:>7}  {}\n", "rank", "score", "stability", "people",
             "victims", "suspects", "missing", "members (roles)");
  for (const ClusterRow& c : clusters) {
    std::string members;
    for (const auto& m : c.breakdown.at("members")) {
      std::string roles = roles_text(m.at("roles"));
      members += (members.empty() ? "" : "; ") + m.at("label").get<std::string>() + (roles.empty() ? "" : " (" + roles + ")");
    }
    fmt::print("{:>4}  {:>6.2f}  {:>9}  {:>6}  {:>7}  {:>8}  {:>7}  {}\n", c.rank, c.score, stability_text(c),
               c.members.size(), component_count(c, "victims"), component_count(c, "suspects"),
               missing_episodes(c), members);
  }
  fmt::print("\nScores use link types, counts and dates only; no protected characteristic is an input.\n"
             "Stability: share of perturbed runs (ties between people dropped at random) keeping the cluster's "
             "core together.\n"
             "`casegraph explain {} --cluster N` shows why a cluster scores what it does, with its source rows.\n",
             file.path().string());
}

}  // namespace

void run_clusters(const ClustersOptions& options) {
  CaseFile file = CaseFile::open(options.case_path, false);
  RunRow run = find_run(file, options.run_id);
  // Only the clusters listed: each carries its evidence, 312 MB of it over a
  // run at 100k synth people.
  std::vector<ClusterRow> clusters = file.clusters(run.id, options.top);
  if (options.format == "table") {
    print_table(file, run, clusters);
  } else if (options.format == "json") {
    EntityLabels entities(file);
    nlohmann::json out = {{"run", run.id}, {"case", options.case_path}, {"parameters", run.parameters},
                          {"clusters", nlohmann::json::array()}};
    for (const ClusterRow& c : clusters) {
      nlohmann::json members = nlohmann::json::array();
      for (const auto& m : c.breakdown.at("members"))
        members.push_back(member_json(file, entities.entity(m.at("entity_id").get<std::int64_t>()), m));
      nlohmann::json cluster = {{"rank", c.rank}, {"cluster", c.cluster}, {"score", c.score},
                                {"components", c.breakdown.at("components")}, {"members", members}};
      cluster["stability"] = c.breakdown.contains("stability") ? c.breakdown.at("stability") : nlohmann::json(nullptr);
      out["clusters"].push_back(std::move(cluster));
    }
    std::cout << out.dump(2) << "\n";
  } else {
    EntityLabels entities(file);
    std::cout << "rank,score,stability,entity_id,type,label,roles,records\n";
    auto quote = [](const std::string& s) {
      std::string q = "\"";
      for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return q + "\"";
    };
    for (std::size_t i = 0; i < clusters.size(); ++i) {
      for (const auto& m : clusters[i].breakdown.at("members")) {
        const EntityRow& e = entities.entity(m.at("entity_id").get<std::int64_t>());
        std::string records;
        for (const SourceKey& key : source_keys_of(file, m.at("entities").get<std::vector<std::int64_t>>()))
          records += (records.empty() ? "" : ";") + key.source + ":" + key.record_id;
        const std::string stability = stability_text(clusters[i]);
        std::cout << fmt::format("{},{:.6f},{},{},{},{},{},{}\n", clusters[i].rank, clusters[i].score,
                                 stability == "-" ? std::string() : stability, e.id, e.type,
                                 quote(e.label), quote(roles_text(m.at("roles"))), quote(records));
      }
    }
  }
  file.audit("clusters", {{"case", options.case_path}, {"run", run.id}, {"format", options.format}},
             fmt::format("listed {} clusters", clusters.size()));
}

void add_clusters_command(CLI::App& app) {
  auto options = std::make_shared<ClustersOptions>();
  CLI::App* cmd = app.add_subcommand("clusters", "Print the ranked clusters of an analysis run");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--run", options->run_id, "Analysis run id (default: the latest)");
  cmd->add_option("--top", options->top, "How many clusters to list")->capture_default_str();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([options] { run_clusters(*options); });
}

}  // namespace casegraph::cli
