// casegraph entities CASE --format csv -o FILE: one row per source record of
// an entity type (person by default): the canonical entity id of its identity
// after resolution, the source's name and the source's own record id. With
// it, any resolution can be scored from outside: two records are matched by
// casegraph exactly when their entity_id is the same.
#include <fstream>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "engine/resolve/identity.h"
#include "engine/store/case_file.h"

namespace casegraph::cli {
namespace {

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void run_entities(const EntitiesOptions& options) {
  if (options.format != "csv") throw UsageError(fmt::format("--format {}: only csv is supported", options.format));
  const CaseFile file = CaseFile::open(options.case_path, false);
  const auto rows = file.entity_record_keys(options.type);
  std::set<std::int64_t> ids;
  for (const auto& r : rows) ids.insert(r.entity_id);
  std::vector<MatchPair> matches;
  for (const Decision& d : file.decisions(true))
    if (d.decision == "match" && ids.contains(d.entity_a) && ids.contains(d.entity_b))
      matches.push_back({d.entity_a, d.entity_b});
  const IdentityMap identities(std::vector<std::int64_t>(ids.begin(), ids.end()), matches);

  std::ofstream file_out;
  if (!options.output.empty()) {
    file_out.open(options.output, std::ios::binary);
    if (!file_out) throw std::runtime_error(fmt::format("{}: cannot write", options.output));
  }
  std::ostream& out = options.output.empty() ? std::cout : file_out;
  out << "entity_id,source,record_id\n";
  for (const auto& r : rows)
    out << identities.canonical(r.entity_id) << ',' << csv_cell(r.source) << ',' << csv_cell(r.record_key) << '\n';
  out.flush();
  if (!out) throw std::runtime_error(fmt::format("{}: write failed", options.output.empty() ? "stdout" : options.output));
  if (!options.output.empty())
    fmt::print(stderr, "entities: {} {} records, {} identities, written to {}\n", rows.size(), options.type,
               [&] {
                 std::set<std::int64_t> c;
                 for (std::int64_t id : ids) c.insert(identities.canonical(id));
                 return c.size();
               }(),
               options.output);
}

void add_entities_command(CLI::App& app) {
  auto options = std::make_shared<EntitiesOptions>();
  CLI::App* cmd = app.add_subcommand("entities", "One row per source record: its resolved entity, source, record id");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"csv"}))->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Output file (default: standard output)");
  cmd->add_option("--type", options->type, "Entity type")->capture_default_str();
  cmd->footer(
      "CSV columns: entity_id (the canonical id of the record's identity after resolution: the smallest\n"
      "entity id joined by active match decisions), source (the mapping spec's source name),\n"
      "record_id (the source's own record id). Records that made several entities of the type give\n"
      "one row each.");
  cmd->callback([options] { run_entities(*options); });
}

}  // namespace casegraph::cli
