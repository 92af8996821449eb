// SPDX-License-Identifier: MIT
// `tarikh tag` and `tarikh normalize` through the real binary: the TimeML output is the input
// text character for character, JSONL offsets point at the text they quote, one file per
// input with -o, and the documented exit codes. (Bad input rows: bad_input_test.cc.)
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace tarikh::testing {
namespace {

const std::filesystem::path kSource = TARIKH_SOURCE_DIR;

// The character data of <TEXT> with every tag removed and the five XML entities decoded.
std::string TextOf(const std::string& timeml) {
  const size_t b = timeml.find("<TEXT>");
  const size_t e = timeml.rfind("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return "<no TEXT>";
  std::string out;
  for (size_t i = b + 6; i < e;) {
    if (timeml[i] == '<') {
      i = timeml.find('>', i) + 1;
    } else if (timeml[i] == '&') {
      const size_t semi = timeml.find(';', i);
      const std::string ent = timeml.substr(i + 1, semi - i - 1);
      if (ent[0] == '#') {  // only ASCII control characters are written as references
        out += static_cast<char>(ent[1] == 'x' ? std::stoi(ent.substr(2), nullptr, 16)
                                               : std::stoi(ent.substr(1)));
      } else {
        out += ent == "amp"    ? "&"
               : ent == "lt"   ? "<"
               : ent == "gt"   ? ">"
               : ent == "quot" ? "\""
                               : "'";
      }
      i = semi + 1;
    } else {
      out += timeml[i++];
    }
  }
  return out;
}

std::vector<std::filesystem::path> FixtureTexts() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(kSource / "fixtures/seeds/text")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  return files;
}

TEST(TagCliTest, TimeMlReproducesEveryFixtureTextExactly) {
  ScratchDir dir("tag_identity");
  const auto files = FixtureTexts();
  ASSERT_GE(files.size(), 5u);
  for (const auto& f : files) {
    const RunResult r = RunTarikh(dir, "tag --dct 2017-04-18 '" + f.string() + "'");
    ASSERT_EQ(r.exit_code, 0) << f << r.err;
    EXPECT_EQ(TextOf(r.out), ReadAll(f)) << f;
    EXPECT_NE(r.out.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-04-18\""),
              std::string::npos);
    // tids are unique and every TIMEX3 is closed.
    std::set<std::string> tids;
    size_t opens = 0;
    for (size_t p = r.out.find("<TIMEX3 tid=\""); p != std::string::npos;
         p = r.out.find("<TIMEX3 tid=\"", p + 1)) {
      const size_t q = p + 13;
      EXPECT_TRUE(tids.insert(r.out.substr(q, r.out.find('"', q) - q)).second);
      ++opens;
    }
    size_t closes = 0;
    for (size_t p = r.out.find("</TIMEX3>"); p != std::string::npos;
         p = r.out.find("</TIMEX3>", p + 1)) {
      ++closes;
    }
    EXPECT_EQ(opens, closes) << f;
    EXPECT_GT(opens, 1u) << f;  // t0 (the DCT) and at least one expression
  }
}

TEST(TagCliTest, MarkupInTheTextIsEscapedAndComesBack) {
  ScratchDir dir("tag_escape");
  const std::string text = "قال <b>\"المصدر\"</b> & أكد يوم 5 <مايو> 2016 أن\r\nالأمر انتهى";
  WriteAll(dir / "in.txt", text);
  const RunResult r = RunTarikh(dir, "tag --dct 2017-04-18 in.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("<b>"), std::string::npos);
  EXPECT_EQ(TextOf(r.out), text);
}

TEST(TagCliTest, JsonlOffsetsQuoteTheText) {
  ScratchDir dir("tag_jsonl");
  const std::string text = "وصل الوفد أمس، وسيعود في مطلع أبريل القادم بعد ست سنوات من الغياب.";
  WriteAll(dir / "a.txt", text);
  const RunResult r = RunTarikh(dir, "tag --format jsonl --dct 2017-03-20 a.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> values;
  // Code point offsets → the quoted text (count code points by their lead bytes).
  std::vector<size_t> byte_of;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  }
  byte_of.push_back(text.size());
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    const size_t b = j["begin"], e = j["end"];
    ASSERT_LT(b, e);
    ASSERT_LT(e, byte_of.size());
    EXPECT_EQ(text.substr(byte_of[b], byte_of[e] - byte_of[b]), j["text"].get<std::string>());
    EXPECT_EQ(j["doc"], "a.txt");
    values.push_back(j["value"].get<std::string>() + (j["mod"].get<std::string>().empty()
                                                          ? ""
                                                          : " " + j["mod"].get<std::string>()));
  }
  const std::vector<std::string> expected = {"2017-03-19", "2017-04 START", "P6Y"};
  EXPECT_EQ(values, expected) << r.out;
}

TEST(TagCliTest, OutputDirectoryGetsOneFilePerInputAndBadInputsAreSkipped) {
  ScratchDir dir("tag_outdir");
  WriteAll(dir / "a.txt", "في عام 2014 انقسم التنظيم");
  WriteAll(dir / "bad.txt", std::string("نص \xff مكسور"));
  WriteAll(dir / "c.txt", "ثم في أكتوبر 2016 بدأت المعركة");
  const RunResult r = RunTarikh(dir, "tag --dct 2017-04-18 -o out a.txt bad.txt c.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt:1:"), std::string::npos) << r.err;
  EXPECT_NE(ReadAll(dir / "out/a.tml").find("value=\"2014\""), std::string::npos);
  EXPECT_NE(ReadAll(dir / "out/c.tml").find("value=\"2016-10\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "out/bad.tml"));
}

TEST(TagCliTest, StdinAndDctWithTime) {
  ScratchDir dir("tag_stdin");
  WriteAll(dir / "in.txt", "وقع الانفجار قبل ثلاث ساعات");
  const RunResult r = RunTarikh(dir, "tag --format jsonl --dct 2017-04-18T15:30 < in.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc\":\"<stdin>\""), std::string::npos) << r.out << r.err;
}

TEST(NormalizeCliTest, PrintsValueAndModAndRejectsBadDct) {
  ScratchDir dir("normalize");
  RunResult r = RunTarikh(dir, "normalize --dct 2017-04-18 'أكتوبر الماضي'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2016-10\n");
  r = RunTarikh(dir, "normalize --dct 2017-03-20 'مطلع أبريل القادم'");
  EXPECT_EQ(r.out, "2017-04 START\n");
  r = RunTarikh(dir, "normalize --dct 2017-13-45 'أمس'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("--dct:", 0), 0u) << r.err;
  r = RunTarikh(dir, "normalize --dct 2017-04-18");
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace tarikh::testing
