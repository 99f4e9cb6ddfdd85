#pragma once
// How well a ranked list of clusters recovers planted exploitation networks.
//
// A cluster holds a network when it contains at least half of the network's
// victims and at least half of its offenders (rounding in the network's
// favour: 1 of 2, 2 of 3). From that rule:
// - best rank: the smallest rank of a cluster holding the network (none when
//   no cluster does);
// - precision@k: the share of the top k clusters that hold some planted
//   network;
// - pair recall@k: the share of planted (victim, offender) pairs that share
//   one of the top k clusters, counted once per pair of people even when two
//   networks share an offender.
//
// A planted person is known to the case file through the entities made from
// their records, after resolution; unresolved duplicates leave a person with
// several entities, which may sit in different clusters, and a person on no
// record has none and is never found (the truth counts them all the same).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casegraph::evaluate {

struct PlantedPerson {
  std::string id;                      // unique within the truth, e.g. the synth person id
  std::vector<std::int64_t> entities;  // canonical entity ids of their records; may be empty
};

struct PlantedNetwork {
  std::string id;
  std::string evidence;  // "strong", "faint", ...: reported, not used in scoring
  std::vector<PlantedPerson> offenders;
  std::vector<PlantedPerson> victims;
};

struct RankedCluster {
  std::int64_t rank = 0;               // 1 = review first
  std::vector<std::int64_t> members;   // canonical entity ids
};

// Clusters must be given in rank order.
bool holds_network(const RankedCluster& cluster, const PlantedNetwork& network);
std::optional<std::int64_t> best_rank(const PlantedNetwork& network, const std::vector<RankedCluster>& clusters);
// Over the first min(k, clusters) clusters; 0 when there are none.
double precision_at_k(const std::vector<PlantedNetwork>& networks, const std::vector<RankedCluster>& clusters,
                      std::size_t k);

struct PairRecall {
  std::uint64_t pairs = 0;  // distinct planted (victim, offender) pairs
  std::uint64_t found = 0;  // of them, sharing a top-k cluster
  double recall = 0;        // found / pairs; 0 when there are no pairs
};
PairRecall pair_recall_at_k(const std::vector<PlantedNetwork>& networks, const std::vector<RankedCluster>& clusters,
                            std::size_t k);

// The best rank of a cluster holding any of the person's entities; none when
// no cluster does. Says where a planted person went when their network is not
// held (split from the others, or in no cluster at all).
std::optional<std::int64_t> person_rank(const PlantedPerson& person, const std::vector<RankedCluster>& clusters);

// How many of `people` (hard negatives: prolific offenders) sit in a top-k cluster.
std::size_t people_in_top_k(const std::vector<PlantedPerson>& people, const std::vector<RankedCluster>& clusters,
                            std::size_t k);

struct NetworkResult {
  std::string id;
  std::string evidence;
  std::optional<std::int64_t> best_rank;
};

struct RecoveryReport {
  std::size_t k = 0;
  std::vector<NetworkResult> networks;  // in the order given
  double precision_at_k = 0;
  PairRecall pairs;
};
RecoveryReport evaluate_recovery(const std::vector<PlantedNetwork>& networks,
                                 const std::vector<RankedCluster>& clusters, std::size_t k);

}  // namespace casegraph::evaluate
