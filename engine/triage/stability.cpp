#include "engine/triage/stability.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <unordered_set>

#include <omp.h>

namespace casegraph {
namespace {

// splitmix64 (Steele, Lea and Flood 2014): a fixed, documented mixer, so the
// same seed gives the same masks on every platform (std:: distributions do not).
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double unit_interval(std::uint64_t& state) { return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53; }

bool core_together(const std::vector<std::int64_t>& core, const std::unordered_map<std::int64_t, std::uint32_t>& of,
                   double together_share) {
  std::unordered_map<std::uint32_t, std::size_t> count;
  std::size_t best = 0;
  for (std::int64_t person : core) {
    auto it = of.find(person);
    if (it == of.end()) continue;
    best = std::max(best, ++count[it->second]);
  }
  return static_cast<double>(best) >= together_share * static_cast<double>(core.size()) - 1e-12;
}

// Projection vertex of a person (canonical entity id), or none when the
// person has no vertex there. case_vertex is ascending (people in case-graph
// vertex order), so a binary search finds it.
std::optional<VertexId> projection_vertex(const CaseGraph& cg, const Projection& projection, std::int64_t person) {
  auto found = cg.vertex_of.find(person);
  if (found == cg.vertex_of.end()) return std::nullopt;
  auto it = std::lower_bound(projection.case_vertex.begin(), projection.case_vertex.end(), found->second);
  if (it == projection.case_vertex.end() || *it != found->second) return std::nullopt;
  return static_cast<VertexId>(it - projection.case_vertex.begin());
}

}  // namespace

std::vector<std::int64_t> cluster_core(const CaseGraph& cg, const Projection& projection,
                                       const std::vector<std::int64_t>& members, std::uint32_t core_min_links) {
  // Work in the members' own rows only (not a pass over the whole projection
  // per cluster, which was quadratic in clusters x people at 100k).
  std::vector<std::pair<VertexId, std::int64_t>> inside;  // (projection vertex, person), sorted by vertex
  for (std::int64_t person : members)
    if (auto v = projection_vertex(cg, projection, person)) inside.emplace_back(*v, person);
  std::sort(inside.begin(), inside.end());
  auto is_member = [&](VertexId u) {
    auto it = std::lower_bound(inside.begin(), inside.end(), std::pair<VertexId, std::int64_t>{u, INT64_MIN});
    return it != inside.end() && it->first == u;
  };
  std::vector<std::int64_t> core;
  const CsrGraph& g = projection.graph;
  for (const auto& [v, person] : inside) {
    std::uint32_t linked = 0;
    for (VertexId u : g.neighbours(v))
      if (u != v && is_member(u)) ++linked;
    if (linked >= core_min_links) core.push_back(person);
  }
  if (core.size() < 2) core = members;
  std::sort(core.begin(), core.end());
  return core;
}

ProjectionEdges::ProjectionEdges(const CsrGraph& people) : people_(people), edge_of_arc_(people.num_arcs()) {
  if (people.directed()) throw std::invalid_argument("stability: the projection must be undirected");
  if (people.num_edges() > UINT32_MAX) throw std::invalid_argument("stability: more than 2^32 projection edges");
  const VertexId n = people.num_vertices();
  // cursor[v]: the next arc v->w (w > v) whose reverse w->v is still to come.
  // Rows are sorted, so the reverse arcs of row v's upper arcs arrive in the
  // order of their rows: one pass numbers every arc, and checks symmetry.
  std::vector<ArcIndex> cursor(n);
  for (VertexId v = 0; v < n; ++v) {
    auto row = people.neighbours(v);
    cursor[v] = people.arc_begin(v) + static_cast<ArcIndex>(std::upper_bound(row.begin(), row.end(), v) - row.begin());
  }
  std::uint32_t next = 0;
  for (VertexId u = 0; u < n; ++u) {
    for (ArcIndex a = people.arc_begin(u); a < people.arc_end(u); ++a) {
      const VertexId v = people.target(a);
      if (v > u) {
        edge_of_arc_[a] = next++;
        continue;
      }
      const ArcIndex reverse = cursor[v]++;
      if (reverse >= people.arc_end(v) || people.target(reverse) != u || people.weight(reverse) != people.weight(a))
        throw std::invalid_argument("stability: the projection is not symmetric");
      edge_of_arc_[a] = edge_of_arc_[reverse];
    }
  }
  for (VertexId v = 0; v < n; ++v)
    if (cursor[v] != people.arc_end(v)) throw std::invalid_argument("stability: the projection is not symmetric");
  edges_ = next;
}

CsrGraph ProjectionEdges::without_dropped(const std::vector<char>& keep) const {
  const VertexId n = people_.num_vertices();
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  std::vector<VertexId> targets;
  std::vector<float> weights;
  ArcIndex kept = 0;
  for (ArcIndex a = 0; a < people_.num_arcs(); ++a) kept += keep[edge_of_arc_[a]] ? 1 : 0;
  targets.reserve(kept);
  if (people_.weighted()) weights.reserve(kept);
  for (VertexId v = 0; v < n; ++v) {
    for (ArcIndex a = people_.arc_begin(v); a < people_.arc_end(v); ++a) {
      if (!keep[edge_of_arc_[a]]) continue;
      targets.push_back(people_.target(a));
      if (people_.weighted()) weights.push_back(people_.weights()[a]);
    }
    offsets[v + 1] = targets.size();
  }
  return CsrGraph::from_undirected_rows(std::move(offsets), std::move(targets), std::move(weights));
}

std::vector<double> graph_stability(const CaseGraph& cg, const Projection& projection, const CsrGraph& graph,
                                    const std::vector<std::vector<std::int64_t>>& cores, const StabilityParams& params,
                                    const CommunityDetector& detect) {
  if (graph.num_vertices() != projection.graph.num_vertices())
    throw std::invalid_argument("stability: the graph must have the projection's vertices");
  const ProjectionEdges edges(graph);
  // Only the people of some core need a community in each run's answer.
  std::vector<std::pair<VertexId, std::int64_t>> watched;
  for (const auto& core : cores)
    for (std::int64_t person : core)
      if (auto v = projection_vertex(cg, projection, person)) watched.emplace_back(*v, person);
  std::sort(watched.begin(), watched.end());
  watched.erase(std::unique(watched.begin(), watched.end()), watched.end());
  PerturbedPartition partition = [&](const std::vector<char>& keep, std::uint64_t seed) {
    const CsrGraph perturbed = edges.without_dropped(keep);
    const std::vector<std::uint32_t> membership = detect(perturbed, seed);
    std::unordered_map<std::int64_t, std::uint32_t> of;
    of.reserve(watched.size());
    for (const auto& [v, person] : watched)
      if (perturbed.out_degree(v) > 0) of.emplace(person, membership[v]);
    return of;
  };
  return cluster_stability(cores, edges.edge_count(), params, partition);
}

std::vector<char> stability_link_mask(std::size_t link_count, double drop_share, std::uint64_t seed,
                                      std::uint32_t run, std::uint64_t* community_seed) {
  std::uint64_t state = seed;
  splitmix64(state);
  state ^= 0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(run) + 1);
  const std::uint64_t drawn = splitmix64(state);  // drawn always, so the mask does not depend on the caller
  if (community_seed) *community_seed = drawn;
  std::vector<char> keep(link_count);
  for (char& k : keep) k = unit_interval(state) >= drop_share ? 1 : 0;
  return keep;
}

std::vector<double> cluster_stability(const std::vector<std::vector<std::int64_t>>& cores, std::size_t link_count,
                                      const StabilityParams& params, const PerturbedPartition& partition) {
  if (!(params.drop_share >= 0 && params.drop_share < 1))
    throw std::invalid_argument("stability: the share of links dropped must be in [0, 1)");
  if (params.runs == 0) throw std::invalid_argument("stability: at least one run is needed");
  if (!(params.together_share > 0 && params.together_share <= 1))
    throw std::invalid_argument("stability: the share that counts as together must be in (0, 1]");
  const std::size_t runs = params.runs;
  // together[r * cores + c]: written by run r only, summed in a fixed order after.
  std::vector<char> together(runs * cores.size(), 0);
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::size_t r = 0; r < runs; ++r) {
    try {
      std::uint64_t community_seed = 0;
      const std::vector<char> keep =
          stability_link_mask(link_count, params.drop_share, params.seed, static_cast<std::uint32_t>(r), &community_seed);
      const auto of = partition(keep, community_seed);
      for (std::size_t c = 0; c < cores.size(); ++c)
        together[r * cores.size() + c] = core_together(cores[c], of, params.together_share) ? 1 : 0;
    } catch (...) {
#pragma omp critical(casegraph_stability_failure)
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  std::vector<double> share(cores.size(), 0.0);
  for (std::size_t c = 0; c < cores.size(); ++c) {
    std::size_t kept = 0;
    for (std::size_t r = 0; r < runs; ++r) kept += static_cast<std::size_t>(together[r * cores.size() + c]);
    share[c] = static_cast<double>(kept) / static_cast<double>(runs);
  }
  return share;
}

}  // namespace casegraph
