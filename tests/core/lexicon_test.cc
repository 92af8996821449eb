// SPDX-License-Identifier: MIT
#include "lexicon.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "text_fold.h"

namespace tarikh::internal {
namespace {

TEST(LexiconTest, EveryRowLoadsAndIsFound) {
  Lexicon lex;
  ASSERT_EQ(lex.size(), static_cast<size_t>(lex::kRowCount));
  FoldedText ft;
  for (const lex::Row& row : lex::kRows) {
    ASSERT_TRUE(FoldAndTokenize(row.surface, 0, &ft).ok()) << row.line;
    ASSERT_FALSE(ft.tokens.empty()) << lex::kFiles[row.file] << ":" << row.line;
    const LexGroup* g = lex.Find(ft.tokens[0].full);
    ASSERT_NE(g, nullptr) << lex::kFiles[row.file] << ":" << row.line;
    bool found = false;
    for (const LexEntry& e : lex.Entries(*g)) found |= e.row == &row;
    EXPECT_TRUE(found) << lex::kFiles[row.file] << ":" << row.line;
  }
}

TEST(LexiconTest, EachMonthSeriesHasTwelveMonths) {
  std::map<std::string, std::set<int>> series;
  for (const lex::Row& row : lex::kRows) {
    if (row.cls == Cls::kMonth) series[row.attr].insert(std::stoi(row.value));
  }
  for (const char* s : {"std", "lev", "mag", "mor", "mau"}) {
    EXPECT_EQ(series[s].size(), 12u) << s;
  }
  std::set<int> hijri;
  for (const lex::Row& row : lex::kRows) {
    if (row.cls == Cls::kHmonth) hijri.insert(std::stoi(row.value));
  }
  EXPECT_EQ(hijri.size(), 12u);
}

TEST(LexiconTest, UnknownWordIsNotFound) {
  Lexicon lex;
  EXPECT_EQ(lex.Find(FoldString("الحكومة")), nullptr);
  EXPECT_NE(lex.Find(FoldString("أكتوبر")), nullptr);
}

}  // namespace
}  // namespace tarikh::internal
