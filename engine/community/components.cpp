#include "engine/community/components.h"

#include <algorithm>
#include <limits>

namespace casegraph {
namespace {

constexpr VertexId kUnset = std::numeric_limits<VertexId>::max();

// Breadth-first search from each unvisited vertex in id order, so components
// come out numbered by first vertex. Follows in-arcs too on a directed graph.
ComponentsResult weak_components(const CsrGraph& g) {
  const VertexId n = g.num_vertices();
  ComponentsResult r;
  r.membership.assign(n, kUnset);
  std::vector<VertexId> queue(n);
  for (VertexId root = 0; root < n; ++root) {
    if (r.membership[root] != kUnset) continue;
    const CommunityId c = r.count++;
    std::size_t head = 0;
    std::size_t tail = 0;
    queue[tail++] = root;
    r.membership[root] = c;
    while (head < tail) {
      const VertexId v = queue[head++];
      for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
        const VertexId u = g.target(a);
        if (r.membership[u] == kUnset) {
          r.membership[u] = c;
          queue[tail++] = u;
        }
      }
      if (!g.directed()) continue;
      for (ArcIndex a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) {
        const VertexId u = g.in_source(a);
        if (r.membership[u] == kUnset) {
          r.membership[u] = c;
          queue[tail++] = u;
        }
      }
    }
    r.sizes.push_back(static_cast<VertexId>(tail));
  }
  return r;
}

// Tarjan's algorithm with an explicit call stack of (vertex, next arc) frames.
ComponentsResult strong_components(const CsrGraph& g) {
  const VertexId n = g.num_vertices();
  std::vector<VertexId> index(n, kUnset);
  std::vector<VertexId> low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<VertexId> stack;  // Tarjan's stack of visited, unassigned vertices
  struct Frame {
    VertexId v;
    ArcIndex next;
  };
  std::vector<Frame> calls;
  std::vector<CommunityId> found(n, kUnset);  // components in completion order
  CommunityId count = 0;
  VertexId counter = 0;

  auto visit = [&](VertexId v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    calls.push_back({v, g.arc_begin(v)});
  };

  for (VertexId root = 0; root < n; ++root) {
    if (index[root] != kUnset) continue;
    visit(root);
    while (!calls.empty()) {
      const VertexId v = calls.back().v;
      if (calls.back().next < g.arc_end(v)) {
        const VertexId w = g.target(calls.back().next++);
        if (index[w] == kUnset) {
          visit(w);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (low[v] == index[v]) {
        VertexId w = kUnset;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          found[w] = count;
        } while (w != v);
        ++count;
      }
      if (!calls.empty()) {
        const VertexId parent = calls.back().v;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }

  // Tarjan finds components in reverse topological order; renumber by first vertex.
  ComponentsResult r;
  r.count = count;
  r.membership.resize(n);
  r.sizes.assign(count, 0);
  std::vector<CommunityId> rename(count, kUnset);
  CommunityId next = 0;
  for (VertexId v = 0; v < n; ++v) {
    CommunityId& c = rename[found[v]];
    if (c == kUnset) c = next++;
    r.membership[v] = c;
    ++r.sizes[c];
  }
  return r;
}

}  // namespace

ComponentsResult connected_components(const CsrGraph& graph, const ComponentsParams& params) {
  if (params.kind == ComponentKind::strong && graph.directed()) return strong_components(graph);
  return weak_components(graph);
}

}  // namespace casegraph
