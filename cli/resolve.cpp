// casegraph resolve CASE: joins the person entities that are one person.
//
// First the exact rules (engine/resolve/exact_match.h: a strong identifier,
// or forename + surname + date of birth), then probabilistic matching
// (engine/resolve/probabilistic.h: blocking, comparison vectors,
// Fellegi–Sunter weights by EM) and anti-chaining clustering
// (engine/resolve/clustering.h). Every join is a stored 'match' decision with
// its score and reason; source records are never altered.
//
// Analyst decisions stand: a pair that already has a decision (made,
// confirmed, rejected or undone) is never decided again by the machine, an
// active rejection keeps two entities apart, and --unmerge/--confirm/--reject
// act through decisions that can themselves be undone.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "cli/commands.h"
#include "cli/progress.h"
#include "engine/model/pole.h"
#include "engine/resolve/exact_match.h"
#include "engine/resolve/identity.h"
#include "engine/resolve/probabilistic.h"
#include "engine/store/case_file.h"

namespace casegraph::cli {
namespace {

using EntityPair = std::pair<std::int64_t, std::int64_t>;

constexpr const char* kModelName = "model:fellegi-sunter";

EntityPair ordered(std::int64_t a, std::int64_t b) { return std::minmax(a, b); }

std::string analyst_name() {
  const char* user = std::getenv("USER");
  return std::string("analyst:") + (user && *user ? user : "unknown");
}

std::vector<std::int64_t> person_ids(const CaseFile& file) {
  std::vector<std::int64_t> ids;
  for (const EntityRow& e : file.entities_of_type(entity_type::person)) ids.push_back(e.id);
  return ids;
}

void require_person(const std::set<std::int64_t>& people, std::int64_t id) {
  if (!people.contains(id))
    throw UsageError(fmt::format("entity {} is not a person entity of this case file (see `casegraph entities`)", id));
}

// The identity map over active match decisions, restricted to what names known entities.
IdentityMap identities_of(const std::vector<std::int64_t>& ids, const std::vector<Decision>& active) {
  std::vector<MatchPair> matches;
  const std::set<std::int64_t> known(ids.begin(), ids.end());
  for (const Decision& d : active)
    if (d.decision == "match" && known.contains(d.entity_a) && known.contains(d.entity_b))
      matches.push_back({d.entity_a, d.entity_b});
  return IdentityMap(ids, matches);
}

// ---------------------------------------------------------- analyst acts --

void confirm(CaseFile& file, std::int64_t a, std::int64_t b, const std::string& now) {
  for (const Decision& d : file.decisions(true))
    if (ordered(d.entity_a, d.entity_b) == ordered(a, b) && d.decision == "non-match") file.undo_decision(d.id);
  const auto [x, y] = ordered(a, b);
  file.add_decision({0, x, y, 1.0, "match", analyst_name(), "confirmed by analyst", now, std::nullopt});
}

// Splits a and b apart: undoes the machine's match decisions on the paths
// joining them, weakest first, until none is left; then records the rejection.
std::size_t reject(CaseFile& file, std::int64_t a, std::int64_t b, const std::vector<std::int64_t>& ids,
                   const std::string& now) {
  std::size_t undone = 0;
  for (;;) {
    std::vector<Decision> active = file.decisions(true);
    IdentityMap identities = identities_of(ids, active);
    if (identities.canonical(a) != identities.canonical(b)) break;
    // Breadth-first path a -> b over active match decisions.
    std::unordered_map<std::int64_t, std::vector<const Decision*>> edges;
    for (const Decision& d : active)
      if (d.decision == "match") {
        edges[d.entity_a].push_back(&d);
        edges[d.entity_b].push_back(&d);
      }
    std::unordered_map<std::int64_t, const Decision*> via;
    std::vector<std::int64_t> queue{a};
    via[a] = nullptr;
    for (std::size_t q = 0; q < queue.size() && !via.contains(b); ++q)
      for (const Decision* d : edges[queue[q]]) {
        const std::int64_t next = d->entity_a == queue[q] ? d->entity_b : d->entity_a;
        if (via.emplace(next, d).second) queue.push_back(next);
      }
    const Decision* weakest = nullptr;
    for (std::int64_t at = b; via.at(at) != nullptr;) {
      const Decision* d = via.at(at);
      if (d->decided_by.rfind("analyst:", 0) != 0 && (!weakest || d->score < weakest->score)) weakest = d;
      at = d->entity_a == at ? d->entity_b : d->entity_a;
    }
    if (!weakest)
      throw UsageError(fmt::format(
          "entities {} and {} are joined by analyst confirmations only; undo those with --unmerge first", a, b));
    file.undo_decision(weakest->id);
    ++undone;
  }
  const auto [x, y] = ordered(a, b);
  file.add_decision({0, x, y, 0.0, "non-match", analyst_name(), "rejected by analyst", now, std::nullopt});
  return undone;
}

// Takes one entity out of its identity: its match decisions are undone, the
// rest of the identity is kept together, and the entity is recorded as a
// non-match with each former member so that no later run joins it back.
std::size_t unmerge(CaseFile& file, std::int64_t entity, const std::vector<std::int64_t>& ids, const std::string& now) {
  std::vector<Decision> active = file.decisions(true);
  IdentityMap before = identities_of(ids, active);
  std::vector<std::int64_t> others;
  for (std::int64_t m : before.members(before.canonical(entity)))
    if (m != entity) others.push_back(m);
  std::size_t undone = 0;
  for (const Decision& d : active)
    if (d.decision == "match" && (d.entity_a == entity || d.entity_b == entity)) {
      file.undo_decision(d.id);
      ++undone;
    }
  IdentityMap after = identities_of(ids, file.decisions(true));
  for (std::size_t i = 1; i < others.size(); ++i)
    if (after.canonical(others[i]) != after.canonical(others[0])) {
      const auto [x, y] = ordered(others[0], others[i]);
      file.add_decision({0, x, y, 1.0, "match", analyst_name(),
                         fmt::format("kept together when entity {} was unmerged", entity), now, std::nullopt});
      after = identities_of(ids, file.decisions(true));
    }
  for (std::int64_t m : others) {
    const auto [x, y] = ordered(entity, m);
    file.add_decision({0, x, y, 0.0, "non-match", analyst_name(), fmt::format("entity {} unmerged by analyst", entity),
                       now, std::nullopt});
  }
  return undone;
}

bool run_analyst_action(const ResolveOptions& options, CaseFile& file) {
  const bool any = options.unmerge != 0 || !options.confirm.empty() || !options.reject.empty();
  if (!any) return false;
  if ((options.unmerge != 0) + !options.confirm.empty() + !options.reject.empty() > 1)
    throw UsageError("give one of --unmerge, --confirm, --reject at a time");
  const std::vector<std::int64_t> ids = person_ids(file);
  const std::set<std::int64_t> people(ids.begin(), ids.end());
  const std::string now = now_iso8601();
  CaseFile::Transaction transaction(file);
  std::string summary;
  nlohmann::json arguments = {{"case", options.case_path}};
  if (options.unmerge != 0) {
    require_person(people, options.unmerge);
    const std::size_t undone = unmerge(file, options.unmerge, ids, now);
    summary = fmt::format("unmerged entity {}: {} match decisions undone", options.unmerge, undone);
    arguments["unmerge"] = options.unmerge;
  } else if (!options.confirm.empty()) {
    require_person(people, options.confirm[0]);
    require_person(people, options.confirm[1]);
    if (options.confirm[0] == options.confirm[1]) throw UsageError("--confirm needs two different entities");
    confirm(file, options.confirm[0], options.confirm[1], now);
    summary = fmt::format("confirmed entities {} and {} as one person", options.confirm[0], options.confirm[1]);
    arguments["confirm"] = options.confirm;
  } else {
    require_person(people, options.reject[0]);
    require_person(people, options.reject[1]);
    if (options.reject[0] == options.reject[1]) throw UsageError("--reject needs two different entities");
    const std::size_t undone = reject(file, options.reject[0], options.reject[1], ids, now);
    summary = fmt::format("rejected entities {} and {} as one person: {} match decisions undone", options.reject[0],
                          options.reject[1], undone);
    arguments["reject"] = options.reject;
  }
  file.audit("resolve", arguments, summary);
  transaction.commit();
  fmt::print("resolve: {}\n", summary);
  return true;
}

// ---------------------------------------------------------- review queue --

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const std::vector<std::string> kReviewAttributes = {"forename", "surname", "dob",      "sex",   "address",
                                                    "house_number", "street", "locality", "town", "postcode",
                                                    "phone", "email", "national_id"};

struct ReviewRow {
  resolve::ScoredPair pair;
  bool same_identity = false;
};

void write_review_queue(const std::string& path, const CaseFile& file, const std::vector<EntityRow>& people,
                        const std::vector<ReviewRow>& rows, const resolve::PersonMatcher& matcher) {
  std::unordered_map<std::int64_t, std::string> record_of;  // entity -> "source:record_id", first record
  for (const auto& k : file.entity_record_keys(entity_type::person))
    record_of.emplace(k.entity_id, k.source + ":" + k.record_key);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the review queue", path));
  out << "probability,weight,joined,entity_a,entity_b,record_a,record_b";
  for (const std::string& a : kReviewAttributes) out << ',' << a << "_a," << a << "_b";
  out << ",reason\n";
  for (const ReviewRow& r : rows) {
    const EntityRow& a = people[r.pair.a];
    const EntityRow& b = people[r.pair.b];
    out << fmt::format("{:.4f},{:.2f},{},{},{},{},{}", r.pair.probability, r.pair.weight,
                       r.same_identity ? "yes" : "no", a.id, b.id, csv_cell(record_of[a.id]),
                       csv_cell(record_of[b.id]));
    auto value = [](const EntityRow& e, const std::string& name) {
      auto it = e.attributes.find(name);
      if (it == e.attributes.end()) return std::string();
      return it->is_string() ? it->get<std::string>() : it->dump();
    };
    for (const std::string& attribute : kReviewAttributes)
      out << ',' << csv_cell(value(a, attribute)) << ',' << csv_cell(value(b, attribute));
    out << ',' << csv_cell(matcher.explain(r.pair.a, r.pair.b)) << '\n';
  }
  if (!out.flush()) throw std::runtime_error(fmt::format("{}: write failed", path));
}

}  // namespace

void run_resolve(const ResolveOptions& options) {
#ifdef _OPENMP
  if (options.threads > 0) omp_set_num_threads(options.threads);
#endif
  if (options.match_probability <= 0 || options.match_probability >= 1)
    throw UsageError("--match-probability must be between 0 and 1");
  if (options.review_low < 0 || options.review_low > options.review_high || options.review_high > 1)
    throw UsageError("--review-band must be LOW,HIGH with 0 <= LOW <= HIGH <= 1");
  CaseFile file = CaseFile::open(options.case_path, false);
  if (run_analyst_action(options, file)) return;

  Stopwatch clock;
  std::vector<EntityRow> people = file.entities_of_type(entity_type::person);
  std::unordered_map<std::int64_t, std::uint32_t> position;
  for (std::uint32_t i = 0; i < people.size(); ++i) position.emplace(people[i].id, i);

  std::set<EntityPair> decided;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> must_link, cannot_link;
  for (const Decision& d : file.decisions(false)) {
    decided.insert(ordered(d.entity_a, d.entity_b));
    if (d.undone_at || !position.contains(d.entity_a) || !position.contains(d.entity_b)) continue;
    auto pair = std::make_pair(position[d.entity_a], position[d.entity_b]);
    (d.decision == "match" ? must_link : cannot_link).push_back(pair);
  }

  CaseFile::Transaction transaction(file);
  const std::string now = now_iso8601();
  std::size_t exact_added = 0, model_added = 0;
  {
    std::vector<PersonRecord> records;
    records.reserve(people.size());
    for (const EntityRow& e : people) records.push_back({e.id, e.attributes});
    for (const ExactMatch& m : exact_matches(std::move(records))) {
      if (decided.contains({m.a, m.b})) continue;
      decided.insert({m.a, m.b});
      file.add_decision({0, m.a, m.b, 1.0, "match", "rule:" + m.rule, m.reason, now, std::nullopt});
      must_link.emplace_back(position[m.a], position[m.b]);
      ++exact_added;
    }
  }

  std::string model_summary = "probabilistic matching off";
  std::size_t review_count = 0;
  if (!options.exact_only && people.size() >= 2) {
    std::vector<resolve::PersonFeatures> features(people.size());
#pragma omp parallel for schedule(static)
    for (std::size_t i = 0; i < people.size(); ++i) features[i] = resolve::person_features(people[i].attributes);
    resolve::PersonMatcher matcher(std::move(features));
    resolve::MatchingOptions matching;
    matching.keep_probability = std::min(options.review_low, options.match_probability);
    matching.keep_probability = std::max(matching.keep_probability, 1e-6);
    const resolve::MatchingResult matched = matcher.run(matching);

    // A pair that has a decision is never decided again.
    std::vector<resolve::ScoredPair> open;
    for (const resolve::ScoredPair& p : matched.pairs)
      if (!decided.contains(ordered(people[p.a].id, people[p.b].id))) open.push_back(p);
    resolve::ClusteringOptions clustering;
    clustering.merge_probability = options.match_probability;
    clustering.linkage_probability = options.match_probability;
    const resolve::ClusteringResult clusters = resolve::cluster_pairs(
        people.size(), open, must_link, cannot_link,
        [&matcher](std::uint32_t a, std::uint32_t b) { return matcher.probability(a, b); }, clustering);
    for (const resolve::Merge& m : clusters.merges) {
      const auto [x, y] = ordered(people[m.pair.a].id, people[m.pair.b].id);
      std::string reason = matcher.explain(m.pair.a, m.pair.b);
      if (m.cross_pairs > 1) reason += fmt::format("; average linkage {:.2f} over {} pairs", m.linkage, m.cross_pairs);
      file.add_decision({0, x, y, m.pair.probability, "match", kModelName, reason, now, std::nullopt});
      ++model_added;
    }
    std::vector<ReviewRow> review;
    for (const resolve::ScoredPair& p : open) {
      const bool same = clusters.cluster_of[p.a] == clusters.cluster_of[p.b];
      const bool borderline = p.probability >= options.review_low && p.probability < options.review_high;
      const bool refused = p.probability >= options.match_probability && !same;
      if (borderline || refused) review.push_back({p, same});
    }
    std::sort(review.begin(), review.end(), [](const ReviewRow& x, const ReviewRow& y) {
      if (x.pair.probability != y.pair.probability) return x.pair.probability > y.pair.probability;
      return x.pair.a != y.pair.a ? x.pair.a < y.pair.a : x.pair.b < y.pair.b;
    });
    review_count = review.size();
    if (!options.review_queue.empty()) write_review_queue(options.review_queue, file, people, review, matcher);

    std::size_t oversized = 0;
    for (const auto& s : matched.blocking) oversized += s.oversized;
    model_summary = fmt::format(
        "{} candidate pairs from {} blocking keys ({} oversized blocks windowed); EM on {} pairs: match share {:.4f} among them, prior {:.2g}, "
        "{} iterations{}; {} merges refused by average linkage, {} by rejections, {} by size",
        matched.candidate_pairs, matched.blocking.size(), oversized, matched.em_pairs, matched.candidate_match_share, matched.model.match_share,
        matched.model.iterations, matched.model.converged ? "" : " (not converged)", clusters.refused_by_linkage,
        clusters.refused_by_cannot_link, clusters.refused_by_size);
  }

  std::vector<std::int64_t> ids;
  ids.reserve(people.size());
  for (const EntityRow& e : people) ids.push_back(e.id);
  IdentityMap identities = identities_of(ids, file.decisions(true));
  std::set<std::int64_t> canonical;
  for (std::int64_t id : ids) canonical.insert(identities.canonical(id));
  const std::string summary =
      fmt::format("{} person entities, {} identities; {} new match decisions ({} exact, {} probabilistic); {} pairs for review",
                  people.size(), canonical.size(), exact_added + model_added, exact_added, model_added, review_count);
  nlohmann::json arguments = {{"case", options.case_path},
                              {"match_probability", options.match_probability},
                              {"review_band", {options.review_low, options.review_high}},
                              {"exact_only", options.exact_only}};
  if (!options.review_queue.empty()) arguments["review_queue"] = options.review_queue;
  file.audit("resolve", arguments, summary + "; " + model_summary);
  transaction.commit();
  fmt::print("resolve: {}\n", summary);
  fmt::print("resolve: {}; {:.2f} s\n", model_summary, clock.seconds());
  if (!options.review_queue.empty()) fmt::print("resolve: review queue written to {}\n", options.review_queue);
}

void add_resolve_command(CLI::App& app) {
  auto options = std::make_shared<ResolveOptions>();
  CLI::App* cmd = app.add_subcommand("resolve", "Join the entities that are one person (exact rules, then probabilistic)");
  cmd->add_option("CASE", options->case_path, "Case file (SQLite)")->required();
  cmd->add_option("--review-queue", options->review_queue,
                  "Write the borderline pairs (both records side by side, score, reason) to this CSV");
  cmd->add_option("--unmerge", options->unmerge, "Take this person entity out of its identity (analyst decision)");
  cmd->add_option("--confirm", options->confirm, "Confirm two person entities as one person (analyst decision)")
      ->expected(2);
  cmd->add_option("--reject", options->reject, "Reject two person entities as one person (analyst decision)")
      ->expected(2);
  cmd->add_option("--match-probability", options->match_probability,
                  "Posterior match probability at or above which a pair (and the average over two clusters' pairs) "
                  "joins")
      ->capture_default_str();
  cmd->add_option_function<std::vector<double>>(
         "--review-band",
         [options](const std::vector<double>& v) {
           options->review_low = v.at(0);
           options->review_high = v.at(1);
         },
         "LOW HIGH: posterior probabilities of the pairs written to the review queue (default 0.1 0.9)")
      ->expected(2);
  cmd->add_flag("--exact-only", options->exact_only, "Apply the exact rules only");
  cmd->add_option("--threads", options->threads, "Threads (default: all cores)");
  cmd->footer(
      "Exact rules first: a strong identifier (pnc_id, nhs_number, passport) or forename, surname and\n"
      "date of birth. Then probabilistic matching of person entities on the attributes forename, surname,\n"
      "dob, sex, address (or house_number and street), locality, town, postcode, phone, email, national_id:\n"
      "blocking on several keys, comparison levels per field, Fellegi-Sunter weights from the case's own\n"
      "records (u measured on random pairs, m and the match share by EM). A pair joins when its posterior\n"
      "match probability is at least --match-probability (0.5: more likely one person than two) and the\n"
      "average over all pairs of the two clusters it would join stays above it, so one bad pair cannot\n"
      "chain two people.\n"
      "Decisions are stored with score and reason and never alter source records. A pair with any\n"
      "decision (an analyst's above all) is never decided again.");
  cmd->callback([options] { run_resolve(*options); });
}

}  // namespace casegraph::cli
