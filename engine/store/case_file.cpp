// The case file in SQLite (through SQLiteCpp).
//
// Conventions:
// - Times are stored as ISO 8601 UTC text where a person reads them (imported_at,
//   decided_at, audit `at`) and as integer Unix seconds where the engine filters
//   on them (link start/end).
// - JSON values (record fields, entity attributes, run parameters, cluster
//   breakdowns, audit arguments) are stored as nlohmann::json::dump() text; the
//   dump of an object is in key order, so the text is canonical and can be hashed.
// - An id of 0 in a row given to a writer means "none" and is stored as NULL
//   (a link made by the engine rather than from a record has no record_id).
// - SQLite errors other than opening surface as SQLite::Exception (a
//   std::runtime_error) carrying SQLite's own message.
#include "engine/store/case_file.h"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <fstream>
#include <limits>
#include <unordered_map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace casegraph {

namespace {

// ---------------------------------------------------------------- schema --

// Version 1. A change to this text needs kSchemaVersion bumped and a migration.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- A source file is imported once: its content hash identifies it.
CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  path         TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  spec_hash    TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  row_count    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE records (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id),
  row_number INTEGER NOT NULL,
  record_key TEXT NOT NULL,
  raw        TEXT NOT NULL,
  fields     TEXT NOT NULL,
  hash       TEXT NOT NULL,
  UNIQUE (source_id, row_number)
);

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  type       TEXT NOT NULL,
  key        TEXT NOT NULL,
  label      TEXT NOT NULL,
  attributes TEXT NOT NULL DEFAULT '{}',
  UNIQUE (key, type)  -- key first: the one index also finds an entity by key alone
);

CREATE TABLE entity_records (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  record_id INTEGER NOT NULL REFERENCES records(id),
  PRIMARY KEY (entity_id, record_id)
) WITHOUT ROWID;
CREATE INDEX entity_records_by_record ON entity_records(record_id);

-- Grading is three nullable one-letter columns: source 1-3, intelligence A-E, handling P/C.
CREATE TABLE links (
  id                   INTEGER PRIMARY KEY,
  type                 TEXT NOT NULL,
  source               INTEGER NOT NULL REFERENCES entities(id),
  target               INTEGER NOT NULL REFERENCES entities(id),
  directed             INTEGER NOT NULL,
  start_at             INTEGER,
  end_at               INTEGER,
  weight               REAL NOT NULL,
  grading_source       TEXT,
  grading_intelligence TEXT,
  grading_handling     TEXT,
  record_id            INTEGER REFERENCES records(id)
);
CREATE INDEX links_by_source ON links(source);
CREATE INDEX links_by_target ON links(target);

CREATE TABLE decisions (
  id         INTEGER PRIMARY KEY,
  entity_a   INTEGER NOT NULL REFERENCES entities(id),
  entity_b   INTEGER NOT NULL REFERENCES entities(id),
  score      REAL NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('match', 'non-match')),
  decided_by TEXT NOT NULL,
  reason     TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  undone_at  TEXT
);

CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  parameters     TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  input_hash     TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT
);

CREATE TABLE run_scores (
  run_id    INTEGER NOT NULL REFERENCES runs(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  measure   TEXT NOT NULL,
  value     REAL NOT NULL,
  PRIMARY KEY (run_id, measure, entity_id)
) WITHOUT ROWID;

CREATE TABLE run_clusters (
  run_id    INTEGER NOT NULL REFERENCES runs(id),
  cluster   INTEGER NOT NULL,
  rank      INTEGER NOT NULL,
  score     REAL NOT NULL,
  breakdown TEXT NOT NULL,
  PRIMARY KEY (run_id, cluster)
) WITHOUT ROWID;

-- position keeps the members in the order the engine gave them.
CREATE TABLE run_members (
  run_id    INTEGER NOT NULL,
  cluster   INTEGER NOT NULL,
  position  INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (run_id, cluster, position),
  FOREIGN KEY (run_id, cluster) REFERENCES run_clusters(run_id, cluster)
) WITHOUT ROWID;

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,
  arguments TEXT NOT NULL,
  summary   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
)sql";

// The secondary indexes, word for word as kSchemaV1 creates them (so that a
// bulk load, which drops and remakes them, leaves the same schema text).
constexpr std::array<std::pair<const char*, const char*>, 3> kSecondaryIndexes{{
    {"entity_records_by_record", "CREATE INDEX entity_records_by_record ON entity_records(record_id)"},
    {"links_by_source", "CREATE INDEX links_by_source ON links(source)"},
    {"links_by_target", "CREATE INDEX links_by_target ON links(target)"},
}};

constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// ---------------------------------------------------------------- helpers --

std::string quoted(const std::filesystem::path& path) { return path.string(); }

void ensure_sodium() {
  // sodium_init is itself thread-safe; the static makes it happen once.
  static const int ready = sodium_init();
  if (ready < 0) throw CaseFileError("libsodium failed to initialise");
}

std::string hex_of(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest) {
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

// Incremental SHA-256 for hashes over many rows or a large file.
class Sha256 {
 public:
  Sha256() {
    ensure_sodium();
    crypto_hash_sha256_init(&state_);
  }
  void add(std::string_view bytes) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  }
  std::string hex() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state_, digest.data());
    return hex_of(digest);
  }

 private:
  crypto_hash_sha256_state state_{};
};

std::string audit_hash(const std::string& prev_hash, const std::string& at, const std::string& command,
                       const std::string& arguments_dump, const std::string& summary) {
  return sha256_hex(prev_hash + "\n" + at + "\n" + command + "\n" + arguments_dump + "\n" + summary);
}

// Binds text, or NULL when empty (for optional text columns).
void bind_text_or_null(SQLite::Statement& st, int index, const std::string& text) {
  if (text.empty()) st.bind(index);
  else st.bind(index, text);
}

void bind_id_or_null(SQLite::Statement& st, int index, RowId id) {
  if (id == 0) st.bind(index);
  else st.bind(index, id);
}

void bind_grade_char(SQLite::Statement& st, int index, char c) {
  if (c == 0) st.bind(index);
  else st.bind(index, std::string(1, c));
}

std::string text_or_empty(const SQLite::Column& column) {
  return column.isNull() ? std::string() : column.getString();
}

// Resets a cached statement when the caller is done with it, even on an
// exception, so it holds no lock and is ready for the next use.
class Reuse {
 public:
  explicit Reuse(SQLite::Statement& st) : st_(st) {}
  ~Reuse() { st_.tryReset(); }
  Reuse(const Reuse&) = delete;
  Reuse& operator=(const Reuse&) = delete;

 private:
  SQLite::Statement& st_;
};

// Reads many rows through SQLite's C interface. SQLiteCpp's Column holds a
// shared pointer to its statement, so each column read costs two atomic
// reference-count updates and text columns are copied into std::strings:
// a large share of reading ten million links (100k synth people).
class RowReader {
 public:
  RowReader(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
    check(sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr));
  }
  ~RowReader() { sqlite3_finalize(st_); }
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  void bind(int index, std::string_view text) {
    check(sqlite3_bind_text(st_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(st_, index, value)); }
  bool next() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) check(rc);
    return false;
  }
  std::int64_t int64(int column) const { return sqlite3_column_int64(st_, column); }
  double real(int column) const { return sqlite3_column_double(st_, column); }
  bool is_null(int column) const { return sqlite3_column_type(st_, column) == SQLITE_NULL; }
  // Valid until the next step; empty for NULL.
  std::string_view text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(st_, column));
    if (bytes == nullptr) return {};
    return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(st_, column))};
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

char grade_char(const RowReader& row, int column) {
  const std::string_view text = row.text(column);
  return text.empty() ? char{0} : text[0];
}

std::optional<Timestamp> optional_time(const RowReader& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.int64(column);
}

// A row of sql::select_links.
LinkRow link_from(const RowReader& row) {
  LinkRow link;
  link.id = row.int64(0);
  link.type = row.text(1);
  link.source = row.int64(2);
  link.target = row.int64(3);
  link.directed = row.int64(4) != 0;
  link.start = optional_time(row, 5);
  link.end = optional_time(row, 6);
  link.weight = row.real(7);
  link.grading.source = grade_char(row, 8);
  link.grading.intelligence = grade_char(row, 9);
  link.grading.handling = grade_char(row, 10);
  link.record_id = row.int64(11);  // 0 for NULL
  return link;
}

// A row of sql::select_entities (or any id, type, key, label, attributes).
EntityRow entity_from(const RowReader& row) {
  return {row.int64(0), std::string(row.text(1)), std::string(row.text(2)), std::string(row.text(3)),
          nlohmann::json::parse(row.text(4))};
}

// How many rows a full read of `table` returns, at most, to reserve for: the
// largest id is found at the end of the table's B-tree without a scan, and
// rows are never deleted.
std::size_t max_id(SQLite::Database& db, const char* table) {
  return static_cast<std::size_t>(
      db.execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", table)).getInt64());
}

bool has_table(SQLite::Database& db, const char* name) { return db.tableExists(name); }

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// Throws unless `db` is a case file this casegraph can read.
void check_readable(SQLite::Database& db, const std::filesystem::path& path) {
  const int version = user_version(db);
  if (version > CaseFile::kSchemaVersion)
    throw CaseFileError(fmt::format(
        "case file {} was written by a newer casegraph (schema {}); this casegraph reads schema {} or older: "
        "upgrade casegraph",
        quoted(path), version, CaseFile::kSchemaVersion));
  if (version < 1 || !has_table(db, "meta") || !has_table(db, "audit"))
    throw CaseFileError(fmt::format("{} is an SQLite database but not a casegraph case file (no casegraph schema)",
                                    quoted(path)));
}

bool is_empty_database(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt64() == 0 && user_version(db) == 0;
}

void create_schema(SQLite::Database& db) {
  SQLite::Transaction tx(db);
  db.exec(kSchemaV1);
  SQLite::Statement meta(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
  const std::array<std::pair<const char*, std::string>, 2> rows{{
      {"created_at", now_iso8601()},
      {"created_by", std::string("casegraph ") + CASEGRAPH_VERSION},
  }};
  for (const auto& [key, value] : rows) {
    meta.bind(1, key);
    meta.bind(2, value);
    meta.exec();
    meta.reset();
  }
  db.exec(fmt::format("PRAGMA user_version = {}", CaseFile::kSchemaVersion));
  tx.commit();
}

void apply_connection_settings(SQLite::Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  // NORMAL is safe in WAL mode (a power cut can lose the last commit, never corrupt).
  db.exec("PRAGMA synchronous = NORMAL");
  // An import is one transaction over hundreds of thousands of rows; with
  // SQLite's default 2 MiB page cache it spills to disk and rereads its own
  // index pages. The cache grows only as far as it is used.
  db.exec("PRAGMA cache_size = -262144");  // KiB: 256 MiB
}

}  // namespace

// ------------------------------------------------------------ statements --

struct CaseFile::StatementCache {
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> by_sql;
};

SQLite::Statement& CaseFile::cached(const char* sql) const {
  if (!statements_) statements_ = std::make_unique<StatementCache>();
  // Keyed by the address of the SQL text: every caller passes one of the
  // string constants below, so the same statement always has the same key.
  auto& slot = statements_->by_sql[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  return *slot;
}

namespace sql {
constexpr const char* find_source_by_hash =
    "SELECT id, name, path, content_hash, spec_hash, imported_at, row_count FROM sources WHERE content_hash = ?";
constexpr const char* add_record =
    "INSERT INTO records(source_id, row_number, record_key, raw, fields, hash) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* find_entity_full = "SELECT id, label, attributes FROM entities WHERE type = ? AND key = ?";
constexpr const char* record_of_link = "SELECT coalesce(record_id, 0) FROM links WHERE id = ?";
constexpr const char* find_entity_by_key = "SELECT id FROM entities WHERE key = ? ORDER BY id LIMIT 1";
constexpr const char* insert_entity = "INSERT INTO entities(type, key, label, attributes) VALUES (?, ?, ?, ?)";
constexpr const char* update_entity = "UPDATE entities SET label = ?, attributes = ? WHERE id = ?";
constexpr const char* add_entity_record =
    "INSERT OR IGNORE INTO entity_records(entity_id, record_id) VALUES (?, ?)";
constexpr const char* add_link =
    "INSERT INTO links(type, source, target, directed, start_at, end_at, weight, grading_source, "
    "grading_intelligence, grading_handling, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* add_score = "INSERT INTO run_scores(run_id, entity_id, measure, value) VALUES (?, ?, ?, ?)";
constexpr const char* add_cluster =
    "INSERT INTO run_clusters(run_id, cluster, rank, score, breakdown) VALUES (?, ?, ?, ?, ?)";
constexpr const char* add_member =
    "INSERT INTO run_members(run_id, cluster, position, entity_id) VALUES (?, ?, ?, ?)";
constexpr const char* select_links =
    "SELECT id, type, source, target, directed, start_at, end_at, weight, grading_source, grading_intelligence, "
    "grading_handling, record_id FROM links ORDER BY id";
constexpr const char* select_entities = "SELECT id, type, key, label, attributes FROM entities ORDER BY id";
constexpr const char* add_decision =
    "INSERT INTO decisions(entity_a, entity_b, score, decision, decided_by, reason, decided_at, undone_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_decisions =
    "SELECT id, entity_a, entity_b, score, decision, decided_by, reason, decided_at, undone_at FROM decisions ";
constexpr const char* select_runs =
    "SELECT id, kind, parameters, engine_version, input_hash, started_at, finished_at FROM runs ";
}  // namespace sql

// ------------------------------------------------------------------ open --

CaseFile CaseFile::open(const std::filesystem::path& path, bool create) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && !create)
    throw CaseFileError(fmt::format("case file {} does not exist; `casegraph import` creates one", quoted(path)));

  int flags = SQLite::OPEN_READWRITE;
  if (create) flags |= SQLite::OPEN_CREATE;
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(path, flags, 5000);
  } catch (const SQLite::Exception& e) {
    throw CaseFileError(fmt::format("cannot open case file {}: {}", quoted(path), e.what()));
  }
  try {
    // The first read of the header tells a case file from anything else.
    if (create && is_empty_database(*db)) create_schema(*db);
    check_readable(*db, path);
    apply_connection_settings(*db);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw CaseFileError(fmt::format("{} is not a casegraph case file (not an SQLite database)", quoted(path)));
    throw CaseFileError(fmt::format("cannot read case file {}: {}", quoted(path), e.what()));
  }
  return CaseFile(path, std::move(db));
}

CaseFile::CaseFile(std::filesystem::path path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

CaseFile::CaseFile(CaseFile&&) noexcept = default;

CaseFile& CaseFile::operator=(CaseFile&& other) noexcept {
  if (this != &other) {
    statements_.reset();  // finalise before the database they belong to closes
    db_ = std::move(other.db_);
    statements_ = std::move(other.statements_);
    path_ = std::move(other.path_);
  }
  return *this;
}

CaseFile::~CaseFile() { statements_.reset(); }

int CaseFile::schema_version() const { return user_version(*db_); }

// ----------------------------------------------------------- transaction --

CaseFile::Transaction::Transaction(CaseFile& file) : file_(file) {
  if (sqlite3_get_autocommit(file_.db_->getHandle()) != 0) {
    // IMMEDIATE takes the write lock now, so a second writer waits (busy
    // timeout) at the start rather than failing halfway through.
    file_.db_->exec("BEGIN IMMEDIATE");
  } else {
    static std::atomic<std::int64_t> next_savepoint{0};
    savepoint_ = fmt::format("casegraph_{}", ++next_savepoint);
    file_.db_->exec("SAVEPOINT " + savepoint_);
  }
}

CaseFile::Transaction::~Transaction() {
  if (done_) return;
  if (savepoint_.empty()) {
    file_.db_->tryExec("ROLLBACK");
  } else {
    file_.db_->tryExec(("ROLLBACK TO " + savepoint_).c_str());
    file_.db_->tryExec(("RELEASE " + savepoint_).c_str());
  }
}

void CaseFile::Transaction::commit() {
  if (done_) throw CaseFileError("transaction already finished");
  file_.db_->exec(savepoint_.empty() ? std::string("COMMIT") : "RELEASE " + savepoint_);
  done_ = true;
}

CaseFile::TrustedReferences::TrustedReferences(CaseFile& file) : file_(file) {
  if (sqlite3_get_autocommit(file_.db_->getHandle()) == 0) return;
  file_.db_->exec("PRAGMA foreign_keys = OFF");
  switched_ = true;
}

CaseFile::TrustedReferences::~TrustedReferences() {
  if (switched_) file_.db_->tryExec("PRAGMA foreign_keys = ON");
}

// ------------------------------------------------------------- bulk load --

void CaseFile::begin_bulk_load() {
  if (sqlite3_get_autocommit(db_->getHandle()) != 0)
    throw CaseFileError("begin_bulk_load needs an open transaction (the indexes must come back with the data)");
  // Every row then lands in a few B-trees that grow at their ends (rowid
  // tables, the records index by source and row) instead of also in three
  // indexes keyed by entity, whose random inserts outgrow the page cache
  // at 100k synth people and turn each row into disk reads; CREATE INDEX
  // afterwards sorts once. The cache is raised for the same reason: it grows
  // only as far as the load uses it.
  db_->exec("PRAGMA cache_size = -2097152");  // KiB: 2 GiB
  for (const auto& [name, create] : kSecondaryIndexes) db_->exec(fmt::format("DROP INDEX {}", name));
}

void CaseFile::end_bulk_load() {
  for (const auto& [name, create] : kSecondaryIndexes) db_->exec(create);
}

// --------------------------------------------------- sources and records --

std::optional<SourceRow> CaseFile::find_source_by_hash(const std::string& content_hash) const {
  SQLite::Statement& st = cached(sql::find_source_by_hash);
  Reuse reuse(st);
  st.bind(1, content_hash);
  if (!st.executeStep()) return std::nullopt;
  return SourceRow{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getInt64()};
}

RowId CaseFile::add_source(const SourceRow& source) {
  SQLite::Statement st(*db_,
                       "INSERT INTO sources(name, path, content_hash, spec_hash, imported_at, row_count) "
                       "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, source.name);
  st.bind(2, source.path);
  st.bind(3, source.content_hash);
  st.bind(4, source.spec_hash);
  st.bind(5, source.imported_at.empty() ? now_iso8601() : source.imported_at);
  st.bind(6, source.row_count);
  st.exec();
  return db_->getLastInsertRowid();
}

void CaseFile::set_source_row_count(RowId source_id, std::int64_t rows) {
  SQLite::Statement st(*db_, "UPDATE sources SET row_count = ? WHERE id = ?");
  st.bind(1, rows);
  st.bind(2, source_id);
  if (st.exec() == 0) throw CaseFileError(fmt::format("no source with id {}", source_id));
}

RowId CaseFile::add_record(const RecordRow& record) {
  const std::string fields_json = record.fields.dump();
  return add_record(record, fields_json);
}

RowId CaseFile::add_record(const RecordRow& record, const std::string& fields_json) {
  SQLite::Statement& st = cached(sql::add_record);
  Reuse reuse(st);
  st.bind(1, record.source_id);
  st.bind(2, record.row_number);
  st.bindNoCopy(3, record.record_key);
  st.bindNoCopy(4, record.raw);
  st.bindNoCopy(5, fields_json);
  st.bind(6, record.hash.empty() ? sha256_hex(record.raw) : record.hash);
  st.exec();
  return db_->getLastInsertRowid();
}

std::vector<SourceRow> CaseFile::sources() const {
  SQLite::Statement st(*db_,
                       "SELECT id, name, path, content_hash, spec_hash, imported_at, row_count FROM sources "
                       "ORDER BY id");
  std::vector<SourceRow> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getInt64()});
  return out;
}

RecordRow CaseFile::record(RowId id) const {
  SQLite::Statement st(*db_,
                       "SELECT id, source_id, row_number, record_key, raw, fields, hash FROM records WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw CaseFileError(fmt::format("no record with id {} in {}", id, quoted(path_)));
  return {st.getColumn(0).getInt64(),  st.getColumn(1).getInt64(),
          st.getColumn(2).getInt64(),  st.getColumn(3).getString(),
          st.getColumn(4).getString(), nlohmann::json::parse(st.getColumn(5).getString()),
          st.getColumn(6).getString()};
}

std::int64_t CaseFile::count_records() const { return db_->execAndGet("SELECT count(*) FROM records").getInt64(); }

// -------------------------------------------------------------- entities --

RowId CaseFile::upsert_entity(const EntityRow& entity) {
  bool created = false;
  return upsert_entity(entity, created);
}

RowId CaseFile::upsert_entity(const EntityRow& entity, bool& created) {
  std::optional<RowId> existing_id;
  std::string label;
  nlohmann::json attributes;
  {
    SQLite::Statement& find = cached(sql::find_entity_full);
    Reuse reuse(find);
    find.bind(1, entity.type);
    find.bind(2, entity.key);
    if (find.executeStep()) {
      existing_id = find.getColumn(0).getInt64();
      label = find.getColumn(1).getString();
      attributes = nlohmann::json::parse(find.getColumn(2).getText());
    }
  }
  const nlohmann::json& given = entity.attributes.is_null() ? nlohmann::json::object() : entity.attributes;
  if (!existing_id) {
    SQLite::Statement& insert = cached(sql::insert_entity);
    Reuse reuse(insert);
    insert.bind(1, entity.type);
    insert.bind(2, entity.key);
    insert.bind(3, entity.label);
    insert.bind(4, given.dump());
    insert.exec();
    created = true;
    return db_->getLastInsertRowid();
  }
  // What the case file already says stands; a new source only fills gaps.
  bool changed = false;
  if (label.empty() && !entity.label.empty()) {
    label = entity.label;
    changed = true;
  }
  for (const auto& [name, value] : given.items()) {
    if (attributes.contains(name)) continue;
    attributes[name] = value;
    changed = true;
  }
  if (changed) {
    SQLite::Statement& update = cached(sql::update_entity);
    Reuse reuse(update);
    update.bind(1, label);
    update.bind(2, attributes.dump());
    update.bind(3, *existing_id);
    update.exec();
  }
  created = false;
  return *existing_id;
}

std::optional<EntityRow> CaseFile::find_entity_row(const std::string& type, const std::string& key) const {
  SQLite::Statement& st = cached(sql::find_entity_full);
  Reuse reuse(st);
  st.bind(1, type);
  st.bind(2, key);
  if (!st.executeStep()) return std::nullopt;
  return EntityRow{st.getColumn(0).getInt64(), type, key, st.getColumn(1).getString(),
                   nlohmann::json::parse(st.getColumn(2).getText())};
}

RowId CaseFile::insert_entity(const EntityRow& entity) {
  SQLite::Statement& insert = cached(sql::insert_entity);
  Reuse reuse(insert);
  insert.bind(1, entity.type);
  insert.bind(2, entity.key);
  insert.bind(3, entity.label);
  insert.bind(4, entity.attributes.is_null() ? std::string("{}") : entity.attributes.dump());
  insert.exec();
  return db_->getLastInsertRowid();
}

std::optional<RowId> CaseFile::find_entity(const std::string& type, const std::string& key) const {
  SQLite::Statement& st = cached(sql::find_entity_full);
  Reuse reuse(st);
  st.bind(1, type);
  st.bind(2, key);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

std::optional<RowId> CaseFile::find_entity_by_key(const std::string& key) const {
  SQLite::Statement& st = cached(sql::find_entity_by_key);
  Reuse reuse(st);
  st.bind(1, key);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

void CaseFile::add_entity_record(RowId entity_id, RowId record_id) {
  SQLite::Statement& st = cached(sql::add_entity_record);
  Reuse reuse(st);
  st.bind(1, entity_id);
  st.bind(2, record_id);
  st.exec();
}

void CaseFile::add_entity_records(std::vector<std::pair<RowId, RowId>>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  SQLite::Statement& st = cached(sql::add_entity_record);
  Reuse reuse(st);
  for (const auto& [entity_id, record_id] : pairs) {
    st.bind(1, entity_id);
    st.bind(2, record_id);
    st.exec();
    st.reset();
  }
}

std::vector<EntityRow> CaseFile::entities() const {
  RowReader row(*db_, sql::select_entities);
  std::vector<EntityRow> out;
  out.reserve(max_id(*db_, "entities"));
  while (row.next()) out.push_back(entity_from(row));
  return out;
}

std::optional<EntityRow> CaseFile::entity(RowId id) const {
  RowReader row(*db_, "SELECT id, type, key, label, attributes FROM entities WHERE id = ?");
  row.bind(1, id);
  if (!row.next()) return std::nullopt;
  return entity_from(row);
}

std::vector<EntityRow> CaseFile::entities_of_type(std::string_view type) const {
  RowReader row(*db_, "SELECT id, type, key, label, attributes FROM entities WHERE type = ? ORDER BY id");
  row.bind(1, type);
  std::vector<EntityRow> out;
  while (row.next()) out.push_back(entity_from(row));
  return out;
}

void CaseFile::for_each_entity_attributes(std::string_view type,
                                          const std::function<void(RowId, std::string_view)>& visit) const {
  SQLite::Statement st(*db_, "SELECT id, attributes FROM entities WHERE type = ? ORDER BY id");
  st.bind(1, std::string(type));
  while (st.executeStep()) {
    const SQLite::Column attributes = st.getColumn(1);
    const char* text = attributes.getText();  // before getBytes, as SQLite asks
    const auto bytes = static_cast<std::size_t>(attributes.getBytes());
    visit(st.getColumn(0).getInt64(), std::string_view(text, bytes));
  }
}

std::vector<CaseFile::EntityRecordKey> CaseFile::entity_record_keys(std::string_view type) const {
  SQLite::Statement st(*db_,
                       "SELECT er.entity_id, s.name, r.record_key FROM entity_records er "
                       "JOIN entities e ON e.id = er.entity_id JOIN records r ON r.id = er.record_id "
                       "JOIN sources s ON s.id = r.source_id WHERE e.type = ? ORDER BY r.id, er.entity_id");
  st.bind(1, std::string(type));
  std::vector<EntityRecordKey> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()});
  return out;
}

std::vector<RowId> CaseFile::entity_records(RowId entity_id) const {
  SQLite::Statement st(*db_, "SELECT record_id FROM entity_records WHERE entity_id = ? ORDER BY record_id");
  st.bind(1, entity_id);
  std::vector<RowId> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

// ----------------------------------------------------------------- links --

RowId CaseFile::add_link(const LinkRow& link) {
  SQLite::Statement& st = cached(sql::add_link);
  Reuse reuse(st);
  st.bind(1, link.type);
  st.bind(2, link.source);
  st.bind(3, link.target);
  st.bind(4, link.directed ? 1 : 0);
  if (link.start) st.bind(5, *link.start);
  else st.bind(5);
  if (link.end) st.bind(6, *link.end);
  else st.bind(6);
  st.bind(7, link.weight);
  bind_grade_char(st, 8, link.grading.source);
  bind_grade_char(st, 9, link.grading.intelligence);
  bind_grade_char(st, 10, link.grading.handling);
  bind_id_or_null(st, 11, link.record_id);
  st.exec();
  return db_->getLastInsertRowid();
}

std::vector<LinkRow> CaseFile::links() const {
  RowReader row(*db_, sql::select_links);
  std::vector<LinkRow> out;
  // Sized up front: a vector grown by doubling holds both copies of ten
  // million links while it moves them (100k synth people).
  out.reserve(max_id(*db_, "links"));
  while (row.next()) out.push_back(link_from(row));
  return out;
}

std::optional<RowId> CaseFile::record_of_link(RowId link_id) const {
  SQLite::Statement& st = cached(sql::record_of_link);
  Reuse reuse(st);
  st.bind(1, link_id);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

// ------------------------------------------------------------ resolution --

RowId CaseFile::add_decision(const Decision& decision) {
  // Cached: resolution stores hundreds of thousands of decisions in one go.
  SQLite::Statement& st = cached(sql::add_decision);
  Reuse reuse(st);
  st.bind(1, decision.entity_a);
  st.bind(2, decision.entity_b);
  st.bind(3, decision.score);
  st.bind(4, decision.decision);
  st.bind(5, decision.decided_by);
  st.bind(6, decision.reason);
  st.bind(7, decision.decided_at.empty() ? now_iso8601() : decision.decided_at);
  if (decision.undone_at) st.bind(8, *decision.undone_at);
  else st.bind(8);
  st.exec();
  return db_->getLastInsertRowid();
}

void CaseFile::undo_decision(RowId decision_id) {
  // An undone decision stays in the file with the time it was undone; undoing
  // it again keeps the first time.
  SQLite::Statement st(*db_, "UPDATE decisions SET undone_at = coalesce(undone_at, ?) WHERE id = ?");
  st.bind(1, now_iso8601());
  st.bind(2, decision_id);
  if (st.exec() == 0) throw CaseFileError(fmt::format("no decision with id {}", decision_id));
}

std::vector<Decision> CaseFile::decisions(bool active_only) const {
  SQLite::Statement st(*db_, std::string(sql::select_decisions) +
                                 (active_only ? "WHERE undone_at IS NULL ORDER BY id" : "ORDER BY id"));
  std::vector<Decision> out;
  while (st.executeStep()) {
    Decision d;
    d.id = st.getColumn(0).getInt64();
    d.entity_a = st.getColumn(1).getInt64();
    d.entity_b = st.getColumn(2).getInt64();
    d.score = st.getColumn(3).getDouble();
    d.decision = st.getColumn(4).getString();
    d.decided_by = st.getColumn(5).getString();
    d.reason = st.getColumn(6).getString();
    d.decided_at = st.getColumn(7).getString();
    if (!st.getColumn(8).isNull()) d.undone_at = st.getColumn(8).getString();
    out.push_back(std::move(d));
  }
  return out;
}

// ------------------------------------------------------------------ runs --

RowId CaseFile::add_run(const RunRow& run) {
  SQLite::Statement st(*db_,
                       "INSERT INTO runs(kind, parameters, engine_version, input_hash, started_at, finished_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, run.kind);
  st.bind(2, run.parameters.dump());
  st.bind(3, run.engine_version.empty() ? std::string(CASEGRAPH_VERSION) : run.engine_version);
  st.bind(4, run.input_hash);
  st.bind(5, run.started_at.empty() ? now_iso8601() : run.started_at);
  bind_text_or_null(st, 6, run.finished_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void CaseFile::finish_run(RowId run_id, const std::string& finished_at) {
  SQLite::Statement st(*db_, "UPDATE runs SET finished_at = ? WHERE id = ?");
  st.bind(1, finished_at);
  st.bind(2, run_id);
  if (st.exec() == 0) throw CaseFileError(fmt::format("no analysis run with id {}", run_id));
}

void CaseFile::add_scores(RowId run_id, const std::vector<ScoreRow>& scores) {
  SQLite::Statement& st = cached(sql::add_score);
  for (const ScoreRow& s : scores) {
    Reuse reuse(st);
    st.bind(1, run_id);
    st.bind(2, s.entity_id);
    st.bind(3, s.measure);
    st.bind(4, s.value);
    st.exec();
  }
}

void CaseFile::add_clusters(RowId run_id, const std::vector<ClusterRow>& clusters) {
  SQLite::Statement& cluster = cached(sql::add_cluster);
  SQLite::Statement& member = cached(sql::add_member);
  for (const ClusterRow& c : clusters) {
    {
      Reuse reuse(cluster);
      cluster.bind(1, run_id);
      cluster.bind(2, c.cluster);
      cluster.bind(3, c.rank);
      cluster.bind(4, c.score);
      cluster.bind(5, c.breakdown.dump());
      cluster.exec();
    }
    std::int64_t position = 0;
    for (RowId entity : c.members) {
      Reuse reuse(member);
      member.bind(1, run_id);
      member.bind(2, c.cluster);
      member.bind(3, position++);
      member.bind(4, entity);
      member.exec();
    }
  }
}

namespace {
RunRow run_from(const SQLite::Statement& st) {
  return {st.getColumn(0).getInt64(),
          st.getColumn(1).getString(),
          nlohmann::json::parse(st.getColumn(2).getText()),
          st.getColumn(3).getString(),
          st.getColumn(4).getString(),
          st.getColumn(5).getString(),
          text_or_empty(st.getColumn(6))};
}
}  // namespace

std::optional<RunRow> CaseFile::latest_run() const {
  SQLite::Statement st(*db_, std::string(sql::select_runs) + "ORDER BY id DESC LIMIT 1");
  if (!st.executeStep()) return std::nullopt;
  return run_from(st);
}

std::optional<RunRow> CaseFile::run(RowId run_id) const {
  SQLite::Statement st(*db_, std::string(sql::select_runs) + "WHERE id = ?");
  st.bind(1, run_id);
  if (!st.executeStep()) return std::nullopt;
  return run_from(st);
}

std::vector<ScoreRow> CaseFile::scores(RowId run_id) const {
  SQLite::Statement st(*db_,
                       "SELECT entity_id, measure, value FROM run_scores WHERE run_id = ? ORDER BY measure, entity_id");
  st.bind(1, run_id);
  std::vector<ScoreRow> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getDouble()});
  return out;
}

namespace {
// The rows of run ?1 in run_clusters, found without reading their evidence.
// `run_id = ?` makes SQLite compare each row's whole key with the range's end,
// and in this WITHOUT ROWID table the key is the whole row, breakdown and its
// overflow pages included: counting the 6,505 clusters of a run at 100k synth
// people read 286 MB (1.7 s of processor time). A range open at the top has no
// end to compare with, and `+run_id` (no index) tests only the column: 0.04 s.
std::string select_clusters_of_run(std::string_view what, std::string_view rest) {
  return fmt::format("SELECT {} FROM run_clusters WHERE run_id >= ?1 AND +run_id = ?1 {}", what, rest);
}

// One stored cluster with its members, by its id within the run.
ClusterRow cluster_row(SQLite::Database& db, RowId run_id, std::int64_t cluster) {
  SQLite::Statement st(db, "SELECT cluster, rank, score, breakdown FROM run_clusters WHERE run_id = ? AND cluster = ?");
  st.bind(1, run_id);
  st.bind(2, cluster);
  if (!st.executeStep()) throw CaseFileError(fmt::format("run {} has no cluster {}", run_id, cluster));
  ClusterRow c{st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getDouble(),
               nlohmann::json::parse(st.getColumn(3).getText()), {}};
  SQLite::Statement members(db, "SELECT entity_id FROM run_members WHERE run_id = ? AND cluster = ? ORDER BY position");
  members.bind(1, run_id);
  members.bind(2, cluster);
  while (members.executeStep()) c.members.push_back(members.getColumn(0).getInt64());
  return c;
}
}  // namespace

std::vector<ClusterRow> CaseFile::clusters(RowId run_id) const {
  return clusters(run_id, std::numeric_limits<std::size_t>::max());
}

std::vector<ClusterRow> CaseFile::clusters(RowId run_id, std::size_t top) const {
  // The ranks first, reading no evidence, then each wanted cluster by its
  // key: only the clusters returned have their breakdown read and parsed.
  SQLite::Statement ranked(*db_, select_clusters_of_run("cluster", "ORDER BY rank, cluster LIMIT ?2"));
  ranked.bind(1, run_id);
  ranked.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(top, std::numeric_limits<std::int64_t>::max())));
  std::vector<ClusterRow> out;
  while (ranked.executeStep()) out.push_back(cluster_row(*db_, run_id, ranked.getColumn(0).getInt64()));
  return out;
}

std::optional<ClusterRow> CaseFile::cluster_at_rank(RowId run_id, std::int64_t rank) const {
  SQLite::Statement st(*db_, select_clusters_of_run("cluster", "AND rank = ?2 ORDER BY cluster LIMIT 1"));
  st.bind(1, run_id);
  st.bind(2, rank);
  if (!st.executeStep()) return std::nullopt;
  return cluster_row(*db_, run_id, st.getColumn(0).getInt64());
}

std::int64_t CaseFile::count_clusters(RowId run_id) const {
  SQLite::Statement st(*db_, select_clusters_of_run("count(*)", ""));
  st.bind(1, run_id);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

// ----------------------------------------------------------------- audit --

void CaseFile::audit(const std::string& command, const nlohmann::json& arguments, const std::string& summary) {
  std::string prev_hash = kGenesisHash;
  {
    SQLite::Statement last(*db_, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
    if (last.executeStep()) prev_hash = last.getColumn(0).getString();
  }
  const std::string at = now_iso8601();
  const std::string dump = arguments.dump();
  SQLite::Statement st(*db_,
                       "INSERT INTO audit(at, command, arguments, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, at);
  st.bind(2, command);
  st.bind(3, dump);
  st.bind(4, summary);
  st.bind(5, prev_hash);
  st.bind(6, audit_hash(prev_hash, at, command, dump, summary));
  st.exec();
}

std::vector<AuditEntry> CaseFile::audit_log() const {
  SQLite::Statement st(*db_, "SELECT id, at, command, arguments, summary, prev_hash, hash FROM audit ORDER BY id");
  std::vector<AuditEntry> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                   nlohmann::json::parse(st.getColumn(3).getText()), st.getColumn(4).getString(),
                   st.getColumn(5).getString(), st.getColumn(6).getString()});
  return out;
}

std::optional<RowId> CaseFile::verify_audit_chain() const {
  // Recomputed from the stored argument text, not from re-parsed JSON, so
  // an edit to that text is caught even when it parses to the same value.
  SQLite::Statement st(*db_, "SELECT id, at, command, arguments, summary, prev_hash, hash FROM audit ORDER BY id");
  std::string expected_prev = kGenesisHash;
  while (st.executeStep()) {
    const RowId id = st.getColumn(0).getInt64();
    const std::string prev_hash = st.getColumn(5).getString();
    const std::string hash = st.getColumn(6).getString();
    const std::string recomputed = audit_hash(prev_hash, st.getColumn(1).getString(), st.getColumn(2).getString(),
                                              st.getColumn(3).getString(), st.getColumn(4).getString());
    if (prev_hash != expected_prev || hash != recomputed) return id;
    expected_prev = hash;
  }
  return std::nullopt;
}

// -------------------------------------------------------------- hashing --

std::string CaseFile::content_hash() const {
  // One line per row, tab-separated, entities then links then active
  // decisions, each in id order; a row type letter keeps the parts apart.
  // Rows are streamed into one buffer that is hashed as it fills, so the
  // links are never held in memory a second time (the analysis holds them).
  Sha256 sha;
  fmt::memory_buffer lines;
  const auto flush_when_full = [&] {
    if (lines.size() < (1 << 16)) return;
    sha.add(std::string_view(lines.data(), lines.size()));
    lines.clear();
  };
  const auto out = std::back_inserter(lines);
  {
    RowReader row(*db_, sql::select_entities);
    while (row.next()) {
      fmt::format_to(out, "E\t{}\t{}\t{}\t{}\t{}\n", row.int64(0), row.text(1), row.text(2), row.text(3),
                     row.text(4));
      flush_when_full();
    }
  }
  {
    RowReader row(*db_, sql::select_links);
    while (row.next()) {
      const LinkRow l = link_from(row);
      fmt::format_to(out, "L\t{}\t{}\t{}\t{}\t{}\t", l.id, l.type, l.source, l.target, l.directed ? 1 : 0);
      if (l.start) fmt::format_to(out, "{}", *l.start);
      lines.push_back('\t');
      if (l.end) fmt::format_to(out, "{}", *l.end);
      fmt::format_to(out, "\t{}\t{}\t{}\n", l.weight, l.grading.text(), l.record_id);
      flush_when_full();
    }
  }
  for (const Decision& d : decisions(true))
    fmt::format_to(out, "D\t{}\t{}\t{}\t{}\t{}\n", d.id, d.entity_a, d.entity_b, d.score, d.decision);
  sha.add(std::string_view(lines.data(), lines.size()));
  return sha.hex();
}

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return hex_of(digest);
}

std::string sha256_hex_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CaseFileError(fmt::format("cannot read {}", quoted(file)));
  Sha256 sha;
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    sha.add(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) throw CaseFileError(fmt::format("error reading {}", quoted(file)));
  return sha.hex();
}

std::string now_iso8601() {
  using namespace std::chrono;
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{now - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

}  // namespace casegraph
