// SPDX-License-Identifier: MIT
// The scorer itself, and the REGRESSION FLOOR: the tagger on the repository's gold corpora must
// stay at or above the figures measured when the floors were set (just below them).
#include "timeml_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"

namespace tarikh::internal {
namespace {

TEST(TimeMlEvalTest, ParsesInlineTimex) {
  auto doc = ParseInlineTimeMl(
      "<TimeML><TEXT>قال <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014\">عام 2014</TIMEX3> &amp; "
      "</TEXT></TimeML>");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->spans.size(), 1u);
  EXPECT_EQ(doc->spans[0].begin, 4);
  EXPECT_EQ(doc->spans[0].end, 12);
  EXPECT_EQ(doc->text, "قال عام 2014 & ");
  EXPECT_FALSE(ParseInlineTimeMl("<TimeML></TimeML>").ok());
}

TEST(TimeMlEvalTest, GreedyOneToOneByOverlap) {
  std::vector<EvalSpan> gold = {{0, 10, "DATE", "2014", ""}, {20, 25, "DATE", "2015", ""}};
  std::vector<EvalSpan> sys = {
      {2, 10, "DATE", "2014 ", ""}, {20, 25, "DATE", "2016", ""}, {30, 31, "DATE", "x", ""}};
  EvalCounts c = Score(gold, sys);
  EXPECT_EQ(c.relaxed, 2);
  EXPECT_EQ(c.strict, 1);
  EXPECT_EQ(c.value_ok, 1);
  EXPECT_DOUBLE_EQ(c.RelaxedF1(), 0.8);
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
    std::vector<EvalSpan> sys;
    for (const Timex& t : *found) {
      sys.push_back({t.begin, t.end, std::string(TimexTypeName(t.type)), t.value,
                     std::string(TimexModName(t.mod))});
    }
    total.Add(Score(gold->spans, sys));
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
  EXPECT_GE(c.RelaxedF1(), 0.94);  // measured 0.951
  EXPECT_GE(c.StrictF1(), 0.94);   // measured 0.951
  EXPECT_GE(c.ValueF1(), 0.90);    // measured 0.914
}

}  // namespace
}  // namespace tarikh::internal
