#pragma once
// Stage 5: clustering matched pairs into identities without chaining.
//
// Joining every matched pair transitively (connected components) lets one
// wrong pair fuse two people's whole histories, and chains of near-matches
// (Jon Smith ~ John Smith ~ John Smyth ~ Joan Smyth) drift into one identity.
// Here pairs are taken strongest first, and two clusters merge only when the
// average match probability over ALL their cross pairs (each record of one
// against each record of the other, scored by the same model) stays at or
// above `linkage_probability` (average linkage). A single bad pair between
// two clusters of five records is one of 25 cross pairs: it cannot carry the
// average. Must-link pairs (earlier decisions, analyst confirmations) are
// joined first; a cannot-link pair (an analyst's rejection) is never put in
// one cluster.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace casegraph::resolve {

struct ScoredPair {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double weight = 0;       // log2 likelihood ratio
  double probability = 0;  // posterior match probability
};

struct ClusteringOptions {
  double merge_probability = 0.5;    // a pair must reach this to propose a merge
  double linkage_probability = 0.5;  // the average over all cross pairs must reach this
  std::size_t max_cluster = 256;     // records; a merge beyond this is refused and counted
};

struct Merge {
  ScoredPair pair;          // the pair that proposed the merge
  double linkage = 0;       // average cross-pair probability
  std::size_t cross_pairs = 0;
};

struct ClusteringResult {
  std::vector<std::uint32_t> cluster_of;  // record -> smallest record index of its cluster
  std::vector<Merge> merges;              // the accepted merges, in order: a spanning tree per cluster
  std::size_t refused_by_linkage = 0;
  std::size_t refused_by_cannot_link = 0;
  std::size_t refused_by_size = 0;
};

using PairProbability = std::function<double(std::uint32_t, std::uint32_t)>;

ClusteringResult cluster_pairs(std::size_t records, std::vector<ScoredPair> pairs,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& cannot_link,
                               const PairProbability& probability, const ClusteringOptions& options = {});

}  // namespace casegraph::resolve
