// `casegraph synth` (engine/synth): the same seed gives the same bytes; rows
// scale with people; every CSV is RFC 4180 with the columns its spec names
// (read with toml++, independently of the importer); truth.json agrees with
// the CSVs; identity noise appears at the configured rates; identifiers are
// fictional; and the whole output imports through the importer without error.
// Populations are small (1,000-6,000 people) and background volumes low, so
// the suite runs in seconds.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "engine/model/pole.h"
#include "engine/store/case_file.h"
#include "engine/synth/identities.h"
#include "engine/synth/synth.h"
#include "engine/synth/texts.h"
#include "importers/csv_importer.h"
#include "importers/csv_reader.h"
#include "importers/import_order.h"
#include "importers/mapping_spec.h"
#include "tests/cli_support.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;
using Table = std::vector<std::vector<std::string>>;  // header first
using test::slurp;

const char* const kCsvs[] = {"police_nominals.csv",     "police_occurrences.csv", "intelligence.csv",
                             "social_care_missing.csv", "vehicle_keepers.csv",    "anpr_reads.csv",
                             "call_records.csv"};

synth::SynthParams light(std::uint64_t people, std::uint64_t seed) {
  synth::SynthParams p;
  p.people = people;
  p.seed = seed;
  p.volumes.calls_per_phone = 3;
  p.volumes.reads_per_vehicle = 3;
  return p;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("casegraph_synth_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

Table read_csv(const fs::path& file) {
  CsvReader reader(file);
  Table rows;
  CsvRecord record;
  while (reader.next(record)) rows.push_back(record.fields);
  return rows;
}

std::size_t column(const Table& t, const std::string& name) {
  const auto& header = t.at(0);
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) throw std::runtime_error("no column " + name);
  return static_cast<std::size_t>(it - header.begin());
}

// Every column a spec refers to, read with toml++ (not the importer's parser).
std::set<std::string> spec_columns(const fs::path& spec_file) {
  const toml::table spec = toml::parse_file(spec_file.string());
  std::set<std::string> columns;
  auto add = [&](const toml::node* node) {
    if (node != nullptr && node->is_string()) columns.insert(std::string(*node->value<std::string>()));
  };
  if (const auto* source = spec["source"].as_table()) add(source->get("record_id"));
  if (const auto* dates = spec["dates"].as_table())
    for (const auto& [key, value] : *dates) columns.insert(std::string(key.str()));
  static const std::regex placeholder(R"(\{([^{}]+)\})");
  if (const auto* entities = spec["entity"].as_array())
    for (const auto& node : *entities) {
      const auto& e = *node.as_table();
      if (const auto* keys = e["key"].as_array())
        for (const auto& k : *keys) add(&k);
      for (const char* field : {"time", "end_time", "grading"}) add(e.get(field));
      if (const auto* attributes = e["attributes"].as_table())
        for (const auto& [name, col] : *attributes) add(&col);
      if (const auto label = e["label"].value<std::string>())
        for (std::sregex_iterator it(label->begin(), label->end(), placeholder), end; it != end; ++it)
          columns.insert((*it)[1]);
    }
  if (const auto* links = spec["link"].as_array())
    for (const auto& node : *links) {
      const auto& l = *node.as_table();
      for (const char* field : {"type_column", "start", "end", "weight_column", "grading"}) add(l.get(field));
    }
  return columns;
}

class SynthTest : public ::testing::Test {
 protected:
  // One generated case shared by the read-only tests: 2,000 people, seed 11.
  static void SetUpTestSuite() {
    dir_ = scratch("shared");
    report_ = synth::synthesize(light(2000, 11), dir_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static fs::path dir_;
  static synth::SynthReport report_;
};

fs::path SynthTest::dir_;
synth::SynthReport SynthTest::report_;

TEST_F(SynthTest, WritesEveryExportSpecAndTruthFile) {
  for (const char* csv : kCsvs) {
    EXPECT_TRUE(fs::exists(dir_ / csv)) << csv;
    EXPECT_TRUE(fs::exists(dir_ / (fs::path(csv).stem().string() + ".toml"))) << csv;
  }
  for (const char* file : {"IMPORT_ORDER", "truth.json", "truth_records.csv"}) EXPECT_TRUE(fs::exists(dir_ / file)) << file;
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_NE(entry.path().extension(), ".partial") << entry.path();
  ASSERT_EQ(report_.files.size(), 8U);
  EXPECT_EQ(report_.people, 2000U);
  EXPECT_GE(report_.networks, 4U);
  for (const auto& f : report_.files) EXPECT_GT(f.rows, 0U) << f.name;
  EXPECT_EQ(read_import_order(dir_).size(), 7U);
  EXPECT_EQ(read_import_order(dir_).front().spec, dir_ / "police_nominals.toml");  // nominals before what names them
}

TEST(SynthDeterminism, SameSeedGivesIdenticalBytes) {
  const fs::path a = scratch("same_a"), b = scratch("same_b");
  synth::synthesize(light(1500, 42), a);
  synth::synthesize(light(1500, 42), b);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(a)) {
    ++files;
    EXPECT_TRUE(slurp(entry.path()) == slurp(b / entry.path().filename())) << entry.path().filename();
  }
  EXPECT_EQ(files, 17U);  // 7 CSVs, 7 specs, IMPORT_ORDER, truth.json, truth_records.csv
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(SynthDeterminism, DifferentSeedGivesDifferentData) {
  const fs::path a = scratch("seed_a"), b = scratch("seed_b");
  synth::synthesize(light(1500, 1), a);
  synth::synthesize(light(1500, 2), b);
  for (const char* csv : kCsvs) EXPECT_FALSE(slurp(a / csv) == slurp(b / csv)) << csv;
  EXPECT_FALSE(slurp(a / "truth.json") == slurp(b / "truth.json"));
  EXPECT_TRUE(slurp(a / "police_nominals.toml") == slurp(b / "police_nominals.toml"));  // specs do not depend on the seed
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(SynthScale, RowCountsScaleWithPeople) {
  const fs::path a = scratch("scale_a"), b = scratch("scale_b");
  // Eight times the people. The exports of ordinary life grow about eightfold;
  // the missing-episode log and intelligence less, because at 1,000 people
  // the four planted networks (the minimum) and the minimum of care homes
  // are a large share of them.
  const synth::SynthReport small = synth::synthesize(light(1000, 5), a);
  const synth::SynthReport large = synth::synthesize(light(8000, 5), b);
  for (std::size_t i = 0; i < 7; ++i) {
    const std::string& name = small.files[i].name;
    const double ratio = static_cast<double>(large.files[i].rows) / static_cast<double>(small.files[i].rows);
    const bool log = name == "social_care_missing.csv" || name == "intelligence.csv";
    EXPECT_GT(ratio, log ? 2.0 : 5.0) << name;
    EXPECT_LT(ratio, 12.0) << name;
  }
  EXPECT_GT(large.networks, 0U);
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST_F(SynthTest, EveryCsvIsRfc4180WithTheColumnsItsSpecNames) {
  for (const auto& [spec, csv] : read_import_order(dir_)) {
    SCOPED_TRACE(csv);
    Table rows;
    ASSERT_NO_THROW(rows = read_csv(csv));
    ASSERT_GE(rows.size(), 2U);
    const std::vector<std::string>& header = rows[0];
    for (std::size_t r = 1; r < rows.size(); ++r) ASSERT_EQ(rows[r].size(), header.size()) << "row " << r;
    const std::set<std::string> present(header.begin(), header.end());
    EXPECT_EQ(present.size(), header.size()) << "duplicate header names";
    for (const std::string& col : spec_columns(spec)) EXPECT_TRUE(present.count(col)) << spec << " names " << col;
    // The importer's own validation agrees.
    MappingSpec parsed;
    ASSERT_NO_THROW(parsed = load_mapping_spec(spec));
    for (const std::string& col : parsed.columns()) EXPECT_TRUE(present.count(col)) << col;
  }
  // Police exports end lines in CR LF, the others in LF; free text with
  // commas, quotes and line breaks is quoted.
  EXPECT_NE(slurp(dir_ / "police_nominals.csv").find("\r\n"), std::string::npos);
  EXPECT_EQ(slurp(dir_ / "call_records.csv").find('\r'), std::string::npos);
  const Table occ = read_csv(dir_ / "police_occurrences.csv");
  const std::size_t text = column(occ, "Circumstances");
  bool quote = false, comma = false;
  for (std::size_t r = 1; r < occ.size(); ++r) {
    quote = quote || occ[r][text].find('"') != std::string::npos;
    comma = comma || occ[r][text].find(',') != std::string::npos;
  }
  EXPECT_TRUE(quote);
  EXPECT_TRUE(comma);
}

TEST_F(SynthTest, TruthAgreesWithTheCsvs) {
  const nlohmann::json truth = nlohmann::json::parse(slurp(dir_ / "truth.json"));
  const Table nominals = read_csv(dir_ / "police_nominals.csv");
  const Table episodes = read_csv(dir_ / "social_care_missing.csv");
  const Table calls = read_csv(dir_ / "call_records.csv");
  const Table keepers = read_csv(dir_ / "vehicle_keepers.csv");
  std::set<std::string> nominal_refs, keeper_vrms;
  std::map<std::string, int> episodes_of;
  for (std::size_t r = 1; r < nominals.size(); ++r) nominal_refs.insert(nominals[r][column(nominals, "NominalRef")]);
  for (std::size_t r = 1; r < episodes.size(); ++r) ++episodes_of[episodes[r][column(episodes, "ChildId")]];
  for (std::size_t r = 1; r < keepers.size(); ++r) keeper_vrms.insert(keepers[r][column(keepers, "VRM")]);
  auto digits = [](std::string s) {
    std::erase_if(s, [](char c) { return c < '0' || c > '9'; });
    if (s.rfind("44", 0) == 0) s = "0" + s.substr(2);
    return s;
  };
  std::set<std::string> phones_in_calls;
  for (std::size_t r = 1; r < calls.size(); ++r)
    for (const char* c : {"CallerNumber", "CalledNumber"}) phones_in_calls.insert(digits(calls[r][column(calls, c)]));

  ASSERT_GE(truth["networks"].size(), 4U);
  std::uint64_t weakest_strong = UINT64_MAX, strongest_faint = 0;
  int strong = 0, faint = 0, sharing = 0, in_care = 0, at_home = 0;
  for (const auto& ring : truth["networks"]) {
    SCOPED_TRACE(ring["id"].get<std::string>());
    ASSERT_FALSE(ring["offenders"].empty());
    ASSERT_FALSE(ring["victims"].empty());
    for (const auto& who : {ring["offenders"], ring["victims"]})
      for (const auto& p : who) {
        for (const auto& ref : p["nominal_refs"]) EXPECT_TRUE(nominal_refs.count(ref.get<std::string>())) << ref;
        for (const auto& row : p["keeper_rows"]) EXPECT_TRUE(keeper_vrms.count(row.get<std::string>())) << row;
      }
    for (const auto& v : ring["victims"]) {
      // Every planted victim is on the missing-episode log at least once.
      ASSERT_EQ(v["child_ids"].size(), 1U);
      EXPECT_GE(episodes_of[v["child_ids"][0].get<std::string>()], 1) << v["name"];
      EXPECT_FALSE(v["phones"].empty());
      (v["placement_type"] == "Lives at home" ? at_home : in_care)++;
    }
    // Offenders call victims: their numbers are in the call records.
    bool any_offender_calls = false;
    for (const auto& o : ring["offenders"])
      for (const auto& phone : o["phones"]) any_offender_calls = any_offender_calls || phones_in_calls.count(phone.get<std::string>()) > 0;
    EXPECT_TRUE(any_offender_calls);
    const auto& evidence = ring["evidence_rows"];
    EXPECT_GE(evidence["missing_episodes"].get<int>(), static_cast<int>(ring["victims"].size()));
    const auto total = evidence["total"].get<std::uint64_t>();
    if (ring["evidence"] == "strong") {
      ++strong;
      weakest_strong = std::min(weakest_strong, total);
      EXPECT_GT(evidence["occurrence_rows"].get<int>(), 0);
    } else {
      ++faint;
      strongest_faint = std::max(strongest_faint, total);
    }
    sharing += ring["shares_offender_with"].empty() ? 0 : 1;
  }
  EXPECT_GT(strong, 0);
  EXPECT_GT(faint, 0);
  EXPECT_GT(weakest_strong, strongest_faint);  // strong networks leave more evidence than faint ones
  EXPECT_GE(sharing, 2);                       // one offender in two networks
  EXPECT_GT(in_care, 0);
  EXPECT_GT(at_home, 0);

  const auto& negatives = truth["hard_negatives"];
  EXPECT_FALSE(negatives["prolific_offenders"].empty());
  EXPECT_FALSE(negatives["benign_runaways"].empty());
  for (const auto& run : negatives["benign_runaways"]) EXPECT_GE(episodes_of[run["child_ids"][0].get<std::string>()], 1);
  EXPECT_TRUE(phones_in_calls.count(negatives["taxi_firm"]["booking_line"].get<std::string>()));
  EXPECT_GT(negatives["large_families"]["households"].get<int>(), 0);

  // truth_records.csv maps every person record of every CSV to a person.
  const Table records = read_csv(dir_ / "truth_records.csv");
  std::map<std::string, std::size_t> per_source;
  for (std::size_t r = 1; r < records.size(); ++r) ++per_source[records[r][0]];
  EXPECT_EQ(per_source["police_nominals"], nominals.size() - 1);
  EXPECT_EQ(per_source["social_care_missing"], episodes.size() - 1);
  EXPECT_EQ(per_source["vehicle_keepers"], keepers.size() - 1);
  for (const char* csv : kCsvs) EXPECT_EQ(truth["rows"][csv].get<std::size_t>(), read_csv(dir_ / csv).size() - 1) << csv;
}

TEST(SynthNoise, NamesDifferBetweenAgenciesAtTheConfiguredRates) {
  const fs::path dir = scratch("noise");
  synth::SynthParams params = light(8000, 3);
  params.volumes.calls_per_phone = 1;
  params.volumes.reads_per_vehicle = 1;
  synth::synthesize(params, dir);
  const Table records = read_csv(dir / "truth_records.csv");
  const Table nominals = read_csv(dir / "police_nominals.csv");
  const Table episodes = read_csv(dir / "social_care_missing.csv");
  const Table keepers = read_csv(dir / "vehicle_keepers.csv");
  std::map<std::string, std::string> person_of;  // source|record id -> person
  for (std::size_t r = 1; r < records.size(); ++r) person_of[records[r][0] + "|" + records[r][1]] = records[r][3];
  std::map<std::string, std::set<std::string>> police_spellings;  // person -> "forename surname" on any nominal
  for (std::size_t r = 1; r < nominals.size(); ++r)
    police_spellings[person_of.at("police_nominals|" + nominals[r][0])].insert(
        nominals[r][column(nominals, "Forename")] + " " + nominals[r][column(nominals, "Surname")]);

  // Children's services: each child once.
  std::set<std::string> seen;
  int children = 0, differ = 0;
  for (std::size_t r = 1; r < episodes.size(); ++r) {
    const std::string person = person_of.at("social_care_missing|" + episodes[r][0]);
    if (!police_spellings.count(person) || !seen.insert(person).second) continue;
    ++children;
    const std::string name = episodes[r][column(episodes, "ChildForename")] + " " + episodes[r][column(episodes, "ChildSurname")];
    differ += police_spellings[person].count(name) ? 0 : 1;
  }
  ASSERT_GE(children, 50);
  const double share = static_cast<double>(differ) / children;
  EXPECT_GT(share, 0.04) << differ << "/" << children;  // configured 0.12
  EXPECT_LT(share, 0.24) << differ << "/" << children;

  // Keeper records, against the police spelling for keepers who are nominals.
  int keeper_rows = 0, keeper_differ = 0;
  for (std::size_t r = 1; r < keepers.size(); ++r) {
    const std::string person = person_of.at("vehicle_keepers|" + keepers[r][0]);
    if (!police_spellings.count(person)) continue;
    ++keeper_rows;
    const std::string name = keepers[r][column(keepers, "KeeperForename")] + " " + keepers[r][column(keepers, "KeeperSurname")];
    keeper_differ += police_spellings[person].count(name) ? 0 : 1;
  }
  ASSERT_GE(keeper_rows, 200);
  const double keeper_share = static_cast<double>(keeper_differ) / keeper_rows;
  EXPECT_GT(keeper_share, 0.02) << keeper_differ << "/" << keeper_rows;  // configured 0.05
  EXPECT_LT(keeper_share, 0.10) << keeper_differ << "/" << keeper_rows;

  // Some people are on the police index twice, some without a date of birth.
  std::map<std::string, int> nominal_records;
  int no_dob = 0;
  for (std::size_t r = 1; r < nominals.size(); ++r) {
    ++nominal_records[person_of.at("police_nominals|" + nominals[r][0])];
    no_dob += nominals[r][column(nominals, "DOB")].empty() ? 1 : 0;
  }
  int twice = 0;
  for (const auto& [person, n] : nominal_records) twice += n > 1 ? 1 : 0;
  EXPECT_GT(twice, 0);
  EXPECT_GT(no_dob, 0);

  // Formats differ: phones, postcodes and VRMs written several ways.
  std::set<int> phone_styles, postcode_styles;
  for (std::size_t r = 1; r < nominals.size(); ++r) {
    const std::string& phone = nominals[r][column(nominals, "Phone")];
    if (!phone.empty()) phone_styles.insert(phone[0] == '+' ? (phone.find(' ') != std::string::npos ? 1 : 4)
                                            : phone.rfind("0044", 0) == 0 ? 3
                                            : phone.find(' ') != std::string::npos ? 0 : 2);
    const std::string& pc = nominals[r][column(nominals, "Postcode")];
    postcode_styles.insert(std::islower(static_cast<unsigned char>(pc[0])) ? 1 : pc.find(' ') == std::string::npos ? 2 : 0);
  }
  EXPECT_EQ(phone_styles.size(), 5U);
  EXPECT_EQ(postcode_styles.size(), 3U);
  fs::remove_all(dir);
}

TEST_F(SynthTest, IdentifiersAreFictional) {
  // Small cases stay in 07700 9xxxxx (the widened drama range; PhoneNumbering).
  const std::regex phone(R"((07700 ?|\+44 ?7700 ?|0044 ?7700)9\d{5})");
  const std::regex postcode(R"(EB\d{1,2} ?\d[A-Z]{2})", std::regex::icase);
  const Table calls = read_csv(dir_ / "call_records.csv");
  for (std::size_t r = 1; r < calls.size(); ++r) {
    ASSERT_TRUE(std::regex_match(calls[r][1], phone)) << calls[r][1];
    ASSERT_TRUE(std::regex_match(calls[r][2], phone)) << calls[r][2];
  }
  const Table nominals = read_csv(dir_ / "police_nominals.csv");
  for (std::size_t r = 1; r < nominals.size(); ++r) {
    ASSERT_TRUE(std::regex_match(nominals[r][column(nominals, "Postcode")], postcode)) << nominals[r][6];
    const std::string& p = nominals[r][column(nominals, "Phone")];
    ASSERT_TRUE(p.empty() || std::regex_match(p, phone)) << p;
  }
  const Table reads = read_csv(dir_ / "anpr_reads.csv");
  for (std::size_t r = 1; r < reads.size(); ++r) ASSERT_TRUE(std::regex_match(reads[r][3], postcode)) << reads[r][3];
}

TEST(SynthPhones, NumberingIsDistinctOverTheWholeWidenedRange) {
  // 999,999 numbers: the first 100,000 in 07700 9xxxxx, the rest in
  // 07700 000001-899999; never 0 ("none") and never twice.
  const synth::PhoneNumbering numbering(17);
  std::vector<bool> used(1'000'000, false);
  for (std::uint32_t i = 0; i < synth::kPhoneCapacity; ++i) {
    const std::uint32_t n = numbering(i);
    ASSERT_LT(n, 1'000'000U) << i;
    ASSERT_NE(n, 0U) << i;
    ASSERT_EQ(n >= 900000, i < synth::kPhoneFirstRange) << i << " -> " << n;
    ASSERT_FALSE(used[n]) << i << " -> " << n << " twice";
    used[n] = true;
  }
}

TEST(SynthPhones, MoreThanAHundredThousandPeopleCanAllHaveANumber) {
  // Before the range was widened, numbers ran out at 100,000 and everyone
  // after went without. 150,000 people who must have a phone now all get a
  // distinct one.
  synth::Population pop;
  pop.people.resize(150'000);
  for (synth::Person& p : pop.people) p.flags = synth::flag::needs_phone;
  synth::Plan plan;
  synth::SynthParams params;
  synth::assign_phones(pop, plan, params);
  std::set<std::uint32_t> numbers{pop.taxi_firm_phone};
  for (const synth::Person& p : pop.people) {
    ASSERT_NE(p.phone, 0U);
    numbers.insert(p.phone);
  }
  EXPECT_EQ(numbers.size(), pop.people.size() + 1);
}

TEST(SynthTexts, EveryGradingParses) {
  // 3x5x2 and legacy 5x5x5 forms alike: a grading the importer refused would
  // fail the whole intelligence import.
  for (std::size_t i = 0; i < synth::texts::grading_count(); ++i) {
    const std::string_view text = synth::texts::grading(static_cast<std::uint16_t>(i));
    std::string error;
    EXPECT_TRUE(parse_grading(text, &error).has_value()) << text << ": " << error;
  }
}

TEST(SynthParams, BadParametersAreRefused) {
  const fs::path dir = scratch("bad");
  synth::SynthParams p = light(10, 1);
  EXPECT_THROW(synth::synthesize(p, dir), std::invalid_argument);
  p = light(2000, 1);
  p.noise.social_care_name = 1.5;
  EXPECT_THROW(synth::synthesize(p, dir), std::invalid_argument);
  p = light(2000, 1);
  p.volumes.calls_per_phone = -1;
  EXPECT_THROW(synth::synthesize(p, dir), std::invalid_argument);
  p = light(2000, 1);
  p.networks = -3;
  EXPECT_THROW(synth::synthesize(p, dir), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir));  // refused before anything was written
}

TEST_F(SynthTest, ImportsIntoACaseFileWithoutErrors) {
  const fs::path case_dir = scratch("import");
  fs::create_directories(case_dir);
  CaseFile cf = CaseFile::open(case_dir / "case.cgcase", true);
  std::int64_t rows = 0;
  for (const auto& [spec, csv] : read_import_order(dir_)) {
    SCOPED_TRACE(csv);
    ImportReport report;
    ASSERT_NO_THROW(report = import_csv_files(cf, load_mapping_spec(spec), {csv}, {}));
    ASSERT_EQ(report.files.size(), 1U);
    EXPECT_FALSE(report.files[0].already_imported);
    EXPECT_EQ(static_cast<std::size_t>(report.rows()), read_csv(csv).size() - 1);
    EXPECT_GT(report.links_made(), 0);
    rows += report.rows();
  }
  EXPECT_EQ(static_cast<std::uint64_t>(rows), report_.rows());
  EXPECT_EQ(cf.count_records(), rows);
  fs::remove_all(case_dir);
}

// Exit status of the CLI run with `args`.
int exit_code(const std::string& args) { return test::run_cli(args).exit_code; }

TEST(SynthCli, WritesTheSameCaseAsTheLibraryAndRefusesBadInput) {
  const fs::path by_cli = scratch("cli"), by_library = scratch("cli_lib");
  EXPECT_EQ(exit_code("synth --people 1500 --seed 4 --calls-per-phone 2 --reads-per-vehicle 2 -q -o " +
                test::shell_quote(by_cli.string())),
            0);
  synth::SynthParams params = light(1500, 4);
  params.volumes.calls_per_phone = 2;
  params.volumes.reads_per_vehicle = 2;
  synth::synthesize(params, by_library);
  for (const auto& entry : fs::directory_iterator(by_library))
    EXPECT_TRUE(slurp(entry.path()) == slurp(by_cli / entry.path().filename())) << entry.path().filename();
  EXPECT_EQ(exit_code("synth --people 1500 -q -o " + test::shell_quote(by_cli.string())), 1);  // not empty, no --force
  EXPECT_EQ(exit_code("synth --people 1500 -q --force -o " + test::shell_quote(by_cli.string())), 0);
  EXPECT_EQ(exit_code("synth --people 5 -o " + test::shell_quote(scratch("cli_bad").string())), 2);  // bad usage
  EXPECT_EQ(exit_code("synth --people 1500"), 2);                                 // no output directory
  fs::remove_all(by_cli);
  fs::remove_all(by_library);
}

}  // namespace
}  // namespace casegraph
