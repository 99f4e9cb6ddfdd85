// Leiden community detection; conventions in leiden.h.
//
// Hand-written rather than bound to igraph or libleidenalg: neither is among
// the project's dependencies, and the engine's CsrGraph (32-bit ids, float
// weights, no copy at level 0) is what keeps memory and time low on
// force-wide graphs.
#include "engine/community/leiden.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "engine/community/modularity.h"

namespace casegraph {
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose
// output is fixed by its 64-bit state on every platform, cheap enough to seed
// once per community in the refinement.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound] by rejection (no modulo bias, no library distribution).
  std::uint64_t at_most(std::uint64_t bound) {
    const std::uint64_t range = bound + 1;
    if (range == 0) return next();
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % range;
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % range;
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  SplitMix64 s{a ^ (b * 0xd6e8feb86659fd93ULL)};
  return s.next();
}

template <class T>
void shuffle(std::vector<T>& items, SplitMix64& rng) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.at_most(i - 1)]);
}

constexpr CommunityId kNone = std::numeric_limits<CommunityId>::max();

// One level's graph. Level 0 points at the caller's arrays; later levels own
// theirs. Arc weights are float (null = every weight 1); node_weight[v] is the
// strength (modularity) or input vertex count (CPM). Weight inside an
// aggregate vertex moves with it, so no gain depends on it and it is not kept.
struct Level {
  VertexId n = 0;
  const ArcIndex* offsets = nullptr;
  const VertexId* targets = nullptr;
  const float* weights = nullptr;
  std::vector<ArcIndex> own_offsets;
  std::vector<VertexId> own_targets;
  std::vector<float> own_weights;
  std::vector<double> node_weight;
  double weight(ArcIndex a) const { return weights != nullptr ? weights[a] : 1.0; }
};

// Dense labels 0..k-1 in order of first vertex; returns k.
CommunityId renumber(std::vector<CommunityId>& label, std::vector<CommunityId>& scratch) {
  scratch.assign(label.size(), kNone);
  CommunityId k = 0;
  for (CommunityId& c : label) {
    if (scratch[c] == kNone) scratch[c] = k++;
    c = scratch[c];
  }
  return k;
}

// Fast local moving (the paper's Algorithm A.2): a queue of vertices in random
// order; a vertex moves to the neighbouring (or an empty) community of largest
// gain if that beats staying, and its neighbours outside the new community go
// back on the queue. `community` holds labels 0..n-1. Returns whether any
// vertex moved.
bool move_nodes(const Level& g, double scale, std::vector<CommunityId>& community, SplitMix64& rng) {
  const VertexId n = g.n;
  std::vector<double> total(n, 0.0);
  std::vector<VertexId> members(n, 0);
  for (VertexId v = 0; v < n; ++v) {
    total[community[v]] += g.node_weight[v];
    ++members[community[v]];
  }
  std::vector<CommunityId> empty;
  for (CommunityId c = n; c-- > 0;)
    if (members[c] == 0) empty.push_back(c);

  // Circular queue holding each vertex at most once.
  std::vector<VertexId> queue(n);
  std::iota(queue.begin(), queue.end(), VertexId{0});
  shuffle(queue, rng);
  std::vector<char> queued(n, 1);
  std::size_t head = 0;
  std::size_t size = n;

  std::vector<double> link(n, 0.0);
  std::vector<char> seen_flag(n, 0);
  std::vector<CommunityId> seen;
  bool moved_any = false;
  while (size > 0) {
    const VertexId v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --size;
    queued[v] = 0;

    const CommunityId own = community[v];
    const double wv = g.node_weight[v];
    seen.clear();
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
      const CommunityId c = community[g.targets[a]];
      if (!seen_flag[c]) {
        seen_flag[c] = 1;
        seen.push_back(c);
      }
      link[c] += g.weight(a);
    }
    total[own] -= wv;
    --members[own];
    CommunityId best = own;
    double best_gain = link[own] - scale * wv * total[own];
    for (CommunityId c : seen) {
      const double gain = link[c] - scale * wv * total[c];
      if (gain > best_gain) {
        best_gain = gain;
        best = c;
      }
    }
    bool took_empty = false;
    if (best_gain < 0 && members[own] > 0 && !empty.empty()) {  // alone in a new community gains 0
      best = empty.back();
      took_empty = true;
    }
    for (CommunityId c : seen) {
      link[c] = 0;
      seen_flag[c] = 0;
    }
    total[best] += wv;
    ++members[best];
    if (best == own) continue;
    if (took_empty) empty.pop_back();
    if (members[own] == 0) empty.push_back(own);
    community[v] = best;
    moved_any = true;
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
      const VertexId u = g.targets[a];
      if (!queued[u] && community[u] != best) {
        queued[u] = 1;
        std::size_t tail = head + size;
        if (tail >= n) tail -= n;
        queue[tail] = u;
        ++size;
      }
    }
  }
  return moved_any;
}

// Vertices bucketed by label: members[start[c] .. start[c+1]) have label c.
struct Buckets {
  std::vector<VertexId> start;
  std::vector<VertexId> members;
};

Buckets bucket(const std::vector<CommunityId>& label, CommunityId k) {
  Buckets b;
  b.start.assign(static_cast<std::size_t>(k) + 1, 0);
  for (CommunityId c : label) ++b.start[c + 1];
  std::partial_sum(b.start.begin(), b.start.end(), b.start.begin());
  b.members.resize(label.size());
  std::vector<VertexId> cursor(b.start.begin(), b.start.end() - 1);
  for (VertexId v = 0; v < label.size(); ++v) b.members[cursor[label[v]]++] = v;
  return b;
}

struct RefineContext {
  const Level* g;
  double scale;
  double randomness;
  std::uint64_t seed;  // already mixed with iteration and level
  const std::vector<CommunityId>* community;
  std::vector<CommunityId>* refined;  // label = a vertex id of the same community
  std::vector<double>* cluster_weight;
  std::vector<double>* external;  // edge weight from a refined cluster to the rest of its community
  std::vector<VertexId>* cluster_size;
};

// Refinement of one community (the paper's Algorithm A.3, MergeNodesSubset):
// from singletons, each well-connected vertex still alone joins a
// well-connected refined cluster of non-negative gain, drawn with
// probability proportional to exp(gain / randomness). Touches only the
// entries of the community's own vertices, so communities run in parallel.
void refine_community(const RefineContext& ctx, CommunityId c, std::span<const VertexId> members,
                      std::vector<double>& link, std::vector<char>& seen_flag, std::vector<CommunityId>& seen,
                      std::vector<VertexId>& order, std::vector<double>& cumulative) {
  const Level& g = *ctx.g;
  const auto& community = *ctx.community;
  auto& refined = *ctx.refined;
  auto& weight = *ctx.cluster_weight;
  auto& external = *ctx.external;
  auto& size = *ctx.cluster_size;
  double community_weight = 0;
  for (VertexId v : members) {
    refined[v] = v;
    weight[v] = g.node_weight[v];
    size[v] = 1;
    double ext = 0;
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a)
      if (community[g.targets[a]] == c) ext += g.weight(a);
    external[v] = ext;
    community_weight += g.node_weight[v];
  }
  if (members.size() < 2) return;
  order.assign(members.begin(), members.end());
  SplitMix64 rng{mix(ctx.seed, c)};
  shuffle(order, rng);

  for (VertexId v : order) {
    const CommunityId own = refined[v];
    if (size[own] != 1) continue;  // someone joined v: no longer a singleton
    const double wv = g.node_weight[v];
    const double ext_v = external[own];
    if (ext_v < ctx.scale * wv * (community_weight - wv)) continue;  // not well connected

    seen.clear();
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
      const VertexId u = g.targets[a];
      if (community[u] != c) continue;
      const CommunityId r = refined[u];
      if (!seen_flag[r]) {
        seen_flag[r] = 1;
        seen.push_back(r);
      }
      link[r] += g.weight(a);
    }
    weight[own] = 0;
    size[own] = 0;
    external[own] = 0;

    // Candidates: staying alone (gain 0) and each well-connected neighbouring
    // cluster of non-negative gain.
    double max_gain = 0;
    for (CommunityId r : seen) {
      if (r == own) continue;
      if (external[r] < ctx.scale * weight[r] * (community_weight - weight[r])) continue;
      max_gain = std::max(max_gain, link[r] - ctx.scale * wv * weight[r]);
    }
    CommunityId chosen = own;
    if (max_gain > 0) {
      cumulative.clear();
      double sum = 1.0 * std::exp((0 - max_gain) / ctx.randomness);  // staying alone
      cumulative.push_back(sum);
      for (CommunityId r : seen) {
        double p = 0;
        if (r != own && external[r] >= ctx.scale * weight[r] * (community_weight - weight[r])) {
          const double gain = link[r] - ctx.scale * wv * weight[r];
          if (gain >= 0) p = std::exp((gain - max_gain) / ctx.randomness);
        }
        sum += p;
        cumulative.push_back(sum);
      }
      const double draw = rng.unit() * sum;
      std::size_t i = 0;
      while (i + 1 < cumulative.size() && cumulative[i] <= draw) ++i;
      // Index 0 is staying alone; index i > 0 is seen[i - 1]. A zero-width
      // slot is never drawn (cumulative[i] == cumulative[i-1] <= draw).
      chosen = i == 0 ? own : seen[i - 1];
    }
    weight[chosen] += wv;
    ++size[chosen];
    // Links between v and the cluster become internal.
    external[chosen] = chosen == own ? ext_v : external[chosen] + ext_v - 2 * link[chosen];
    refined[v] = chosen;
    for (CommunityId r : seen) {
      link[r] = 0;
      seen_flag[r] = 0;
    }
  }
}

// Below ~65k vertices plus arcs a level takes well under a millisecond, less
// than waking (and, on a busy machine, waiting for) a second thread costs.
int threads_for(const Level& g, int threads) {
  return static_cast<ArcIndex>(g.n) + g.offsets[g.n] < (ArcIndex{1} << 16) ? 1 : threads;
}

std::vector<CommunityId> refine(const Level& g, double scale, double randomness, std::uint64_t seed,
                                const std::vector<CommunityId>& community, CommunityId k, int threads) {
  const VertexId n = g.n;
  threads = threads_for(g, threads);
  const Buckets buckets = bucket(community, k);
  std::vector<CommunityId> refined(n);
  std::vector<double> weight(n);
  std::vector<double> external(n);
  std::vector<VertexId> size(n);
  const RefineContext ctx{&g, scale, randomness, seed, &community, &refined, &weight, &external, &size};
  const auto sk = static_cast<std::int64_t>(k);
#pragma omp parallel num_threads(threads)
  {
    std::vector<double> link(n, 0.0);
    std::vector<char> seen_flag(n, 0);
    std::vector<CommunityId> seen;
    std::vector<VertexId> order;
    std::vector<double> cumulative;
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t sc = 0; sc < sk; ++sc) {
      const auto c = static_cast<CommunityId>(sc);
      const std::span<const VertexId> members(buckets.members.data() + buckets.start[c],
                                              buckets.members.data() + buckets.start[c + 1]);
      refine_community(ctx, c, members, link, seen_flag, seen, order, cumulative);
    }
  }
  return refined;
}

// The clusters (dense labels 0..k-1) become the vertices of the next level.
// Rows are built by contiguous blocks of clusters, one block per thread, into
// per-block buffers then concatenated in block order: the result does not
// depend on the thread count.
Level aggregate(const Level& g, const std::vector<CommunityId>& cluster, CommunityId k, int threads) {
  threads = threads_for(g, threads);
  const Buckets buckets = bucket(cluster, k);
  Level next;
  next.n = k;
  next.node_weight.assign(k, 0.0);
  next.own_offsets.assign(static_cast<std::size_t>(k) + 1, 0);

  const int blocks = std::max(1, threads) * 4;
  std::vector<std::vector<VertexId>> block_targets(static_cast<std::size_t>(blocks));
  std::vector<std::vector<float>> block_weights(static_cast<std::size_t>(blocks));
#pragma omp parallel num_threads(threads)
  {
    std::vector<double> acc(k, 0.0);
    std::vector<char> touched(k, 0);
    std::vector<CommunityId> seen;
#pragma omp for schedule(dynamic, 1)
    for (int b = 0; b < blocks; ++b) {
      const auto first = static_cast<CommunityId>(static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(b) /
                                                   static_cast<std::uint64_t>(blocks));
      const auto last = static_cast<CommunityId>(static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(b + 1) /
                                                  static_cast<std::uint64_t>(blocks));
      auto& targets = block_targets[static_cast<std::size_t>(b)];
      auto& weights = block_weights[static_cast<std::size_t>(b)];
      for (CommunityId c = first; c < last; ++c) {
        seen.clear();
        double node_weight = 0;
        for (VertexId i = buckets.start[c]; i < buckets.start[c + 1]; ++i) {
          const VertexId v = buckets.members[i];
          node_weight += g.node_weight[v];
          for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
            const CommunityId d = cluster[g.targets[a]];
            if (d == c) continue;  // internal: moves with the aggregate vertex
            if (!touched[d]) {
              touched[d] = 1;
              seen.push_back(d);
            }
            acc[d] += g.weight(a);
          }
        }
        next.node_weight[c] = node_weight;
        next.own_offsets[c + 1] = seen.size();
        for (CommunityId d : seen) {
          targets.push_back(d);
          weights.push_back(static_cast<float>(acc[d]));
          acc[d] = 0;
          touched[d] = 0;
        }
      }
    }
  }
  std::partial_sum(next.own_offsets.begin(), next.own_offsets.end(), next.own_offsets.begin());
  next.own_targets.reserve(next.own_offsets.back());
  next.own_weights.reserve(next.own_offsets.back());
  for (int b = 0; b < blocks; ++b) {
    const auto& t = block_targets[static_cast<std::size_t>(b)];
    const auto& w = block_weights[static_cast<std::size_t>(b)];
    next.own_targets.insert(next.own_targets.end(), t.begin(), t.end());
    next.own_weights.insert(next.own_weights.end(), w.begin(), w.end());
  }
  next.offsets = next.own_offsets.data();
  next.targets = next.own_targets.data();
  next.weights = next.own_weights.data();
  return next;
}

void validate(const CsrGraph& graph, const LeidenParams& params) {
  if (!(params.resolution >= 0)) throw std::invalid_argument("leiden: resolution must be >= 0");
  if (!(params.randomness > 0)) throw std::invalid_argument("leiden: randomness must be > 0");
  for (float w : graph.weights())
    if (!(w >= 0.0f)) throw std::invalid_argument("leiden: negative or NaN edge weight");
  if (!params.initial.empty() && params.initial.size() != graph.num_vertices())
    throw std::invalid_argument("leiden: initial partition size differs from vertex count");
}

}  // namespace

double cpm_quality(const CsrGraph& graph, const std::vector<CommunityId>& membership, double resolution) {
  const VertexId n = graph.num_vertices();
  if (membership.size() != n) throw std::invalid_argument("cpm_quality: membership size differs from vertex count");
  std::vector<CommunityId> label(membership);
  std::vector<CommunityId> scratch;
  const CommunityId k = renumber(label, scratch);
  std::vector<double> size(k, 0.0);
  for (CommunityId c : label) size[c] += 1;
  double internal = 0;  // sum of A_ij inside communities (2 e_c summed), undirected view
  double total = 0;
  for (VertexId v = 0; v < n; ++v)
    for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
      total += graph.weight(a);
      if (label[graph.target(a)] == label[v]) internal += graph.weight(a);
    }
  if (graph.directed()) {  // arcs as undirected edges
    total *= 2;
    internal *= 2;
  }
  if (total == 0) return std::numeric_limits<double>::quiet_NaN();
  double penalty = 0;
  for (double s : size) penalty += s * s;
  return (internal - resolution * penalty) / total;
}

LeidenResult leiden(const CsrGraph& graph, const LeidenParams& params) {
  validate(graph, params);
  CsrGraph undirected_copy;
  const CsrGraph* input = &graph;
  if (graph.directed()) {
    undirected_copy = graph.as_undirected();
    input = &undirected_copy;
  }
  const VertexId n = input->num_vertices();
  const bool cpm = params.quality == LeidenQuality::cpm;
  const int threads = params.threads > 0 ? params.threads : omp_get_max_threads();

  Level base;
  base.n = n;
  base.offsets = input->offsets().data();
  base.targets = input->targets().data();
  base.weights = input->weighted() ? input->weights().data() : nullptr;
  base.node_weight.assign(n, 1.0);
  double two_m = 0;
  for (VertexId v = 0; v < n; ++v) {
    double strength = 0;
    for (ArcIndex a = input->arc_begin(v); a < input->arc_end(v); ++a) strength += input->weight(a);
    if (!cpm) base.node_weight[v] = strength;
    two_m += strength;
  }

  LeidenResult result;
  std::vector<CommunityId> scratch;
  result.membership.resize(n);
  if (params.initial.empty()) {
    std::iota(result.membership.begin(), result.membership.end(), CommunityId{0});
    result.count = n;
  } else {
    result.membership = params.initial;  // any 32-bit labels
    result.count = renumber_by_first_vertex(result.membership);
  }
  if (two_m == 0) {
    std::iota(result.membership.begin(), result.membership.end(), CommunityId{0});
    result.count = n;
    result.quality = std::numeric_limits<double>::quiet_NaN();
    return result;
  }
  const double scale = cpm ? params.resolution : params.resolution / two_m;

  SplitMix64 rng{params.seed};
  std::vector<VertexId> node_of(n);  // input vertex -> vertex of the current level
  // Until stable: quality rises with every change, so this ends; the cap only
  // guards against rounding making two partitions trade places forever.
  const std::uint32_t max_iterations = params.iterations == 0 ? 100 : params.iterations;
  for (std::uint32_t iteration = 0; iteration < max_iterations; ++iteration) {
    const std::vector<CommunityId> before = result.membership;
    std::iota(node_of.begin(), node_of.end(), VertexId{0});
    std::vector<CommunityId> community = result.membership;  // labels < n
    Level aggregated;
    const Level* level = &base;
    for (std::uint32_t depth = 0;; ++depth) {
      move_nodes(*level, scale, community, rng);
      const CommunityId k = renumber(community, scratch);
      if (k == level->n) break;  // every vertex alone: this iteration is done
      const std::uint64_t level_seed = mix(mix(params.seed, iteration), depth);
      std::vector<CommunityId> refined =
          refine(*level, scale, params.randomness, level_seed, community, k, threads);
      CommunityId r = renumber(refined, scratch);
      // Refinement merged nothing: aggregate on the communities themselves,
      // else the next level would be this one again (igraph does the same).
      if (r == level->n) {
        refined = community;
        r = k;
      }
      std::vector<CommunityId> next_community(r);
      for (VertexId v = 0; v < level->n; ++v) next_community[refined[v]] = community[v];
      for (VertexId& node : node_of) node = refined[node];
      aggregated = aggregate(*level, refined, r, threads);
      level = &aggregated;
      community = std::move(next_community);
      ++result.levels;
    }
    for (VertexId v = 0; v < n; ++v) result.membership[v] = community[node_of[v]];
    result.count = renumber(result.membership, scratch);
    ++result.iterations;
    if (result.membership == before) break;
  }
  result.quality = cpm ? cpm_quality(*input, result.membership, params.resolution)
                       : modularity(*input, result.membership, {.resolution = params.resolution, .directed = false});
  return result;
}

}  // namespace casegraph
