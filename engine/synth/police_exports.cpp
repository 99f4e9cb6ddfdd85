// The police exports: the nominal index, occurrences (one row per person
// involved) and graded intelligence. CR LF line ends, as police systems
// export; dates DD/MM/YYYY.
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "engine/synth/exports.h"
#include "engine/synth/texts.h"

namespace casegraph::synth {

namespace {

std::string nominal_ref(std::uint32_t number) { return fmt::format("N-{:07}", number - 1); }

// The reference a record uses for a person: mostly the main nominal, now and
// then the duplicate when there is one (so evidence splits between the two).
std::uint32_t ref_for(const World& w, std::uint32_t person, std::uint64_t record) {
  const Person& p = w.pop.people[person];
  if (p.nominal2 != 0 && unit_of(hash_keys(w.params.seed, {0xd0b1e, person, record})) < 0.3) return p.nominal2;
  return p.nominal;
}

std::string fill_summary(const World& w, const IntelRow& in) {
  std::string text(texts::summary(in.summary));
  auto replace = [&](std::string_view token, const std::string& value) {
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
      text.replace(at, token.size(), value);
  };
  replace("{alias}", in.about == kNone ? std::string("unknown") : w.noise.street_name(in.about));
  if (in.vehicle != kNone) {
    std::string colour(w.pop.colour(in.vehicle));
    colour[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(colour[0])));
    replace("{vehicle}", fmt::format("{} {}", colour, w.pop.make(in.vehicle)));
  } else {
    replace("{vehicle}", "car");
  }
  if (in.site != kNone) replace("{place}", w.pop.site_name(in.site));
  else if (in.postcode != kNone) replace("{place}", "an address in " + w.pop.postcode(in.postcode));
  else replace("{place}", "an address in town");
  return text;
}

}  // namespace

FileSummary write_police_nominals(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "police_nominals.csv", true);
  out.header({"NominalRef", "Surname", "Forename", "DOB", "Sex", "Alias", "Phone", "Postcode"});
  // (number, person, duplicate), in NominalRef order like an index export.
  struct Entry {
    std::uint32_t number, person;
    bool duplicate;
  };
  std::vector<Entry> entries;
  for (std::uint32_t id = 0; id < w.pop.people.size(); ++id) {
    const Person& p = w.pop.people[id];
    if (p.nominal != 0) entries.push_back({p.nominal, id, false});
    if (p.nominal2 != 0) entries.push_back({p.nominal2, id, true});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.number < b.number; });
  std::uint64_t done = 0;
  for (const Entry& e : entries) {
    const Person& p = w.pop.people[e.person];
    const PersonName name = w.noise.police_name(e.person, e.duplicate);
    const std::string dob = w.noise.police_dob(e.person, e.duplicate);
    const std::string ref = nominal_ref(e.number);
    out.field(ref).field(name.surname).field(name.forename).field(dob).field(p.sex == Sex::female ? "F" : "M");
    out.field(e.duplicate ? std::string() : w.noise.alias(e.person));
    const bool phone = p.phone != 0 && (!e.duplicate || w.noise.style(0x40e2, e.number, {1, 1}) == 0);
    out.field(phone ? Noise::phone(p.phone, w.noise.style(0x40e, e.number, {4, 3, 2, 1, 1})) : std::string());
    out.field(w.noise.postcode(w.pop.home_postcode(e.person), w.noise.style(0x40e1, e.number, {8, 1, 1})));
    out.end_row();
    ctx.truth("police_nominals", ref, ref, e.person);
    ++ctx.tally.nominal_records;
    if (e.duplicate) ++ctx.tally.nominal_duplicates;
    if (dob.empty()) ++ctx.tally.nominal_dob_missing;
    if (++done % 65536 == 0) ctx.progress("police_nominals.csv", done, entries.size());
  }
  out.close();
  ctx.progress("police_nominals.csv", entries.size(), entries.size());
  return {"police_nominals.csv", out.rows(), out.bytes()};
}

FileSummary write_police_occurrences(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "police_occurrences.csv", true);
  out.header({"OccurrenceRef", "ReportedAt", "OffenceType", "LocationPostcode", "NominalRef", "Role", "Circumstances",
              "Outcome"});
  static constexpr std::array<std::string_view, 4> kRoles = {"Suspect", "Victim", "Witness", "Reporting person"};
  EventSet month_rows;
  std::vector<OccurrenceRow> planted_month;
  std::size_t cursor = 0;
  int year = 0;
  std::uint64_t serial = 0, occurrence_index = 0;
  std::vector<Participant> people;
  for (int month = 0; month < kPeriodMonths; ++month) {
    month_rows.clear();
    planted_month.clear();
    cursor = take_month(w.planted.occurrences, cursor, month, planted_month, [](const OccurrenceRow& o) { return o.t; });
    for (OccurrenceRow occ : planted_month) {
      const auto first = w.planted.participants.begin() + occ.first;
      month_rows.add_occurrence(occ, std::vector<Participant>(first, first + occ.count));
    }
    w.background.occurrences(month, month_rows);
    sort_by_time(month_rows.occurrences);
    for (const OccurrenceRow& occ : month_rows.occurrences) {
      const CivilTime when = civil_time(occ.t);
      if (when.date.year != year) {
        year = when.date.year;
        serial = 0;
      }
      const std::string ref = fmt::format("EB/{:02}/{:06}", year % 100, ++serial);
      const std::string reported = dmy_hm(occ.t);
      const std::string place =
          occ.place == kNone ? std::string() : w.noise.postcode(occ.place, w.noise.style(0x0cc, occurrence_index, {8, 1, 1}));
      people.assign(month_rows.participants.begin() + occ.first, month_rows.participants.begin() + occ.first + occ.count);
      std::stable_sort(people.begin(), people.end(),
                       [](const Participant& a, const Participant& b) { return a.role < b.role; });
      for (const Participant& p : people) {
        out.field(ref).field(reported).field(texts::offence_name(occ.offence)).field(place);
        out.field(nominal_ref(ref_for(w, p.person, occurrence_index)));
        out.field(kRoles[static_cast<std::size_t>(p.role)]);
        out.field(texts::circumstances(occ.circumstances)).field(texts::outcome_name(occ.outcome));
        out.end_row();
      }
      if (occ.ring >= 0) ctx.evidence[static_cast<std::size_t>(occ.ring)].occurrence_rows += people.size();
      ++occurrence_index;
    }
    ctx.progress("police_occurrences.csv", static_cast<std::uint64_t>(month + 1), kPeriodMonths);
  }
  out.close();
  return {"police_occurrences.csv", out.rows(), out.bytes()};
}

FileSummary write_intelligence(ExportContext& ctx) {
  const World& w = ctx.world;
  CsvWriter out(ctx.dir / "intelligence.csv", true);
  out.header({"IntelRef", "RecordedOn", "Grading", "SubjectRef", "LinkedVRM", "LinkedPostcode", "LinkedPhone", "Summary"});
  std::vector<IntelRow> rows;
  std::size_t cursor = 0;
  int year = 0;
  std::uint64_t serial = 0, index = 0;
  for (int month = 0; month < kPeriodMonths; ++month) {
    rows.clear();
    cursor = take_month(w.planted.intel, cursor, month, rows, [](const IntelRow& i) { return i.t; });
    w.background.intelligence(month, rows);
    sort_by_time(rows);
    for (const IntelRow& in : rows) {
      const CivilTime when = civil_time(in.t);
      if (when.date.year != year) {
        year = when.date.year;
        serial = 0;
      }
      out.fieldf("INT-{:04}-{:05}", year, ++serial);
      out.field(dmy(in.t)).field(texts::grading(in.grading));
      out.field(in.subject == kNone ? std::string() : nominal_ref(ref_for(w, in.subject, index + (1ULL << 40))));
      out.field(in.vehicle == kNone ? std::string()
                                    : Noise::vrm(w.pop.vrm(in.vehicle), w.noise.style(0x1e7, index, {3, 2, 1, 0.5})));
      out.field(in.postcode == kNone ? std::string() : w.pop.postcode(in.postcode));
      out.field(in.phone == 0 ? std::string() : Noise::phone(in.phone, w.noise.style(0x1e8, index, {3, 1, 3, 0.5, 1})));
      out.field(fill_summary(w, in));
      out.end_row();
      if (in.ring >= 0) ++ctx.evidence[static_cast<std::size_t>(in.ring)].intelligence;
      ++index;
    }
    ctx.progress("intelligence.csv", static_cast<std::uint64_t>(month + 1), kPeriodMonths);
  }
  out.close();
  return {"intelligence.csv", out.rows(), out.bytes()};
}

}  // namespace casegraph::synth
