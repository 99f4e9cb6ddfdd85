#include "engine/graph/projection.h"

#include <algorithm>
#include <limits>

#include <omp.h>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

// A person present at a place (a non-person case-graph vertex). Strengths are
// minima of float edge weights (or 1), so float holds them exactly.
struct Presence {
  VertexId place;   // case-graph vertex of the shared entity
  VertexId person;  // projection vertex
  float strength;
};

// One end of a place's or a person's presence list, grouped by the other end.
struct Member {
  VertexId id;  // the person (in a place's list) or the compact place index (in a person's list)
  float strength;
};

// Best (max over paths, min along a path) strength from `source` to every
// non-person vertex within max_hops, layer by layer; hubs are reached but not
// walked through.
class PresenceWalker {
 public:
  PresenceWalker(const CaseGraph& cg, const std::vector<bool>& is_person, const std::vector<bool>& is_hub)
      : cg_(cg), is_person_(is_person), is_hub_(is_hub), strength_(cg.graph.num_vertices(), 0.0) {}

  void walk(VertexId source, VertexId person, int max_hops, std::vector<Presence>& out) {
    frontier_.assign(1, source);
    touched_.clear();
    for (int hop = 0; hop < max_hops && !frontier_.empty(); ++hop) {
      next_.clear();
      for (VertexId u : frontier_) {
        if (u != source && is_hub_[u]) continue;
        double su = u == source ? std::numeric_limits<double>::infinity() : strength_[u];
        for (ArcIndex a = cg_.graph.arc_begin(u); a < cg_.graph.arc_end(u); ++a) {
          VertexId v = cg_.graph.target(a);
          if (is_person_[v]) continue;
          double s = std::min(su, std::min(1.0, cg_.graph.weight(a)));
          if (s <= strength_[v]) continue;
          if (strength_[v] == 0.0) touched_.push_back(v);
          strength_[v] = s;
          next_.push_back(v);
        }
      }
      std::swap(frontier_, next_);
    }
    for (VertexId v : touched_) {
      // A hub has more people than the limit linked to it directly, so it is
      // shared by too many to link anyone: no need to record presence there.
      if (!is_hub_[v]) out.push_back({v, person, static_cast<float>(strength_[v])});
      strength_[v] = 0.0;
    }
  }

 private:
  const CaseGraph& cg_;
  const std::vector<bool>& is_person_;
  const std::vector<bool>& is_hub_;
  std::vector<double> strength_;
  std::vector<VertexId> frontier_, next_, touched_;
};

int thread_count(int threads) { return threads > 0 ? threads : omp_get_max_threads(); }

// The contiguous block [first, last) of 0..n that thread t of T works on, so
// that concatenating the threads' outputs in t order gives 0..n order.
std::pair<std::size_t, std::size_t> block_of(std::size_t n, int t, int T) {
  return {n * static_cast<std::size_t>(t) / static_cast<std::size_t>(T),
          n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(T)};
}

// CSR grouping (offsets + entries) by place of the presences at places where
// `counted` says, by a stable counting sort over the per-thread lists (which
// are in person order); only those places get entries, to keep memory low.
void group_by_place(VertexId n, const std::vector<std::vector<Presence>>& per_thread, const std::vector<char>& counted,
                    std::vector<ArcIndex>& start, std::vector<Member>& members) {
  start.assign(static_cast<std::size_t>(n) + 1, 0);
  for (const auto& list : per_thread)
    for (const Presence& p : list)
      if (counted[p.place]) ++start[p.place + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  members.resize(start[n]);
  std::vector<ArcIndex> cursor(start.begin(), start.end() - 1);
  for (const auto& list : per_thread)
    for (const Presence& p : list)
      if (counted[p.place]) members[cursor[p.place]++] = {p.person, p.strength};
}

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
  const auto people = static_cast<VertexId>(result.case_vertex.size());
  // Hubs: non-person entities directly linked to more people than the limit.
  std::vector<bool> is_hub(n, false);
  for (VertexId v = 0; v < n; ++v) {
    if (is_person[v]) continue;
    auto nb = cg.graph.neighbours(v);
    auto linked = std::count_if(nb.begin(), nb.end(), [&](VertexId u) { return is_person[u]; });
    if (static_cast<std::uint32_t>(linked) > params.hub_limit) is_hub[v] = true;
  }

  // 1. How many people are present at each place: every person's presence is
  // walked and only counted (one walker and one counter array per thread), so
  // that pass 2 keeps just the presences that can link anyone. Storing every
  // presence instead took 19.7 GB at 100k synth people: at 3 hops through the
  // call graph a person reaches thousands of phones, nearly all of them
  // shared by more than hub_limit people.
  const int threads = thread_count(params.threads);
  std::vector<std::uint32_t> present(n, 0);
  {
    std::vector<std::vector<std::uint32_t>> counts(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
    {
      const int t = omp_get_thread_num();
      const auto [first, last] = block_of(people, t, omp_get_num_threads());
      std::vector<std::uint32_t>& count = counts[static_cast<std::size_t>(t)];
      count.assign(n, 0);
      PresenceWalker walker(cg, is_person, is_hub);
      std::vector<Presence> found;
      for (std::size_t i = first; i < last; ++i) {
        found.clear();
        walker.walk(result.case_vertex[i], static_cast<VertexId>(i), params.max_hops, found);
        for (const Presence& p : found) ++count[p.place];
      }
    }
    for (const auto& count : counts)
      for (VertexId v = 0; v < n; ++v) present[v] += count[v];
  }

  // 2. A place with more than hub_limit people present is a hub and links
  // nobody, one with a single person links nobody either; the others are
  // shared. The walk is repeated (the same walk, so the same presences) and
  // only presences at shared places are kept, per thread in person order.
  std::vector<char> shared(n, 0), crowded(n, 0);  // crowded: a hub found by counting presence
  for (VertexId v = 0; v < n; ++v) {
    if (present[v] > params.hub_limit) crowded[v] = 1;
    else if (present[v] >= 2) shared[v] = 1;
  }
  present.clear();
  present.shrink_to_fit();
  std::vector<std::vector<Presence>> presence(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const auto [first, last] = block_of(people, t, omp_get_num_threads());
    // The walker walks through crowded places as pass 1 did: only hubs by
    // direct links stop a walk, so both passes find the same presences.
    PresenceWalker walker(cg, is_person, is_hub);
    std::vector<Presence> found;
    std::vector<Presence>& kept = presence[static_cast<std::size_t>(t)];
    for (std::size_t i = first; i < last; ++i) {
      found.clear();
      walker.walk(result.case_vertex[i], static_cast<VertexId>(i), params.max_hops, found);
      for (const Presence& p : found)
        if (shared[p.place]) kept.push_back(p);
    }
  }
  std::vector<ArcIndex> at_start;
  std::vector<Member> at;
  group_by_place(n, presence, shared, at_start, at);
  presence.clear();
  presence.shrink_to_fit();
  std::vector<VertexId> shared_places;  // compact place index -> case-graph vertex
  for (VertexId v = 0; v < n; ++v)
    if (shared[v]) shared_places.push_back(v);
  // Each person's shared places, ascending, with the person's strength there.
  std::vector<ArcIndex> of_start(static_cast<std::size_t>(people) + 1, 0);
  for (VertexId x : shared_places)
    for (ArcIndex i = at_start[x]; i < at_start[x + 1]; ++i) ++of_start[at[i].id + 1];
  for (std::size_t p = 0; p < people; ++p) of_start[p + 1] += of_start[p];
  std::vector<Member> of(of_start[people]);
  {
    std::vector<ArcIndex> cursor(of_start.begin(), of_start.end() - 1);
    for (std::size_t c = 0; c < shared_places.size(); ++c) {
      const VertexId x = shared_places[c];
      for (ArcIndex i = at_start[x]; i < at_start[x + 1]; ++i)
        of[cursor[at[i].id]++] = {static_cast<VertexId>(c), at[i].strength};
    }
  }

  // 3. Each person's row: direct person-person links, then for every shared
  // place x (k people) min(s_p, s_q) / (k - 1) for each other person q there.
  // Rows are accumulated in a dense array per thread (Gustavson) and written
  // per thread in person order, then concatenated.
  struct Rows {
    std::vector<ArcIndex> length;
    std::vector<VertexId> targets;
    std::vector<float> weights;
  };
  std::vector<Rows> rows(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const auto [first, last] = block_of(people, t, omp_get_num_threads());
    Rows& out = rows[static_cast<std::size_t>(t)];
    std::vector<double> sum(people, 0.0);
    std::vector<char> seen(people, 0);
    std::vector<VertexId> touched;
    auto add = [&](VertexId q, double w) {
      if (!seen[q]) {
        seen[q] = 1;
        touched.push_back(q);
      }
      sum[q] += w;
    };
    for (std::size_t p = first; p < last; ++p) {
      const VertexId v = result.case_vertex[p];
      for (ArcIndex a = cg.graph.arc_begin(v); a < cg.graph.arc_end(v); ++a)
        if (is_person[cg.graph.target(a)]) add(person_index[cg.graph.target(a)], cg.graph.weight(a));
      for (ArcIndex j = of_start[p]; j < of_start[p + 1]; ++j) {
        const VertexId x = shared_places[of[j].id];
        const double discount = 1.0 / static_cast<double>(at_start[x + 1] - at_start[x] - 1);
        for (ArcIndex i = at_start[x]; i < at_start[x + 1]; ++i)
          if (at[i].id != p) add(at[i].id, static_cast<double>(std::min(of[j].strength, at[i].strength)) * discount);
      }
      std::sort(touched.begin(), touched.end());
      for (VertexId q : touched) {
        out.targets.push_back(q);
        out.weights.push_back(static_cast<float>(sum[q]));
        sum[q] = 0.0;
        seen[q] = 0;
      }
      out.length.push_back(touched.size());
      touched.clear();
    }
  }
  at.clear();
  at.shrink_to_fit();
  of.clear();
  of.shrink_to_fit();

  std::vector<ArcIndex> offsets(static_cast<std::size_t>(people) + 1, 0);
  std::size_t arcs = 0;
  for (const Rows& r : rows) arcs += r.targets.size();
  std::vector<VertexId> targets;
  std::vector<float> weights;
  targets.reserve(arcs);
  weights.reserve(arcs);
  std::size_t p = 0;
  for (Rows& r : rows) {
    for (ArcIndex len : r.length) {
      offsets[p + 1] = offsets[p] + len;
      ++p;
    }
    targets.insert(targets.end(), r.targets.begin(), r.targets.end());
    weights.insert(weights.end(), r.weights.begin(), r.weights.end());
    r = Rows{};  // release each thread's copy as soon as it is moved over
  }
  for (VertexId v = 0; v < n; ++v)
    if (is_hub[v] || crowded[v]) result.hubs.push_back(v);
  result.graph = CsrGraph::from_undirected_rows(std::move(offsets), std::move(targets), std::move(weights));
  return result;
}

}  // namespace casegraph
