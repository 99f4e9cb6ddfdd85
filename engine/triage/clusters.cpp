#include "engine/triage/clusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/model/datetime.h"
#include "engine/model/pole.h"
#include "engine/triage/evidence_ties.h"
#include "engine/triage/gravity.h"

namespace casegraph {
namespace {

std::string date_text(std::optional<Timestamp> t) { return t ? format_iso8601(*t, false) : ""; }

// What each person's own links say, gathered once from the case graph.
struct PersonEvidence {
  std::vector<EvidenceItem> victim;        // victim_in, counted (a child, age unknown, or gravity 3)
  std::vector<EvidenceItem> missing;       // reported_missing
  std::vector<EvidenceItem> suspect;       // suspect_in, with gravity as weight
  std::vector<std::int64_t> suspect_occurrence;  // the occurrence of each suspect item
  std::vector<std::int64_t> victim_occurrence;   // the occurrence of each victim item
  std::vector<EvidenceItem> victim_not_adult;    // those of victim where the person was a child or of unknown age
  std::vector<EvidenceItem> intelligence;  // subject_of, with grading confidence as weight
  std::vector<EvidenceItem> intelligence_as_suspect;  // those that make the subject a suspect
  std::vector<std::int64_t> all_links;     // every link touching the person or their events
  const LinkRow* latest = nullptr;
  bool child_victim = false;               // a child victim_in, or reported missing as a child
  bool named_suspect = false;              // suspect_in an occurrence

  // Named as a suspect in an occurrence, or by intelligence.
  bool any_suspect_evidence() const { return !suspect.empty() || !intelligence_as_suspect.empty(); }
};

constexpr Timestamp kEighteenYears = static_cast<Timestamp>(18 * 365.2425 * 86400);

std::optional<Timestamp> when_of(const LinkRow& link) { return link.end ? link.end : link.start; }

class EvidenceGatherer {
 public:
  EvidenceGatherer(const CaseGraph& cg, const ClusterInputs& inputs) : cg_(cg), inputs_(inputs) {}

  // `child_occurrences` receives the occurrences with a child victim.
  std::map<std::int64_t, PersonEvidence> gather(std::set<std::int64_t>& child_occurrences) const {
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
        if (link.type == link_type::victim_in && is_child(end, link.start) && !property_offence(other))
          child_occurrences.insert(other);
      }
    }
    // Intelligence makes its adult subject a suspect, not a child at risk
    // nor a victim of the case who is named as no occurrence's suspect.
    for (auto& [person, e] : evidence) {
      const bool victim = e.child_victim || !e.victim.empty() || !e.missing.empty();
      for (EvidenceItem& item : e.intelligence)
        if (!(is_child(person, item.when) || (victim && !e.named_suspect))) e.intelligence_as_suspect.push_back(item);
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
  // Under 18 at `when`; false when either date is unknown.
  bool is_child(std::int64_t person, std::optional<Timestamp> when) const {
    auto it = inputs_.born.find(person);
    return it != inputs_.born.end() && when && *when - it->second < kEighteenYears && *when >= it->second;
  }
  bool is_adult(std::int64_t person, std::optional<Timestamp> when) const {
    auto it = inputs_.born.find(person);
    return it != inputs_.born.end() && when && *when - it->second >= kEighteenYears;
  }
  const std::string& label(std::int64_t id) const { return cg_.label[cg_.vertex(id)]; }

  void add_role_evidence(const LinkRow& link, std::int64_t person, std::int64_t other, PersonEvidence& e) const {
    EvidenceItem item{link.id, person, "", link.start, 1.0};
    if (link.type == link_type::victim_in) {
      item.weight = gravity_of(other);
      // Triage looks for people harmed: a child harmed in person, or anyone
      // in an offence of gravity 3. The householders of volume property
      // crime (a burglary, a theft), children of the house included, are not
      // counted; nor adults in lesser offences.
      const bool child = is_child(person, link.start) && !property_offence(other);
      item.what = fmt::format("{}victim in {}{}", child ? "child " : "", label(other), offence_note(other));
      if (child) e.child_victim = true;
      const bool not_adult = !is_adult(person, link.start) && !property_offence(other);
      if (child || item.weight >= 3 || not_adult) {
        e.victim.push_back(item);
        e.victim_occurrence.push_back(other);
      }
      if (not_adult) e.victim_not_adult.push_back(item);
    } else if (link.type == link_type::reported_missing) {
      if (!is_adult(person, link.start)) e.child_victim = true;
      item.what = fmt::format("reported missing: {} ({} to {})", label(other), date_text(link.start),
                              link.end ? date_text(link.end) : "not returned");
      e.missing.push_back(item);
    } else if (link.type == link_type::suspect_in) {
      item.weight = gravity_of(other);
      item.what = fmt::format("suspect in {}{}", label(other), offence_note(other));
      e.suspect.push_back(item);
      e.suspect_occurrence.push_back(other);
      e.named_suspect = true;
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
  bool property_offence(std::int64_t occurrence) const {
    auto it = inputs_.offence_of.find(occurrence);
    return it != inputs_.offence_of.end() && against_property(it->second);
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

std::unordered_map<std::int64_t, Timestamp> births_of(const std::vector<EntityRow>& entities,
                                                      const IdentityMap& identities) {
  std::unordered_map<std::int64_t, Timestamp> born;
  for (const EntityRow& e : entities) {
    if (e.type != entity_type::person) continue;
    auto it = e.attributes.find("dob");
    if (it == e.attributes.end() || !it->is_string()) continue;
    // YYYY-MM-DD (a time after it is ignored); anything else is no date.
    const std::string_view text = it->get_ref<const std::string&>();
    if (const std::optional<Timestamp> day = parse_datetime(text.substr(0, 10), DateFormat::ymd, nullptr))
      born.emplace(identities.canonical(e.id), *day);
  }
  return born;
}

namespace {

// People (canonical entity ids, pair ordered) whose phones called each other,
// with the first such call (the evidence of their tie).
std::map<std::pair<std::int64_t, std::int64_t>, const LinkRow*> calling_pairs(const CaseGraph& cg,
                                                                              const PhoneUsers& users) {
  std::map<std::pair<std::int64_t, std::int64_t>, const LinkRow*> pairs;
  for (const LinkRow& link : cg.links) {
    if (link.type != link_type::called) continue;
    auto a = users.find(link.source), b = users.find(link.target);
    if (a == users.end() || b == users.end()) continue;
    for (std::int64_t u : a->second)
      for (std::int64_t v : b->second)
        if (u != v) pairs.emplace(std::minmax(u, v), &link);
  }
  return pairs;
}

}  // namespace

const std::vector<std::string>& score_component_names() {
  static const std::vector<std::string> names{"victim_and_suspect", "victims", "repeat_missing", "suspects",
                                              "suspect_occurrences", "gravity", "intelligence", "copresence",
                                              "links", "recency", "child_offences", "contact_before_missing",
                                              "night_contact"};
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
  std::set<std::int64_t> child_occurrences;
  const auto evidence = EvidenceGatherer(cg, inputs).gather(child_occurrences);
  const auto calling = calling_pairs(cg, inputs.phone_users);
  std::map<std::pair<std::int64_t, std::int64_t>, const CopresenceFinding*> copresent;  // (victim, suspect)
  for (const CopresenceFinding& f : inputs.copresence)
    if (f.is_suspect) copresent.emplace(std::make_pair(f.victim, f.suspect), &f);
  // A victim and a suspect of one cluster are tied when they are named in
  // one occurrence, placed together by co-presence, or their phones called
  // each other; two people community detection merely grouped are not. The
  // evidence: the two roles, then what ties them (the shared occurrence is
  // named by both roles; the sighting or the call is a third item).
  // The first occurrence naming both: indexes of its victim and suspect items.
  auto shared_occurrence = [](const PersonEvidence& v,
                              const PersonEvidence& s) -> std::optional<std::pair<std::size_t, std::size_t>> {
    for (std::size_t i = 0; i < v.victim.size(); ++i)
      for (std::size_t j = 0; j < s.suspect.size(); ++j)
        if (v.victim_occurrence[i] == s.suspect_occurrence[j]) return std::make_pair(i, j);
    return std::nullopt;
  };
  // Whether `tie` below finds anything, without formatting its evidence.
  auto tied = [&](std::int64_t victim, std::int64_t suspect) {
    return shared_occurrence(evidence.at(victim), evidence.at(suspect)) ||
           copresent.count({victim, suspect}) > 0 || calling.count(std::minmax(victim, suspect)) > 0;
  };
  auto tie = [&](std::int64_t victim, std::int64_t suspect) -> std::vector<EvidenceItem> {
    const PersonEvidence& v = evidence.at(victim);
    const PersonEvidence& s = evidence.at(suspect);
    if (const auto shared = shared_occurrence(v, s)) return {v.victim[shared->first], s.suspect[shared->second]};
    const EvidenceItem& role_v = !v.victim.empty() ? v.victim.front() : v.missing.front();
    const EvidenceItem& role_s = !s.suspect.empty() ? s.suspect.front() : s.intelligence_as_suspect.front();
    if (auto f = copresent.find({victim, suspect}); f != copresent.end()) {
      const CopresenceFinding& found = *f->second;
      std::vector<EvidenceItem> items{role_v, role_s};
      for (std::int64_t link : found.link_ids) items.push_back({link, suspect, "tie: " + found.what, found.when, 1.0});
      return items;
    }
    if (auto c = calling.find(std::minmax(victim, suspect)); c != calling.end()) {
      const LinkRow& call = *c->second;
      return {role_v, role_s,
              {call.id, suspect,
               fmt::format("tie: call between the phones of {} and {}", cg.label[cg.vertex(suspect)],
                           cg.label[cg.vertex(victim)]),
               call.start, 1.0}};
    }
    return {};
  };
  // A call between a child and an adult before one of her missing episodes.
  auto before_missing_item = [&](const ContactFinding& f) -> EvidenceItem {
    const std::string& child = cg.label[cg.vertex(f.child)];
    return {f.link_id, f.adult,
            fmt::format("call between {} and {} before {} went missing ({})", cg.label[cg.vertex(f.adult)], child,
                        child, cg.label[cg.vertex(f.episode)]),
            f.when, 1.0};
  };
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
    std::vector<EvidenceItem> child_offence_items, graded_items, victim_items, repeat_items, suspect_items, occurrence_items, intel_items;
    const LinkRow* latest = nullptr;
    double repeats = 0;
    // Suspects tied by evidence to a child victim (or missing child) of the cluster.
    std::set<std::int64_t> linked;
    if (params.victim_linked_suspects) {
      std::vector<std::int64_t> children, possible;
      for (std::int64_t p : people) {
        auto it = evidence.find(p);
        if (it == evidence.end()) continue;
        if (it->second.child_victim) children.push_back(p);
        if (it->second.any_suspect_evidence()) possible.push_back(p);
      }
      for (std::int64_t s : possible)
        if (std::any_of(children.begin(), children.end(),
                        [&](std::int64_t v) { return v != s && tied(v, s); }))
          linked.insert(s);
    }
    auto counts_as_suspect = [&](std::int64_t p) { return !params.victim_linked_suspects || linked.count(p) > 0; };
    const std::set<std::int64_t> member_set(people.begin(), people.end());
    // Adults in contact with a child of the cluster in the hours before one
    // of her missing episodes (ClusterParams::contact_suspects): suspects by
    // what the calls say, though no record names them.
    std::map<std::int64_t, std::vector<const ContactFinding*>> contact_suspects;  // adult -> those calls
    if (params.contact_suspects)
      for (const ContactFinding& f : inputs.contacts)
        if (f.episode && member_set.count(f.child) && member_set.count(f.adult)) contact_suspects[f.adult].push_back(&f);
    for (std::int64_t p : people) {
      auto it = evidence.find(p);
      if (it == evidence.end()) continue;
      const PersonEvidence& e = it->second;
      const bool victim = !e.victim.empty() || e.child_victim;
      const auto by_contact = contact_suspects.find(p);
      const bool suspect = (e.any_suspect_evidence() && counts_as_suspect(p)) || by_contact != contact_suspects.end();
      if (victim) {
        victims.push_back(p);
        append(victim_items, e.victim);
        append(victim_items, e.missing);
      }
      if (e.missing.size() >= 2) {
        repeats += static_cast<double>(e.missing.size() - 1);
        append(repeat_items, e.missing);
      }
      if (suspect) {
        suspects.push_back(p);
        append(suspect_items, e.suspect);
        append(suspect_items, e.intelligence_as_suspect);
        if (by_contact != contact_suspects.end())
          for (const ContactFinding* f : by_contact->second) suspect_items.push_back(before_missing_item(*f));
      }
      if (counts_as_suspect(p)) append(occurrence_items, e.suspect);
      // Harm to children weighed by kind and concentration: an occurrence
      // against a child counts when it is grave (robbery, abduction, sexual
      // offences), or when most of the member's occurrences concern children.
      // A prolific burglar's assault on a 16-year-old is volume crime by
      // chance, not exploitation.
      std::size_t against_children = 0;
      for (std::int64_t occurrence : e.suspect_occurrence) against_children += child_occurrences.count(occurrence);
      const bool concentrated = !e.suspect.empty() && static_cast<double>(against_children) >=
                                                          params.child_offence_min_share * static_cast<double>(e.suspect.size());
      for (std::size_t i = 0; i < e.suspect.size(); ++i)
        if (child_occurrences.count(e.suspect_occurrence[i]) &&
            (e.suspect[i].weight >= params.child_offence_min_gravity || concentrated))
          child_offence_items.push_back(e.suspect[i]);
      if (params.gravity_of_harm_to_children) {
        append(graded_items, e.victim_not_adult);
      } else {
        append(graded_items, e.suspect);
        append(graded_items, e.victim);
      }
      if (counts_as_suspect(p) || victim) append(intel_items, e.intelligence);
      all_links.insert(all_links.end(), e.all_links.begin(), e.all_links.end());
      if (e.latest && (!latest || *when_of(*e.latest) > *when_of(*latest))) latest = e.latest;
    }
    std::sort(all_links.begin(), all_links.end());
    all_links.erase(std::unique(all_links.begin(), all_links.end()), all_links.end());

    // Gravity: the worst occurrence in which a member is a victim or a suspect
    // (items of victim_in and suspect_in links carry their occurrence's gravity);
    // with ClusterParams::gravity_of_harm_to_children only occurrences against
    // children (a member a victim in one as a child or of unknown age, as
    // victims counts them, or a suspect in one child_offences counts).
    if (params.gravity_of_harm_to_children) append(graded_items, child_offence_items);
    double gravity = 0;
    std::vector<EvidenceItem> gravity_items;
    for (const EvidenceItem& item : unique_by_link(graded_items)) {
      if (item.weight > gravity) gravity_items.clear(), gravity = item.weight;
      if (item.weight == gravity && gravity > 0) gravity_items.push_back(item);
    }
    occurrence_items = unique_by_link(occurrence_items);

    std::vector<EvidenceItem> copresence_items;
    const std::set<std::int64_t> victim_set(victims.begin(), victims.end());
    const std::set<std::int64_t> suspect_set(suspects.begin(), suspects.end());
    // One count per (victim, suspect) pair: the tenth sighting of the same car
    // where the same child was adds evidence to read, not another pair.
    std::set<std::pair<std::int64_t, std::int64_t>> copresent_pairs;
    for (const CopresenceFinding& f : inputs.copresence) {
      if (!f.is_suspect || !victim_set.count(f.victim) || !suspect_set.count(f.suspect)) continue;
      copresent_pairs.insert({f.victim, f.suspect});
      for (std::int64_t link : f.link_ids) copresence_items.push_back({link, f.suspect, f.what, f.when, 1.0});
    }

    // Adult-child phone contact inside the cluster (evidence_ties.h): one
    // count per (child, adult) pair, every call kept as evidence.
    std::set<std::pair<std::int64_t, std::int64_t>> before_pairs, night_pairs;
    std::vector<EvidenceItem> before_items, night_items;
    for (const ContactFinding& f : inputs.contacts) {
      if (!member_set.count(f.child) || !member_set.count(f.adult)) continue;
      const std::string& child = cg.label[cg.vertex(f.child)];
      const std::string& adult = cg.label[cg.vertex(f.adult)];
      if (f.episode) {
        before_pairs.insert({f.child, f.adult});
        before_items.push_back(before_missing_item(f));
      }
      if (f.night) {
        night_pairs.insert({f.child, f.adult});
        night_items.push_back({f.link_id, f.adult, fmt::format("night-time call between {} and {}", adult, child),
                               f.when, 1.0});
      }
    }

    RankedCluster c;
    c.community = community;
    c.members = people;
    auto count = [](const auto& v) { return static_cast<double>(v.size()); };
    std::vector<EvidenceItem> pairing;
    for (std::size_t i = 0; i < victims.size() && pairing.empty(); ++i)
      for (std::size_t j = 0; j < suspects.size() && pairing.empty(); ++j)
        if (victims[i] != suspects[j] && evidence.at(suspects[j]).any_suspect_evidence() &&
            tied(victims[i], suspects[j]))
          pairing = tie(victims[i], suspects[j]);
    // Else a child and an adult in contact before she went missing: her
    // episode and the call.
    if (pairing.empty() && !contact_suspects.empty()) {
      const ContactFinding& f = *contact_suspects.begin()->second.front();
      pairing = {evidence.at(f.child).missing.front(), before_missing_item(f)};
    }
    const bool both = !pairing.empty();
    c.components.push_back({"victim_and_suspect", both ? 1.0 : 0.0, both ? 3.0 : 0.0, pairing});
    c.components.push_back({"victims", count(victims), std::log2(1 + count(victims)), unique_by_link(victim_items)});
    c.components.push_back({"repeat_missing", repeats, std::log2(1 + repeats), unique_by_link(repeat_items)});
    c.components.push_back(
        {"suspects", count(suspects), std::log2(1 + count(suspects)), unique_by_link(suspect_items)});
    const double occurrence_gravity = total_weight(occurrence_items);
    c.components.push_back(
        {"suspect_occurrences", occurrence_gravity, params.occurrence_weight * std::log2(1 + occurrence_gravity),
         occurrence_items});
    c.components.push_back({"gravity", gravity, gravity, gravity_items});
    intel_items = unique_by_link(intel_items);
    const double confidence = total_weight(intel_items);
    c.components.push_back({"intelligence", confidence, std::log2(1 + confidence), intel_items});
    const double copresence = static_cast<double>(copresent_pairs.size());
    c.components.push_back({"copresence", copresence, params.copresence_weight * std::log2(1 + copresence),
                            unique_by_link(copresence_items)});
    std::vector<EvidenceItem> volume;
    volume.reserve(all_links.size());
    for (std::int64_t link : all_links) volume.push_back({link, 0, "", std::nullopt, 1.0});
    c.components.push_back(
        {"links", count(all_links), params.links_weight * std::log2(1 + count(all_links)), std::move(volume)});
    const std::optional<Timestamp> last = latest ? when_of(*latest) : std::nullopt;
    const double age_days = last && case_latest ? static_cast<double>(*case_latest - *last) / 86400.0 : 0.0;
    std::vector<EvidenceItem> recency_items;
    if (latest) recency_items.push_back({latest->id, 0, "latest dated link of the cluster", last, 1.0});
    c.components.push_back({"recency", age_days, last ? std::exp(-age_days / 365.0) : 0.0, recency_items});
    child_offence_items = unique_by_link(child_offence_items);
    const double child_gravity = total_weight(child_offence_items);
    c.components.push_back({"child_offences", child_gravity,
                            params.child_offence_weight * std::log2(1 + child_gravity), child_offence_items});
    const double before = static_cast<double>(before_pairs.size());
    c.components.push_back({"contact_before_missing", before,
                            params.contact_before_missing_weight * std::log2(1 + before), std::move(before_items)});
    const double nights = static_cast<double>(night_pairs.size());
    c.components.push_back({"night_contact", nights, params.night_contact_weight * std::log2(1 + nights),
                            std::move(night_items)});
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
