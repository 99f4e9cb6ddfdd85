#include "engine/triage/gravity.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace casegraph {

const std::vector<GravityEntry>& gravity_table() {
  static const std::vector<GravityEntry> table{
      {"concern for welfare", 0.0},
      {"sexual activity with a child", 3.0},
      {"sexual assault", 3.0},
      {"sexual exploitation", 3.0},
      {"rape", 3.0},
      {"grooming", 3.0},
      {"indecent images", 3.0},
      {"trafficking", 3.0},
      {"modern slavery", 3.0},
      {"child abduction warning", 2.0},
      {"abduction", 2.0},
      {"kidnap", 2.0},
      {"robbery", 2.0},
      {"supply of controlled drug", 2.0},
      {"possession with intent to supply", 2.0},
      {"wounding", 2.0},
      {"grievous bodily harm", 2.0},
      {"weapon", 2.0},
      {"possession of controlled drug", 1.0},
      {"assault", 1.0},
      {"domestic", 1.0},
      {"harassment", 1.0},
      {"stalking", 1.0},
      {"burglary", 1.0},
      {"theft of motor vehicle", 1.0},
      {"shoplifting", 0.5},
      {"theft from motor vehicle", 0.5},
      {"criminal damage", 0.5},
      {"public order", 0.5},
      {"making off", 0.5},
  };
  return table;
}

namespace {
std::string lower(std::string_view s) {
  std::string text(s);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}
}  // namespace

bool against_property(std::string_view offence_type) {
  static const std::vector<std::string_view> phrases{"burglary", "theft", "criminal damage", "shoplifting",
                                                     "making off", "handling stolen", "fraud"};
  const std::string text = lower(offence_type);
  if (text.find("robbery") != std::string::npos) return false;  // robbery is violence against the person
  for (std::string_view phrase : phrases)
    if (text.find(phrase) != std::string::npos) return true;
  return false;
}

double offence_gravity(std::string_view offence_type) {
  const std::string text = lower(offence_type);
  for (const GravityEntry& entry : gravity_table())
    if (text.find(entry.phrase) != std::string::npos) return entry.gravity;
  return kUnknownOffenceGravity;
}

}  // namespace casegraph
