// SPDX-License-Identifier: MIT
// The CLI's shared plumbing: exit codes of command-line parsing, reading files, atomic writes
// (nothing half-written, no temporaries left behind), UTF-16 detection, error locations.
#include "cli_util.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace tarikh::cli {
namespace {

using tarikh::testing::ReadAll;
using tarikh::testing::ScratchDir;
using tarikh::testing::WriteAll;

std::vector<std::string> Listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<int> Parse(std::vector<std::string> args, std::string* value) {
  CLI::App app{"test", "tarikh test"};
  app.add_option("--dct", *value)->required();
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  auto done = ParseCommandLine(app, static_cast<int>(argv.size()), argv.data());
  ::testing::internal::GetCapturedStdout();
  ::testing::internal::GetCapturedStderr();
  return done;
}

TEST(CliUtilTest, ParseCommandLineMapsToTheDocumentedExitCodes) {
  std::string value;
  EXPECT_EQ(Parse({"test", "--dct", "2017-04-18"}, &value), std::nullopt);
  EXPECT_EQ(value, "2017-04-18");
  EXPECT_EQ(Parse({"test", "--help"}, &value), std::optional<int>(kExitOk));
  EXPECT_EQ(Parse({"test"}, &value), std::optional<int>(kExitUsage));  // required missing
  EXPECT_EQ(Parse({"test", "--dct", "x", "--bogus"}, &value), std::optional<int>(kExitUsage));
}

TEST(CliUtilTest, ReadFileNamesTheProblem) {
  ScratchDir dir("cli_util_read");
  WriteAll(dir / "a.txt", std::string("x\0y", 3));
  auto ok = ReadFile(dir / "a.txt");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, std::string("x\0y", 3));
  auto missing = ReadFile(dir / "nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot open"), std::string::npos);
  auto directory = ReadFile(dir.path().string());
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.status().message().find("directory"), std::string::npos);
}

TEST(CliUtilTest, AtomicFileAppearsOnlyOnCommit) {
  ScratchDir dir("cli_util_atomic");
  const std::string target = dir / "out.json";
  WriteAll(target, "old");
  {
    AtomicFile f;
    ASSERT_TRUE(f.Open(target).ok());
    ASSERT_TRUE(f.Write("new ").ok());
    ASSERT_TRUE(f.Write("content").ok());
    EXPECT_EQ(ReadAll(target), "old");  // not yet
    // Destroyed without Commit: the old file stays, the temporary goes.
  }
  EXPECT_EQ(ReadAll(target), "old");
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"out.json"});
  AtomicFile f;
  ASSERT_TRUE(f.Open(target).ok());
  ASSERT_TRUE(f.Write("new content").ok());
  ASSERT_TRUE(f.Commit().ok());
  EXPECT_EQ(ReadAll(target), "new content");
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"out.json"});
}

TEST(CliUtilTest, WriteFileAtomicFailsCleanly) {
  ScratchDir dir("cli_util_write");
  WriteAll(dir / "file", "x");
  // A path under a regular file cannot be created.
  Status st = WriteFileAtomic(dir / "file/out.json", "data");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(Listing(dir.path()), std::vector<std::string>{"file"});
  EXPECT_TRUE(WriteFileAtomic(dir / "ok.json", "data").ok());
  EXPECT_EQ(ReadAll(dir / "ok.json"), "data");
}

TEST(CliUtilTest, Utf16And32ByteOrderMarksAreNamed) {
  EXPECT_TRUE(CheckNotUtf16("\xEF\xBB\xBFplain").ok());  // UTF-8 BOM is fine
  EXPECT_TRUE(CheckNotUtf16("").ok());
  for (const std::string& bom :
       {std::string("\xFF\xFE", 2), std::string("\xFE\xFF", 2), std::string("\xFF\xFE\x00\x00", 4),
        std::string("\x00\x00\xFE\xFF", 4)}) {
    Status st = CheckNotUtf16(bom + "xx");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.message().find("UTF-"), std::string::npos) << st.message();
    EXPECT_EQ(st.location().byte_offset, 0);
  }
}

TEST(CliUtilTest, LocateByteGivesLineAndCodePointColumn) {
  const std::string text = "سطر أول\nab\xd8\xb9z";
  const Location loc = LocateByte(text, static_cast<int64_t>(text.find('z')));
  EXPECT_EQ(loc.line, 2);
  EXPECT_EQ(loc.column, 4);
}

}  // namespace
}  // namespace tarikh::cli
