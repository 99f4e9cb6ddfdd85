#include "engine/centrality/sparse_matrix.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace casegraph {

AdjacencyMatrix::AdjacencyMatrix(const CsrGraph& graph, bool transpose, bool weighted, const char* who)
    : n_(graph.num_vertices()) {
  const VertexId n = graph.num_vertices();
  const bool use_weights = weighted && graph.weighted();
  outer_.resize(static_cast<std::size_t>(n) + 1);
  inner_.resize(graph.num_arcs());
  values_.resize(graph.num_arcs());
  std::size_t k = 0;
  for (VertexId v = 0; v < n; ++v) {
    outer_[v] = static_cast<std::int64_t>(k);
    const ArcIndex first = transpose ? graph.in_arc_begin(v) : graph.arc_begin(v);
    const ArcIndex last = transpose ? graph.in_arc_end(v) : graph.arc_end(v);
    for (ArcIndex a = first; a < last; ++a, ++k) {
      inner_[k] = transpose ? graph.in_source(a) : graph.target(a);
      const double w = use_weights ? (transpose ? graph.in_weight(a) : graph.weight(a)) : 1.0;
      if (!(w >= 0.0) || !std::isfinite(w))
        throw std::invalid_argument(std::string(who) + ": weights must be finite and >= 0");
      values_[k] = w;
    }
  }
  outer_[n] = static_cast<std::int64_t>(k);
}

AdjacencyMatrix::View AdjacencyMatrix::view() const {
  return View(n_, n_, static_cast<std::int64_t>(values_.size()), outer_.data(), inner_.data(), values_.data());
}

}  // namespace casegraph
