#include "engine/triage/analysis.h"

#include <algorithm>
#include <chrono>

#include "engine/model/pole.h"

#include "engine/centrality/betweenness.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/pagerank.h"
#include "engine/community/louvain.h"

namespace casegraph {
namespace {

class PhaseClock {
 public:
  explicit PhaseClock(const PhaseReport& report) : report_(report), start_(std::chrono::steady_clock::now()) {}
  void done(const std::string& phase) {
    auto now = std::chrono::steady_clock::now();
    if (report_) report_(phase, std::chrono::duration<double>(now - start_).count());
    start_ = now;
  }

 private:
  const PhaseReport& report_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

AnalysisResult analyse_case(const std::vector<EntityRow>& entities, const std::vector<LinkRow>& links,
                            const IdentityMap& identities, const AnalysisParams& params,
                            const PhaseReport& report) {
  PhaseClock clock(report);
  AnalysisResult r;
  r.case_graph = build_case_graph(entities, links, identities, params.filter);
  clock.done("graph");
  r.projection = project_people(r.case_graph, params.projection);
  clock.done("projection");

  const CsrGraph& people = r.projection.graph;
  DegreeParams degree_params;
  r.scores["degree"] = degree_centrality(people, degree_params).score;
  degree_params.weighted = true;
  r.scores["strength"] = degree_centrality(people, degree_params).score;
  PageRankParams pagerank_params;
  pagerank_params.weighted = true;
  pagerank_params.threads = params.threads;
  r.scores["pagerank"] = pagerank(people, pagerank_params).score;
  // Projection weights are strengths, not distances: betweenness counts hops.
  BetweennessParams betweenness_params;
  betweenness_params.threads = params.threads;
  r.scores["betweenness"] = betweenness(people, betweenness_params).score;
  clock.done("centrality");

  LouvainParams louvain_params;
  louvain_params.seed = params.seed;
  louvain_params.resolution = params.resolution;
  louvain_params.keep_levels = false;
  LouvainResult communities = louvain(people, louvain_params);
  r.membership = communities.membership;
  r.modularity = communities.modularity;
  clock.done("communities");

  r.clusters = rank_clusters(r.case_graph, r.projection, r.membership, params.clusters);
  clock.done("clusters");
  return r;
}

std::map<std::int64_t, std::vector<std::string>> person_roles(const CaseGraph& cg) {
  static const std::map<std::string, std::string, std::less<>> role_of_link{
      {"victim_in", "victim"},   {"suspect_in", "suspect"}, {"witness_in", "witness"},
      {"reported_by", "reporting person"}, {"reported_missing", "missing"},
      {"subject_of", "intelligence subject"}, {"keeper_of", "keeper"}};
  std::map<std::int64_t, std::vector<std::string>> roles;
  for (const LinkRow& link : cg.links) {
    auto it = role_of_link.find(link.type);
    if (it == role_of_link.end()) continue;
    for (std::int64_t end : {link.source, link.target})
      if (cg.type[cg.vertex(end)] == entity_type::person) roles[end].push_back(it->second);
  }
  for (auto& [person, list] : roles) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return roles;
}

}  // namespace casegraph
