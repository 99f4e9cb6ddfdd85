#include "engine/linking/neighbourhood.h"

#include <algorithm>
#include <limits>
#include <set>

#include "engine/linking/temporal_path.h"

namespace casegraph {
namespace {

constexpr Timestamp kNever = std::numeric_limits<Timestamp>::max();
constexpr Timestamp kAnyTime = std::numeric_limits<Timestamp>::min();

bool may_expand(const NeighbourhoodParams& p, const std::vector<int>& depth, VertexId v) {
  const auto& nt = p.search.no_transit;
  return depth[v] == 0 || nt.empty() || !nt[v];
}

}  // namespace

Neighbourhood neighbourhood(const LinkGraph& lg, const std::vector<LinkRow>& links, const std::vector<VertexId>& seeds,
                            const NeighbourhoodParams& params) {
  const CostGraph& g = lg.graph;
  const VertexId n = g.num_vertices();
  std::vector<int> depth(n, -1);
  std::vector<Timestamp> arrival(n, kNever);  // earliest time a chain can be at v
  std::set<std::uint32_t> kept;
  std::vector<VertexId> frontier;
  for (VertexId s : seeds) {
    if (depth[s] == 0) continue;
    depth[s] = 0;
    arrival[s] = kAnyTime;
    frontier.push_back(s);
  }
  for (int round = 1; round <= params.depth; ++round) {
    std::vector<Timestamp> next_arrival = arrival;
    std::vector<VertexId> changed;
    for (VertexId u : frontier) {
      if (!may_expand(params, depth, u)) continue;
      for (std::size_t a = g.arc_begin(u); a < g.arc_end(u); ++a) {
        const VertexId v = g.target(a);
        for (std::uint32_t l : lg.links_of(a)) {
          Timestamp at = arrival[u];
          if (params.time_advances) {
            std::optional<Timestamp> t = link_time(links[l]);
            if (t) {
              if (*t < arrival[u]) continue;  // would go back in time
              at = *t;
            }
          } else {
            at = kAnyTime;
          }
          kept.insert(l);
          if (depth[v] < 0) depth[v] = round;
          if (at < next_arrival[v]) {
            if (next_arrival[v] == arrival[v]) changed.push_back(v);
            next_arrival[v] = at;
          }
        }
      }
    }
    arrival = std::move(next_arrival);
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    // Without time, a vertex is expanded once (its first round); with time, again
    // whenever its arrival improves, since an earlier arrival admits more links.
    frontier.clear();
    for (VertexId v : changed)
      if (params.time_advances || depth[v] == round) frontier.push_back(v);
  }
  Neighbourhood out;
  for (VertexId v = 0; v < n; ++v)
    if (depth[v] >= 0) {
      out.vertices.push_back(v);
      out.depth.push_back(depth[v]);
    }
  if (!params.time_advances) {
    // Every link among the entities found, as i2 draws them.
    for (VertexId u : out.vertices)
      for (std::size_t a = g.arc_begin(u); a < g.arc_end(u); ++a)
        if (depth[g.target(a)] >= 0 && u < g.target(a))
          for (std::uint32_t l : lg.links_of(a)) kept.insert(l);
  }
  out.links.assign(kept.begin(), kept.end());
  return out;
}

}  // namespace casegraph
