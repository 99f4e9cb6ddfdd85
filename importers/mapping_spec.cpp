// Mapping spec parsing (toml++) and validation, and the key normalisers.
// Every error message reads "SPEC:LINE: WHERE KEY: what is wrong", WHERE being
// the table ("[source]", "[[entity]] 2 (as = \"person\")", "[[link]] 1").
#include "importers/mapping_spec.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "engine/normalise/address.h"
#include "engine/normalise/phone.h"
#include "engine/normalise/text.h"
#include "engine/normalise/vehicle_registration.h"
#include "engine/store/case_file.h"

namespace casegraph {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_trimmed(std::string_view text) {
  std::string out(trim(text));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Types are compared exactly everywhere, so they are kept to one spelling.
bool is_type_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
  });
}

// Source names and key spaces appear in keys ("<key_space>:<id>") and evidence.
bool is_name(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; });
}

// --------------------------------------------------------------- reading --

class SpecReader {
 public:
  explicit SpecReader(std::string spec_name) : spec_(std::move(spec_name)) {}

  [[noreturn]] void fail(const toml::node& at, const std::string& where, const std::string& message) const {
    fail_line(at.source().begin.line, where, message);
  }
  [[noreturn]] void fail_line(toml::source_index line, const std::string& where, const std::string& message) const {
    throw MappingSpecError(fmt::format("{}:{}: {}: {}", spec_, line, where, message));
  }

  void check_keys(const toml::table& table, const std::string& where,
                  std::initializer_list<std::string_view> known) const {
    for (auto&& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(node, where + " " + std::string(key.str()), "unknown key (known keys: " + list + ")");
    }
  }

  std::string string(const toml::table& table, std::string_view key, const std::string& where, bool required) const {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) fail(table, where, fmt::format("'{}' is required", key));
      return {};
    }
    const auto* value = node->as_string();
    if (!value) fail(*node, where + " " + std::string(key), "must be a string");
    if (trim(value->get()).empty()) fail(*node, where + " " + std::string(key), "must not be empty");
    return value->get();
  }

  bool boolean(const toml::table& table, std::string_view key, const std::string& where, bool fallback) const {
    const toml::node* node = table.get(key);
    if (!node) return fallback;
    const auto* value = node->as_boolean();
    if (!value) fail(*node, where + " " + std::string(key), "must be true or false");
    return value->get();
  }

  // A string or an array of strings.
  std::vector<std::string> columns(const toml::table& table, std::string_view key, const std::string& where) const {
    const toml::node* node = table.get(key);
    if (!node) fail(table, where, fmt::format("'{}' is required", key));
    const std::string here = where + " " + std::string(key);
    if (node->is_string()) return {string(table, key, where, true)};
    const auto* array = node->as_array();
    if (!array || array->empty()) fail(*node, here, "must be a column name or a non-empty array of column names");
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      const auto* value = item.as_string();
      if (!value || trim(value->get()).empty()) fail(item, here, "must hold column names (non-empty strings)");
      out.push_back(value->get());
    }
    return out;
  }

  // A table of string values, as (name, value) pairs sorted by name.
  std::vector<std::pair<std::string, std::string>> string_table(const toml::table& table, std::string_view key,
                                                                const std::string& where) const {
    const toml::node* node = table.get(key);
    if (!node) return {};
    const auto* inner = node->as_table();
    const std::string here = where + " " + std::string(key);
    if (!inner) fail(*node, here, "must be a table such as { name = \"Column\" }");
    std::vector<std::pair<std::string, std::string>> out;
    for (auto&& [name, value] : *inner) {
      const auto* text = value.as_string();
      if (!text || trim(text->get()).empty())
        fail(value, here + "." + std::string(name.str()), "must be a non-empty string");
      out.emplace_back(std::string(name.str()), text->get());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  const std::string& spec() const { return spec_; }

 private:
  std::string spec_;
};

LabelTemplate parse_label(const SpecReader& reader, const toml::node& node, const std::string& where,
                          std::string_view text) {
  LabelTemplate label;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
    } else if (c == '}') {
      reader.fail(node, where, "a '}' without '{' (write }} for a literal brace)");
    } else if (c == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close == std::string_view::npos) reader.fail(node, where, "a '{' without '}'");
      const std::string_view column = trim(text.substr(i + 1, close - i - 1));
      if (column.empty()) reader.fail(node, where, "an empty {} names no column");
      if (!literal.empty()) label.pieces.push_back({false, std::move(literal)});
      literal.clear();
      label.pieces.push_back({true, std::string(column)});
      i = close;
    } else {
      literal += c;
    }
  }
  if (!literal.empty()) label.pieces.push_back({false, std::move(literal)});
  return label;
}

KeyNormaliser parse_normaliser(const SpecReader& reader, const toml::table& table, const std::string& where) {
  const std::string name = reader.string(table, "normalise", where, false);
  if (name.empty()) return KeyNormaliser::trim;
  if (name == "text") return KeyNormaliser::text;
  if (name == "vrm") return KeyNormaliser::vrm;
  if (name == "phone") return KeyNormaliser::phone;
  if (name == "postcode") return KeyNormaliser::postcode;
  reader.fail(*table.get("normalise"), where + " normalise",
              fmt::format("unknown normaliser '{}' (known: vrm, phone, postcode, text)", name));
}

void check_type_word(const SpecReader& reader, const toml::node& node, const std::string& where,
                     const std::string& word) {
  if (!is_type_word(word))
    reader.fail(node, where, fmt::format("'{}' must be a lower-case word (letters, digits, _)", word));
}

// A column used as a date needs its format in [dates].
void check_date_column(const SpecReader& reader, const MappingSpec& spec, const toml::table& table,
                       std::string_view key, const std::string& where) {
  const std::string column = reader.string(table, key, where, false);
  if (column.empty() || spec.date_formats.contains(column)) return;
  reader.fail(*table.get(key), where + " " + std::string(key),
              fmt::format("date column '{}' has no format in [dates] (add {} = \"DD/MM/YYYY\" or another of: {})",
                          column, column, date_format_names()));
}

void read_source(const SpecReader& reader, const toml::table& root, MappingSpec& spec) {
  const toml::node* node = root.get("source");
  if (!node) reader.fail_line(1, "[source]", "the spec needs a [source] table with a name");
  const toml::table* source = node->as_table();
  if (!source) reader.fail(*node, "[source]", "must be a table");
  const std::string where = "[source]";
  reader.check_keys(*source, where, {"name", "record_id", "delimiter"});
  spec.source_name = reader.string(*source, "name", where, true);
  if (!is_name(spec.source_name))
    reader.fail(*source->get("name"), where + " name", "use letters, digits, '_', '-' or '.' only");
  if (source->get("record_id")) spec.record_id_columns = reader.columns(*source, "record_id", where);
  if (const toml::node* d = source->get("delimiter")) {
    const auto* text = d->as_string();
    const std::string value = text ? text->get() : std::string();
    if (value.size() != 1 || value == "\"" || value == "\n" || value == "\r" ||
        static_cast<unsigned char>(value[0]) >= 0x80)
      reader.fail(*d, where + " delimiter", "must be one ASCII character other than a quote or line break");
    spec.delimiter = value[0];
  }
}

void read_dates(const SpecReader& reader, const toml::table& root, MappingSpec& spec) {
  for (const auto& [column, name] : reader.string_table(root, "dates", "[dates]")) {
    const auto format = parse_date_format(name);
    if (!format)
      reader.fail(*root.get("dates")->as_table()->get(column), "[dates] " + column,
                  fmt::format("unknown date format '{}' (known: {})", name, date_format_names()));
    spec.date_formats[column] = *format;
  }
}

const toml::array* array_of_tables(const SpecReader& reader, const toml::table& root, std::string_view key) {
  const toml::node* node = root.get(key);
  if (!node) return nullptr;
  const toml::array* array = node->as_array();
  if (!array || !array->is_array_of_tables())
    reader.fail(*node, fmt::format("[[{}]]", key), fmt::format("write each one as a [[{}]] table", key));
  return array;
}

EntityMapping read_entity(const SpecReader& reader, const MappingSpec& spec, const toml::table& t, std::size_t n) {
  std::string where = fmt::format("[[entity]] {}", n);
  EntityMapping e;
  e.as = reader.string(t, "as", where, true);
  where += fmt::format(" (as = \"{}\")", e.as);
  reader.check_keys(t, where,
                    {"as", "type", "key_space", "key", "normalise", "label", "attributes", "time", "end_time",
                     "grading", "optional", "must_exist"});
  e.type = reader.string(t, "type", where, true);
  check_type_word(reader, *t.get("type"), where + " type", e.type);
  e.key_space = reader.string(t, "key_space", where, false);
  if (e.key_space.empty()) e.key_space = spec.source_name;
  else if (!is_name(e.key_space))
    reader.fail(*t.get("key_space"), where + " key_space", "use letters, digits, '_', '-' or '.' only");
  e.key_columns = reader.columns(t, "key", where);
  e.normalise = parse_normaliser(reader, t, where);
  const std::string label = reader.string(t, "label", where, false);
  if (!label.empty()) e.label = parse_label(reader, *t.get("label"), where + " label", label);
  e.attributes = reader.string_table(t, "attributes", where);
  e.time_column = reader.string(t, "time", where, false);
  e.end_time_column = reader.string(t, "end_time", where, false);
  e.grading_column = reader.string(t, "grading", where, false);
  e.optional = reader.boolean(t, "optional", where, false);
  e.must_exist = reader.boolean(t, "must_exist", where, false);
  check_date_column(reader, spec, t, "time", where);
  check_date_column(reader, spec, t, "end_time", where);
  if (!e.end_time_column.empty() && e.time_column.empty())
    reader.fail(*t.get("end_time"), where + " end_time", "needs 'time' as well");
  const std::array<std::pair<std::string_view, bool>, 3> reserved{
      {{"start", !e.time_column.empty()}, {"end", !e.end_time_column.empty()}, {"grading", !e.grading_column.empty()}}};
  for (const auto& [name, taken] : reserved) {
    const bool listed = std::any_of(e.attributes.begin(), e.attributes.end(),
                                    [&](const auto& a) { return a.first == name; });
    if (taken && listed)
      reader.fail(*t.get("attributes"), where + " attributes",
                  fmt::format("attribute '{}' is already set by the entity's time, end_time or grading", name));
  }
  return e;
}

void read_link_type(const SpecReader& reader, const toml::table& t, const std::string& where, LinkMapping& l) {
  l.type = reader.string(t, "type", where, false);
  l.type_column = reader.string(t, "type_column", where, false);
  if (l.type.empty() == l.type_column.empty())
    reader.fail(t, where, "give either 'type' (a fixed link type) or 'type_column' with 'type_map', not both or neither");
  if (!l.type.empty()) {
    check_type_word(reader, *t.get("type"), where + " type", l.type);
    if (t.get("type_map")) reader.fail(*t.get("type_map"), where + " type_map", "only goes with 'type_column'");
    return;
  }
  if (!t.get("type_map")) reader.fail(t, where, "'type_column' needs a 'type_map' from column values to link types");
  const toml::node& map_node = *t.get("type_map");
  for (const auto& [value, type] : reader.string_table(t, "type_map", where)) {
    check_type_word(reader, map_node, where + " type_map." + value, type);
    const std::string match = lower_trimmed(value);
    if (!l.type_map.emplace(match, type).second)
      reader.fail(map_node, where + " type_map." + value,
                  fmt::format("'{}' is listed twice (values are matched ignoring case and spaces)", value));
  }
  if (l.type_map.empty()) reader.fail(map_node, where + " type_map", "must map at least one value");
}

void read_link_weight(const SpecReader& reader, const toml::table& t, const std::string& where, LinkMapping& l) {
  l.weight_column = reader.string(t, "weight_column", where, false);
  const toml::node* node = t.get("weight");
  if (!node) return;
  if (!l.weight_column.empty()) reader.fail(*node, where + " weight", "give 'weight' or 'weight_column', not both");
  const auto value = node->value<double>();
  if (!value || !std::isfinite(*value) || *value < 0)
    reader.fail(*node, where + " weight", "must be a number, 0 or more");
  l.weight = *value;
}

LinkMapping read_link(const SpecReader& reader, const MappingSpec& spec, const toml::table& t, std::size_t n) {
  const std::string where = fmt::format("[[link]] {}", n);
  reader.check_keys(t, where,
                    {"type", "type_column", "type_map", "from", "to", "directed", "start", "end", "weight",
                     "weight_column", "grading", "once"});
  LinkMapping l;
  read_link_type(reader, t, where, l);
  l.from = reader.string(t, "from", where, true);
  l.to = reader.string(t, "to", where, true);
  for (std::string_view end : {"from", "to"}) {
    const std::string as = reader.string(t, end, where, true);
    if (!spec.entity(as)) {
      std::string known;
      for (const EntityMapping& e : spec.entities) known += (known.empty() ? "" : ", ") + e.as;
      reader.fail(*t.get(end), where + " " + std::string(end),
                  fmt::format("no [[entity]] has as = \"{}\" (defined: {})", as, known));
    }
  }
  l.directed = reader.boolean(t, "directed", where, true);
  l.start_column = reader.string(t, "start", where, false);
  l.end_column = reader.string(t, "end", where, false);
  check_date_column(reader, spec, t, "start", where);
  check_date_column(reader, spec, t, "end", where);
  read_link_weight(reader, t, where, l);
  l.grading_column = reader.string(t, "grading", where, false);
  l.once = reader.boolean(t, "once", where, false);
  return l;
}

void read_entities_and_links(const SpecReader& reader, const toml::table& root, MappingSpec& spec) {
  const toml::array* entities = array_of_tables(reader, root, "entity");
  if (!entities) reader.fail_line(1, "[[entity]]", "the spec makes no entities: add at least one [[entity]]");
  std::size_t n = 0;
  for (const toml::node& node : *entities) {
    EntityMapping e = read_entity(reader, spec, *node.as_table(), ++n);
    if (spec.entity(e.as))
      reader.fail(*node.as_table()->get("as"), fmt::format("[[entity]] {} as", n),
                  fmt::format("\"{}\" is used by an earlier [[entity]]; each needs its own name", e.as));
    spec.entities.push_back(std::move(e));
  }
  n = 0;
  if (const toml::array* links = array_of_tables(reader, root, "link"))
    for (const toml::node& node : *links) spec.links.push_back(read_link(reader, spec, *node.as_table(), ++n));
}

}  // namespace

// ------------------------------------------------------------ public API --

std::string normalise_key(KeyNormaliser normaliser, std::string_view cell) {
  // One normaliser per kind of identifier, shared with entity resolution
  // (engine/normalise); a cell that is not a phone, VRM or postcode gives no
  // key, as a blank cell does.
  switch (normaliser) {
    case KeyNormaliser::trim:
      return std::string(trim(cell));
    case KeyNormaliser::text: {
      std::string folded = normalise::fold(cell);
      // A cell wholly in a script fold() does not romanise keeps its own text.
      return folded.empty() ? std::string(trim(cell)) : folded;
    }
    case KeyNormaliser::vrm:
      return normalise::vehicle_registration(cell).value_or("");
    case KeyNormaliser::phone:
      return normalise::phone_e164(cell).value_or("");
    case KeyNormaliser::postcode:
      return normalise::postcode(cell).value_or("");
  }
  return std::string(cell);
}

std::vector<std::string> LabelTemplate::columns() const {
  std::vector<std::string> out;
  for (const Piece& p : pieces)
    if (p.is_column) out.push_back(p.text);
  return out;
}

std::vector<std::string> MappingSpec::columns() const {
  std::set<std::string> names;
  auto add = [&](const std::string& column) {
    if (!column.empty()) names.insert(column);
  };
  for (const std::string& c : record_id_columns) add(c);
  for (const EntityMapping& e : entities) {
    for (const std::string& c : e.key_columns) add(c);
    for (const std::string& c : e.label.columns()) add(c);
    for (const auto& [attribute, column] : e.attributes) add(column);
    add(e.time_column);
    add(e.end_time_column);
    add(e.grading_column);
  }
  for (const LinkMapping& l : links) {
    add(l.type_column);
    add(l.start_column);
    add(l.end_column);
    add(l.weight_column);
    add(l.grading_column);
  }
  return {names.begin(), names.end()};
}

const EntityMapping* MappingSpec::entity(std::string_view as) const {
  for (const EntityMapping& e : entities)
    if (e.as == as) return &e;
  return nullptr;
}

std::optional<DateFormat> MappingSpec::date_format(const std::string& column) const {
  const auto it = date_formats.find(column);
  if (it == date_formats.end()) return std::nullopt;
  return it->second;
}

MappingSpec parse_mapping_spec(std::string_view toml_text, const std::string& spec_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, spec_name);
  } catch (const toml::parse_error& e) {
    throw MappingSpecError(
        fmt::format("{}:{}: not valid TOML: {}", spec_name, e.source().begin.line, e.description()));
  }
  const SpecReader reader(spec_name);
  reader.check_keys(root, "top level", {"source", "dates", "entity", "link"});
  MappingSpec spec;
  spec.path = spec_name;
  spec.hash = sha256_hex(toml_text);
  read_source(reader, root, spec);
  read_dates(reader, root, spec);
  read_entities_and_links(reader, root, spec);
  return spec;
}

MappingSpec load_mapping_spec(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw MappingSpecError(fmt::format("cannot read mapping spec {}", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_mapping_spec(text.str(), file.string());
}

}  // namespace casegraph
