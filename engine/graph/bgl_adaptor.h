#pragma once
// Boost.Graph adaptor: CsrGraph models VertexListGraph, IncidenceGraph,
// AdjacencyGraph and EdgeListGraph, with vertex_index, edge_index and
// edge_weight property maps, so BGL algorithms run on it without a copy (as
// graph-tool passes its own graphs to BGL).
//
// Convention: BGL sees the arcs. directed_category is directed_tag for every
// CsrGraph, because directedness is a run-time property here and BGL's is a
// compile-time one; an undirected CsrGraph appears as its symmetric digraph
// (each edge as two arcs), which is how it is stored. Algorithms whose result
// depends on the tag must be read with that in mind: e.g.
// boost::brandes_betweenness_centrality counts ordered pairs, twice our
// undirected figure. edge_descriptor is the arc (source, target, arc index);
// num_edges() is the number of arcs.
//
// Include only in the few .cpp files that call BGL (compile time).
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <limits>
#include <utility>

#include "engine/graph/csr_graph.h"

namespace casegraph {

struct CsrArc {
  VertexId source = 0;
  VertexId target = 0;
  ArcIndex index = 0;
  friend bool operator==(const CsrArc& a, const CsrArc& b) { return a.index == b.index; }
  friend bool operator!=(const CsrArc& a, const CsrArc& b) { return a.index != b.index; }
};

// The out-arcs of one vertex.
class CsrOutArcIterator
    : public boost::iterator_facade<CsrOutArcIterator, CsrArc, boost::random_access_traversal_tag, CsrArc> {
 public:
  CsrOutArcIterator() = default;
  CsrOutArcIterator(const CsrGraph* g, VertexId source, ArcIndex arc) : g_(g), source_(source), arc_(arc) {}

 private:
  friend class boost::iterator_core_access;
  CsrArc dereference() const { return {source_, g_->target(arc_), arc_}; }
  bool equal(const CsrOutArcIterator& o) const { return arc_ == o.arc_; }
  void increment() { ++arc_; }
  void decrement() { --arc_; }
  void advance(std::ptrdiff_t k) { arc_ = static_cast<ArcIndex>(static_cast<std::ptrdiff_t>(arc_) + k); }
  std::ptrdiff_t distance_to(const CsrOutArcIterator& o) const {
    return static_cast<std::ptrdiff_t>(o.arc_) - static_cast<std::ptrdiff_t>(arc_);
  }
  const CsrGraph* g_ = nullptr;
  VertexId source_ = 0;
  ArcIndex arc_ = 0;
};

// Every arc of the graph, by source then target.
class CsrArcIterator : public boost::iterator_facade<CsrArcIterator, CsrArc, boost::forward_traversal_tag, CsrArc> {
 public:
  CsrArcIterator() = default;
  CsrArcIterator(const CsrGraph* g, ArcIndex arc) : g_(g), arc_(arc) { skip_empty_rows(); }

 private:
  friend class boost::iterator_core_access;
  void skip_empty_rows() {
    while (source_ < g_->num_vertices() && arc_ >= g_->arc_end(source_)) ++source_;
  }
  CsrArc dereference() const { return {source_, g_->target(arc_), arc_}; }
  bool equal(const CsrArcIterator& o) const { return arc_ == o.arc_; }
  void increment() {
    ++arc_;
    skip_empty_rows();
  }
  const CsrGraph* g_ = nullptr;
  VertexId source_ = 0;
  ArcIndex arc_ = 0;
};

// Arc -> arc index (for edge centrality maps indexed like CsrGraph's arrays).
struct CsrArcIndexMap {
  using key_type = CsrArc;
  using value_type = ArcIndex;
  using reference = ArcIndex;
  using category = boost::readable_property_map_tag;
};
inline ArcIndex get(CsrArcIndexMap, const CsrArc& e) { return e.index; }

// Arc -> weight, as double (1 for an unweighted graph).
struct CsrWeightMap {
  using key_type = CsrArc;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  const CsrGraph* graph = nullptr;
};
inline double get(const CsrWeightMap& m, const CsrArc& e) { return m.graph->weight(e.index); }

// VertexListGraph
inline std::pair<boost::counting_iterator<VertexId>, boost::counting_iterator<VertexId>> vertices(const CsrGraph& g) {
  return {boost::counting_iterator<VertexId>(0), boost::counting_iterator<VertexId>(g.num_vertices())};
}
inline VertexId num_vertices(const CsrGraph& g) { return g.num_vertices(); }

// IncidenceGraph
inline std::pair<CsrOutArcIterator, CsrOutArcIterator> out_edges(VertexId v, const CsrGraph& g) {
  return {CsrOutArcIterator(&g, v, g.arc_begin(v)), CsrOutArcIterator(&g, v, g.arc_end(v))};
}
inline VertexId out_degree(VertexId v, const CsrGraph& g) { return g.out_degree(v); }
inline VertexId source(const CsrArc& e, const CsrGraph&) { return e.source; }
inline VertexId target(const CsrArc& e, const CsrGraph&) { return e.target; }

// AdjacencyGraph
inline std::pair<const VertexId*, const VertexId*> adjacent_vertices(VertexId v, const CsrGraph& g) {
  auto row = g.neighbours(v);
  return {row.data(), row.data() + row.size()};
}

// EdgeListGraph (arcs)
inline std::pair<CsrArcIterator, CsrArcIterator> edges(const CsrGraph& g) {
  return {CsrArcIterator(&g, 0), CsrArcIterator(&g, g.num_arcs())};
}
inline ArcIndex num_edges(const CsrGraph& g) { return g.num_arcs(); }

// Property maps
inline boost::typed_identity_property_map<VertexId> get(boost::vertex_index_t, const CsrGraph&) { return {}; }
inline CsrArcIndexMap get(boost::edge_index_t, const CsrGraph&) { return {}; }
inline CsrWeightMap get(boost::edge_weight_t, const CsrGraph& g) { return {&g}; }
inline VertexId get(boost::vertex_index_t, const CsrGraph&, VertexId v) { return v; }
inline ArcIndex get(boost::edge_index_t, const CsrGraph&, const CsrArc& e) { return e.index; }
inline double get(boost::edge_weight_t, const CsrGraph& g, const CsrArc& e) { return g.weight(e.index); }

}  // namespace casegraph

namespace boost {

template <>
struct graph_traits<casegraph::CsrGraph> {
  using vertex_descriptor = casegraph::VertexId;
  using edge_descriptor = casegraph::CsrArc;
  using directed_category = directed_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, adjacency_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using vertex_iterator = counting_iterator<casegraph::VertexId>;
  using out_edge_iterator = casegraph::CsrOutArcIterator;
  using adjacency_iterator = const casegraph::VertexId*;
  using edge_iterator = casegraph::CsrArcIterator;
  using vertices_size_type = casegraph::VertexId;
  using edges_size_type = casegraph::ArcIndex;
  using degree_size_type = casegraph::VertexId;
  static vertex_descriptor null_vertex() { return std::numeric_limits<casegraph::VertexId>::max(); }
};

// BGL algorithms take `const Graph&`, and graph_traits does not strip const.
template <>
struct graph_traits<const casegraph::CsrGraph> : graph_traits<casegraph::CsrGraph> {};

template <>
struct property_map<casegraph::CsrGraph, vertex_index_t> {
  using type = typed_identity_property_map<casegraph::VertexId>;
  using const_type = type;
};
template <>
struct property_map<casegraph::CsrGraph, edge_index_t> {
  using type = casegraph::CsrArcIndexMap;
  using const_type = type;
};
template <>
struct property_map<casegraph::CsrGraph, edge_weight_t> {
  using type = casegraph::CsrWeightMap;
  using const_type = type;
};

template <typename Tag>
struct property_map<const casegraph::CsrGraph, Tag> : property_map<casegraph::CsrGraph, Tag> {};

}  // namespace boost
