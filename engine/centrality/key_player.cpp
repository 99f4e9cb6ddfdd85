// Key player sets: objectives and the greedy + swap search; see key_player.h.
#include "engine/centrality/key_player.h"

#include <omp.h>

#include <algorithm>
#include <limits>
#include <random>
#include <stdexcept>

#include "engine/centrality/shortest_paths.h"

namespace casegraph {
namespace {

constexpr double kImprovement = 1e-12;

// One thread's scratch space for evaluating either objective.
class Evaluator {
 public:
  Evaluator(const CsrGraph& graph, KeyPlayerObjective objective, bool weighted)
      : graph_(graph), objective_(objective), weighted_(weighted), in_set_(graph.num_vertices(), 0),
        seen_(graph.num_vertices(), 0), paths_(graph.num_vertices()) {}

  double operator()(std::span<const VertexId> set) {
    for (VertexId v : set) in_set_[v] = 1;
    const double value = objective_ == KeyPlayerObjective::fragmentation ? fragmentation(set.size()) : reach(set);
    for (VertexId v : set) in_set_[v] = 0;
    return value;
  }

 private:
  // Sizes of the (weak) components left after removing the marked vertices.
  double fragmentation(std::size_t removed) {
    const VertexId n = graph_.num_vertices();
    const double left = static_cast<double>(n - removed);
    if (left < 2) return 1.0;
    if (++stamp_ == 0) {  // wrapped: clear the marks once every 2^32 runs
      std::fill(seen_.begin(), seen_.end(), 0);
      stamp_ = 1;
    }
    double linked_pairs = 0;  // sum of |C| (|C| - 1)
    for (VertexId root = 0; root < n; ++root) {
      if (in_set_[root] || seen_[root] == stamp_) continue;
      seen_[root] = stamp_;
      stack_.assign(1, root);
      double size = 0;
      while (!stack_.empty()) {
        const VertexId v = stack_.back();
        stack_.pop_back();
        ++size;
        auto visit = [&](VertexId u) {
          if (!in_set_[u] && seen_[u] != stamp_) {
            seen_[u] = stamp_;
            stack_.push_back(u);
          }
        };
        for (ArcIndex a = graph_.arc_begin(v); a < graph_.arc_end(v); ++a) visit(graph_.target(a));
        if (graph_.directed())
          for (ArcIndex a = graph_.in_arc_begin(v); a < graph_.in_arc_end(v); ++a) visit(graph_.in_source(a));
      }
      linked_pairs += size * (size - 1);
    }
    return 1.0 - linked_pairs / (left * (left - 1));
  }

  double reach(std::span<const VertexId> set) {
    const VertexId n = graph_.num_vertices();
    if (n == 0) return 0;
    paths_.run(graph_, set.data(), set.size(), weighted_, PathDirection::outgoing);
    double sum = 0;
    for (VertexId v : paths_.reached()) sum += in_set_[v] ? 1.0 : 1.0 / paths_.distance(v);
    return sum / n;
  }

  const CsrGraph& graph_;
  KeyPlayerObjective objective_;
  bool weighted_;
  std::vector<char> in_set_;
  std::vector<std::uint32_t> seen_;
  std::uint32_t stamp_ = 0;
  std::vector<VertexId> stack_;
  DistanceWorkspace paths_;
};

struct Candidate {
  double value = -std::numeric_limits<double>::infinity();
  VertexId out_index = 0;  // which member leaves (swaps)
  VertexId vertex = 0;     // which vertex enters
  bool found = false;
};

// The better of two candidates: higher value, then lower (out_index, vertex).
Candidate better(const Candidate& a, const Candidate& b) {
  if (!a.found) return b;
  if (!b.found) return a;
  if (a.value != b.value) return a.value > b.value ? a : b;
  if (a.out_index != b.out_index) return a.out_index < b.out_index ? a : b;
  return a.vertex < b.vertex ? a : b;
}

// Best single change of `set`: replace set[out] (or append when out ==
// set.size()) by each vertex not in the set. Parallel over vertices; each
// thread keeps its best, merged deterministically by better().
Candidate best_change(const CsrGraph& graph, std::vector<Evaluator>& evaluators,
                      const std::vector<VertexId>& set, std::size_t out, std::uint64_t& evaluations) {
  const VertexId n = graph.num_vertices();
  std::vector<char> member(n, 0);
  for (VertexId v : set) member[v] = 1;
  std::vector<Candidate> best(evaluators.size());
  const auto sn = static_cast<std::int64_t>(n);
  std::uint64_t count = 0;
#pragma omp parallel num_threads(static_cast<int>(evaluators.size())) reduction(+ : count)
  {
    const auto t = static_cast<std::size_t>(omp_get_thread_num());
    std::vector<VertexId> trial = set;
    if (out == trial.size()) trial.push_back(0);
#pragma omp for schedule(dynamic, 8)
    for (std::int64_t i = 0; i < sn; ++i) {
      const auto v = static_cast<VertexId>(i);
      if (member[v]) continue;
      trial[out] = v;
      Candidate c;
      c.value = evaluators[t](trial);
      c.out_index = static_cast<VertexId>(out);
      c.vertex = v;
      c.found = true;
      best[t] = better(best[t], c);
      ++count;
    }
  }
  evaluations += count;
  Candidate winner;
  for (const Candidate& c : best) winner = better(winner, c);
  return winner;
}

}  // namespace

double fragmentation(const CsrGraph& graph, std::span<const VertexId> removed) {
  Evaluator evaluate(graph, KeyPlayerObjective::fragmentation, false);
  return evaluate(removed);
}

double distance_weighted_reach(const CsrGraph& graph, std::span<const VertexId> members, bool weighted) {
  const bool use_weights = weighted && graph.weighted();
  if (use_weights) check_lengths(graph, "key player reach");
  Evaluator evaluate(graph, KeyPlayerObjective::reach, use_weights);
  return evaluate(members);
}

KeyPlayerResult key_players(const CsrGraph& graph, const KeyPlayerParams& params) {
  const VertexId n = graph.num_vertices();
  const bool weighted = params.objective == KeyPlayerObjective::reach && params.weighted && graph.weighted();
  if (weighted) check_lengths(graph, "key player reach");
  KeyPlayerResult result;
  const VertexId k = std::min(params.k, n);
  int threads = params.threads > 0 ? params.threads : omp_get_max_threads();
  // A single evaluation on a small graph is microseconds: one thread.
  if (static_cast<ArcIndex>(n) + graph.num_arcs() < 4096) threads = 1;
  std::vector<Evaluator> evaluators;
  evaluators.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) evaluators.emplace_back(graph, params.objective, weighted);

  std::vector<VertexId> set;
  for (VertexId step = 0; step < k; ++step) {
    const Candidate c = best_change(graph, evaluators, set, set.size(), result.evaluations);
    set.push_back(c.vertex);
    result.value = c.value;
  }
  result.greedy_value = result.value;
  if (k > 0 && k < n) {
    // Steepest-ascent swaps from `start`; returns the value reached.
    auto climb = [&](std::vector<VertexId>& start, double value) {
      for (int round = 0; round < params.max_swap_rounds; ++round) {
        Candidate best;
        for (std::size_t out = 0; out < start.size(); ++out)
          best = better(best, best_change(graph, evaluators, start, out, result.evaluations));
        if (!best.found || !(best.value > value + kImprovement)) break;
        start[best.out_index] = best.vertex;
        value = best.value;
        ++result.swap_rounds;
      }
      return value;
    };
    result.value = climb(set, result.value);
    std::mt19937_64 random(params.seed);
    std::vector<VertexId> all(n);
    for (VertexId v = 0; v < n; ++v) all[v] = v;
    for (int r = 0; r < params.restarts; ++r) {
      // A uniform random k-set: the first k of a partial Fisher-Yates shuffle.
      for (VertexId i = 0; i < k; ++i) {
        const VertexId j = i + static_cast<VertexId>(random() % (n - i));
        std::swap(all[i], all[j]);
      }
      std::vector<VertexId> start(all.begin(), all.begin() + k);
      const double value = climb(start, evaluators.front()(start));
      ++result.evaluations;
      if (value > result.value + kImprovement) {
        result.value = value;
        set = std::move(start);
      }
    }
  }
  std::sort(set.begin(), set.end());
  result.members = std::move(set);
  if (k == 0) result.value = evaluators.front()(result.members);
  return result;
}

}  // namespace casegraph
