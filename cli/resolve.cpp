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
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
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
  file.for_each_entity_attributes(entity_type::person, [&ids](RowId id, std::string_view) { ids.push_back(id); });
  return ids;
}

// What resolution keeps of the person entities: ids (ascending), the
// exact-rule keys and the matching features. The attributes themselves are
// parsed in parallel chunks and dropped at once, so a million records are
// never held as JSON (that, held twice, was most of the 3 GB at 1M).
struct PeopleForResolution {
  std::vector<std::int64_t> ids;
  std::vector<ExactKey> exact_keys;
  std::vector<resolve::PersonFeatures> features;
};

PeopleForResolution load_people(const CaseFile& file, bool with_features) {
  constexpr std::size_t kChunk = 1 << 15;
  PeopleForResolution out;
  std::vector<std::string> texts;
  auto parse_chunk = [&] {
    const std::size_t base = out.ids.size() - texts.size();
    if (with_features) out.features.resize(out.ids.size());
    const auto count = static_cast<std::ptrdiff_t>(texts.size());
#pragma omp parallel
    {
      std::vector<ExactKey> keys;
#pragma omp for schedule(dynamic, 256)
      for (std::ptrdiff_t k = 0; k < count; ++k) {
        const auto i = static_cast<std::size_t>(k);
        const nlohmann::json attributes = nlohmann::json::parse(texts[i]);
        append_exact_keys(out.ids[base + i], attributes, keys);
        if (with_features) out.features[base + i] = resolve::person_features(attributes);
      }
#pragma omp critical(casegraph_resolve_exact_keys)
      out.exact_keys.insert(out.exact_keys.end(), std::make_move_iterator(keys.begin()),
                            std::make_move_iterator(keys.end()));
    }
    texts.clear();
  };
  file.for_each_entity_attributes(entity_type::person, [&](RowId id, std::string_view attributes) {
    out.ids.push_back(id);
    texts.emplace_back(attributes);
    if (texts.size() == kChunk) parse_chunk();
  });
  parse_chunk();
  return out;
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

void write_review_queue(const std::string& path, const CaseFile& file, const std::vector<std::int64_t>& ids,
                        const std::vector<ReviewRow>& rows, const resolve::PersonMatcher& matcher) {
  // The attributes of the entities in the queue only, read again: resolution
  // does not keep them.
  std::unordered_map<std::int64_t, nlohmann::json> attributes_of;
  for (const ReviewRow& r : rows) {
    attributes_of.emplace(ids[r.pair.a], nlohmann::json::object());
    attributes_of.emplace(ids[r.pair.b], nlohmann::json::object());
  }
  if (!attributes_of.empty())
    file.for_each_entity_attributes(entity_type::person, [&](RowId id, std::string_view text) {
      if (auto it = attributes_of.find(id); it != attributes_of.end()) it->second = nlohmann::json::parse(text);
    });
  std::unordered_map<std::int64_t, std::string> record_of;  // entity -> "source:record_id", first record
  for (const auto& k : file.entity_record_keys(entity_type::person))
    record_of.emplace(k.entity_id, k.source + ":" + k.record_key);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the review queue", path));
  out << "probability,weight,joined,entity_a,entity_b,record_a,record_b";
  for (const std::string& a : kReviewAttributes) out << ',' << a << "_a," << a << "_b";
  out << ",reason\n";
  for (const ReviewRow& r : rows) {
    const std::int64_t a = ids[r.pair.a], b = ids[r.pair.b];
    out << fmt::format("{:.4f},{:.2f},{},{},{},{},{}", r.pair.probability, r.pair.weight,
                       r.same_identity ? "yes" : "no", a, b, csv_cell(record_of[a]), csv_cell(record_of[b]));
    auto value = [&attributes_of](std::int64_t entity, const std::string& name) {
      const nlohmann::json& attributes = attributes_of.at(entity);
      auto it = attributes.find(name);
      if (it == attributes.end()) return std::string();
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
  // Wall time per phase, printed at the end: loading and storing count as
  // much as matching at a million records.
  std::vector<resolve::PhaseTime> phases;
  Stopwatch phase_clock;
  std::clock_t phase_cpu = std::clock();
  auto lap = [&](const char* name) {
    const std::clock_t cpu = std::clock();
    phases.push_back({name, phase_clock.seconds(), static_cast<double>(cpu - phase_cpu) / CLOCKS_PER_SEC});
    phase_clock = Stopwatch();
    phase_cpu = cpu;
  };
  PeopleForResolution people = load_people(file, !options.exact_only);
  const std::vector<std::int64_t>& ids = people.ids;
  auto position = [&ids](std::int64_t id) -> std::optional<std::uint32_t> {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - ids.begin());
  };

  std::vector<EntityPair> decided;  // sorted: a pair with any decision is never decided again
  std::vector<std::pair<std::uint32_t, std::uint32_t>> must_link, cannot_link;
  for (const Decision& d : file.decisions(false)) {
    decided.push_back(ordered(d.entity_a, d.entity_b));
    const auto a = position(d.entity_a), b = position(d.entity_b);
    if (d.undone_at || !a || !b) continue;
    (d.decision == "match" ? must_link : cannot_link).emplace_back(*a, *b);
  }
  std::sort(decided.begin(), decided.end());
  auto is_decided = [&decided](const EntityPair& pair) {
    return std::binary_search(decided.begin(), decided.end(), pair);
  };

  lap("load and features");
  CaseFile::Transaction transaction(file);
  const std::string now = now_iso8601();
  std::size_t exact_added = 0, model_added = 0;
  {
    std::vector<EntityPair> exact_pairs;
    for (ExactMatch& m : exact_matches(std::move(people.exact_keys))) {
      if (is_decided({m.a, m.b})) continue;
      file.add_decision({0, m.a, m.b, 1.0, "match", "rule:" + m.rule, std::move(m.reason), now, std::nullopt});
      must_link.emplace_back(*position(m.a), *position(m.b));
      exact_pairs.emplace_back(m.a, m.b);
      ++exact_added;
    }
    // exact_matches gives each pair once, sorted: merge them in.
    const auto middle = decided.insert(decided.end(), exact_pairs.begin(), exact_pairs.end());
    std::inplace_merge(decided.begin(), middle, decided.end());
  }
  lap("exact rules");

  std::string model_summary = "probabilistic matching off";
  std::size_t review_count = 0;
  std::size_t identity_count = 0;  // from the clustering when it runs
  std::string key_text;
  if (!options.exact_only && ids.size() >= 2) {
    resolve::PersonMatcher matcher(std::move(people.features));
    resolve::MatchingOptions matching;
    matching.keep_probability = std::min(options.review_low, options.match_probability);
    matching.keep_probability = std::max(matching.keep_probability, 1e-6);
    const resolve::MatchingResult matched = matcher.run(matching);
    for (const auto& phase : matched.phase_seconds) phases.push_back(phase);
    phase_clock = Stopwatch();
    phase_cpu = std::clock();

    // A pair that has a decision is never decided again.
    std::vector<resolve::ScoredPair> open;
    for (const resolve::ScoredPair& p : matched.pairs)
      if (!is_decided(ordered(ids[p.a], ids[p.b]))) open.push_back(p);
    resolve::ClusteringOptions clustering;
    clustering.merge_probability = options.match_probability;
    clustering.linkage_probability = options.match_probability;
    const resolve::ClusteringResult clusters = resolve::cluster_pairs(
        ids.size(), open, must_link, cannot_link,
        [&matcher](std::uint32_t a, std::uint32_t b) { return matcher.probability(a, b); }, clustering);
    lap("clustering");
    // cluster_of holds every active match (earlier decisions and exact rules
    // as must-links, then the merges): its clusters are the identities.
    for (std::uint32_t i = 0; i < clusters.cluster_of.size(); ++i) identity_count += clusters.cluster_of[i] == i;
    for (const resolve::Merge& m : clusters.merges) {
      const auto [x, y] = ordered(ids[m.pair.a], ids[m.pair.b]);
      std::string reason = matcher.explain(m.pair.a, m.pair.b);
      if (m.cross_pairs > 1) reason += fmt::format("; average linkage {:.2f} over {} pairs", m.linkage, m.cross_pairs);
      file.add_decision({0, x, y, m.pair.probability, "match", kModelName, reason, now, std::nullopt});
      ++model_added;
    }
    lap("storing decisions");
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
    if (!options.review_queue.empty()) write_review_queue(options.review_queue, file, ids, review, matcher);
    lap("review queue");

    std::size_t oversized = 0;
    for (const auto& s : matched.blocking) {
      oversized += s.oversized;
      key_text += fmt::format("{}{} {} (largest block {})", key_text.empty() ? "" : "; ", s.name, s.pairs, s.largest);
    }
    // Say which model scored the pairs: m trained per blocking key when the
    // keys had pairs enough, else EM over all candidates (bounded share).
    std::string em_text;
    for (const auto& run : matched.training)
      em_text += fmt::format("{}EM on the {} key's {} pairs: match share {:.4f}{}", em_text.empty() ? "" : "; ",
                             run.key, run.em_pairs, run.model.match_share, run.model.converged ? "" : " (not converged)");
    if (em_text.empty())
      em_text = fmt::format("EM on {} pairs: match share {:.4f} among them (bound {:.3f}), {} iterations{}",
                            matched.em_pairs, matched.candidate_match_share, matched.max_match_share,
                            matched.model.iterations, matched.model.converged ? "" : " (not converged)");
    model_summary = fmt::format(
        "{} candidate pairs from {} blocking keys ({} oversized blocks windowed); {}; prior {:.2g}; "
        "{} merges refused by average linkage, {} by rejections, {} by size",
        matched.candidate_pairs, matched.blocking.size(), oversized, em_text, matched.model.match_share,
        clusters.refused_by_linkage, clusters.refused_by_cannot_link, clusters.refused_by_size);
  }

  if (identity_count == 0) {
    // Without the clustering (exact rules only, or fewer than two people) the
    // identities are read back from the active decisions.
    IdentityMap identities = identities_of(ids, file.decisions(true));
    std::set<std::int64_t> canonical;
    for (std::int64_t id : ids) canonical.insert(identities.canonical(id));
    identity_count = canonical.size();
  }
  const std::string summary =
      fmt::format("{} person entities, {} identities; {} new match decisions ({} exact, {} probabilistic); {} {} for review",
                  ids.size(), identity_count, exact_added + model_added, exact_added, model_added, review_count,
                  review_count == 1 ? "pair" : "pairs");
  nlohmann::json arguments = {{"case", options.case_path},
                              {"match_probability", options.match_probability},
                              {"review_band", {options.review_low, options.review_high}},
                              {"exact_only", options.exact_only}};
  if (!options.review_queue.empty()) arguments["review_queue"] = options.review_queue;
  file.audit("resolve", arguments, summary + "; " + model_summary);
  transaction.commit();
  lap("identities and commit");
  std::string phase_text;
  for (const resolve::PhaseTime& p : phases)
    phase_text += fmt::format("{}{} {:.2f} ({:.2f})", phase_text.empty() ? "" : ", ", p.name, p.wall, p.cpu);
  fmt::print("resolve: {}\n", summary);
  fmt::print("resolve: {}; {:.2f} s\n", model_summary, clock.seconds());
  fmt::print("resolve: seconds per phase, wall (processor): {}\n", phase_text);
  if (!key_text.empty()) fmt::print("resolve: candidate pairs per blocking key: {}\n", key_text);
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
