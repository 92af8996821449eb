// SPDX-License-Identifier: MIT
// `tarikh eval`: scores, DCT precedence, --sys, --errors locations, bad gold files.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace tarikh::testing {
namespace {

const std::string kSource = TARIKH_SOURCE_DIR;

// Two gold documents written for these tests (not taken from any corpus).
const char kGoldA[] =
    "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-04-18\">x</TIMEX3></DCT>\n"
    "<TEXT>وصل الوفد <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-17\">أمس</TIMEX3> "
    "إلى المدينة.\nوسيعود في <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017-05\">مايو "
    "المقبل</TIMEX3>.</TEXT>\n</TimeML>\n";
const char kGoldB[] =
    "<TimeML>\n<TEXT>افتتح المعرض في <TIMEX3 tid=\"t1\" type=\"DATE\" "
    "value=\"2010\">عام 2010</TIMEX3>.</TEXT>\n</TimeML>\n";

TEST(EvalCliTest, ScoresTheTaggerOnGoldWithItsOwnDct) {
  ScratchDir dir("eval_own_dct");
  WriteAll(dir / "a.tml", kGoldA);
  const RunResult r = RunTarikh(dir, "eval --json a.tml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], 2);
  EXPECT_EQ(j["documents"], 1);
  // The tagger resolves أمس against the file's own DCT: both values right.
  EXPECT_EQ(j["relaxed_match"], 2);
  EXPECT_EQ(j["value_match"], 2);
}

TEST(EvalCliTest, DctTableOverridesTheFileAndMissingDctIsAnError) {
  ScratchDir dir("eval_dct");
  WriteAll(dir / "a.tml", kGoldA);
  WriteAll(dir / "b.tml", kGoldB);  // no <DCT>
  // dct.tsv beside the gold files wins over the file's <DCT>: أمس becomes another day.
  WriteAll(dir / "dct.tsv", "doc\tdct\na\t2017-04-20\n");
  RunResult r = RunTarikh(dir, "eval --json .");
  EXPECT_EQ(r.exit_code, 1);  // b has no DCT anywhere
  EXPECT_NE(r.err.find("b.tml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no DCT"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["value_match"], 1);  // only مايو المقبل is still right
  // --default-dct dates b; a keeps its table DCT.
  r = RunTarikh(dir, "eval --json --default-dct 2011-01-01 .");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["gold"], 3);
}

TEST(EvalCliTest, ErrorsNameTheFileLineAndColumn) {
  ScratchDir dir("eval_errors");
  WriteAll(dir / "a.tml", kGoldA);
  std::filesystem::create_directories(dir / "sys");
  // A "system" that found only the second expression, with a wrong value, plus a spurious one.
  WriteAll(dir / "sys/a.tml",
           "<TimeML><TEXT>وصل الوفد أمس <TIMEX3 type=\"DATE\" value=\"2017\">إلى</TIMEX3> "
           "المدينة.\nوسيعود في <TIMEX3 type=\"DATE\" value=\"2018-05\">مايو "
           "المقبل</TIMEX3>.</TEXT></TimeML>");
  const RunResult r = RunTarikh(dir, "eval --sys sys --errors a.tml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("a.tml:3:17: missed DATE 2017-04-17 «أمس»"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.tml:4:11: value 2018-05, gold 2017-05 «مايو المقبل»"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("spurious DATE 2017 «إلى»"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relaxed  P 0.500  R 0.500  F1 0.500"), std::string::npos) << r.out;
}

TEST(EvalCliTest, SystemTextMustMatchTheGoldText) {
  ScratchDir dir("eval_sys_text");
  WriteAll(dir / "b.tml", kGoldB);
  std::filesystem::create_directories(dir / "sys");
  WriteAll(dir / "sys/b.tml", "<TimeML><TEXT>نص آخر</TEXT></TimeML>");
  const RunResult r = RunTarikh(dir, "eval --sys sys b.tml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("differs from the gold text"), std::string::npos) << r.err;
}

TEST(EvalCliTest, MalformedGoldIsReportedAndTheOthersAreScored) {
  ScratchDir dir("eval_bad");
  WriteAll(dir / "a.tml", kGoldA);
  WriteAll(dir / "bad.tml", "<TimeML>\n<TEXT>x &#xZZ; y</TEXT></TimeML>");
  WriteAll(dir / "binary.tml", std::string("\x00\xff\xfe<TEXT>\x80</TEXT>", 17));
  const RunResult r = RunTarikh(dir, "eval --per-doc .");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.tml:2:9: unknown entity"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary.tml"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("documents 1 scored, 2 failed"), std::string::npos) << r.out;
}

TEST(EvalCliTest, UsageErrorsExitTwo) {
  ScratchDir dir("eval_usage");
  EXPECT_EQ(RunTarikh(dir, "eval").exit_code, 2);
  EXPECT_EQ(RunTarikh(dir, "eval --default-dct 2017-13-45 x.tml").exit_code, 2);
  EXPECT_EQ(RunTarikh(dir, "eval --help").exit_code, 0);
  // Every command maps CLI11's own codes onto the documented one.
  EXPECT_EQ(RunTarikh(dir, "tag </dev/null").exit_code, 2);
  EXPECT_EQ(RunTarikh(dir, "normalize --no-such-flag x").exit_code, 2);
}

// The command agrees with the library floor test on the bundled corpora.
TEST(EvalCliTest, BundledCorporaScoreAboveTheFloors) {
  ScratchDir dir("eval_corpora");
  RunResult r = RunTarikh(dir, "eval --json '" + kSource + "/fixtures/dev-revised'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], 136);
  EXPECT_GE(j["relaxed_f1"].get<double>(), 0.94);
  EXPECT_GE(j["value_f1"].get<double>(), 0.90);
  r = RunTarikh(dir, "eval --json '" + kSource + "/fixtures/seeds/gold'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], 33);
  EXPECT_GE(j["value_f1"].get<double>(), 0.96);
}

}  // namespace
}  // namespace tarikh::testing
