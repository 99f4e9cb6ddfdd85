#pragma once
// Person-person projection of the multi-mode case graph.
//
// A person is "present at" every non-person entity reachable from them through
// non-person entities in at most `max_hops` links: their phones and vehicles
// (1 hop), the calls, sightings and occurrences of those (2), the places where
// those happened (3). Two people present at the same entity x are linked with
// weight  min(s_p, s_q) / (k - 1),  where k is the number of people present at
// x and s is the strength of each person's path to x (the weakest link on it,
// after grading). The 1/(k-1) discount is Newman's collaboration weighting
// (Phys. Rev. E 64, 016132, 2001): a place shared by two people links them with
// the full strength, a shopping centre visited by thousands links nobody
// measurably. Entities with more than `hub_limit` people present contribute
// nothing and are not walked through, which bounds the work on force-wide data.
// Direct person-person links (associate_of ...) keep their own weight.
#include <cstdint>
#include <vector>

#include "engine/graph/case_graph.h"

namespace casegraph {

struct ProjectionParams {
  int max_hops = 3;
  std::uint32_t hub_limit = 50;
};

struct Projection {
  CsrGraph graph;                      // undirected, weighted, person-person
  std::vector<VertexId> case_vertex;   // projection vertex -> case-graph vertex
  std::vector<VertexId> hubs;          // case-graph vertices skipped as hubs
};

Projection project_people(const CaseGraph& case_graph, const ProjectionParams& params);

}  // namespace casegraph
