#pragma once
// A case built by hand for tests whose answers are derived in the comments:
// entities, and links each with its own source record (record id = link id,
// so a finding's cited records name the links it stands on). One builder for
// every such test, so that a test reads as the case it describes.
//
// Keys are "k:<id>" unless given (co-presence matches places by key:
// postcode:, address:, camera:); labels are "<type> <id>" ("person 4").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/graph/case_graph.h"
#include "engine/model/pole.h"
#include "engine/resolve/identity.h"
#include "engine/store/case_file.h"

namespace casegraph::test {

struct HandCase {
  std::vector<EntityRow> entities;
  std::vector<LinkRow> links;

  void entity(std::int64_t id, std::string_view type = entity_type::person,
              nlohmann::json attributes = nlohmann::json::object()) {
    keyed_entity(id, type, "k:" + std::to_string(id), std::move(attributes));
  }
  // A location (or any entity) known by a key of its own: "postcode:EB1 5RF".
  void keyed_entity(std::int64_t id, std::string_view type, std::string key,
                    nlohmann::json attributes = nlohmann::json::object()) {
    entities.push_back(
        {id, std::string(type), std::move(key), std::string(type) + " " + std::to_string(id), std::move(attributes)});
  }
  // Returns the link's id (1, 2, ... in the order added): the record a finding cites.
  std::int64_t link(std::string_view type, std::int64_t source, std::int64_t target,
                    std::optional<Timestamp> start = std::nullopt, std::optional<Timestamp> end = std::nullopt,
                    double weight = 1.0) {
    LinkRow l;
    l.id = static_cast<std::int64_t>(links.size()) + 1;
    l.type = std::string(type);
    l.source = source;
    l.target = target;
    l.start = start;
    l.end = end;
    l.weight = weight;
    l.record_id = l.id;
    links.push_back(std::move(l));
    return links.back().id;
  }
  // An ANPR-style read: object -> sighting -> place at time t (two links).
  void read(std::int64_t object, std::int64_t sighting, std::int64_t place, Timestamp t) {
    entity(sighting, entity_type::sighting);
    link("seen_in", object, sighting, t);
    link("seen_at", sighting, place, t);
  }
  // No entity joined to another, every link kept.
  CaseGraph build() const { return build_case_graph(entities, links, IdentityMap({}, {}), {}); }
};

}  // namespace casegraph::test
