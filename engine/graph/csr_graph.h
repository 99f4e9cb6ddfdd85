#pragma once
// The analysis graph: compressed sparse row arrays with 32-bit vertex ids.
//
// Conventions, relied on by every algorithm in engine/:
// - Vertices are 0..n-1. Arcs of vertex v are offsets[v]..offsets[v+1]-1,
//   sorted by target; targets[] holds the far end.
// - An undirected graph stores each edge {u,v} twice, as u->v and v->u, so an
//   undirected edge costs 2 x (4-byte target + 4-byte weight) = 16 bytes.
// - A directed graph stores out-arcs in offsets/targets and, beside them, the
//   reverse (in-arcs) in in_offsets/in_sources, for pull-style algorithms.
// - weights is empty for an unweighted graph (every weight is 1); weights are
//   float because analysis weights need no more precision and halve the
//   memory; algorithms accumulate in double.
// - The builder drops self-loops and merges parallel edges (weights summed),
//   so that algorithms see a simple graph, as the reference libraries are
//   given in ../shared/data/reference.
#include <cstdint>
#include <span>
#include <vector>

namespace casegraph {

using VertexId = std::uint32_t;
using ArcIndex = std::uint64_t;

struct Edge {
  VertexId source = 0;
  VertexId target = 0;
  double weight = 1.0;
};

class CsrGraph {
 public:
  CsrGraph() : offsets_(1, 0) {}

  VertexId num_vertices() const { return static_cast<VertexId>(offsets_.size() - 1); }
  // Arcs stored: twice the edge count for an undirected graph.
  ArcIndex num_arcs() const { return targets_.size(); }
  ArcIndex num_edges() const { return directed_ ? num_arcs() : num_arcs() / 2; }
  bool directed() const { return directed_; }
  bool weighted() const { return !weights_.empty(); }

  ArcIndex arc_begin(VertexId v) const { return offsets_[v]; }
  ArcIndex arc_end(VertexId v) const { return offsets_[v + 1]; }
  VertexId out_degree(VertexId v) const { return static_cast<VertexId>(offsets_[v + 1] - offsets_[v]); }
  std::span<const VertexId> neighbours(VertexId v) const {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }
  VertexId target(ArcIndex a) const { return targets_[a]; }
  double weight(ArcIndex a) const { return weights_.empty() ? 1.0 : weights_[a]; }

  // In-arcs. For an undirected graph these are the out-arcs.
  VertexId in_degree(VertexId v) const {
    return directed_ ? static_cast<VertexId>(in_offsets_[v + 1] - in_offsets_[v]) : out_degree(v);
  }
  ArcIndex in_arc_begin(VertexId v) const { return directed_ ? in_offsets_[v] : offsets_[v]; }
  ArcIndex in_arc_end(VertexId v) const { return directed_ ? in_offsets_[v + 1] : offsets_[v + 1]; }
  VertexId in_source(ArcIndex a) const { return directed_ ? in_sources_[a] : targets_[a]; }
  double in_weight(ArcIndex a) const {
    if (weights_.empty()) return 1.0;
    return directed_ ? in_weights_[a] : weights_[a];
  }

  // Raw arrays, for kernels that want them.
  const std::vector<ArcIndex>& offsets() const { return offsets_; }
  const std::vector<VertexId>& targets() const { return targets_; }
  const std::vector<float>& weights() const { return weights_; }

  // Bytes held by the arrays (for the memory figure in benchmarks).
  std::size_t memory_bytes() const;

  // Build from an edge list over vertices 0..n-1. Self-loops are dropped and
  // parallel edges merged with weights summed (see the conventions above).
  // When `weighted` is false the weights of `edges` are ignored.
  static CsrGraph from_edges(VertexId n, std::span<const Edge> edges, bool directed, bool weighted);

  // An undirected graph from rows already in this class's form: n + 1
  // offsets from 0, each row sorted by target with no repeats or self-loops,
  // every arc u->v matched by v->u of the same weight (not checked: O(m log d)),
  // weights empty or one per arc. For builders that produce rows directly
  // (the person projection, perturbed copies for stability) and must not pay
  // from_edges' transient arc lists. Throws std::invalid_argument when the
  // shape is wrong (offsets, a target out of range, an unsorted row).
  static CsrGraph from_undirected_rows(std::vector<ArcIndex> offsets, std::vector<VertexId> targets,
                                       std::vector<float> weights);

  // The same graph with every arc's direction forgotten (directed -> undirected);
  // weights of u->v and v->u are summed.
  CsrGraph as_undirected() const;

 private:
  bool directed_ = false;
  std::vector<ArcIndex> offsets_;
  std::vector<VertexId> targets_;
  std::vector<float> weights_;
  std::vector<ArcIndex> in_offsets_;
  std::vector<VertexId> in_sources_;
  std::vector<float> in_weights_;
};

}  // namespace casegraph
