#include "cli/chart.h"

#include <map>

#include "engine/model/datetime.h"

namespace casegraph::cli {
namespace {

std::map<std::string, std::string> merged_attributes(const CaseData& data, std::int64_t canonical) {
  std::map<std::string, std::string> out;
  for (std::int64_t id : data.identities->members(canonical)) {
    for (const auto& [name, value] : data.entity(id).attributes.items())
      out.emplace(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return out;
}

std::optional<Timestamp> attribute_time(const std::map<std::string, std::string>& attributes, const char* name) {
  auto it = attributes.find(name);
  if (it == attributes.end()) return std::nullopt;
  return parse_datetime(it->second, DateFormat::iso8601, nullptr);
}

std::vector<SourceRef> refs(const std::vector<SourceKey>& keys) {
  std::vector<SourceRef> out;
  for (const SourceKey& k : keys) out.push_back({k.source, k.record_id});
  return out;
}

}  // namespace

Chart build_chart(const CaseFile& file, CaseData data, const std::optional<RunRow>& run) {
  Chart chart;
  chart.case_name = file.path().stem().string();
  std::map<std::int64_t, std::map<std::string, double>> scores;
  std::map<std::int64_t, std::int64_t> cluster_of;
  std::map<std::int64_t, std::vector<std::string>> roles_of;
  if (run) {
    chart.run_id = run->id;
    for (const ScoreRow& s : file.scores(run->id)) scores[s.entity_id][s.measure] = s.value;
    for (const ClusterRow& c : file.clusters(run->id)) {
      for (const auto& m : c.breakdown.at("members")) {
        std::int64_t id = m.at("entity_id").get<std::int64_t>();
        cluster_of[id] = c.rank;
        roles_of[id] = m.at("roles").get<std::vector<std::string>>();
      }
    }
  }
  std::map<std::int64_t, std::string> source_names;
  for (const SourceRow& s : file.sources()) source_names[s.id] = s.name;

  for (const EntityRow& e : data.entities) {
    if (data.identities->canonical(e.id) != e.id) continue;
    ChartNode node;
    node.id = e.id;
    node.type = e.type;
    node.label = e.label;
    node.attributes = merged_attributes(data, e.id);
    node.start = attribute_time(node.attributes, "start");
    node.end = attribute_time(node.attributes, "end");
    // Once read as times they are the node's start and end; kept as text too
    // they would reach every format twice ("start" and "attr_start").
    if (node.start) node.attributes.erase("start");
    if (node.end) node.attributes.erase("end");
    if (auto it = scores.find(e.id); it != scores.end()) node.scores = it->second;
    if (auto it = cluster_of.find(e.id); it != cluster_of.end()) node.cluster = it->second;
    if (auto it = roles_of.find(e.id); it != roles_of.end()) node.roles = it->second;
    node.sources = refs(source_keys_of(file, data.identities->members(e.id)));
    chart.nodes.push_back(std::move(node));
  }
  chart.edges.reserve(data.links.size());
  for (LinkRow& l : data.links) {
    ChartEdge edge;
    edge.id = l.id;
    edge.source = data.identities->canonical(l.source);
    edge.target = data.identities->canonical(l.target);
    edge.type = std::move(l.type);
    edge.directed = l.directed;
    edge.weight = l.weight;
    edge.start = l.start;
    edge.end = l.end;
    edge.grading = l.grading;
    RecordRow record = file.record(l.record_id);
    edge.sources.push_back({source_names[record.source_id], record.record_key});
    chart.edges.push_back(std::move(edge));
  }
  return chart;
}

}  // namespace casegraph::cli
