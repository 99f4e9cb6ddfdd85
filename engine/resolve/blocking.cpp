#include "engine/resolve/blocking.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <tuple>

namespace casegraph::resolve {
namespace {

// FNV-1a over the key's text, salted by the key's index so that equal text
// under two keys (a phone and an id of the same digits) is not one block.
std::uint64_t hash_key(std::size_t key, const std::string& text) {
  if (text.empty()) return 0;
  std::uint64_t h = 1469598103934665603ull ^ (key * 0x9E3779B97F4A7C15ull);
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

std::string year_of(const DateParts& d) { return d.year ? std::to_string(d.year) : std::string(); }

std::string both(const std::string& a, const std::string& b) { return a.empty() || b.empty() ? std::string() : a + '|' + b; }

using KeyFunction = std::function<std::string(const PersonFeatures&)>;

const std::vector<std::pair<std::string, KeyFunction>>& key_functions() {
  static const std::vector<std::pair<std::string, KeyFunction>> keys = {
      {"surname sound + birth year", [](const PersonFeatures& p) { return both(p.surname_phonetic, year_of(p.dob)); }},
      {"date of birth",
       [](const PersonFeatures& p) {
         return p.dob.year && p.dob.month && p.dob.day
                    ? std::to_string(p.dob.year * 10000 + p.dob.month * 100 + p.dob.day)
                    : std::string();
       }},
      {"forename sound + surname sound",
       [](const PersonFeatures& p) { return both(p.forename_phonetic, p.surname_phonetic); }},
      {"forename sound + birth year", [](const PersonFeatures& p) { return both(p.forename_phonetic, year_of(p.dob)); }},
      {"forename sound + birth day and month",
       [](const PersonFeatures& p) {
         return p.dob.month && p.dob.day ? both(p.forename_phonetic, std::to_string(p.dob.month * 100 + p.dob.day))
                                         : std::string();
       }},
      // The second phonetic key, in either order: Soundex agrees where a
      // transposed or dropped letter splits NYSIIS (Rowe/Rwoe), and a
      // forename and surname swapped between records (a common clerical
      // error the comparison already scores) still share the block.
      {"name sounds in either order (Soundex)",
       [](const PersonFeatures& p) {
         return p.forename_soundex < p.surname_soundex ? both(p.forename_soundex, p.surname_soundex)
                                                       : both(p.surname_soundex, p.forename_soundex);
       }},
      {"postcode + forename initial",
       [](const PersonFeatures& p) { return both(p.postcode, p.forename.substr(0, 1)); }},
      {"national id", [](const PersonFeatures& p) { return p.national_id; }},
      {"phone", [](const PersonFeatures& p) { return p.phone; }},
      {"email", [](const PersonFeatures& p) { return p.email; }},
  };
  return keys;
}

}  // namespace

const std::vector<std::string>& blocking_key_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, f] : key_functions()) out.push_back(name);
    return out;
  }();
  return names;
}

BlockingPlan plan_blocks(const std::vector<PersonFeatures>& people, const BlockingOptions& options) {
  const auto& functions = key_functions();
  const std::size_t n = people.size();
  BlockingPlan plan;
  plan.window = options.window;
  plan.key_count = functions.size();
  plan.keys.assign(n * plan.key_count, 0);
  plan.members.resize(functions.size());
  plan.stats.resize(functions.size());
  // Keys are independent: one thread per key.
#pragma omp parallel for schedule(dynamic, 1)
  for (std::size_t k = 0; k < functions.size(); ++k) {
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = hash_key(k, functions[k].second(people[i]));
    std::vector<std::uint32_t> order;
    order.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i)
      if (keys[i] != 0) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
    });
    plan.stats[k].name = functions[k].first;
    std::vector<std::uint32_t> kept;  // only blocks of two or more records
    std::vector<Block> blocks;
    for (std::size_t s = 0; s < order.size();) {
      std::size_t e = s + 1;
      while (e < order.size() && keys[order[e]] == keys[order[s]]) ++e;
      const std::size_t size = e - s;
      if (size < 2) {
        keys[order[s]] = 0;  // a key nobody shares cannot be the first shared key
      } else {
        const bool windowed = size > options.max_block;
        auto first = static_cast<std::uint32_t>(kept.size());
        kept.insert(kept.end(), order.begin() + static_cast<std::ptrdiff_t>(s),
                    order.begin() + static_cast<std::ptrdiff_t>(e));
        if (windowed) {
          std::sort(kept.begin() + first, kept.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(people[a].surname, people[a].forename, a) < std::tie(people[b].surname, people[b].forename, b);
          });
          // Windowed pairs are not all compared, so this key must not hide
          // pairs from later keys: its hash is cleared for these records.
          for (std::size_t x = s; x < e; ++x) keys[order[x]] = 0;
          ++plan.stats[k].oversized;
          plan.stats[k].oversized_records += size;
        }
        ++plan.stats[k].blocks;
        plan.stats[k].largest = std::max(plan.stats[k].largest, size);
        blocks.push_back({static_cast<std::uint32_t>(k), first, static_cast<std::uint32_t>(kept.size()), windowed});
      }
      s = e;
    }
    plan.members[k] = std::move(kept);
    for (std::size_t i = 0; i < n; ++i) plan.keys[i * plan.key_count + k] = keys[i];
#pragma omp critical(casegraph_blocking_blocks)
    plan.blocks.insert(plan.blocks.end(), blocks.begin(), blocks.end());
  }
  // Blocks in a fixed order whatever the thread count.
  std::sort(plan.blocks.begin(), plan.blocks.end(),
            [](const Block& a, const Block& b) { return a.key != b.key ? a.key < b.key : a.begin < b.begin; });
  return plan;
}

}  // namespace casegraph::resolve
