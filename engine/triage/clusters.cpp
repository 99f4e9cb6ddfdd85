#include "engine/triage/clusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

// What each person's own links say, gathered once from the case graph.
struct PersonEvidence {
  std::vector<std::int64_t> victim_links;
  std::vector<std::int64_t> missing_links;
  std::vector<std::int64_t> suspect_links;
  std::vector<std::int64_t> all_links;  // every link touching the person or their events
  std::optional<Timestamp> latest;
};

std::map<std::int64_t, PersonEvidence> gather_evidence(const CaseGraph& cg) {
  std::map<std::int64_t, PersonEvidence> evidence;
  // Events and objects touched by each person, to count links of their events too.
  std::map<std::int64_t, std::vector<std::int64_t>> people_of_entity;
  for (const LinkRow& link : cg.links) {
    for (std::int64_t end : {link.source, link.target}) {
      if (cg.type[cg.vertex(end)] != entity_type::person) continue;
      std::int64_t other = end == link.source ? link.target : link.source;
      people_of_entity[other].push_back(end);
      PersonEvidence& e = evidence[end];
      e.all_links.push_back(link.id);
      if (link.type == link_type::victim_in) e.victim_links.push_back(link.id);
      if (link.type == link_type::reported_missing) e.missing_links.push_back(link.id);
      if (link.type == link_type::suspect_in || link.type == "subject_of") e.suspect_links.push_back(link.id);
    }
  }
  for (const LinkRow& link : cg.links) {
    std::optional<Timestamp> when = link.end ? link.end : link.start;
    for (std::int64_t end : {link.source, link.target}) {
      auto it = people_of_entity.find(end);
      if (it == people_of_entity.end()) continue;
      for (std::int64_t person : it->second) {
        PersonEvidence& e = evidence[person];
        e.all_links.push_back(link.id);
        if (when && (!e.latest || *when > *e.latest)) e.latest = when;
      }
    }
  }
  return evidence;
}

std::vector<std::int64_t> sorted_unique(std::vector<std::int64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

nlohmann::json to_json(const ScoreComponent& c) {
  return {{"name", c.name}, {"count", c.count}, {"points", c.points}, {"links", c.link_ids}};
}

std::vector<RankedCluster> rank_clusters(const CaseGraph& cg, const Projection& projection,
                                         const std::vector<std::uint32_t>& membership,
                                         const ClusterParams& params) {
  const auto evidence = gather_evidence(cg);
  std::optional<Timestamp> case_latest;
  for (const auto& [person, e] : evidence)
    if (e.latest && (!case_latest || *e.latest > *case_latest)) case_latest = e.latest;

  std::map<std::uint32_t, std::vector<std::int64_t>> people_of;
  for (std::size_t i = 0; i < membership.size(); ++i)
    people_of[membership[i]].push_back(cg.entity[projection.case_vertex[i]]);

  std::vector<RankedCluster> clusters;
  for (auto& [community, people] : people_of) {
    if (people.size() < params.min_people) continue;
    std::vector<std::int64_t> victims, suspects, victim_links, suspect_links, missing_links, all_links;
    std::optional<Timestamp> latest;
    for (std::int64_t p : people) {
      auto it = evidence.find(p);
      if (it == evidence.end()) continue;
      const PersonEvidence& e = it->second;
      if (!e.victim_links.empty() || !e.missing_links.empty()) victims.push_back(p);
      if (!e.suspect_links.empty()) suspects.push_back(p);
      victim_links.insert(victim_links.end(), e.victim_links.begin(), e.victim_links.end());
      victim_links.insert(victim_links.end(), e.missing_links.begin(), e.missing_links.end());
      suspect_links.insert(suspect_links.end(), e.suspect_links.begin(), e.suspect_links.end());
      missing_links.insert(missing_links.end(), e.missing_links.begin(), e.missing_links.end());
      all_links.insert(all_links.end(), e.all_links.begin(), e.all_links.end());
      if (e.latest && (!latest || *e.latest > *latest)) latest = e.latest;
    }
    victim_links = sorted_unique(victim_links);
    suspect_links = sorted_unique(suspect_links);
    missing_links = sorted_unique(missing_links);
    all_links = sorted_unique(all_links);

    RankedCluster c;
    c.community = community;
    c.members = people;
    auto count = [](const auto& v) { return static_cast<double>(v.size()); };
    bool both = !victims.empty() && !suspects.empty();
    std::vector<std::int64_t> pairing_links;
    if (both) {
      pairing_links = victim_links;
      pairing_links.insert(pairing_links.end(), suspect_links.begin(), suspect_links.end());
      pairing_links = sorted_unique(pairing_links);
    }
    c.components.push_back({"victim_and_suspect", both ? 1.0 : 0.0, both ? 3.0 : 0.0, pairing_links});
    c.components.push_back({"victims", count(victims), std::log2(1 + count(victims)), victim_links});
    c.components.push_back({"suspects", count(suspects), std::log2(1 + count(suspects)), suspect_links});
    c.components.push_back(
        {"missing_episodes", count(missing_links), std::log2(1 + count(missing_links)), missing_links});
    c.components.push_back({"links", count(all_links), 0.5 * std::log2(1 + count(all_links)), {}});
    double age_days = latest && case_latest ? static_cast<double>(*case_latest - *latest) / 86400.0 : 0.0;
    c.components.push_back({"recency", age_days, latest ? std::exp(-age_days / 365.0) : 0.0, {}});
    for (const ScoreComponent& part : c.components) c.score += part.points;
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
