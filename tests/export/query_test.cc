// SPDX-License-Identifier: MIT
#include "tarikh/export/query.h"

#include <gtest/gtest.h>

#include "tarikh/export/timeline_json.h"
#include "test_timelines.h"

namespace tarikh {
namespace {

using testing::MakeEvent;

DayInterval I(const char* value) { return *ValueInterval(value); }

std::vector<std::string> Ids(const Timeline& t, const DateQuery& q) {
  std::vector<std::string> out;
  for (size_t i : QueryEvents(t, q)) out.push_back(t.events[i].id);
  return out;
}

Timeline Sample() {
  Timeline t;
  t.events = {MakeEvent("y2014", "2014"),
              MakeEvent("oct", "2016-10"),
              MakeEvent("mar16", "2017-03-16"),
              MakeEvent("apr", "2017-04", "", TimexMod::kStart),
              MakeEvent("after2014", "2014", "", TimexMod::kAfter),
              MakeEvent("vague", "PAST_REF")};
  Event bounded = MakeEvent("bounded", "PAST_REF");
  bounded.earliest_start = "2016-12-01";
  bounded.latest_end = "2016-12-31";
  t.events.push_back(bounded);
  return t;
}

TEST(QueryTest, EventIntervals) {
  Timeline t = Sample();
  EXPECT_EQ(EventInterval(t.events[0]), I("2014"));
  EXPECT_EQ(EventInterval(t.events[4]).begin, I("2015").begin);
  EXPECT_EQ(EventInterval(t.events[4]).end, DayInterval::kPlusInfinity);
  EXPECT_FALSE(EventInterval(t.events[5]).bounded());
  EXPECT_EQ(EventInterval(t.events[6]), I("2016-12"));
  // Graph bounds narrow the value's interval; contradicting bounds are ignored.
  Event e = MakeEvent("x", "2016");
  e.earliest_start = "2016-06-01";
  EXPECT_EQ(EventInterval(e).begin, I("2016-06").begin);
  e.earliest_start = "2018-01-01";
  EXPECT_EQ(EventInterval(e), I("2016"));
  // Ongoing: the graph says it lasts at least until the DCT.
  Event ongoing = MakeEvent("war", "2011");
  ongoing.earliest_end = "2017-04-18";
  EXPECT_EQ(EventInterval(ongoing).begin, I("2011").begin);
  EXPECT_EQ(EventInterval(ongoing).end, I("2017-04-18").end);
}

TEST(QueryTest, BetweenOverlapAndStrict) {
  Timeline t = Sample();
  DateQuery q{DateQuery::Kind::kBetween, I("2016-10"), I("2017-04"), false};
  EXPECT_EQ(Ids(t, q), (std::vector<std::string>{"oct", "mar16", "apr", "after2014", "bounded"}));
  q.strict = true;
  EXPECT_EQ(Ids(t, q), (std::vector<std::string>{"oct", "mar16", "apr", "bounded"}));
  q.first = I("2016-11");
  EXPECT_EQ(Ids(t, q), (std::vector<std::string>{"mar16", "apr", "bounded"}));
}

TEST(QueryTest, OnBeforeAfter) {
  Timeline t = Sample();
  EXPECT_EQ(Ids(t, {DateQuery::Kind::kOn, I("2017-03"), {}, false}),
            (std::vector<std::string>{"mar16", "after2014"}));
  EXPECT_EQ(Ids(t, {DateQuery::Kind::kOn, I("2017-03-16"), {}, true}),
            (std::vector<std::string>{"mar16"}));
  EXPECT_EQ(Ids(t, {DateQuery::Kind::kBefore, I("2016"), {}, false}),
            (std::vector<std::string>{"y2014", "after2014"}));
  EXPECT_EQ(Ids(t, {DateQuery::Kind::kBefore, I("2016"), {}, true}),
            (std::vector<std::string>{"y2014"}));
  EXPECT_EQ(Ids(t, {DateQuery::Kind::kAfter, I("2017-03"), {}, true}),
            (std::vector<std::string>{"apr"}));
}

TEST(QueryTest, SampleFixture) {
  Result<Timeline> t = ReadTimelineJson(testing::ReadRepoFile("fixtures/timelines/sample.json"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::vector<std::string> ids = Ids(*t, {DateQuery::Kind::kBetween, I("2016-10"), I("2017-04")});
  EXPECT_EQ(ids, (std::vector<std::string>{"e0004", "e0005", "e0006"}));
}

}  // namespace
}  // namespace tarikh
