// The case file: opening and refusing files, transactions, upserts, the
// audit chain, decisions and analysis runs. Each test works in its own
// directory under the system temp dir, removed afterwards.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/store/case_file.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;

class CaseFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("casegraph_case_file_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path path(const std::string& name) const { return dir_ / name; }

  // Runs SQL through the raw sqlite3 API, outside casegraph, as a tamperer would.
  static void raw_sql(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  static std::string open_error(const fs::path& file, bool create) {
    try {
      CaseFile::open(file, create);
    } catch (const CaseFileError& e) {
      return e.what();
    }
    return "(no error)";
  }

  fs::path dir_;
};

EntityRow person(const std::string& key, const std::string& label, nlohmann::json attributes) {
  return {0, "person", key, label, std::move(attributes)};
}

// A small case: two people and an occurrence, one record, two links.
struct SmallCase {
  RowId source = 0, record = 0, anna = 0, ben = 0, occ = 0;
};

SmallCase fill_small_case(CaseFile& file) {
  SmallCase c;
  CaseFile::Transaction tx(file);
  c.source = file.add_source({0, "police", "occ.csv", sha256_hex("file"), sha256_hex("spec"), "", 1});
  c.record = file.add_record({0, c.source, 1, "OCC1", "OCC1,N1,N2", {{"Ref", "OCC1"}}, ""});
  c.anna = file.upsert_entity(person("nominal:N1", "Anna Kowalska", {{"dob", "2008-04-01"}}));
  c.ben = file.upsert_entity(person("nominal:N2", "Ben Okafor", nlohmann::json::object()));
  c.occ = file.upsert_entity({0, "occurrence", "occ:OCC1", "OCC1", {}});
  for (RowId e : {c.anna, c.ben, c.occ}) file.add_entity_record(e, c.record);
  LinkRow victim;
  victim.type = "victim_in";
  victim.source = c.anna;
  victim.target = c.occ;
  victim.start = 1'600'000'000;
  victim.record_id = c.record;
  file.add_link(victim);
  LinkRow suspect = victim;
  suspect.type = "suspect_in";
  suspect.source = c.ben;
  suspect.start.reset();
  suspect.weight = 2.5;
  suspect.grading = *parse_grading("2BP", nullptr);
  file.add_link(suspect);
  tx.commit();
  return c;
}

TEST_F(CaseFileTest, CreatesAndReopens) {
  const fs::path file = path("case.cgcase");
  {
    CaseFile created = CaseFile::open(file, true);
    fill_small_case(created);
  }
  CaseFile reopened = CaseFile::open(file, false);
  EXPECT_EQ(reopened.path(), file);
  EXPECT_EQ(reopened.entities().size(), 3u);
  EXPECT_EQ(reopened.count_records(), 1);
  ASSERT_EQ(reopened.sources().size(), 1u);
  EXPECT_EQ(reopened.sources()[0].name, "police");
  EXPECT_FALSE(reopened.sources()[0].imported_at.empty());
}

TEST_F(CaseFileTest, StoresSchemaVersionAndMeta) {
  const fs::path file = path("case.cgcase");
  CaseFile cf = CaseFile::open(file, true);
  EXPECT_EQ(cf.schema_version(), CaseFile::kSchemaVersion);
  SQLite::Statement st(cf.db(), "SELECT value FROM meta WHERE key = 'created_by'");
  ASSERT_TRUE(st.executeStep());
  EXPECT_EQ(st.getColumn(0).getString(), std::string("casegraph ") + CASEGRAPH_VERSION);
  EXPECT_EQ(cf.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(cf.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST_F(CaseFileTest, RefusesMissingFileWithoutCreate) {
  const fs::path file = path("nope.cgcase");
  EXPECT_EQ(open_error(file, false),
            "case file " + file.string() + " does not exist; `casegraph import` creates one");
  EXPECT_FALSE(fs::exists(file));
}

TEST_F(CaseFileTest, RefusesNewerSchema) {
  const fs::path file = path("case.cgcase");
  { CaseFile::open(file, true); }
  raw_sql(file, "PRAGMA user_version = 3");
  EXPECT_EQ(open_error(file, false), "case file " + file.string() +
                                         " was written by a newer casegraph (schema 3); this casegraph reads "
                                         "schema 1 or older: upgrade casegraph");
  EXPECT_NE(open_error(file, true).find("newer casegraph"), std::string::npos);
}

TEST_F(CaseFileTest, RefusesSqliteFileWithoutCasegraphSchema) {
  const fs::path file = path("other.db");
  raw_sql(file, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
  for (bool create : {false, true})
    EXPECT_NE(open_error(file, create).find("not a casegraph case file (no casegraph schema)"), std::string::npos);
}

TEST_F(CaseFileTest, RefusesGarbageFileAndLeavesItAlone) {
  const fs::path file = path("notes.txt");
  const std::string text(2000, 'x');
  std::ofstream(file) << text;
  for (bool create : {false, true})
    EXPECT_NE(open_error(file, create).find("not a casegraph case file (not an SQLite database)"),
              std::string::npos);
  std::ifstream in(file);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);
}

TEST_F(CaseFileTest, TransactionRolledBackOnException) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  fill_small_case(cf);
  const std::string before = cf.content_hash();
  try {
    CaseFile::Transaction tx(cf);
    cf.upsert_entity(person("nominal:N9", "Chen Wei", {}));
    cf.add_record({0, 1, 2, "OCC2", "raw", nlohmann::json::object(), ""});
    cf.audit("import", {{"files", {"x.csv"}}}, "partial");
    throw std::runtime_error("bad row");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(cf.entities().size(), 3u);
  EXPECT_EQ(cf.count_records(), 1);
  EXPECT_TRUE(cf.audit_log().empty());
  EXPECT_EQ(cf.content_hash(), before);
}

TEST_F(CaseFileTest, NestedTransactionIsASavepoint) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  CaseFile::Transaction outer(cf);
  cf.upsert_entity(person("nominal:N1", "Anna", {}));
  {
    CaseFile::Transaction inner(cf);
    cf.upsert_entity(person("nominal:N2", "Ben", {}));
  }  // not committed: only the inner work is undone
  {
    CaseFile::Transaction inner(cf);
    cf.upsert_entity(person("nominal:N3", "Chen", {}));
    inner.commit();
  }
  outer.commit();
  EXPECT_EQ(cf.entities().size(), 2u);
  EXPECT_FALSE(cf.find_entity("person", "nominal:N2"));
}

TEST_F(CaseFileTest, UpsertKeepsLabelAndMergesAttributes) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  bool created = false;
  const RowId first = cf.upsert_entity(person("k:1", "Anna Kowalska", {{"dob", "2008-04-01"}}), created);
  EXPECT_TRUE(created);
  const RowId again =
      cf.upsert_entity(person("k:1", "A. Kowalska", {{"dob", "2009-01-01"}, {"phone", "0700"}}), created);
  EXPECT_FALSE(created);
  EXPECT_EQ(first, again);
  const EntityRow e = cf.entities().at(0);
  EXPECT_EQ(e.label, "Anna Kowalska");
  EXPECT_EQ(e.attributes["dob"], "2008-04-01");
  EXPECT_EQ(e.attributes["phone"], "0700");
  // An empty label is filled in by a later source; same key, other type is another entity.
  const RowId unlabelled = cf.upsert_entity({0, "vehicle", "k:1", "", {}});
  EXPECT_NE(unlabelled, first);
  cf.upsert_entity({0, "vehicle", "k:1", "AB12CDE", {}});
  EXPECT_EQ(cf.entities().at(1).label, "AB12CDE");
  EXPECT_EQ(cf.find_entity("person", "k:1"), first);
  EXPECT_EQ(cf.find_entity_by_key("k:1"), first);
  EXPECT_FALSE(cf.find_entity("person", "k:2"));
}

TEST_F(CaseFileTest, LinksAndRecordsRoundTrip) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  const SmallCase c = fill_small_case(cf);
  const auto links = cf.links();
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].type, "victim_in");
  EXPECT_EQ(links[0].start, 1'600'000'000);
  EXPECT_FALSE(links[0].end);
  EXPECT_EQ(links[0].grading.text(), "");
  EXPECT_EQ(links[1].grading.text(), "2BP");
  EXPECT_DOUBLE_EQ(links[1].weight, 2.5);
  EXPECT_EQ(links[1].record_id, c.record);
  const RecordRow r = cf.record(c.record);
  EXPECT_EQ(r.raw, "OCC1,N1,N2");
  EXPECT_EQ(r.hash, sha256_hex("OCC1,N1,N2"));
  EXPECT_EQ(r.fields["Ref"], "OCC1");
  EXPECT_EQ(cf.entity_records(c.anna), std::vector<RowId>{c.record});
  EXPECT_EQ(cf.find_source_by_hash(sha256_hex("file"))->id, c.source);
  EXPECT_FALSE(cf.find_source_by_hash(sha256_hex("other")));
  EXPECT_THROW(cf.record(999), CaseFileError);
}

// A bulk load (the importer's, for large imports) drops three indexes and
// remakes them: the schema text comes back word for word, the remade
// indexes answer, and a rolled-back bulk load leaves them as they were.
TEST_F(CaseFileTest, BulkLoadRemakesTheSameIndexes) {
  auto schema_of = [](const fs::path& file) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    std::string text;
    while (st.executeStep())
      text += st.getColumn(0).getString() + " " + st.getColumn(1).getString() + ": " +
              (st.getColumn(2).isNull() ? std::string() : st.getColumn(2).getString()) + "\n";
    return text;
  };
  {
    CaseFile plain = CaseFile::open(path("plain.cgcase"), true);
    fill_small_case(plain);
  }
  CaseFile bulk = CaseFile::open(path("bulk.cgcase"), true);
  EXPECT_THROW(bulk.begin_bulk_load(), CaseFileError);  // outside a transaction
  SmallCase c;
  {
    CaseFile::Transaction tx(bulk);
    bulk.begin_bulk_load();
    EXPECT_EQ(schema_of(path("bulk.cgcase")), schema_of(path("plain.cgcase")));  // not committed yet
    c = fill_small_case(bulk);
    bulk.end_bulk_load();
    tx.commit();
  }
  const std::string plain_schema = schema_of(path("plain.cgcase"));
  EXPECT_NE(plain_schema.find("links_by_target"), std::string::npos);
  EXPECT_EQ(schema_of(path("bulk.cgcase")), plain_schema);
  EXPECT_EQ(bulk.entity_records(c.anna), std::vector<RowId>{c.record});
  {
    SQLite::Database db(path("bulk.cgcase"), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM links INDEXED BY links_by_target WHERE target = " +
                            std::to_string(c.occ)).getInt64(), 2);
  }
  {
    CaseFile::Transaction tx(bulk);
    bulk.begin_bulk_load();
  }  // rolled back: the indexes are back
  EXPECT_EQ(schema_of(path("bulk.cgcase")), plain_schema);
}

TEST_F(CaseFileTest, AuditEntriesChainAndVerify) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  cf.audit("import", {{"files", {"a.csv"}}, {"rows", 3}}, "3 rows");
  cf.audit("resolve", {{"case", "case.cgcase"}}, "1 match");
  const auto log = cf.audit_log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ(log[0].hash, sha256_hex(log[0].prev_hash + "\n" + log[0].at + "\nimport\n" +
                                    log[0].arguments.dump() + "\n3 rows"));
  EXPECT_EQ(log[1].prev_hash, log[0].hash);
  EXPECT_EQ(log[1].arguments["case"], "case.cgcase");
  EXPECT_EQ(cf.verify_audit_chain(), std::nullopt);
}

TEST_F(CaseFileTest, AuditRefusesUpdateAndDelete) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  cf.audit("import", nlohmann::json::object(), "nothing");
  EXPECT_THROW(cf.db().exec("UPDATE audit SET summary = 'edited'"), SQLite::Exception);
  EXPECT_THROW(cf.db().exec("DELETE FROM audit"), SQLite::Exception);
  EXPECT_EQ(cf.audit_log().at(0).summary, "nothing");
}

TEST_F(CaseFileTest, TamperingDetectedByVerify) {
  const fs::path file = path("case.cgcase");
  RowId second = 0;
  {
    CaseFile cf = CaseFile::open(file, true);
    cf.audit("import", {{"rows", 3}}, "3 rows");
    cf.audit("import", {{"rows", 5}}, "5 rows");
    cf.audit("analyse", {{"seed", 1}}, "run 1");
    second = cf.audit_log().at(1).id;
  }
  raw_sql(file, "DROP TRIGGER audit_no_update; UPDATE audit SET summary = '2 rows' WHERE id = " +
                    std::to_string(second));
  CaseFile cf = CaseFile::open(file, false);
  EXPECT_EQ(cf.verify_audit_chain(), second);
}

TEST_F(CaseFileTest, DecisionUndoKeepsTheRow) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  const SmallCase c = fill_small_case(cf);
  const std::string before = cf.content_hash();
  const RowId d = cf.add_decision({0, c.anna, c.ben, 0.93, "match", "analyst:jo", "same DOB and phone", "", {}});
  EXPECT_NE(cf.content_hash(), before);
  cf.undo_decision(d);
  const auto all = cf.decisions(false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].undone_at.has_value());
  EXPECT_FALSE(all[0].decided_at.empty());
  EXPECT_EQ(all[0].decided_by, "analyst:jo");
  EXPECT_TRUE(cf.decisions(true).empty());
  EXPECT_EQ(cf.content_hash(), before);
  EXPECT_THROW(cf.undo_decision(d + 100), CaseFileError);
}

TEST_F(CaseFileTest, RunsScoresAndClustersRoundTripInRankOrder) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  const SmallCase c = fill_small_case(cf);
  EXPECT_FALSE(cf.latest_run());
  RunRow run;
  run.kind = "analyse";
  run.parameters = {{"seed", 7}, {"resolution", 0.05}};
  run.input_hash = cf.content_hash();
  run.started_at = "2026-01-02T03:04:05Z";
  const RowId id = cf.add_run(run);
  cf.add_scores(id, {{c.anna, "pagerank", 0.4}, {c.ben, "degree", 1.0}});
  cf.add_clusters(id, {{2, 2, 0.5, {{"missing", 1}}, {c.occ}}, {1, 1, 0.9, {{"suspects", 2}}, {c.ben, c.anna}}});
  cf.finish_run(id, "2026-01-02T03:04:09Z");

  const auto latest = cf.latest_run();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, id);
  EXPECT_EQ(latest->parameters["seed"], 7);
  EXPECT_EQ(latest->engine_version, CASEGRAPH_VERSION);
  EXPECT_EQ(latest->finished_at, "2026-01-02T03:04:09Z");
  EXPECT_EQ(cf.run(id)->input_hash, run.input_hash);
  EXPECT_FALSE(cf.run(id + 1));
  EXPECT_EQ(cf.scores(id).size(), 2u);
  const auto clusters = cf.clusters(id);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].rank, 1);
  EXPECT_EQ(clusters[0].members, (std::vector<RowId>{c.ben, c.anna}));
  EXPECT_EQ(clusters[0].breakdown["suspects"], 2);
  EXPECT_EQ(clusters[1].cluster, 2);
  EXPECT_EQ(clusters[1].members, std::vector<RowId>{c.occ});
}

// The content hash is SHA-256 over one tab-separated line per entity, link
// and active decision, in id order, written here by hand: the stored
// input_hash of every past run stays reproducible however the hash is read
// (it is streamed in 64 KiB pieces; 7,000 extra entities cross three).
TEST_F(CaseFileTest, ContentHashIsTheDocumentedLines) {
  CaseFile cf = CaseFile::open(path("case.cgcase"), true);
  const SmallCase c = fill_small_case(cf);
  CaseFile::Transaction tx(cf);
  LinkRow dated;
  dated.type = "called";
  dated.source = c.anna;
  dated.target = c.ben;
  dated.directed = false;
  dated.start = 100;
  dated.end = 200;
  dated.weight = 0.1;
  const RowId dated_id = cf.add_link(dated);
  std::string crowd;
  for (int i = 0; i < 7000; ++i) {
    const RowId id = cf.insert_entity({0, "phone", fmt::format("phone:{}", i), fmt::format("P{}", i), {}});
    crowd += fmt::format("E\t{}\tphone\tphone:{}\tP{}\t{{}}\n", id, i, i);
  }
  const RowId undone = cf.add_decision({0, c.anna, c.occ, 0.5, "non-match", "analyst:jo", "", "", {}});
  cf.undo_decision(undone);
  const RowId match = cf.add_decision({0, c.anna, c.ben, 0.93, "match", "analyst:jo", "same DOB", "", {}});
  tx.commit();

  const std::string expected =
      fmt::format("E\t{}\tperson\tnominal:N1\tAnna Kowalska\t{{\"dob\":\"2008-04-01\"}}\n", c.anna) +
      fmt::format("E\t{}\tperson\tnominal:N2\tBen Okafor\t{{}}\n", c.ben) +
      fmt::format("E\t{}\toccurrence\tocc:OCC1\tOCC1\t{{}}\n", c.occ) + crowd +
      fmt::format("L\t1\tvictim_in\t{}\t{}\t1\t1600000000\t\t1\t\t{}\n", c.anna, c.occ, c.record) +
      fmt::format("L\t2\tsuspect_in\t{}\t{}\t1\t\t\t2.5\t2BP\t{}\n", c.ben, c.occ, c.record) +
      fmt::format("L\t{}\tcalled\t{}\t{}\t0\t100\t200\t0.1\t\t0\n", dated_id, c.anna, c.ben) +
      fmt::format("D\t{}\t{}\t{}\t0.93\tmatch\n", match, c.anna, c.ben);
  EXPECT_GT(expected.size(), 3u << 16);
  EXPECT_EQ(cf.content_hash(), sha256_hex(expected));

  // The full reads behind the analysis give every row, in id order.
  const auto entities = cf.entities();
  ASSERT_EQ(entities.size(), 7003u);
  EXPECT_EQ(entities[0].attributes["dob"], "2008-04-01");
  EXPECT_EQ(entities.back().key, "phone:6999");
  const auto links = cf.links();
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[2].end, 200);
  EXPECT_FALSE(links[2].directed);
  EXPECT_EQ(links[2].record_id, 0);
}

TEST_F(CaseFileTest, Sha256AndTimeFormats) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const fs::path file = path("abc.txt");
  std::ofstream(file) << "abc";
  EXPECT_EQ(sha256_hex_of_file(file), sha256_hex("abc"));
  const std::string now = now_iso8601();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
}

}  // namespace
}  // namespace casegraph
