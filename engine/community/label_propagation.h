#pragma once
// Label propagation: Raghavan, Albert and Kumara (2007), "Near linear time
// algorithm to detect community structures in large-scale networks", Phys.
// Rev. E 76, 036106 -- each vertex takes the label carried by the largest
// weight of its neighbours, until every vertex holds such a label.
//
// Conventions:
// - Undirected (a directed graph runs on its undirected view, as Louvain).
// - Asynchronous sweeps over the vertices in a random order redrawn each
//   sweep; ties between labels are broken uniformly at random (the paper's
//   rule), and a vertex whose current label is among the tied best keeps it,
//   so the process settles. All randomness comes from one SplitMix64 seeded
//   with params.seed: deterministic by seed (single-threaded).
// - Stops when a sweep changes no label, or after params.max_sweeps.
// - Labels are not guaranteed to form connected communities (a known
//   property of the method); isolated vertices stay alone.
// - Communities are numbered 0..count-1 in order of their first vertex.
// Errors (std::invalid_argument): a negative or NaN weight.
#include <cstdint>
#include <vector>

#include "engine/community/partition.h"
#include "engine/graph/csr_graph.h"

namespace casegraph {

struct LabelPropagationParams {
  std::uint64_t seed = 42;
  bool weighted = true;           // use edge weights when the graph has them
  std::uint32_t max_sweeps = 100;
};

struct LabelPropagationResult {
  std::vector<CommunityId> membership;  // 0..count-1 by first vertex
  CommunityId count = 0;
  std::uint32_t sweeps = 0;
  bool converged = false;  // the last sweep changed nothing
};

LabelPropagationResult label_propagation(const CsrGraph& graph, const LabelPropagationParams& params = {});

}  // namespace casegraph
