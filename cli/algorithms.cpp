#include "cli/algorithms.h"

#include <fmt/format.h>

#include <utility>

#include "engine/centrality/betweenness.h"
#include "engine/centrality/betweenness_sampled.h"
#include "engine/centrality/closeness.h"
#include "engine/centrality/clustering.h"
#include "engine/centrality/core_number.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/eigenvector.h"
#include "engine/centrality/harmonic.h"
#include "engine/centrality/hits.h"
#include "engine/centrality/key_player.h"
#include "engine/centrality/pagerank.h"
#include "engine/community/components.h"
#include "engine/community/label_propagation.h"
#include "engine/community/leiden.h"
#include "engine/community/louvain.h"

namespace casegraph::cli {
namespace {

std::vector<double> as_values(const std::vector<CommunityId>& membership) {
  return {membership.begin(), membership.end()};
}

// The parameters every threaded, optionally weighted measure takes from the request.
template <class Params>
Params weighted_threaded(const MeasureRequest& r) {
  Params p;
  p.weighted = r.weighted;
  p.threads = r.threads;
  return p;
}

std::vector<double> degree_of(const CsrGraph& g, const MeasureRequest& r, DegreeDirection direction) {
  DegreeParams p;
  p.direction = direction;
  p.weighted = r.weighted;
  return degree_centrality(g, p).score;
}

std::vector<double> closeness_of(const CsrGraph& g, const MeasureRequest& r, bool wasserman_faust) {
  auto p = weighted_threaded<ClosenessParams>(r);
  p.convention = wasserman_faust ? DisconnectedConvention::wasserman_faust : DisconnectedConvention::reachable_only;
  return closeness(g, p).score;
}

HitsResult hits_of(const CsrGraph& g, const MeasureRequest& r) {
  HitsParams p;
  p.weighted = r.weighted;
  return hits(g, p);
}

std::vector<double> betweenness_sampled_of(const CsrGraph& g, const MeasureRequest& r) {
  auto p = weighted_threaded<SampledBetweennessParams>(r);
  p.epsilon = r.epsilon;
  p.delta = r.delta;
  p.seed = r.seed;
  SampledBetweennessResult result = betweenness_sampled(g, p);
  fmt::print(stderr,
             "betweenness_sampled: {} samples (vertex-diameter bound {}); with probability >= {} every value is "
             "within {:.6g} of the exact pair count (epsilon {} normalised)\n",
             result.samples, result.vertex_diameter_bound, 1 - r.delta, result.raw_error_bound, r.epsilon);
  return std::move(result.score);
}

std::vector<double> key_player_of(const CsrGraph& g, const MeasureRequest& r, KeyPlayerObjective objective) {
  auto p = weighted_threaded<KeyPlayerParams>(r);
  p.objective = objective;
  p.k = r.k;
  const KeyPlayerResult result = key_players(g, p);
  fmt::print(stderr, "{}: set of {}, {} {:.6f} (greedy {:.6f}, {} improving swaps, {} evaluations)\n",
             objective == KeyPlayerObjective::fragmentation ? "kpp_neg" : "kpp_pos", result.members.size(),
             objective == KeyPlayerObjective::fragmentation ? "fragmentation" : "distance-weighted reach",
             result.value, result.greedy_value, result.swap_rounds, result.evaluations);
  std::vector<double> chosen(g.num_vertices(), 0.0);
  for (VertexId v : result.members) chosen[v] = 1.0;
  return chosen;
}

}  // namespace

const std::vector<AlgorithmEntry>& algorithm_registry() {
  static const std::vector<AlgorithmEntry> registry{
      {"degree", "degree (strength with --weighted); in + out when directed", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return degree_of(g, r, DegreeDirection::total); }},
      {"in_degree", "in-degree of a directed graph", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return degree_of(g, r, DegreeDirection::in); }},
      {"out_degree", "out-degree of a directed graph", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return degree_of(g, r, DegreeDirection::out); }},
      {"pagerank", "PageRank, damping 0.85", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         auto p = weighted_threaded<PageRankParams>(r);
         if (r.tolerance > 0) p.tolerance = r.tolerance;
         if (!r.restart.empty()) {  // personalised: teleport to the restart set only
           p.personalization.assign(g.num_vertices(), 0.0);
           for (VertexId v : r.restart) p.personalization[v] = 1.0;
         }
         return pagerank(g, p).score;
       }},
      {"betweenness", "exact Brandes, raw pair counts (weights are lengths)", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         return betweenness(g, weighted_threaded<BetweennessParams>(r)).score;
       }},
      {"betweenness_sampled",
       "Riondato-Kornaropoulos sample, raw pair scale; |error| <= epsilon normalised w.p. 1-delta "
       "(--epsilon, --delta, --seed)",
       false, betweenness_sampled_of},
      {"closeness", "closeness, Wasserman-Faust scaling on disconnected graphs (networkx; incoming when directed)",
       false, [](const CsrGraph& g, const MeasureRequest& r) { return closeness_of(g, r, true); }},
      {"closeness_reachable", "closeness over reachable vertices only (igraph; incoming when directed)", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return closeness_of(g, r, false); }},
      {"harmonic", "harmonic centrality, sum of 1/distance (networkx; incoming when directed)", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         return harmonic(g, weighted_threaded<HarmonicParams>(r)).score;
       }},
      {"eigenvector", "eigenvector centrality, unit L2 norm (undirected; weights as strengths)", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         return eigenvector_centrality(g, weighted_threaded<EigenvectorParams>(r)).score;
       }},
      {"hubs", "HITS hub scores, sum 1 (directed; weights as strengths)", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return hits_of(g, r).hubs; }},
      {"authorities", "HITS authority scores, sum 1 (directed; weights as strengths)", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return hits_of(g, r).authorities; }},
      {"core_number", "k-core number (in + out degree when directed)", false,
       [](const CsrGraph& g, const MeasureRequest&) { return core_number(g).score; }},
      {"clustering", "local clustering coefficient (Onnela weighted, Fagiolo directed)", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         return local_clustering(g, weighted_threaded<ClusteringParams>(r)).score;
       }},
      {"kpp_neg", "key players, fragmentation: 1 for the --k whose removal breaks the graph most", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         return key_player_of(g, r, KeyPlayerObjective::fragmentation);
       }},
      {"kpp_pos", "key players, distance-weighted reach: 1 for the --k who reach the rest most closely", false,
       [](const CsrGraph& g, const MeasureRequest& r) { return key_player_of(g, r, KeyPlayerObjective::reach); }},
      {"components", "connected components (weak when directed)", true,
       [](const CsrGraph& g, const MeasureRequest&) { return as_values(connected_components(g).membership); }},
      {"strong_components", "strongly connected components", true,
       [](const CsrGraph& g, const MeasureRequest&) {
         return as_values(connected_components(g, {ComponentKind::strong}).membership);
       }},
      {"louvain", "Louvain modularity communities (--seed, --resolution)", true,
       [](const CsrGraph& g, const MeasureRequest& r) {
         LouvainParams p;
         p.seed = r.seed;
         p.resolution = r.resolution;
         p.keep_levels = false;
         return as_values(louvain(g, p).membership);
       }},
      {"leiden", "Leiden communities (--quality modularity|cpm, --resolution, --seed, --threads)", true,
       [](const CsrGraph& g, const MeasureRequest& r) {
         LeidenParams p;
         p.quality = r.quality == "cpm" ? LeidenQuality::cpm : LeidenQuality::modularity;
         p.resolution = r.resolution;
         p.seed = r.seed;
         p.threads = r.threads;
         return as_values(leiden(g, p).membership);
       }},
      {"label_propagation", "label propagation communities (--seed; weights with --weighted)", true,
       [](const CsrGraph& g, const MeasureRequest& r) {
         LabelPropagationParams p;
         p.seed = r.seed;
         p.weighted = r.weighted;
         return as_values(label_propagation(g, p).membership);
       }},
  };
  return registry;
}

const AlgorithmEntry* find_algorithm(const std::string& name) {
  for (const AlgorithmEntry& a : algorithm_registry())
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace casegraph::cli
