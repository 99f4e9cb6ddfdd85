#pragma once
// The options the linking commands (path, network, linked, copresence) share,
// so that each is spelt, checked and explained the same way in all of them.
#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/linking/link_graph.h"

namespace casegraph::cli {

// --format text|json.
void add_text_or_json_format(CLI::App* cmd, std::string& format);

// --cost inverse|log and --avoid-hubs N, for the commands that search for
// shortest paths (path, network).
void add_path_cost_options(CLI::App* cmd, std::string& cost, std::size_t& avoid_hubs);

// The link cost model --cost names; UsageError when it names none.
LinkCostModel link_cost_model(const std::string& cost);

}  // namespace casegraph::cli
