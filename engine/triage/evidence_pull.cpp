#include "engine/triage/evidence_pull.h"

#include <unordered_map>

namespace casegraph {

std::vector<std::uint32_t> follow_evidence(const CsrGraph& evidence, std::vector<std::uint32_t> membership,
                                           int rounds, std::uint32_t max_size) {
  std::unordered_map<std::uint32_t, double> towards;  // community -> evidence weight from v
  std::unordered_map<std::uint32_t, std::uint32_t> size;
  for (std::uint32_t c : membership) ++size[c];
  for (int round = 0; round < rounds; ++round) {
    bool moved = false;
    for (VertexId v = 0; v < evidence.num_vertices(); ++v) {
      if (evidence.arc_begin(v) == evidence.arc_end(v)) continue;
      towards.clear();
      for (ArcIndex a = evidence.arc_begin(v); a < evidence.arc_end(v); ++a)
        if (evidence.target(a) != v) towards[membership[evidence.target(a)]] += evidence.weight(a);
      const std::uint32_t own = membership[v];
      std::uint32_t best = own;
      double best_weight = towards.count(own) ? towards[own] : 0.0;
      for (const auto& [community, weight] : towards) {
        if (community != own && max_size > 0 && size[community] >= max_size) continue;
        // Strictly more than towards their own; among others, the smallest number.
        if (weight > best_weight || (weight == best_weight && best != own && community < best))
          best = community, best_weight = weight;
      }
      if (best == own) continue;
      --size[own], ++size[best];
      membership[v] = best, moved = true;
    }
    if (!moved) break;
  }
  return membership;
}

}  // namespace casegraph
