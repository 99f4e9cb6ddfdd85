#pragma once
// Key player sets (S. P. Borgatti, "Identifying sets of key players in a
// social network", Comput. Math. Organ. Theory 12, 2006): which k people to
// prioritise.
// - KPP-Neg (fragmentation): the k whose removal most breaks the network up.
//     F(S) = 1 - sum over components C of G - S of |C| (|C| - 1) / (m (m - 1)),
//   m = n - |S| the vertices left (components weak on a directed graph).
//   0: what is left is connected; 1: nothing left is linked (F = 1 when
//   m < 2).
// - KPP-Pos (distance-weighted reach): the k who together reach most of the
//   others most closely.
//     DR(S) = (1/n) * sum over all v of r(v),  r(v) = 1 for v in S, else
//     1 / d(S, v), the distance from the nearest member (0 if unreachable).
//   Directed: distances from the set along out-arcs (whom they can reach).
//   Weighted: weights as lengths (shortest_paths.h).
//
// The search (Borgatti's greedy optimisation, made deterministic):
//   1. greedy forward selection: k times add the vertex that raises the
//      objective most;
//   2. steepest-ascent swaps: while some swap of a member for a non-member
//      raises the objective (by more than 1e-12), make the best one, at most
//      `max_swap_rounds` times;
//   3. `restarts` more runs of step 2 from random k-sets (drawn from `seed`,
//      as Borgatti's program restarts from random sets), keeping the best.
// Fragmentation needs the restarts: one removal rarely splits a graph, so
// greedy's first picks can lead the swaps to a local optimum (on karate,
// k = 3, greedy + swaps alone stops at 0.482, the optimum is 0.570).
// Ties go to the lowest vertex id; results depend on the seed, not threads. Each evaluation is one O(n + m) pass
// (components or multi-source BFS); step 1 costs k n, each swap round k (n - k)
// of them, spread over OpenMP threads. Like every local search it can stop
// at a local optimum (Borgatti: "no guarantee of optimality"); the tests
// check it against exhaustive enumeration on small graphs.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

enum class KeyPlayerObjective { fragmentation, reach };

struct KeyPlayerParams {
  KeyPlayerObjective objective = KeyPlayerObjective::fragmentation;
  VertexId k = 1;
  bool weighted = false;  // reach only: weights as lengths
  int max_swap_rounds = 1000;
  int restarts = 8;
  std::uint64_t seed = 1;
  int threads = 0;
};

struct KeyPlayerResult {
  std::vector<VertexId> members;  // sorted ascending, size min(k, n)
  double value = 0;               // the objective of `members`
  double greedy_value = 0;        // after step 1, before swaps
  int swap_rounds = 0;            // improving swaps made, over all starts
  std::uint64_t evaluations = 0;
};

// F(S), as above. Members must be distinct vertex ids < n.
double fragmentation(const CsrGraph& graph, std::span<const VertexId> removed);
// DR(S), as above.
double distance_weighted_reach(const CsrGraph& graph, std::span<const VertexId> members, bool weighted = false);

// Throws std::invalid_argument for a weight that is not finite and > 0 when
// params.weighted (reach).
KeyPlayerResult key_players(const CsrGraph& graph, const KeyPlayerParams& params);

}  // namespace casegraph
