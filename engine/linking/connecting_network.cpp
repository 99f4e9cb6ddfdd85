#include "engine/linking/connecting_network.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <set>
#include <stdexcept>

namespace casegraph {

std::vector<double> shortest_costs_from(const CostGraph& graph, VertexId source, const PathSearchParams& params) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> dist(graph.num_vertices(), inf);
  using Entry = std::pair<double, VertexId>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  dist[source] = 0;
  heap.push({0.0, source});
  while (!heap.empty()) {
    auto [d, u] = heap.top();
    heap.pop();
    if (d > dist[u]) continue;
    if (u != source && !params.no_transit.empty() && params.no_transit[u]) continue;
    for (std::size_t a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      VertexId v = graph.target(a);
      if (d + graph.cost(a) < dist[v]) {
        dist[v] = d + graph.cost(a);
        heap.push({dist[v], v});
      }
    }
  }
  return dist;
}

ConnectingNetwork connecting_network(const CostGraph& graph, const std::vector<VertexId>& seeds_in,
                                     const ConnectingNetworkParams& params) {
  std::vector<VertexId> seeds = seeds_in;
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  for (VertexId s : seeds)
    if (s >= graph.num_vertices()) throw std::out_of_range("connecting network: seed out of range");
  std::vector<std::vector<double>> dist;
  for (VertexId s : seeds) dist.push_back(shortest_costs_from(graph, s, params.search));

  const auto& no_transit = params.search.no_transit;
  auto may_pass = [&](VertexId v) { return no_transit.empty() || !no_transit[v]; };
  std::set<VertexId> vertices(seeds.begin(), seeds.end());
  std::set<std::pair<VertexId, VertexId>> edges;
  ConnectingNetwork net;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    for (std::size_t j = i + 1; j < seeds.size(); ++j) {
      const VertexId s = seeds[i], t = seeds[j];
      const double best = dist[i][t];
      if (best == std::numeric_limits<double>::infinity()) {
        net.unconnected.push_back({s, t});
        continue;
      }
      net.distances.push_back({{s, t}, best});
      const double limit = best * (1 + params.relative_tolerance);
      for (VertexId u = 0; u < graph.num_vertices(); ++u) {
        if (dist[i][u] > best || (u != s && !may_pass(u))) continue;
        for (std::size_t a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
          const VertexId v = graph.target(a);
          if (v != t && !may_pass(v)) continue;
          if (dist[i][u] + graph.cost(a) + dist[j][v] <= limit) {
            vertices.insert(u);
            vertices.insert(v);
            edges.insert({std::min(u, v), std::max(u, v)});
          }
        }
      }
    }
  }
  net.vertices.assign(vertices.begin(), vertices.end());
  net.edges.assign(edges.begin(), edges.end());
  return net;
}

}  // namespace casegraph
