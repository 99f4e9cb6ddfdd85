#pragma once
// One analysis of a case, in the order DESIGN.md draws it: the multi-mode
// graph (time window, link types), the person-person projection, centrality
// on the projection, communities, ranked clusters. Pure computation: the
// caller loads the case file and stores the result.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"
#include "engine/triage/clusters.h"
#include "engine/triage/stability.h"

namespace casegraph {

// Community detection on the projection: Leiden (modularity with resolution,
// the default), Leiden with the Constant Potts Model, or Louvain.
enum class CommunityMethod { leiden, leiden_cpm, louvain };

// Co-presence findings of a case graph (victim and suspect placed together).
// Empty function: copresence_findings below (engine/linking/copresence.h).
using CopresenceHook = std::function<std::vector<CopresenceFinding>(const CaseGraph&)>;

struct AnalysisParams {
  CaseGraphFilter filter;
  ProjectionParams projection;
  ClusterParams clusters;
  std::uint64_t seed = 1;   // community detection's vertex order
  CommunityMethod community = CommunityMethod::leiden;
  double resolution = 2.0;  // modularity resolution (or CPM's gamma)
  int threads = 0;          // 0 = all cores
  bool stability = true;    // measure each cluster's stability
  StabilityParams stability_params;
  bool copresence = true;        // score co-presence of victims and suspects
  CopresenceHook copresence_hook;  // overrides copresence_findings (tests)
};

struct AnalysisResult {
  CaseGraph case_graph;
  Projection projection;
  std::vector<std::uint32_t> membership;  // community per projection vertex
  double modularity = 0;
  // measure -> value per projection vertex: degree, strength, pagerank, betweenness,
  // victim_proximity (PageRank personalised on the case's victims; absent when none)
  std::map<std::string, std::vector<double>> scores;
  std::vector<RankedCluster> clusters;
};

// Reports each finished phase (name, seconds) so the CLI can show progress.
using PhaseReport = std::function<void(const std::string& phase, double seconds)>;

// `links` by value: a caller done with them moves them in (build_case_graph).
AnalysisResult analyse_case(const std::vector<EntityRow>& entities, std::vector<LinkRow> links,
                            const IdentityMap& identities, const AnalysisParams& params,
                            const PhaseReport& report = {});

// Each person's roles as their links say (victim, suspect, witness, reporting
// person, missing, intelligence subject, keeper), sorted and unique; people
// with none are absent.
std::map<std::int64_t, std::vector<std::string>> person_roles(const CaseGraph& case_graph);

// Communities of a projection (membership per vertex) and their quality.
std::vector<std::uint32_t> detect_communities(const CsrGraph& people, CommunityMethod method, double resolution,
                                              std::uint64_t seed, int threads, double* quality);

// Victim proximity: PageRank on the projection, weighted, personalised on the
// people who are victim_in an occurrence or reported_missing (uniformly), so
// it ranks who is closest to the case's victims. Empty when there are none.
std::vector<double> victim_proximity(const CaseGraph& case_graph, const Projection& projection, int threads);

// Missing-episode co-presence (engine/linking/copresence.h, default
// parameters, episodes only) of each child with each holder of the sighted
// vehicle or phone: one finding per (child, episode, sighting, holder), its
// links the episode, the place, the sighting and the holder's tie to the
// object; is_suspect says whether the holder is a suspect (only those score).
std::vector<CopresenceFinding> copresence_findings(const CaseGraph& case_graph, const std::vector<EntityRow>& entities);

// Occurrence entity (canonical id) -> its "offence" attribute, as recorded.
std::unordered_map<std::int64_t, std::string> offences_of(const std::vector<EntityRow>& entities,
                                                          const IdentityMap& identities);

}  // namespace casegraph
