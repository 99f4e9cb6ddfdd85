#include "engine/evaluate/network_recovery.h"

#include <algorithm>
#include <set>
#include <unordered_set>
#include <utility>

namespace casegraph::evaluate {
namespace {

using EntitySet = std::unordered_set<std::int64_t>;

bool present(const PlantedPerson& person, const EntitySet& members) {
  return std::any_of(person.entities.begin(), person.entities.end(),
                     [&](std::int64_t e) { return members.contains(e); });
}

// At least half of `people` present; an empty list is trivially half present.
bool half_present(const std::vector<PlantedPerson>& people, const EntitySet& members) {
  const auto found = static_cast<std::size_t>(
      std::count_if(people.begin(), people.end(), [&](const PlantedPerson& p) { return present(p, members); }));
  return 2 * found >= people.size();
}

bool holds(const EntitySet& members, const PlantedNetwork& network) {
  return half_present(network.victims, members) && half_present(network.offenders, members);
}

EntitySet member_set(const RankedCluster& cluster) { return {cluster.members.begin(), cluster.members.end()}; }

}  // namespace

bool holds_network(const RankedCluster& cluster, const PlantedNetwork& network) {
  return holds(member_set(cluster), network);
}

std::optional<std::int64_t> best_rank(const PlantedNetwork& network, const std::vector<RankedCluster>& clusters) {
  std::optional<std::int64_t> best;
  for (const RankedCluster& c : clusters)
    if ((!best || c.rank < *best) && holds_network(c, network)) best = c.rank;
  return best;
}

double precision_at_k(const std::vector<PlantedNetwork>& networks, const std::vector<RankedCluster>& clusters,
                      std::size_t k) {
  const std::size_t top = std::min(k, clusters.size());
  if (top == 0) return 0;
  std::size_t holding = 0;
  for (std::size_t i = 0; i < top; ++i) {
    const EntitySet members = member_set(clusters[i]);
    holding += std::any_of(networks.begin(), networks.end(),
                           [&](const PlantedNetwork& n) { return holds(members, n); })
                   ? 1
                   : 0;
  }
  return static_cast<double>(holding) / static_cast<double>(top);
}

PairRecall pair_recall_at_k(const std::vector<PlantedNetwork>& networks, const std::vector<RankedCluster>& clusters,
                            std::size_t k) {
  const std::size_t top = std::min(k, clusters.size());
  std::vector<EntitySet> members;
  for (std::size_t i = 0; i < top; ++i) members.push_back(member_set(clusters[i]));
  std::set<std::pair<std::string, std::string>> seen;
  PairRecall r;
  for (const PlantedNetwork& n : networks)
    for (const PlantedPerson& v : n.victims)
      for (const PlantedPerson& o : n.offenders) {
        if (!seen.emplace(v.id, o.id).second) continue;
        ++r.pairs;
        r.found += std::any_of(members.begin(), members.end(),
                               [&](const EntitySet& m) { return present(v, m) && present(o, m); })
                       ? 1
                       : 0;
      }
  r.recall = r.pairs > 0 ? static_cast<double>(r.found) / static_cast<double>(r.pairs) : 0;
  return r;
}

std::optional<std::int64_t> person_rank(const PlantedPerson& person, const std::vector<RankedCluster>& clusters) {
  std::optional<std::int64_t> best;
  for (const RankedCluster& c : clusters)
    if ((!best || c.rank < *best) && present(person, member_set(c))) best = c.rank;
  return best;
}

std::size_t people_in_top_k(const std::vector<PlantedPerson>& people, const std::vector<RankedCluster>& clusters,
                            std::size_t k) {
  EntitySet top;
  for (std::size_t i = 0; i < std::min(k, clusters.size()); ++i)
    top.insert(clusters[i].members.begin(), clusters[i].members.end());
  return static_cast<std::size_t>(
      std::count_if(people.begin(), people.end(), [&](const PlantedPerson& p) { return present(p, top); }));
}

RecoveryReport evaluate_recovery(const std::vector<PlantedNetwork>& networks,
                                 const std::vector<RankedCluster>& clusters, std::size_t k) {
  RecoveryReport report;
  report.k = k;
  for (const PlantedNetwork& n : networks) report.networks.push_back({n.id, n.evidence, best_rank(n, clusters)});
  report.precision_at_k = precision_at_k(networks, clusters, k);
  report.pairs = pair_recall_at_k(networks, clusters, k);
  return report;
}

}  // namespace casegraph::evaluate
