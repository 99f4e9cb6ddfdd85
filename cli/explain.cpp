// casegraph explain CASE --cluster N: why a cluster ranks where it does, as an
// analyst reads it. Each score component with its points, and under it each
// piece of evidence: who, what, when, and the source row it came from (file,
// data row number, the source's own record id). The evidence was fixed when
// the run was stored (link ids in the run's breakdown); the source rows are
// read from the case file, which never changes a stored record.
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/case_data.h"
#include "cli/commands.h"

namespace casegraph::cli {
namespace {

// Where a link came from: its source row.
struct SourceRowRef {
  std::string source;  // the source's name from its mapping spec
  std::string file;    // path as given to `casegraph import`
  std::int64_t row = 0;  // 1-based data row, header excluded
  std::string record_id;
};

// Source rows of the links a cluster's evidence names, each read by its key
// when first cited: the case holds millions of links, a cluster's evidence
// thousands at most.
class RecordLookup {
 public:
  explicit RecordLookup(const CaseFile& file) : file_(file) {
    for (const SourceRow& s : file.sources()) sources_[s.id] = s;
  }
  SourceRowRef of_link(std::int64_t link_id) {
    const std::optional<RowId> record = file_.record_of_link(link_id);
    if (!record) throw std::runtime_error(fmt::format("link {} is not in the case file", link_id));
    auto cached = cache_.find(*record);
    if (cached != cache_.end()) return cached->second;
    const RecordRow r = file_.record(*record);
    const SourceRow& s = sources_.at(r.source_id);
    return cache_[*record] = {s.name, s.path, r.row_number, r.record_key};
  }

 private:
  const CaseFile& file_;
  std::map<std::int64_t, SourceRow> sources_;
  std::map<std::int64_t, SourceRowRef> cache_;
};

// What each component means, in an analyst's words.
std::string component_meaning(const std::string& name) {
  static const std::map<std::string, std::string> meaning{
      {"victim_and_suspect", "holds a victim and a suspect tied to each other: one occurrence (named by both "
                             "roles), co-presence or calls between their phones (the tie's rows follow the roles) "
                             "(3 points)"},
      {"victims", "children recorded as a victim or reported missing, and victims of gravity-3 offences: "
                  "log2(1 + count)"},
      {"repeat_missing", "missing episodes beyond each child's first: log2(1 + count)"},
      {"suspects", "people recorded as a suspect, or adults who are the subject of intelligence and no victim "
                   "of the case: log2(1 + count)"},
      {"suspect_occurrences", "occurrences with a member as suspect, summed by gravity: 0.5 log2(1 + sum)"},
      {"gravity", "the gravest occurrence with a member as victim or suspect (0 to 3)"},
      {"intelligence", "intelligence reports on members, summed by grading confidence: log2(1 + sum)"},
      {"copresence", "victim-suspect pairs placed together (a suspect's vehicle or phone where a victim was, "
                     "inside a missing window), each pair once: 2 log2(1 + pairs)"},
      {"links", "volume of recorded links of the members and their events: 0.25 log2(1 + count)"},
      {"recency", "how recent the cluster's latest record is: exp(-age in days / 365)"},
      {"child_offences", "occurrences with a member as suspect and a child as victim, summed by gravity: "
                         "2 log2(1 + sum)"},
      {"contact_before_missing", "child-adult pairs (sharing no address) whose phones were in contact in the "
                                 "three hours before one of the child's missing episodes: 2 log2(1 + pairs)"},
      {"night_contact", "child-adult pairs (sharing no address) with calls between 22:00 and 03:59: "
                        "log2(1 + pairs)"}};
  auto it = meaning.find(name);
  return it == meaning.end() ? name : it->second;
}

// The text lists a volume component (links) by its count only, so it needs
// no source row for its items: at 100k synth people they are 14,795 of the
// first cluster's 15,420 evidence items, each a link and a record to read.
// JSON gives every item its source row.
bool lists_by_count_in_text(const std::string& component) { return component == "links"; }

nlohmann::json explain_json(const CaseFile& file, const RunRow& run, const ClusterRow& c, bool for_text) {
  RecordLookup lookup(file);
  EntityLabels labels(file);
  nlohmann::json components = nlohmann::json::array();
  for (const auto& part : c.breakdown.at("components")) {
    const std::string name = part.at("name").get<std::string>();
    nlohmann::json evidence = nlohmann::json::array();
    if (for_text && lists_by_count_in_text(name)) {
      evidence = part.at("evidence");
    } else {
      for (const auto& item : part.at("evidence")) {
        const SourceRowRef ref = lookup.of_link(item.at("link").get<std::int64_t>());
        nlohmann::json e = item;
        const std::int64_t person = item.at("person").get<std::int64_t>();
        e["who"] = person > 0 ? nlohmann::json(labels.of(person)) : nlohmann::json(nullptr);
        e["record"] = {{"source", ref.source}, {"file", ref.file}, {"row", ref.row}, {"record_id", ref.record_id}};
        evidence.push_back(std::move(e));
      }
    }
    components.push_back({{"name", name},
                          {"meaning", component_meaning(name)},
                          {"count", part.at("count")},
                          {"points", part.at("points")},
                          {"evidence", evidence}});
  }
  nlohmann::json out = {{"run", run.id},         {"case", file.path().string()}, {"rank", c.rank},
                        {"cluster", c.cluster},  {"score", c.score},             {"components", components},
                        {"members", c.breakdown.at("members")}};
  out["stability"] = c.breakdown.contains("stability") ? c.breakdown.at("stability") : nlohmann::json(nullptr);
  if (c.breakdown.contains("core")) out["core"] = c.breakdown.at("core");
  if (run.parameters.contains("stability")) out["stability_method"] = run.parameters.at("stability");
  return out;
}

std::string roles_text(const nlohmann::json& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r.get<std::string>();
  return out;
}

void print_text(const nlohmann::json& x) {
  fmt::print("Cluster ranked {} in run {} of {}: score {:.2f}, {} people\n", x.at("rank").get<std::int64_t>(),
             x.at("run").get<std::int64_t>(), x.at("case").get<std::string>(), x.at("score").get<double>(),
             x.at("members").size());
  if (!x.at("stability").is_null()) {
    const auto& method = x.contains("stability_method") ? x.at("stability_method") : nlohmann::json::object();
    fmt::print("Stability {:.2f}: share of {} runs, each dropping {:.0f}% of the ties between people at random, in "
               "which at least 80% of its core ({} people with 2 or more ties inside) stayed in one community.\n",
               x.at("stability").get<double>(), method.value("runs", 0),
               100 * method.value("drop_share", 0.0), x.contains("core") ? x.at("core").size() : 0);
  }
  std::vector<nlohmann::json> members(x.at("members").begin(), x.at("members").end());
  std::stable_sort(members.begin(), members.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a.value("victim_proximity", 0.0) > b.value("victim_proximity", 0.0);
  });
  fmt::print("\nMembers, closest to the case's victims first (victim proximity: PageRank personalised on the victims):\n");
  for (const auto& m : members) {
    const std::string roles = roles_text(m.at("roles"));
    fmt::print("  {:<28} {:>8}  {}\n", m.at("label").get<std::string>(),
               m.contains("victim_proximity") ? fmt::format("{:.4f}", m.at("victim_proximity").get<double>())
                                              : std::string("-"),
               roles.empty() ? std::string("") : "(" + roles + ")");
  }
  fmt::print("\nWhy it scores {:.2f}:\n", x.at("score").get<double>());
  for (const auto& part : x.at("components")) {
    const double points = part.at("points").get<double>();
    fmt::print("\n  {:+6.2f}  {}  (count {:g}): {}\n", points, part.at("name").get<std::string>(),
               part.at("count").get<double>(), part.at("meaning").get<std::string>());
    const auto& evidence = part.at("evidence");
    if (lists_by_count_in_text(part.at("name").get<std::string>())) {
      fmt::print("          {} links; `--format json` lists each with its source row.\n", evidence.size());
      continue;
    }
    for (const auto& e : evidence) {
      const auto& rec = e.at("record");
      const std::string who = e.at("who").is_null() ? std::string("") : e.at("who").get<std::string>() + ": ";
      const std::string when = e.at("when").is_null() ? std::string("undated") : e.at("when").get<std::string>();
      fmt::print("          - {}{}; {}  [{}:{}, record {}]\n", who, e.at("what").get<std::string>(), when,
                 rec.at("file").get<std::string>(), rec.at("row").get<std::int64_t>(),
                 rec.at("record_id").get<std::string>());
    }
  }
  fmt::print("\nRows are data rows of the source file (header excluded). Scores read link types, dates, gradings and "
             "offence types only; no protected characteristic is an input. A lead for review, not a finding.\n");
}

}  // namespace

void run_explain(const ExplainOptions& options) {
  if (options.cluster < 1) throw UsageError("--cluster: expected the rank of a cluster, 1 or more");
  CaseFile file = CaseFile::open(options.case_path, false);
  const RunRow run = find_run(file, options.run_id);
  const std::optional<ClusterRow> cluster = file.cluster_at_rank(run.id, options.cluster);
  if (!cluster)
    throw std::runtime_error(fmt::format("{}: run {} has {} clusters; no cluster ranked {}", options.case_path, run.id,
                                         file.count_clusters(run.id), options.cluster));
  if (!cluster->breakdown.at("components").empty() &&
      !cluster->breakdown.at("components").front().contains("evidence"))
    throw std::runtime_error(fmt::format("{}: run {} was stored before evidence was kept per component; "
                                         "run `casegraph analyse` again",
                                         options.case_path, run.id));
  const nlohmann::json explained = explain_json(file, run, *cluster, options.format == "text");
  if (options.format == "json")
    std::cout << explained.dump(2) << "\n";
  else
    print_text(explained);
  file.audit("explain", {{"case", options.case_path}, {"run", run.id}, {"cluster", options.cluster}},
             fmt::format("explained cluster ranked {} of run {}", options.cluster, run.id));
}

void add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain a ranked cluster's score, point by point, with its source rows");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--cluster", options->cluster, "Rank of the cluster in the run (1 = first)")->required();
  cmd->add_option("--run", options->run_id, "Analysis run id (default: the latest)");
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer("Each piece of evidence names its source file, data row and the source's record id.");
  cmd->callback([options] { run_explain(*options); });
}

}  // namespace casegraph::cli
