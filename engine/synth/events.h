#pragma once
// Events before they are written: compact rows of people, phones, vehicles,
// cameras and postcodes by number. The writers turn them into each agency's
// text. `ring` is the planted network an event is evidence of (-1: none), so
// that truth.json can count each network's evidence rows.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/synth/population.h"

namespace casegraph::synth {

enum class Role : std::uint8_t { suspect, victim, witness, reporting };

struct CallRow {
  std::int64_t t = 0;
  std::uint32_t caller = 0;  // phone numbers (6 digits after 07700)
  std::uint32_t called = 0;
  std::uint32_t duration = 0;  // seconds
  std::int32_t ring = -1;
};

struct ReadRow {
  std::int64_t t = 0;
  std::uint32_t vehicle = 0;
  std::uint32_t camera = 0;
  std::int32_t ring = -1;
};

struct EpisodeRow {
  std::int64_t start = 0, reported = 0, end = 0;
  std::uint32_t child = 0;
  std::uint32_t found = kNone;  // postcode where found; kNone: came back, did not say
  std::uint16_t interview = 0;  // texts::interview
  std::int32_t ring = -1;
};

struct Participant {
  std::uint32_t person = 0;
  Role role = Role::victim;
};

struct OccurrenceRow {
  std::int64_t t = 0;
  std::uint32_t place = kNone;  // postcode
  std::uint32_t first = 0;      // into EventSet::participants
  std::uint16_t count = 0;
  std::uint16_t offence = 0;       // texts::offence
  std::uint16_t circumstances = 0;  // texts::circumstances
  std::uint16_t outcome = 0;        // texts::outcome
  std::int32_t ring = -1;
};

struct IntelRow {
  std::int64_t t = 0;
  std::uint32_t subject = kNone;   // person; kNone: not identified
  std::uint32_t vehicle = kNone;
  std::uint32_t postcode = kNone;
  std::uint32_t phone = 0;
  std::uint32_t site = kNone;      // the site at `postcode`, named in the summary
  std::uint32_t about = kNone;     // whom the summary describes by street name (may be the unidentified subject)
  std::uint16_t grading = 0;       // texts::grading
  std::uint16_t summary = 0;       // texts::intel_summary
  std::int32_t ring = -1;
};

struct EventSet {
  std::vector<CallRow> calls;
  std::vector<ReadRow> reads;
  std::vector<EpisodeRow> episodes;
  std::vector<OccurrenceRow> occurrences;
  std::vector<Participant> participants;
  std::vector<IntelRow> intel;

  void add_occurrence(OccurrenceRow occ, std::initializer_list<Participant> people) {
    occ.first = static_cast<std::uint32_t>(participants.size());
    occ.count = static_cast<std::uint16_t>(people.size());
    participants.insert(participants.end(), people.begin(), people.end());
    occurrences.push_back(occ);
  }
  void add_occurrence(OccurrenceRow occ, const std::vector<Participant>& people) {
    occ.first = static_cast<std::uint32_t>(participants.size());
    occ.count = static_cast<std::uint16_t>(people.size());
    participants.insert(participants.end(), people.begin(), people.end());
    occurrences.push_back(occ);
  }
  void clear() {
    calls.clear();
    reads.clear();
    episodes.clear();
    occurrences.clear();
    participants.clear();
    intel.clear();
  }
};

// Stable sort by time: equal times keep the order they were made in, so the
// output is the same on every run.
template <class Row>
void sort_by_time(std::vector<Row>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
}
inline void sort_episodes(std::vector<EpisodeRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const EpisodeRow& a, const EpisodeRow& b) { return a.start < b.start; });
}

}  // namespace casegraph::synth
