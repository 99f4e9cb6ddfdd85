#pragma once
// Everything an analysis or a listing reads from a case file, loaded once.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/resolve/identity.h"
#include "engine/store/case_file.h"

namespace casegraph::cli {

struct CaseData {
  std::vector<EntityRow> entities;
  std::vector<LinkRow> links;
  std::unique_ptr<IdentityMap> identities;
  std::unordered_map<std::int64_t, const EntityRow*> entity_by_id;

  const EntityRow& entity(std::int64_t id) const { return *entity_by_id.at(id); }
};

CaseData load_case_data(const CaseFile& file);

// Entities read one by one as a command names them, for a command that shows
// one cluster or a few (explain, clusters) and so needs no full CaseData.
class EntityLabels {
 public:
  explicit EntityLabels(const CaseFile& file) : file_(file) {}
  // Throws when the case file has no entity `id`.
  const EntityRow& entity(std::int64_t id);
  const std::string& of(std::int64_t id) { return entity(id).label; }

 private:
  const CaseFile& file_;
  std::unordered_map<std::int64_t, EntityRow> cache_;
};

// "police_nominals:N-000123" for each record behind an entity, in record order.
struct SourceKey {
  std::string source;
  std::string record_id;
};
std::vector<SourceKey> source_keys_of(const CaseFile& file, const std::vector<std::int64_t>& entity_ids);

// The analysis run `run_id`, or the latest when run_id is 0; throws with the
// command to run when there is none.
RunRow find_run(const CaseFile& file, std::int64_t run_id);

}  // namespace casegraph::cli
