#include "cli/linking_options.h"

#include "cli/commands.h"

namespace casegraph::cli {

void add_text_or_json_format(CLI::App* cmd, std::string& format) {
  cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
}

void add_path_cost_options(CLI::App* cmd, std::string& cost, std::size_t& avoid_hubs) {
  cmd->add_option("--cost", cost, "Link cost model: inverse or log")
      ->check(CLI::IsMember({"inverse", "log"}))
      ->capture_default_str();
  cmd->add_option("--avoid-hubs", avoid_hubs, "Do not pass through entities with more than N neighbours (0: no limit)")
      ->capture_default_str();
}

LinkCostModel link_cost_model(const std::string& cost) {
  const auto model = parse_link_cost_model(cost);
  if (!model) throw UsageError("--cost must be inverse or log");
  return *model;
}

}  // namespace casegraph::cli
