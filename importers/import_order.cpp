#include "importers/import_order.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace casegraph {

std::vector<ImportStep> read_import_order(const std::filesystem::path& dir) {
  const std::filesystem::path file = dir / "IMPORT_ORDER";
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read", file.string()));
  std::vector<ImportStep> steps;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string spec, csv, extra;
    if (!(words >> spec)) continue;
    if (!(words >> csv)) throw std::runtime_error(fmt::format("{}:{}: '{}' names no CSV file", file.string(), number, spec));
    if (words >> extra)
      throw std::runtime_error(fmt::format("{}:{}: '{}' after the CSV file; one \"<spec> <csv>\" pair a line",
                                           file.string(), number, extra));
    steps.push_back({dir / spec, dir / csv});
  }
  return steps;
}

}  // namespace casegraph
