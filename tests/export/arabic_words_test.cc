// SPDX-License-Identifier: MIT
#include "arabic_words.h"

#include <gtest/gtest.h>

#include <string>

namespace tarikh::export_internal {
namespace {

// Every key the exporters look up exists in export/data/arabic_dates.tsv.
TEST(ArabicWordsTest, EveryKeyTheExportersUseIsInTheTable) {
  std::vector<std::string> keys = {"year",          "of",           "week",
                                   "weekend",       "decade",       "century",
                                   "label.sources", "label.events", "label.documents",
                                   "label.timeline"};
  for (int m = 1; m <= 12; ++m) keys.push_back("month." + std::to_string(m));
  for (int q = 1; q <= 4; ++q) keys.push_back("quarter." + std::to_string(q));
  for (int h = 1; h <= 2; ++h) keys.push_back("half." + std::to_string(h));
  for (const char* s : {"SP", "SU", "FA", "WI"}) keys.push_back(std::string("season.") + s);
  for (const char* p : {"MO", "MI", "AF", "EV", "NI", "DT"})
    keys.push_back(std::string("part.") + p);
  for (const char* r : {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}) {
    keys.push_back(std::string("ref.") + r);
  }
  for (const char* m :
       {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}) {
    keys.push_back(std::string("mod.") + m);
  }
  for (const std::string& k : keys) EXPECT_FALSE(ArabicWord(k).empty()) << k;
  EXPECT_TRUE(ArabicWord("no.such.key").empty());
  EXPECT_EQ(ArabicWord("month.10"), "تشرين الأول/أكتوبر");
}

}  // namespace
}  // namespace tarikh::export_internal
