// Hand-written: no Debian C++ library offers these record-linkage
// comparators, and each is a few lines; tests/scripts/reference_similarity.py
// checks them against jellyfish (Debian's python3-jellyfish) on generated pairs.
#include "engine/similarity/string_similarity.h"

#include <algorithm>
#include <set>

namespace casegraph::similarity {

double jaro_winkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t la = a.size(), lb = b.size();
  const std::size_t longer = std::max(la, lb);
  const std::size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  std::vector<char> matched_a(la, 0), matched_b(lb, 0);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < la; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(i + window + 1, lb);
    for (std::size_t j = lo; j < hi; ++j) {
      if (matched_b[j] || a[i] != b[j]) continue;
      matched_a[i] = matched_b[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t half_transpositions = 0;
  for (std::size_t i = 0, k = 0; i < la; ++i) {
    if (!matched_a[i]) continue;
    while (!matched_b[k]) ++k;
    if (a[i] != b[k]) ++half_transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  const double jaro = (m / static_cast<double>(la) + m / static_cast<double>(lb) + (m - t) / m) / 3.0;
  if (jaro <= 0.7) return jaro;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t la = a.size(), lb = b.size();
  if (la == 0) return lb;
  if (lb == 0) return la;
  // Three rows of the dynamic programme: the transposition looks two back.
  std::vector<std::size_t> before(lb + 1), previous(lb + 1), current(lb + 1);
  for (std::size_t j = 0; j <= lb; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= la; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= lb; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, before[j - 2] + 1);
      current[j] = v;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[lb];
}

double token_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::set<std::string_view> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  if (sa.empty() && sb.empty()) return 1.0;
  std::size_t common = 0;
  for (std::string_view token : sa) common += sb.count(token);
  const std::size_t all = sa.size() + sb.size() - common;
  return static_cast<double>(common) / static_cast<double>(all);
}

}  // namespace casegraph::similarity
