#pragma once
// Reviewable clusters: communities larger than an analyst can review are
// split by running the same community detection again inside each of them.
//
// Why: at force or synth scale the person projection is dense (thousands of
// people, hundreds of thousands of weighted ties) and modularity's resolution
// limit (Fortunato & Barthelemy, PNAS 104, 36, 2007) merges small groups (a
// ring of two to five offenders and a few children) into communities of
// hundreds. Inside a community, modularity is measured against that
// community's own total weight, so a small group that was below the limit of
// the whole graph stands out of its community's subgraph. Splitting only what
// is too large leaves every community an analyst could already review as it
// was (the bundled example's clusters do not move), and the number of levels
// is bounded: a community that detection does not split stays whole.
//
// CPM (leiden-cpm) has no resolution limit, but its gamma is in units of the
// projection's weights, which change with the hub discount and the data: one
// gamma does not fit the example (weights near 1) and synth (weights near
// 0.02). The recursive split needs no such constant beyond the largest size
// to review.
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

// Communities of a (sub)graph: membership per vertex.
using SubgraphCommunities = std::function<std::vector<std::uint32_t>(const CsrGraph&)>;

// Splits every community with more than `max_people` vertices by `detect` on
// its induced subgraph, recursively, until each part has at most `max_people`
// or detection leaves it whole. max_people = 0: no split. The result numbers
// communities 0..C-1 by their first vertex; deterministic when `detect` is.
std::vector<std::uint32_t> split_large_communities(const CsrGraph& graph, const std::vector<std::uint32_t>& membership,
                                                   std::uint32_t max_people, const SubgraphCommunities& detect);

}  // namespace casegraph
