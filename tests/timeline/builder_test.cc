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

// The compact store keeps every string exactly, whether or not it is a slice of its sentence
// (headline and date text usually are; then only the sentence is stored).
TEST(BuilderTest, StoreKeepsTextExactly) {
  EventMention a = Mention("d1", 5, 2014, {"alpha", "beta"}, "بدأ الهجوم عام 2014 على المدينة");
  a.headline = "بدأ الهجوم";  // a slice of the sentence
  a.timex_text = "عام 2014";  // also a slice
  EventMention b = Mention("d2", 7, 2014, {"alpha", "beta"}, "وفي 2014 انطلق الهجوم");
  b.headline = "headline not in the sentence";
  b.timex_text = "";
  b.confidence = 0.5;
  MentionStore store;
  DocumentMentions d1{Info("d1"), {a}, {}};
  DocumentMentions d2{Info("d2"), {b}, {{"d2", 3, "a warning"}}};
  store.Add(d2);
  store.Add(d1);
  EXPECT_EQ(store.num_mentions(), 2u);
  Timeline tl = BuildTimeline(std::move(store));
  ASSERT_EQ(tl.events.size(), 1u);  // same year, same words: one event
  const Event& e = tl.events[0];
  EXPECT_EQ(e.headline, "بدأ الهجوم");  // the more confident mention's
  EXPECT_EQ(e.sentence, a.sentence);
  EXPECT_EQ(e.display_date, "عام 2014");
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[0].doc_id, "d1");
  EXPECT_EQ(e.sources[0].timex_text, "عام 2014");
  EXPECT_EQ(e.sources[1].doc_id, "d2");
  EXPECT_EQ(e.sources[1].timex_text, "");
  EXPECT_EQ(e.sources[1].timex_value, "2014");
  ASSERT_EQ(tl.documents.size(), 2u);
  EXPECT_EQ(tl.documents[0].id, "d1");
  ASSERT_FALSE(tl.warnings.empty());
  EXPECT_EQ(tl.warnings[0].message, "a warning");
}

// Events and relations made one at a time (what tarikh merge streams) are the ones
// ToTimeline() and BuildTimeline return.
TEST(BuilderTest, BuiltTimelineGivesTheSameEventsOnDemand) {
  std::vector<EventMention> ms = {
      Mention("a", 0, 2014, {"war", "city"}, "اندلعت الحرب عام 2014"),
      Mention("a", 40, 2016, {"siege", "city"}, "بدأ الحصار عام 2016"),
      Mention("b", 0, 2014, {"war", "city"}, "الحرب التي اندلعت في 2014"),
      Mention("b", 50, 2015, {"truce"}, "هدنة في 2015"),
  };
  ms[3].timex.value = "2015-06";
  ms[3].timex.granularity = Granularity::kMonth;
  ms[3].timex.interval = {DayNumber(2015, 6, 1), DayNumber(2015, 7, 1)};
  auto store = [&] {
    MentionStore s;
    for (const EventMention& m : ms) s.AddMention(m);
    s.AddDocument(Info("a"));
    s.AddDocument(Info("b"));
    return s;
  };
  BuiltTimeline built(store(), BuildOptions{});
  Timeline whole = BuildTimeline(store());
  ASSERT_EQ(built.num_events(), whole.events.size());
  ASSERT_EQ(built.num_events(), 3u);
  Event e;
  for (size_t i = 0; i < built.num_events(); ++i) {
    built.GetEvent(i, &e);
    const Event& w = whole.events[i];
    EXPECT_EQ(e.id, w.id);
    EXPECT_EQ(e.value, w.value);
    EXPECT_EQ(e.headline, w.headline);
    EXPECT_EQ(e.earliest_start, w.earliest_start);
    EXPECT_EQ(e.latest_end, w.latest_end);
    ASSERT_EQ(e.sources.size(), w.sources.size());
    for (size_t k = 0; k < e.sources.size(); ++k) {
      EXPECT_EQ(e.sources[k].doc_id, w.sources[k].doc_id);
      EXPECT_EQ(e.sources[k].timex_begin, w.sources[k].timex_begin);
    }
    EXPECT_DOUBLE_EQ(e.confidence, w.confidence);
  }
  EXPECT_EQ(whole.events[0].value, "2014");
  EXPECT_EQ(whole.events[0].sources.size(), 2u);
  ASSERT_EQ(built.num_relations(), whole.relations.size());
  ASSERT_GE(whole.relations.size(), 2u);  // 2014 before 2015-06 before 2016
  Relation r;
  for (size_t i = 0; i < built.num_relations(); ++i) {
    built.GetRelation(i, &r);
    EXPECT_EQ(r.from, whole.relations[i].from);
    EXPECT_EQ(r.to, whole.relations[i].to);
    EXPECT_EQ(r.kind, whole.relations[i].kind);
  }
  EXPECT_EQ(built.header().documents.size(), 2u);
  Timeline moved = built.ToTimeline();
  EXPECT_EQ(moved.events.size(), 3u);
  EXPECT_EQ(built.num_events(), 0u);  // ToTimeline leaves it empty
}

}  // namespace
}  // namespace tarikh
