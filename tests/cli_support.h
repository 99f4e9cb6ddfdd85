#pragma once
// Support shared by the tests that drive the casegraph command: scratch
// folders, reading files whole, shell quoting, running the built CLI (or any
// command) with its exit code, stdout and stderr captured, and building a
// case file from a folder of exports (examples/case, synth output).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace casegraph::test {

// A fresh directory, unique per process and per instance, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name = "tmp");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The whole file as bytes ("" when it cannot be read).
std::string slurp(const std::filesystem::path& path);

// `s` in single quotes for /bin/sh, embedded quotes escaped.
std::string shell_quote(const std::string& s);

struct Outcome {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// Runs a shell command with stdin from /dev/null, capturing stdout and stderr
// in files under `scratch` (a private scratch folder when empty).
Outcome run_command(const std::string& command, const std::filesystem::path& scratch = {});

// Runs the built CLI (CASEGRAPH_CLI) with `args` (already shell-quoted).
Outcome run_cli(const std::string& args, const std::filesystem::path& scratch = {});

// The example case folder in the source tree.
std::filesystem::path example_dir();

// Imports the agency exports of `data_dir` into `case_path` step by step as
// its IMPORT_ORDER lists (read by read_import_order); then runs `resolve`
// when `resolve` is true and `analyse <analyse_args>` when `analyse_args` is
// non-empty. Returns the first failing step's outcome (exit_code != 0, its
// err naming the step), else the last step's.
Outcome build_case(const std::filesystem::path& data_dir, const std::filesystem::path& case_path,
                   bool resolve = true, const std::string& analyse_args = "");

// build_case on examples/case.
Outcome build_example_case(const std::filesystem::path& case_path, bool resolve = true,
                           const std::string& analyse_args = "");

// Whether a source row holds the record id evidence cites: the id is the
// row number (a source without an id column), or each "|"-joined part of it
// is one of the row's fields (one id column, or several).
bool row_holds_record_id(const std::vector<std::string>& fields, const std::string& record_id, std::int64_t row);

}  // namespace casegraph::test
