#include "exporters/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <memory>
#include <streambuf>
#include <string>
#include <system_error>

namespace casegraph {
namespace {

[[noreturn]] void throw_errno(int error, const std::string& what, const std::filesystem::path& path) {
  throw std::system_error(error, std::generic_category(), what + " '" + path.string() + "'");
}

// A write-only stream buffer over a POSIX file descriptor. std::ofstream gives
// no access to its descriptor, and fsync needs one. Remembers the first errno
// so that a failed write (disk full) is reported with its cause.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    const char* const end = pptr();
    while (p < end) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(end - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        if (error_ == 0) error_ = errno;
        return false;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 64 * 1024> buffer_{};
};

// Owns the temporary file until it has been renamed into place.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
      // Hidden, and named after the target, so that a leftover after a crash
      // says what it was; pid and counter keep concurrent writers apart.
      path_ = dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                     std::to_string(counter.fetch_add(1)));
      // 0666 less the umask, as a plain create would give.
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) return;
      if (errno != EEXIST) throw_errno(errno, "cannot create a temporary file for", target);
    }
    throw_errno(EEXIST, "cannot create a temporary file for", target);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    close();
    if (!renamed_) ::unlink(path_.c_str());
  }

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }
  void mark_renamed() { renamed_ = true; }
  // Returns 0 or the errno of a failed close (NFS reports write errors here).
  int close() {
    if (fd_ < 0) return 0;
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool renamed_ = false;
};

void fsync_directory(const std::filesystem::path& target) {
  const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the rename has happened; a directory we cannot open cannot be synced
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

namespace {

// Writes `write`'s bytes to `temp`, flushed and fsync'ed, with the
// permissions of the file at `path` if there is one.
void fill(TempFile& temp, const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
  // Keep the permissions of the file being replaced (an analyst may have
  // restricted an export of sensitive data to 0600).
  struct stat existing {};
  if (::lstat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    if (::fchmod(temp.fd(), existing.st_mode & 07777) != 0) throw_errno(errno, "cannot set permissions on", temp.path());
  }

  {
    FdStreamBuf buffer(temp.fd());
    std::ostream out(&buffer);
    out.exceptions(std::ios::goodbit);  // failures are checked below, with their errno
    write(out);
    out.flush();
    if (!out) throw_errno(buffer.error() != 0 ? buffer.error() : EIO, "cannot write", temp.path());
  }
  if (::fsync(temp.fd()) != 0) throw_errno(errno, "cannot flush to disk", temp.path());
  if (const int error = temp.close(); error != 0) throw_errno(error, "cannot close", temp.path());
}

void put_in_place(TempFile& temp, const std::filesystem::path& path) {
  if (::rename(temp.path().c_str(), path.c_str()) != 0) throw_errno(errno, "cannot replace", path);
  temp.mark_renamed();
  fsync_directory(path);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
  TempFile temp(path);
  fill(temp, path, write);
  put_in_place(temp, path);
}

void write_files_atomically(const std::vector<FileToWrite>& files) {
  std::vector<std::unique_ptr<TempFile>> temps;
  temps.reserve(files.size());
  for (const FileToWrite& f : files) {
    temps.push_back(std::make_unique<TempFile>(f.path));
    fill(*temps.back(), f.path, f.write);
  }
  for (std::size_t i = 0; i < files.size(); ++i) put_in_place(*temps[i], files[i].path);
}

}  // namespace casegraph
