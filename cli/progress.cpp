#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace casegraph::cli {

Progress::Progress(std::string what) : what_(std::move(what)), terminal_(isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() { finish(); }

void Progress::update(std::uint64_t done, std::uint64_t total, const char* unit) {
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done != total) return;
  last_ = now;
  drawn_ = true;
  if (total > 0)
    std::fprintf(stderr, "\r%s: %llu / %llu %s (%3.0f%%)", what_.c_str(), static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total), unit, 100.0 * static_cast<double>(done) / static_cast<double>(total));
  else
    std::fprintf(stderr, "\r%s: %llu %s", what_.c_str(), static_cast<unsigned long long>(done), unit);
  std::fflush(stderr);
}

void Progress::finish() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

}  // namespace casegraph::cli
