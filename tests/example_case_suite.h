#pragma once
// A test suite over examples/case, built once for the suite in a scratch
// folder of its own; run() runs the CLI there and keeps its stdout and stderr
// for the assertions. `Suite` is the deriving class, so that every suite has
// its own folder and case (the members are static: gtest builds the case in
// SetUpTestSuite, once for all its tests).
//
//   class LinkingExample : public test::ExampleCaseSuite<LinkingExample> {
//    protected:
//     static void SetUpTestSuite() { build("linking"); }
//   };
#include <gtest/gtest.h>

#include <string>

#include "tests/cli_support.h"

namespace casegraph::test {

template <class Suite>
class ExampleCaseSuite : public ::testing::Test {
 protected:
  // Imports examples/case into <scratch>/case.db, resolves it when `resolve`,
  // and analyses it with `analyse_args` when they are given (build_example_case).
  static void build(const std::string& name, bool resolve = true, const std::string& analyse_args = "") {
    dir_ = new TempDir(name);
    case_ = (dir_->path() / "case.db").string();
    const Outcome built = build_example_case(case_, resolve, analyse_args);
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // Runs the CLI, keeping its stdout and stderr for the assertions.
  static int run(const std::string& args) {
    const Outcome o = run_cli(args, dir_->path());
    out_ = o.out;
    err_ = o.err;
    return o.exit_code;
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::string case_, out_, err_;
};

}  // namespace casegraph::test
