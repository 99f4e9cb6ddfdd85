// casegraph copresence CASE [ID]: temporal co-presence findings
// (engine/linking/copresence.h): (a) a vehicle or phone observed at or near
// where a missing child was found, or went missing from, inside the episode's
// window; (b) two people observed at the same or a nearby place within a time
// window, in different events. Each finding lists both sides' source records.
#include <cmath>
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/entity_lookup.h"
#include "cli/linking_options.h"
#include "engine/linking/copresence.h"

namespace casegraph::cli {
namespace {

struct CopresenceOptions {
  std::string case_path;
  std::string entity;
  double window_hours = 1.0;
  double radius_metres = 250;
  std::uint32_t hub_limit = 50;
  std::string only = "both";
  bool suspects_only = false;
  std::string format = "text";
};

nlohmann::json records_json(const Describer& d, const std::vector<std::uint32_t>& links) {
  nlohmann::json out = nlohmann::json::array();
  std::set<std::uint32_t> seen;
  for (std::uint32_t l : links)
    if (seen.insert(l).second) out.push_back(d.link_record(l).to_json());
  return out;
}

nlohmann::json presence_json(const Describer& d, const Presence& p) {
  return {{"subject", d.entity_json(p.subject).at("entity_id")},
          {"event", d.entity_json(p.event)},
          {"place", d.entity_json(p.place)},
          {"start", Describer::date_text(p.start)},
          {"end", Describer::date_text(p.end)},
          {"links", {d.link_json(p.subject_link), d.link_json(p.place_link)}}};
}

nlohmann::json episode_json(const Describer& d, const EpisodeFinding& f) {
  nlohmann::json holders = nlohmann::json::array();
  for (const ObjectHolder& h : f.holders) {
    nlohmann::json links = nlohmann::json::array();
    for (std::uint32_t l : h.links) links.push_back(d.link_json(l));
    holders.push_back({{"person", d.entity_json(h.person)}, {"suspect", h.suspect},
                       {"via_intelligence", h.via_intelligence}, {"links", links}});
  }
  return {{"kind", "missing_episode"},
          {"child", d.entity_json(f.child)},
          {"episode", d.entity_json(f.episode)},
          {"missing_from", Describer::date_text(f.missing_from)},
          {"returned", Describer::date_text(f.returned)},
          {"episode_link", d.link_json(f.episode_link)},
          {"episode_place", d.entity_json(f.episode_place)},
          {"place_role", f.place_role},
          {"place_link", d.link_json(f.place_link)},
          {"object", d.entity_json(f.object)},
          {"sighting", presence_json(d, f.sighting)},
          {"match", place_match_name(f.match)},
          {"distance_metres", f.distance_metres},
          {"holders", holders},
          {"suspect", f.suspect()},
          {"specificity", f.specificity},
          {"records", records_json(d, f.links())}};
}

nlohmann::json pair_json(const Describer& d, const PairFinding& f) {
  auto side = [&](VertexId person, const Presence& p, const std::vector<std::uint32_t>& via) {
    nlohmann::json holder = nlohmann::json::array();
    for (std::uint32_t l : via) holder.push_back(d.link_json(l));
    return nlohmann::json{{"person", d.entity_json(person)}, {"observed", presence_json(d, p)}, {"holder_links", holder}};
  };
  return {{"kind", "people"},
          {"a", side(f.person_a, f.a, f.holder_links_a)},
          {"b", side(f.person_b, f.b, f.holder_links_b)},
          {"match", place_match_name(f.match)},
          {"distance_metres", f.distance_metres},
          {"gap_seconds", f.gap_seconds},
          {"specificity", f.specificity},
          {"records", records_json(d, f.links())}};
}

std::string duration_text(Timestamp seconds) {
  return fmt::format("{} h {:02} min", seconds / 3600, (seconds % 3600) / 60);
}

std::string match_text(const EpisodeFinding& f) {
  if (f.match == PlaceMatch::within_radius) return fmt::format("{:.0f} m away", f.distance_metres);
  return f.match == PlaceMatch::same_location ? "same place" : "same postcode";
}

void print_presence(const Describer& d, const Presence& p) {
  fmt::print("      {} at {} {}\n", d.entity_text(p.event), d.entity_text(p.place), Describer::date_text(p.start));
  fmt::print("        {}\n        {}\n", d.link_text(p.subject_link), d.link_text(p.place_link));
}

void print_text(const Describer& d, const CopresenceResult& r, const CopresenceOptions& o) {
  if (o.only != "pairs") {
    std::size_t with_suspect = 0;
    for (const auto& f : r.episodes) with_suspect += f.suspect();
    fmt::print("Missing episodes with a vehicle or phone at or near the child's places inside the window "
               "(+/- {} h): {} finding{}, {} tied to a suspect.\n\n",
               o.window_hours, r.episodes.size(), r.episodes.size() == 1 ? "" : "s", with_suspect);
    for (const EpisodeFinding& f : r.episodes) {
      fmt::print("  {} missing {} to {}\n", d.entity_text(f.child), Describer::date_text(f.missing_from),
                 Describer::date_text(f.returned));
      fmt::print("    episode: {}\n", d.link_text(f.episode_link));
      fmt::print("    place: {} ({}: {})\n", d.entity_text(f.episode_place), f.place_role, d.link_record(f.place_link).text());
      fmt::print("    {} seen ({}, specificity {:.2f}):\n", d.entity_text(f.object), match_text(f), f.specificity);
      print_presence(d, f.sighting);
      if (f.holders.empty()) fmt::print("    tied to nobody in the case (no keeper or user recorded)\n");
      for (const ObjectHolder& h : f.holders) {
        fmt::print("    tied to {}{}{}:\n", d.entity_text(h.person), h.suspect ? " SUSPECT" : "",
                   h.via_intelligence ? " (only through intelligence)" : "");
        for (std::uint32_t l : h.links) fmt::print("        {}\n", d.link_text(l));
      }
      fmt::print("\n");
    }
  }
  if (o.only != "episodes") {
    fmt::print("People at the same or a nearby place within {} h, in different events: {} finding{}.\n", o.window_hours,
               r.pairs.size(), r.pairs.size() == 1 ? "" : "s");
    if (!r.hubs.empty()) fmt::print("Skipped {} busy place(s) (more than {} people):", r.hubs.size(), o.hub_limit);
    for (std::size_t i = 0; i < r.hubs.size() && i < 5; ++i) fmt::print(" {}", d.entity_text(r.hubs[i]));
    fmt::print("\n\n");
    for (const PairFinding& f : r.pairs) {
      fmt::print("  {} and {}, {} apart ({}, specificity {:.2f})\n", d.entity_text(f.person_a), d.entity_text(f.person_b),
                 duration_text(f.gap_seconds), place_match_name(f.match), f.specificity);
      for (int side = 0; side < 2; ++side) {
        const Presence& p = side ? f.b : f.a;
        const auto& via = side ? f.holder_links_b : f.holder_links_a;
        fmt::print("    {}{}:\n", d.entity_text(side ? f.person_b : f.person_a),
                   via.empty() ? "" : " through " + d.entity_text(p.subject));
        for (std::uint32_t l : via) fmt::print("        {}\n", d.link_text(l));
        print_presence(d, p);
      }
      fmt::print("\n");
    }
  }
}

void run_copresence(const CopresenceOptions& o) {
  if (!(o.window_hours >= 0) || !std::isfinite(o.window_hours)) throw UsageError("--window must be 0 or more hours");
  if (!(o.radius_metres >= 0)) throw UsageError("--radius must be 0 or more metres");
  LinkingCase c(o.case_path);
  CopresenceParams params;
  params.window_seconds = static_cast<Timestamp>(std::llround(o.window_hours * 3600));
  params.radius_metres = o.radius_metres;
  params.hub_limit = o.hub_limit;
  params.episodes = o.only != "pairs";
  params.pairs = o.only != "episodes";
  if (!o.entity.empty()) params.focus = c.vertex(o.entity);
  CopresenceResult r = find_copresence(c.graph, describe_places(c.graph, c.data.entities), params);
  if (o.suspects_only) std::erase_if(r.episodes, [](const EpisodeFinding& f) { return !f.suspect(); });
  Describer d(c);
  if (o.format == "json") {
    nlohmann::json out = {{"case", o.case_path},
                          {"window_hours", o.window_hours},
                          {"radius_metres", o.radius_metres},
                          {"hub_limit", o.hub_limit},
                          {"focus", params.focus ? nlohmann::json(c.graph.entity[*params.focus]) : nlohmann::json(nullptr)},
                          {"observations", r.presences},
                          {"episodes", nlohmann::json::array()},
                          {"pairs", nlohmann::json::array()},
                          {"skipped_hubs", nlohmann::json::array()}};
    for (const auto& f : r.episodes) out["episodes"].push_back(episode_json(d, f));
    for (const auto& f : r.pairs) out["pairs"].push_back(pair_json(d, f));
    for (VertexId h : r.hubs) out["skipped_hubs"].push_back(d.entity_json(h));
    std::cout << out.dump(2) << "\n";
  } else {
    print_text(d, r, o);
  }
  CaseFile::Transaction tx(c.file);
  c.file.audit("copresence",
               {{"case", o.case_path}, {"entity", o.entity}, {"window_hours", o.window_hours},
                {"radius_metres", o.radius_metres}, {"hub_limit", o.hub_limit}, {"only", o.only},
                {"suspects_only", o.suspects_only}},
               fmt::format("{} missing-episode and {} person co-presence findings", r.episodes.size(), r.pairs.size()));
  tx.commit();
}

}  // namespace

void add_copresence_command(CLI::App& app) {
  auto o = std::make_shared<CopresenceOptions>();
  CLI::App* cmd = app.add_subcommand(
      "copresence",
      "Temporal co-presence: (a) a vehicle or phone at or near where a missing child was found or went missing\n"
      "from, inside the episode's window; (b) two people at the same or a nearby place within a time window.\n"
      "Nearby: coordinates (lat/lon attributes) within --radius, else the same location or postcode.");
  cmd->add_option("CASE", o->case_path, "Case file (SQLite)")->required();
  cmd->add_option("ID", o->entity, "Only findings involving this entity (named as for `casegraph path`)");
  cmd->add_option("--window", o->window_hours,
                  "Hours: (a) margin around each missing episode; (b) largest gap between the two people")
      ->capture_default_str();
  cmd->add_option("--radius", o->radius_metres, "Metres within which two places with coordinates are nearby")
      ->capture_default_str();
  cmd->add_option("--hub-limit", o->hub_limit, "(b) skip places where more people than this were observed")
      ->capture_default_str();
  cmd->add_option("--only", o->only, "Which findings: episodes, pairs or both")
      ->check(CLI::IsMember({"episodes", "pairs", "both"}))
      ->capture_default_str();
  cmd->add_flag("--suspects-only", o->suspects_only, "(a) only objects tied to a suspect");
  add_text_or_json_format(cmd, o->format);
  cmd->callback([o] { run_copresence(*o); });
}

}  // namespace casegraph::cli
