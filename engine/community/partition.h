#pragma once
// Partitions of a graph's vertices: helpers shared by the community algorithms
// and their tests.
//
// Conventions:
// - A partition is a membership vector: membership[v] is the community of
//   vertex v. Labels may be any 32-bit values on input; functions that
//   renumber return labels 0..k-1.
// - normalized_mutual_information is Danon et al. (2005), "Comparing community
//   structure identification", J. Stat. Mech. P09008, with the arithmetic-mean
//   normalisation NMI = 2 I(A;B) / (H(A) + H(B)) used by igraph's
//   compare_communities(method="nmi") and scikit-learn's default
//   normalized_mutual_info_score. When both partitions are a single community
//   (H(A) = H(B) = 0) it is 1, as in both libraries; two empty partitions
//   also give 1.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace casegraph {

using CommunityId = std::uint32_t;

// Renumber labels in place to 0..k-1 in order of each community's first
// (lowest-numbered) vertex; returns k.
CommunityId renumber_by_first_vertex(std::vector<CommunityId>& membership);

// Renumber labels in place to 0..k-1, largest community first, ties broken by
// first vertex; returns k.
CommunityId renumber_by_size(std::vector<CommunityId>& membership);

// sizes[c] = number of vertices with membership c, for labels 0..k-1 where
// k = max label + 1 (0 for an empty membership).
std::vector<std::size_t> community_sizes(std::span<const CommunityId> membership);

// NMI between two partitions of the same vertices (arithmetic normalisation,
// see above). Throws std::invalid_argument when the sizes differ.
double normalized_mutual_information(std::span<const CommunityId> a, std::span<const CommunityId> b);

}  // namespace casegraph
