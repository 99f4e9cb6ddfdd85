#pragma once
// One analysis of a case, in the order DESIGN.md draws it: the multi-mode
// graph (time window, link types), the person-person projection, centrality
// on the projection, communities, ranked clusters. Pure computation: the
// caller loads the case file and stores the result.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/graph/case_graph.h"
#include "engine/graph/projection.h"
#include "engine/triage/clusters.h"

namespace casegraph {

struct AnalysisParams {
  CaseGraphFilter filter;
  ProjectionParams projection;
  ClusterParams clusters;
  std::uint64_t seed = 1;   // Louvain's vertex order
  double resolution = 1.0;  // modularity resolution for Louvain
  int threads = 0;          // 0 = all cores
};

struct AnalysisResult {
  CaseGraph case_graph;
  Projection projection;
  std::vector<std::uint32_t> membership;  // community per projection vertex
  double modularity = 0;
  // measure -> value per projection vertex: degree, strength, pagerank, betweenness
  std::map<std::string, std::vector<double>> scores;
  std::vector<RankedCluster> clusters;
};

// Reports each finished phase (name, seconds) so the CLI can show progress.
using PhaseReport = std::function<void(const std::string& phase, double seconds)>;

AnalysisResult analyse_case(const std::vector<EntityRow>& entities, const std::vector<LinkRow>& links,
                            const IdentityMap& identities, const AnalysisParams& params,
                            const PhaseReport& report = {});

// Each person's roles as their links say (victim, suspect, witness, reporting
// person, missing, intelligence subject, keeper), sorted and unique; people
// with none are absent.
std::map<std::int64_t, std::vector<std::string>> person_roles(const CaseGraph& case_graph);

}  // namespace casegraph
