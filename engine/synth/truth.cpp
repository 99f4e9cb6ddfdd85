#include "engine/synth/truth.h"

#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/synth/identities.h"

namespace casegraph::synth {

namespace {

using Json = nlohmann::ordered_json;

std::string phone_text(std::uint32_t number) { return fmt::format("07700{:06}", number); }
std::string day_text(std::int64_t t) { return yyyymmdd(civil_time(t).date); }

Json camera_json(std::uint32_t camera) {
  return camera == kNone ? Json(nullptr) : Json(fmt::format("CAM-{:04}", camera + 1));
}

Json site_json(const Population& pop, std::uint32_t site) {
  const Site& s = pop.sites[site];
  return Json{{"name", pop.site_name(site)}, {"postcode", pop.postcode(s.postcode)}, {"camera", camera_json(s.camera)}};
}

// A person with every id they appear under.
Json person_json(const World& w, std::uint32_t id) {
  const Person& p = w.pop.people[id];
  const PersonName name = w.noise.true_name(id);
  Json out{{"person", id},
           {"name", name.forename + " " + name.surname},
           {"sex", p.sex == Sex::female ? "F" : "M"},
           {"dob", yyyymmdd(w.noise.dob(id))}};
  Json nominals = Json::array();
  if (p.nominal != 0) nominals.push_back(fmt::format("N-{:07}", p.nominal - 1));
  if (p.nominal2 != 0) nominals.push_back(fmt::format("N-{:07}", p.nominal2 - 1));
  out["nominal_refs"] = nominals;
  Json child_ids = Json::array();
  if (p.child_id != 0) child_ids.push_back(fmt::format("SC-{:06}", p.child_id - 1));
  out["child_ids"] = child_ids;
  Json phones = Json::array();
  if (p.phone != 0) phones.push_back(phone_text(p.phone));
  if (const std::uint32_t second = burner_of(w.plan, id); second != 0) phones.push_back(phone_text(second));
  out["phones"] = phones;
  Json keeper_rows = Json::array();
  for (const Vehicle& v : w.pop.vehicles_of(id)) keeper_rows.push_back(keeper_vrm(w, w.pop.vehicle_index(v)));
  for (std::uint32_t v = w.pop.registered_vehicles; v < w.pop.vehicles.size(); ++v)
    if (w.pop.vehicles[v].keeper == id) keeper_rows.push_back(keeper_vrm(w, v));
  out["keeper_rows"] = keeper_rows;
  if (p.is(flag::street_name)) out["street_name"] = w.noise.street_name(id);
  if (p.child_id != 0 && w.noise.social_care_name_differs(id)) {
    const PersonName sc = w.noise.social_care_name(id);
    out["social_care_name"] = sc.forename + " " + sc.surname;
  }
  return out;
}

Json ring_json(const World& w, std::size_t index, const RingEvidence& evidence) {
  const Ring& ring = w.plan.rings[index];
  const Population& pop = w.pop;
  Json out{{"id", ring.id},
           {"kind", "child sexual exploitation"},
           {"evidence", evidence_name(ring.evidence)},
           {"active", {{"from", day_text(ring.from)}, {"to", day_text(ring.to)}}}};
  Json offenders = Json::array();
  for (std::uint32_t o : ring.offenders) {
    Json j = person_json(w, o);
    j["known_to_police"] = pop.people[o].nominal != 0;
    j["taxi_driver"] = pop.people[o].is(flag::taxi_driver);
    offenders.push_back(std::move(j));
  }
  out["offenders"] = std::move(offenders);
  Json victims = Json::array();
  for (std::uint32_t v : ring.victims) {
    Json j = person_json(w, v);
    j["placement"] = pop.placement(v);
    j["placement_type"] = pop.placement_type(v);
    victims.push_back(std::move(j));
  }
  out["victims"] = std::move(victims);
  Json places = Json::array();
  for (const RingPlace& p : ring.places) {
    Json j{{"kind", place_kind_name(p.kind)}, {"postcode", pop.postcode(p.postcode)}};
    if (p.site != kNone) j["name"] = pop.site_name(p.site);
    j["camera"] = camera_json(p.camera);
    if (p.kind == RingPlaceKind::flat) j["offender_home"] = p.offender_home;
    places.push_back(std::move(j));
  }
  out["places"] = std::move(places);
  Json vehicles = Json::array();
  for (std::uint32_t v : ring.vehicles) {
    const Vehicle& vehicle = pop.vehicles[v];
    Json j{{"vrm", pop.vrm(v)}, {"make", pop.make(v)}, {"colour", pop.colour(v)},
           {"taxi", (vehicle.flags & vehicle_flag::taxi) != 0}};
    if (vehicle.keeper == kNone) {
      j["kept_by"] = "nobody: false plates, on no keeper file";
      j["keeper_row"] = nullptr;
    } else {
      bool offender = false;
      for (std::uint32_t o : ring.offenders) offender = offender || o == vehicle.keeper;
      j["kept_by"] = offender ? "offender" : "someone outside the network";
      j["keeper"] = vehicle.keeper;
      j["keeper_row"] = keeper_vrm(w, v);
    }
    vehicles.push_back(std::move(j));
  }
  out["vehicles"] = std::move(vehicles);
  Json care = Json::array();
  for (std::uint32_t s : ring.care_sites) care.push_back(site_json(pop, s));
  out["care_sites"] = std::move(care);
  Json shares = Json::array();
  for (int other : ring.shares_offender_with) shares.push_back(w.plan.rings[static_cast<std::size_t>(other)].id);
  out["shares_offender_with"] = std::move(shares);
  out["disclosure_withdrawn"] = ring.disclosure_withdrawn;
  out["evidence_rows"] = Json{{"missing_episodes", evidence.missing_episodes},
                              {"anpr_reads", evidence.anpr_reads},
                              {"calls", evidence.calls},
                              {"occurrence_rows", evidence.occurrence_rows},
                              {"intelligence", evidence.intelligence},
                              {"total", evidence.total()}};
  return out;
}

}  // namespace

void write_truth(const World& w, const std::filesystem::path& file, const std::vector<RingEvidence>& evidence,
                 const NoiseTally& tally, const std::vector<FileSummary>& files) {
  const Population& pop = w.pop;
  const SynthParams& params = w.params;
  Json truth;
  truth["about"] =
      "Planted structure of a synthetic case written by `casegraph synth`. For evaluating rankings and "
      "resolution; the engine must never read this file. Everything is fictional: names drawn from pooled "
      "many-culture lists after roles were fixed, postcodes in the unused area EB, phone numbers in 07700 xxxxxx (9xxxxx first).";
  truth["generator"] = "casegraph synth";
  truth["seed"] = params.seed;
  truth["people"] = pop.people.size();
  truth["period"] = {{"from", day_text(kPeriodStart)}, {"to", day_text(kPeriodEnd - kDay)}};
  truth["person_ids"] = "Person ids number the population 0..people-1, household by household.";

  Json networks = Json::array();
  for (std::size_t i = 0; i < w.plan.rings.size(); ++i) networks.push_back(ring_json(w, i, evidence[i]));
  truth["networks"] = std::move(networks);

  Json negatives;
  Json prolific = Json::array();
  for (std::size_t i = 0; i < w.plan.prolific.size(); ++i) {
    Json j = person_json(w, w.plan.prolific[i]);
    j["crew"] = w.plan.crew[i];
    prolific.push_back(std::move(j));
  }
  negatives["prolific_offenders"] = std::move(prolific);
  Json drivers = Json::array(), driving_offenders = Json::array();
  for (std::uint32_t d : pop.taxi_drivers) {
    drivers.push_back(person_json(w, d));
    if (pop.people[d].is(flag::offender)) driving_offenders.push_back(d);
  }
  negatives["taxi_firm"] = {{"name", pop.site_name(pop.taxi_depot)},
                            {"booking_line", phone_text(pop.taxi_firm_phone)},
                            {"depot", site_json(pop, pop.taxi_depot)},
                            {"drivers", std::move(drivers)},
                            {"drivers_in_networks", std::move(driving_offenders)}};
  negatives["hubs"] = {{"shopping_centre", site_json(pop, pop.shopping_centre)},
                       {"petrol_station", site_json(pop, pop.petrol_station)}};
  Json runaways = Json::array();
  for (const Runaway& run : w.plan.runaways) {
    Json j = person_json(w, run.child);
    j["placement_type"] = pop.placement_type(run.child);
    j["refuge_postcode"] = pop.postcode(pop.households[run.refuge].postcode);
    j["refuge_adult"] = pop.households[run.refuge].first;
    j["friend_postcode"] = pop.postcode(pop.households[run.friend_household].postcode);
    runaways.push_back(std::move(j));
  }
  negatives["benign_runaways"] = std::move(runaways);
  std::uint64_t large_members = 0;
  for (std::uint32_t h : w.plan.large_families) large_members += pop.households[h].size;
  negatives["large_families"] = {{"households", w.plan.large_families.size()}, {"people", large_members}};
  Json care_sites = Json::array();
  std::uint64_t in_care = 0;
  for (const Person& p : pop.people) in_care += p.is(flag::in_care) ? 1 : 0;
  for (std::uint32_t s = 0; s < pop.sites.size(); ++s)
    if (pop.sites[s].kind == SiteKind::childrens_home || pop.sites[s].kind == SiteKind::supported)
      care_sites.push_back(site_json(pop, s));
  negatives["children"] = pop.children.size();
  negatives["children_in_care"] = in_care;
  negatives["care_sites"] = std::move(care_sites);
  truth["hard_negatives"] = std::move(negatives);

  std::uint64_t with_phone = 0;
  for (const Person& p : pop.people) with_phone += p.phone != 0 ? 1 : 0;
  truth["phones"] = {
      {"range", "07700 900000-999999, then 07700 000001-899999 (fictional: the drama range widened)"},
      {"numbers_issued", with_phone + w.plan.burners.size() + 1},
      {"people_with_a_number", with_phone},
      {"second_phones", w.plan.burners.size()},
      {"note",
       "Everyone in a network, prolific offenders, taxi drivers, runaways and the relatives they call have a "
       "number; of the rest 90% (children 85%) do, scaled down so that the range's 999,999 numbers suffice: "
       "above about 1.1 million people only a share of people have a number known to the data."}};

  const NoiseRates& n = params.noise;
  truth["noise"] = {
      {"rates",
       {{"social_care_name", n.social_care_name},
        {"keeper_name", n.keeper_name},
        {"nominal_duplicate", n.nominal_duplicate},
        {"dob_swap", n.dob_swap},
        {"police_dob_missing", n.police_dob_missing}}},
      {"realised",
       {{"nominal_records", tally.nominal_records},
        {"nominal_duplicates", tally.nominal_duplicates},
        {"nominal_dob_missing", tally.nominal_dob_missing},
        {"social_care_children", tally.social_care_children},
        {"social_care_children_on_police_index", tally.social_care_children_on_police_index},
        {"social_care_names_differ_from_police", tally.social_care_names_differ},
        {"social_care_dobs_altered", tally.social_care_dobs_altered},
        {"keeper_rows", tally.keeper_rows},
        {"keeper_names_differ_from_police", tally.keeper_names_differ},
        {"keeper_dobs_altered", tally.keeper_dobs_altered}}}};
  truth["volumes"] = {{"calls_per_phone", params.volumes.calls_per_phone},
                      {"reads_per_vehicle", params.volumes.reads_per_vehicle},
                      {"occurrences_per_person", params.volumes.occurrences_per_person}};
  Json rows;
  for (const FileSummary& f : files) rows[f.name] = f.rows;
  truth["rows"] = std::move(rows);
  truth["truth_records"] = {
      {"file", "truth_records.csv"},
      {"columns", {"source", "record_id", "person_key", "person_id"}},
      {"note",
       "One row per person record: every police_nominals row (person_key: NominalRef), every social_care_missing "
       "row (person_key: ChildId) and every vehicle_keepers row (person_key: forename|surname|dob as written). "
       "Occurrences and intelligence name people by NominalRef, so they resolve through police_nominals."}};

  const std::string text = truth.dump(2) + "\n";
  const std::filesystem::path partial = file.string() + ".partial";
  std::FILE* f = std::fopen(partial.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error(fmt::format("{}: cannot create", partial.string()));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) throw std::runtime_error(fmt::format("{}: cannot write", partial.string()));
  std::filesystem::rename(partial, file);
}

}  // namespace casegraph::synth
