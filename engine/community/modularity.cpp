#include "engine/community/modularity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace casegraph {

double modularity(const CsrGraph& graph, std::span<const CommunityId> membership,
                  const ModularityParams& params) {
  const VertexId n = graph.num_vertices();
  if (membership.size() != n) throw std::invalid_argument("modularity: membership size differs from vertex count");
  if (std::isnan(params.resolution)) throw std::invalid_argument("modularity: resolution is NaN");
  for (float w : graph.weights())
    if (!(w >= 0.0f)) throw std::invalid_argument("modularity: negative or NaN edge weight");

  // Dense per-community sums; labels beyond the vertex count are compressed
  // first so that memory stays O(n).
  std::vector<CommunityId> compressed;
  std::span<const CommunityId> label = membership;
  if (n > 0 && *std::max_element(membership.begin(), membership.end()) >= n) {
    compressed.assign(membership.begin(), membership.end());
    renumber_by_first_vertex(compressed);
    label = compressed;
  }

  const bool directed = graph.directed() && params.directed;
  std::vector<double> internal(n, 0.0);  // sum of A_ij over arcs inside c
  std::vector<double> out(n, 0.0);       // sum of out-strengths in c
  std::vector<double> in(n, 0.0);        // sum of in-strengths in c (= out when undirected)
  double total = 0;                      // sum of A_ij over all arcs
  for (VertexId v = 0; v < n; ++v) {
    const CommunityId cv = label[v];
    for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
      const double w = graph.weight(a);
      const CommunityId cu = label[graph.target(a)];
      total += w;
      out[cv] += w;
      in[cu] += w;
      if (cu == cv) internal[cv] += w;
    }
  }
  if (!directed && graph.directed()) {
    // Each arc is an undirected edge: A + A^T, strengths out + in.
    total *= 2;
    for (VertexId c = 0; c < n; ++c) {
      internal[c] *= 2;
      out[c] += in[c];
      in[c] = out[c];
    }
  }
  if (total == 0) return std::numeric_limits<double>::quiet_NaN();

  // Undirected graphs store each edge as two arcs, so `total` is 2m there and
  // m for a directed graph: one formula serves both.
  double q = 0;
  for (VertexId c = 0; c < n; ++c) q += internal[c] / total - params.resolution * (out[c] / total) * (in[c] / total);
  return q;
}

}  // namespace casegraph
