// SPDX-License-Identifier: MIT
#include "tarikh/export/timelinejs.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tarikh/export/timeline_json.h"
#include "test_timelines.h"

namespace tarikh {
namespace {

using nlohmann::json;
using testing::MakeEvent;

TEST(ArabicDateTest, RendersValueAndModAsTheTextWouldSayIt) {
  EXPECT_EQ(ArabicDateForValue("2016-10"), "تشرين الأول/أكتوبر 2016");
  EXPECT_EQ(ArabicDateForValue("2017-04", TimexMod::kStart), "مطلع نيسان/أبريل 2017");
  EXPECT_EQ(ArabicDateForValue("2014"), "عام 2014");
  EXPECT_EQ(ArabicDateForValue("2014", TimexMod::kEnd), "أواخر عام 2014");
  EXPECT_EQ(ArabicDateForValue("2017-04-17"), "17 نيسان/أبريل 2017");
  EXPECT_EQ(ArabicDateForValue("2016-Q3"), "الربع الثالث من عام 2016");
  EXPECT_EQ(ArabicDateForValue("2014-SU"), "صيف 2014");
  EXPECT_EQ(ArabicDateForValue("2017-04-16TEV"), "مساء 16 نيسان/أبريل 2017");
  EXPECT_EQ(ArabicDateForValue("2017-04-16T09:05"), "16 نيسان/أبريل 2017 09:05");
  EXPECT_EQ(ArabicDateForValue("PAST_REF"), "في الماضي");
  EXPECT_EQ(ArabicDateForValue("P3Y"), "P3Y");  // no calendar meaning: the value itself
}

TEST(ArabicDateTest, TimelineDisplayDateWins) {
  Event e = MakeEvent("e1", "2017-04", "h", TimexMod::kStart);
  EXPECT_EQ(ArabicDisplayDate(e), "مطلع نيسان/أبريل 2017");
  e.display_date = "مطلع أبريل 2017";
  EXPECT_EQ(ArabicDisplayDate(e), "مطلع أبريل 2017");
}

TEST(TimelineJsTest, DatesAtExactlyTheKnownGranularity) {
  Timeline t;
  t.events = {MakeEvent("e1", "2014", "a"),
              MakeEvent("e2", "2016-10", "b"),
              MakeEvent("e3", "2016-10-05", "c"),
              MakeEvent("e4", "2017-W15", "d"),
              MakeEvent("e5", "2017-04-17T15:30", "e"),
              MakeEvent("e6", "2016-Q4", "f")};
  json j = json::parse(WriteTimelineJs(t));
  ASSERT_EQ(j["events"].size(), 6u);
  const json& ev = j["events"];
  EXPECT_EQ(ev[0]["start_date"]["year"], 2014);
  EXPECT_FALSE(ev[0]["start_date"].contains("month"));
  EXPECT_FALSE(ev[0].contains("end_date"));
  EXPECT_EQ(ev[1]["start_date"]["month"], 10);
  EXPECT_FALSE(ev[1]["start_date"].contains("day"));
  // 2016-Q4 starts on 2016-10-01 like 2016-10: a tie, kept in file order, before
  // 2016-10-05. Quarters and weeks become ranges.
  EXPECT_EQ(ev[2]["unique_id"], "e6");
  EXPECT_EQ(ev[2]["start_date"]["month"], 10);
  EXPECT_EQ(ev[2]["end_date"]["month"], 12);
  EXPECT_EQ(ev[3]["start_date"]["day"], 5);
  EXPECT_EQ(ev[4]["start_date"]["day"], 10);
  EXPECT_EQ(ev[4]["end_date"]["day"], 16);
  EXPECT_EQ(ev[5]["start_date"]["hour"], 15);
  EXPECT_EQ(ev[5]["start_date"]["minute"], 30);
}

TEST(TimelineJsTest, SameInstantKeepsTimelineOrderLikeTimelineJs) {
  // A year-only date is January 1, so 2014, 2014-01 and 2014-01-01 tie and keep file order;
  // a later month moves after them.
  Timeline t;
  t.events = {MakeEvent("a", "2014-03", "march"), MakeEvent("b", "2014", "year"),
              MakeEvent("c", "2014-01-01", "day"), MakeEvent("d", "2014-01", "month")};
  json j = json::parse(WriteTimelineJs(t));
  std::vector<std::string> order;
  for (const json& e : j["events"]) order.push_back(e["unique_id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"b", "c", "d", "a"}));
}

TEST(TimelineJsTest, TitleSourcesGroupsAndIds) {
  Timeline t;
  t.title = "عنوان";
  DocumentInfo d;
  d.id = "000";
  d.source = "Reuters";
  d.url = "https://example.org/a?b=1&c=2";
  t.documents.push_back(d);
  Event e = MakeEvent("e0001", "2016-10", "بدء الهجوم");
  e.sources.push_back({"000", 0, 10, 0, 4, "أكتوبر", "2016-10"});
  t.events.push_back(e);
  t.events.push_back(MakeEvent("عربي", "2016-11", "x"));  // non-ASCII id
  t.events.push_back(MakeEvent("XXXX", "XXXX-10", "unplaceable"));
  TimelineJsOptions opt;
  opt.group_by = TimelineJsOptions::GroupBy::kSource;
  std::vector<std::string> warnings;
  json j = json::parse(WriteTimelineJs(t, opt, &warnings));
  EXPECT_EQ(j["title"]["text"]["headline"], "عنوان");
  ASSERT_EQ(j["events"].size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("XXXX-10"), std::string::npos);
  EXPECT_EQ(j["events"][0]["group"], "Reuters");
  EXPECT_EQ(j["events"][0]["unique_id"], "e0001");
  EXPECT_EQ(j["events"][1]["unique_id"], "event-1");
  const std::string text = j["events"][0]["text"]["text"];
  EXPECT_NE(text.find("href=\"https://example.org/a?b=1&amp;c=2\""), std::string::npos) << text;
  EXPECT_NE(text.find("Reuters (000)"), std::string::npos);
}

TEST(TimelineJsTest, EscapesEachFieldAsTimelineJsNeeds) {
  Timeline t;
  DocumentInfo d;
  d.id = "000";
  d.source = "<i>src</i>";
  d.url = "javascript:alert(1)";
  t.documents.push_back(d);
  Event e = MakeEvent("e1", "2014", "<img src=x onerror=alert(1)>");
  e.display_date = "<b>2014</b>";
  e.sentence = "</p><script>x</script>";
  e.sources.push_back({"000", 0, 0, 0, 0, "", ""});
  t.events.push_back(e);
  TimelineJsOptions opt;
  opt.group_by = TimelineJsOptions::GroupBy::kSource;
  json ev = json::parse(WriteTimelineJs(t, opt))["events"][0];
  EXPECT_EQ(ev["text"]["headline"], "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(ev["start_date"]["display_date"], "&lt;b&gt;2014&lt;/b&gt;");    // once
  EXPECT_EQ(ev["display_date"], "&amp;lt;b&amp;gt;2014&amp;lt;/b&amp;gt;");  // twice
  EXPECT_EQ(ev["group"], "&amp;lt;i&amp;gt;src&amp;lt;/i&amp;gt;");          // twice
  const std::string text = ev["text"]["text"];
  EXPECT_EQ(text.find("<script"), std::string::npos);
  EXPECT_EQ(text.find("javascript:"), std::string::npos);  // not a link
  EXPECT_NE(text.find("&lt;/p&gt;&lt;script&gt;"), std::string::npos);
}

TEST(TimelineJsTest, SampleFixtureGivesOneSlidePerEventInOrder) {
  Result<Timeline> t = ReadTimelineJson(testing::ReadRepoFile("fixtures/timelines/sample.json"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  json j = json::parse(WriteTimelineJs(*t));
  ASSERT_EQ(j["events"].size(), t->events.size());
  for (size_t i = 0; i < t->events.size(); ++i) {
    EXPECT_EQ(j["events"][i]["unique_id"], t->events[i].id);
  }
}

}  // namespace
}  // namespace tarikh
