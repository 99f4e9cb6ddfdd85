#include "engine/triage/split_large.h"

#include <algorithm>
#include <map>

namespace casegraph {
namespace {

constexpr VertexId kOutside = static_cast<VertexId>(-1);

// The subgraph induced by `members` (sorted), its vertices numbered in that order.
// `local` maps graph vertices to subgraph ones; it is left all kOutside again.
CsrGraph induced_subgraph(const CsrGraph& graph, const std::vector<VertexId>& members, std::vector<VertexId>& local) {
  for (std::size_t i = 0; i < members.size(); ++i) local[members[i]] = static_cast<VertexId>(i);
  std::vector<Edge> edges;
  for (VertexId u : members)
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      const VertexId v = graph.target(a);
      if (local[v] == kOutside || v <= u) continue;
      edges.push_back({local[u], local[v], graph.weight(a)});
    }
  for (VertexId u : members) local[u] = kOutside;
  return CsrGraph::from_edges(static_cast<VertexId>(members.size()), edges, false, graph.weighted());
}

}  // namespace

std::vector<std::uint32_t> split_large_communities(const CsrGraph& graph, const std::vector<std::uint32_t>& membership,
                                                   std::uint32_t max_people, const SubgraphCommunities& detect) {
  std::map<std::uint32_t, std::vector<VertexId>> of;
  for (std::size_t v = 0; v < membership.size(); ++v) of[membership[v]].push_back(static_cast<VertexId>(v));
  std::vector<std::vector<VertexId>> pending, done;
  for (auto& [community, members] : of) pending.push_back(std::move(members));
  std::vector<VertexId> local(graph.num_vertices(), kOutside);
  while (!pending.empty()) {
    std::vector<VertexId> members = std::move(pending.back());
    pending.pop_back();
    if (max_people == 0 || members.size() <= max_people) {
      done.push_back(std::move(members));
      continue;
    }
    const std::vector<std::uint32_t> parts = detect(induced_subgraph(graph, members, local));
    std::map<std::uint32_t, std::vector<VertexId>> split;
    for (std::size_t i = 0; i < members.size(); ++i) split[parts[i]].push_back(members[i]);
    if (split.size() < 2) {
      done.push_back(std::move(members));
      continue;
    }
    for (auto& [part, part_members] : split) pending.push_back(std::move(part_members));
  }
  // Number the communities by their first vertex, as the detectors do.
  std::sort(done.begin(), done.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  std::vector<std::uint32_t> out(membership.size(), 0);
  for (std::size_t c = 0; c < done.size(); ++c)
    for (VertexId v : done[c]) out[v] = static_cast<std::uint32_t>(c);
  return out;
}

}  // namespace casegraph
