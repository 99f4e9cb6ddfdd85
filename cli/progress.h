#pragma once
// Progress on long steps, on stderr, only when stderr is a terminal: a log or
// a pipe gets the final summary lines and nothing else.
#include <chrono>
#include <cstdint>
#include <string>

namespace casegraph::cli {

class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();
  // Redraws at most ten times a second.
  void update(std::uint64_t done, std::uint64_t total, const char* unit);
  void finish();

 private:
  std::string what_;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

// Prints "step... done in 1.23 s" style lines for the phases of a command.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace casegraph::cli
