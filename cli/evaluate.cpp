// casegraph evaluate CASE --truth DIR/truth.json: how well the case file's
// resolution and ranked clusters recover what `casegraph synth` planted
// (engine/evaluate). Resolution: pairwise precision, recall and F1 over the
// person records of truth_records.csv. Clusters: each planted network's best
// rank, precision@k and the recall of planted victim-offender pairs in the
// top k. For measuring the engine on synthetic data only: a real case has no
// truth file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/case_data.h"
#include "cli/commands.h"
#include "engine/evaluate/network_recovery.h"
#include "engine/evaluate/pairwise.h"
#include "engine/evaluate/truth.h"
#include "engine/resolve/identity.h"
#include "engine/store/case_file.h"
#include "importers/csv_reader.h"

namespace casegraph::cli {
namespace {

namespace fs = std::filesystem;
using evaluate::LabelledRecord;
using evaluate::PairwiseScores;


// The identities as resolved now: only entities named by active match
// decisions join others, so the map is built from those alone.
IdentityMap current_identities(const CaseFile& file) {
  std::vector<std::int64_t> ids;
  std::vector<MatchPair> matches;
  for (const Decision& d : file.decisions(true)) {
    if (d.decision != "match") continue;
    ids.push_back(d.entity_a);
    ids.push_back(d.entity_b);
    matches.push_back({d.entity_a, d.entity_b});
  }
  return IdentityMap(ids, matches);
}

// "<source>\x1f<record id>" -> the canonical identities of the person entities made from that record.
using RecordIndex = std::unordered_map<std::string, std::vector<std::int64_t>>;

std::string record_key(const std::string& source, const std::string& record_id) { return source + '\x1f' + record_id; }

RecordIndex person_records(const CaseFile& file, const IdentityMap& identities) {
  RecordIndex index;
  for (const CaseFile::EntityRecordKey& r : file.entity_record_keys(entity_type::person)) {
    auto& ids = index[record_key(r.source, r.record_key)];
    const std::int64_t id = identities.canonical(r.entity_id);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  for (auto& [key, ids] : index) std::sort(ids.begin(), ids.end());
  return index;
}

evaluate::PlantedPerson locate(const evaluate::TruthPerson& person, const RecordIndex& records, const CaseFile& file,
                               const IdentityMap& identities) {
  evaluate::PlantedPerson out{person.id, {}};
  for (const evaluate::RecordRef& r : person.records)
    if (auto it = records.find(record_key(r.source, r.record_id)); it != records.end())
      out.entities.insert(out.entities.end(), it->second.begin(), it->second.end());
  for (const std::string& key : person.entity_keys)
    if (std::optional<std::int64_t> id = file.find_entity_by_key(key)) out.entities.push_back(identities.canonical(*id));
  std::sort(out.entities.begin(), out.entities.end());
  out.entities.erase(std::unique(out.entities.begin(), out.entities.end()), out.entities.end());
  return out;
}

std::vector<evaluate::PlantedPerson> locate_all(const std::vector<evaluate::TruthPerson>& people,
                                                const RecordIndex& records, const CaseFile& file,
                                                const IdentityMap& identities) {
  std::vector<evaluate::PlantedPerson> located;
  for (const evaluate::TruthPerson& p : people) located.push_back(locate(p, records, file, identities));
  return located;
}

std::vector<evaluate::PlantedNetwork> locate_networks(const evaluate::Truth& truth, const RecordIndex& records,
                                                      const CaseFile& file, const IdentityMap& identities) {
  std::vector<evaluate::PlantedNetwork> networks;
  for (const evaluate::TruthNetwork& n : truth.networks) {
    networks.push_back({n.id, n.evidence, locate_all(n.offenders, records, file, identities),
                        locate_all(n.victims, records, file, identities)});
  }
  return networks;
}

// Resolution scored two ways: over every person record of truth_records.csv,
// and over distinct identities as each source wrote them (one per nominal
// ref, child id, or keeper name and date of birth), which leaves out the
// pairs a source's own key makes trivially (a child's many episodes).
struct ResolutionScores {
  PairwiseScores records;
  PairwiseScores source_identities;
  std::uint64_t records_not_in_case = 0;  // scored as resolved to nobody
  std::uint64_t records_with_several_people = 0;
};

ResolutionScores score_resolution(const fs::path& truth_records, const RecordIndex& records) {
  CsvReader reader(truth_records);
  CsvRecord row;
  if (!reader.next(row)) throw std::runtime_error(fmt::format("{}: empty", truth_records.string()));
  auto column = [&](const char* name) {
    auto it = std::find(row.fields.begin(), row.fields.end(), name);
    if (it == row.fields.end()) throw std::runtime_error(fmt::format("{}: no column {}", truth_records.string(), name));
    return static_cast<std::size_t>(it - row.fields.begin());
  };
  const std::size_t source = column("source"), record_id = column("record_id"), person_key = column("person_key"),
                    person_id = column("person_id");
  ResolutionScores out;
  std::vector<LabelledRecord> labelled;
  std::map<std::string, LabelledRecord> by_source_identity;
  std::int64_t nobody = 0;  // a fresh negative label for each record the case file lacks
  while (reader.next(row)) {
    if (row.fields.size() <= std::max({source, record_id, person_key, person_id}))
      throw std::runtime_error(fmt::format("{}:{}: too few fields", truth_records.string(), row.line));
    LabelledRecord r;
    try {
      r.truth = std::stoll(row.fields[person_id]);
    } catch (const std::exception&) {
      throw std::runtime_error(fmt::format("{}:{}: person_id '{}' is not a number", truth_records.string(), row.line,
                                           row.fields[person_id]));
    }
    auto it = records.find(record_key(row.fields[source], row.fields[record_id]));
    if (it == records.end()) {
      r.predicted = --nobody;
      ++out.records_not_in_case;
    } else {
      r.predicted = it->second.front();
      out.records_with_several_people += it->second.size() > 1 ? 1 : 0;
    }
    labelled.push_back(r);
    by_source_identity.emplace(row.fields[source] + '\x1f' + row.fields[person_key], r);
  }
  out.records = evaluate::pairwise_scores(labelled);
  std::vector<LabelledRecord> identities;
  identities.reserve(by_source_identity.size());
  for (const auto& [key, r] : by_source_identity) identities.push_back(r);
  out.source_identities = evaluate::pairwise_scores(identities);
  return out;
}

nlohmann::json pairwise_json(const PairwiseScores& s) {
  return {{"items", s.records},          {"true_pairs", s.true_pairs}, {"predicted_pairs", s.predicted_pairs},
          {"agreeing_pairs", s.agreeing_pairs}, {"precision", s.precision}, {"recall", s.recall},
          {"f1", s.f1}};
}

std::string rank_text(const std::optional<std::int64_t>& rank) { return rank ? std::to_string(*rank) : "none"; }

}  // namespace

void run_evaluate(const EvaluateOptions& options) {
  if (options.top == 0) throw UsageError("--top must be at least 1");
  const fs::path truth_path = options.truth_path;
  std::ifstream truth_in(truth_path);
  if (!truth_in) throw std::runtime_error(fmt::format("{}: cannot read", truth_path.string()));
  nlohmann::json truth_json;
  try {
    truth_json = nlohmann::json::parse(truth_in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(fmt::format("{}: not JSON: {}", truth_path.string(), e.what()));
  }
  const evaluate::Truth truth = evaluate::parse_truth(truth_json);

  CaseFile file = CaseFile::open(options.case_path, false);
  const RunRow run = find_run(file, options.run_id);
  const IdentityMap identities = current_identities(file);
  const RecordIndex records = person_records(file, identities);

  std::optional<ResolutionScores> resolution;
  if (!truth.truth_records_file.empty()) {
    const fs::path truth_records = truth_path.parent_path() / truth.truth_records_file;
    if (!fs::exists(truth_records))
      throw std::runtime_error(fmt::format("{}: missing (named by {})", truth_records.string(), truth_path.string()));
    resolution = score_resolution(truth_records, records);
  }

  // Members as stored with the run are canonical ids of the resolution the
  // run read; mapped again through the current one in case it has changed.
  std::vector<evaluate::RankedCluster> clusters;
  for (const ClusterRow& c : file.clusters(run.id)) {
    evaluate::RankedCluster r{c.rank, {}};
    for (std::int64_t m : c.members) r.members.push_back(identities.canonical(m));
    clusters.push_back(std::move(r));
  }
  const std::vector<evaluate::PlantedNetwork> networks = locate_networks(truth, records, file, identities);
  const evaluate::RecoveryReport recovery = evaluate::evaluate_recovery(networks, clusters, options.top);
  const std::vector<evaluate::PlantedPerson> prolific = locate_all(truth.prolific_offenders, records, file, identities);
  const std::size_t prolific_in_top = evaluate::people_in_top_k(prolific, clusters, options.top);
  const std::size_t drivers_in_top =
      evaluate::people_in_top_k(locate_all(truth.taxi_drivers, records, file, identities), clusters, options.top);

  if (options.format == "json") {
    // Where each planted person went (the best rank of a cluster holding
    // them; null: none), to see why a network is not held.
    const auto ranks_of = [&](const std::vector<evaluate::PlantedPerson>& people) {
      nlohmann::json ranks = nlohmann::json::array();
      for (const auto& p : people) {
        const std::optional<std::int64_t> rank = evaluate::person_rank(p, clusters);
        ranks.push_back(rank ? nlohmann::json(*rank) : nlohmann::json(nullptr));
      }
      return ranks;
    };
    nlohmann::json out = {{"case", options.case_path}, {"run", run.id}, {"truth", options.truth_path},
                          {"clusters", clusters.size()}, {"top", options.top}};
    if (resolution) {
      out["resolution"] = {{"records", pairwise_json(resolution->records)},
                           {"source_identities", pairwise_json(resolution->source_identities)},
                           {"records_not_in_case", resolution->records_not_in_case},
                           {"records_with_several_people", resolution->records_with_several_people}};
    } else {
      out["resolution"] = nullptr;
    }
    nlohmann::json nets = nlohmann::json::array();
    for (std::size_t i = 0; i < networks.size(); ++i) {
      const auto& r = recovery.networks[i];
      std::size_t located = 0, people = networks[i].offenders.size() + networks[i].victims.size();
      for (const auto* group : {&networks[i].offenders, &networks[i].victims})
        for (const auto& p : *group) located += p.entities.empty() ? 0 : 1;
      nets.push_back({{"id", r.id}, {"evidence", r.evidence}, {"offenders", networks[i].offenders.size()},
                      {"victims", networks[i].victims.size()}, {"people_on_record", located},
                      {"people", people},
                      {"best_rank", r.best_rank ? nlohmann::json(*r.best_rank) : nlohmann::json(nullptr)},
                      {"offender_ranks", ranks_of(networks[i].offenders)},
                      {"victim_ranks", ranks_of(networks[i].victims)}});
    }
    out["networks"] = std::move(nets);
    out["precision_at_k"] = recovery.precision_at_k;
    out["pair_recall_at_k"] = {{"pairs", recovery.pairs.pairs}, {"found", recovery.pairs.found},
                               {"recall", recovery.pairs.recall}};
    if (truth.synth) {
      out["prolific_offenders_in_top_k"] = {
          {"in_top_k", prolific_in_top}, {"of", truth.prolific_offenders.size()}, {"ranks", ranks_of(prolific)}};
      out["taxi_drivers_in_top_k"] = {{"in_top_k", drivers_in_top}, {"of", truth.taxi_drivers.size()}};
    }
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print("Evaluation of run {} of {} against {}\n\n", run.id, options.case_path, options.truth_path);
    if (resolution) {
      fmt::print("Entity resolution, pairwise over person records ({} not in the case file):\n",
                 resolution->records_not_in_case);
      fmt::print("  {:<20} {:>8} {:>11} {:>11} {:>9} {:>9} {:>7}\n", "over", "items", "true pairs", "made pairs",
                 "precision", "recall", "F1");
      for (const auto& [name, s] : {std::pair{"records", resolution->records},
                                    std::pair{"source identities", resolution->source_identities}})
        fmt::print("  {:<20} {:>8} {:>11} {:>11} {:>9.4f} {:>9.4f} {:>7.4f}\n", name, s.records, s.true_pairs,
                   s.predicted_pairs, s.precision, s.recall, s.f1);
    } else {
      fmt::print("Entity resolution: not scored ({} has no record-level truth)\n", truth_path.filename().string());
    }
    fmt::print("\nPlanted networks ({} clusters in the run; held = at least half the victims and half the offenders):\n",
               clusters.size());
    fmt::print("  {:<8} {:<9} {:>9} {:>7} {:>9}\n", "network", "evidence", "offenders", "victims", "best rank");
    for (std::size_t i = 0; i < networks.size(); ++i)
      fmt::print("  {:<8} {:<9} {:>9} {:>7} {:>9}\n", recovery.networks[i].id, recovery.networks[i].evidence,
                 networks[i].offenders.size(), networks[i].victims.size(), rank_text(recovery.networks[i].best_rank));
    // precision@k divides by the clusters ranked when the run has fewer than k.
    const std::size_t ranked = std::min<std::size_t>(options.top, clusters.size());
    fmt::print("\nprecision@{}: {:.2f} (share of the top {} clusters holding a planted network)\n", options.top,
               recovery.precision_at_k, ranked);
    // With fewer networks than clusters ranked, a ranking that holds each
    // network in one cluster cannot pass networks/ranked: say so, or the
    // figure reads as a failure.
    if (networks.size() < ranked)
      fmt::print("  ({} planted networks: one cluster per network reaches at most {:.2f})\n", networks.size(),
                 static_cast<double>(networks.size()) / static_cast<double>(ranked));
    fmt::print("victim-offender pair recall@{}: {:.2f} ({} of {} planted pairs share a top-{} cluster)\n", options.top,
               recovery.pairs.recall, recovery.pairs.found, recovery.pairs.pairs, options.top);
    if (truth.synth) {
      fmt::print("prolific non-exploitation offenders in the top {} clusters: {} of {}\n", options.top,
                 prolific_in_top, truth.prolific_offenders.size());
      fmt::print("taxi firm's drivers outside the networks in the top {} clusters: {} of {}\n", options.top,
                 drivers_in_top, truth.taxi_drivers.size());
    }
  }
  file.audit("evaluate", {{"case", options.case_path}, {"run", run.id}, {"truth", options.truth_path}},
             fmt::format("precision@{} {:.2f}, pair recall {:.2f}{}", options.top, recovery.precision_at_k,
                         recovery.pairs.recall,
                         resolution ? fmt::format(", resolution F1 {:.4f}", resolution->records.f1) : ""));
}

void add_evaluate_command(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Score a case file's resolution and ranked clusters against a synthetic case's truth.json");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite), imported from a synthetic case and analysed")
      ->required();
  cmd->add_option("--truth", options->truth_path, "truth.json written by `casegraph synth` (or examples/case's)")
      ->required();
  cmd->add_option("--run", options->run_id, "Analysis run id (default: the latest)");
  cmd->add_option("--top", options->top, "k of precision@k and pair recall@k")->capture_default_str();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Resolution: pairwise precision, recall and F1 over the person records of truth_records.csv (beside\n"
      "truth.json), and over the distinct identities each source wrote (nominal ref, child id, keeper name and\n"
      "date of birth). A cluster holds a planted network when it has at least half its victims and half its\n"
      "offenders; best rank is the first such cluster; precision@k the share of the top k clusters holding one;\n"
      "pair recall@k the share of planted victim-offender pairs sharing a top-k cluster.");
  cmd->callback([options] { run_evaluate(*options); });
}

}  // namespace casegraph::cli
