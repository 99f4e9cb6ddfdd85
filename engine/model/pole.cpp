#include "engine/model/pole.h"

#include <array>
#include <cctype>

namespace casegraph {

bool is_event_type(std::string_view type) {
  return type == entity_type::occurrence || type == entity_type::missing_episode ||
         type == entity_type::intelligence || type == entity_type::sighting;
}

std::string Grading::text() const {
  if (source == 0) return {};
  std::string s{source, intelligence};
  if (handling != 0) s += handling;
  return s;
}

double Grading::confidence() const {
  if (source == 0) return 1.0;
  // Source reliability and intelligence assessment each scale the weight;
  // 1A = 1.0, 3E = 0.5 * 0.4 = 0.2.
  static constexpr std::array<double, 3> by_source{1.0, 0.75, 0.5};
  static constexpr std::array<double, 5> by_assessment{1.0, 0.85, 0.7, 0.55, 0.4};
  return by_source[static_cast<std::size_t>(source - '1')] *
         by_assessment[static_cast<std::size_t>(intelligence - 'A')];
}

namespace {

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool in(char c, char lo, char hi) { return c >= lo && c <= hi; }

}  // namespace

std::optional<Grading> parse_grading(std::string_view text, std::string* error) {
  const std::string s = compact_upper(text);
  auto fail = [&](const char* why) -> std::optional<Grading> {
    if (error) *error = std::string("grading '") + std::string(text) + "': " + why;
    return std::nullopt;
  };
  if (s.size() < 2 || s.size() > 3) return fail("expected 3x5x2 such as 2B or 2BP, or 5x5x5 such as B2 or B21");
  Grading g;
  if (in(s[0], '1', '3')) {  // 3x5x2: source 1-3, intelligence A-E, handling P/C (or 1/2)
    if (!in(s[1], 'A', 'E')) return fail("intelligence assessment must be A-E");
    g.source = s[0];
    g.intelligence = s[1];
    if (s.size() == 3) {
      char h = s[2];
      if (h == '1') h = 'P';
      if (h == '2') h = 'C';
      if (h != 'P' && h != 'C') return fail("handling code must be P or C");
      g.handling = h;
    }
    return g;
  }
  if (in(s[0], 'A', 'E')) {  // 5x5x5: source A-E, intelligence 1-5, handling 1-5
    if (!in(s[1], '1', '5')) return fail("5x5x5 intelligence must be 1-5");
    static constexpr std::array<char, 5> source_map{'1', '2', '2', '3', '3'};
    g.source = source_map[static_cast<std::size_t>(s[0] - 'A')];
    g.intelligence = static_cast<char>('A' + (s[1] - '1'));
    if (s.size() == 3) {
      if (!in(s[2], '1', '5')) return fail("5x5x5 handling code must be 1-5");
      // Only code 1 (disseminate to law enforcement) shares freely; 2-5 carry conditions.
      g.handling = s[2] == '1' ? 'P' : 'C';
    }
    return g;
  }
  return fail("expected 3x5x2 such as 2B or 2BP, or 5x5x5 such as B2 or B21");
}

}  // namespace casegraph
