#pragma once
// A chart: the finished, format-neutral view of a case that exporters write.
// It is built from the case file and one analysis run (cli/), and holds
// everything an output format may need, so that exporters know nothing of
// SQLite or of the algorithms.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/pole.h"

namespace casegraph {

struct SourceRef {
  std::string source;     // source name, e.g. "police_nominals"
  std::string record_id;  // the source's own record id
};

struct ChartNode {
  std::int64_t id = 0;  // canonical entity id in the case file
  std::string type;     // entity_type::*
  std::string label;
  std::map<std::string, std::string> attributes;  // typed text from the source (dob, vrm, ...)
  std::map<std::string, double> scores;           // measure -> value from the run
  std::optional<std::int64_t> cluster;            // ranked cluster id, when in one
  std::vector<std::string> roles;                 // victim, suspect, witness, missing, ...
  std::optional<Timestamp> start;                 // event time, where the entity is an event
  std::optional<Timestamp> end;
  std::vector<SourceRef> sources;
};

struct ChartEdge {
  std::int64_t id = 0;  // link id in the case file
  std::int64_t source = 0;  // ChartNode ids
  std::int64_t target = 0;
  std::string type;  // link_type::*
  bool directed = true;
  double weight = 1.0;
  std::optional<Timestamp> start;
  std::optional<Timestamp> end;
  Grading grading;
  std::vector<SourceRef> sources;
};

struct Chart {
  std::string case_name;
  std::optional<std::int64_t> run_id;
  std::vector<ChartNode> nodes;
  std::vector<ChartEdge> edges;
};

}  // namespace casegraph
