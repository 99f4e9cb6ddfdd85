#pragma once
// Test helper: loads the reference networks of ../shared/data by name, and the
// per-node reference tables (TSV: node, then one column per measure).
//
// Networks (name = the stem of the reference TSV; short aliases in brackets):
//   karate              graphs/karate.edges.tsv (first-seen order; names 0..33)
//   football, dolphins, polbooks
//                       graphs/<name>.gml (names are GML ids)
//   lesmis_unweighted   graphs/lesmis.gml [lesmis]; weighted=true reads `value`
//   caviar_full_undirected
//                       covert/caviar/covert_10_01 [caviar]: the only CAVIAR
//                       layer whose node set and degrees match the reference
//                       (110 nodes, 205 edges; the other 11 are phases)
//   london_gang         covert/london_gang/covert_28 (weight = co-offending 1-4)
//   madrid_train_rodriguez
//                       covert/madrid_train_rodriguez/train.dedup_undirected.tsv [madrid]
//   noordin_top_operations
//                       covert/noordin_top/covert_34_08 [noordin]: the layer with
//                       267 edges over all 79 nodes, isolates included
// Every network loads undirected; `weighted` reads the file's weights.
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/graph_file.h"

namespace casegraph::test_data {

std::filesystem::path shared_data();  // ../shared/data beside the project
std::filesystem::path fixtures();     // tests/fixtures in the source tree

// The nine networks of ../shared/data/reference, by TSV stem.
const std::vector<std::string>& reference_network_names();

// Throws std::invalid_argument for an unknown name.
LoadedGraph load_reference_network(std::string_view name, bool weighted = false);

// One layer of ../shared/data/covert: `<stem>.nodes.csv` (idx, name, ...) gives
// the vertices in idx order, isolates included; `<stem>.edges.csv`
// (source_idx, target_idx, ..., [weight]) the edges.
LoadedGraph load_covert_layer(const std::filesystem::path& stem, bool directed, bool weighted);

// A square adjacency matrix CSV as in covert/directed_valued/ (UTF-8 BOM, first
// row and column hold the labels). Every non-zero cell i,j is an arc i->j with
// the cell as weight.
LoadedGraph load_adjacency_matrix(const std::filesystem::path& path, bool directed, bool weighted);

struct ReferenceTable {
  std::vector<std::string> columns;  // after the node column
  std::vector<std::string> nodes;    // in file order
  std::unordered_map<std::string, std::vector<double>> rows;

  std::size_t column(std::string_view name) const;  // throws if absent
  double value(const std::string& node, std::string_view column_name) const;
};

// A TSV with a header `node<TAB>col...`; numbers parsed with strtod (nan kept);
// `#` lines are comments.
ReferenceTable read_reference_table(const std::filesystem::path& path);

// The reference TSV of a network: ../shared/data/reference/<name>.tsv.
ReferenceTable reference_table(std::string_view name);

}  // namespace casegraph::test_data
