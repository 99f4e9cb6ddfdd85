#pragma once
// Naming an entity on the command line, and describing entities, links and
// their source records for the linking commands (path, network, linked,
// copresence) in text and JSON.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/case_data.h"
#include "engine/graph/case_graph.h"

namespace casegraph::cli {

// The entity an analyst names, as its canonical (resolved) entity id:
// - an entity id: "1234";
// - a key: "police_nominal:N-024934", "vrm:HP70ODP", "postcode:EB1 5RF";
// - a source's own id, when exactly one key ends with it: "N-024934", "SC-5152";
// - a label that exactly one identity has: "Jun Farah".
// Entities joined by active match decisions are one identity: any member's
// name finds it. Throws std::runtime_error naming the candidates when the
// text is ambiguous, or saying how to name an entity when it finds none.
std::int64_t lookup_entity(const CaseData& data, const std::string& text);

// The case as the linking commands read it: the case file, its data and the
// resolved case graph (every link, no time window). The links are moved into
// the graph, not copied: read them from graph.links (ends rewritten to
// canonical ids); data.links is left empty.
struct LinkingCase {
  explicit LinkingCase(const std::string& case_path);
  CaseFile file;
  CaseData data;
  CaseGraph graph;
  VertexId vertex(const std::string& text) const;  // lookup_entity, as a case-graph vertex
};

struct RecordRef {
  std::string source;  // the source's name ("anpr_reads")
  std::int64_t row = 0;  // 1-based data row of the source file
  std::string record_id;  // the source's own record id
  nlohmann::json to_json() const { return {{"source", source}, {"row", row}, {"record_id", record_id}}; }
  std::string text() const;  // "anpr_reads row 17 (R0500176)"
};

// Reads records, entities and links out of the case file, with a cache.
class Describer {
 public:
  explicit Describer(const LinkingCase& c);
  RecordRef record(std::int64_t record_id) const;
  std::vector<RecordRef> entity_records(VertexId v) const;  // every merged member's records
  RecordRef link_record(std::uint32_t link) const;

  std::string entity_text(VertexId v) const;  // "Jun Farah (person #12)"
  std::string link_text(std::uint32_t link) const;  // type, dates, grading, record
  nlohmann::json entity_json(VertexId v) const;
  nlohmann::json link_json(std::uint32_t link) const;
  static std::string date_text(Timestamp at);

 private:
  const LinkingCase& case_;
  std::map<std::int64_t, std::string> source_names_;
  mutable std::map<std::int64_t, RecordRef> records_;
  mutable std::map<VertexId, nlohmann::json> entities_;
};

// A set of entities and links, for `network` and `linked`: JSON (entities with
// type, label and source records; links with type, dates, grading and source
// record) and a readable list. `depth`, when given, is parallel to vertices.
nlohmann::json subgraph_json(const Describer& d, const std::vector<VertexId>& vertices,
                             const std::vector<std::uint32_t>& links, const std::vector<int>* depth = nullptr);
void print_subgraph(const Describer& d, const CaseGraph& graph, const std::vector<VertexId>& vertices,
                    const std::vector<std::uint32_t>& links, const std::vector<int>* depth = nullptr);

}  // namespace casegraph::cli
