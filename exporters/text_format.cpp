#include "exporters/text_format.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace casegraph {
namespace {

// --- text -------------------------------------------------------------------

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one well-formed UTF-8 sequence at text[i] (no overlong forms, no
// surrogates, nothing above U+10FFFF). Returns its length, or 0 if malformed.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool allowed_in_xml(char32_t cp) {
  // XML 1.0 Char production; CR is handled by the caller.
  return cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         cp >= 0x10000;
}

}  // namespace

// Source records come from many systems; one bad byte must not make the whole
// export unreadable. Only the value is repaired, never dropped.
std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      append_utf8(out, U'\uFFFD');
      ++i;
      continue;
    }
    if (cp == '\r') {
      out += '\n';
      i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (allowed_in_xml(cp)) {
      out.append(text.substr(i, len));
    } else {
      append_utf8(out, U'\uFFFD');
    }
    i += len;
  }
  return out;
}

// --- values -----------------------------------------------------------------

std::string format_double(double value) {
  // Shortest text that reads back as the same double; "nan"/"inf" are read
  // by both networkx (float()) and igraph (strtod).
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_time(Timestamp t) {
  using namespace std::chrono;
  const sys_seconds at{seconds{t}};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{at - day};
  char buffer[40];
  const int y = static_cast<int>(ymd.year());
  const auto put = [&](char* p, long v, int width) {
    for (int k = width - 1; k >= 0; --k) {
      p[k] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  // Years 0..9999 cover every real record; others keep all their digits.
  std::string out;
  if (y >= 0 && y <= 9999) {
    put(buffer, y, 4);
    out.assign(buffer, 4);
  } else {
    out = std::to_string(y);
  }
  put(buffer, static_cast<long>(static_cast<unsigned>(ymd.month())), 2);
  put(buffer + 2, static_cast<long>(static_cast<unsigned>(ymd.day())), 2);
  put(buffer + 4, hms.hours().count(), 2);
  put(buffer + 6, hms.minutes().count(), 2);
  put(buffer + 8, static_cast<long>(hms.seconds().count()), 2);
  out += '-';
  out.append(buffer, 2);
  out += '-';
  out.append(buffer + 2, 2);
  out += 'T';
  out.append(buffer + 4, 2);
  out += ':';
  out.append(buffer + 6, 2);
  out += ':';
  out.append(buffer + 8, 2);
  out += 'Z';
  return out;
}

std::string join_sources(const std::vector<SourceRef>& sources) {
  std::string out;
  for (const SourceRef& s : sources) {
    if (!out.empty()) out += ';';
    out += s.source;
    out += ':';
    out += s.record_id;
  }
  return out;
}

std::string join_roles(const std::vector<std::string>& roles, char separator) {
  std::string out;
  for (const std::string& r : roles) {
    if (r.empty()) continue;
    if (!out.empty()) out += separator;
    out += r;
  }
  return out;
}

std::string free_name(std::set<std::string>& taken, const std::string& name, const std::string& prefix) {
  std::string candidate = name;
  if (taken.count(candidate) != 0) candidate = prefix + name;
  for (int n = 2; taken.count(candidate) != 0; ++n) candidate = prefix + name + "_" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

std::string csv_field(std::string_view raw) {
  const std::string text = xml_safe(raw);
  const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' ||
                                        text.back() == '\t'));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string spreadsheet_safe(std::string_view text) {
  if (text.empty()) return {};
  const char first = text[0];
  bool risky = first == '=' || first == '@' || first == '\t' || first == '\r';
  if (first == '+' || first == '-') risky = text.size() < 2 || !(text[1] >= '0' && text[1] <= '9');
  return risky ? "'" + std::string(text) : std::string(text);
}

OrderedChart order_chart(const Chart& chart) {
  OrderedChart out;
  out.nodes.reserve(chart.nodes.size());
  for (const ChartNode& n : chart.nodes) out.nodes.push_back(&n);
  std::stable_sort(out.nodes.begin(), out.nodes.end(),
                   [](const ChartNode* a, const ChartNode* b) { return a->id < b->id; });
  for (std::size_t i = 1; i < out.nodes.size(); ++i) {
    if (out.nodes[i]->id == out.nodes[i - 1]->id) {
      throw std::invalid_argument("chart has two nodes with id " + std::to_string(out.nodes[i]->id));
    }
  }
  std::vector<std::int64_t> ids;
  ids.reserve(out.nodes.size());
  for (const ChartNode* n : out.nodes) ids.push_back(n->id);
  out.edges.reserve(chart.edges.size());
  for (const ChartEdge& e : chart.edges) {
    for (std::int64_t end : {e.source, e.target}) {
      if (!std::binary_search(ids.begin(), ids.end(), end)) {
        throw std::invalid_argument("chart link " + std::to_string(e.id) + " refers to entity " +
                                    std::to_string(end) + ", which is not in the chart");
      }
    }
    out.any_directed = out.any_directed || e.directed;
    out.edges.push_back(&e);
  }
  std::stable_sort(out.edges.begin(), out.edges.end(),
                   [](const ChartEdge* a, const ChartEdge* b) { return a->id < b->id; });
  return out;
}

}  // namespace casegraph
