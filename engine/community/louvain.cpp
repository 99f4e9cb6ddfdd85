#include "engine/community/louvain.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "engine/community/modularity.h"

namespace casegraph {
namespace {

// Uniform draw in [0, bound] by rejection, so that a seed gives the same
// order with every standard library (std::uniform_int_distribution's
// algorithm is implementation-defined).
std::uint64_t draw_at_most(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t range = bound + 1;
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - max % range;  // a multiple of range
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % range;
}

void shuffle(std::vector<VertexId>& order, std::mt19937_64& rng) {
  for (std::size_t i = order.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(draw_at_most(rng, i - 1));
    std::swap(order[i - 1], order[j]);
  }
}

// One level's graph: inter-vertex arcs in a CsrGraph, plus the weight of
// each vertex's self-loop (sum of A_vv, i.e. twice the internal edge weight
// of the community it stands for) and its strength including that loop.
struct LevelGraph {
  const CsrGraph* input = nullptr;  // level 0: the caller's graph, not copied
  CsrGraph owned;                   // later levels: the aggregated graph
  const CsrGraph& graph() const { return input != nullptr ? *input : owned; }
  std::vector<double> self;
  std::vector<double> strength;
};

double quality(const std::vector<double>& internal, const std::vector<double>& tot, double two_m, double gamma) {
  double q = 0;
  for (std::size_t c = 0; c < tot.size(); ++c) q += internal[c] / two_m - gamma * (tot[c] / two_m) * (tot[c] / two_m);
  return q;
}

// Local moving phase. `community` comes back with vertex-indexed labels (not
// dense). Returns whether any vertex moved; `q` is the level's modularity after it.
bool move_vertices(const LevelGraph& level, const std::vector<VertexId>& order, double two_m,
                   const LouvainParams& params, std::vector<CommunityId>& community, double& q) {
  const CsrGraph& g = level.graph();
  const VertexId n = g.num_vertices();
  const double gamma = params.resolution;
  community.resize(n);
  std::iota(community.begin(), community.end(), CommunityId{0});
  std::vector<double> tot(level.strength);
  std::vector<double> internal(level.self);
  std::vector<double> link(n, -1.0);  // weight from the current vertex to each community; -1 = not seen
  std::vector<CommunityId> seen;
  q = quality(internal, tot, two_m, gamma);

  bool moved_any = false;
  for (;;) {
    std::size_t moved = 0;
    for (VertexId v : order) {
      const double kv = level.strength[v];
      if (kv == 0) continue;  // isolated: no community gains from it
      const CommunityId own = community[v];
      seen.clear();
      link[own] = 0;
      seen.push_back(own);
      for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
        const CommunityId c = community[g.target(a)];
        if (link[c] < 0) {
          link[c] = 0;
          seen.push_back(c);
        }
        link[c] += g.weight(a);
      }
      // Take v out of its community, then put it where the gain
      // k_v,c - gamma tot_c k_v / 2m (modularity gain times m) is largest.
      tot[own] -= kv;
      internal[own] -= 2 * link[own] + level.self[v];
      const double scale = gamma * kv / two_m;
      CommunityId best = own;
      double best_gain = link[own] - scale * tot[own];
      for (CommunityId c : seen) {
        const double gain = link[c] - scale * tot[c];
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      tot[best] += kv;
      internal[best] += 2 * link[best] + level.self[v];
      community[v] = best;
      if (best != own) ++moved;
      for (CommunityId c : seen) link[c] = -1.0;
    }
    if (moved == 0) break;
    moved_any = true;
    const double next_q = quality(internal, tot, two_m, gamma);
    const double gained = next_q - q;
    q = next_q;
    if (gained < params.epsilon) break;
  }
  return moved_any;
}

// Dense labels 0..k-1 in order of first vertex; returns k.
CommunityId renumber_dense(std::vector<CommunityId>& community) {
  std::vector<CommunityId> rename(community.size(), std::numeric_limits<CommunityId>::max());
  CommunityId k = 0;
  for (CommunityId& c : community) {
    if (rename[c] == std::numeric_limits<CommunityId>::max()) rename[c] = k++;
    c = rename[c];
  }
  return k;
}

// Communities (dense labels 0..k-1) become the vertices of the next level.
// Members are bucketed by community so each community's arcs to higher-numbered
// communities are merged in a dense accumulator before the builder sees them.
LevelGraph aggregate(const LevelGraph& level, const std::vector<CommunityId>& community, CommunityId k) {
  const CsrGraph& g = level.graph();
  const VertexId n = g.num_vertices();
  LevelGraph next;
  next.self.assign(k, 0.0);
  next.strength.assign(k, 0.0);

  std::vector<VertexId> start(static_cast<std::size_t>(k) + 1, 0);
  for (VertexId v = 0; v < n; ++v) ++start[community[v] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<VertexId> members(n);
  {
    std::vector<VertexId> cursor(start.begin(), start.end() - 1);
    for (VertexId v = 0; v < n; ++v) members[cursor[community[v]]++] = v;
  }

  std::vector<Edge> edges;
  std::vector<double> acc(k, 0.0);
  std::vector<bool> touched(k, false);
  std::vector<CommunityId> seen;
  for (CommunityId c = 0; c < k; ++c) {
    seen.clear();
    for (VertexId i = start[c]; i < start[c + 1]; ++i) {
      const VertexId v = members[i];
      next.self[c] += level.self[v];
      next.strength[c] += level.strength[v];
      for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
        const CommunityId d = community[g.target(a)];
        const double w = g.weight(a);
        if (d == c) {
          next.self[c] += w;  // each internal edge is met from both ends: 2w in all
        } else if (d > c) {
          if (!touched[d]) {
            touched[d] = true;
            seen.push_back(d);
          }
          acc[d] += w;
        }
      }
    }
    for (CommunityId d : seen) {
      edges.push_back({c, d, acc[d]});
      acc[d] = 0;
      touched[d] = false;
    }
  }
  next.owned = CsrGraph::from_edges(k, edges, /*directed=*/false, /*weighted=*/true);
  return next;
}

}  // namespace

LouvainResult louvain(const CsrGraph& graph, const LouvainParams& params) {
  if (!(params.resolution >= 0)) throw std::invalid_argument("louvain: resolution must be >= 0");
  for (float w : graph.weights())
    if (!(w >= 0.0f)) throw std::invalid_argument("louvain: negative or NaN edge weight");

  CsrGraph undirected_copy;
  const CsrGraph* input = &graph;
  if (graph.directed()) {
    undirected_copy = graph.as_undirected();
    input = &undirected_copy;
  }
  const VertexId n = input->num_vertices();

  LouvainResult result;
  result.membership.resize(n);
  std::iota(result.membership.begin(), result.membership.end(), CommunityId{0});
  result.count = n;

  LevelGraph level;
  level.input = input;
  level.self.assign(n, 0.0);
  level.strength.assign(n, 0.0);
  double two_m = 0;
  for (VertexId v = 0; v < n; ++v) {
    for (ArcIndex a = input->arc_begin(v); a < input->arc_end(v); ++a) level.strength[v] += input->weight(a);
    two_m += level.strength[v];
  }
  if (two_m == 0) {
    result.modularity = std::numeric_limits<double>::quiet_NaN();
    return result;
  }

  std::mt19937_64 rng(params.seed);
  std::vector<CommunityId> community;
  std::vector<VertexId> order;
  double q_prev = quality(level.self, level.strength, two_m, params.resolution);
  for (;;) {
    const VertexId nl = level.graph().num_vertices();
    order.resize(nl);
    std::iota(order.begin(), order.end(), VertexId{0});
    if (params.shuffle) shuffle(order, rng);
    double q = 0;
    if (!move_vertices(level, order, two_m, params, community, q)) break;

    const CommunityId k = renumber_dense(community);
    for (CommunityId& c : result.membership) c = community[c];
    ++result.levels;
    result.level_modularity.push_back(q);
    if (params.keep_levels) {
      result.level_memberships.push_back(result.membership);
      renumber_dense(result.level_memberships.back());
    }
    if (q - q_prev < params.epsilon) break;
    if (params.max_levels != 0 && result.levels >= params.max_levels) break;
    q_prev = q;
    level = aggregate(level, community, k);
  }

  result.count = renumber_dense(result.membership);
  result.modularity = modularity(*input, result.membership, {.resolution = params.resolution, .directed = false});
  return result;
}

}  // namespace casegraph
