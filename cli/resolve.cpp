// casegraph resolve CASE: joins the entities that are one person.
// For now the exact-identifier rules (engine/resolve/exact_match.h); a pair
// that already has a decision (made, confirmed, rejected or undone) is never
// decided again, so an analyst's word stands.
#include <set>

#include <fmt/format.h>

#include "cli/case_data.h"
#include "cli/commands.h"
#include "engine/model/pole.h"
#include "engine/resolve/exact_match.h"

namespace casegraph::cli {

void run_resolve(const ResolveOptions& options) {
  CaseFile file = CaseFile::open(options.case_path, false);
  std::vector<PersonRecord> people;
  for (const EntityRow& e : file.entities())
    if (e.type == entity_type::person) people.push_back({e.id, e.attributes});

  std::set<std::pair<std::int64_t, std::int64_t>> decided;
  for (const Decision& d : file.decisions(false))
    decided.insert(std::minmax(d.entity_a, d.entity_b));

  CaseFile::Transaction transaction(file);
  std::size_t added = 0;
  const std::string now = now_iso8601();
  for (const ExactMatch& m : exact_matches(people)) {
    if (decided.contains({m.a, m.b})) continue;
    file.add_decision({0, m.a, m.b, 1.0, "match", "rule:" + m.rule, m.reason, now, std::nullopt});
    ++added;
  }
  CaseData data = load_case_data(file);
  std::set<std::int64_t> identities;
  for (const PersonRecord& p : people) identities.insert(data.identities->canonical(p.entity_id));
  std::string summary = fmt::format("{} person entities, {} identities; {} new match decisions",
                                    people.size(), identities.size(), added);
  file.audit("resolve", {{"case", options.case_path}}, summary);
  transaction.commit();
  fmt::print("resolve: {}\n", summary);
}

void add_resolve_command(CLI::App& app) {
  auto options = std::make_shared<ResolveOptions>();
  CLI::App* cmd = app.add_subcommand("resolve", "Join the entities that are one person (exact identifiers)");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->footer(
      "Rules: two person entities are one identity when they agree on a strong identifier\n"
      "(pnc_id, nhs_number, passport) or on forename, surname and date of birth.\n"
      "Decisions are stored in the case file and never alter the source records.");
  cmd->callback([options] { run_resolve(*options); });
}

}  // namespace casegraph::cli
