#include "cli/entity_lookup.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/model/datetime.h"

namespace casegraph::cli {
namespace {

std::string candidates_text(const CaseData& data, const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < 8; ++i) {
    const EntityRow& e = data.entity(ids[i]);
    out += fmt::format("\n  {} {} ({}, {})", e.id, e.key, e.type, e.label);
  }
  if (ids.size() > 8) out += fmt::format("\n  ... and {} more", ids.size() - 8);
  return out;
}

std::vector<std::int64_t> canonical_unique(const CaseData& data, const std::vector<std::int64_t>& ids) {
  std::set<std::int64_t> out;
  for (std::int64_t id : ids) out.insert(data.identities->canonical(id));
  return {out.begin(), out.end()};
}

}  // namespace

std::int64_t lookup_entity(const CaseData& data, const std::string& text) {
  if (text.empty()) throw std::runtime_error("empty entity name");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec == std::errc() && end == text.data() + text.size()) {
    if (!data.entity_by_id.contains(id)) throw std::runtime_error(fmt::format("no entity with id {}", id));
    return data.identities->canonical(id);
  }
  std::vector<std::int64_t> exact, suffix, labelled;
  const std::string tail = ":" + text;
  for (const EntityRow& e : data.entities) {
    if (e.key == text) exact.push_back(e.id);
    else if (e.key.size() > tail.size() && e.key.compare(e.key.size() - tail.size(), tail.size(), tail) == 0)
      suffix.push_back(e.id);
    if (e.label == text) labelled.push_back(e.id);
  }
  for (const auto* found : {&exact, &suffix, &labelled}) {
    std::vector<std::int64_t> ids = canonical_unique(data, *found);
    if (ids.size() == 1) return ids.front();
    if (ids.size() > 1)
      throw std::runtime_error(fmt::format("'{}' names {} entities; give one of these ids or keys:{}", text,
                                           ids.size(), candidates_text(data, ids)));
  }
  throw std::runtime_error(fmt::format(
      "no entity named '{}': give an entity id, a key such as police_nominal:N-024934, a source's record id, "
      "or an exact label",
      text));
}

LinkingCase::LinkingCase(const std::string& case_path)
    : file(CaseFile::open(case_path, false)),
      data(load_case_data(file)),
      graph(build_case_graph(data.entities, std::move(data.links), *data.identities, {})) {}

VertexId LinkingCase::vertex(const std::string& text) const { return graph.vertex(lookup_entity(data, text)); }

std::string RecordRef::text() const { return fmt::format("{} row {} ({})", source, row, record_id); }

Describer::Describer(const LinkingCase& c) : case_(c) {
  for (const SourceRow& s : c.file.sources()) source_names_[s.id] = s.name;
}

RecordRef Describer::record(std::int64_t record_id) const {
  if (auto it = records_.find(record_id); it != records_.end()) return it->second;
  RecordRow r = case_.file.record(record_id);
  RecordRef ref{source_names_.at(r.source_id), r.row_number, r.record_key};
  records_.emplace(record_id, ref);
  return ref;
}

std::vector<RecordRef> Describer::entity_records(VertexId v) const {
  std::vector<std::int64_t> ids;
  for (std::int64_t member : case_.data.identities->members(case_.graph.entity[v])) {
    auto r = case_.file.entity_records(member);
    ids.insert(ids.end(), r.begin(), r.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<RecordRef> out;
  for (std::int64_t id : ids) out.push_back(record(id));
  return out;
}

RecordRef Describer::link_record(std::uint32_t link) const { return record(case_.graph.links[link].record_id); }

std::string Describer::date_text(Timestamp at) { return format_iso8601(at, false); }

std::string Describer::entity_text(VertexId v) const {
  const std::string& label = case_.graph.label[v];
  const EntityRow& e = case_.data.entity(case_.graph.entity[v]);
  return fmt::format("{} ({} #{})", label.empty() ? e.key : label, case_.graph.type[v], case_.graph.entity[v]);
}

std::string Describer::link_text(std::uint32_t link) const {
  const LinkRow& l = case_.graph.links[link];
  std::string when;
  if (l.start) when = date_text(*l.start);
  if (l.end && l.end != l.start) when += (when.empty() ? "until " : " to ") + date_text(*l.end);
  if (when.empty()) when = "undated";
  std::string grading = l.grading.text();
  return fmt::format("{}, {}{}; {}", l.type, when, grading.empty() ? "" : ", graded " + grading,
                     link_record(link).text());
}

nlohmann::json Describer::entity_json(VertexId v) const {
  if (auto it = entities_.find(v); it != entities_.end()) return it->second;
  const std::int64_t id = case_.graph.entity[v];
  const EntityRow& e = case_.data.entity(id);
  nlohmann::json sources = nlohmann::json::array();
  for (const RecordRef& r : entity_records(v)) sources.push_back(r.to_json());
  nlohmann::json j = {{"entity_id", id},       {"type", case_.graph.type[v]},
                      {"label", case_.graph.label[v]}, {"key", e.key},
                      {"merged_entities", case_.data.identities->members(id)}, {"sources", sources}};
  entities_.emplace(v, j);
  return j;
}

nlohmann::json Describer::link_json(std::uint32_t link) const {
  const LinkRow& l = case_.graph.links[link];
  nlohmann::json j = {{"link_id", l.id},
                      {"type", l.type},
                      {"from", l.source},
                      {"to", l.target},
                      {"directed", l.directed},
                      {"start", l.start ? nlohmann::json(date_text(*l.start)) : nlohmann::json(nullptr)},
                      {"end", l.end ? nlohmann::json(date_text(*l.end)) : nlohmann::json(nullptr)},
                      {"weight", l.weight},
                      {"grading", l.grading.text()},
                      {"source", link_record(link).to_json()}};
  return j;
}

nlohmann::json subgraph_json(const Describer& d, const std::vector<VertexId>& vertices,
                             const std::vector<std::uint32_t>& links, const std::vector<int>* depth) {
  nlohmann::json out = {{"entities", nlohmann::json::array()}, {"links", nlohmann::json::array()}};
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    nlohmann::json e = d.entity_json(vertices[i]);
    if (depth) e["depth"] = (*depth)[i];
    out["entities"].push_back(std::move(e));
  }
  for (std::uint32_t l : links) out["links"].push_back(d.link_json(l));
  return out;
}

void print_subgraph(const Describer& d, const CaseGraph& graph, const std::vector<VertexId>& vertices,
                    const std::vector<std::uint32_t>& links, const std::vector<int>* depth) {
  fmt::print("Entities ({}):\n", vertices.size());
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    std::string sources;
    auto records = d.entity_records(vertices[i]);
    for (std::size_t r = 0; r < records.size() && r < 3; ++r) sources += (r ? "; " : "") + records[r].text();
    if (records.size() > 3) sources += fmt::format("; +{} more", records.size() - 3);
    fmt::print("  {}{}\n      from {}\n", depth ? fmt::format("[{}] ", (*depth)[i]) : "", d.entity_text(vertices[i]),
               sources.empty() ? "no source record" : sources);
  }
  fmt::print("\nLinks ({}):\n", links.size());
  for (std::uint32_t l : links) {
    const LinkRow& link = graph.links[l];
    fmt::print("  {} -- {}\n      {}\n", d.entity_text(graph.vertex(link.source)), d.entity_text(graph.vertex(link.target)),
               d.link_text(l));
  }
}

}  // namespace casegraph::cli
