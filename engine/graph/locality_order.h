#pragma once
// Renumbering a graph's vertices for memory locality, and mapping per-vertex
// results back to the original numbering.
//
// Why: kernels whose inner loop reads a value at each arc's far end (a
// community label, a score) wait on memory when neighbours are numbered far
// apart and the per-vertex arrays outgrow the cache. Many inputs carry a
// useful order already (a generator's or a tool's integer ids) that reading
// by first appearance throws away; permuted() gives it back once, before the
// run, and to_original() maps the results home.
//
// Conventions:
// - new_of[v] is the new number of vertex v: a permutation of 0..n-1
//   (std::invalid_argument otherwise).
// - permuted() keeps every CsrGraph convention: rows sorted by target,
//   weights carried, in-arcs rebuilt for a directed graph. Cost: one pass
//   over the arcs and a sort of each row, and a second copy of the graph
//   while it runs: ~2.2 s wall on the 1M-vertex / 10M-edge SBM of
//   bench/compare.py (2 cores, load 3.4), under 0.1 s on LFR 100k.
// - Measured and not used by Leiden: renumbering that SBM by its integer
//   names (its planted groups consecutive) saved 0.3-0.6 s of a 13 s Leiden
//   solve, less than the renumbering costs; on LFR 100k even the planted
//   order saved nothing (its per-vertex arrays fit the cache). Worth it for
//   a kernel that sweeps a large graph many times.
// - Results computed on the permuted graph are bit-for-bit those of the
//   permuted input; algorithms that depend on the numbering (a seeded vertex
//   order, floating-point sums in row order) may give a different, equally
//   valid, answer than on the original numbering.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

// new_of for the vertices sorted by key (ties by vertex number): vertex v
// gets the rank of key[v].
std::vector<VertexId> order_by_key(std::span<const std::uint64_t> key);

// The graph with vertex v renumbered new_of[v].
CsrGraph permuted(const CsrGraph& graph, std::span<const VertexId> new_of);

// Per-vertex values computed on permuted(graph, new_of), by original vertex:
// out[v] = values[new_of[v]].
template <class T>
std::vector<T> to_original(std::span<const T> values, std::span<const VertexId> new_of) {
  std::vector<T> out(new_of.size());
  for (std::size_t v = 0; v < new_of.size(); ++v) out[v] = values[new_of[v]];
  return out;
}

}  // namespace casegraph
