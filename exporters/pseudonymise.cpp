#include "exporters/pseudonymise.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

namespace casegraph {
namespace {

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string out(2 * n + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

std::string trim(const std::string& s) {
  const char* blanks = " \t\r\n";
  const auto first = s.find_first_not_of(blanks);
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

PseudonymKey read_key(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read pseudonymisation key '" + path.string() + "'");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string hex = trim(text.str());
  PseudonymKey key{};
  std::size_t length = 0;
  const char* end = nullptr;
  if (hex.size() != 2 * key.size() ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, &end) != 0 ||
      length != key.size()) {
    throw std::runtime_error("pseudonymisation key '" + path.string() + "' must hold " +
                             std::to_string(2 * key.size()) + " hexadecimal digits (a key casegraph created)");
  }
  return key;
}

PseudonymKey create_key(const std::filesystem::path& path) {
  PseudonymKey key{};
  randombytes_buf(key.data(), key.size());
  const std::string text = to_hex(key.data(), key.size()) + "\n";
  // O_EXCL: never overwrite a key that appeared meanwhile; 0600: the key is
  // the secret that protects the names.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot create pseudonymisation key '" + path.string() + "'");
  }
  const ssize_t written = ::write(fd, text.data(), text.size());
  const int write_error = errno;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(text.size()) || !synced) {
    ::unlink(path.c_str());
    throw std::system_error(write_error, std::generic_category(),
                            "cannot write pseudonymisation key '" + path.string() + "'");
  }
  return key;
}

// Chooses the token width and maps every value to its token.
class Tokens {
 public:
  explicit Tokens(const PseudonymKey& key) : key_(key) {}
  void add(const std::string& value) { values_.insert(value); }

  void settle() {
    for (std::size_t bytes : {4u, 8u, 16u}) {
      std::unordered_set<std::string> seen;
      tokens_.clear();
      bool clash = false;
      for (const std::string& v : values_) {
        std::string t = keyed_token(key_, v, bytes);
        if (!seen.insert(t).second) {
          clash = true;
          break;
        }
        tokens_.emplace(v, std::move(t));
      }
      if (!clash) return;
    }
  }
  const std::string& operator()(const std::string& value) const { return tokens_.at(value); }

 private:
  const PseudonymKey& key_;
  std::set<std::string> values_;
  std::unordered_map<std::string, std::string> tokens_;
};

bool kept(const std::string& attribute) { return kKeptAttributes.count(attribute) != 0; }

}  // namespace

PseudonymKey load_or_create_key(const std::filesystem::path& path, bool* created) {
  ensure_sodium();
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (created != nullptr) *created = !exists;
  return exists ? read_key(path) : create_key(path);
}

std::string keyed_token(const PseudonymKey& key, std::string_view value, std::size_t bytes) {
  ensure_sodium();
  // Tokens are prefixes of one 16-byte BLAKE2b hash (the shortest it gives).
  if (bytes == 0 || bytes > crypto_generichash_BYTES_MIN) throw std::invalid_argument("token length must be 1-16 bytes");
  unsigned char hash[crypto_generichash_BYTES_MIN];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                     key.data(), key.size());
  return to_hex(hash, std::min(bytes, sizeof hash));
}

Chart pseudonymise(const Chart& chart, const PseudonymKey& key) {
  Tokens tokens(key);
  tokens.add(chart.case_name);
  for (const ChartNode& n : chart.nodes) {
    tokens.add(n.label);
    for (const auto& [name, value] : n.attributes) {
      if (!kept(name)) tokens.add(value);
    }
    for (const SourceRef& s : n.sources) tokens.add(s.record_id);
  }
  for (const ChartEdge& e : chart.edges) {
    for (const SourceRef& s : e.sources) tokens.add(s.record_id);
  }
  tokens.settle();

  Chart out = chart;
  out.case_name = "case-" + tokens(chart.case_name);
  for (ChartNode& n : out.nodes) {
    n.label = (n.type.empty() ? std::string("entity") : n.type) + "-" + tokens(n.label);
    for (auto& [name, value] : n.attributes) {
      if (!kept(name) && !value.empty()) value = tokens(value);
    }
    for (SourceRef& s : n.sources) s.record_id = "rec-" + tokens(s.record_id);
  }
  for (ChartEdge& e : out.edges) {
    for (SourceRef& s : e.sources) s.record_id = "rec-" + tokens(s.record_id);
  }
  return out;
}

}  // namespace casegraph
