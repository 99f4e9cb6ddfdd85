#include "engine/resolve/exact_match.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "engine/normalise/text.h"

namespace casegraph {
namespace {

constexpr std::array<const char*, 3> kStrongIdentifiers{"pnc_id", "nhs_number", "passport"};
constexpr std::uint8_t kNameDobRule = 3;

std::string text_attribute(const nlohmann::json& attributes, const char* name) {
  auto it = attributes.find(name);
  if (it == attributes.end() || !it->is_string()) return {};
  return normalise_identifier_text(it->get_ref<const std::string&>());
}

// FNV-1a, salted by the rule so that equal text under two rules differs.
std::uint64_t key_hash(std::uint8_t rule, const std::string& text) {
  std::uint64_t h = 1469598103934665603ull ^ (rule * 0x9E3779B97F4A7C15ull);
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

const std::vector<std::string>& exact_rule_names() {
  static const std::vector<std::string> names = {"exact:pnc_id", "exact:nhs_number", "exact:passport",
                                                 "exact:name+dob"};
  return names;
}

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

void append_exact_keys(std::int64_t entity_id, const nlohmann::json& attributes, std::vector<ExactKey>& out) {
  auto add = [&](std::uint8_t rule, std::string text) {
    const std::uint64_t hash = key_hash(rule, text);
    out.push_back({hash, entity_id, rule, std::move(text)});
  };
  for (std::uint8_t r = 0; r < kStrongIdentifiers.size(); ++r) {
    std::string value = text_attribute(attributes, kStrongIdentifiers[r]);
    if (!value.empty()) add(r, std::move(value));
  }
  std::string forename = text_attribute(attributes, "forename");
  if (forename.empty()) return;
  std::string surname = text_attribute(attributes, "surname");
  if (surname.empty()) return;
  std::string dob = text_attribute(attributes, "dob");
  if (dob.empty()) return;
  add(kNameDobRule, forename + " " + surname + " " + dob);
}

std::vector<ExactMatch> exact_matches(std::vector<ExactKey> keys) {
  // Equal keys next to each other, the smallest entity id first in each group.
  std::sort(keys.begin(), keys.end(), [](const ExactKey& x, const ExactKey& y) {
    return std::tie(x.hash, x.rule, x.text, x.entity_id) < std::tie(y.hash, y.rule, y.text, y.entity_id);
  });
  struct Found {
    std::int64_t a, b;
    std::uint8_t rule;
    std::size_t key;  // index of the later entity's key, for the reason text
  };
  std::vector<Found> found;
  for (std::size_t s = 0; s < keys.size();) {
    std::size_t e = s + 1;
    while (e < keys.size() && keys[e].hash == keys[s].hash && keys[e].rule == keys[s].rule &&
           keys[e].text == keys[s].text)
      ++e;
    for (std::size_t k = s + 1; k < e; ++k)
      if (keys[k].entity_id != keys[s].entity_id) found.push_back({keys[s].entity_id, keys[k].entity_id, keys[k].rule, k});
    s = e;
  }
  std::sort(found.begin(), found.end(),
            [](const Found& x, const Found& y) { return std::tie(x.a, x.b, x.rule) < std::tie(y.a, y.b, y.rule); });
  std::vector<ExactMatch> out;
  out.reserve(found.size());
  for (const Found& f : found) {
    if (!out.empty() && out.back().a == f.a && out.back().b == f.b) continue;  // first rule only
    out.push_back({f.a, f.b, exact_rule_names()[f.rule], std::move(keys[f.key].text)});
  }
  return out;
}

std::vector<ExactMatch> exact_matches(const std::vector<PersonRecord>& people) {
  std::vector<ExactKey> keys;
  for (const PersonRecord& p : people) append_exact_keys(p.entity_id, p.attributes, keys);
  return exact_matches(std::move(keys));
}

}  // namespace casegraph
