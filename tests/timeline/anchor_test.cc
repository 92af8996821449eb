// SPDX-License-Identifier: MIT
// What an anchoring expression says about an event's start and end: mod windows, signals
// (since/until/before/after) and the future tense.
#include "../../timeline/anchor.h"

#include <gtest/gtest.h>

namespace tarikh::timeline_internal {
namespace {

// October 2016 as the tagger gives it.
Timex October2016(TimexMod mod = TimexMod::kNone) {
  Timex t;
  t.value = "2016-10";
  t.mod = mod;
  t.interval = {DayNumber(2016, 10, 1), DayNumber(2016, 11, 1)};
  return t;
}

TEST(AnchorTest, ModWindowsSplitTheIntervalInThirdsOrOpenIt) {
  const int32_t b = DayNumber(2016, 10, 1), e = DayNumber(2016, 11, 1);  // 31 days
  EXPECT_EQ(ModWindow(October2016()), (DayInterval{b, e}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kStart)), (DayInterval{b, b + 10}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kEnd)), (DayInterval{e - 10, e}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kMid)), (DayInterval{b + 10, e - 10}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kBefore)),
            (DayInterval{DayInterval::kMinusInfinity, b}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kAfter)), (DayInterval{e, DayInterval::kPlusInfinity}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kOnOrAfter)),
            (DayInterval{b, DayInterval::kPlusInfinity}));
  EXPECT_EQ(ModWindow(October2016(TimexMod::kApprox)), (DayInterval{b - 15, e + 15}));
  // A one-day interval keeps at least one day for every part.
  Timex day;
  day.value = "2016-10-05";
  day.mod = TimexMod::kMid;
  day.interval = {b + 4, b + 5};
  EXPECT_FALSE(ModWindow(day).empty());
}

TEST(AnchorTest, OnlyCalendarPositionsCanAnchor) {
  EXPECT_TRUE(CanAnchor(October2016()));
  Timex ref = October2016();
  ref.value = "PAST_REF";
  EXPECT_FALSE(CanAnchor(ref));
  EXPECT_TRUE(IsRefValue("FUTURE_REF"));
  EXPECT_FALSE(IsRefValue("REF"));
  Timex duration = October2016();
  duration.type = TimexType::kDuration;
  duration.value = "P6Y";
  EXPECT_FALSE(CanAnchor(duration));
  Timex unbounded;
  unbounded.value = "XXXX-10";
  EXPECT_FALSE(CanAnchor(unbounded));
}

EventMention Mention(const Timex& t, const std::string& signal, int tense = 0) {
  EventMention m;
  m.timex = t;
  m.dct = Dct{2017, 4, 18};
  m.tense = tense;
  if (!signal.empty()) m.cues.push_back({signal, t.value, t.interval, -1});
  return m;
}

TEST(AnchorTest, SignalsBoundStartAndEnd) {
  const int64_t b = DayNumber(2016, 10, 1), last = DayNumber(2016, 10, 31);
  const int64_t dct = DayNumber(2017, 4, 18);
  PointRanges at = MentionRanges(Mention(October2016(), ""));
  EXPECT_EQ(at.start_lo, b);
  EXPECT_EQ(at.start_hi, last);
  EXPECT_EQ(at.end_lo, b);
  EXPECT_EQ(at.end_hi, last);
  EXPECT_EQ(RelationOf(Mention(October2016(), "since")), AnchorRelation::kSince);
  PointRanges since = MentionRanges(Mention(October2016(), "since"));  // منذ أكتوبر 2016
  EXPECT_EQ(since.start_lo, b);
  EXPECT_EQ(since.start_hi, last);
  EXPECT_EQ(since.end_lo, dct);  // still going when the article was written
  EXPECT_EQ(since.end_hi, kNoBound);
  PointRanges before = MentionRanges(Mention(October2016(), "before"));  // قبل أكتوبر 2016
  EXPECT_EQ(before.start_lo, -kNoBound);
  EXPECT_EQ(before.end_hi, b - 1);
  PointRanges after = MentionRanges(Mention(October2016(), "after"));
  EXPECT_EQ(after.start_lo, last + 1);
  EXPECT_EQ(after.end_hi, kNoBound);
  PointRanges until = MentionRanges(Mention(October2016(), "until"));
  EXPECT_EQ(until.end_hi, last);
  EXPECT_EQ(until.start_lo, -kNoBound);
  // A cue about another expression does not change this mention's relation.
  EventMention other = Mention(October2016(), "");
  other.cues.push_back({"before", "2015", {DayNumber(2015, 1, 1), DayNumber(2016, 1, 1)}, -1});
  EXPECT_EQ(RelationOf(other), AnchorRelation::kAt);
}

TEST(AnchorTest, FutureTenseStartsAfterTheDctUnlessTheDateIsPast) {
  const int64_t dct = DayNumber(2017, 4, 18);
  // Undated, future tense: not started when written.
  PointRanges undated = MentionRanges(false, DayInterval{}, AnchorRelation::kAt, dct, +1);
  EXPECT_EQ(undated.start_lo, dct);
  EXPECT_EQ(undated.end_lo, dct);
  EXPECT_EQ(MentionRanges(false, DayInterval{}, AnchorRelation::kAt, dct, -1).start_lo, -kNoBound);
  // Future tense with a past date (a misread marker or future-in-the-past) is ignored.
  PointRanges past = MentionRanges(Mention(October2016(), "", +1));
  EXPECT_EQ(past.start_lo, DayNumber(2016, 10, 1));
}

}  // namespace
}  // namespace tarikh::timeline_internal
