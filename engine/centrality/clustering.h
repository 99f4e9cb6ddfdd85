#pragma once
// Local clustering coefficient: the share of a vertex's neighbour pairs that
// are themselves linked (Watts & Strogatz 1998), i.e. how tightly knit the
// circle around a person is.
//
// Conventions (networkx clustering, tested against it and the reference
// tables):
// - Undirected, unweighted: C(v) = 2 T(v) / (d (d-1)), T(v) the triangles
//   through v; 0 when d < 2.
// - Undirected, weighted (Onnela et al. 2005): T(v) sums the geometric means
//   (w_vu w_uk w_kv)^(1/3) of the triangle's weights, each weight divided by
//   the largest weight in the graph.
// - Directed (Fagiolo 2007): C(v) = T(v) / (2 (d_tot (d_tot - 1) - 2 d_bi)),
//   T(v) counting the directed triangles through v over the in- and
//   out-neighbours (a reciprocated pair is two arcs), d_tot = in + out degree,
//   d_bi the reciprocated neighbours; weighted as Onnela's, per arc.
// Cost: sum over v of sum over neighbours u of deg(u); one mark array per
// thread, vertices spread over OpenMP threads.
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct ClusteringParams {
  bool weighted = false;  // weights as strengths; must be finite and >= 0
  int threads = 0;
};

struct ClusteringResult {
  std::vector<double> score;
};

// Throws std::invalid_argument for a negative or non-finite weight when weighted.
ClusteringResult local_clustering(const CsrGraph& graph, const ClusteringParams& params = {});

}  // namespace casegraph
