// Leiden community detection; conventions in leiden.h.
//
// Hand-written rather than bound to igraph or libleidenalg: neither is among
// the project's dependencies, and the engine's CsrGraph (32-bit ids, float
// weights, no copy at level 0) is what keeps memory and time low on
// force-wide graphs.
#include "engine/community/leiden.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "engine/community/level_graph.h"
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

// One level's graph (level 0: the input's arrays, not copied); node_weight[v]
// is the strength (modularity) or input vertex count (CPM). Weight inside an
// aggregate vertex moves with it, so no gain depends on it and it is not kept.
using Level = LevelGraph;

// The weight from one vertex to each community (or refined cluster) its arcs
// reach, in the order its arcs first reach them (seen[i], weight[i]).
// Scratch, reused by every vertex and level. Two ways to find a community's
// entry, chosen per level by use_for():
// - dense: position[c] indexed by the label itself, up to kDenseLabels
//   labels (8 MiB per thread): one access per arc and no probing. LFR 100k,
//   2 iterations: 0.65 -> 0.57 s per core; SBM 1M/10M (level 0 has 1M
//   labels, a table far beyond L2): 12.7 -> 11.8 s first-seen numbering,
//   10.8 -> 10.7 s by value, one thread; same partitions.
// - hashed: a small open-addressing table sized for the vertex's degree, on
//   larger levels, so that the scratch stays small whatever n is.
struct LinkTable {
  static constexpr VertexId kDenseLabels = VertexId{1} << 21;
  // Entries 0..count-1 are in use; sized for the largest degree met so far.
  std::vector<CommunityId> seen;
  std::vector<double> weight;
  std::uint32_t count = 0;
  bool dense = false;
  std::vector<CommunityId> position;  // dense: index in seen of each label, or kNone
  // Without a branch on whether the label is new to the row: early in local
  // moving that is a coin toss per arc, and a mispredicted branch costs more
  // than the stores it saves. Local pointers, because a store to position
  // could otherwise alias `count` and every vector's contents.
  template <class WeightOf>
  void add_row_dense(const Level& g, VertexId v, const CommunityId* label, WeightOf weight_of) {
    CommunityId* const pos = position.data();
    CommunityId* const ids = seen.data();
    double* const sums = weight.data();
    const VertexId* const targets = g.targets;
    std::uint32_t k = count;
    const ArcIndex end = g.offsets[v + 1];
    for (ArcIndex a = g.offsets[v]; a < end; ++a) {
      const CommunityId c = label[targets[a]];
      const CommunityId at = pos[c];
      const bool fresh = at == kNone;
      const CommunityId i = fresh ? k : at;
      const double before = sums[i];  // entry i exists: seen and weight hold at least the degree
      pos[c] = i;
      ids[i] = c;
      sums[i] = (fresh ? 0.0 : before) + weight_of(a);
      k += fresh ? 1 : 0;
    }
    count = k;
  }
  std::vector<std::uint32_t> slot_of;  // hashed: slot of seen[i], to empty the table afterwards
  std::vector<CommunityId> key;    // hashed: community in that slot, or kNone
  std::vector<CommunityId> index;  // hashed: its position in seen
  std::uint32_t bits = 0;

  // Before a level whose labels are below `labels`.
  void use_for(VertexId labels) {
    dense = labels <= kDenseLabels;
    if (dense && position.size() < labels) position.resize(labels, kNone);
  }
  // Before the arcs of a vertex of `degree` arcs: a hashed table of at least
  // twice that many slots keeps probes short.
  void start(ArcIndex degree) {
    if (seen.size() < degree) {
      seen.resize(degree);
      weight.resize(degree);
      if (!dense) slot_of.resize(degree);
    }
    if (dense) return;
    bits = 4;
    while ((ArcIndex{1} << bits) < 2 * degree) ++bits;
    if (key.size() < (std::size_t{1} << bits)) {
      key.assign(std::size_t{1} << bits, kNone);
      index.resize(std::size_t{1} << bits);
    }
    if (slot_of.size() < degree) slot_of.resize(degree);
  }
  std::uint32_t home(CommunityId c) const { return (c * 0x9E3779B1u) >> (32 - bits); }
  void add(CommunityId c, double w) {
    if (dense) {
      const CommunityId at = position[c];
      if (at != kNone) {
        weight[at] += w;
        return;
      }
      position[c] = count;
      seen[count] = c;
      weight[count] = w;
      ++count;
      return;
    }
    const std::uint32_t mask = (std::uint32_t{1} << bits) - 1;
    for (std::uint32_t h = home(c);; h = (h + 1) & mask) {
      if (key[h] == c) {
        weight[index[h]] += w;
        return;
      }
      if (key[h] == kNone) {
        key[h] = c;
        index[h] = count;
        slot_of[count] = h;
        seen[count] = c;
        weight[count] = w;
        ++count;
        return;
      }
    }
  }
  // The weight to c (0 if no arc reaches it).
  double of(CommunityId c) const {
    if (dense) {
      const CommunityId at = position[c];
      return at == kNone ? 0.0 : weight[at];
    }
    const std::uint32_t mask = (std::uint32_t{1} << bits) - 1;
    for (std::uint32_t h = home(c);; h = (h + 1) & mask) {
      if (key[h] == c) return weight[index[h]];
      if (key[h] == kNone) return 0.0;
    }
  }
  // Every arc of v, by the label at its other end.
  void add_row(const Level& g, VertexId v, const CommunityId* label) {
    if (!dense) {
      for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) add(label[g.targets[a]], g.weight(a));
    } else if (g.weights != nullptr) {
      add_row_dense(g, v, label, [w = g.weights](ArcIndex a) { return static_cast<double>(w[a]); });
    } else {
      add_row_dense(g, v, label, [](ArcIndex) { return 1.0; });
    }
  }
  std::size_t size() const { return count; }
  void clear() {
    if (dense) {
      for (std::uint32_t i = 0; i < count; ++i) position[seen[i]] = kNone;
    } else {
      for (std::uint32_t i = 0; i < count; ++i) key[slot_of[i]] = kNone;
    }
    count = 0;
  }
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

// Each community's total node weight and member count, and the labels no
// vertex holds: a vertex alone in a new community takes one.
struct CommunityTotals {
  std::vector<double> total;
  std::vector<VertexId> members;
  std::vector<CommunityId> empty;

  CommunityTotals(const Level& g, const std::vector<CommunityId>& community) : total(g.n, 0.0), members(g.n, 0) {
    for (VertexId v = 0; v < g.n; ++v) {
      total[community[v]] += g.node_weight[v];
      ++members[community[v]];
    }
    for (CommunityId c = g.n; c-- > 0;)
      if (members[c] == 0) empty.push_back(c);
  }

  void leave(CommunityId own, double wv) {
    total[own] -= wv;
    --members[own];
  }

  // After leave(): the vertex joins `best` (its gain over being alone
  // `best_gain`), or an empty community when every choice loses and `own`
  // keeps other members, as being alone gains 0. Returns where it went.
  CommunityId join(CommunityId own, CommunityId best, double best_gain, double wv) {
    bool took_empty = false;
    if (best_gain < 0 && members[own] > 0 && !empty.empty()) {
      best = empty.back();
      took_empty = true;
    }
    total[best] += wv;
    ++members[best];
    if (best != own) {
      if (took_empty) empty.pop_back();
      if (members[own] == 0) empty.push_back(own);
    }
    return best;
  }
};

// Fast local moving (the paper's Algorithm A.2): a queue of vertices in random
// order; a vertex moves to the neighbouring (or an empty) community of largest
// gain if that beats staying, and its neighbours outside the new community go
// back on the queue. `community` holds labels 0..n-1. Returns whether any
// vertex moved.
bool move_nodes(const Level& g, double scale, std::vector<CommunityId>& community, SplitMix64& rng,
                LinkTable& link) {
  const VertexId n = g.n;
  CommunityTotals totals(g, community);
  std::vector<double>& total = totals.total;

  // Circular queue holding each vertex at most once.
  std::vector<VertexId> queue(n);
  std::iota(queue.begin(), queue.end(), VertexId{0});
  shuffle(queue, rng);
  std::vector<char> queued(n, 1);
  std::size_t head = 0;
  std::size_t size = n;

  bool moved_any = false;
  while (size > 0) {
    const VertexId v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --size;
    queued[v] = 0;

    const CommunityId own = community[v];
    const double wv = g.node_weight[v];
    link.start(g.offsets[v + 1] - g.offsets[v]);
    link.add_row(g, v, community.data());
    totals.leave(own, wv);
    CommunityId best = own;
    double best_gain = link.of(own) - scale * wv * total[own];
    for (std::size_t i = 0; i < link.size(); ++i) {
      const CommunityId c = link.seen[i];
      const double gain = link.weight[i] - scale * wv * total[c];
      if (gain > best_gain) {
        best_gain = gain;
        best = c;
      }
    }
    best = totals.join(own, best, best_gain, wv);
    link.clear();
    if (best == own) continue;
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

// Below ~65k vertices plus arcs a level takes well under a millisecond, less
// than waking (and, on a busy machine, waiting for) a second thread costs.
bool is_small(const Level& g) { return static_cast<ArcIndex>(g.n) + g.offsets[g.n] < (ArcIndex{1} << 16); }

int threads_for(const Level& g, int threads) { return is_small(g) ? 1 : threads; }

// Greedy distance-1 colouring in vertex order: no two neighbours share a
// colour. Returns the colour classes as buckets (class k: start[k]..start[k+1]).
std::pair<std::vector<VertexId>, std::vector<VertexId>> colour_classes(const Level& g) {
  const VertexId n = g.n;
  std::vector<VertexId> colour(n, 0);
  std::vector<VertexId> used_by(1, kNone);  // used_by[c] = last vertex that saw colour c on a neighbour
  VertexId colours = 1;
  for (VertexId v = 0; v < n; ++v) {
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
      const VertexId u = g.targets[a];
      if (u < v) used_by[colour[u]] = v;
    }
    VertexId c = 0;
    while (c < colours && used_by[c] == v) ++c;
    if (c == colours) {
      ++colours;
      used_by.push_back(kNone);
    }
    colour[v] = c;
  }
  std::vector<VertexId> start(static_cast<std::size_t>(colours) + 1, 0);
  for (VertexId c : colour) ++start[c + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<VertexId> members(n);
  std::vector<VertexId> cursor(start.begin(), start.end() - 1);
  for (VertexId v = 0; v < n; ++v) members[cursor[colour[v]]++] = v;
  return {std::move(start), std::move(members)};
}

// What a vertex would do, found against the state at the start of its colour
// class: its best community and its link weights to that and to its own.
struct MoveChoice {
  CommunityId best = 0;
  double link_own = 0;
  double link_best = 0;
};

MoveChoice choose_move(const Level& g, double scale, VertexId v, const std::vector<CommunityId>& community,
                       const std::vector<double>& total, LinkTable& link) {
  const CommunityId own = community[v];
  const double wv = g.node_weight[v];
  link.start(g.offsets[v + 1] - g.offsets[v]);
  link.add_row(g, v, community.data());
  const double link_own = link.of(own);
  MoveChoice choice{own, link_own, link_own};
  double best_gain = link_own - scale * wv * (total[own] - wv);
  for (std::size_t i = 0; i < link.size(); ++i) {
    const CommunityId c = link.seen[i];
    if (c == own) continue;
    const double gain = link.weight[i] - scale * wv * total[c];
    if (gain > best_gain) {
      best_gain = gain;
      choice.best = c;
      choice.link_best = link.weight[i];
    }
  }
  link.clear();
  return choice;
}

// Fast local moving for large levels, in parallel and still deterministic:
// the vertices are coloured so that no two neighbours share a colour (after
// Lu, Halappanavar and Kalyanaraman 2015, "Parallel heuristics for scalable
// community detection", Parallel Computing 47). The active vertices of one
// colour choose their moves in parallel, against the communities as they
// stand (no neighbour of theirs moves meanwhile, so their link weights stay
// exact); then the moves are applied one by one in a seeded random order,
// each re-checked against the community totals of that moment, so every
// applied move raises the quality and the phase ends. Neighbours left in
// another community become active again (the paper's queue, as a flag). The
// outcome depends on the seed and the level alone, never on the thread count.
// Flags the neighbours of the moved vertices that lie outside the community
// each moved into (the paper's queue as a flag; Ozaki, Tezuka and Inaba's
// pruning). Every store writes the same 1, so threads may race on a flag
// without changing the outcome; atomic_ref makes that race well defined.
// Through local pointers: a char store may alias anything, and the compiler
// would otherwise reload every array's address and v's label per arc.
void wake_neighbours(const Level& g, const std::vector<CommunityId>& community, const std::vector<VertexId>& moved,
                     std::vector<char>& flag, int threads) {
  const CommunityId* const label = community.data();
  const VertexId* const targets = g.targets;
  const ArcIndex* const offsets = g.offsets;
  char* const wake = flag.data();
  const VertexId* const vertices = moved.data();
  const auto count = static_cast<std::int64_t>(moved.size());
#pragma omp parallel for num_threads(threads) schedule(dynamic, 256)
  for (std::int64_t i = 0; i < count; ++i) {
    const VertexId v = vertices[i];
    const CommunityId joined = label[v];
    const ArcIndex end = offsets[v + 1];
    for (ArcIndex a = offsets[v]; a < end; ++a) {
      const VertexId u = targets[a];
      if (label[u] != joined) std::atomic_ref<char>(wake[u]).store(1, std::memory_order_relaxed);
    }
  }
}

bool move_nodes_coloured(const Level& g, double scale, std::vector<CommunityId>& community, SplitMix64& rng,
                         int threads, std::vector<LinkTable>& links) {
  const VertexId n = g.n;
  CommunityTotals totals(g, community);
  std::vector<double>& total = totals.total;

  // Each class's members in vertex order (`members`, the order choices are
  // made in: neighbouring rows sit next to each other in memory) and in a
  // seeded random order (`order`, the order moves are applied in).
  auto [start, members] = colour_classes(g);
  std::vector<VertexId> order(members);
  const auto colours = static_cast<VertexId>(start.size() - 1);
  for (VertexId k = 0; k < colours; ++k) {
    for (VertexId i = start[k + 1] - start[k]; i > 1; --i)
      std::swap(order[start[k] + i - 1], order[start[k] + static_cast<VertexId>(rng.at_most(i - 1))]);
  }
  // kActive: to be visited in its class's next turn; kChosen: its choice is
  // in choice[batch_index[v]], waiting to be applied.
  enum : char { kIdle = 0, kActive = 1, kChosen = 2 };
  std::vector<char> state(n, kActive);
  std::vector<VertexId> batch_index(n);
  std::vector<VertexId> batch;
  std::vector<MoveChoice> choice;
  std::vector<VertexId> moved;
  bool moved_any = false;
  for (bool moved_in_round = true; moved_in_round;) {
    moved_in_round = false;
    for (VertexId k = 0; k < colours; ++k) {
      batch.clear();
      for (VertexId i = start[k]; i < start[k + 1]; ++i) {
        const VertexId v = members[i];
        if (state[v] == kActive) {
          state[v] = kChosen;
          batch_index[v] = static_cast<VertexId>(batch.size());
          batch.push_back(v);
        }
      }
      if (batch.empty()) continue;
      choice.resize(batch.size());
      const auto count = static_cast<std::int64_t>(batch.size());
      const int team = count < 2048 ? 1 : threads;  // a short class is not worth a barrier
#pragma omp parallel num_threads(team)
      {
        LinkTable& s = links[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(dynamic, 256)
        for (std::int64_t i = 0; i < count; ++i)
          choice[static_cast<std::size_t>(i)] = choose_move(g, scale, batch[static_cast<std::size_t>(i)], community,
                                                             total, s);
      }
      moved.clear();
      for (VertexId i = start[k]; i < start[k + 1]; ++i) {
        const VertexId v = order[i];
        if (state[v] != kChosen) continue;
        state[v] = kIdle;
        const MoveChoice& chosen = choice[batch_index[v]];
        const CommunityId own = community[v];
        const double wv = g.node_weight[v];
        totals.leave(own, wv);
        CommunityId best = own;
        double best_gain = chosen.link_own - scale * wv * total[own];
        if (chosen.best != own) {
          const double gain = chosen.link_best - scale * wv * total[chosen.best];
          if (gain > best_gain) {
            best_gain = gain;
            best = chosen.best;
          }
        }
        best = totals.join(own, best, best_gain, wv);
        if (best == own) continue;
        community[v] = best;
        moved.push_back(v);
      }
      if (moved.empty()) continue;
      moved_in_round = moved_any = true;
      wake_neighbours(g, community, moved, state, moved.size() < 2048 ? 1 : threads);
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
                      LinkTable& link, std::vector<VertexId>& order, std::vector<double>& cumulative) {
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

    link.start(g.offsets[v + 1] - g.offsets[v]);
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
      const VertexId u = g.targets[a];
      if (community[u] == c) link.add(refined[u], g.weight(a));
    }
    weight[own] = 0;
    size[own] = 0;
    external[own] = 0;

    // Candidates: staying alone (gain 0) and each well-connected neighbouring
    // cluster of non-negative gain.
    double max_gain = 0;
    for (std::size_t j = 0; j < link.size(); ++j) {
      const CommunityId r = link.seen[j];
      if (r == own) continue;
      if (external[r] < ctx.scale * weight[r] * (community_weight - weight[r])) continue;
      max_gain = std::max(max_gain, link.weight[j] - ctx.scale * wv * weight[r]);
    }
    CommunityId chosen = own;
    double link_chosen = 0;
    if (max_gain > 0) {
      cumulative.clear();
      double sum = 1.0 * std::exp((0 - max_gain) / ctx.randomness);  // staying alone
      cumulative.push_back(sum);
      for (std::size_t j = 0; j < link.size(); ++j) {
        const CommunityId r = link.seen[j];
        double p = 0;
        if (r != own && external[r] >= ctx.scale * weight[r] * (community_weight - weight[r])) {
          const double gain = link.weight[j] - ctx.scale * wv * weight[r];
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
      if (i > 0) {
        chosen = link.seen[i - 1];
        link_chosen = link.weight[i - 1];
      }
    }
    weight[chosen] += wv;
    ++size[chosen];
    // Links between v and the cluster become internal.
    external[chosen] = chosen == own ? ext_v : external[chosen] + ext_v - 2 * link_chosen;
    refined[v] = chosen;
    link.clear();
  }
}

std::vector<CommunityId> refine(const Level& g, double scale, double randomness, std::uint64_t seed,
                                const std::vector<CommunityId>& community, CommunityId k, int threads,
                                std::vector<LinkTable>& links) {
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
    LinkTable& link = links[static_cast<std::size_t>(omp_get_thread_num())];
    std::vector<VertexId> order;
    std::vector<double> cumulative;
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t sc = 0; sc < sk; ++sc) {
      const auto c = static_cast<CommunityId>(sc);
      const std::span<const VertexId> members(buckets.members.data() + buckets.start[c],
                                              buckets.members.data() + buckets.start[c + 1]);
      refine_community(ctx, c, members, link, order, cumulative);
    }
  }
  return refined;
}

// The level-0 graph with its vertices renumbered so that each community's
// members are consecutive (communities in label order, members in vertex
// order): `new_of[v]` is v's new number. Why: the input's numbering is
// usually unrelated to its communities (LFR and most real edge lists), so
// every phase after the first local moving (refinement, aggregation, the
// next iteration's moves) would look up communities, clusters and link
// weights at random places in arrays far larger than the core's cache;
// renumbered, the arcs of a community mostly stay inside its own stretch.
// Built once, after the first local moving; rows keep their arc order.
Level renumbered_by_community(const Level& g, const std::vector<CommunityId>& community,
                              std::vector<VertexId>& new_of, int threads) {
  const VertexId n = g.n;
  std::vector<VertexId> start(static_cast<std::size_t>(n) + 1, 0);
  for (VertexId v = 0; v < n; ++v) ++start[community[v] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  new_of.resize(n);
  std::vector<VertexId> old_of(n);
  for (VertexId v = 0; v < n; ++v) {
    const VertexId i = start[community[v]]++;
    new_of[v] = i;
    old_of[i] = v;
  }
  Level out;
  out.n = n;
  out.own_offsets.resize(static_cast<std::size_t>(n) + 1);
  out.own_offsets[0] = 0;
  for (VertexId i = 0; i < n; ++i) {
    const VertexId v = old_of[i];
    out.own_offsets[i + 1] = out.own_offsets[i] + (g.offsets[v + 1] - g.offsets[v]);
  }
  out.own_targets.reset(new VertexId[g.arcs()]);
  if (g.weights != nullptr) out.own_weights.reset(new float[g.arcs()]);
  out.node_weight.resize(n);
  const auto sn = static_cast<std::int64_t>(n);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (std::int64_t si = 0; si < sn; ++si) {
    const auto i = static_cast<VertexId>(si);
    const VertexId v = old_of[i];
    out.node_weight[i] = g.node_weight[v];
    ArcIndex to = out.own_offsets[i];
    for (ArcIndex a = g.offsets[v]; a < g.offsets[v + 1]; ++a, ++to) {
      out.own_targets[to] = new_of[g.targets[a]];
      if (g.weights != nullptr) out.own_weights[to] = g.weights[a];
    }
  }
  out.offsets = out.own_offsets.data();
  out.targets = out.own_targets.get();
  out.weights = out.own_weights.get();
  return out;
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

  Level base = LevelGraph::view_of(*input);
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
  std::vector<LinkTable> links(static_cast<std::size_t>(threads));  // one per thread, reused by every level
  std::vector<VertexId> node_of(n);  // input vertex -> vertex of the current level
  Level renumbered_base;           // the level-0 graph renumbered by community (see renumbered_by_community)
  std::vector<VertexId> base_of;   // input vertex -> its number there; empty until built
  const Level* level0 = &base;
  // Until stable: quality rises with every change, so this ends; the cap only
  // guards against rounding making two partitions trade places forever.
  const std::uint32_t max_iterations = params.iterations == 0 ? 100 : params.iterations;
  for (std::uint32_t iteration = 0; iteration < max_iterations; ++iteration) {
    // On large inputs the first of several iterations aggregates on the
    // communities themselves (Louvain's levels): see leiden.h for why.
    const bool refines = iteration > 0 || max_iterations == 1 || params.refine_every_iteration || is_small(base);
    const std::vector<CommunityId> before = result.membership;
    std::vector<CommunityId> community(n);  // labels < n
    if (base_of.empty()) {
      std::iota(node_of.begin(), node_of.end(), VertexId{0});
      community = result.membership;
    } else {
      node_of = base_of;
      for (VertexId v = 0; v < n; ++v) community[base_of[v]] = result.membership[v];
    }
    Level aggregated;
    const Level* level = level0;
    for (std::uint32_t depth = 0;; ++depth) {
      for (LinkTable& link : links) link.use_for(level->n);  // labels of this level: < n
      if (is_small(*level)) {
        move_nodes(*level, scale, community, rng, links[0]);
      } else {
        move_nodes_coloured(*level, scale, community, rng, threads, links);
      }
      const CommunityId k = renumber(community, scratch);
      if (k == level->n) break;  // every vertex alone: this iteration is done
      if (depth == 0 && base_of.empty() && !is_small(base)) {
        renumbered_base = renumbered_by_community(base, community, base_of, threads);
        std::vector<CommunityId> moved(n);
        for (VertexId v = 0; v < n; ++v) moved[base_of[v]] = community[v];
        community = std::move(moved);
        node_of = base_of;
        level0 = level = &renumbered_base;
      }
      const std::uint64_t level_seed = mix(mix(params.seed, iteration), depth);
      std::vector<CommunityId> refined =
          refines ? refine(*level, scale, params.randomness, level_seed, community, k, threads, links) : community;
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
      aggregated = aggregate_level(*level, refined, r, threads_for(*level, threads), /*keep_self=*/false);
      level = &aggregated;
      community = std::move(next_community);
      ++result.levels;
    }
    for (VertexId v = 0; v < n; ++v) result.membership[v] = community[node_of[v]];
    result.count = renumber(result.membership, scratch);
    ++result.iterations;
    if (refines && result.membership == before) break;  // an unrefined iteration never ends the search
  }
  result.quality = cpm ? cpm_quality(*input, result.membership, params.resolution)
                       : modularity(*input, result.membership, {.resolution = params.resolution, .directed = false});
  return result;
}

}  // namespace casegraph
