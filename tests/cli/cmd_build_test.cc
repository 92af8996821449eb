// SPDX-License-Identifier: MIT
// `tarikh build` end to end: the README command on fixtures/seeds, each input form, and bad
// input (missing files, duplicate ids, malformed DCTs, undated documents, unwritable output).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"
#include "tarikh/export/timeline_json.h"

namespace tarikh {
namespace {

using testing::ReadAll;
using testing::RunTarikh;
using testing::ScratchDir;
using testing::WriteAll;

const char kArticle[] =
    "وانقسم التنظيم عن الجماعة الأم عام 2014 بعد خلاف طويل على القيادة والتمويل.\n"
    "وفي تشرين الأول / أكتوبر الماضي، بدأت القوات الحكومية هجوما واسعا على المدينة.\n";
const char kUndated[] = "هذا نص لا يذكر أي تاريخ على الإطلاق ويتحدث عن الطقس والزراعة.\n";

Timeline ReadTimeline(const std::string& path) {
  auto tl = ReadTimelineJson(ReadAll(path));
  EXPECT_TRUE(tl.ok()) << path << ": " << tl.status().ToString();
  return tl.ok() ? *tl : Timeline();
}

TEST(BuildCliTest, SeedsManifestWritesEveryFormat) {
  ScratchDir dir("build_seeds");
  const std::string manifest = std::string(TARIKH_SOURCE_DIR) + "/fixtures/seeds/manifest.json";
  auto r = RunTarikh(dir, "build --manifest '" + manifest + "' -o out/");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Timeline tl = ReadTimeline(dir / "out/timeline.json");
  EXPECT_EQ(tl.documents.size(), 5u);
  EXPECT_GE(tl.events.size(), 4u);
  for (const char* f : {"out/timelinejs.json", "out/timeline.csv", "out/timeline.md"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  }
  // No temporary files left next to the outputs.
  for (const auto& e : std::filesystem::directory_iterator(dir / "out")) {
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
}

TEST(BuildCliTest, DctForFilesAndJsonOutput) {
  ScratchDir dir("build_dct");
  WriteAll(dir / "a.txt", kArticle);
  auto r = RunTarikh(dir, "build --dct 2017-04-18 a.txt -o t.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Timeline tl = ReadTimeline(dir / "t.json");
  ASSERT_EQ(tl.events.size(), 2u);
  EXPECT_EQ(tl.events[0].value, "2014");
  EXPECT_EQ(tl.events[1].value, "2016-10");
  EXPECT_EQ(tl.events[0].sources[0].doc_id, "a");
}

TEST(BuildCliTest, JsonlOnStdin) {
  ScratchDir dir("build_jsonl");
  WriteAll(dir / "docs.jsonl",
           "{\"id\":\"x\",\"dct\":\"2017-04-18\",\"text\":\"وانقسم التنظيم عن الجماعة الأم عام "
           "2014 بعد خلاف طويل على القيادة.\"}\n"
           "not json\n");
  auto r = RunTarikh(dir, "build --jsonl -o t.json < docs.jsonl");
  EXPECT_EQ(r.exit_code, 1) << "a bad line is an input error";
  EXPECT_NE(r.err.find("<stdin>:2"), std::string::npos) << r.err;
  Timeline tl = ReadTimeline(dir / "t.json");
  ASSERT_EQ(tl.events.size(), 1u);
  EXPECT_EQ(tl.events[0].sources[0].doc_id, "x");
}

TEST(BuildCliTest, ManifestErrorsAreNamedAndSkipped) {
  ScratchDir dir("build_manifest_errors");
  WriteAll(dir / "a.txt", kArticle);
  WriteAll(dir / "manifest.json",
           "{\"documents\": [\n"
           "  {\"file\": \"a.txt\", \"dct\": \"2017-04-18\"},\n"
           "  {\"file\": \"missing.txt\", \"dct\": \"2017-04-18\"},\n"
           "  {\"file\": \"a.txt\", \"dct\": \"2017-04-18\"},\n"
           "  {\"file\": \"a.txt\", \"id\": \"b\", \"dct\": \"2017-02-31\"}\n"
           "]}\n");
  auto r = RunTarikh(dir, "build --manifest manifest.json -o t.json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("manifest.json:3:"), std::string::npos) << r.err;  // missing file
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("duplicate document id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("manifest.json:5:"), std::string::npos) << r.err;  // impossible DCT
  Timeline tl = ReadTimeline(dir / "t.json");
  EXPECT_EQ(tl.documents.size(), 1u);
  EXPECT_EQ(tl.events.size(), 2u);
}

TEST(BuildCliTest, MalformedDctFlagIsUsageError) {
  ScratchDir dir("build_bad_dct");
  WriteAll(dir / "a.txt", kArticle);
  auto r = RunTarikh(dir, "build --dct 2017-13-01 a.txt -o t.json");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "t.json"));
}

TEST(BuildCliTest, NoDatesGivesEmptyTimelineWarningAndExit1) {
  ScratchDir dir("build_undated");
  WriteAll(dir / "u.txt", kUndated);
  auto r = RunTarikh(dir, "build --dct 2017-04-18 u.txt -o t.json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("empty timeline"), std::string::npos) << r.err;
  Timeline tl = ReadTimeline(dir / "t.json");
  EXPECT_TRUE(tl.events.empty());
  EXPECT_FALSE(tl.warnings.empty());
}

TEST(BuildCliTest, InvalidUtf8IsNamedWithPosition) {
  ScratchDir dir("build_utf8");
  WriteAll(dir / "a.txt", kArticle);
  WriteAll(dir / "bad.txt", std::string("سطر أول\nثم \xff بايت سيئ\n"));
  auto r = RunTarikh(dir, "build --dct 2017-04-18 a.txt bad.txt -o t.json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("bad.txt:2:"), std::string::npos) << r.err;
  EXPECT_EQ(ReadTimeline(dir / "t.json").events.size(), 2u);
}

TEST(BuildCliTest, DctInferredFromDatelineWithWarning) {
  ScratchDir dir("build_infer");
  WriteAll(dir / "d.txt", std::string("18 أبريل 2017\n") + kArticle);
  auto r = RunTarikh(dir, "build d.txt -o t.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("inferred 2017-04-18"), std::string::npos) << r.err;
  Timeline tl = ReadTimeline(dir / "t.json");
  ASSERT_EQ(tl.documents.size(), 1u);
  EXPECT_TRUE(tl.documents[0].dct_inferred);
  EXPECT_LT(tl.documents[0].dct_confidence, 1.0);
  for (const Event& e : tl.events) EXPECT_NE(e.value, "2017-04-18") << "the dateline is no event";
}

TEST(BuildCliTest, UnwritableOutputLeavesNothing) {
  ScratchDir dir("build_unwritable");
  WriteAll(dir / "a.txt", kArticle);
  auto r = RunTarikh(dir, "build --dct 2017-04-18 a.txt -o no/such/dir/t.json");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

}  // namespace
}  // namespace tarikh
