#pragma once
// Exact betweenness centrality, vertex and (optionally) link, by Brandes'
// algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
// J. Math. Sociol. 25(2), 2001; link betweenness as in Brandes, "On variants
// of shortest-path betweenness centrality", Social Networks 30(2), 2008).
// Unweighted vertex betweenness runs 16 sources per breadth-first pass where
// the CPU has AVX-512 (BW, VL), one lane per source; otherwise, and for link
// betweenness, one BFS per source; weighted, one Dijkstra per source. Sources
// (or batches of 16) are spread over OpenMP threads dynamically, each thread
// with its own accumulators summed at the end.
//
// Conventions (tested against networkx 2.8.8, igraph 0.10.2 and
// boost::brandes_betweenness_centrality):
// - Raw pair counts: score[v] = sum over pairs s != v != t of
//   sigma_st(v) / sigma_st. Directed graphs sum over ordered pairs;
//   undirected graphs count each unordered pair once (networkx
//   normalized=False, igraph; NetworKit and Boost count ordered pairs, 2x).
// - normalized = true matches networkx normalized=True: vertex scores times
//   2 / ((n-1)(n-2)) undirected, 1 / ((n-1)(n-2)) directed (none for n <= 2);
//   link scores times 2 / (n(n-1)) undirected, 1 / (n(n-1)) directed.
// - Link betweenness of an edge counts the pairs whose shortest paths use it,
//   endpoints included (networkx edge_betweenness_centrality, igraph
//   edge_betweenness); it is reported per arc, and both arcs of an undirected
//   edge carry the edge's value.
// - weighted = true reads weights as lengths (distances, costs), not
//   strengths: a heavier link is a longer one. Invert strengths first if
//   they are what you have. Weights must be finite and > 0. Ties between path
//   lengths are exact equality of double sums, as in networkx and Boost
//   (igraph allows a 1e-10 relative slack): integer weights are exact.
// - Disconnected graphs: pairs with no path contribute nothing.
// - The result is deterministic, the same bits whatever the thread count:
//   each source's dependencies are added in 126-bit fixed point (63 fraction
//   bits, so a truncation below 2^-63 per term), where addition does not
//   depend on order. It can differ in the last bits between a CPU with
//   AVX-512 and one without (different summation order within a source).
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct BetweennessParams {
  bool weighted = false;    // weights as lengths (Dijkstra); false: hop counts (BFS)
  bool normalized = false;  // networkx normalized=True scaling (see above)
  bool edges = false;       // also compute link betweenness
  int threads = 0;          // 0: all (OpenMP default)
};

struct BetweennessResult {
  std::vector<double> score;       // score[v] per vertex
  std::vector<double> edge_score;  // per arc index (graph.num_arcs()) when params.edges, else empty
};

// Throws std::invalid_argument for a weight that is not finite and > 0 when weighted.
BetweennessResult betweenness(const CsrGraph& graph, const BetweennessParams& params = {});

}  // namespace casegraph
