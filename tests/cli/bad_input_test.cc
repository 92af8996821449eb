// SPDX-License-Identifier: MIT
// Bad-input suite: runs the real binary (env TARIKH_BIN) on hostile inputs. Each row states
// the exit code, what stderr must say (the input's name and the position), and what stdout
// and the output files must (not) contain. Big inputs are in bad_input_slow_test.cc (label
// slow). Rows that need a command not implemented yet are skipped only while the binary says
// "not implemented".
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace tarikh {
namespace {

using testing::ReadAll;
using testing::RunTarikh;
using testing::ScratchDir;
using testing::WriteAll;

const char kArticle[] = "قال الوزير أمس إن الحرب بدأت في عام 2014 واستمرت حتى الآن.\n";
const char kDocs[] =
    "{\"id\":\"a\",\"dct\":\"2017-04-18\",\"text\":\"قال الوزير أمس إن الحرب الكبيرة بدأت في "
    "عام 2014 في المدينة.\"}\n";

struct Row {
  std::string name;
  std::map<std::string, std::string> files;  // created in the scratch dir
  std::string args;                          // shell text, run in the scratch dir
  int exit_code;
  std::vector<std::string> err_has = {};  // substrings of stderr (name + position + what)
  std::vector<std::string> out_has = {};  // substrings of stdout
  std::vector<std::string> out_lacks = {};
  std::vector<std::string> exist = {};   // paths (relative) that must exist afterwards
  std::vector<std::string> absent = {};  // paths that must not exist
  std::string stdout_path = {};          // "" = capture; "/dev/full" = disk full
  std::string needs = {};                // a subcommand that may still be "not implemented"
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

class BadInputTest : public ::testing::TestWithParam<Row> {};

TEST_P(BadInputTest, FailsCleanly) {
  const Row& row = GetParam();
  ASSERT_FALSE(testing::TarikhBin().empty()) << "TARIKH_BIN is not set";
  ScratchDir dir("bad_input_" + row.name);
  for (const auto& [name, content] : row.files) {
    std::filesystem::create_directories(std::filesystem::path(dir / name).parent_path());
    WriteAll(dir / name, content);
  }
  testing::RunResult r = RunTarikh(dir, row.args, row.stdout_path);
  if (!row.needs.empty() && r.err.find("not implemented") != std::string::npos) {
    GTEST_SKIP() << "tarikh " << row.needs << " is not implemented yet: " << r.err;
  }
  EXPECT_EQ(r.exit_code, row.exit_code) << "stderr: " << r.err;
  for (const std::string& s : row.err_has) {
    EXPECT_NE(r.err.find(s), std::string::npos) << "stderr lacks \"" << s << "\": " << r.err;
  }
  for (const std::string& s : row.out_has) {
    EXPECT_NE(r.out.find(s), std::string::npos) << "stdout lacks \"" << s << "\"";
  }
  for (const std::string& s : row.out_lacks) {
    EXPECT_EQ(r.out.find(s), std::string::npos) << "stdout has \"" << s << "\"";
  }
  for (const std::string& p : row.exist) {
    EXPECT_TRUE(std::filesystem::exists(dir / p)) << p << " missing";
  }
  for (const std::string& p : row.absent) {
    EXPECT_FALSE(std::filesystem::exists(dir / p)) << p << " should not exist";
  }
  EXPECT_EQ(testing::LeftoverTemporaries(dir.path()), "");
}

std::string Utf16Le(const std::string& ascii) {
  std::string s = "\xFF\xFE";
  for (char c : ascii) s += {c, '\0'};
  return s;
}

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      // --- tag
      {"tag_invalid_utf8",
       {{"bad.txt", "سطر أول\nفي عام \xD8 2017\n"}},
       "tag --dct 2017-04-18 bad.txt",
       1,
       {"bad.txt:2:8:", "byte 26", "UTF-8"},
       {},
       {"<TEXT>"}},
      {"tag_nul_bytes",
       {{"nul.txt", std::string("في عام\0 2017", 14)}},
       "tag --dct 2017-04-18 nul.txt",
       1,
       {"nul.txt:1:7:", "NUL"},
       {},
       {"<TEXT>"}},
      {"tag_utf16_bom",
       {{"u16.txt", Utf16Le("2017")}},
       "tag --dct 2017-04-18 u16.txt",
       1,
       {"u16.txt:1:1:", "UTF-16", "convert to UTF-8"},
       {},
       {"<TEXT>"}},
      {"tag_utf8_bom_kept",
       {{"bom.txt", "\xEF\xBB\xBF" + std::string(kArticle)}},
       "tag --dct 2017-04-18 bom.txt",
       0,
       {},
       {"<TEXT>\xEF\xBB\xBF", "</TimeML>"}},
      {"tag_missing_file", {}, "tag --dct 2017-04-18 nosuch.txt", 1, {"nosuch.txt", "cannot open"}},
      {"tag_empty_file",
       {{"empty.txt", ""}},
       "tag --dct 2017-04-18 empty.txt",
       0,
       {"empty.txt", "empty"},
       {"<TEXT></TEXT>"}},
      {"tag_malformed_dct",
       {{"a.txt", kArticle}},
       "tag --dct 2017-13-45 a.txt",
       2,
       {"--dct", "2017-13-45"},
       {},
       {"<TEXT>"}},
      {"tag_dct_garbage", {{"a.txt", kArticle}}, "tag --dct 'أمس' a.txt", 2, {"--dct"}},
      // 31 شباط does not exist: never a value 2017-02-31 (a month-level or no date is fine).
      {"tag_31_shubat",
       {{"feb.txt", "وقع الحادث في 31 شباط 2017 في المدينة.\n"}},
       "tag --format jsonl --dct 2017-04-18 feb.txt",
       0,
       {},
       {},
       {"2017-02-31", "-02-31"}},
      {"tag_year_99999_and_0",
       {{"y.txt", "في عام 99999 وفي عام 0 وفي سنة 00000.\n"}},
       "tag --dct 2017-04-18 y.txt",
       0,
       {},
       {"</TimeML>"},
       {"value=\"99999", "value=\"0000\""}},
      // One bad file among good ones: the others are still written, the bad one is not.
      {"tag_other_files_still_done",
       {{"good1.txt", kArticle}, {"bad.txt", "\xFF\xFF"}, {"good2.txt", kArticle}},
       "tag --dct 2017-04-18 -o out good1.txt bad.txt good2.txt",
       1,
       {"bad.txt", "byte 0"},
       {},
       {},
       {"out/good1.tml", "out/good2.tml"},
       {"out/bad.tml"}},
      // The output "directory" is a regular file: nothing can be created in it.
      {"tag_output_dir_not_writable",
       {{"a.txt", kArticle}, {"notadir", "x"}},
       "tag --dct 2017-04-18 -o notadir a.txt",
       3,
       {"notadir/a.tml"},
       {},
       {},
       {},
       {}},
      {"tag_disk_full",
       {{"a.txt", kArticle}},
       "tag --dct 2017-04-18 a.txt",
       3,
       {"standard output"},
       {},
       {},
       {},
       {},
       "/dev/full"},
      // --- extract (map) and merge (reduce)
      {"extract_bad_line_others_done",
       {{"docs.jsonl", std::string(kDocs) + "{\"id\": \"b\", \"text\": [1]}\nnot json\n" +
                           "{\"id\":\"c\",\"dct\":\"2017-02-31\",\"text\":\"نص\"}\n" + kDocs}},
       "extract docs.jsonl",
       1,
       {"docs.jsonl:2:21: text: expected a string", "docs.jsonl:3:1:", "docs.jsonl:4:17: dct"},
       {"{\"doc\":{\"id\":\"a\""}},
      {"extract_nul_in_text",
       {{"docs.jsonl", "{\"id\":\"z\",\"dct\":\"2017-04-18\",\"text\":\"ab\\u0000c\"}\n"}},
       "extract docs.jsonl",
       1,
       {"docs.jsonl:1:", "document \"z\"", "NUL"},
       {},
       {"\"doc\""}},
      {"extract_utf16",
       {{"docs.jsonl", Utf16Le("{\"id\":\"a\"}\n")}},
       "extract docs.jsonl",
       1,
       {"docs.jsonl:1:1:", "UTF-16"}},
      {"extract_invalid_utf8_line",
       {{"docs.jsonl", std::string(kDocs) + "{\"id\":\"x\",\"text\":\"\xD8\"}\n"}},
       "extract docs.jsonl",
       1,
       {"docs.jsonl:2:"},
       {"{\"doc\":{\"id\":\"a\""}},
      {"extract_missing_file", {}, "extract nosuch.jsonl", 1, {"nosuch.jsonl", "cannot open"}},
      {"extract_malformed_dct",
       {{"d.jsonl", kDocs}},
       "extract --dct 2017-02-30 d.jsonl",
       2,
       {"--dct"}},
      {"extract_empty_file", {{"empty.jsonl", ""}}, "extract empty.jsonl", 0, {}, {}, {"doc"}},
      {"extract_output_atomic_on_error",
       {{"d.jsonl", kDocs}, {"notadir", "x"}},
       "extract -o notadir/m.jsonl d.jsonl",
       3,
       {"notadir/m.jsonl"}},
      {"extract_disk_full",
       {{"d.jsonl", kDocs}},
       "extract d.jsonl",
       3,
       {"<stdout>"},
       {},
       {},
       {},
       {},
       "/dev/full"},
      {"merge_not_mentions",
       {{"m.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n[]\n"}},
       "merge m.jsonl",
       1,
       {"m.jsonl:1:1: missing member \"doc\"", "m.jsonl:2:1:"},
       {"\"schema_version\""}},
      {"merge_truncated_line",
       {{"m.jsonl", "{\"doc\":{\"id\":\"a\",\"dct\":\"2017-04-18\"},\"mentions\":[{\"tim"}},
       "merge m.jsonl",
       1,
       {"m.jsonl:1:"},
       {"\"schema_version\""}},
      {"merge_disk_full",
       {{"m.jsonl", ""}},
       "merge m.jsonl",
       3,
       {"<stdout>"},
       {},
       {},
       {},
       {},
       "/dev/full"},
      {"merge_output_dir_not_writable",
       {{"m.jsonl", ""}, {"notadir", "x"}},
       "merge -o notadir --formats json m.jsonl",
       3,
       {"notadir"}},
      // --- query (timeline JSON reader)
      {"query_timeline_missing_fields",
       {{"t.json", "{\n  \"schema_version\": 1,\n  \"events\": [{\"value\": \"2017\"}]\n}\n"}},
       "query t.json --on 2017",
       1,
       {"t.json:3:", "events[0]", "id"}},
      {"query_not_json",
       {{"t.json", "<html>not json</html>"}},
       "query t.json --on 2017",
       1,
       {"t.json:1:1:"}},
      {"query_missing_file", {}, "query nosuch.json --on 2017", 1, {"nosuch.json"}},
      // --- build (manifest reader)
      {"build_manifest_not_json",
       {{"manifest.json", "documents:\n  - text/a.txt\n"}},
       "build --manifest manifest.json -o out",
       1,
       {"manifest.json:1:"},
       {},
       {},
       {},
       {"out/timeline.json"},
       "",
       "build"},
      {"build_manifest_missing_text_file",
       {{"manifest.json",
         "{\"documents\":[{\"file\":\"nosuch.txt\",\"dct\":\"2017-04-18\"},"
         "{\"file\":\"a.txt\",\"dct\":\"2017-04-18\"}]}"},
        {"a.txt", kArticle}},
       "build --manifest manifest.json -o out",
       1,
       {"nosuch.txt"},
       {},
       {},
       {"out/timeline.json"},
       {},
       "",
       "build"},
  };
  return rows;
}

INSTANTIATE_TEST_SUITE_P(Rows, BadInputTest, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

// Repeated time words: no quadratic blow-up, no crash (600 s is the runner's hang guard).
TEST(BadInputRepeated, TimeWordRepeated100kTimes) {
  ScratchDir dir("bad_input_repeat");
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "عام ";
  WriteAll(dir / "rep.txt", text);
  testing::RunResult r = RunTarikh(dir, "tag --format jsonl --dct 2017-04-18 rep.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string one_line_doc = "{\"id\":\"r\",\"dct\":\"2017-04-18\",\"text\":\"" + text + "\"}\n";
  WriteAll(dir / "rep.jsonl", one_line_doc);
  r = RunTarikh(dir, "extract rep.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("{\"doc\":{\"id\":\"r\""), std::string::npos);
}

}  // namespace
}  // namespace tarikh
