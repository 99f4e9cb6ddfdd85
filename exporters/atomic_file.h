#pragma once
// Writing an export so that a reader never sees half a file.
//
// An analyst's export (a GraphML chart opened in Gephi, a report sent for a
// case review) must be either the old file or the complete new one, never a
// torn mix, even if casegraph fails or the machine loses power mid-write.
// The bytes go to a temporary file in the target's own directory (a rename is
// atomic only within one file system); it is flushed, fsync'ed, renamed over
// the target, and the directory is fsync'ed so that the rename itself is
// durable.
#include <filesystem>
#include <functional>
#include <ostream>
#include <vector>

namespace casegraph {

// Calls `write` with a stream onto a new temporary file beside `path`, then
// replaces `path` with it atomically. The new file takes the permissions of
// the file it replaces, or 0666 less the umask when `path` did not exist.
// If `write` throws, or any step fails (the stream goes bad, the disk is full,
// fsync or rename fails), the temporary file is removed, `path` is left as it
// was, and the exception propagates: `write`'s own exception unchanged, I/O
// failures as std::system_error naming the file.
// A symbolic link at `path` is replaced by the file, not followed.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

// Several files that belong together (a Neo4j import's nodes and
// relationships). Every file is written and flushed to its temporary first;
// only when all are complete are they renamed into place, one after another.
// A failure while writing leaves every target as it was; the renames
// themselves are not one atomic step (POSIX has none for several files), so a
// crash between two renames can leave a new file beside an old one.
struct FileToWrite {
  std::filesystem::path path;
  std::function<void(std::ostream&)> write;
};
void write_files_atomically(const std::vector<FileToWrite>& files);

}  // namespace casegraph
