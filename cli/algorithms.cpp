#include "cli/algorithms.h"

#include "engine/centrality/betweenness.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/pagerank.h"
#include "engine/community/components.h"
#include "engine/community/louvain.h"

namespace casegraph::cli {
namespace {

std::vector<double> as_values(const std::vector<CommunityId>& membership) {
  return {membership.begin(), membership.end()};
}

std::vector<double> degree_of(const CsrGraph& g, const MeasureRequest& r, DegreeDirection direction) {
  DegreeParams p;
  p.direction = direction;
  p.weighted = r.weighted;
  return degree_centrality(g, p).score;
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
         PageRankParams p;
         p.weighted = r.weighted;
         p.threads = r.threads;
         return pagerank(g, p).score;
       }},
      {"betweenness", "exact Brandes, raw pair counts (weights are lengths)", false,
       [](const CsrGraph& g, const MeasureRequest& r) {
         BetweennessParams p;
         p.weighted = r.weighted;
         p.threads = r.threads;
         return betweenness(g, p).score;
       }},
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
  };
  return registry;
}

const AlgorithmEntry* find_algorithm(const std::string& name) {
  for (const AlgorithmEntry& a : algorithm_registry())
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace casegraph::cli
