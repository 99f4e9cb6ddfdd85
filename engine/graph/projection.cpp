#include "engine/graph/projection.h"

#include <algorithm>
#include <limits>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

struct Presence {
  VertexId place;   // case-graph vertex of the shared entity
  VertexId person;  // projection vertex
  double strength;
};

// Best (max over paths, min along a path) strength from `source` to every
// non-person vertex within max_hops, layer by layer; hubs are reached but not
// walked through.
class PresenceWalker {
 public:
  PresenceWalker(const CaseGraph& cg, const std::vector<bool>& is_person, const std::vector<bool>& is_hub)
      : cg_(cg), is_person_(is_person), is_hub_(is_hub), strength_(cg.graph.num_vertices(), 0.0) {}

  void walk(VertexId source, VertexId person, int max_hops, std::vector<Presence>& out) {
    std::vector<VertexId> frontier{source};
    std::vector<VertexId> touched;
    for (int hop = 0; hop < max_hops && !frontier.empty(); ++hop) {
      std::vector<VertexId> next;
      for (VertexId u : frontier) {
        if (u != source && is_hub_[u]) continue;
        double su = u == source ? std::numeric_limits<double>::infinity() : strength_[u];
        for (ArcIndex a = cg_.graph.arc_begin(u); a < cg_.graph.arc_end(u); ++a) {
          VertexId v = cg_.graph.target(a);
          if (is_person_[v]) continue;
          double s = std::min(su, std::min(1.0, cg_.graph.weight(a)));
          if (s <= strength_[v]) continue;
          if (strength_[v] == 0.0) touched.push_back(v);
          strength_[v] = s;
          next.push_back(v);
        }
      }
      frontier = std::move(next);
    }
    for (VertexId v : touched) {
      out.push_back({v, person, strength_[v]});
      strength_[v] = 0.0;
    }
  }

 private:
  const CaseGraph& cg_;
  const std::vector<bool>& is_person_;
  const std::vector<bool>& is_hub_;
  std::vector<double> strength_;
};

}  // namespace

Projection project_people(const CaseGraph& cg, const ProjectionParams& params) {
  const VertexId n = cg.graph.num_vertices();
  Projection result;
  std::vector<bool> is_person(n, false);
  std::vector<VertexId> person_index(n, 0);
  for (VertexId v = 0; v < n; ++v) {
    if (cg.type[v] != entity_type::person) continue;
    is_person[v] = true;
    person_index[v] = static_cast<VertexId>(result.case_vertex.size());
    result.case_vertex.push_back(v);
  }
  // Hubs: non-person entities directly linked to more people than the limit.
  std::vector<bool> is_hub(n, false);
  for (VertexId v = 0; v < n; ++v) {
    if (is_person[v]) continue;
    auto nb = cg.graph.neighbours(v);
    auto people = std::count_if(nb.begin(), nb.end(), [&](VertexId u) { return is_person[u]; });
    if (static_cast<std::uint32_t>(people) > params.hub_limit) is_hub[v] = true;
  }

  std::vector<Presence> presence;
  std::vector<Edge> edges;
  PresenceWalker walker(cg, is_person, is_hub);
  for (VertexId p : result.case_vertex) {
    walker.walk(p, person_index[p], params.max_hops, presence);
    for (ArcIndex a = cg.graph.arc_begin(p); a < cg.graph.arc_end(p); ++a) {
      VertexId q = cg.graph.target(a);
      if (is_person[q] && p < q) edges.push_back({person_index[p], person_index[q], cg.graph.weight(a)});
    }
  }

  std::sort(presence.begin(), presence.end(), [](const Presence& x, const Presence& y) {
    return x.place != y.place ? x.place < y.place : x.person < y.person;
  });
  for (std::size_t i = 0; i < presence.size();) {
    std::size_t j = i;
    while (j < presence.size() && presence[j].place == presence[i].place) ++j;
    std::size_t k = j - i;
    if (k > params.hub_limit) {
      is_hub[presence[i].place] = true;
    } else if (k >= 2) {
      double discount = 1.0 / static_cast<double>(k - 1);
      for (std::size_t x = i; x < j; ++x)
        for (std::size_t y = x + 1; y < j; ++y)
          edges.push_back({presence[x].person, presence[y].person,
                           std::min(presence[x].strength, presence[y].strength) * discount});
    }
    i = j;
  }
  for (VertexId v = 0; v < n; ++v)
    if (is_hub[v]) result.hubs.push_back(v);
  result.graph = CsrGraph::from_edges(static_cast<VertexId>(result.case_vertex.size()), edges, false, true);
  return result;
}

}  // namespace casegraph
