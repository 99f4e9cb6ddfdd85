#include "engine/triage/evidence_ties.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

constexpr Timestamp kEighteenYears = static_cast<Timestamp>(18 * 365.2425 * 86400);

// Person-pair weights keyed by (u << 32 | v), u < v projection vertices.
using PairWeights = std::unordered_map<std::uint64_t, double>;

std::uint64_t pair_key(VertexId u, VertexId v) {
  if (u > v) std::swap(u, v);
  return (static_cast<std::uint64_t>(u) << 32) | v;
}

bool night(Timestamp t) {
  const Timestamp hour = ((t % 86400) + 86400) % 86400 / 3600;
  return hour >= 22 || hour < 4;
}

class TieBuilder {
 public:
  TieBuilder(const CaseGraph& cg, const Projection& projection, const ClusterInputs& inputs,
             const ClusterParams& params)
      : cg_(cg), inputs_(inputs), params_(params) {
    for (std::size_t i = 0; i < projection.case_vertex.size(); ++i)
      vertex_of_[cg.entity[projection.case_vertex[i]]] = static_cast<VertexId>(i);
  }

  bool on(const char* family) const { return !params_.disabled.count(family); }

  // Contact ties: every pair of phones that called each other.
  void add_calls(PairWeights& ties) const {
    if (params_.call_tie <= 0 || !on("call_ties")) return;
    std::unordered_map<std::int64_t, std::vector<VertexId>> users;  // phone entity -> projection vertices
    for (const auto& [phone, people] : inputs_.phone_users)
      for (std::int64_t person : people)
        if (auto it = vertex_of_.find(person); it != vertex_of_.end()) users[phone].push_back(it->second);
    std::map<std::pair<std::int64_t, std::int64_t>, double> calls;  // phone pair (ordered) -> calls
    for (const LinkRow& link : cg_.links)
      if (link.type == link_type::called && link.source != link.target &&
          cg_.type[cg_.vertex(link.source)] == entity_type::phone &&
          cg_.type[cg_.vertex(link.target)] == entity_type::phone)
        calls[std::minmax(link.source, link.target)] += 1;
    std::unordered_map<std::int64_t, double> contacts;
    for (const auto& [pair, n] : calls) contacts[pair.first] += 1, contacts[pair.second] += 1;
    for (const auto& [pair, n] : calls) {
      auto a = users.find(pair.first), b = users.find(pair.second);
      if (a == users.end() || b == users.end()) continue;
      const double w = params_.call_tie * std::log2(1 + n) * 2 / (contacts[pair.first] + contacts[pair.second]);
      for (VertexId u : a->second)
        for (VertexId v : b->second)
          if (u != v) ties[pair_key(u, v)] += w;
    }
  }

  // Adult-child contact: before missing episodes, and at night.
  void add_contacts(PairWeights& episode_ties, PairWeights& night_ties) const {
    const bool episode = params_.episode_call_tie > 0 && on("episode_calls");
    const bool nightly = params_.night_call_tie > 0 && on("night_calls");
    std::map<std::uint64_t, std::set<std::int64_t>> episodes;  // pair -> episodes a call preceded
    PairWeights night_calls;
    for (const ContactFinding& c : inputs_.contacts) {
      auto a = vertex_of_.find(c.child), b = vertex_of_.find(c.adult);
      if (a == vertex_of_.end() || b == vertex_of_.end()) continue;
      const std::uint64_t key = pair_key(a->second, b->second);
      if (episode && c.episode) episodes[key].insert(c.episode);
      if (nightly && c.night) night_calls[key] += 1;
    }
    for (const auto& [key, set] : episodes)
      episode_ties[key] += params_.episode_call_tie * std::log2(1 + static_cast<double>(set.size()));
    for (const auto& [key, n] : night_calls) night_ties[key] += params_.night_call_tie * std::log2(1 + n);
  }

  // Missing children and the holders of what was seen where they were.
  void add_copresence(PairWeights& ties) const {
    if (params_.copresence_tie <= 0 || !on("copresence_ties")) return;
    // (child, holder) -> episode -> the best specificity seen in it
    std::map<std::uint64_t, std::map<std::int64_t, double>> seen;
    for (const CopresenceFinding& f : inputs_.copresence) {
      auto a = vertex_of_.find(f.victim), b = vertex_of_.find(f.suspect);
      if (a == vertex_of_.end() || b == vertex_of_.end() || a->second == b->second) continue;
      double s = f.specificity * (f.at_home ? 0.5 : 1.0) * (f.is_suspect ? 1.0 : params_.holder_tie_share);
      double& best = seen[pair_key(a->second, b->second)][f.episode];
      best = std::max(best, s);
    }
    for (const auto& [key, episodes] : seen) {
      double sum = 0;
      for (const auto& [episode, s] : episodes) sum += s;
      ties[key] += params_.copresence_tie * std::log2(1 + sum);
    }
  }

 private:
  const CaseGraph& cg_;
  const ClusterInputs& inputs_;
  const ClusterParams& params_;
  std::unordered_map<std::int64_t, VertexId> vertex_of_;
};

}  // namespace

const std::vector<std::string>& tie_family_names() {
  static const std::vector<std::string> names{"projection", "call_ties", "episode_calls", "night_calls",
                                              "copresence_ties"};
  return names;
}

PhoneUsers phone_users(const CaseGraph& cg) {
  PhoneUsers users;
  for (const LinkRow& link : cg.links) {
    const bool source_phone = cg.type[cg.vertex(link.source)] == entity_type::phone;
    const bool target_phone = cg.type[cg.vertex(link.target)] == entity_type::phone;
    if (source_phone == target_phone) continue;
    const std::int64_t person = source_phone ? link.target : link.source;
    if (cg.type[cg.vertex(person)] != entity_type::person) continue;
    auto& list = users[source_phone ? link.source : link.target];
    if (std::find(list.begin(), list.end(), person) == list.end()) list.push_back(person);
  }
  return users;
}

std::vector<ContactFinding> contact_findings(const CaseGraph& cg, const PhoneUsers& users,
                                            const std::unordered_map<std::int64_t, Timestamp>& born,
                                            Timestamp episode_window) {
  // Children's missing episodes: person -> (start, episode), sorted.
  std::unordered_map<std::int64_t, std::vector<std::pair<Timestamp, std::int64_t>>> starts;
  // Person -> the places they live or are placed, sorted.
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> homes;
  auto person = [&](std::int64_t id) { return cg.type[cg.vertex(id)] == entity_type::person; };
  for (const LinkRow& link : cg.links) {
    if (link.type == link_type::reported_missing && link.start) {
      for (std::int64_t end : {link.source, link.target})
        if (person(end)) starts[end].push_back({*link.start, end == link.source ? link.target : link.source});
    } else if (link.type == link_type::resides_at || link.type == link_type::placed_at) {
      if (person(link.source)) homes[link.source].push_back(link.target);
      if (person(link.target)) homes[link.target].push_back(link.source);
    }
  }
  for (auto& [p, list] : starts) std::sort(list.begin(), list.end());
  for (auto& [p, list] : homes) std::sort(list.begin(), list.end());
  auto share_home = [&](std::int64_t u, std::int64_t v) {
    auto a = homes.find(u), b = homes.find(v);
    if (a == homes.end() || b == homes.end()) return false;
    auto i = a->second.begin(), j = b->second.begin();
    while (i != a->second.end() && j != b->second.end()) {
      if (*i == *j) return true;
      *i < *j ? ++i : ++j;
    }
    return false;
  };
  auto child_at = [&](std::int64_t p, Timestamp t) -> std::optional<bool> {
    auto it = born.find(p);
    if (it == born.end() || t < it->second) return std::nullopt;
    return t - it->second < kEighteenYears;
  };
  std::vector<ContactFinding> found;
  for (const LinkRow& link : cg.links) {
    if (link.type != link_type::called || link.source == link.target || !link.start) continue;
    auto a = users.find(link.source), b = users.find(link.target);
    if (a == users.end() || b == users.end()) continue;
    const Timestamp t = *link.start;
    for (std::int64_t u : a->second)
      for (std::int64_t v : b->second) {
        if (u == v) continue;
        const auto cu = child_at(u, t), cv = child_at(v, t);
        if (!cu || !cv || *cu == *cv) continue;
        const std::int64_t child = *cu ? u : v, adult = *cu ? v : u;
        if (share_home(child, adult)) continue;
        ContactFinding c{child, adult, link.id, t, 0, night(t)};
        if (auto e = starts.find(child); e != starts.end()) {
          // The first episode starting within the window after the call.
          auto it = std::lower_bound(e->second.begin(), e->second.end(), std::make_pair(t, std::int64_t{0}));
          if (it != e->second.end() && it->first <= t + episode_window) c.episode = it->second;
        }
        if (c.night || c.episode) found.push_back(c);
      }
  }
  return found;
}

EvidenceTies::EvidenceTies(const CaseGraph& cg, const Projection& projection, const ClusterInputs& inputs,
                           const ClusterParams& params)
    : projection_(projection) {
  const TieBuilder builder(cg, projection, inputs, params);
  background_ = builder.on("projection") ? params.projection_tie : 0.0;
  families_.emplace_back("call_ties", PairWeights{});
  builder.add_calls(families_.back().second);
  // One walk of the contact findings gives both contact families.
  families_.emplace_back("episode_calls", PairWeights{});
  families_.emplace_back("night_calls", PairWeights{});
  builder.add_contacts(families_[1].second, families_[2].second);
  families_.emplace_back("copresence_ties", PairWeights{});
  builder.add_copresence(families_.back().second);
}

CsrGraph EvidenceTies::graph(const std::vector<std::string>& families) const {
  const auto named = [&](const std::string& family) {
    return std::find(families.begin(), families.end(), family) != families.end();
  };
  // Families add in one order whatever the names' order, so a pair's weight
  // is the same sum in every graph that reads the same families.
  PairWeights ties;
  for (const auto& [family, weights] : families_)
    if (named(family))
      for (const auto& [key, w] : weights) ties[key] += w;
  const CsrGraph& people = projection_.graph;
  const double background = named("projection") ? background_ : 0.0;
  if (ties.empty() && background == 1.0) return people;
  std::vector<Edge> edges;
  edges.reserve(people.num_edges() + ties.size());
  if (background > 0)
    for (VertexId u = 0; u < people.num_vertices(); ++u)
      for (ArcIndex a = people.arc_begin(u); a < people.arc_end(u); ++a)
        if (u < people.target(a)) edges.push_back({u, people.target(a), background * people.weight(a)});
  for (const auto& [key, w] : ties)
    edges.push_back({static_cast<VertexId>(key >> 32), static_cast<VertexId>(key & 0xffffffffU), w});
  // Deterministic order whatever the hash map's: from_edges sums parallel edges.
  std::stable_sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return x.source != y.source ? x.source < y.source : x.target < y.target;
  });
  return CsrGraph::from_edges(people.num_vertices(), edges, false, true);
}

CsrGraph clustering_graph(const CaseGraph& cg, const Projection& projection, const ClusterInputs& inputs,
                          const ClusterParams& params) {
  return EvidenceTies(cg, projection, inputs, params).graph(tie_family_names());
}

}  // namespace casegraph
