// SPDX-License-Identifier: MIT
// The dispatcher: every command is listed and answers --help; unknown commands are usage
// errors; nothing escapes as an uncaught exception.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace tarikh::testing {
namespace {

const char* const kCommands[] = {"tag",   "normalize", "build", "query", "export",
                                 "hijri", "extract",   "merge", "eval"};

TEST(TarikhMainTest, HelpListsEveryCommandAndEachAnswersHelp) {
  ScratchDir dir("main_help");
  const RunResult help = RunTarikh(dir, "--help");
  ASSERT_EQ(help.exit_code, 0);
  for (const char* c : kCommands) {
    EXPECT_NE(help.out.find(std::string("  ") + c + " "), std::string::npos) << c;
    const RunResult r = RunTarikh(dir, std::string(c) + " --help");
    EXPECT_EQ(r.exit_code, 0) << c << ": " << r.err;
    EXPECT_NE(r.out.find("tarikh " + std::string(c)), std::string::npos) << c;
  }
}

TEST(TarikhMainTest, UsageErrors) {
  ScratchDir dir("main_usage");
  RunResult r = RunTarikh(dir, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: tarikh <command>"), std::string::npos);
  r = RunTarikh(dir, "frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
  for (const char* c : kCommands) {
    EXPECT_EQ(RunTarikh(dir, std::string(c) + " --no-such-flag").exit_code, 2) << c;
  }
  r = RunTarikh(dir, "--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("tarikh ", 0), 0u);
}

}  // namespace
}  // namespace tarikh::testing
