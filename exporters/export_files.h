#pragma once
// Formats that are several files (Neo4j, CSV tables): each file's name and
// writer, so that the caller decides where they go and writes them all
// atomically (exporters/atomic_file.h, write_files_atomically).
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace casegraph {

struct ExportFile {
  std::string name;  // "nodes.csv"
  std::function<void(std::ostream&)> write;
};

}  // namespace casegraph
