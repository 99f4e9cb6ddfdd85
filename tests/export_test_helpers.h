#pragma once
// Helpers shared by the export tests (export_formats_test.cpp,
// export_filters_test.cpp, export_cli_test.cpp): running a consumer program
// and reading its JSON, and the charts the tests write. Scratch folders,
// reading files and running commands come from tests/cli_support.h.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/model/chart.h"
#include "tests/cli_support.h"

namespace casegraph::export_test {

namespace fs = std::filesystem;
using nlohmann::json;
using test::Outcome;
using test::run_command;
using test::shell_quote;
using test::slurp;
using test::TempDir;

inline void write_all(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline fs::path script(const std::string& name) { return fs::path(CASEGRAPH_SOURCE_DIR) / "tests/scripts" / name; }

// Runs a read-back script and parses its JSON; fails the test on a non-zero exit.
inline json run_json(const std::string& command, const fs::path& scratch) {
  const Outcome r = run_command(command, scratch);
  EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
  try {
    return json::parse(r.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << command << ": output is not JSON (" << e.what() << "):\n" << r.out << "\n" << r.err;
    return json::object();
  }
}

// Where setup.sh installs cytoscape.js: $CASEGRAPH_NODE_DIR, else
// $XDG_CACHE_HOME/casegraph/node, else ~/.cache/casegraph/node. Installed here
// (under a lock, as tests run in parallel) when setup.sh has not run.
inline fs::path cytoscape_dir(const fs::path& scratch) {
  fs::path dir;
  if (const char* d = std::getenv("CASEGRAPH_NODE_DIR")) {
    dir = d;
  } else if (const char* x = std::getenv("XDG_CACHE_HOME")) {
    dir = fs::path(x) / "casegraph/node";
  } else {
    dir = fs::path(std::getenv("HOME") ? std::getenv("HOME") : "/tmp") / ".cache/casegraph/node";
  }
  if (!fs::exists(dir / "node_modules/cytoscape/package.json")) {
    fs::create_directories(dir);
    const Outcome r = run_command(
        "flock " + shell_quote(dir / ".lock") + " sh -c " +
            shell_quote("[ -f " + shell_quote(dir / "node_modules/cytoscape/package.json") +
                        " ] || npm install --prefix " + shell_quote(dir) + " --no-audit --no-fund cytoscape@3.35.0"),
        scratch);
    EXPECT_EQ(r.exit_code, 0) << "npm install cytoscape failed:\n" << r.err;
  }
  return dir;
}

inline Grading grading(std::string_view text) {
  std::string error;
  auto g = parse_grading(text, &error);
  if (!g) throw std::invalid_argument(error);
  return *g;
}

inline ChartNode node(std::int64_t id, std::string type, std::string label) {
  ChartNode n;
  n.id = id;
  n.type = std::move(type);
  n.label = std::move(label);
  return n;
}

inline ChartEdge edge(std::int64_t id, std::int64_t source, std::int64_t target, std::string type,
                      bool directed = true) {
  ChartEdge e;
  e.id = id;
  e.source = source;
  e.target = target;
  e.type = std::move(type);
  e.directed = directed;
  return e;
}

constexpr Timestamp k2025 = 1735689600;  // 2025-01-01T00:00:00Z

// A small case with everything an exporter must carry: two clusters, a
// victim and a suspect in one occurrence, the suspect's car, an associate
// (undirected link), two phones with two calls between them, a graded
// intelligence report (handling C) that mentions the car, names with quotes,
// commas, XML specials, non-ASCII, a line break and a formula-looking value.
inline Chart small_case() {
  Chart c;
  c.case_name = "Operation Tern, \"Kestrel\" <test>";
  c.run_id = 7;
  ChartNode victim = node(3, "person", "Zofia Wójcik");
  victim.attributes = {{"forename", "Zofia"}, {"surname", "Wójcik"}, {"dob", "2010-04-02"}};
  victim.scores = {{"pagerank", 0.125}, {"betweenness", 3.5}};
  victim.cluster = 1;
  victim.roles = {"victim", "missing"};
  victim.sources = {{"police_nominals", "N-000101"}, {"social_care_missing", "SC-4411"}};

  ChartNode suspect = node(1, "person", "Chidi \"Chi\" O'Neill, & Sons <Ltd>");
  suspect.attributes = {{"forename", "Chidi"}, {"surname", "O'Neill"}, {"dob", "1990-01-31"}, {"type", "adult"}};
  suspect.scores = {{"pagerank", 0.5}, {"betweenness", 12.0}};
  suspect.cluster = 1;
  suspect.roles = {"suspect"};
  suspect.sources = {{"police_nominals", "N-000102"}};

  ChartNode associate = node(2, "person", "Nguyễn Thị Hương");
  associate.attributes = {{"forename", "Hương"}, {"note", "line one\nline two"}, {"nickname", "=HYPERLINK(\"x\")"}};
  associate.scores = {{"pagerank", 0.05}};
  associate.cluster = 2;
  associate.sources = {{"police_nominals", "N-000103"}};

  ChartNode car = node(10, "vehicle", "AB12 CDE");
  car.attributes = {{"vrm", "AB12CDE"}, {"make", "Ford"}, {"colour", "Silver"}};
  car.scores = {{"pagerank", 0.2}};
  car.cluster = 1;
  car.sources = {{"vehicle_keepers", "VK-77"}};

  ChartNode occurrence = node(20, "occurrence", "OCC/2025/0042");
  occurrence.start = k2025 + 21 * 3600 + 5 * 60;
  occurrence.end = k2025 + 23 * 3600;
  occurrence.attributes = {{"offence", "Sexual activity with a child"}};
  occurrence.sources = {{"police_occurrences", "OCC/2025/0042"}};

  ChartNode phone_a = node(30, "phone", "07700900123");
  phone_a.sources = {{"call_records", "C-1"}};
  ChartNode phone_b = node(31, "phone", "+447700900456");
  phone_b.sources = {{"call_records", "C-1"}};

  ChartNode intel = node(40, "intelligence", "INT-2025-0007 (3C C)");
  intel.attributes = {{"grading", "3CC"}};
  intel.start = k2025 + 86400;
  intel.sources = {{"intelligence", "INT-2025-0007"}};

  // Out of id order on purpose: the writers sort.
  c.nodes = {victim, suspect, associate, occurrence, car, phone_b, phone_a, intel};

  ChartEdge victim_in = edge(100, 3, 20, "victim_in");
  victim_in.start = occurrence.start;
  victim_in.sources = {{"police_occurrences", "OCC/2025/0042"}};
  ChartEdge suspect_in = edge(101, 1, 20, "suspect_in");
  suspect_in.weight = 0.75;
  suspect_in.grading = grading("2BP");
  suspect_in.sources = {{"police_occurrences", "OCC/2025/0042"}};
  ChartEdge keeper = edge(102, 1, 10, "keeper_of");
  keeper.sources = {{"vehicle_keepers", "VK-77"}};
  ChartEdge associate_of = edge(103, 1, 2, "associate_of", false);
  ChartEdge call1 = edge(104, 30, 31, "called");
  call1.start = k2025 + 3600;
  call1.sources = {{"call_records", "C-1"}};
  ChartEdge call2 = edge(105, 30, 31, "called");
  call2.start = k2025 + 7200;
  call2.sources = {{"call_records", "C-2"}};
  ChartEdge uses_a = edge(106, 1, 30, "uses_phone");
  ChartEdge uses_b = edge(107, 3, 31, "uses_phone");
  ChartEdge mentions = edge(108, 40, 10, "mentions");
  mentions.grading = grading("3CC");
  mentions.start = intel.start;
  mentions.sources = {{"intelligence", "INT-2025-0007"}};
  c.edges = {suspect_in, victim_in, keeper, associate_of, call2, call1, uses_a, uses_b, mentions};
  return c;
}

}  // namespace casegraph::export_test
