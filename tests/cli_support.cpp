#include "tests/cli_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "importers/import_order.h"

namespace casegraph::test {

namespace fs = std::filesystem;

namespace {
std::atomic<int> temp_dir_counter{0};
}  // namespace

TempDir::TempDir(const std::string& name) {
  path_ = fs::temp_directory_path() /
          ("casegraph-test-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(temp_dir_counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Outcome run_command(const std::string& command, const fs::path& scratch) {
  if (scratch.empty()) {
    TempDir own("run");
    return run_command(command, own.path());
  }
  const fs::path out = scratch / "run.stdout";
  const fs::path err = scratch / "run.stderr";
  const int status = std::system(
      (command + " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " </dev/null").c_str());
  Outcome o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = slurp(out);
  o.err = slurp(err);
  return o;
}

Outcome run_cli(const std::string& args, const fs::path& scratch) {
  return run_command(std::string(CASEGRAPH_CLI) + " " + args, scratch);
}

fs::path example_dir() { return fs::path(CASEGRAPH_SOURCE_DIR) / "examples" / "case"; }

Outcome build_case(const fs::path& data_dir, const fs::path& case_path, bool resolve,
                   const std::string& analyse_args) {
  const std::string case_arg = shell_quote(case_path.string());
  Outcome o;
  for (const ImportStep& step : read_import_order(data_dir)) {
    o = run_cli("import " + case_arg + " --spec " + shell_quote(step.spec.string()) + " " +
                shell_quote(step.csv.string()));
    if (o.exit_code != 0) {
      o.err = "import " + step.csv.string() + ": " + o.err;
      return o;
    }
  }
  if (resolve) {
    o = run_cli("resolve " + case_arg);
    if (o.exit_code != 0) {
      o.err = "resolve: " + o.err;
      return o;
    }
  }
  if (!analyse_args.empty()) {
    o = run_cli("analyse " + case_arg + " " + analyse_args);
    if (o.exit_code != 0) o.err = "analyse: " + o.err;
  }
  return o;
}

Outcome build_example_case(const fs::path& case_path, bool resolve, const std::string& analyse_args) {
  return build_case(example_dir(), case_path, resolve, analyse_args);
}

bool row_holds_record_id(const std::vector<std::string>& fields, const std::string& record_id, std::int64_t row) {
  if (record_id == std::to_string(row)) return true;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = std::min(record_id.find('|', begin), record_id.size());
    if (std::find(fields.begin(), fields.end(), record_id.substr(begin, end - begin)) == fields.end()) return false;
    if (end == record_id.size()) return true;
    begin = end + 1;
  }
}

}  // namespace casegraph::test
