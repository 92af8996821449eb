// SPDX-License-Identifier: MIT
#include "../../timeline/merge.h"

#include <gtest/gtest.h>

namespace tarikh::timeline_internal {
namespace {

EventMention M(const std::string& doc, int64_t at, int year, int month,
               std::vector<std::string> tokens) {
  EventMention m;
  m.doc_id = doc;
  m.dct = Dct{2017, 4, 18};
  m.timex.begin = at;
  m.timex.end = at + 4;
  if (month == 0) {
    m.timex.value = std::to_string(year);
    m.timex.granularity = Granularity::kYear;
    m.timex.interval = {DayNumber(year, 1, 1), DayNumber(year + 1, 1, 1)};
  } else {
    m.timex.value = std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month);
    m.timex.granularity = Granularity::kMonth;
    m.timex.interval = {DayNumber(year, month, 1),
                        month == 12 ? DayNumber(year + 1, 1, 1) : DayNumber(year, month + 1, 1)};
  }
  std::sort(tokens.begin(), tokens.end());
  m.tokens = tokens;
  return m;
}

// Filler mentions so that document frequencies look like a corpus.
void AddNoise(std::vector<EventMention>* v) {
  for (int i = 0; i < 20; ++i) {
    v->push_back(M("n" + std::to_string(i), 0, 2000 + i % 5, 0,
                   {"noise" + std::to_string(i), "common", "#announce"}));
  }
}

TEST(MergeTest, SameDateSimilarWordsMergeAcrossDocuments) {
  std::vector<EventMention> v = {
      M("a", 10, 2014, 0, {"split", "group", "funding", "recruits", "#split"}),
      M("b", 50, 2014, 0, {"split", "group", "funding", "jihad", "#split"}),
      M("a", 90, 2014, 0, {"caliphate", "mosque", "mosul", "declared"}),
  };
  AddNoise(&v);
  auto c = ClusterMentions(v, BuildOptions());
  EXPECT_EQ(c[0], c[1]);
  EXPECT_NE(c[0], c[2]) << "a different event on the same date stays apart";
}

TEST(MergeTest, IncompatibleDatesNeverMerge) {
  std::vector<EventMention> v = {
      M("a", 10, 2016, 10, {"offensive", "mosul", "forces", "coalition"}),
      M("b", 10, 2016, 3, {"offensive", "mosul", "forces", "coalition"}),
      M("c", 10, 2015, 0, {"offensive", "mosul", "forces", "coalition"}),
  };
  AddNoise(&v);
  auto c = ClusterMentions(v, BuildOptions());
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[0], c[2]);
}

TEST(MergeTest, ChainingCannotJoinExclusiveMonths) {
  // 2016-03 ~ 2016 ~ 2016-10 all share words; the year may join one month, not both.
  std::vector<EventMention> v = {
      M("a", 10, 2016, 3, {"battle", "city", "army"}),
      M("b", 10, 2016, 0, {"battle", "city", "army"}),
      M("c", 10, 2016, 10, {"battle", "city", "army"}),
  };
  AddNoise(&v);
  auto c = ClusterMentions(v, BuildOptions());
  EXPECT_NE(c[0], c[2]);
}

TEST(MergeTest, ThresholdControlsMerging) {
  std::vector<EventMention> v = {
      M("a", 10, 2014, 0, {"split", "group", "x1", "x2", "x3"}),
      M("b", 10, 2014, 0, {"split", "group", "y1", "y2", "y3"}),
  };
  AddNoise(&v);
  BuildOptions strict;
  strict.merge_threshold = 0.9;
  EXPECT_NE(ClusterMentions(v, strict)[0], ClusterMentions(v, strict)[1]);
  BuildOptions loose;
  loose.merge_threshold = 0.1;
  auto c = ClusterMentions(v, loose);
  EXPECT_EQ(c[0], c[1]);
}

TEST(MergeTest, BlockingComparesOnlyWithinDateBlocks) {
  std::vector<EventMention> v;
  for (int y = 1900; y < 2100; ++y)
    v.push_back(M("d" + std::to_string(y), 0, y, 0, {"same", "words"}));
  MergeStats st;
  auto c = ClusterMentions(v, BuildOptions(), &st);
  EXPECT_EQ(st.candidate_pairs, 0) << "one mention per year block: nothing to compare";
  EXPECT_EQ(*std::max_element(c.begin(), c.end()), 199);
}

}  // namespace
}  // namespace tarikh::timeline_internal
