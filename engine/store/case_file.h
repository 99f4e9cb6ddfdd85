#pragma once
// The case file: one SQLite database per case. It keeps every source row
// verbatim (file, row number, content hash), the entities and links made from
// them, resolution decisions, analysis runs with their parameters and
// results, and an append-only, hash-chained audit log.
//
// Nothing is lost: writers work inside a Transaction; an exception before
// commit() leaves the file exactly as it was. The schema version lives in
// PRAGMA user_version; a file written by a newer casegraph is refused.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/model/pole.h"

namespace SQLite {
class Database;
class Statement;
}

namespace casegraph {

// Any failure to open, read or write a case file, with a message for the analyst.
class CaseFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using RowId = std::int64_t;

struct SourceRow {
  RowId id = 0;
  std::string name;          // the source's name from the mapping spec, e.g. "police_occurrences"
  std::string path;          // file path as given on the command line
  std::string content_hash;  // SHA-256 hex of the file's bytes
  std::string spec_hash;     // SHA-256 hex of the mapping spec's bytes
  std::string imported_at;   // ISO 8601 UTC
  std::int64_t row_count = 0;
};

struct RecordRow {
  RowId id = 0;
  RowId source_id = 0;
  std::int64_t row_number = 0;  // 1-based data row (header excluded); line numbers are in errors
  std::string record_key;       // the source's own record id (a column), or the row number as text
  std::string raw;              // the row's text exactly as in the file
  nlohmann::json fields;        // header -> cell value, as text
  std::string hash;             // SHA-256 hex of raw
};

struct EntityRow {
  RowId id = 0;
  std::string type;   // entity_type::*
  std::string key;    // identity within the case: "<key_space>:<identifier>"
  std::string label;
  nlohmann::json attributes = nlohmann::json::object();
};

struct LinkRow {
  RowId id = 0;
  std::string type;  // link_type::*
  RowId source = 0;  // entity ids
  RowId target = 0;
  bool directed = true;
  std::optional<Timestamp> start;
  std::optional<Timestamp> end;
  double weight = 1.0;
  Grading grading;
  RowId record_id = 0;  // the record the link was made from
};

// A resolution decision between two entities. Active 'match' decisions define
// which entities are one identity; undoing sets undone_at and never deletes.
struct Decision {
  RowId id = 0;
  RowId entity_a = 0;
  RowId entity_b = 0;
  double score = 0;
  std::string decision;  // "match" or "non-match"
  std::string decided_by;  // "rule:exact-identifier", "analyst:<name>", ...
  std::string reason;
  std::string decided_at;
  std::optional<std::string> undone_at;
};

struct RunRow {
  RowId id = 0;
  std::string kind;  // "analyse"
  nlohmann::json parameters;
  std::string engine_version;
  std::string input_hash;  // hash of the entities, links and decisions the run read
  std::string started_at;
  std::string finished_at;
};

struct ScoreRow {
  RowId entity_id = 0;
  std::string measure;  // "degree", "pagerank", "betweenness", ...
  double value = 0;
};

struct ClusterRow {
  std::int64_t cluster = 0;  // community id within the run
  std::int64_t rank = 0;     // 1 = review first
  double score = 0;
  nlohmann::json breakdown;  // each component of the score with its evidence
  std::vector<RowId> members;  // canonical entity ids
};

struct AuditEntry {
  RowId id = 0;
  std::string at;
  std::string command;
  nlohmann::json arguments;
  std::string summary;
  std::string prev_hash;
  std::string hash;
};

class CaseFile {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens an existing case file, or creates one when `create` is true.
  // Throws CaseFileError when missing (and !create), not a case file, or newer.
  static CaseFile open(const std::filesystem::path& path, bool create);

  CaseFile(CaseFile&&) noexcept;
  CaseFile& operator=(CaseFile&&) noexcept;
  ~CaseFile();

  const std::filesystem::path& path() const { return path_; }
  int schema_version() const;

  // All writes of one command go through one transaction.
  class Transaction {
   public:
    explicit Transaction(CaseFile& file);
    ~Transaction();  // rolls back unless committed
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

   private:
    CaseFile& file_;
    bool done_ = false;
    // Inside another transaction this one is a SAVEPOINT, so a command can
    // call a writer (such as the importer) that opens its own transaction.
    std::string savepoint_;
  };

  // For a writer whose every reference is an id it has read or made in the
  // same transaction (the CSV importer): turns SQLite's foreign-key checks
  // off while it lives, sparing each record, entity-record pair and link
  // one to three parent lookups (a third of a call record's processor time).
  // SQLite ignores the pragma inside a transaction, so make it before the
  // Transaction; inside another command's transaction it changes nothing.
  class TrustedReferences {
   public:
    explicit TrustedReferences(CaseFile& file);
    ~TrustedReferences();
    TrustedReferences(const TrustedReferences&) = delete;
    TrustedReferences& operator=(const TrustedReferences&) = delete;

   private:
    CaseFile& file_;
    bool switched_ = false;
  };

  // Sources and records.
  std::optional<SourceRow> find_source_by_hash(const std::string& content_hash) const;
  RowId add_source(const SourceRow& source);
  void set_source_row_count(RowId source_id, std::int64_t rows);
  RowId add_record(const RecordRow& record);
  // The same with the fields already as JSON text (record.fields unused),
  // exactly as record.fields.dump() would give them.
  RowId add_record(const RecordRow& record, const std::string& fields_json);
  std::vector<SourceRow> sources() const;
  RecordRow record(RowId id) const;
  std::int64_t count_records() const;

  // Entities: upsert by (type, key). An existing entity keeps its label unless
  // empty, and gains attributes it lacked (existing values are kept).
  RowId upsert_entity(const EntityRow& entity);
  // The same, telling whether the entity was new to the case file.
  RowId upsert_entity(const EntityRow& entity, bool& created);
  std::optional<RowId> find_entity(const std::string& type, const std::string& key) const;
  // The stored entity of that type and key (id, label, attributes), if any.
  std::optional<EntityRow> find_entity_row(const std::string& type, const std::string& key) const;
  // A new entity, for a caller that knows none of that type and key exists
  // (the importer, which has looked); returns its id.
  RowId insert_entity(const EntityRow& entity);
  // A large import inside one transaction: begin drops the secondary
  // indexes (entity_records by record, links by source and by target) and
  // raises the page cache; end remakes the indexes as the schema has them.
  // Between the two, lookups by record or by link end are slow, so only a
  // writer that does not make them (the CSV importer) uses this. A rollback
  // brings the indexes back with everything else.
  void begin_bulk_load();
  void end_bulk_load();
  std::optional<RowId> find_entity_by_key(const std::string& key) const;  // any type
  void add_entity_record(RowId entity_id, RowId record_id);
  // Many (entity id, record id) pairs at once: sorted and deduplicated here
  // (the vector is reordered), then inserted in key order, so each lands
  // beside the last instead of at a random place in the table's B-tree.
  void add_entity_records(std::vector<std::pair<RowId, RowId>>& pairs);
  std::vector<EntityRow> entities() const;
  // One entity by id, for a reader that needs a few (explain, clusters) and
  // not the hundred thousand a full read brings.
  std::optional<EntityRow> entity(RowId id) const;
  // Entities of one type, in id order.
  std::vector<EntityRow> entities_of_type(std::string_view type) const;
  // The same, streamed: each entity's id and attributes as stored (JSON
  // text), without building rows, so that resolution can parse a million of
  // them in parallel and keep only what it needs.
  void for_each_entity_attributes(std::string_view type,
                                  const std::function<void(RowId, std::string_view)>& visit) const;
  // Each record behind an entity of `type`, in record order: which entity,
  // the source's name and the source's own record id (for scoring resolution from outside).
  struct EntityRecordKey {
    RowId entity_id = 0;
    std::string source;
    std::string record_key;
  };
  std::vector<EntityRecordKey> entity_record_keys(std::string_view type) const;
  std::vector<RowId> entity_records(RowId entity_id) const;

  RowId add_link(const LinkRow& link);
  std::vector<LinkRow> links() const;
  // The record a link was made from (0 when it has none); nullopt when no such link.
  std::optional<RowId> record_of_link(RowId link_id) const;

  // Resolution.
  RowId add_decision(const Decision& decision);
  void undo_decision(RowId decision_id);
  std::vector<Decision> decisions(bool active_only) const;

  // Analysis runs.
  RowId add_run(const RunRow& run);
  void finish_run(RowId run_id, const std::string& finished_at);
  void add_scores(RowId run_id, const std::vector<ScoreRow>& scores);
  void add_clusters(RowId run_id, const std::vector<ClusterRow>& clusters);
  std::optional<RunRow> latest_run() const;
  std::optional<RunRow> run(RowId run_id) const;
  std::vector<ScoreRow> scores(RowId run_id) const;
  std::vector<ClusterRow> clusters(RowId run_id) const;  // ordered by rank
  // The first `top` of them: only those clusters' evidence is read and parsed
  // (a run at 100k synth people stores 312 MB of it).
  std::vector<ClusterRow> clusters(RowId run_id, std::size_t top) const;
  // The cluster ranked `rank`, or nullopt when the run has none.
  std::optional<ClusterRow> cluster_at_rank(RowId run_id, std::int64_t rank) const;
  std::int64_t count_clusters(RowId run_id) const;

  // Audit log: append-only (triggers refuse UPDATE and DELETE); each entry's
  // hash covers the previous entry's hash, so any edit breaks the chain.
  void audit(const std::string& command, const nlohmann::json& arguments, const std::string& summary);
  std::vector<AuditEntry> audit_log() const;
  // Recomputes the chain; returns the id of the first bad entry, or nullopt.
  std::optional<RowId> verify_audit_chain() const;

  // Hash over the analysable content (entities, links, active decisions).
  std::string content_hash() const;

  SQLite::Database& db() { return *db_; }

 private:
  CaseFile(std::filesystem::path path, std::unique_ptr<SQLite::Database> db);
  // Prepared statements of the hot paths (import, lookups), compiled once and
  // reused; declared after db_ so they are finalised before the database closes.
  struct StatementCache;
  SQLite::Statement& cached(const char* sql) const;
  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
  mutable std::unique_ptr<StatementCache> statements_;
};

// SHA-256 as lowercase hex (libsodium).
std::string sha256_hex(std::string_view bytes);
// SHA-256 hex of a file's bytes, read in chunks. Throws CaseFileError when unreadable.
std::string sha256_hex_of_file(const std::filesystem::path& file);
// Current UTC time as ISO 8601 with seconds, e.g. 2026-11-28T15:17:16Z.
std::string now_iso8601();

}  // namespace casegraph
