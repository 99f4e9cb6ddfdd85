#include "engine/triage/clusters.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/model/pole.h"
#include "engine/triage/gravity.h"

namespace casegraph {
namespace {

std::string date_text(std::optional<Timestamp> t) {
  if (!t) return "";
  using namespace std::chrono;
  const sys_seconds at{seconds{*t}};
  const auto day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{at - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

// What each person's own links say, gathered once from the case graph.
struct PersonEvidence {
  std::vector<EvidenceItem> victim;        // victim_in
  std::vector<EvidenceItem> missing;       // reported_missing
  std::vector<EvidenceItem> suspect;       // suspect_in, with gravity as weight
  std::vector<EvidenceItem> intelligence;  // subject_of, with grading confidence as weight
  std::vector<std::int64_t> all_links;     // every link touching the person or their events
  const LinkRow* latest = nullptr;
};

std::optional<Timestamp> when_of(const LinkRow& link) { return link.end ? link.end : link.start; }

class EvidenceGatherer {
 public:
  EvidenceGatherer(const CaseGraph& cg, const ClusterInputs& inputs) : cg_(cg), inputs_(inputs) {}

  std::map<std::int64_t, PersonEvidence> gather() const {
    std::map<std::int64_t, PersonEvidence> evidence;
    std::map<std::int64_t, std::vector<std::int64_t>> people_of_entity;
    for (const LinkRow& link : cg_.links) {
      for (std::int64_t end : {link.source, link.target}) {
        if (!is_person(end)) continue;
        const std::int64_t other = end == link.source ? link.target : link.source;
        people_of_entity[other].push_back(end);
        PersonEvidence& e = evidence[end];
        e.all_links.push_back(link.id);
        add_role_evidence(link, end, other, e);
      }
    }
    for (const LinkRow& link : cg_.links) {
      for (std::int64_t end : {link.source, link.target}) {
        auto it = people_of_entity.find(end);
        if (it == people_of_entity.end()) continue;
        for (std::int64_t person : it->second) {
          PersonEvidence& e = evidence[person];
          e.all_links.push_back(link.id);
          if (when_of(link) && (!e.latest || *when_of(link) > *when_of(*e.latest))) e.latest = &link;
        }
      }
    }
    return evidence;
  }

 private:
  bool is_person(std::int64_t id) const { return cg_.type[cg_.vertex(id)] == entity_type::person; }
  const std::string& label(std::int64_t id) const { return cg_.label[cg_.vertex(id)]; }

  void add_role_evidence(const LinkRow& link, std::int64_t person, std::int64_t other, PersonEvidence& e) const {
    EvidenceItem item{link.id, person, "", link.start, 1.0};
    if (link.type == link_type::victim_in) {
      item.weight = gravity_of(other);
      item.what = fmt::format("victim in {}{}", label(other), offence_note(other));
      e.victim.push_back(item);
    } else if (link.type == link_type::reported_missing) {
      item.what = fmt::format("reported missing: {} ({} to {})", label(other), date_text(link.start),
                              link.end ? date_text(link.end) : "not returned");
      e.missing.push_back(item);
    } else if (link.type == link_type::suspect_in) {
      item.weight = gravity_of(other);
      item.what = fmt::format("suspect in {}{}", label(other), offence_note(other));
      e.suspect.push_back(item);
    } else if (link.type == "subject_of") {
      item.weight = link.grading.confidence();
      const std::string grading = link.grading.text();
      item.what = fmt::format("subject of intelligence {} (graded {}, confidence {:.2f})", label(other),
                              grading.empty() ? "ungraded" : grading, item.weight);
      e.intelligence.push_back(item);
    }
  }

  double gravity_of(std::int64_t occurrence) const {
    auto it = inputs_.offence_of.find(occurrence);
    return it == inputs_.offence_of.end() ? kUnknownOffenceGravity : offence_gravity(it->second);
  }
  std::string offence_note(std::int64_t occurrence) const {
    auto it = inputs_.offence_of.find(occurrence);
    if (it == inputs_.offence_of.end()) return "";
    return fmt::format(" ({}, gravity {})", it->second, offence_gravity(it->second));
  }

  const CaseGraph& cg_;
  const ClusterInputs& inputs_;
};

// Items of several lists, one per link (the first seen wins).
std::vector<EvidenceItem> unique_by_link(std::vector<EvidenceItem> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const EvidenceItem& a, const EvidenceItem& b) { return a.link_id < b.link_id; });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const EvidenceItem& a, const EvidenceItem& b) { return a.link_id == b.link_id; }),
              items.end());
  return items;
}

double total_weight(const std::vector<EvidenceItem>& items) {
  double sum = 0;
  for (const EvidenceItem& item : items) sum += item.weight;
  return sum;
}

void append(std::vector<EvidenceItem>& to, const std::vector<EvidenceItem>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

const std::vector<std::string>& score_component_names() {
  static const std::vector<std::string> names{"victim_and_suspect", "victims", "repeat_missing", "suspects",
                                              "suspect_occurrences", "gravity", "intelligence", "copresence",
                                              "links", "recency"};
  return names;
}

nlohmann::json to_json(const EvidenceItem& item) {
  nlohmann::json j = {{"link", item.link_id}, {"person", item.person}, {"what", item.what}, {"weight", item.weight}};
  j["when"] = item.when ? nlohmann::json(date_text(item.when)) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const ScoreComponent& c) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const EvidenceItem& item : c.evidence) evidence.push_back(to_json(item));
  return {{"name", c.name}, {"count", c.count}, {"points", c.points}, {"evidence", evidence}};
}

std::vector<RankedCluster> rank_clusters(const CaseGraph& cg, const Projection& projection,
                                         const std::vector<std::uint32_t>& membership, const ClusterInputs& inputs,
                                         const ClusterParams& params) {
  const auto evidence = EvidenceGatherer(cg, inputs).gather();
  std::optional<Timestamp> case_latest;
  for (const auto& [person, e] : evidence)
    if (e.latest && (!case_latest || *when_of(*e.latest) > *case_latest)) case_latest = when_of(*e.latest);

  std::map<std::uint32_t, std::vector<std::int64_t>> people_of;
  for (std::size_t i = 0; i < membership.size(); ++i)
    people_of[membership[i]].push_back(cg.entity[projection.case_vertex[i]]);

  std::vector<RankedCluster> clusters;
  for (auto& [community, people] : people_of) {
    if (people.size() < params.min_people) continue;
    std::sort(people.begin(), people.end());
    std::vector<std::int64_t> victims, suspects, all_links;
    std::vector<EvidenceItem> occurrence_and_victim_items, victim_items, repeat_items, suspect_items, occurrence_items, intel_items, pairing;
    const LinkRow* latest = nullptr;
    double repeats = 0;
    for (std::int64_t p : people) {
      auto it = evidence.find(p);
      if (it == evidence.end()) continue;
      const PersonEvidence& e = it->second;
      const bool victim = !e.victim.empty() || !e.missing.empty();
      const bool suspect = !e.suspect.empty() || !e.intelligence.empty();
      if (victim) {
        victims.push_back(p);
        append(victim_items, e.victim);
        append(victim_items, e.missing);
        pairing.push_back(!e.victim.empty() ? e.victim.front() : e.missing.front());
      }
      if (e.missing.size() >= 2) {
        repeats += static_cast<double>(e.missing.size() - 1);
        append(repeat_items, e.missing);
      }
      if (suspect) {
        suspects.push_back(p);
        append(suspect_items, e.suspect);
        append(suspect_items, e.intelligence);
        pairing.push_back(!e.suspect.empty() ? e.suspect.front() : e.intelligence.front());
      }
      append(occurrence_items, e.suspect);
      append(occurrence_and_victim_items, e.suspect);
      append(occurrence_and_victim_items, e.victim);
      append(intel_items, e.intelligence);
      all_links.insert(all_links.end(), e.all_links.begin(), e.all_links.end());
      if (e.latest && (!latest || *when_of(*e.latest) > *when_of(*latest))) latest = e.latest;
    }
    std::sort(all_links.begin(), all_links.end());
    all_links.erase(std::unique(all_links.begin(), all_links.end()), all_links.end());

    // Gravity: the worst occurrence in which a member is a victim or a suspect
    // (items of victim_in and suspect_in links carry their occurrence's gravity).
    double gravity = 0;
    std::vector<EvidenceItem> gravity_items;
    for (const EvidenceItem& item : unique_by_link(occurrence_and_victim_items)) {
      if (item.weight > gravity) gravity_items.clear(), gravity = item.weight;
      if (item.weight == gravity && gravity > 0) gravity_items.push_back(item);
    }
    occurrence_items = unique_by_link(occurrence_items);

    std::vector<EvidenceItem> copresence_items;
    const std::set<std::int64_t> victim_set(victims.begin(), victims.end());
    const std::set<std::int64_t> suspect_set(suspects.begin(), suspects.end());
    double copresence = 0;
    for (const CopresenceFinding& f : inputs.copresence) {
      if (!victim_set.count(f.victim) || !suspect_set.count(f.suspect)) continue;
      copresence += 1;
      for (std::int64_t link : f.link_ids) copresence_items.push_back({link, f.suspect, f.what, f.when, 1.0});
    }

    RankedCluster c;
    c.community = community;
    c.members = people;
    auto count = [](const auto& v) { return static_cast<double>(v.size()); };
    const bool both = !victims.empty() && !suspects.empty();
    c.components.push_back({"victim_and_suspect", both ? 1.0 : 0.0, both ? 3.0 : 0.0,
                            both ? pairing : std::vector<EvidenceItem>{}});
    c.components.push_back({"victims", count(victims), std::log2(1 + count(victims)), unique_by_link(victim_items)});
    c.components.push_back({"repeat_missing", repeats, std::log2(1 + repeats), unique_by_link(repeat_items)});
    c.components.push_back(
        {"suspects", count(suspects), std::log2(1 + count(suspects)), unique_by_link(suspect_items)});
    const double occurrence_gravity = total_weight(occurrence_items);
    c.components.push_back(
        {"suspect_occurrences", occurrence_gravity, std::log2(1 + occurrence_gravity), occurrence_items});
    c.components.push_back({"gravity", gravity, gravity, gravity_items});
    intel_items = unique_by_link(intel_items);
    const double confidence = total_weight(intel_items);
    c.components.push_back({"intelligence", confidence, std::log2(1 + confidence), intel_items});
    c.components.push_back({"copresence", copresence, params.copresence_weight * std::log2(1 + copresence),
                            unique_by_link(copresence_items)});
    std::vector<EvidenceItem> volume;
    volume.reserve(all_links.size());
    for (std::int64_t link : all_links) volume.push_back({link, 0, "", std::nullopt, 1.0});
    c.components.push_back({"links", count(all_links), 0.5 * std::log2(1 + count(all_links)), std::move(volume)});
    const std::optional<Timestamp> last = latest ? when_of(*latest) : std::nullopt;
    const double age_days = last && case_latest ? static_cast<double>(*case_latest - *last) / 86400.0 : 0.0;
    std::vector<EvidenceItem> recency_items;
    if (latest) recency_items.push_back({latest->id, 0, "latest dated link of the cluster", last, 1.0});
    c.components.push_back({"recency", age_days, last ? std::exp(-age_days / 365.0) : 0.0, recency_items});
    for (ScoreComponent& part : c.components) {
      if (params.disabled.count(part.name)) part.points = 0;
      c.score += part.points;
    }
    clusters.push_back(std::move(c));
  }
  // Highest score first; ties broken by size, then by the smallest member id,
  // so the ranking is reproducible.
  std::sort(clusters.begin(), clusters.end(), [](const RankedCluster& x, const RankedCluster& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.members.size() != y.members.size()) return x.members.size() > y.members.size();
    return x.members.front() < y.members.front();
  });
  for (std::size_t i = 0; i < clusters.size(); ++i) clusters[i].rank = static_cast<std::int64_t>(i + 1);
  return clusters;
}

}  // namespace casegraph
