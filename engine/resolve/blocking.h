#pragma once
// Stage 2: blocking. Comparing every pair of a million records is 5e11
// comparisons; comparing only pairs that share a blocking key keeps the work
// near-linear. Several keys, each tolerant of a different kind of error, so a
// true pair missed by one (a surname typo, a swapped date) is caught by
// another:
//   surname sound + birth year      forename sound + birth year
//   full date of birth              forename sound + surname sound
//   forename sound + birth day/month (a year typo or a changed surname)
//   forename and surname Soundex, in either order (a second phonetic
//     algorithm for what splits NYSIIS, and names swapped between records)
//   postcode + forename initial     national id     phone     email
// "sound" is NYSIIS (engine/similarity/phonetic.h).
// A pair sharing several keys is compared once: it is emitted only under the
// first key it shares. A block larger than max_block (a common name, a
// default date) would cost its size squared; it is compared within a sliding
// window instead, ordered by surname and forename (sorted neighbourhood), and
// counted in the stats so that the command can say so. max_block bounds
// the comparisons per record and key (at most max_block/2 on average, or
// `window`), whatever the case size: at a million records the keys of few
// values (forename sound + birth year: ~50 x 80 values) make blocks of
// hundreds, and comparing them whole was most of the 57M candidate pairs.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/resolve/person_features.h"

namespace casegraph::resolve {

struct BlockingOptions {
  std::size_t max_block = 40;  // records; larger blocks use the window (bounds the work per record)
  std::size_t window = 10;     // records each one is compared with in an oversized block
};

struct BlockingKeyStats {
  std::string name;
  std::size_t blocks = 0;            // of two or more records
  std::size_t oversized = 0;         // blocks over max_block, windowed
  std::size_t oversized_records = 0;
  std::size_t largest = 0;
  std::size_t pairs = 0;             // compared under this key (first shared key), filled by the matcher
};

struct Block {
  std::uint32_t key = 0;     // index of the blocking key
  std::uint32_t begin = 0;   // range in BlockingPlan::members[key]
  std::uint32_t end = 0;
  bool windowed = false;
};

struct BlockingPlan {
  // [record * key_count + key]: hash, 0 when none or windowed. One record's
  // keys side by side: the first-shared-key test reads them for every pair.
  std::vector<std::uint64_t> keys;
  std::size_t key_count = 0;
  std::vector<std::vector<std::uint32_t>> members;  // [key]: record indices, grouped by block
  std::vector<Block> blocks;
  std::vector<BlockingKeyStats> stats;
  std::size_t window = 0;

  // Calls emit(i, j) for each pair of block b not emitted under an earlier key.
  template <typename Emit>
  void for_each_pair(std::size_t b, Emit&& emit) const {
    for_each_pair_of_block(b, /*first_key_only=*/true, emit);
  }
  // Every pair block b compares (all, or the window's), whether or not an
  // earlier key shares it: what EM trained on one key needs to see.
  template <typename Emit>
  void for_each_pair_of_block(std::size_t b, bool first_key_only, Emit&& emit) const {
    const Block& block = blocks[b];
    const std::vector<std::uint32_t>& m = members[block.key];
    for (std::uint32_t x = block.begin; x < block.end; ++x) {
      const std::uint32_t last = block.windowed ? std::min<std::uint32_t>(block.end, x + 1 + static_cast<std::uint32_t>(window))
                                                : block.end;
      for (std::uint32_t y = x + 1; y < last; ++y) {
        const std::uint32_t i = std::min(m[x], m[y]), j = std::max(m[x], m[y]);
        if (first_key_only && !first_shared_key(i, j, block.key)) continue;
        emit(i, j);
      }
    }
  }

 private:
  bool first_shared_key(std::uint32_t i, std::uint32_t j, std::uint32_t key) const {
    const std::uint64_t* ki = keys.data() + static_cast<std::size_t>(i) * key_count;
    const std::uint64_t* kj = keys.data() + static_cast<std::size_t>(j) * key_count;
    for (std::uint32_t k = 0; k < key; ++k)
      if (ki[k] != 0 && ki[k] == kj[k]) return false;
    return true;
  }
};

BlockingPlan plan_blocks(const std::vector<PersonFeatures>& people, const BlockingOptions& options = {});

// Names of the keys, in order.
const std::vector<std::string>& blocking_key_names();

}  // namespace casegraph::resolve
