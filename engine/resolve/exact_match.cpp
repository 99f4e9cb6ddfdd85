#include "engine/resolve/exact_match.h"

#include <algorithm>
#include <array>
#include <map>

#include "engine/normalise/text.h"

namespace casegraph {
namespace {

constexpr std::array<const char*, 3> kStrongIdentifiers{"pnc_id", "nhs_number", "passport"};

std::string text_attribute(const nlohmann::json& attributes, const char* name) {
  auto it = attributes.find(name);
  if (it == attributes.end() || !it->is_string()) return {};
  return normalise_identifier_text(it->get<std::string>());
}

}  // namespace

std::string normalise_identifier_text(const std::string& text) {
  // The project's one text folding (also the importer's "text" key), so that
  // José / JOSE and O'Neil / ONEIL agree; a value wholly in a script fold()
  // does not romanise keeps its own (trimmed) text rather than vanishing.
  std::string folded = normalise::fold(text);
  if (!folded.empty()) return folded;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<ExactMatch> exact_matches(std::vector<PersonRecord> people) {
  std::sort(people.begin(), people.end(),
            [](const PersonRecord& x, const PersonRecord& y) { return x.entity_id < y.entity_id; });
  // rule + key -> first entity with it; later entities chain to the first.
  std::map<std::pair<std::string, std::string>, std::int64_t> first;
  std::map<std::pair<std::int64_t, std::int64_t>, ExactMatch> matches;
  auto offer = [&](const PersonRecord& p, const std::string& rule, const std::string& key) {
    auto [it, inserted] = first.emplace(std::make_pair(rule, key), p.entity_id);
    if (inserted) return;
    auto pair = std::make_pair(it->second, p.entity_id);
    matches.emplace(pair, ExactMatch{pair.first, pair.second, rule, key});
  };
  for (const PersonRecord& p : people) {
    for (const char* id : kStrongIdentifiers) {
      std::string value = text_attribute(p.attributes, id);
      if (!value.empty()) offer(p, std::string("exact:") + id, value);
    }
    std::string forename = text_attribute(p.attributes, "forename");
    std::string surname = text_attribute(p.attributes, "surname");
    std::string dob = text_attribute(p.attributes, "dob");
    if (!forename.empty() && !surname.empty() && !dob.empty())
      offer(p, "exact:name+dob", forename + " " + surname + " " + dob);
  }
  std::vector<ExactMatch> out;
  out.reserve(matches.size());
  for (auto& [pair, match] : matches) out.push_back(std::move(match));
  return out;
}

}  // namespace casegraph
