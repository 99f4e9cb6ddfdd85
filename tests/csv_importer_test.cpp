// The CSV importer against the fixtures in tests/fixtures/import/: what a
// good import stores, that re-importing adds nothing, and that each kind of
// bad input names file, line, column and reason and leaves the case file
// exactly as it was.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "engine/store/case_file.h"
#include "importers/csv_importer.h"
#include "importers/csv_reader.h"
#include "importers/mapping_spec.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;

fs::path fixture(const std::string& name) { return fs::path(CASEGRAPH_SOURCE_DIR) / "tests/fixtures/import" / name; }

MappingSpec spec_of(const std::string& name) { return load_mapping_spec(fixture(name)); }

// Everything an import may change, to prove a failed one changed nothing.
struct Snapshot {
  std::size_t sources = 0, entities = 0, links = 0, audit = 0;
  std::int64_t records = 0;
  std::string content_hash;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const CaseFile& cf) {
  return {cf.sources().size(), cf.entities().size(), cf.links().size(), cf.audit_log().size(), cf.count_records(),
          cf.content_hash()};
}

const EntityRow& entity(const std::vector<EntityRow>& entities, const std::string& key) {
  for (const EntityRow& e : entities)
    if (e.key == key) return e;
  throw std::runtime_error("no entity " + key);
}

class CsvImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("casegraph_import_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CaseFile open_case() { return CaseFile::open(dir_ / "case.cgcase", true); }

  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static ImportReport import(CaseFile& cf, const MappingSpec& spec, const std::vector<fs::path>& files) {
    return import_csv_files(cf, spec, files, {});
  }

  // Imports `files`, expects an ImportError at `file`:`line` in `column` with
  // `reason` in it, and checks the case file did not change.
  static void expect_refused(CaseFile& cf, const MappingSpec& spec, const std::vector<fs::path>& files,
                             const fs::path& file, std::int64_t line, const std::string& column,
                             const std::string& reason) {
    const Snapshot before = snapshot(cf);
    try {
      import(cf, spec, files);
      ADD_FAILURE() << "no error; expected " << reason;
    } catch (const ImportError& e) {
      EXPECT_EQ(e.file(), file.string());
      EXPECT_EQ(e.line(), line) << e.what();
      EXPECT_EQ(e.column(), column) << e.what();
      EXPECT_NE(e.reason().find(reason), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()),
                file.string() + ":" + std::to_string(line) + ": column '" + column + "': " + e.reason());
    }
    EXPECT_EQ(snapshot(cf), before);
  }

  fs::path dir_;
};

TEST_F(CsvImportTest, NominalsThenOccurrencesWithRolesAndMustExist) {
  CaseFile cf = open_case();
  const ImportReport nominals = import(cf, spec_of("nominals.toml"), {fixture("nominals.csv")});
  ASSERT_EQ(nominals.files.size(), 1u);
  EXPECT_EQ(nominals.files[0].rows, 4);
  EXPECT_EQ(nominals.files[0].entities_made, 11);  // 4 people, 3 phones, 2 postcodes, 2 vehicles
  EXPECT_EQ(nominals.files[0].links_made, 8);
  EXPECT_FALSE(nominals.files[0].already_imported);

  const ImportReport occurrences = import(cf, spec_of("occurrences.toml"), {fixture("occurrences.csv")});
  EXPECT_EQ(occurrences.files[0].rows, 4);
  EXPECT_EQ(occurrences.files[0].entities_made, 2);
  EXPECT_EQ(occurrences.files[0].links_made, 4);
  EXPECT_EQ(occurrences.summary(), "4 rows from 1 file: 2 new entities, 4 links");

  const auto entities = cf.entities();
  EXPECT_EQ(entities.size(), 13u);
  const EntityRow& amara = entity(entities, "police_nominal:N001");
  EXPECT_EQ(amara.type, "person");
  EXPECT_EQ(amara.label, "Amara Okonkwo");
  EXPECT_EQ(amara.attributes["dob"], "2009-03-14");
  EXPECT_EQ(amara.attributes["forename"], "Amara");
  EXPECT_FALSE(amara.attributes.contains("grading"));
  EXPECT_EQ(entity(entities, "police_nominal:N002").attributes["grading"], "2BP");
  EXPECT_EQ(entity(entities, "police_nominal:N003").attributes["dob"], "2008-02-29");
  EXPECT_EQ(entity(entities, "phone:+447700900202").type, "phone");
  EXPECT_EQ(entity(entities, "phone:+447700900404").label, "+447700900404");
  EXPECT_EQ(entity(entities, "postcode:SW1A 2AA").type, "location");
  EXPECT_EQ(entity(entities, "vrm:XY99ZZZ").type, "vehicle");
  const EntityRow& occ = entity(entities, "police_occurrences:OC-1");
  EXPECT_EQ(occ.type, "occurrence");
  EXPECT_EQ(occ.label, "OC-1 Child sexual exploitation");
  EXPECT_EQ(occ.attributes["start"], "2023-06-01T22:15:00Z");
  EXPECT_EQ(occ.attributes["end"], "2023-06-03T09:00:00Z");
  EXPECT_FALSE(entity(entities, "police_occurrences:OC-2").attributes.contains("end"));

  const auto links = cf.links();
  ASSERT_EQ(links.size(), 12u);
  const std::vector<std::string> roles{links[8].type, links[9].type, links[10].type, links[11].type};
  EXPECT_EQ(roles, (std::vector<std::string>{"victim_in", "suspect_in", "witness_in", "reported_by"}));
  EXPECT_EQ(links[8].source, amara.id);
  EXPECT_EQ(links[8].target, occ.id);
  EXPECT_TRUE(links[8].directed);
  EXPECT_EQ(links[8].start, 1685657700);
  EXPECT_EQ(links[8].end, 1685782800);
  EXPECT_EQ(links[9].grading.text(), "1A");
  EXPECT_EQ(links[11].grading.text(), "3EC");
  EXPECT_FALSE(links[10].end);
  const RecordRow suspect_row = cf.record(links[9].record_id);
  EXPECT_EQ(suspect_row.record_key, "OC-1|N002|suspect");  // each part trimmed
  EXPECT_EQ(suspect_row.row_number, 2);
  EXPECT_EQ(suspect_row.raw, "OC-1,N002, suspect ,01/06/2023 22:15,2023-06-03T10:00:00+01:00,Child sexual exploitation,1A");
  EXPECT_EQ(suspect_row.fields["Role"], " suspect ");
  EXPECT_EQ(suspect_row.hash, sha256_hex(suspect_row.raw));

  // Keeper links carry the grading of the nominal row (N004: B21 -> 2BP).
  EXPECT_EQ(links[7].type, "keeper_of");
  EXPECT_EQ(links[7].grading.text(), "2BP");
  // Amara is traced to her nominal row and her occurrence row.
  EXPECT_EQ(cf.entity_records(amara.id).size(), 2u);

  const auto sources = cf.sources();
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[1].name, "police_occurrences");
  EXPECT_EQ(sources[1].row_count, 4);
  EXPECT_EQ(sources[1].content_hash, sha256_hex_of_file(fixture("occurrences.csv")));
  EXPECT_EQ(sources[1].spec_hash, spec_of("occurrences.toml").hash);

  const auto audit = cf.audit_log();
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].command, "import");
  EXPECT_EQ(audit[1].arguments["source"], "police_occurrences");
  EXPECT_EQ(audit[1].arguments["links_made"], 4);
  EXPECT_EQ(audit[1].arguments["files"][0]["path"], fixture("occurrences.csv").string());
  EXPECT_EQ(cf.verify_audit_chain(), std::nullopt);
}

// The importer remembers the entities an import meets (label, attribute
// names) instead of asking the case file on every row; what it stores must
// stay what upsert_entity would store: later rows fill gaps, never overwrite,
// within one import and across imports.
TEST_F(CsvImportTest, RepeatedEntitiesFillGapsWithinAndAcrossImports) {
  const fs::path spec_path = write("people.toml", R"toml(
[source]
name = "people"
record_id = "Id"
delimiter = ","

[[entity]]
as = "person"
type = "person"
key_space = "p"
key = ["Ref"]
label = "{Name}"
attributes = { dob = "Dob", phone = "Phone" }
)toml");
  const MappingSpec spec = load_mapping_spec(spec_path);
  CaseFile cf = open_case();
  const ImportReport first = import(cf, spec, {write("a.csv", "Id,Ref,Name,Dob,Phone\n"
                                                             "1,P1,Ana Silva,,\n"
                                                             "2,P1,Ana Silva,2001-02-03,\n"
                                                             "3,P1,A. Silva,1999-01-01,\n"
                                                             "4,P2,Bo Chen,,0700\n")});
  EXPECT_EQ(first.files[0].entities_made, 2);
  auto entities = cf.entities();
  EXPECT_EQ(entity(entities, "p:P1").label, "Ana Silva");
  EXPECT_EQ(entity(entities, "p:P1").attributes, (nlohmann::json{{"dob", "2001-02-03"}}));
  EXPECT_EQ(cf.entity_records(entity(entities, "p:P1").id).size(), 3u);
  const ImportReport second = import(cf, spec, {write("b.csv", "Id,Ref,Name,Dob,Phone\n"
                                                              "1,P1,Anna,1990-01-01,0711\n"
                                                              "2,P2,Bo,1985-05-05,0799\n"
                                                              "3,P1,Ana,,0722\n")});
  EXPECT_EQ(second.files[0].entities_made, 0);
  entities = cf.entities();
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entity(entities, "p:P1").label, "Ana Silva");
  EXPECT_EQ(entity(entities, "p:P1").attributes, (nlohmann::json{{"dob", "2001-02-03"}, {"phone", "0711"}}));
  EXPECT_EQ(entity(entities, "p:P2").attributes, (nlohmann::json{{"dob", "1985-05-05"}, {"phone", "0700"}}));
  EXPECT_EQ(cf.entity_records(entity(entities, "p:P1").id).size(), 5u);
}

// An export with one row per person involved repeats the occurrence's own
// fields (its place) on each row. The occurrence-to-place link is one fact:
// `once` makes it once per import (across the import's files too), from the
// first row; the role links stay one per row. The record id is the
// occurrence, the person and the role, so each link traces to its own row.
TEST_F(CsvImportTest, OncePerOccurrenceLinkAndCompositeRecordId) {
  const fs::path spec_path = write("occ.toml", R"toml(
[source]
name = "occurrences"
record_id = ["OccRef", "Ref", "Role"]

[dates]
At = "DD/MM/YYYY HH:MM"

[[entity]]
as = "occ"
type = "occurrence"
key = ["OccRef"]
time = "At"

[[entity]]
as = "person"
type = "person"
key = ["Ref"]

[[entity]]
as = "place"
type = "location"
key = ["Postcode"]
optional = true

[[link]]
type_column = "Role"
type_map = { Victim = "victim_in", Suspect = "suspect_in", Witness = "witness_in" }
from = "person"
to = "occ"
start = "At"

[[link]]
type = "occurred_at"
from = "occ"
to = "place"
start = "At"
once = true
)toml");
  const MappingSpec spec = load_mapping_spec(spec_path);
  CaseFile cf = open_case();
  const std::string header = "OccRef,At,Postcode,Ref,Role\n";
  const ImportReport report =
      import(cf, spec,
             {write("a.csv", header + "OC-1,01/06/2023 22:15,LS1 4AP,N1,Suspect\n"
                                      "OC-1,01/06/2023 22:15,LS1 4AP,N2,Victim\n"
                                      "OC-1,01/06/2023 22:15,LS1 4AP,N3,Witness\n"
                                      "OC-2,02/06/2023 10:00,,N1,Suspect\n"
                                      "OC-3,03/06/2023 11:00,LS1 4AP,N1,Victim\n"),
              // The same occurrence in a second file of the import: still one link.
              write("b.csv", header + "OC-1,01/06/2023 22:15,LS1 4AP,N4,Witness\n")});
  const auto entities = cf.entities();
  const RowId oc1 = entity(entities, "occurrences:OC-1").id, oc3 = entity(entities, "occurrences:OC-3").id;
  const RowId place = entity(entities, "occurrences:LS1 4AP").id;
  std::vector<LinkRow> occurred_at, roles;
  for (const LinkRow& l : cf.links()) (l.type == "occurred_at" ? occurred_at : roles).push_back(l);
  ASSERT_EQ(occurred_at.size(), 2u);  // OC-1 and OC-3; OC-2 has no place
  EXPECT_EQ(occurred_at[0].source, oc1);
  EXPECT_EQ(occurred_at[0].target, place);
  EXPECT_EQ(cf.record(occurred_at[0].record_id).record_key, "OC-1|N1|Suspect");  // the first row that gave it
  EXPECT_EQ(occurred_at[1].source, oc3);
  EXPECT_EQ(roles.size(), 6u);  // one per row
  std::vector<std::string> role_records;
  for (const LinkRow& l : roles) role_records.push_back(cf.record(l.record_id).record_key);
  EXPECT_EQ(role_records, (std::vector<std::string>{"OC-1|N1|Suspect", "OC-1|N2|Victim", "OC-1|N3|Witness",
                                                    "OC-2|N1|Suspect", "OC-3|N1|Victim", "OC-1|N4|Witness"}));
  EXPECT_EQ(report.links_made(), 8);
  // Every row still traces to the occurrence it names.
  EXPECT_EQ(cf.entity_records(oc1).size(), 4u);

  // Without `once`, each row of the occurrence makes its own link.
  MappingSpec every_row = spec;
  every_row.links[1].once = false;
  CaseFile other = CaseFile::open(dir_ / "other.cgcase", true);
  import(other, every_row, {dir_ / "a.csv"});
  std::size_t repeated = 0;
  for (const LinkRow& l : other.links()) repeated += l.type == "occurred_at";
  EXPECT_EQ(repeated, 4u);
}

// The shipped example's occurrence spec: one occurred_at link per occurrence
// with a place, and each row's record id unique (occurrence, person, role).
TEST_F(CsvImportTest, ExampleOccurrencesGiveOnePlaceLinkEach) {
  const fs::path example = fs::path(CASEGRAPH_SOURCE_DIR) / "examples/case";
  CaseFile cf = open_case();
  import(cf, load_mapping_spec(example / "police_nominals.toml"), {example / "police_nominals.csv"});
  import(cf, load_mapping_spec(example / "police_occurrences.toml"), {example / "police_occurrences.csv"});
  std::set<std::string> occurrences_with_place, record_keys;
  std::size_t rows = 0;
  CsvReader reader(example / "police_occurrences.csv");
  CsvRecord row;
  reader.next(row);  // header: OccurrenceRef,ReportedAt,OffenceType,LocationPostcode,...
  while (reader.next(row))
    if (!row.fields[3].empty()) occurrences_with_place.insert(row.fields[0]);
  ASSERT_EQ(occurrences_with_place.size(), 27u);
  std::size_t occurred_at = 0;
  for (const LinkRow& l : cf.links()) {
    if (l.type == "occurred_at") ++occurred_at;
    if (l.type == "occurred_at" || l.type == "resides_at" || l.type == "uses_phone") continue;
    ++rows;  // a role link: one per occurrence row
    record_keys.insert(cf.record(l.record_id).record_key);
  }
  EXPECT_EQ(occurred_at, occurrences_with_place.size());
  EXPECT_EQ(record_keys.size(), rows);  // no two rows share a record id
  EXPECT_EQ(*record_keys.begin(), "EB/24/10211|N-014782|Witness");
}

TEST_F(CsvImportTest, EmptyPartOfACompositeRecordIdIsRefused) {
  const fs::path spec_path = write("two.toml", R"toml(
[source]
name = "two"
record_id = ["A", "B"]

[[entity]]
as = "x"
type = "thing"
key = ["A"]
)toml");
  CaseFile cf = open_case();
  const fs::path csv = write("two.csv", "A,B\nx1,y1\nx2, \n");
  expect_refused(cf, load_mapping_spec(spec_path), {csv}, csv, 3, "B", "empty record id");
}

// A record id cites one row; two rows with one id would make it cite either.
TEST_F(CsvImportTest, RepeatedRecordIdIsRefusedNamingBothRows) {
  const fs::path spec_path = write("ids.toml", R"toml(
[source]
name = "ids"
record_id = "Id"

[[entity]]
as = "x"
type = "thing"
key = ["Ref"]
)toml");
  CaseFile cf = open_case();
  import(cf, load_mapping_spec(spec_path), {write("first.csv", "Id,Ref\nA1,x\n")});
  // Across files or imports an id may repeat (a later export of the same record); within one it may not.
  const fs::path csv = write("ids.csv", "Id,Ref\nA1,x\nA2,y\n\"A3\",z\nA2,w\n A3 ,v\n");
  expect_refused(cf, load_mapping_spec(spec_path), {csv}, csv, 5, "Id",
                 "record id 'A2' repeats the id of the row on line 3");

  const fs::path composite_spec = write("composite.toml", R"toml(
[source]
name = "composite"
record_id = ["A", "B"]

[[entity]]
as = "x"
type = "thing"
key = ["A"]
)toml");
  const fs::path composite = write("composite.csv", "A,B\nx,1\nx,2\ny,1\nx,1\n");
  expect_refused(cf, load_mapping_spec(composite_spec), {composite}, composite, 5, "A|B",
                 "record id 'x|1' repeats the id of the row on line 2");
}

// The importer writes each record's fields as JSON text itself; the text
// must stay what nlohmann's dump() gives (keys in byte order, its escapes).
TEST_F(CsvImportTest, RecordFieldsAreStoredAsTheirJsonDump) {
  const fs::path spec_path = write("fields.toml", R"toml(
[source]
name = "fields"

[[entity]]
as = "x"
type = "thing"
key = ["Z"]
)toml");
  CaseFile cf = open_case();
  const std::vector<std::string> cells{"q\"uote", "back\\slash", "tab\there", "line\nbreak", "caf\xC3\xA9", "", "x"};
  const fs::path csv = write("fields.csv", "b,a,Z,b,,\xC3\xA9t\xC3\xA9,b (column 4)\n"
                                           "\"q\"\"uote\",back\\slash,tab\there,\"line\nbreak\",caf\xC3\xA9,,x\n");
  import(cf, load_mapping_spec(spec_path), {csv});
  nlohmann::json expected = nlohmann::json::object();
  const std::vector<std::string> keys{"b", "a", "Z", "b (column 4)", "(column 5)", "\xC3\xA9t\xC3\xA9", "b (column 4)"};
  for (std::size_t i = 0; i < keys.size(); ++i) expected[keys[i]] = cells[i];  // a repeated key: the later cell
  ASSERT_EQ(expected.size(), 6u);
  EXPECT_EQ(cf.db().execAndGet("SELECT fields FROM records").getString(), expected.dump());
}

TEST_F(CsvImportTest, DatesInEachFormatAndWeightColumn) {
  CaseFile cf = open_case();
  const ImportReport report = import(cf, spec_of("anpr.toml"), {fixture("anpr.csv")});
  EXPECT_EQ(report.files[0].rows, 2);
  const auto entities = cf.entities();
  ASSERT_EQ(entities.size(), 3u);  // two vehicles, one camera however it is spelt
  const EntityRow& camera = entity(entities, "anpr_camera:cam 7 london road");
  EXPECT_EQ(camera.label, "cam 7 london road");  // no label template: the folded key
  EXPECT_EQ(camera.attributes["first_logged"], "2023-06-01T22:15:00Z");  // the first row's value stands
  EXPECT_EQ(camera.attributes["first_read_date"], "2023-06-01");
  const auto links = cf.links();
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].type, "seen_at");
  EXPECT_EQ(links[0].start, 1685657700);
  EXPECT_DOUBLE_EQ(links[0].weight, 0.9);
  EXPECT_DOUBLE_EQ(links[1].weight, 1.0);
  EXPECT_EQ(cf.record(links[1].record_id).record_key, "2");  // no record_id column: the row number
}

TEST_F(CsvImportTest, ReimportOfTheSameFileAddsNothing) {
  CaseFile cf = open_case();
  const MappingSpec spec = spec_of("nominals.toml");
  import(cf, spec, {fixture("nominals.csv")});
  Snapshot before = snapshot(cf);
  // The same bytes under another name are the same file.
  const fs::path copy = dir_ / "nominals_copy.csv";
  fs::copy_file(fixture("nominals.csv"), copy);
  const ImportReport again = import(cf, spec, {fixture("nominals.csv"), copy});
  ASSERT_EQ(again.files.size(), 2u);
  for (const FileImportReport& f : again.files) {
    EXPECT_TRUE(f.already_imported);
    EXPECT_EQ(f.rows, 0);
  }
  EXPECT_EQ(again.summary(), "0 rows from 2 files: 0 new entities, 0 links; 2 files already imported");
  Snapshot after = snapshot(cf);
  EXPECT_EQ(after.audit, before.audit + 1);  // the attempt is audited
  after.audit = before.audit;
  EXPECT_EQ(after, before);
}

TEST_F(CsvImportTest, SameFileTwiceInOneImportIsImportedOnce) {
  CaseFile cf = open_case();
  const ImportReport report = import(cf, spec_of("nominals.toml"), {fixture("nominals.csv"), fixture("nominals.csv")});
  EXPECT_FALSE(report.files[0].already_imported);
  EXPECT_TRUE(report.files[1].already_imported);
  EXPECT_EQ(cf.count_records(), 4);
}

TEST_F(CsvImportTest, CrlfBomAndQuotedLineBreaksKeepRawText) {
  CaseFile cf = open_case();
  import(cf, spec_of("nominals.toml"), {fixture("nominals.csv")});
  const ImportReport report = import(cf, spec_of("intel.toml"), {fixture("intel_crlf_bom.csv")});
  EXPECT_EQ(report.files[0].rows, 2);
  EXPECT_EQ(report.files[0].entities_made, 2);  // the reports; the subjects are known nominals
  const auto entities = cf.entities();
  const EntityRow& report1 = entity(entities, "intel_reports:I-1");
  EXPECT_EQ(report1.type, "intelligence");
  EXPECT_EQ(report1.attributes["text"], "Seen with an older male\r\nat the bus station, \"late\"");
  EXPECT_EQ(report1.attributes["grading"], "2BP");
  const auto links = cf.links();
  const LinkRow& subject = links.at(links.size() - 2);
  EXPECT_EQ(subject.type, "subject_of");
  const RecordRow record = cf.record(subject.record_id);
  EXPECT_EQ(record.raw, "I-1,N001,\"Seen with an older male\r\nat the bus station, \"\"late\"\"\",2B P");
  EXPECT_EQ(record.fields["ReportId"], "I-1");  // the BOM is not part of the first column's name
  EXPECT_EQ(cf.record(links.back().record_id).raw, "I-2,N002,\"Two lines\nwith LF\",B21");
}

TEST_F(CsvImportTest, ProgressReachesTheTotal) {
  CaseFile cf = open_case();
  std::uint64_t last_rows = 0, last_bytes = 0, total = 0;
  import_csv_files(cf, spec_of("nominals.toml"), {fixture("nominals.csv")},
                   [&](std::uint64_t rows, std::uint64_t bytes, std::uint64_t total_bytes) {
                     EXPECT_GE(rows, last_rows);
                     last_rows = rows;
                     last_bytes = bytes;
                     total = total_bytes;
                   });
  EXPECT_EQ(last_rows, 4u);
  EXPECT_EQ(total, fs::file_size(fixture("nominals.csv")));
  EXPECT_EQ(last_bytes, total);
}

// ------------------------------------------------------------------ errors --

const std::string kNominalsHeader = "NominalRef,Forename,Surname,DOB,Phone,Postcode,VRM,Grade\n";
const std::string kGoodNominal = "N101,Sofia,Haddad,05/05/2010,,,,\n";

class CsvImportErrorTest : public CsvImportTest {
 protected:
  // A nominals file whose third data row (line 4) is `bad`, imported after
  // a good file in the same call: the good file must be rolled back too.
  void expect_bad_nominal(const std::string& bad, const std::string& column, const std::string& reason) {
    CaseFile cf = open_case();
    import(cf, spec_of("nominals.toml"), {fixture("nominals.csv")});
    const fs::path good = write("good.csv", kNominalsHeader + "N201,Kwame,Mensah,01/01/2001,,,,\n");
    const fs::path file = write("bad.csv", kNominalsHeader + kGoodNominal + "N102,Aiko,Sato,06/06/2011,,,,\n" + bad);
    expect_refused(cf, spec_of("nominals.toml"), {good, file}, file, 4, column, reason);
  }

  void expect_bad_occurrence(const std::string& bad, const std::string& column, const std::string& reason) {
    CaseFile cf = open_case();
    import(cf, spec_of("nominals.toml"), {fixture("nominals.csv")});
    const fs::path file = write("bad_occ.csv", "OccRef,NominalRef,Role,OccurredAt,ClosedAt,Offence,Grade\n"
                                               "OC-9,N001,Victim,01/01/2024 10:00,,Theft,\n"
                                               "OC-9,N002,Suspect,01/01/2024 10:00,,Theft,\n" +
                                                   bad);
    expect_refused(cf, spec_of("occurrences.toml"), {file}, file, 4, column, reason);
  }
};

TEST_F(CsvImportErrorTest, UnparseableDate) {
  expect_bad_nominal("N103,Ivan,Petrov,31/02/2009,,,,\n", "DOB", "there is no day 31 in 2009-02");
  expect_bad_occurrence("OC-9,N003,Witness,01/01/2024 25:00,,Theft,\n", "OccurredAt", "hour 25");
}

TEST_F(CsvImportErrorTest, BadGrading) {
  expect_bad_nominal("N103,Ivan,Petrov,01/02/2009,,,,4Z\n", "Grade", "bad grading");
}

TEST_F(CsvImportErrorTest, EmptyRequiredKey) {
  CaseFile cf = open_case();
  const fs::path file = write("anpr_bad.csv", "VRM;Camera;ReadAt;LoggedAt;ReadDate;Confidence\n"
                                              "AB12CDE;cam 1;0;01/01/1970 00:00:00;1970-01-01;1\n"
                                              " - ;cam 1;0;01/01/1970 00:00:00;1970-01-01;1\n");
  expect_refused(cf, spec_of("anpr.toml"), {file}, file, 3, "VRM", "empty key: '-' normalises to nothing");
  const fs::path empty = write("anpr_empty.csv", "VRM;Camera;ReadAt;LoggedAt;ReadDate;Confidence\n"
                                                 ";cam 1;0;01/01/1970 00:00:00;1970-01-01;1\n");
  expect_refused(cf, spec_of("anpr.toml"), {empty}, empty, 2, "VRM", "empty key");
}

TEST_F(CsvImportErrorTest, EmptyRecordId) {
  expect_bad_nominal(",Ivan,Petrov,01/02/2009,,,,\n", "NominalRef", "empty record id");
}

TEST_F(CsvImportErrorTest, MissingKeyForMustExist) {
  expect_bad_occurrence("OC-9,N999,Witness,01/01/2024 10:00,,Theft,\n", "NominalRef",
                        "missing key: no person with key 'police_nominal:N999'");
}

TEST_F(CsvImportErrorTest, UnmappedRole) {
  expect_bad_occurrence("OC-9,N003,Bystander,01/01/2024 10:00,,Theft,\n", "Role", "unmapped value 'Bystander'");
}

TEST_F(CsvImportErrorTest, BadNumber) {
  CaseFile cf = open_case();
  const fs::path file = write("anpr_bad.csv", "VRM;Camera;ReadAt;LoggedAt;ReadDate;Confidence\n"
                                              "AB12CDE;cam 1;0;01/01/1970 00:00:00;1970-01-01;high\n");
  expect_refused(cf, spec_of("anpr.toml"), {file}, file, 2, "Confidence", "bad number 'high'");
}

TEST_F(CsvImportErrorTest, BrokenQuoting) {
  expect_bad_nominal("N103,\"Ivan,Petrov,01/02/2009,,,,\n", "Forename", "unterminated quoted field");
  expect_bad_nominal("N103,Iv\"an,Petrov,01/02/2009,,,,\n", "Forename", "quote inside an unquoted field");
}

TEST_F(CsvImportErrorTest, InvalidUtf8) {
  expect_bad_nominal("N103,Ivan,Petr\xC3v,01/02/2009,,,,\n", "Surname", "invalid UTF-8");
}

TEST_F(CsvImportErrorTest, WrongNumberOfFields) {
  expect_bad_nominal("N103,Ivan,Petrov,01/02/2009\n", "Phone", "the row has 4 fields; the header has 8");
}

TEST_F(CsvImportErrorTest, HeaderLacksAColumnTheSpecNames) {
  CaseFile cf = open_case();
  const fs::path file = write("no_grade.csv", "NominalRef,Forename,Surname,DOB,Phone,Postcode,VRM\nN1,A,B,,,,\n");
  expect_refused(cf, spec_of("nominals.toml"), {file}, file, 1, "Grade", "the header has no such column");
}

TEST_F(CsvImportErrorTest, UnreadableAndEmptyFiles) {
  CaseFile cf = open_case();
  const Snapshot before = snapshot(cf);
  const fs::path missing = dir_ / "missing.csv";
  try {
    import(cf, spec_of("nominals.toml"), {fixture("nominals.csv"), missing});
    ADD_FAILURE();
  } catch (const ImportError& e) {
    EXPECT_EQ(std::string(e.what()), missing.string() + ": cannot read the file");
  }
  const fs::path empty = write("empty.csv", "");
  try {
    import(cf, spec_of("nominals.toml"), {empty});
    ADD_FAILURE();
  } catch (const ImportError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_NE(std::string(e.what()).find("the file is empty"), std::string::npos);
  }
  EXPECT_EQ(snapshot(cf), before);
}

}  // namespace
}  // namespace casegraph
