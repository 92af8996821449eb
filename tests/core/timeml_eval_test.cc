// SPDX-License-Identifier: MIT
// The scorer itself, and the REGRESSION FLOOR: the tagger on the repository's gold corpora must
// stay at or above the figures measured when the floors were set (just below them).
#include "tarikh/core/timeml_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

TEST(TimeMlEvalTest, ParsesInlineTimex) {
  auto doc = ParseInlineTimeMl(
      "<TimeML><TEXT>قال <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014\">عام 2014</TIMEX3> &amp; "
      "</TEXT></TimeML>");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->timexes.size(), 1u);
  EXPECT_EQ(doc->timexes[0].begin, 4);
  EXPECT_EQ(doc->timexes[0].end, 12);
  EXPECT_EQ(doc->timexes[0].value, "2014");
  EXPECT_EQ(doc->text, "قال عام 2014 & ");
  EXPECT_TRUE(doc->dct.empty());
  EXPECT_FALSE(ParseInlineTimeMl("plain text").ok());
  EXPECT_FALSE(ParseInlineTimeMl("").ok());
  EXPECT_FALSE(ParseInlineTimeMl("<TimeML>no end").ok());
}

TEST(TimeMlEvalTest, WithoutTextElementTheRootHoldsTheText) {
  // Some corpora put the text straight into <TimeML>, next to the <DCT>.
  auto doc = ParseInlineTimeMl(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML SYSTEM \"TimeML.dtd\">\n<TimeML>"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2015-12-20\">2015-12-20</TIMEX3></DCT>"
      "يفتتح <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015-12-22\">الثلاثاء</TIMEX3> المعرض"
      "</TimeML>");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->dct, "2015-12-20");
  EXPECT_EQ(doc->text, "يفتتح الثلاثاء المعرض");
  ASSERT_EQ(doc->timexes.size(), 1u);
  EXPECT_EQ(doc->timexes[0].begin, 6);
  EXPECT_EQ(doc->timexes[0].value, "2015-12-22");
}

TEST(TimeMlEvalTest, ReadsTheCreationTime) {
  auto in_dct = ParseInlineTimeMl(
      "<TimeML><DCT><TIMEX3 tid='t0' type='DATE' value='2017-04-18'>x</TIMEX3></DCT>"
      "<TEXT>a</TEXT></TimeML>");
  ASSERT_TRUE(in_dct.ok());
  EXPECT_EQ(in_dct->dct, "2017-04-18");
  EXPECT_TRUE(in_dct->timexes.empty());  // the DCT is not part of the text
  auto marked = ParseInlineTimeMl(
      "<TimeML><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"2001-02-03\" "
      "functionInDocument=\"CREATION_TIME\"/><TEXT>a</TEXT></TimeML>");
  ASSERT_TRUE(marked.ok());
  EXPECT_EQ(marked->dct, "2001-02-03");
}

TEST(TimeMlEvalTest, MapsTextOffsetsBackToTheFile) {
  const std::string xml = "<T><TEXT>أ&amp;<!-- c --><EVENT>ب</EVENT></TEXT></T>";
  auto doc = ParseInlineTimeMl(xml);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "أ&ب");
  ASSERT_EQ(doc->source_bytes.size(), 4u);
  EXPECT_EQ(doc->source_bytes[0], static_cast<int64_t>(xml.find("أ")));
  EXPECT_EQ(doc->source_bytes[1], static_cast<int64_t>(xml.find("&amp;")));
  EXPECT_EQ(doc->source_bytes[2], static_cast<int64_t>(xml.find("ب")));
  EXPECT_EQ(doc->source_bytes[3], static_cast<int64_t>(xml.find("</TEXT>")));
}

TEST(TimeMlEvalTest, MalformedGoldIsAnErrorWithItsOffset) {
  struct Case {
    std::string xml;
    int64_t offset;
  };
  const std::vector<Case> cases = {
      {"<TEXT>a &#xZZ; b</TEXT>", 8},      // not a number (no exception)
      {"<TEXT>a &#x110000; b</TEXT>", 8},  // past Unicode
      {"<TEXT>a &#xD800; b</TEXT>", 8},    // a surrogate
      {"<TEXT>a &nbsp; b</TEXT>", 8},      // not an XML entity
      {"<TEXT>a & b</TEXT>", 8},           // bare ampersand
      {"<TEXT><TIMEX3 a='1'>x<TIMEX3>y</TIMEX3></TIMEX3></TEXT>", 21},  // nested
      {"<TEXT>x</TIMEX3></TEXT>", 7},                                   // stray close
      {"<TEXT><TIMEX3 value='1'>x</TEXT>", 6},                          // never closed
      {"<TEXT>x <TIMEX3 </TEXT>", 8},                                   // unterminated tag
  };
  for (const Case& c : cases) {
    auto doc = ParseInlineTimeMl(c.xml);
    ASSERT_FALSE(doc.ok()) << c.xml;
    EXPECT_EQ(doc.status().code(), StatusCode::kParseError) << c.xml;
    EXPECT_EQ(doc.status().location().byte_offset, c.offset)
        << c.xml << ": " << doc.status().message();
  }
}

TEST(TimeMlEvalTest, GreedyOneToOneByOverlap) {
  std::vector<TimexSpan> gold = {{0, 10, "DATE", "2014", "", -1}, {20, 25, "DATE", "2015", "", -1}};
  std::vector<TimexSpan> sys = {{2, 10, "date", "2014 ", "", -1},
                                {20, 25, "DATE", "2016", "", -1},
                                {30, 31, "DATE", "x", "", -1}};
  EvalResult r = ScoreTimexes(gold, sys);
  const EvalCounts& c = r.counts;
  EXPECT_EQ(c.relaxed, 2);
  EXPECT_EQ(c.strict, 1);
  EXPECT_EQ(c.value_ok, 1);
  EXPECT_EQ(c.type_ok, 2);
  EXPECT_DOUBLE_EQ(c.RelaxedF1(), 0.8);
  EXPECT_DOUBLE_EQ(c.RelaxedPrecision(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(c.RelaxedRecall(), 1.0);
  EXPECT_DOUBLE_EQ(c.ValueAccuracy(), 0.5);
  ASSERT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.pairs[0].gold, 0u);
  EXPECT_EQ(r.pairs[0].sys, 0u);
  EXPECT_EQ(r.pairs[1].sys, 1u);
}

TEST(TimeMlEvalTest, OneSystemSpanMatchesOneGoldSpanBiggestOverlapFirst) {
  // One long system span over two gold spans: it goes to the one it covers more of.
  std::vector<TimexSpan> gold = {{0, 3, "DATE", "a", "", -1}, {4, 12, "DATE", "b", "", -1}};
  std::vector<TimexSpan> sys = {{1, 12, "DATE", "b", "", -1}};
  EvalResult r = ScoreTimexes(gold, sys);
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].gold, 1u);
  EXPECT_EQ(r.counts.value_ok, 1);
  EXPECT_EQ(r.counts.strict, 0);
}

EvalCounts ScoreCorpus(const std::string& dir) {
  std::map<std::string, std::string> dcts;
  std::ifstream tsv(dir + "/dct.tsv");
  std::string line;
  while (std::getline(tsv, line)) {
    std::istringstream ls(line);
    std::string doc, dct;
    if (std::getline(ls, doc, '\t') && std::getline(ls, dct, '\t')) dcts[doc] = dct;
  }
  auto tagger = Tagger::Create();
  EvalCounts total;
  for (const auto& [doc, dct_text] : dcts) {
    std::ifstream f(dir + "/" + doc + ".tml");
    std::stringstream ss;
    ss << f.rdbuf();
    auto gold = ParseInlineTimeMl(ss.str());
    EXPECT_TRUE(gold.ok()) << doc;
    if (!gold.ok()) continue;
    auto found = tagger->Tag(gold->text, *ParseDct(dct_text));
    EXPECT_TRUE(found.ok()) << doc;
    if (!found.ok()) continue;
    total.Add(ScoreTimexes(gold->timexes, SpansOf(*found)).counts);
  }
  return total;
}

TEST(TaggerRegressionFloor, Seeds) {
  EvalCounts c = ScoreCorpus(std::string(TARIKH_SOURCE_DIR) + "/fixtures/seeds/gold");
  ASSERT_EQ(c.gold, 33);
  EXPECT_GE(c.RelaxedF1(), 0.96);  // measured 0.971
  EXPECT_GE(c.StrictF1(), 0.96);   // measured 0.971
  EXPECT_GE(c.ValueF1(), 0.96);    // measured 0.971
}

TEST(TaggerRegressionFloor, DevRevised) {
  EvalCounts c = ScoreCorpus(std::string(TARIKH_SOURCE_DIR) + "/fixtures/dev-revised");
  ASSERT_EQ(c.gold, 136);
  EXPECT_GE(c.RelaxedF1(), 0.96);  // measured 0.970
  EXPECT_GE(c.StrictF1(), 0.96);   // measured 0.970
  EXPECT_GE(c.ValueF1(), 0.92);    // measured 0.926
}

}  // namespace
}  // namespace tarikh
