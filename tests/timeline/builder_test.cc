// SPDX-License-Identifier: MIT
// The reduce step on hand-made mentions: contradictions, empty input, duplicates, order.
#include "tarikh/timeline/builder.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

EventMention Mention(const std::string& doc, int64_t at, int year, std::vector<std::string> tokens,
                     const std::string& sentence) {
  EventMention m;
  m.doc_id = doc;
  m.dct = Dct{2017, 4, 18};
  m.timex.begin = at;
  m.timex.end = at + 4;
  m.timex.value = std::to_string(year);
  m.timex.granularity = Granularity::kYear;
  m.timex.interval = {DayNumber(year, 1, 1), DayNumber(year + 1, 1, 1)};
  m.headline = sentence;
  m.sentence = sentence;
  m.sentence_begin = at;
  m.sentence_end = at + 10;
  std::sort(tokens.begin(), tokens.end());
  m.tokens = tokens;
  return m;
}

DocumentInfo Info(const std::string& id) {
  DocumentInfo d;
  d.id = id;
  d.dct = Dct{2017, 4, 18};
  return d;
}

TEST(BuilderTest, ContradictionBecomesWarningWithSentences) {
  EventMention a = Mention("d", 0, 2016, {"alpha"}, "حدث ألف عام 2016");
  EventMention b = Mention("d", 100, 2014, {"beta"}, "حدث باء عام 2014 بعد ذلك");
  // b says it came after a, but its date is two years earlier.
  EventMention::Cue cue;
  cue.signal = "after";
  cue.ref_offset = a.timex.begin;
  b.cues.push_back(cue);
  Timeline tl = BuildTimeline({a, b}, {Info("d")}, {});
  ASSERT_EQ(tl.events.size(), 2u);
  bool reported = false;
  for (const auto& w : tl.warnings) {
    if (w.message.find("contradictory") != std::string::npos &&
        w.message.find("حدث باء") != std::string::npos) {
      reported = true;
    }
  }
  EXPECT_TRUE(reported);
  EXPECT_EQ(tl.events[0].value, "2014");
  EXPECT_EQ(tl.events[0].earliest_start, "2014-01-01");
}

TEST(BuilderTest, EmptyInputWarns) {
  Timeline tl = BuildTimeline(std::vector<EventMention>{}, {Info("d")}, {});
  EXPECT_TRUE(tl.events.empty());
  ASSERT_FALSE(tl.warnings.empty());
  EXPECT_NE(tl.warnings.back().message.find("empty timeline"), std::string::npos);
}

TEST(BuilderTest, DuplicateDocumentsAndMentionsAreCollapsed) {
  EventMention a = Mention("d", 0, 2016, {"alpha"}, "حدث");
  Timeline tl = BuildTimeline({a, a}, {Info("d"), Info("d")}, {});
  EXPECT_EQ(tl.documents.size(), 1u);
  EXPECT_EQ(tl.events.size(), 1u);
  EXPECT_EQ(tl.events[0].sources.size(), 1u);
}

TEST(BuilderTest, OrderRelationsAndIncludes) {
  EventMention y = Mention("a", 0, 2014, {"one"}, "أ");
  EventMention m = y;
  m.timex.begin = 50;
  m.timex.value = "2014-10";
  m.timex.granularity = Granularity::kMonth;
  m.timex.interval = {DayNumber(2014, 10, 1), DayNumber(2014, 11, 1)};
  m.tokens = {"two"};
  EventMention z = Mention("b", 0, 2016, {"three"}, "ج");
  Timeline tl = BuildTimeline({z, m, y}, {Info("a"), Info("b")}, {});
  ASSERT_EQ(tl.events.size(), 3u);
  EXPECT_EQ(tl.events[0].value, "2014");
  EXPECT_EQ(tl.events[1].value, "2014-10");
  EXPECT_EQ(tl.events[2].value, "2016");
  bool includes = false, before = false;
  for (const Relation& r : tl.relations) {
    includes |=
        r.kind == Relation::Kind::kIncludes && r.from == tl.events[0].id && r.to == tl.events[1].id;
    before |=
        r.kind == Relation::Kind::kBefore && r.from == tl.events[1].id && r.to == tl.events[2].id;
    // Transitive reduction: 2014 ⊃ 2014-10 < 2016 does not list 2014 before 2016 twice over.
  }
  EXPECT_TRUE(includes);
  EXPECT_TRUE(before);
}

TEST(BuilderTest, ShardOrderDoesNotMatter) {
  std::vector<EventMention> ms = {Mention("a", 0, 2014, {"split", "group"}, "أ"),
                                  Mention("b", 0, 2014, {"split", "group"}, "ب"),
                                  Mention("c", 0, 2015, {"other"}, "ج")};
  Timeline t1 = BuildTimeline(ms, {Info("a"), Info("b"), Info("c")}, {});
  std::reverse(ms.begin(), ms.end());
  Timeline t2 = BuildTimeline(ms, {Info("c"), Info("b"), Info("a")}, {});
  ASSERT_EQ(t1.events.size(), t2.events.size());
  for (size_t i = 0; i < t1.events.size(); ++i) {
    EXPECT_EQ(t1.events[i].id, t2.events[i].id);
    EXPECT_EQ(t1.events[i].headline, t2.events[i].headline);
    EXPECT_EQ(t1.events[i].sources.size(), t2.events[i].sources.size());
  }
}

}  // namespace
}  // namespace tarikh
