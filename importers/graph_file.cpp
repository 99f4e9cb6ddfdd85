// Graph file reader: edge lists, GML and GraphML into a CsrGraph (formats in graph_file.h).
//
// Why hand-written: edge lists must load a million arcs in a fraction of a
// second, which rules out iostream token parsing, so the file is read (and
// inflated, for gzip) into one buffer and scanned in place; vertex names are
// string_views into that buffer, mapped to ids by an open-addressing table. GML has no
// packaged C++ reader on Debian (igraph's is internal to the C library), so a
// small tokenizer below reads the subset networkx and Newman write. GraphML is
// XML, read with pugixml.
//
// Choices worth knowing:
// - Line ends: LF, CRLF and CR CR LF (SNAP's email-Eu-core copy) each end one
//   line, i.e. any run of CRs followed by LF does, so lines are counted the
//   way an editor does; CRs not followed by LF each end a line (old Mac).
//   Error messages name that line.
// - Edge-list separators are sniffed once, from the first data line: tab if it
//   holds a tab, else comma if it holds a comma, else runs of blanks. So names
//   with spaces work in tab- and comma-separated files (Madrid's names), and in
//   any file when double-quoted ("" is a literal quote inside quotes). In tab-
//   and comma-separated files an unquoted name is kept verbatim, blanks and
//   all, as RFC 4180 and pandas do; weights may have blanks around them.
// - A header line is recognised when its first two fields are header words
//   (source, target, from, to, ...), or when its third field is not a number
//   while the next data line's third field is (or is absent).
// - A line with one field declares an isolated vertex (as igraph's NCOL does).
//   Fields after the weight are ignored. With `weighted`, a line without a
//   weight, or with a weight that is not a finite number, is an error.
// - Only whole-line comments (`#`, `%`): a `#` inside a line may be a name.
// - GML and GraphML files say whether they are directed (GML `directed 1`,
//   GraphML `edgedefault`); that declaration wins over options.directed. A
//   GraphML file without edgedefault follows options.directed.
// - Vertex names for GML are the node `id`s (what edges refer to, and what the
//   reference tables in ../shared/data/reference use), not the `label`s.
#include "importers/graph_file.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <pugixml.hpp>

namespace casegraph {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::size_t line, const std::string& reason) {
  std::string where = path.string();
  if (line > 0) where += ":" + std::to_string(line);
  throw GraphFileError(where + ": " + reason);
}

std::string read_whole_file(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) fail(path, 0, std::string("cannot open: ") + std::strerror(errno));
  // Read straight into a buffer of the file's size (no chunk copy); files
  // that do not say their size (pipes) grow it.
  std::string data;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) data.resize(static_cast<std::size_t>(size));
    std::rewind(f);
  }
  std::size_t filled = 0;
  while (filled < data.size()) {
    std::size_t got = std::fread(data.data() + filled, 1, data.size() - filled, f);
    if (got == 0) break;
    filled += got;
  }
  data.resize(filled);
  std::array<char, 1 << 16> chunk{};
  for (std::size_t got = 0; (got = std::fread(chunk.data(), 1, chunk.size(), f)) > 0;) data.append(chunk.data(), got);
  bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (bad) fail(path, 0, "read error");
  return data;
}

bool is_gzip(const std::string& data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

// Inflates a whole gzip file (several concatenated members allowed, as `cat a.gz b.gz` makes).
std::string gunzip(const std::filesystem::path& path, const std::string& in) {
  const auto* base = reinterpret_cast<const Bytef*>(in.data());
  auto used = [&](const z_stream& zs) { return static_cast<std::size_t>(zs.next_in - base); };
  auto feed = [&](z_stream& zs) {
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size() - used(zs), std::numeric_limits<uInt>::max()));
  };
  std::string out(std::max<std::size_t>(in.size() * 4, 1 << 16), '\0');
  std::size_t produced = 0;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) fail(path, 0, "zlib initialisation failed");
  zs.next_in = const_cast<Bytef*>(base);
  feed(zs);
  for (;;) {
    if (produced == out.size()) out.resize(out.size() * 2);
    std::size_t room = std::min<std::size_t>(out.size() - produced, std::numeric_limits<uInt>::max());
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(room);
    int rc = inflate(&zs, Z_NO_FLUSH);
    produced += room - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Another member follows only if the gzip magic does; trailing zeros are padding.
      std::size_t at = used(zs);
      if (at + 1 >= in.size() || static_cast<unsigned char>(in[at]) != 0x1f ||
          static_cast<unsigned char>(in[at + 1]) != 0x8b)
        break;
      inflateReset(&zs);
      feed(zs);
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string msg = zs.msg != nullptr ? zs.msg : "error " + std::to_string(rc);
      inflateEnd(&zs);
      fail(path, 0, "corrupt gzip stream: " + msg);
    }
    if (zs.avail_in == 0) {
      if (used(zs) >= in.size() && zs.avail_out != 0) {
        inflateEnd(&zs);
        fail(path, 0, "truncated gzip stream");
      }
      feed(zs);  // inputs over 4 GB come in uInt-sized pieces
    }
  }
  inflateEnd(&zs);
  out.resize(produced);
  return out;
}

std::string load_bytes(const std::filesystem::path& path) {
  std::string data = read_whole_file(path);
  if (is_gzip(data)) data = gunzip(path, data);
  return data;
}

// Number parsing without locale or exceptions; accepts a leading '+'.
std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Owns the vertex names and their ids, in first-seen (or declaration) order.
// Why hand-written: a 10M-edge list makes 20M lookups, and std::unordered_map's
// node per name, or even an open-addressing table that compares the name text
// on every probe, spent most of the load on cache misses (three per lookup:
// slot, name view, name bytes). So:
// - names that are canonical decimal integers (what SNAP, LFR and most
//   generated lists use: digits only, no leading zero, below 2^64) are looked
//   up by value, never by text: below a dense bound in a flat array indexed by
//   the value (one access), above it in an open-addressing table of 64-bit
//   keys. The text <-> value map is one-to-one, so "7" and "007" stay
//   different names exactly as before, and a quoted "7" is still the name 7;
// - other names go to an open-addressing table whose slots carry 32 bits of
//   the hash beside the id, so a probe only reads the name text when the
//   fingerprints agree.
// Ids are handed out in first-seen order whichever path a name takes.
class NameTable {
 public:
  // `integer_dense_bound`: integer names below it are kept in a flat array, so
  // it bounds that array at 4 bytes per value (it only grows to the largest
  // value seen).
  explicit NameTable(std::uint64_t integer_dense_bound = kDefaultDenseBound)
      : dense_bound_(std::max<std::uint64_t>(integer_dense_bound, kDefaultDenseBound)),
        text_slots_(1024, kEmptySlot),
        integer_slots_(1024, IntegerSlot{0, kEmpty}) {}

  // `name` must outlive the table (a view into the file buffer or the arena).
  VertexId id_of(std::string_view name) {
    if (std::optional<std::uint64_t> value = canonical_integer(name)) return id_of_integer(*value, name);
    return id_of_text(name);
  }
  std::optional<VertexId> find(std::string_view name) const {
    if (std::optional<std::uint64_t> value = canonical_integer(name)) {
      if (*value < dense_bound_) {
        if (*value >= dense_.size() || dense_[*value] == kEmpty) return std::nullopt;
        return dense_[*value];
      }
      std::size_t i = integer_probe(*value);
      if (integer_slots_[i].id == kEmpty) return std::nullopt;
      return integer_slots_[i].id;
    }
    const std::uint64_t h = hash(name);
    for (std::size_t i = h & (text_slots_.size() - 1);; i = (i + 1) & (text_slots_.size() - 1)) {
      const std::uint64_t slot = text_slots_[i];
      if (slot == kEmptySlot) return std::nullopt;
      if (fingerprint(slot) == tag_of(h) && order_[id_in(slot)] == name) return id_in(slot);
    }
  }
  // A stable home for names that are not verbatim in the buffer (unescaped quotes).
  std::string_view keep(std::string s) { return arena_.emplace_back(std::move(s)); }
  VertexId size() const { return static_cast<VertexId>(order_.size()); }
  std::vector<std::string> names() const { return {order_.begin(), order_.end()}; }

  // The value of a name written as a canonical unsigned decimal integer
  // (digits only, no sign, no leading zero unless it is "0", below 2^64): the
  // only spellings whose value gives back the same text.
  static std::optional<std::uint64_t> canonical_integer(std::string_view s) {
    if (s.empty() || s.size() > 20 || (s[0] == '0' && s.size() > 1)) return std::nullopt;
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s[0] < '0' || s[0] > '9') return std::nullopt;
    return value;
  }

 private:
  static constexpr VertexId kEmpty = std::numeric_limits<VertexId>::max();
  static constexpr std::uint64_t kEmptySlot = std::numeric_limits<std::uint64_t>::max();
  static constexpr std::uint64_t kDefaultDenseBound = std::uint64_t{1} << 20;
  struct IntegerSlot {
    std::uint64_t key;
    VertexId id;
  };

  // Text slots: fingerprint in the high 32 bits, id in the low 32.
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  static std::uint32_t fingerprint(std::uint64_t slot) { return static_cast<std::uint32_t>(slot >> 32); }
  static VertexId id_in(std::uint64_t slot) { return static_cast<VertexId>(slot & 0xffffffffu); }

  VertexId new_id(std::string_view name) {
    if (order_.size() >= kEmpty) throw std::length_error("more than 2^32-2 vertices");
    const auto id = static_cast<VertexId>(order_.size());
    order_.push_back(name);
    return id;
  }

  VertexId id_of_integer(std::uint64_t value, std::string_view name) {
    if (value < dense_bound_) {
      if (value >= dense_.size()) {
        // Grow geometrically, but never past the bound.
        std::uint64_t want = std::max<std::uint64_t>(value + 1, 2 * static_cast<std::uint64_t>(dense_.size()));
        dense_.resize(static_cast<std::size_t>(std::min(want, dense_bound_)), kEmpty);
      }
      VertexId& slot = dense_[value];
      if (slot == kEmpty) slot = new_id(name);
      return slot;
    }
    std::size_t i = integer_probe(value);
    if (integer_slots_[i].id != kEmpty) return integer_slots_[i].id;
    const VertexId id = new_id(name);
    integer_slots_[i] = {value, id};
    if (2 * ++integer_count_ > integer_slots_.size()) grow_integers();
    return id;
  }

  VertexId id_of_text(std::string_view name) {
    const std::uint64_t h = hash(name);
    std::size_t i = h & (text_slots_.size() - 1);
    for (;; i = (i + 1) & (text_slots_.size() - 1)) {
      const std::uint64_t slot = text_slots_[i];
      if (slot == kEmptySlot) break;
      if (fingerprint(slot) == tag_of(h) && order_[id_in(slot)] == name) return id_in(slot);
    }
    const VertexId id = new_id(name);
    text_slots_[i] = (std::uint64_t{tag_of(h)} << 32) | id;
    if (2 * ++text_count_ > text_slots_.size()) grow_text();
    return id;
  }

  // Slot holding `value`, or the empty slot where it would go.
  std::size_t integer_probe(std::uint64_t value) const {
    std::size_t i = mix(value) & (integer_slots_.size() - 1);
    while (integer_slots_[i].id != kEmpty && integer_slots_[i].key != value) i = (i + 1) & (integer_slots_.size() - 1);
    return i;
  }

  // splitmix64's finaliser: spreads sequential numbers over the table.
  static std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
  }

  // FNV-1a over 8-byte words, then the finaliser: fast on short names.
  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0x100000001b3ull;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ull;
    return mix(h);
  }

  void grow_text() {
    std::vector<std::uint64_t> bigger(text_slots_.size() * 2, kEmptySlot);
    for (std::uint64_t slot : text_slots_) {
      if (slot == kEmptySlot) continue;
      std::size_t i = hash(order_[id_in(slot)]) & (bigger.size() - 1);
      while (bigger[i] != kEmptySlot) i = (i + 1) & (bigger.size() - 1);
      bigger[i] = slot;
    }
    text_slots_.swap(bigger);
  }

  void grow_integers() {
    std::vector<IntegerSlot> old(integer_slots_.size() * 2, IntegerSlot{0, kEmpty});
    old.swap(integer_slots_);
    for (const IntegerSlot& slot : old)
      if (slot.id != kEmpty) integer_slots_[integer_probe(slot.key)] = slot;
  }

  std::uint64_t dense_bound_;
  std::vector<VertexId> dense_;  // dense_[value]: id of the integer name `value`
  std::vector<std::uint64_t> text_slots_;
  std::size_t text_count_ = 0;
  std::vector<IntegerSlot> integer_slots_;
  std::size_t integer_count_ = 0;
  std::vector<std::string_view> order_;
  std::deque<std::string> arena_;
};

// The undirected graph of `edges` (self-loops dropped, repeats merged with
// weights summed), the same rows CsrGraph::from_edges builds. Why not call it:
// it copies the edges into 16-byte arcs twice (arcs, then row slots), 640 MB
// for 10M edges, and that copying and its page faults were half of a 10M-edge
// load once names were fast. Here each arc is written once, straight into its
// row (4 bytes, plus 8 for a weight), and rows are sorted and merged in place.
CsrGraph undirected_rows(VertexId n, const std::vector<Edge>& edges, bool weighted) {
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  for (const Edge& e : edges) {
    if (e.source == e.target) continue;
    ++offsets[e.source + 1];
    ++offsets[e.target + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<VertexId> targets(offsets[n]);
  std::vector<double> sums(weighted ? offsets[n] : 0);
  {
    std::vector<ArcIndex> cursor(offsets.begin(), offsets.end() - 1);
    for (const Edge& e : edges) {
      if (e.source == e.target) continue;
      const ArcIndex a = cursor[e.source]++;
      const ArcIndex b = cursor[e.target]++;
      targets[a] = e.target;
      targets[b] = e.source;
      if (weighted) sums[a] = sums[b] = e.weight;
    }
  }
  std::vector<std::pair<VertexId, double>> row;
  ArcIndex out = 0;
  ArcIndex begin = 0;
  for (VertexId v = 0; v < n; ++v) {
    const ArcIndex end = offsets[v + 1];
    offsets[v] = out;  // rows only shrink, so writing at `out` never overtakes `begin`
    const auto first = targets.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = targets.begin() + static_cast<std::ptrdiff_t>(end);
    if (!weighted) {
      std::sort(first, last);
      const auto kept = std::unique(first, last);
      std::copy(first, kept, targets.begin() + static_cast<std::ptrdiff_t>(out));  // forward, to the left: safe
      out += static_cast<ArcIndex>(kept - first);
    } else {
      row.clear();
      for (ArcIndex a = begin; a < end; ++a) row.emplace_back(targets[a], sums[a]);
      std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = 0; i < row.size();) {
        const VertexId to = row[i].first;
        double sum = 0;
        for (; i < row.size() && row[i].first == to; ++i) sum += row[i].second;
        targets[out] = to;
        sums[out++] = sum;
      }
    }
    begin = end;
  }
  offsets[n] = out;
  targets.resize(out);
  targets.shrink_to_fit();
  std::vector<float> weights(sums.begin(), sums.begin() + static_cast<std::ptrdiff_t>(weighted ? out : 0));
  return CsrGraph::from_undirected_rows(std::move(offsets), std::move(targets), std::move(weights));
}

LoadedGraph finish(std::vector<std::string> names, std::vector<Edge> edges, bool directed, bool weighted) {
  LoadedGraph out;
  for (const Edge& e : edges)
    if (e.source == e.target) ++out.self_loops_dropped;
  const auto n = static_cast<VertexId>(names.size());
  out.graph = directed ? CsrGraph::from_edges(n, edges, directed, weighted) : undirected_rows(n, edges, weighted);
  out.duplicate_edges_merged = edges.size() - out.self_loops_dropped - out.graph.num_edges();
  out.names = std::move(names);
  return out;
}

// ---------------------------------------------------------------- edge lists

enum class Separator { blanks, tab, comma };

struct Field {
  std::string_view text;
  bool quoted = false;
  bool has_escape = false;  // "" inside quotes: needs unescaping
};

class EdgeListReader {
 public:
  EdgeListReader(const std::filesystem::path& path, std::string_view data) : path_(path), data_(data) {
    if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
  }

  // Next line's content without its line end; false at end of input.
  bool next_line(std::string_view& line) {
    if (pos_ >= data_.size()) return false;
    std::size_t start = pos_;
    std::size_t end = start;
    while (end < data_.size() && data_[end] != '\n' && data_[end] != '\r') ++end;
    line = data_.substr(start, end - start);
    pos_ = end;
    std::size_t crs = end;
    while (crs < data_.size() && data_[crs] == '\r') ++crs;
    if (crs < data_.size() && data_[crs] == '\n') {
      pos_ = crs + 1;  // LF, CRLF, CR CR LF: one line end
    } else if (pos_ < data_.size()) {
      ++pos_;  // a lone CR (old Mac): each one ends a line
    }
    ++line_no_;
    return true;
  }
  std::size_t line_no() const { return line_no_; }

  static bool is_blank_or_comment(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t");
    return i == std::string_view::npos || line[i] == '#' || line[i] == '%';
  }

  // Splits `line` into at most fields.size() fields; returns how many were found
  // (further fields are ignored).
  template <std::size_t N>
  std::size_t split(std::string_view line, Separator sep, std::array<Field, N>& fields) const {
    std::size_t count = 0;
    std::size_t i = 0;
    const std::size_t len = line.size();
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (i <= len && count < N) {
      if (sep == Separator::blanks) {
        while (i < len && blank(line[i])) ++i;
        if (i == len) break;
      }
      // In tab- and comma-separated files blanks are part of an unquoted name
      // (Madrid's "Jamal Zougam " keeps its trailing space, as in the source
      // and the reference tables); blanks around a quoted name are dropped.
      std::size_t quote = i;
      if (sep != Separator::blanks)
        while (quote < len && line[quote] == ' ') ++quote;
      Field f;
      if (quote < len && line[quote] == '"') {
        i = quote;
        std::size_t j = i + 1;
        for (;;) {
          if (j >= len) fail(path_, line_no_, "unterminated quoted name");
          if (line[j] == '"') {
            if (j + 1 < len && line[j + 1] == '"') {
              f.has_escape = true;
              j += 2;
              continue;
            }
            break;
          }
          ++j;
        }
        f.text = line.substr(i + 1, j - i - 1);
        f.quoted = true;
        i = j + 1;
        // Only blanks may come between the closing quote and the separator.
        if (sep != Separator::blanks)
          while (i < len && blank(line[i]) && !is_separator(line[i], sep)) ++i;
        if (i < len && !is_separator(line[i], sep)) fail(path_, line_no_, "text after closing quote");
      } else {
        std::size_t j = i;
        while (j < len && !is_separator(line[j], sep)) ++j;
        f.text = line.substr(i, j - i);
        i = j;
      }
      fields[count++] = f;
      if (i >= len) break;
      ++i;  // past the separator
      if (sep != Separator::blanks && i == len) break;  // trailing separator: no empty last field
    }
    // Trailing empty fields ("a,b,,") carry nothing.
    while (count > 0 && fields[count - 1].text.empty() && !fields[count - 1].quoted) --count;
    return count;
  }

  static bool is_separator(char c, Separator sep) {
    switch (sep) {
      case Separator::blanks: return c == ' ' || c == '\t';
      case Separator::tab: return c == '\t';
      case Separator::comma: return c == ',';
    }
    return false;
  }

  static Separator sniff(std::string_view line) {
    bool quoted = false;
    bool comma = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\t') return Separator::tab;
      if (c == ',') comma = true;
    }
    return comma ? Separator::comma : Separator::blanks;
  }

 private:
  const std::filesystem::path& path_;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
};

bool is_header_word(std::string_view field) {
  static constexpr std::string_view words[] = {
      "source", "target", "from", "to", "src", "dst", "dest", "destination", "weight", "value",
      "node1", "node2", "node_1", "node_2", "source_id", "target_id", "sourceid", "targetid",
      "fromnodeid", "tonodeid", "from_id", "to_id", "head", "tail", "ego", "alter", "sender",
      "receiver", "caller", "callee", "id1", "id2", "vertex1", "vertex2"};
  std::string l = lower(field);
  return std::find(std::begin(words), std::end(words), l) != std::end(words);
}

// Takes the buffer to free it once the names are copied out.
LoadedGraph read_edge_list(const std::filesystem::path& path, std::string data, const GraphFileOptions& options) {
  EdgeListReader reader(path, data);
  std::array<Field, 3> fields{};

  // Find the first two data lines to choose the separator and spot a header.
  Separator sep = Separator::blanks;
  std::size_t header_line = 0;
  {
    EdgeListReader scout(path, data);
    std::string_view line;
    std::array<Field, 3> first{};
    std::array<Field, 3> second{};
    std::size_t first_count = 0;
    std::size_t second_count = 0;
    std::size_t first_line = 0;
    int seen = 0;
    while (seen < 2 && scout.next_line(line)) {
      if (EdgeListReader::is_blank_or_comment(line)) continue;
      if (seen == 0) {
        sep = EdgeListReader::sniff(line);
        first_count = scout.split(line, sep, first);
        first_line = scout.line_no();
      } else {
        second_count = scout.split(line, sep, second);
      }
      ++seen;
    }
    if (seen > 0) {
      bool words = first_count >= 2 && !first[0].quoted && !first[1].quoted &&
                   is_header_word(trim_blanks(first[0].text)) && is_header_word(trim_blanks(first[1].text));
      bool third_is_label = first_count >= 3 && !parse_number(trim_blanks(first[2].text)) &&
                            (seen < 2 || second_count < 3 || parse_number(trim_blanks(second[2].text)));
      if (words || third_is_label) header_line = first_line;
    }
  }

  // Integer names up to a quarter of the file size in a flat array: at most
  // the file's size again in memory, and one access per lookup.
  NameTable table(data.size() / 4);
  std::vector<Edge> edges;
  edges.reserve(data.size() / 12 + 16);
  auto name_of = [&](const Field& f) -> std::string_view {
    if (f.text.empty()) fail(path, reader.line_no(), "empty vertex name");
    if (!f.has_escape) return f.text;
    std::string s;
    s.reserve(f.text.size());
    for (std::size_t i = 0; i < f.text.size(); ++i) {
      s.push_back(f.text[i]);
      if (f.text[i] == '"') ++i;  // "" -> "
    }
    return table.keep(std::move(s));
  };

  std::string_view line;
  while (reader.next_line(line)) {
    if (reader.line_no() == header_line || EdgeListReader::is_blank_or_comment(line)) continue;
    std::size_t count = reader.split(line, sep, fields);
    if (count == 0) continue;
    VertexId s = table.id_of(name_of(fields[0]));
    if (count == 1) continue;  // an isolated vertex
    VertexId t = table.id_of(name_of(fields[1]));
    double w = 1.0;
    if (options.weighted) {
      if (count < 3) fail(path, reader.line_no(), "no weight (third field)");
      std::optional<double> parsed = parse_number(trim_blanks(fields[2].text));
      if (!parsed || !std::isfinite(*parsed))
        fail(path, reader.line_no(), "bad weight '" + std::string(fields[2].text) + "'");
      w = *parsed;
    }
    edges.push_back({s, t, w});
  }
  // The names leave the buffer here, so the buffer (as big as the file) is
  // freed before the CSR build, the peak of the load.
  std::vector<std::string> names = table.names();
  table = NameTable();
  std::string().swap(data);
  return finish(std::move(names), std::move(edges), options.directed, options.weighted);
}

// ---------------------------------------------------------------------- GML

// GML (Himsolt 1997) as networkx and Newman write it: `key value` pairs, values
// being numbers, "strings" or [ nested lists ], `#` comments to end of line.
class GmlLexer {
 public:
  enum class Kind { key, number, string, open, close, end };
  struct Token {
    Kind kind = Kind::end;
    std::string_view text;
    std::size_t line = 0;
  };

  GmlLexer(const std::filesystem::path& path, std::string_view data) : path_(path), data_(data) {
    if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  Token next() {
    skip_space();
    Token t;
    t.line = line_;
    if (pos_ >= data_.size()) return t;
    char c = data_[pos_];
    if (c == '[' || c == ']') {
      t.kind = c == '[' ? Kind::open : Kind::close;
      t.text = data_.substr(pos_++, 1);
      return t;
    }
    if (c == '"') {
      std::size_t start = ++pos_;
      while (pos_ < data_.size() && data_[pos_] != '"') advance();
      if (pos_ >= data_.size()) fail(path_, t.line, "unterminated string");
      t.kind = Kind::string;
      t.text = data_.substr(start, pos_ - start);
      ++pos_;
      return t;
    }
    std::size_t start = pos_;
    while (pos_ < data_.size() && !is_space(data_[pos_]) && data_[pos_] != '[' && data_[pos_] != ']' &&
           data_[pos_] != '"')
      ++pos_;
    t.text = data_.substr(start, pos_ - start);
    bool alpha = std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    // networkx writes INF / NAN as bare reals; everything else alphabetic is a key.
    std::string l = lower(t.text);
    bool special = l == "inf" || l == "nan";
    t.kind = alpha && !special ? Kind::key : Kind::number;
    if (t.kind == Kind::number && !special && !parse_number(t.text) && !(l == "-inf" || l == "+inf"))
      fail(path_, t.line, "unexpected '" + std::string(t.text) + "'");
    return t;
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

  // Moves past one character, counting line ends as EdgeListReader does.
  void advance() {
    char c = data_[pos_++];
    if (c == '\n') {
      ++line_;
    } else if (c == '\r') {
      std::size_t j = pos_;
      while (j < data_.size() && data_[j] == '\r') ++j;
      if (j >= data_.size() || data_[j] != '\n') ++line_;  // else the LF ends the line
    }
  }

  void skip_space() {
    while (pos_ < data_.size()) {
      char c = data_[pos_];
      if (is_space(c)) {
        advance();
      } else if (c == '#') {
        while (pos_ < data_.size() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  const std::filesystem::path& path_;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Decodes the XML character references networkx uses to escape GML strings
// (&#1234; &#x4d2; &amp; &quot; &lt; &gt;) into UTF-8.
std::string gml_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i]);
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    std::uint32_t cp = 0;
    bool ok = true;
    if (ent == "amp") cp = '&';
    else if (ent == "quot") cp = '"';
    else if (ent == "lt") cp = '<';
    else if (ent == "gt") cp = '>';
    else if (ent == "apos") cp = '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      bool hex = ent[1] == 'x' || ent[1] == 'X';
      std::string_view digits = ent.substr(hex ? 2 : 1);
      auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      ok = ec == std::errc() && p == digits.data() + digits.size() && cp <= 0x10FFFF;
    } else {
      ok = false;
    }
    if (!ok) {
      out.push_back(s[i]);
      continue;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    i = semi;
  }
  return out;
}

class GmlReader {
 public:
  GmlReader(const std::filesystem::path& path, std::string_view data, const GraphFileOptions& options)
      : path_(path), lex_(path, data), options_(options) {}

  LoadedGraph read() {
    bool found = false;
    for (;;) {
      GmlLexer::Token t = lex_.next();
      if (t.kind == GmlLexer::Kind::end) break;
      if (t.kind != GmlLexer::Kind::key) fail(path_, t.line, "expected a key, found '" + std::string(t.text) + "'");
      if (t.text == "graph" && !found) {
        GmlLexer::Token open = lex_.next();
        if (open.kind != GmlLexer::Kind::open) fail(path_, open.line, "expected '[' after graph");
        read_graph();
        found = true;
      } else {
        skip_value(t);
      }
    }
    if (!found) fail(path_, 0, "no 'graph [ ... ]' block");
    std::vector<Edge> edges;
    edges.reserve(pending_.size());
    for (const PendingEdge& p : pending_) {
      const std::optional<VertexId> s = table_.find(p.source);
      const std::optional<VertexId> t = table_.find(p.target);
      if (!s) fail(path_, p.line, "edge source " + std::string(p.source) + " is not a declared node");
      if (!t) fail(path_, p.line, "edge target " + std::string(p.target) + " is not a declared node");
      edges.push_back({*s, *t, p.weight});
    }
    return finish(table_.names(), std::move(edges), directed_, options_.weighted);
  }

 private:
  struct PendingEdge {
    std::string_view source;
    std::string_view target;
    double weight = 1.0;
    std::size_t line = 0;
  };

  GmlLexer::Token value_after(const GmlLexer::Token& key) {
    GmlLexer::Token v = lex_.next();
    if (v.kind == GmlLexer::Kind::end || v.kind == GmlLexer::Kind::close || v.kind == GmlLexer::Kind::key)
      fail(path_, key.line, "key '" + std::string(key.text) + "' has no value");
    return v;
  }

  // Skips the value of `key` (a scalar or a whole nested list).
  void skip_value(const GmlLexer::Token& key) {
    GmlLexer::Token v = value_after(key);
    if (v.kind != GmlLexer::Kind::open) return;
    int depth = 1;
    while (depth > 0) {
      GmlLexer::Token t = lex_.next();
      if (t.kind == GmlLexer::Kind::end) fail(path_, v.line, "unclosed '[' (list opened here)");
      if (t.kind == GmlLexer::Kind::open) ++depth;
      if (t.kind == GmlLexer::Kind::close) --depth;
    }
  }

  // Reads key-value pairs up to the list's ']'; `on_pair` returns true when it
  // consumed the value itself.
  template <typename F>
  void read_list(std::size_t open_line, F&& on_pair) {
    for (;;) {
      GmlLexer::Token t = lex_.next();
      if (t.kind == GmlLexer::Kind::close) return;
      if (t.kind == GmlLexer::Kind::end) fail(path_, open_line, "unclosed '[' (list opened here)");
      if (t.kind != GmlLexer::Kind::key) fail(path_, t.line, "expected a key, found '" + std::string(t.text) + "'");
      if (!on_pair(t)) skip_value(t);
    }
  }

  void read_graph() {
    read_list(0, [&](const GmlLexer::Token& key) {
      if (key.text == "directed") {
        GmlLexer::Token v = value_after(key);
        std::optional<double> d = parse_number(v.text);
        if (v.kind != GmlLexer::Kind::number || !d) fail(path_, v.line, "directed must be 0 or 1");
        directed_ = *d != 0;
        return true;
      }
      if (key.text == "node") {
        GmlLexer::Token open = value_after(key);
        if (open.kind != GmlLexer::Kind::open) fail(path_, open.line, "expected '[' after node");
        read_node(key.line);
        return true;
      }
      if (key.text == "edge") {
        GmlLexer::Token open = value_after(key);
        if (open.kind != GmlLexer::Kind::open) fail(path_, open.line, "expected '[' after edge");
        read_edge(key.line);
        return true;
      }
      return false;
    });
  }

  std::string_view scalar_text(const GmlLexer::Token& v) {
    if (v.kind == GmlLexer::Kind::string && v.text.find('&') != std::string_view::npos)
      return table_.keep(gml_unescape(v.text));
    return v.text;
  }

  void read_node(std::size_t line) {
    std::optional<std::string_view> id;
    read_list(line, [&](const GmlLexer::Token& key) {
      if (key.text != "id") return false;
      GmlLexer::Token v = value_after(key);
      if (v.kind == GmlLexer::Kind::open) fail(path_, v.line, "node id must be a number or string");
      id = scalar_text(v);
      return true;
    });
    if (!id) fail(path_, line, "node without id");
    VertexId before = table_.size();
    table_.id_of(*id);
    if (table_.size() == before) fail(path_, line, "node id " + std::string(*id) + " declared twice");
  }

  void read_edge(std::size_t line) {
    PendingEdge e;
    e.line = line;
    bool has_source = false;
    bool has_target = false;
    std::optional<double> weight;
    std::optional<double> value;
    read_list(line, [&](const GmlLexer::Token& key) {
      bool is_weight = key.text == "weight";
      bool is_value = key.text == "value";
      if (key.text != "source" && key.text != "target" && !is_weight && !is_value) return false;
      GmlLexer::Token v = value_after(key);
      if (v.kind == GmlLexer::Kind::open) {
        if (is_weight || is_value) fail(path_, v.line, "bad weight: a list");
        fail(path_, v.line, "edge endpoint must be a number or string");
      }
      if (key.text == "source") {
        e.source = scalar_text(v);
        has_source = true;
      } else if (key.text == "target") {
        e.target = scalar_text(v);
        has_target = true;
      } else if (options_.weighted) {
        std::optional<double> w = parse_number(v.text);
        if (!w || !std::isfinite(*w)) fail(path_, v.line, "bad weight '" + std::string(v.text) + "'");
        (is_weight ? weight : value) = w;
      }
      return true;
    });
    if (!has_source || !has_target) fail(path_, line, "edge without source or target");
    if (options_.weighted) {
      if (!weight && !value) fail(path_, line, "edge has no weight or value");
      e.weight = weight ? *weight : *value;
    }
    pending_.push_back(e);
  }

  const std::filesystem::path& path_;
  GmlLexer lex_;
  const GraphFileOptions& options_;
  NameTable table_;
  std::vector<PendingEdge> pending_;
  bool directed_ = false;
};

// ------------------------------------------------------------------ GraphML

LoadedGraph read_graphml(const std::filesystem::path& path, const std::string& data, const GraphFileOptions& options) {
  auto line_at = [&](std::ptrdiff_t offset) -> std::size_t {
    if (offset < 0) return 0;
    std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(offset), data.size());
    return 1 + static_cast<std::size_t>(std::count(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
  };
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(data.data(), data.size());
  if (!parsed) fail(path, line_at(parsed.offset), std::string("XML error: ") + parsed.description());
  pugi::xml_node root = doc.child("graphml");
  if (!root) fail(path, 0, "no <graphml> element");
  pugi::xml_node graph = root.child("graph");
  if (!graph) fail(path, line_at(root.offset_debug()), "no <graph> element");

  // The edge weight key: attr.name "weight", else "value".
  std::string weight_key;
  std::optional<double> weight_default;
  for (const char* wanted : {"weight", "value"}) {
    for (pugi::xml_node key : root.children("key")) {
      std::string_view for_what = key.attribute("for").as_string("all");
      if (for_what != "edge" && for_what != "all") continue;
      if (std::string_view(key.attribute("attr.name").as_string()) != wanted) continue;
      weight_key = key.attribute("id").as_string();
      if (pugi::xml_node def = key.child("default")) {
        std::optional<double> d = parse_number(def.child_value());
        if (!d || !std::isfinite(*d)) fail(path, line_at(def.offset_debug()), "bad default weight");
        weight_default = d;
      }
      break;
    }
    if (!weight_key.empty()) break;
  }
  if (options.weighted && weight_key.empty()) fail(path, 0, "no edge key named weight or value");

  bool directed = options.directed;
  std::string_view edgedefault = graph.attribute("edgedefault").as_string();
  if (edgedefault == "directed") directed = true;
  if (edgedefault == "undirected") directed = false;

  NameTable table;
  for (pugi::xml_node node : graph.children("node")) {
    pugi::xml_attribute id = node.attribute("id");
    if (!id) fail(path, line_at(node.offset_debug()), "node without id");
    VertexId before = table.size();
    table.id_of(id.value());  // attribute text lives as long as `doc`
    if (table.size() == before)
      fail(path, line_at(node.offset_debug()), "node id " + std::string(id.value()) + " declared twice");
  }
  std::vector<Edge> edges;
  for (pugi::xml_node edge : graph.children("edge")) {
    std::size_t line = line_at(edge.offset_debug());
    const std::optional<VertexId> s = table.find(edge.attribute("source").value());
    const std::optional<VertexId> t = table.find(edge.attribute("target").value());
    if (!s)
      fail(path, line, std::string("edge source '") + edge.attribute("source").value() + "' is not a declared node");
    if (!t)
      fail(path, line, std::string("edge target '") + edge.attribute("target").value() + "' is not a declared node");
    double w = 1.0;
    if (options.weighted) {
      std::optional<double> found = weight_default;
      for (pugi::xml_node d : edge.children("data")) {
        if (weight_key != d.attribute("key").value()) continue;
        std::string_view text = d.child_value();
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
        found = parse_number(text);
        if (!found || !std::isfinite(*found))
          fail(path, line_at(d.offset_debug()), "bad weight '" + std::string(text) + "'");
      }
      if (!found) fail(path, line, "edge has no weight");
      w = *found;
    }
    edges.push_back({*s, *t, w});
  }
  return finish(table.names(), std::move(edges), directed, options.weighted);
}

GraphFormat format_from_name(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  if (lower(p.extension().string()) == ".gz") p = p.stem();
  std::string ext = lower(p.extension().string());
  if (ext == ".gml") return GraphFormat::gml;
  if (ext == ".graphml") return GraphFormat::graphml;
  return GraphFormat::edge_list;
}

}  // namespace

LoadedGraph read_graph_file(const std::filesystem::path& path, const GraphFileOptions& options) {
  std::string data = load_bytes(path);
  GraphFormat format = options.format == GraphFormat::automatic ? format_from_name(path) : options.format;
  try {
    switch (format) {
      case GraphFormat::gml: return GmlReader(path, data, options).read();
      case GraphFormat::graphml: return read_graphml(path, data, options);
      case GraphFormat::edge_list:
      case GraphFormat::automatic: break;
    }
    return read_edge_list(path, std::move(data), options);
  } catch (const GraphFileError&) {
    throw;
  } catch (const std::exception& e) {
    fail(path, 0, e.what());
  }
}

}  // namespace casegraph
