#include "engine/normalise/name.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "engine/normalise/text.h"

namespace casegraph::normalise {
namespace {

constexpr std::array<std::string_view, 17> kTitles = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd",
    "reverend", "fr", "sister"};

bool is_title(std::string_view token) {
  return std::find(kTitles.begin(), kTitles.end(), token) != kTitles.end();
}

const std::unordered_map<std::string_view, std::string_view>& family_index() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::string_view> map;
    for (const NameFamily& family : name_families()) {
      map.emplace(family.canonical, family.canonical);
      for (std::string_view variant : family.variants) map.emplace(variant, family.canonical);
    }
    return map;
  }();
  return index;
}

}  // namespace

std::vector<std::string> name_tokens(std::string_view name) {
  const std::string folded = fold(name);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view token(folded.data() + start, end - start);
    if (!is_title(token)) tokens.emplace_back(token);
    start = end + 1;
  }
  return tokens;
}

std::string name_family(std::string_view folded_token) {
  const auto& index = family_index();
  const auto it = index.find(folded_token);
  return std::string(it == index.end() ? folded_token : it->second);
}

}  // namespace casegraph::normalise
