#pragma once
// The registry of algorithms `casegraph measure` can run on a plain graph:
// adding an algorithm is one entry here.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph::cli {

struct MeasureRequest {
  bool weighted = false;
  int threads = 0;
  std::uint64_t seed = 1;
  std::vector<VertexId> restart;  // pagerank: restart set (--seeds), empty = uniform teleport
  VertexId k = 3;                 // kpp_neg / kpp_pos: set size (--k)
  double epsilon = 0.01;          // betweenness_sampled: error bound, normalised scale (--epsilon)
  double delta = 0.1;             // betweenness_sampled: failure probability (--delta)
  double resolution = 1.0;
  double tolerance = 0;           // pagerank: L1 change to stop at (--tolerance); 0 = the algorithm's default
  std::string quality = "modularity";  // leiden: modularity | cpm
};

struct AlgorithmEntry {
  std::string name;
  std::string description;
  bool partition;  // true: one community id per vertex; false: one value per vertex
  std::function<std::vector<double>(const CsrGraph&, const MeasureRequest&)> run;
};

const std::vector<AlgorithmEntry>& algorithm_registry();
const AlgorithmEntry* find_algorithm(const std::string& name);

}  // namespace casegraph::cli
