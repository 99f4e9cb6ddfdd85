// Test helper: see reference_graphs.h. Parses the covert-network CSVs and
// adjacency matrices (which are not edge lists of names, so the graph-file
// reader does not apply) and the reference TSVs.
#include "tests/reference_graphs.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace casegraph::test_data {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

// RFC 4180 fields of one line (no embedded line breaks in these files).
std::vector<std::string> csv_fields(const std::string& line, char sep = ',') {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

std::size_t index_of(const std::vector<std::string>& header, const std::string& name,
                     const std::filesystem::path& path) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  throw std::runtime_error(path.string() + ": no column " + name);
}

LoadedGraph build(std::vector<std::string> names, const std::vector<Edge>& edges, bool directed, bool weighted) {
  LoadedGraph out;
  for (const Edge& e : edges) out.self_loops_dropped += e.source == e.target ? 1 : 0;
  out.graph = CsrGraph::from_edges(static_cast<VertexId>(names.size()), edges, directed, weighted);
  out.duplicate_edges_merged = edges.size() - out.self_loops_dropped - out.graph.num_edges();
  out.names = std::move(names);
  return out;
}

}  // namespace

std::filesystem::path shared_data() { return CASEGRAPH_SHARED_DATA; }
std::filesystem::path fixtures() { return std::filesystem::path(CASEGRAPH_SOURCE_DIR) / "tests" / "fixtures"; }

const std::vector<std::string>& reference_network_names() {
  static const std::vector<std::string> names = {
      "karate", "football", "dolphins", "polbooks", "lesmis_unweighted", "caviar_full_undirected",
      "london_gang", "madrid_train_rodriguez", "noordin_top_operations"};
  return names;
}

LoadedGraph load_reference_network(std::string_view name, bool weighted) {
  const std::filesystem::path data = shared_data();
  GraphFileOptions options;
  options.weighted = weighted;
  if (name == "karate") return read_graph_file(data / "graphs/karate.edges.tsv", options);
  if (name == "football" || name == "dolphins" || name == "polbooks")
    return read_graph_file(data / "graphs" / (std::string(name) + ".gml"), options);
  if (name == "lesmis_unweighted" || name == "lesmis") return read_graph_file(data / "graphs/lesmis.gml", options);
  if (name == "caviar_full_undirected" || name == "caviar")
    return load_covert_layer(data / "covert/caviar/covert_10_01", false, weighted);
  if (name == "london_gang") return load_covert_layer(data / "covert/london_gang/covert_28", false, weighted);
  if (name == "madrid_train_rodriguez" || name == "madrid")
    return read_graph_file(data / "covert/madrid_train_rodriguez/train.dedup_undirected.tsv", options);
  if (name == "noordin_top_operations" || name == "noordin")
    return load_covert_layer(data / "covert/noordin_top/covert_34_08", false, weighted);
  throw std::invalid_argument("unknown reference network " + std::string(name));
}

LoadedGraph load_covert_layer(const std::filesystem::path& stem, bool directed, bool weighted) {
  const std::filesystem::path nodes_path = stem.string() + ".nodes.csv";
  const std::filesystem::path edges_path = stem.string() + ".edges.csv";
  std::vector<std::string> node_lines = lines_of(slurp(nodes_path));
  std::vector<std::string> header = csv_fields(node_lines.at(0));
  const std::size_t idx_col = index_of(header, "idx", nodes_path);
  const std::size_t name_col = index_of(header, "name", nodes_path);
  std::vector<std::string> names(node_lines.size() - 1);
  for (std::size_t i = 1; i < node_lines.size(); ++i) {
    std::vector<std::string> f = csv_fields(node_lines[i]);
    std::size_t idx = std::stoul(f.at(idx_col));
    names.at(idx) = f.at(name_col);
  }
  std::vector<std::string> edge_lines = lines_of(slurp(edges_path));
  header = csv_fields(edge_lines.at(0));
  const std::size_t s_col = index_of(header, "source_idx", edges_path);
  const std::size_t t_col = index_of(header, "target_idx", edges_path);
  const std::size_t w_col = weighted ? index_of(header, "weight", edges_path) : 0;
  std::vector<Edge> edges;
  for (std::size_t i = 1; i < edge_lines.size(); ++i) {
    std::vector<std::string> f = csv_fields(edge_lines[i]);
    Edge e{static_cast<VertexId>(std::stoul(f.at(s_col))), static_cast<VertexId>(std::stoul(f.at(t_col))), 1.0};
    if (weighted) e.weight = std::stod(f.at(w_col));
    edges.push_back(e);
  }
  return build(std::move(names), edges, directed, weighted);
}

LoadedGraph load_adjacency_matrix(const std::filesystem::path& path, bool directed, bool weighted) {
  std::vector<std::string> lines = lines_of(slurp(path));
  std::vector<std::string> header = csv_fields(lines.at(0));
  std::vector<std::string> names(header.begin() + 1, header.end());
  if (lines.size() != names.size() + 1) throw std::runtime_error(path.string() + ": matrix is not square");
  std::vector<Edge> edges;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = csv_fields(lines[i]);
    if (f.size() != names.size() + 1 || f[0] != names[i - 1])
      throw std::runtime_error(path.string() + ": row " + std::to_string(i) + " does not match the header");
    for (std::size_t j = 1; j < f.size(); ++j) {
      double w = std::stod(f[j]);
      if (w != 0) edges.push_back({static_cast<VertexId>(i - 1), static_cast<VertexId>(j - 1), w});
    }
  }
  return build(std::move(names), edges, directed, weighted);
}

std::size_t ReferenceTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  throw std::out_of_range("no reference column " + std::string(name));
}

double ReferenceTable::value(const std::string& node, std::string_view column_name) const {
  auto it = rows.find(node);
  if (it == rows.end()) throw std::out_of_range("no reference row for node " + node);
  return it->second.at(column(column_name));
}

ReferenceTable read_reference_table(const std::filesystem::path& path) {
  std::vector<std::string> lines = lines_of(slurp(path));
  ReferenceTable table;
  std::vector<std::string> header = csv_fields(lines.at(0), '\t');
  table.columns.assign(header.begin() + 1, header.end());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = csv_fields(lines[i], '\t');
    if (f.size() != header.size()) throw std::runtime_error(path.string() + ": ragged row " + std::to_string(i + 1));
    std::vector<double> values;
    for (std::size_t j = 1; j < f.size(); ++j) values.push_back(std::strtod(f[j].c_str(), nullptr));
    table.nodes.push_back(f[0]);
    table.rows.emplace(f[0], std::move(values));
  }
  return table;
}

ReferenceTable reference_table(std::string_view name) {
  return read_reference_table(shared_data() / "reference" / (std::string(name) + ".tsv"));
}

}  // namespace casegraph::test_data
