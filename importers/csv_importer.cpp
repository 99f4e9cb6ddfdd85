// The CSV importer. Per file: hash the bytes (skip a file seen before), read
// the header, resolve the spec's column names to field positions once
// (a "plan"), then for each row store the record and make its entities and
// links. Conventions are in csv_importer.h.
#include "importers/csv_importer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "importers/csv_reader.h"

namespace casegraph {

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kProgressEvery = 1024;  // rows between progress calls
constexpr std::uintmax_t kBulkLoadBytes = 8u << 20;  // smaller imports never bulk load

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string lower_trimmed(std::string_view text) {
  std::string out(trim(text));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Labels are display text: trimmed, with the gaps empty cells leave closed up.
std::string tidy_label(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : trim(text)) {
    const bool is_space = c == ' ' || c == '\t';
    if (is_space && space) continue;
    space = is_space;
    out += is_space ? ' ' : c;
  }
  return out;
}

// A record's fields as JSON text, byte for byte what nlohmann::json's
// dump() of {json key: cell} gives (keys in byte order, cells escaped as it
// escapes them) without building the object: building and dumping it was
// the importer's largest cost outside SQLite.
class FieldsWriter {
 public:
  explicit FieldsWriter(const std::vector<std::string>& json_keys) {
    for (std::size_t i = 0; i < json_keys.size(); ++i) order_.emplace_back(json_keys[i], i);
    std::sort(order_.begin(), order_.end());
    // Two fields with one key (a header "a (column 2)" beside a second "a"):
    // the object keeps the later field's value.
    const auto same_key = [](const auto& a, const auto& b) { return a.first == b.first; };
    std::reverse(order_.begin(), order_.end());
    order_.erase(std::unique(order_.begin(), order_.end(), same_key), order_.end());
    std::reverse(order_.begin(), order_.end());
    for (auto& [key, index] : order_) key = nlohmann::json(key).dump() + ':';
  }
  const std::string& write(const std::vector<std::string>& fields) {
    text_.assign(1, '{');
    for (const auto& [quoted_key, index] : order_) {
      if (text_.size() > 1) text_ += ',';
      text_ += quoted_key;
      append_string(fields[index]);
    }
    text_ += '}';
    return text_;
  }

 private:
  void append_string(const std::string& value) {
    const bool plain = std::none_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
    });
    if (!plain) {
      text_ += nlohmann::json(value).dump();
      return;
    }
    text_ += '"';
    text_ += value;
    text_ += '"';
  }
  std::vector<std::pair<std::string, std::size_t>> order_;  // (quoted key and colon, field position)
  std::string text_;
};

// ------------------------------------------------------------- the plan --

// A column of the file the spec uses, resolved to its field position.
struct Column {
  std::string name;
  std::size_t index = 0;
};

struct DateColumn {
  Column column;
  DateFormat format = DateFormat::iso8601;
};

struct AttributePlan {
  std::string name;
  Column column;
  std::optional<DateFormat> format;
};

struct EntityPlan {
  const EntityMapping* mapping = nullptr;
  std::vector<Column> key;
  std::vector<std::pair<bool, std::string>> label;  // (is column, literal text), columns as their index below
  std::vector<std::size_t> label_columns;
  std::vector<AttributePlan> attributes;
  std::optional<DateColumn> time, end_time;
  std::optional<Column> grading;
};

struct LinkPlan {
  const LinkMapping* mapping = nullptr;
  std::size_t from = 0, to = 0;  // positions in the entity plans
  std::optional<Column> type_column, weight, grading;
  std::optional<DateColumn> start, end;
};

struct Header {
  std::vector<std::string> names;  // trimmed
  std::unordered_map<std::string, std::size_t> index;
  std::unordered_map<std::string, std::size_t> duplicate;  // name -> a later position
  std::vector<std::string> json_keys;  // the key each field gets in a record's fields JSON
};

// The entities this import has made or met, so that a row naming a phone or
// a place seen before needs no query: upsert_entity reads the stored row,
// merges and writes only when the row brings a label to an entity without
// one or an attribute the entity lacks, which the label flag and attribute
// names kept here decide alike. Valid for one import_csv_files call (one
// transaction): a rolled-back import must not leave ids behind.
class KnownEntities {
 public:
  struct Entity {
    RowId id = 0;
    bool label_empty = false;
    std::vector<std::string> attribute_names;
  };

  Entity* find(const std::string& type, const std::string& key) {
    const auto it = by_key_.find(slot_key(type, key));
    return it == by_key_.end() ? nullptr : &it->second;
  }
  Entity& remember(const std::string& type, const std::string& key) { return by_key_[slot_key(type, key)]; }

  // Whether upsert_entity would change the stored entity.
  static bool would_change(const Entity& known, const std::string& label, const nlohmann::json& attributes) {
    if (known.label_empty && !label.empty()) return true;
    for (const auto& [name, value] : attributes.items())
      if (std::find(known.attribute_names.begin(), known.attribute_names.end(), name) == known.attribute_names.end())
        return true;
    return false;
  }
  // The entity as upsert_entity leaves it after merging `label` and `attributes`.
  static void merge(Entity& known, const std::string& label, const nlohmann::json& attributes) {
    known.label_empty = known.label_empty && label.empty();
    for (const auto& [name, value] : attributes.items())
      if (std::find(known.attribute_names.begin(), known.attribute_names.end(), name) == known.attribute_names.end())
        known.attribute_names.push_back(name);
  }

 private:
  static std::string slot_key(const std::string& type, const std::string& key) {
    std::string slot;
    slot.reserve(type.size() + 1 + key.size());
    slot += type;
    slot += '\n';
    slot += key;
    return slot;
  }
  std::unordered_map<std::string, Entity> by_key_;
};

// The links of `once` mappings made in this import. A row of an export that
// repeats a group's fields on each row (an occurrence on each of its
// people's rows) would otherwise make a group-level link (where the
// occurrence happened) once per row. Valid for one import_csv_files call.
class OnceLinks {
 public:
  // True the first time this import sees a link of these values.
  bool first(const LinkRow& link) {
    return seen_.emplace(link.type, link.source, link.target, link.directed, link.start, link.end, link.weight,
                         link.grading.source, link.grading.intelligence, link.grading.handling).second;
  }

 private:
  std::set<std::tuple<std::string, RowId, RowId, bool, std::optional<Timestamp>, std::optional<Timestamp>, double,
                      char, char, char>>
      seen_;
};

// Which entity each record made or named, held back and written in key
// order a few million at a time: written row by row, each pair went to a
// random place in entity_records' B-tree (keyed by entity), and at 100k
// synth people those pages no longer stayed in the cache.
class StagedEntityRecords {
 public:
  explicit StagedEntityRecords(CaseFile& file) : file_(file) {}
  void add(RowId entity_id, RowId record_id) {
    pairs_.emplace_back(entity_id, record_id);
    if (pairs_.size() == kBatch) flush();
  }
  void flush() {
    file_.add_entity_records(pairs_);
    pairs_.clear();
  }

 private:
  static constexpr std::size_t kBatch = std::size_t{1} << 22;  // 64 MiB of pairs
  CaseFile& file_;
  std::vector<std::pair<RowId, RowId>> pairs_;
};

// The record ids of one file, to refuse a repeated one: two rows with one id
// would make the id cite either row. Kept as 64-bit hashes (24 bytes a row,
// not a string each: six million call ids) and checked once the file is
// read; rows whose hashes agree are compared by their stored ids.
class RecordIds {
 public:
  struct Repeat {
    RowId first = 0, second = 0;  // record ids in the case file
    std::int64_t first_line = 0, second_line = 0;
  };
  void add(std::string_view record_key, RowId record_id, std::int64_t line) {
    seen_.push_back({std::hash<std::string_view>{}(record_key), record_id, line});
  }
  // The repeat whose second row comes first in the file, if any.
  std::optional<Repeat> first_repeat(const CaseFile& file) {
    std::sort(seen_.begin(), seen_.end());
    std::optional<Repeat> found;
    for (std::size_t i = 0; i < seen_.size(); ++i) {
      for (std::size_t j = i + 1; j < seen_.size() && seen_[j].hash == seen_[i].hash; ++j) {
        if (found && seen_[j].line >= found->second_line) break;
        if (file.record(seen_[i].record_id).record_key == file.record(seen_[j].record_id).record_key)
          found = Repeat{seen_[i].record_id, seen_[j].record_id, seen_[i].line, seen_[j].line};
      }
    }
    return found;
  }

 private:
  struct Seen {
    std::size_t hash;
    RowId record_id;  // rising with the line
    std::int64_t line;
    auto operator<=>(const Seen&) const = default;
  };
  std::vector<Seen> seen_;
};

// What one import call remembers across its rows and files.
struct ImportMemory {
  explicit ImportMemory(CaseFile& file) : entity_records(file) {}
  KnownEntities entities;
  OnceLinks once_links;
  StagedEntityRecords entity_records;
};

// Reads one file; everything it throws is an ImportError about that file.
class FileImporter {
 public:
  FileImporter(CaseFile& file, const MappingSpec& spec, const fs::path& path, ImportMemory& memory)
      : case_file_(file), spec_(spec), path_(path.string()), reader_(open(path, spec.delimiter)),
        known_(memory.entities), once_links_(memory.once_links), entity_records_(memory.entity_records) {}

  // Returns the report for this file; `on_rows` is called every few rows with the bytes read so far.
  FileImportReport run(const std::string& content_hash, const std::function<void(std::int64_t, std::uint64_t)>& on_rows);

 private:
  static CsvReader open(const fs::path& path, char delimiter);
  [[noreturn]] void fail(std::int64_t line, const std::string& column, const std::string& reason) const {
    throw ImportError(path_, line, column, reason);
  }
  [[noreturn]] void fail_csv(const CsvError& e) const;

  bool next(CsvRecord& record);
  void read_header();
  Column column(const std::string& name) const;
  std::optional<Column> optional_column(const std::string& name) const;
  std::optional<DateColumn> date_column(const std::string& name) const;
  void make_plans();

  void import_row(const CsvRecord& row, std::int64_t row_number, FileImportReport& report);
  RowId store_record(const CsvRecord& row, std::int64_t row_number, RowId source_id);
  void check_record_ids_unique();
  std::optional<RowId> make_entity(const EntityPlan& plan, const CsvRecord& row, RowId record_id,
                                   FileImportReport& report);
  void make_link(const LinkPlan& plan, const std::vector<std::optional<RowId>>& ends, const CsvRecord& row,
                 RowId record_id, FileImportReport& report);

  std::string key_of(const EntityPlan& plan, const CsvRecord& row, std::string& identifier) const;
  std::string label_of(const EntityPlan& plan, const CsvRecord& row, const std::string& identifier) const;
  nlohmann::json attributes_of(const EntityPlan& plan, const CsvRecord& row) const;
  std::optional<Timestamp> date_of(const DateColumn& date, const CsvRecord& row, bool* date_only = nullptr) const;
  Grading grading_of(const Column& column, const CsvRecord& row) const;
  std::string link_type_of(const LinkPlan& plan, const CsvRecord& row) const;
  double weight_of(const LinkPlan& plan, const CsvRecord& row) const;
  std::string_view cell(const Column& column, const CsvRecord& row) const {
    return trim(row.fields[column.index]);
  }

  CaseFile& case_file_;
  const MappingSpec& spec_;
  std::string path_;
  CsvReader reader_;
  KnownEntities& known_;
  OnceLinks& once_links_;
  StagedEntityRecords& entity_records_;
  RecordIds record_ids_;
  Header header_;
  std::optional<FieldsWriter> fields_writer_;
  std::int64_t header_line_ = 1;
  std::vector<Column> record_id_;  // empty: the row number
  std::vector<EntityPlan> entities_;
  std::vector<LinkPlan> links_;
  RowId source_id_ = 0;
};

CsvReader FileImporter::open(const fs::path& path, char delimiter) {
  try {
    return CsvReader(path, CsvOptions{delimiter});
  } catch (const CsvError&) {
    throw ImportError(path.string(), 0, "", "cannot open the file");
  }
}

void FileImporter::fail_csv(const CsvError& e) const {
  const auto field = static_cast<std::size_t>(e.column());
  const std::string column = field >= 1 && field <= header_.names.size() ? header_.names[field - 1]
                                                                          : fmt::format("field {}", e.column());
  fail(e.line(), column, e.reason());
}

bool FileImporter::next(CsvRecord& record) {
  try {
    return reader_.next(record);
  } catch (const CsvError& e) {
    fail_csv(e);
  }
}

void FileImporter::read_header() {
  CsvRecord header;
  if (!next(header)) fail(1, "", "the file is empty: expected a header row naming the columns");
  header_line_ = header.line;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(trim(header.fields[i]));
    std::string json_key = name;
    if (name.empty()) json_key = fmt::format("(column {})", i + 1);
    if (!header_.index.emplace(name, i).second) {
      header_.duplicate.emplace(name, i);
      json_key = fmt::format("{} (column {})", name, i + 1);
    }
    header_.names.push_back(std::move(name));
    header_.json_keys.push_back(std::move(json_key));
  }
}

Column FileImporter::column(const std::string& name) const {
  const auto it = header_.index.find(name);
  if (it == header_.index.end()) {
    std::string names;
    for (const std::string& n : header_.names) names += (names.empty() ? "" : ", ") + n;
    fail(header_line_, name, fmt::format("the header has no such column (it has: {})", names));
  }
  if (const auto dup = header_.duplicate.find(name); dup != header_.duplicate.end())
    fail(header_line_, name,
         fmt::format("the header names this column twice (fields {} and {}), so the spec cannot tell which to use",
                     it->second + 1, dup->second + 1));
  return {name, it->second};
}

std::optional<Column> FileImporter::optional_column(const std::string& name) const {
  if (name.empty()) return std::nullopt;
  return column(name);
}

std::optional<DateColumn> FileImporter::date_column(const std::string& name) const {
  if (name.empty()) return std::nullopt;
  // The spec has checked that each date column has a format.
  return DateColumn{column(name), spec_.date_format(name).value_or(DateFormat::iso8601)};
}

void FileImporter::make_plans() {
  for (const std::string& name : spec_.record_id_columns) record_id_.push_back(column(name));
  for (const EntityMapping& e : spec_.entities) {
    EntityPlan plan;
    plan.mapping = &e;
    for (const std::string& k : e.key_columns) plan.key.push_back(column(k));
    for (const LabelTemplate::Piece& piece : e.label.pieces) {
      if (!piece.is_column) {
        plan.label.emplace_back(false, piece.text);
        continue;
      }
      plan.label.emplace_back(true, std::string());
      plan.label_columns.push_back(column(piece.text).index);
    }
    for (const auto& [name, col] : e.attributes)
      plan.attributes.push_back({name, column(col), spec_.date_format(col)});
    plan.time = date_column(e.time_column);
    plan.end_time = date_column(e.end_time_column);
    plan.grading = optional_column(e.grading_column);
    entities_.push_back(std::move(plan));
  }
  for (const LinkMapping& l : spec_.links) {
    LinkPlan plan;
    plan.mapping = &l;
    for (std::size_t i = 0; i < spec_.entities.size(); ++i) {
      if (spec_.entities[i].as == l.from) plan.from = i;
      if (spec_.entities[i].as == l.to) plan.to = i;
    }
    plan.type_column = optional_column(l.type_column);
    plan.weight = optional_column(l.weight_column);
    plan.grading = optional_column(l.grading_column);
    plan.start = date_column(l.start_column);
    plan.end = date_column(l.end_column);
    links_.push_back(std::move(plan));
  }
}

// ------------------------------------------------------------- the cells --

std::optional<Timestamp> FileImporter::date_of(const DateColumn& date, const CsvRecord& row, bool* date_only) const {
  const std::string_view text = cell(date.column, row);
  if (text.empty()) return std::nullopt;
  std::string error;
  const auto at = parse_datetime(text, date.format, &error, date_only);
  if (!at) fail(row.line, date.column.name, error);
  return at;
}

Grading FileImporter::grading_of(const Column& column, const CsvRecord& row) const {
  const std::string_view text = cell(column, row);
  if (text.empty()) return {};
  std::string error;
  const auto grading = parse_grading(text, &error);
  if (!grading) fail(row.line, column.name, "bad grading: " + error);
  return *grading;
}

std::string FileImporter::key_of(const EntityPlan& plan, const CsvRecord& row, std::string& identifier) const {
  identifier.clear();
  bool any = false;
  for (std::size_t i = 0; i < plan.key.size(); ++i) {
    const std::string part = normalise_key(plan.mapping->normalise, row.fields[plan.key[i].index]);
    any = any || !part.empty();
    if (i > 0) identifier += '|';
    identifier += part;
  }
  if (!any) return {};
  return plan.mapping->key_space + ":" + identifier;
}

std::string FileImporter::label_of(const EntityPlan& plan, const CsvRecord& row, const std::string& identifier) const {
  if (plan.label.empty()) return identifier;
  std::string label;
  std::size_t next_column = 0;
  for (const auto& [is_column, text] : plan.label) {
    if (is_column) label += trim(row.fields[plan.label_columns[next_column++]]);
    else label += text;
  }
  label = tidy_label(label);
  return label.empty() ? identifier : label;
}

nlohmann::json FileImporter::attributes_of(const EntityPlan& plan, const CsvRecord& row) const {
  nlohmann::json attributes = nlohmann::json::object();
  for (const AttributePlan& a : plan.attributes) {
    const std::string_view text = cell(a.column, row);
    if (text.empty()) continue;
    if (a.format) {
      bool date_only = false;
      const auto at = date_of({a.column, *a.format}, row, &date_only);
      attributes[a.name] = format_iso8601(*at, date_only);
    } else {
      attributes[a.name] = std::string(text);
    }
  }
  auto add_time = [&](const char* name, const std::optional<DateColumn>& date) {
    if (!date) return;
    bool date_only = false;
    if (const auto at = date_of(*date, row, &date_only)) attributes[name] = format_iso8601(*at, date_only);
  };
  add_time("start", plan.time);
  add_time("end", plan.end_time);
  if (plan.grading) {
    const Grading grading = grading_of(*plan.grading, row);
    if (grading.source != 0) attributes["grading"] = grading.text();
  }
  return attributes;
}

std::string FileImporter::link_type_of(const LinkPlan& plan, const CsvRecord& row) const {
  if (!plan.type_column) return plan.mapping->type;
  const std::string_view value = cell(*plan.type_column, row);
  const auto it = plan.mapping->type_map.find(lower_trimmed(value));
  if (it != plan.mapping->type_map.end()) return it->second;
  std::string known;
  for (const auto& [v, type] : plan.mapping->type_map) known += (known.empty() ? "'" : ", '") + v + "'";
  fail(row.line, plan.type_column->name,
       fmt::format("unmapped value '{}': the spec's type_map knows {} (case and spaces ignored)", value, known));
}

double FileImporter::weight_of(const LinkPlan& plan, const CsvRecord& row) const {
  if (!plan.weight) return plan.mapping->weight;
  const std::string_view text = cell(*plan.weight, row);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    fail(row.line, plan.weight->name, fmt::format("bad number '{}': expected a weight such as 3 or 0.5", text));
  if (!std::isfinite(value) || value < 0)
    fail(row.line, plan.weight->name, fmt::format("bad number '{}': a weight must be 0 or more", text));
  return value;
}

// -------------------------------------------------------------- the rows --

RowId FileImporter::store_record(const CsvRecord& row, std::int64_t row_number, RowId source_id) {
  RecordRow record;
  record.source_id = source_id;
  record.row_number = row_number;
  for (const Column& part : record_id_) {
    const std::string_view text = cell(part, row);
    // Every part: a record id with a part missing may name another row.
    if (text.empty()) fail(row.line, part.name, "empty record id");
    if (!record.record_key.empty()) record.record_key += '|';
    record.record_key += text;
  }
  if (record_id_.empty()) record.record_key = std::to_string(row_number);
  record.raw = row.raw;
  record.hash = sha256_hex(row.raw);
  const RowId id = case_file_.add_record(record, fields_writer_->write(row.fields));
  if (!record_id_.empty()) record_ids_.add(record.record_key, id, row.line);
  return id;
}

void FileImporter::check_record_ids_unique() {
  const std::optional<RecordIds::Repeat> repeat = record_ids_.first_repeat(case_file_);
  if (!repeat) return;
  std::string columns;
  for (const Column& part : record_id_) columns += (columns.empty() ? "" : "|") + part.name;
  fail(repeat->second_line, columns,
       fmt::format("record id '{}' repeats the id of the row on line {}: each row needs its own id (a spec can "
                   "join several columns into one, record_id = [\"A\", \"B\"])",
                   case_file_.record(repeat->second).record_key, repeat->first_line));
}

std::optional<RowId> FileImporter::make_entity(const EntityPlan& plan, const CsvRecord& row, RowId record_id,
                                               FileImportReport& report) {
  const EntityMapping& m = *plan.mapping;
  std::string identifier;
  const std::string key = key_of(plan, row, identifier);
  if (key.empty()) {
    if (m.optional) return std::nullopt;
    const std::string_view first = cell(plan.key.front(), row);
    fail(row.line, plan.key.front().name,
         first.empty() ? fmt::format("empty key: the {} needs an identifier here", m.as)
                       : fmt::format("empty key: '{}' normalises to nothing", first));
  }
  KnownEntities::Entity* known = known_.find(m.type, key);
  if (!known) {
    // First met in this import: what the case file holds already, if anything.
    if (const std::optional<EntityRow> stored = case_file_.find_entity_row(m.type, key)) {
      known = &known_.remember(m.type, key);
      known->id = stored->id;
      known->label_empty = stored->label.empty();
      for (const auto& [name, value] : stored->attributes.items()) known->attribute_names.push_back(name);
    }
  }
  if (m.must_exist && !known)
    fail(row.line, plan.key.front().name,
         fmt::format("missing key: no {} with key '{}' in the case file or earlier in this import", m.type, key));
  const std::string label = label_of(plan, row, identifier);
  const nlohmann::json attributes = attributes_of(plan, row);
  RowId id = 0;
  if (!known) {
    id = case_file_.insert_entity({0, m.type, key, label, attributes});
    ++report.entities_made;
    known = &known_.remember(m.type, key);
    known->id = id;
    known->label_empty = true;
    KnownEntities::merge(*known, label, attributes);
  } else if (KnownEntities::would_change(*known, label, attributes)) {
    id = case_file_.upsert_entity({0, m.type, key, label, attributes});
    KnownEntities::merge(*known, label, attributes);
  } else {
    id = known->id;
  }
  entity_records_.add(id, record_id);
  return id;
}

void FileImporter::make_link(const LinkPlan& plan, const std::vector<std::optional<RowId>>& ends,
                             const CsvRecord& row, RowId record_id, FileImportReport& report) {
  if (!ends[plan.from] || !ends[plan.to]) return;  // an optional entity the row does not have
  LinkRow link;
  link.type = link_type_of(plan, row);
  link.source = *ends[plan.from];
  link.target = *ends[plan.to];
  link.directed = plan.mapping->directed;
  if (plan.start) link.start = date_of(*plan.start, row);
  if (plan.end) link.end = date_of(*plan.end, row);
  link.weight = weight_of(plan, row);
  if (plan.grading) link.grading = grading_of(*plan.grading, row);
  link.record_id = record_id;
  if (plan.mapping->once && !once_links_.first(link)) return;
  case_file_.add_link(link);
  ++report.links_made;
}

void FileImporter::import_row(const CsvRecord& row, std::int64_t row_number, FileImportReport& report) {
  if (row.fields.size() != header_.names.size()) {
    const bool short_row = row.fields.size() < header_.names.size();
    fail(row.line, short_row ? header_.names[row.fields.size()] : fmt::format("field {}", header_.names.size() + 1),
         fmt::format("the row has {} fields; the header has {}", row.fields.size(), header_.names.size()));
  }
  const RowId record_id = store_record(row, row_number, source_id_);
  std::vector<std::optional<RowId>> ends;
  ends.reserve(entities_.size());
  for (const EntityPlan& plan : entities_) ends.push_back(make_entity(plan, row, record_id, report));
  for (const LinkPlan& plan : links_) make_link(plan, ends, row, record_id, report);
}

FileImportReport FileImporter::run(const std::string& content_hash,
                                   const std::function<void(std::int64_t, std::uint64_t)>& on_rows) {
  FileImportReport report;
  report.path = path_;
  read_header();
  make_plans();
  fields_writer_.emplace(header_.json_keys);
  source_id_ = case_file_.add_source({0, spec_.source_name, path_, content_hash, spec_.hash, now_iso8601(), 0});
  CsvRecord row;
  std::int64_t since_progress = 0;
  while (next(row)) {
    ++report.rows;
    import_row(row, report.rows, report);
    if (++since_progress == kProgressEvery) {
      on_rows(since_progress, reader_.bytes_read());
      since_progress = 0;
    }
  }
  on_rows(since_progress, reader_.bytes_read());
  check_record_ids_unique();
  case_file_.set_source_row_count(source_id_, report.rows);
  return report;
}

std::uintmax_t size_of(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

std::string hash_of(const fs::path& path) {
  try {
    return sha256_hex_of_file(path);
  } catch (const CaseFileError&) {
    throw ImportError(path.string(), 0, "", "cannot read the file");
  }
}

nlohmann::json audit_arguments(const MappingSpec& spec, const ImportReport& report) {
  nlohmann::json files = nlohmann::json::array();
  for (const FileImportReport& f : report.files)
    files.push_back({{"path", f.path},
                     {"rows", f.rows},
                     {"entities_made", f.entities_made},
                     {"links_made", f.links_made},
                     {"already_imported", f.already_imported}});
  return {{"spec", spec.path},
          {"spec_hash", spec.hash},
          {"source", spec.source_name},
          {"files", files},
          {"rows", report.rows()},
          {"entities_made", report.entities_made()},
          {"links_made", report.links_made()}};
}

}  // namespace

ImportError::ImportError(std::string file, std::int64_t line, std::string column, std::string reason)
    : std::runtime_error(line <= 0      ? fmt::format("{}: {}", file, reason)
                         : column.empty() ? fmt::format("{}:{}: {}", file, line, reason)
                                          : fmt::format("{}:{}: column '{}': {}", file, line, column, reason)),
      file_(std::move(file)),
      line_(line),
      column_(std::move(column)),
      reason_(std::move(reason)) {}

std::int64_t ImportReport::rows() const {
  std::int64_t n = 0;
  for (const FileImportReport& f : files) n += f.rows;
  return n;
}

std::int64_t ImportReport::entities_made() const {
  std::int64_t n = 0;
  for (const FileImportReport& f : files) n += f.entities_made;
  return n;
}

std::int64_t ImportReport::links_made() const {
  std::int64_t n = 0;
  for (const FileImportReport& f : files) n += f.links_made;
  return n;
}

std::string ImportReport::summary() const {
  const auto already = std::count_if(files.begin(), files.end(), [](const auto& f) { return f.already_imported; });
  std::string text = fmt::format("{} rows from {} file{}: {} new entities, {} links", rows(), files.size(),
                                 files.size() == 1 ? "" : "s", entities_made(), links_made());
  if (already > 0) text += fmt::format("; {} file{} already imported", already, already == 1 ? "" : "s");
  return text;
}

ImportReport import_csv_files(CaseFile& file, const MappingSpec& spec, const std::vector<fs::path>& files,
                              const ImportProgress& progress) {
  std::uint64_t total_bytes = 0;
  for (const fs::path& path : files) total_bytes += size_of(path);
  std::uint64_t rows_done = 0;
  std::uint64_t bytes_before = 0;  // bytes of the files already finished

  ImportReport report;
  CaseFile::TrustedReferences trusted(file);  // every id the importer writes, it has just read or made
  CaseFile::Transaction transaction(file);
  ImportMemory memory(file);
  // Bulk load (case_file.h) when the new rows are many beside those stored:
  // remaking the indexes costs about as much as the whole case file, so
  // a small import into a large case file keeps them. A case file holds
  // about eight bytes per CSV byte; 1/16 of its size is half its rows.
  const bool bulk = total_bytes >= kBulkLoadBytes && total_bytes * 16 >= size_of(file.path());
  if (bulk) file.begin_bulk_load();
  for (const fs::path& path : files) {
    const std::string content_hash = hash_of(path);
    if (file.find_source_by_hash(content_hash)) {
      report.files.push_back({path.string(), 0, 0, 0, true});
    } else {
      FileImporter importer(file, spec, path, memory);
      report.files.push_back(importer.run(content_hash, [&](std::int64_t rows, std::uint64_t bytes) {
        rows_done += static_cast<std::uint64_t>(rows);
        if (progress) progress(rows_done, bytes_before + bytes, total_bytes);
      }));
    }
    bytes_before += size_of(path);
    if (progress) progress(rows_done, bytes_before, total_bytes);
  }
  memory.entity_records.flush();
  if (bulk) file.end_bulk_load();
  file.audit("import", audit_arguments(spec, report), report.summary());
  transaction.commit();
  return report;
}

}  // namespace casegraph
