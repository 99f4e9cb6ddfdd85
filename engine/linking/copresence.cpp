#include "engine/linking/copresence.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_person(const CaseGraph& cg, VertexId v) { return cg.type[v] == entity_type::person; }
bool is_object(const CaseGraph& cg, VertexId v) {
  return cg.type[v] == entity_type::vehicle || cg.type[v] == entity_type::phone;
}
bool is_place(const CaseGraph& cg, VertexId v) { return cg.type[v] == entity_type::location; }
// Events that observe someone somewhere. An intelligence report is a claim
// recorded on a date, not an observation at its place.
bool is_observation(const CaseGraph& cg, VertexId v) {
  return is_event_type(cg.type[v]) && cg.type[v] != entity_type::intelligence;
}

std::string compact_postcode(std::string_view text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<double> number_attribute(const nlohmann::json& attrs, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = attrs.find(name);
    if (it == attrs.end()) continue;
    if (it->is_number()) return it->get<double>();
    if (it->is_string()) {
      try {
        std::size_t used = 0;
        const std::string s = it->get<std::string>();
        double v = std::stod(s, &used);
        if (used == s.size() && std::isfinite(v)) return v;
      } catch (const std::exception&) {
      }
    }
  }
  return std::nullopt;
}

// Incident links of every vertex (indices into cg.links).
std::vector<std::vector<std::uint32_t>> incidence(const CaseGraph& cg) {
  std::vector<std::vector<std::uint32_t>> inc(cg.graph.num_vertices());
  for (std::size_t i = 0; i < cg.links.size(); ++i) {
    const VertexId a = cg.vertex(cg.links[i].source), b = cg.vertex(cg.links[i].target);
    inc[a].push_back(static_cast<std::uint32_t>(i));
    if (b != a) inc[b].push_back(static_cast<std::uint32_t>(i));
  }
  return inc;
}

VertexId other_end(const CaseGraph& cg, const LinkRow& l, VertexId v) {
  const VertexId a = cg.vertex(l.source);
  return a == v ? cg.vertex(l.target) : a;
}

// Places grouped so that one group is "the same place": one postcode, or one
// location entity without a postcode. Groups with coordinates also know their
// neighbours within the radius (a uniform grid of radius-sized cells).
struct PlaceGroups {
  std::vector<std::uint32_t> group_of;          // vertex -> group (only for locations)
  std::vector<std::optional<GeoPoint>> point;   // group -> coordinates
  std::vector<std::vector<std::uint32_t>> near; // group -> other groups within radius

  PlaceGroups(const CaseGraph& cg, const std::vector<PlaceInfo>& places, double radius) {
    const VertexId n = cg.graph.num_vertices();
    group_of.assign(n, UINT32_MAX);
    std::unordered_map<std::string, std::uint32_t> by_postcode;
    for (VertexId v = 0; v < n; ++v) {
      if (!is_place(cg, v)) continue;
      const PlaceInfo* info = v < places.size() ? &places[v] : nullptr;
      std::uint32_t g;
      if (info && !info->postcode.empty()) {
        auto [it, fresh] = by_postcode.emplace(info->postcode, static_cast<std::uint32_t>(point.size()));
        g = it->second;
        if (fresh) point.emplace_back();
      } else {
        g = static_cast<std::uint32_t>(point.size());
        point.emplace_back();
      }
      group_of[v] = g;
      if (info && info->point && !point[g]) point[g] = info->point;
    }
    near.assign(point.size(), {});
    link_nearby(radius);
  }

  void link_nearby(double radius) {
    if (!(radius > 0)) return;
    double max_abs_lat = 0;
    for (const auto& p : point)
      if (p) max_abs_lat = std::max(max_abs_lat, std::abs(p->lat));
    const double cell_lat = radius / 111195.0 * 1.01;  // degrees of latitude per radius, with a margin
    const double cell_lon = cell_lat / std::max(0.01, std::cos(std::min(89.0, max_abs_lat + cell_lat) * M_PI / 180.0));
    std::map<std::pair<long long, long long>, std::vector<std::uint32_t>> grid;
    auto cell = [&](GeoPoint p) {
      return std::pair{static_cast<long long>(std::floor(p.lat / cell_lat)), static_cast<long long>(std::floor(p.lon / cell_lon))};
    };
    for (std::uint32_t g = 0; g < point.size(); ++g)
      if (point[g]) grid[cell(*point[g])].push_back(g);
    for (std::uint32_t g = 0; g < point.size(); ++g) {
      if (!point[g]) continue;
      auto [cy, cx] = cell(*point[g]);
      for (long long dy = -1; dy <= 1; ++dy)
        for (long long dx = -1; dx <= 1; ++dx) {
          auto it = grid.find({cy + dy, cx + dx});
          if (it == grid.end()) continue;
          for (std::uint32_t h : it->second)
            if (h != g && haversine_metres(*point[g], *point[h]) <= radius) near[g].push_back(h);
        }
      std::sort(near[g].begin(), near[g].end());
    }
  }

  // How two places match, or nullopt when they are not the same or nearby.
  std::optional<std::pair<PlaceMatch, double>> match(VertexId a, VertexId b) const {
    const std::uint32_t ga = group_of[a], gb = group_of[b];
    double d = point[ga] && point[gb] ? haversine_metres(*point[ga], *point[gb]) : 0.0;
    if (a == b) return std::pair{PlaceMatch::same_location, 0.0};
    if (ga == gb) return std::pair{PlaceMatch::same_postcode, d};
    if (std::binary_search(near[ga].begin(), near[ga].end(), gb)) return std::pair{PlaceMatch::within_radius, d};
    return std::nullopt;
  }
};

struct Context {
  const CaseGraph& cg;
  const CopresenceParams& params;
  std::vector<std::vector<std::uint32_t>> inc;
  std::vector<char> suspect;
  std::vector<std::vector<ObjectHolder>> holders;  // object vertex -> people tied to it

  Context(const CaseGraph& g, const CopresenceParams& pr) : cg(g), params(pr), inc(incidence(g)) {
    const VertexId n = cg.graph.num_vertices();
    suspect.assign(n, 0);
    for (const LinkRow& l : cg.links)
      if (contains(params.suspect_link_types, l.type)) {
        if (is_person(cg, cg.vertex(l.source))) suspect[cg.vertex(l.source)] = 1;
        if (is_person(cg, cg.vertex(l.target))) suspect[cg.vertex(l.target)] = 1;
      }
    holders.assign(n, {});
    for (VertexId o = 0; o < n; ++o) {
      if (!is_object(cg, o)) continue;
      std::map<VertexId, ObjectHolder> found;
      for (std::uint32_t l : inc[o]) {
        const VertexId x = other_end(cg, cg.links[l], o);
        if (is_person(cg, x)) {
          ObjectHolder& h = found[x];
          if (h.via_intelligence) h = ObjectHolder{};  // a direct tie replaces one through a report
          h.person = x;
          h.links.push_back(l);
        } else if (cg.type[x] == entity_type::intelligence) {
          for (std::uint32_t m : inc[x]) {
            const VertexId p = other_end(cg, cg.links[m], x);
            if (!is_person(cg, p) || found.contains(p)) continue;
            found[p] = ObjectHolder{p, {m, l}, true, false};
          }
        }
      }
      for (auto& [who, h] : found) {
        h.suspect = suspect[who] != 0;
        holders[o].push_back(h);
      }
    }
  }
};

std::vector<Presence> presences_of(const Context& ctx) {
  const CaseGraph& cg = ctx.cg;
  std::vector<Presence> out;
  for (VertexId e = 0; e < cg.graph.num_vertices(); ++e) {
    if (!is_observation(cg, e)) continue;
    std::vector<std::uint32_t> subjects, places;
    for (std::uint32_t l : ctx.inc[e]) {
      const VertexId x = other_end(cg, cg.links[l], e);
      if (is_place(cg, x)) places.push_back(l);
      else if ((is_person(cg, x) || is_object(cg, x)) && !contains(ctx.params.absent_link_types, cg.links[l].type))
        subjects.push_back(l);
    }
    for (std::uint32_t s : subjects)
      for (std::uint32_t p : places) {
        // The place link dates the observation (a read, where a child was found);
        // else the subject's link (an occurrence's report time).
        const LinkRow& by = cg.links[p].start || cg.links[p].end ? cg.links[p] : cg.links[s];
        if (!by.start && !by.end) continue;
        Presence pr;
        pr.subject = other_end(cg, cg.links[s], e);
        pr.event = e;
        pr.place = other_end(cg, cg.links[p], e);
        pr.start = by.start.value_or(*by.end);
        pr.end = by.end.value_or(pr.start);
        if (pr.end < pr.start) std::swap(pr.start, pr.end);
        pr.subject_link = s;
        pr.place_link = p;
        out.push_back(pr);
      }
  }
  return out;
}

// Presences per place group, sorted by start, with the longest duration in each
// group (for the window search).
struct ByPlace {
  std::vector<std::vector<std::uint32_t>> items;
  std::vector<Timestamp> longest;
  std::vector<std::uint32_t> distinct;

  ByPlace(const std::vector<Presence>& ps, const PlaceGroups& groups, std::size_t n_groups,
          const std::vector<VertexId>& who) : items(n_groups), longest(n_groups, 0), distinct(n_groups, 0) {
    for (std::uint32_t i = 0; i < ps.size(); ++i) {
      const std::uint32_t g = groups.group_of[ps[i].place];
      items[g].push_back(i);
      longest[g] = std::max(longest[g], ps[i].end - ps[i].start);
    }
    for (std::size_t g = 0; g < n_groups; ++g) {
      std::sort(items[g].begin(), items[g].end(), [&](std::uint32_t x, std::uint32_t y) {
        return ps[x].start != ps[y].start ? ps[x].start < ps[y].start : x < y;
      });
      std::set<VertexId> seen;
      for (std::uint32_t i : items[g]) seen.insert(who[i]);
      distinct[g] = static_cast<std::uint32_t>(seen.size());
    }
  }

  // Indices of presences in group g whose interval meets [from, to].
  template <class F>
  void overlapping(const std::vector<Presence>& ps, std::uint32_t g, Timestamp from, Timestamp to, F&& f) const {
    const auto& list = items[g];
    auto it = std::lower_bound(list.begin(), list.end(), from - longest[g],
                               [&](std::uint32_t i, Timestamp t) { return ps[i].start < t; });
    for (; it != list.end() && ps[*it].start <= to; ++it)
      if (ps[*it].end >= from) f(*it);
  }
};

double specificity_of(std::uint32_t distinct) { return distinct <= 2 ? 1.0 : 1.0 / static_cast<double>(distinct - 1); }

void find_episode_findings(const Context& ctx, const PlaceGroups& groups, const std::vector<Presence>& all,
                           CopresenceResult& out) {
  const CaseGraph& cg = ctx.cg;
  std::vector<Presence> objects;
  std::vector<VertexId> who;
  for (const Presence& p : all)
    if (is_object(cg, p.subject)) {
      objects.push_back(p);
      who.push_back(p.subject);
    }
  ByPlace index(objects, groups, groups.point.size(), who);
  const Timestamp margin = ctx.params.window_seconds;
  for (VertexId ep = 0; ep < cg.graph.num_vertices(); ++ep) {
    if (cg.type[ep] != entity_type::missing_episode) continue;
    // The child and the window: a person-episode link with a date.
    for (std::uint32_t cl : ctx.inc[ep]) {
      const LinkRow& child_link = cg.links[cl];
      const VertexId child = other_end(cg, child_link, ep);
      if (!is_person(cg, child) || (!child_link.start && !child_link.end)) continue;
      const Timestamp from = child_link.start.value_or(*child_link.end);
      const Timestamp to = std::max(from, child_link.end.value_or(from));
      // Places of the episode: where found, then the child's homes.
      std::vector<std::pair<std::uint32_t, VertexId>> places;
      for (std::uint32_t l : ctx.inc[ep])
        if (VertexId x = other_end(cg, cg.links[l], ep); is_place(cg, x)) places.push_back({l, x});
      for (std::uint32_t l : ctx.inc[child])
        if (VertexId x = other_end(cg, cg.links[l], child);
            is_place(cg, x) && contains(ctx.params.home_link_types, cg.links[l].type))
          places.push_back({l, x});
      std::set<std::pair<VertexId, VertexId>> seen;  // (sighting event, object)
      for (auto [place_link, place] : places) {
        const std::uint32_t g = groups.group_of[place];
        std::vector<std::uint32_t> search{g};
        search.insert(search.end(), groups.near[g].begin(), groups.near[g].end());
        for (std::uint32_t h : search) {
          index.overlapping(objects, h, from - margin, to + margin, [&](std::uint32_t i) {
            const Presence& s = objects[i];
            if (!seen.insert({s.event, s.subject}).second) return;
            auto m = groups.match(place, s.place);
            if (!m) return;
            EpisodeFinding f;
            f.child = child;
            f.episode = ep;
            f.missing_from = from;
            f.returned = to;
            f.episode_link = cl;
            f.episode_place = place;
            f.place_role = cg.links[place_link].type;
            f.place_link = place_link;
            f.object = s.subject;
            f.sighting = s;
            f.holders = ctx.holders[s.subject];
            f.match = m->first;
            f.distance_metres = m->second;
            f.specificity = specificity_of(index.distinct[groups.group_of[s.place]]);
            out.episodes.push_back(std::move(f));
          });
        }
      }
    }
  }
  std::sort(out.episodes.begin(), out.episodes.end(), [](const EpisodeFinding& x, const EpisodeFinding& y) {
    return std::tie(x.child, x.missing_from, x.episode, x.sighting.start, x.object, x.sighting.event) <
           std::tie(y.child, y.missing_from, y.episode, y.sighting.start, y.object, y.sighting.event);
  });
}

void find_pair_findings(const Context& ctx, const PlaceGroups& groups, const std::vector<Presence>& all,
                        CopresenceResult& out) {
  const CaseGraph& cg = ctx.cg;
  // Observations of people: direct, or through an object they hold (not through
  // intelligence alone: a report mentioning a car does not put its subject in it).
  std::vector<Presence> obs;
  std::vector<VertexId> person;
  std::vector<std::vector<std::uint32_t>> via;
  for (const Presence& p : all) {
    if (is_person(cg, p.subject)) {
      obs.push_back(p);
      person.push_back(p.subject);
      via.push_back({});
    } else {
      for (const ObjectHolder& h : ctx.holders[p.subject]) {
        if (h.via_intelligence) continue;
        obs.push_back(p);
        person.push_back(h.person);
        via.push_back(h.links);
      }
    }
  }
  ByPlace index(obs, groups, groups.point.size(), person);
  std::vector<char> hub(groups.point.size(), 0);
  for (std::size_t g = 0; g < hub.size(); ++g) hub[g] = index.distinct[g] > ctx.params.hub_limit ? 1 : 0;
  for (VertexId v = 0; v < cg.graph.num_vertices(); ++v)
    if (is_place(cg, v) && hub[groups.group_of[v]] && !index.items[groups.group_of[v]].empty()) out.hubs.push_back(v);
  const Timestamp window = ctx.params.window_seconds;
  std::set<std::tuple<VertexId, VertexId, VertexId, VertexId>> seen;
  for (std::uint32_t g = 0; g < hub.size(); ++g) {
    if (hub[g]) continue;
    std::vector<std::uint32_t> others{g};
    for (std::uint32_t h : groups.near[g])
      if (h > g && !hub[h]) others.push_back(h);
    for (std::uint32_t i : index.items[g]) {
      for (std::uint32_t h : others) {
        index.overlapping(obs, h, obs[i].start - window, obs[i].end + window, [&](std::uint32_t j) {
          if (h == g && j <= i) return;  // each pair once within a group
          if (person[i] == person[j] || obs[i].event == obs[j].event) return;
          const bool swap = person[j] < person[i];
          const std::uint32_t x = swap ? j : i, y = swap ? i : j;
          if (!seen.insert({person[x], person[y], obs[x].event, obs[y].event}).second) return;
          auto m = groups.match(obs[x].place, obs[y].place);
          if (!m) return;
          PairFinding f;
          f.person_a = person[x];
          f.person_b = person[y];
          f.a = obs[x];
          f.b = obs[y];
          f.holder_links_a = via[x];
          f.holder_links_b = via[y];
          f.match = m->first;
          f.distance_metres = m->second;
          f.gap_seconds = std::max<Timestamp>(0, std::max(obs[x].start, obs[y].start) - std::min(obs[x].end, obs[y].end));
          f.specificity = std::min(specificity_of(index.distinct[groups.group_of[obs[x].place]]),
                                   specificity_of(index.distinct[groups.group_of[obs[y].place]]));
          out.pairs.push_back(std::move(f));
        });
      }
    }
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const PairFinding& x, const PairFinding& y) {
    return std::tie(x.person_a, x.person_b, x.a.start, x.b.start, x.a.event, x.b.event) <
           std::tie(y.person_a, y.person_b, y.a.start, y.b.start, y.a.event, y.b.event);
  });
}

bool involves(const EpisodeFinding& f, VertexId v) {
  if (f.child == v || f.episode == v || f.object == v) return true;
  return std::any_of(f.holders.begin(), f.holders.end(), [&](const ObjectHolder& h) { return h.person == v; });
}

bool involves(const PairFinding& f, VertexId v) {
  return f.person_a == v || f.person_b == v || f.a.subject == v || f.b.subject == v;
}

}  // namespace

double haversine_metres(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double rad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string_view place_match_name(PlaceMatch m) {
  switch (m) {
    case PlaceMatch::same_location: return "same_location";
    case PlaceMatch::same_postcode: return "same_postcode";
    case PlaceMatch::within_radius: return "within_radius";
  }
  return "";
}

std::vector<PlaceInfo> describe_places(const CaseGraph& cg, const std::vector<EntityRow>& entities) {
  std::vector<PlaceInfo> places(cg.graph.num_vertices());
  // Canonical entities first, so a merged duplicate only fills what is missing.
  std::vector<const EntityRow*> ordered;
  for (const EntityRow& e : entities)
    if (e.type == entity_type::location) ordered.push_back(&e);
  std::sort(ordered.begin(), ordered.end(), [](auto* x, auto* y) { return x->id < y->id; });
  for (const EntityRow* e : ordered) {
    auto it = cg.vertex_of.find(e->id);
    if (it == cg.vertex_of.end()) continue;  // merged into another identity
    PlaceInfo& info = places[it->second];
    if (info.postcode.empty()) {
      if (e->key.rfind("postcode:", 0) == 0) info.postcode = compact_postcode(e->key.substr(9));
      else if (auto pc = e->attributes.find("postcode"); pc != e->attributes.end() && pc->is_string())
        info.postcode = compact_postcode(pc->get<std::string>());
    }
    if (!info.point) {
      auto lat = number_attribute(e->attributes, {"lat", "latitude"});
      auto lon = number_attribute(e->attributes, {"lon", "lng", "longitude"});
      if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180) info.point = GeoPoint{*lat, *lon};
    }
  }
  return places;
}

bool EpisodeFinding::suspect() const {
  return std::any_of(holders.begin(), holders.end(), [](const ObjectHolder& h) { return h.suspect; });
}

std::vector<std::uint32_t> EpisodeFinding::links() const {
  std::vector<std::uint32_t> out{episode_link, place_link, sighting.subject_link, sighting.place_link};
  for (const ObjectHolder& h : holders) out.insert(out.end(), h.links.begin(), h.links.end());
  return out;
}

std::vector<std::uint32_t> PairFinding::links() const {
  std::vector<std::uint32_t> out{a.subject_link, a.place_link, b.subject_link, b.place_link};
  out.insert(out.end(), holder_links_a.begin(), holder_links_a.end());
  out.insert(out.end(), holder_links_b.begin(), holder_links_b.end());
  return out;
}

std::vector<Presence> extract_presences(const CaseGraph& cg, const CopresenceParams& params) {
  return presences_of(Context(cg, params));
}

CopresenceResult find_copresence(const CaseGraph& cg, const std::vector<PlaceInfo>& places,
                                 const CopresenceParams& params) {
  Context ctx(cg, params);
  PlaceGroups groups(cg, places, params.radius_metres);
  std::vector<Presence> all = presences_of(ctx);
  CopresenceResult out;
  out.presences = all.size();
  if (params.episodes) find_episode_findings(ctx, groups, all, out);
  if (params.pairs) find_pair_findings(ctx, groups, all, out);
  if (params.focus) {
    const VertexId v = *params.focus;
    std::erase_if(out.episodes, [&](const EpisodeFinding& f) { return !involves(f, v); });
    std::erase_if(out.pairs, [&](const PairFinding& f) { return !involves(f, v); });
  }
  return out;
}

}  // namespace casegraph
