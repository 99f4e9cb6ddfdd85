#include "engine/community/louvain.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "engine/community/level_graph.h"
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

// One level's graph (engine/community/level_graph.h): node_weight is each
// vertex's strength including its self weight, self_weight the weight inside
// it (sum of A_vv, i.e. twice the internal edge weight of the community it
// stands for).

double quality(const std::vector<double>& internal, const std::vector<double>& tot, double two_m, double gamma) {
  double q = 0;
  for (std::size_t c = 0; c < tot.size(); ++c) q += internal[c] / two_m - gamma * (tot[c] / two_m) * (tot[c] / two_m);
  return q;
}

// Local moving phase. `community` comes back with vertex-indexed labels (not
// dense). Returns whether any vertex moved; `q` is the level's modularity after it.
bool move_vertices(const LevelGraph& g, const std::vector<VertexId>& order, double two_m,
                   const LouvainParams& params, std::vector<CommunityId>& community, double& q) {
  const VertexId n = g.n;
  const double gamma = params.resolution;
  community.resize(n);
  std::iota(community.begin(), community.end(), CommunityId{0});
  std::vector<double> tot(g.node_weight);
  std::vector<double> internal(g.self_weight);
  std::vector<double> link(n, -1.0);  // weight from the current vertex to each community; -1 = not seen
  std::vector<CommunityId> seen;
  q = quality(internal, tot, two_m, gamma);

  bool moved_any = false;
  for (;;) {
    std::size_t moved = 0;
    for (VertexId v : order) {
      const double kv = g.node_weight[v];
      if (kv == 0) continue;  // isolated: no community gains from it
      const CommunityId own = community[v];
      seen.clear();
      link[own] = 0;
      seen.push_back(own);
      for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
        const CommunityId c = community[g.targets[a]];
        if (link[c] < 0) {
          link[c] = 0;
          seen.push_back(c);
        }
        link[c] += g.weight(a);
      }
      // Take v out of its community, then put it where the gain
      // k_v,c - gamma tot_c k_v / 2m (modularity gain times m) is largest.
      tot[own] -= kv;
      internal[own] -= 2 * link[own] + g.self_weight[v];
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
      internal[best] += 2 * link[best] + g.self_weight[v];
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

  LevelGraph level = LevelGraph::view_of(*input);
  level.self_weight.assign(n, 0.0);
  level.node_weight.assign(n, 0.0);
  double two_m = 0;
  for (VertexId v = 0; v < n; ++v) {
    for (ArcIndex a = input->arc_begin(v); a < input->arc_end(v); ++a) level.node_weight[v] += input->weight(a);
    two_m += level.node_weight[v];
  }
  if (two_m == 0) {
    result.modularity = std::numeric_limits<double>::quiet_NaN();
    return result;
  }

  std::mt19937_64 rng(params.seed);
  std::vector<CommunityId> community;
  std::vector<VertexId> order;
  double q_prev = quality(level.self_weight, level.node_weight, two_m, params.resolution);
  for (;;) {
    const VertexId nl = level.n;
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
    // Single-threaded, as the rest of Louvain: the result is the same bits at any thread count.
    level = aggregate_level(level, community, k, /*threads=*/1, /*keep_self=*/true);
  }

  result.count = renumber_dense(result.membership);
  result.modularity = modularity(*input, result.membership, {.resolution = params.resolution, .directed = false});
  return result;
}

}  // namespace casegraph
