#include "engine/evaluate/truth.h"

#include <set>
#include <stdexcept>

#include <fmt/format.h>

namespace casegraph::evaluate {
namespace {

using Json = nlohmann::json;

const Json& field(const Json& object, const char* name, const std::string& where) {
  if (!object.is_object() || !object.contains(name))
    throw std::runtime_error(fmt::format("truth.json: {} has no '{}'", where, name));
  return object.at(name);
}

std::string text(const Json& object, const char* name, const std::string& where) {
  const Json& value = field(object, name, where);
  if (!value.is_string()) throw std::runtime_error(fmt::format("truth.json: {}.{} is not text", where, name));
  return value.get<std::string>();
}

std::vector<std::string> texts(const Json& object, const char* name, const std::string& where) {
  std::vector<std::string> out;
  if (!object.contains(name)) return out;
  const Json& values = object.at(name);
  if (!values.is_array()) throw std::runtime_error(fmt::format("truth.json: {}.{} is not a list", where, name));
  for (const Json& v : values) {
    if (!v.is_string()) throw std::runtime_error(fmt::format("truth.json: {}.{} holds a non-text item", where, name));
    out.push_back(v.get<std::string>());
  }
  return out;
}

TruthPerson synth_person(const Json& p, const std::string& where) {
  const Json& number = field(p, "person", where);
  if (!number.is_number_integer()) throw std::runtime_error(fmt::format("truth.json: {}.person is not a number", where));
  TruthPerson person;
  person.id = fmt::format("person:{}", number.get<std::int64_t>());
  person.name = p.value("name", "");
  for (const std::string& ref : texts(p, "nominal_refs", where)) person.records.push_back({"police_nominals", ref});
  for (const std::string& vrm : texts(p, "keeper_rows", where)) person.records.push_back({"vehicle_keepers", vrm});
  for (const std::string& child : texts(p, "child_ids", where)) person.entity_keys.push_back("social_care_child:" + child);
  return person;
}

TruthPerson example_person(const Json& p, const std::string& where) {
  TruthPerson person;
  person.name = text(p, "name", where);
  if (p.contains("nominal_ref")) {
    const std::string ref = text(p, "nominal_ref", where);
    person.records.push_back({"police_nominals", ref});
    person.id = ref;
  } else {
    person.id = person.name;
  }
  if (p.contains("child_id")) person.entity_keys.push_back("social_care_child:" + text(p, "child_id", where));
  return person;
}

std::vector<TruthPerson> people(const Json& network, const char* role, const std::string& where, bool synth) {
  const Json& list = field(network, role, where);
  if (!list.is_array()) throw std::runtime_error(fmt::format("truth.json: {}.{} is not a list", where, role));
  std::vector<TruthPerson> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = fmt::format("{}.{}[{}]", where, role, i);
    out.push_back(synth ? synth_person(list[i], at) : example_person(list[i], at));
  }
  return out;
}

// The taxi firm's drivers who belong to no planted network (older synth
// output lists drivers by number only: none then).
std::vector<TruthPerson> taxi_drivers_in_no_network(const Json& truth) {
  if (!truth.contains("hard_negatives") || !truth.at("hard_negatives").contains("taxi_firm")) return {};
  const Json& firm = truth.at("hard_negatives").at("taxi_firm");
  if (!firm.contains("drivers") || !firm.at("drivers").is_array()) return {};
  std::set<std::int64_t> offending;
  for (const Json& d : firm.value("drivers_in_networks", Json::array()))
    if (d.is_number_integer()) offending.insert(d.get<std::int64_t>());
  std::vector<TruthPerson> out;
  const Json& drivers = firm.at("drivers");
  for (std::size_t i = 0; i < drivers.size(); ++i) {
    if (!drivers[i].is_object()) return {};
    TruthPerson driver = synth_person(drivers[i], fmt::format("hard_negatives.taxi_firm.drivers[{}]", i));
    if (!offending.count(drivers[i].at("person").get<std::int64_t>())) out.push_back(std::move(driver));
  }
  return out;
}

}  // namespace

Truth parse_truth(const Json& j) {
  if (!j.is_object()) throw std::runtime_error("truth.json: not a JSON object");
  Truth truth;
  truth.synth = j.value("generator", "") == "casegraph synth";
  const Json& networks = field(j, "networks", "the file");
  if (!networks.is_array()) throw std::runtime_error("truth.json: networks is not a list");
  for (std::size_t i = 0; i < networks.size(); ++i) {
    const std::string where = fmt::format("networks[{}]", i);
    TruthNetwork n;
    n.id = text(networks[i], "id", where);
    n.evidence = networks[i].value("evidence", "");
    n.offenders = people(networks[i], "offenders", where, truth.synth);
    n.victims = people(networks[i], "victims", where, truth.synth);
    truth.networks.push_back(std::move(n));
  }
  if (truth.synth) {
    if (j.contains("hard_negatives") && j.at("hard_negatives").contains("prolific_offenders"))
      truth.prolific_offenders = people(j.at("hard_negatives"), "prolific_offenders", "hard_negatives", true);
    truth.taxi_drivers = taxi_drivers_in_no_network(j);
    if (j.contains("truth_records")) truth.truth_records_file = text(j.at("truth_records"), "file", "truth_records");
  }
  return truth;
}

}  // namespace casegraph::evaluate
