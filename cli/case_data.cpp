#include "cli/case_data.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace casegraph::cli {

CaseData load_case_data(const CaseFile& file) {
  CaseData data;
  data.entities = file.entities();
  data.links = file.links();
  std::vector<std::int64_t> ids;
  ids.reserve(data.entities.size());
  for (const EntityRow& e : data.entities) {
    ids.push_back(e.id);
    data.entity_by_id.emplace(e.id, &e);
  }
  std::vector<MatchPair> matches;
  for (const Decision& d : file.decisions(true))
    if (d.decision == "match") matches.push_back({d.entity_a, d.entity_b});
  data.identities = std::make_unique<IdentityMap>(ids, matches);
  return data;
}

const EntityRow& EntityLabels::entity(std::int64_t id) {
  auto it = cache_.find(id);
  if (it != cache_.end()) return it->second;
  std::optional<EntityRow> row = file_.entity(id);
  if (!row) throw std::runtime_error(fmt::format("{}: no entity {}", file_.path().string(), id));
  return cache_.emplace(id, std::move(*row)).first->second;
}

std::vector<SourceKey> source_keys_of(const CaseFile& file, const std::vector<std::int64_t>& entity_ids) {
  std::map<std::int64_t, std::string> source_names;
  for (const SourceRow& s : file.sources()) source_names[s.id] = s.name;
  std::vector<std::int64_t> records;
  for (std::int64_t id : entity_ids) {
    auto r = file.entity_records(id);
    records.insert(records.end(), r.begin(), r.end());
  }
  std::sort(records.begin(), records.end());
  records.erase(std::unique(records.begin(), records.end()), records.end());
  std::vector<SourceKey> keys;
  for (std::int64_t id : records) {
    RecordRow r = file.record(id);
    keys.push_back({source_names[r.source_id], r.record_key});
  }
  return keys;
}

RunRow find_run(const CaseFile& file, std::int64_t run_id) {
  std::optional<RunRow> run = run_id > 0 ? file.run(run_id) : file.latest_run();
  if (run) return *run;
  if (run_id > 0) throw std::runtime_error(fmt::format("{}: no analysis run {}", file.path().string(), run_id));
  throw std::runtime_error(fmt::format("{}: no analysis run yet; run `casegraph analyse {}` first",
                                       file.path().string(), file.path().string()));
}

}  // namespace casegraph::cli
