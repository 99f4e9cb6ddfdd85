#pragma once
// A mapping spec (TOML): which columns of one agency's export make which
// entities and links. The format, by example:
//
//   [source]
//   name = "police_nominals"      # required; names the source in record keys and evidence
//   record_id = "NominalRef"      # the source's own record id column; default: the data row number.
//                                 # Several columns when no one column identifies a row, their
//                                 # cells joined with "|": ["OccurrenceRef", "NominalRef", "Role"]
//   delimiter = ","               # optional, one character
//
//   [dates]                       # the format of every date column used below
//   DOB = "DD/MM/YYYY"            # iso8601, YYYY-MM-DD, DD/MM/YYYY, DD/MM/YYYY HH:MM, DD/MM/YYYY HH:MM:SS, epoch
//
//   [[entity]]
//   as = "person"                 # the name links use for this entity
//   type = "person"               # entity type: a lower-case word
//   key_space = "police_nominal"  # identifier namespace across files; default: the source name
//   key = ["NominalRef"]          # column(s) forming the identifier, joined with "|"
//   normalise = "text"            # vrm | phone | postcode | text; default: trim only
//   label = "{Forename} {Surname}"  # template over columns ({{ and }} for braces); default: the key
//   attributes = { dob = "DOB" }  # attribute -> column; date columns stored as ISO 8601 text
//   time = "OccurredAt"           # event start (attribute "start"), end_time -> "end"
//   grading = "Grade"             # grading column, stored as attribute "grading"
//   optional = false              # true: all key cells empty makes no entity and no links to it
//   must_exist = false            # true: the key must already name an entity of this type
//
//   [[link]]
//   type = "keeper_of"            # a fixed type, or type_column + type_map
//   type_column = "Role"          # values matched case-insensitively after trimming
//   type_map = { Victim = "victim_in", Suspect = "suspect_in" }
//   from = "person"               # entity `as` names
//   to = "occ"
//   directed = true               # default true
//   start = "OccurredAt"          # optional date columns
//   end = "ClosedAt"
//   weight = 1.0                  # fixed (default 1), or weight_column = "Calls"
//   grading = "Grade"
//   once = false                  # true: a fact about its ends that every row of a group repeats
//                                 # (where an occurrence happened, on each of its people's rows):
//                                 # one link per distinct type, ends, times, weight and grading
//                                 # in an import, made from the first row that gives it
//
// Conventions: validation is strict, because a typo that passed silently
// would drop evidence: unknown keys, wrong value types, undefined `as` names,
// date columns without a format and ambiguous link types are errors that
// name the spec file, its line and the key. Whether the columns exist is
// checked against each file's header at import.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/datetime.h"

namespace casegraph {

class MappingSpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How an identifier is made comparable across files.
enum class KeyNormaliser {
  trim,      // surrounding spaces removed (the default)
  text,      // normalise::fold: lower-case ASCII, accents and apostrophes gone, spaces collapsed
  vrm,       // normalise::vehicle_registration: "ab12 cde" -> AB12CDE; no key when not a VRM
  phone,     // normalise::phone_e164: "07700 900123" -> +447700900123; no key when not a phone
  postcode,  // normalise::postcode: "ls14ap" -> LS1 4AP; no key when not a UK postcode
};
std::string normalise_key(KeyNormaliser normaliser, std::string_view cell);

// A label template such as "{Forename} {Surname}": literal text and column names.
struct LabelTemplate {
  struct Piece {
    bool is_column = false;
    std::string text;  // the literal text, or the column name
  };
  std::vector<Piece> pieces;  // empty: the label is the key
  std::vector<std::string> columns() const;
};

struct EntityMapping {
  std::string as;
  std::string type;
  std::string key_space;
  std::vector<std::string> key_columns;
  KeyNormaliser normalise = KeyNormaliser::trim;
  LabelTemplate label;
  std::vector<std::pair<std::string, std::string>> attributes;  // attribute -> column, by attribute name
  std::string time_column;      // empty when not given, likewise below
  std::string end_time_column;
  std::string grading_column;
  bool optional = false;
  bool must_exist = false;
};

struct LinkMapping {
  std::string type;         // fixed type, or empty when type_column is used
  std::string type_column;
  std::map<std::string, std::string> type_map;  // trimmed, lower-cased column value -> link type
  std::string from;         // EntityMapping::as
  std::string to;
  bool directed = true;
  std::string start_column;
  std::string end_column;
  double weight = 1.0;
  std::string weight_column;
  std::string grading_column;
  bool once = false;
};

struct MappingSpec {
  std::string path;  // as given; names the spec in messages
  std::string hash;  // SHA-256 hex of the spec's bytes
  std::string source_name;
  std::vector<std::string> record_id_columns;  // empty: the data row number; several: cells joined with "|"
  char delimiter = ',';
  std::map<std::string, DateFormat> date_formats;  // column -> format
  std::vector<EntityMapping> entities;
  std::vector<LinkMapping> links;

  // Every column the spec names, sorted, each once.
  std::vector<std::string> columns() const;
  const EntityMapping* entity(std::string_view as) const;
  std::optional<DateFormat> date_format(const std::string& column) const;
};

// Reads and validates a spec file. Throws MappingSpecError.
MappingSpec load_mapping_spec(const std::filesystem::path& file);
// Validates spec text; `spec_name` names it in errors (usually its path).
MappingSpec parse_mapping_spec(std::string_view toml_text, const std::string& spec_name);

}  // namespace casegraph
