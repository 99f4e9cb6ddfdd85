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
//
// How hubs are discounted, in figures. A pair's weight is the sum over every
// entity both are present at of min(s_p, s_q) / (k - 1):
//   k = 2 (a flat two people share)           -> 1.0 per shared entity
//   k = 11 (a small workplace)                -> 0.1
//   k = 50 (the hub_limit default)            -> 0.0204
//   k > hub_limit (petrol station, shopping
//   centre, a taxi firm's phone)              -> 0: the entity is a hub, not
//                                                walked through, so it also
//                                                joins nobody at 2 or 3 hops.
// A place or vehicle seen with thousands therefore contributes nothing, and
// one seen with dozens contributes less to each pair than a single private
// shared entity; people who share several small places add up.
//
// Grading: every case-graph edge weight is link weight x grading confidence
// (engine/graph/case_graph.h: 1.0 for police-recorded facts and 1A reports,
// 0.2 for 3E), and s is the weakest edge on the path to the shared entity, so
// a person tied to a place only by a 3E report counts for a fifth.
// Recency: not weighted here yet; the case graph's time window (analyse
// --from/--to) is the way to restrict the projection to recent evidence.
#include <cstdint>
#include <vector>

#include "engine/graph/case_graph.h"

namespace casegraph {

// How it is computed (the figures above do not depend on it): each person's
// presence is walked in parallel twice, first only to count the people
// present at each place (which places are hubs, which are shared), then to
// keep the presences at shared places alone (at 100k synth people keeping
// every presence took 19.7 GB: 3 hops through the call graph reach thousands
// of phones, nearly all of them hubs); places are grouped (counting sort, no
// comparison sort of the presence list); then each person's row of the
// projection is accumulated directly (a sparse product over the shared
// places, Gustavson's row-by-row scheme), so memory holds the presence lists
// and the finished rows, never one entry per (place, pair) as an edge list
// would (4 GB at 10k synth people). Row p and row q sum the same terms in the
// same order (direct links, then shared places ascending), so the result is
// exactly symmetric and does not depend on the thread count.
struct ProjectionParams {
  int max_hops = 3;
  std::uint32_t hub_limit = 50;
  int threads = 0;  // 0 = OpenMP's default
};

struct Projection {
  CsrGraph graph;                      // undirected, weighted, person-person
  std::vector<VertexId> case_vertex;   // projection vertex -> case-graph vertex
  std::vector<VertexId> hubs;          // case-graph vertices skipped as hubs
};

Projection project_people(const CaseGraph& case_graph, const ProjectionParams& params);

}  // namespace casegraph
