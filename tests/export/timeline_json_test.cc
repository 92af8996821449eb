// SPDX-License-Identifier: MIT
#include "tarikh/export/timeline_json.h"

#include <gtest/gtest.h>

#include <string>

namespace tarikh {
namespace {

Timeline SampleTimeline() {
  Timeline t;
  t.title = "داعش والقاعدة";
  DocumentInfo d;
  d.id = "000";
  d.source = "Reuters \"Arabic\"";
  d.dct = *ParseDct("2017-04-18");
  d.timex_count = 7;
  d.mention_count = 3;
  t.documents.push_back(d);
  d.id = "004";
  d.dct = *ParseDct("2017-03-20T10:30");
  d.dct_inferred = true;
  d.dct_confidence = 0.5;
  t.documents.push_back(d);
  Event e;
  e.id = "e0001";
  e.value = "2016-10";
  e.granularity = Granularity::kMonth;
  e.display_date = "تشرين الأول/أكتوبر 2016";
  e.earliest_start = "2016-10-01";
  e.latest_end = "2016-11-01";
  e.headline = "بدء معركة الموصل <b>";
  e.sentence = "line1\nline2";
  e.confidence = 0.75;
  SourceRef s;
  s.doc_id = "000";
  s.sentence_begin = 10;
  s.sentence_end = 80;
  s.timex_begin = 12;
  s.timex_end = 30;
  s.timex_text = "تشرين الأول / أكتوبر الماضي";
  s.timex_value = "2016-10";
  e.sources.push_back(s);
  t.events.push_back(e);
  e.id = "e0002";
  e.value = "2017-04";
  e.mod = TimexMod::kStart;
  e.sources.clear();
  t.events.push_back(e);
  t.relations.push_back({"e0001", "e0002", Relation::Kind::kBefore});
  t.warnings.push_back({"004", 15, "page date is not the DCT"});
  return t;
}

TEST(TimelineJsonTest, RoundTripsEveryField) {
  Timeline t = SampleTimeline();
  std::string json = WriteTimelineJson(t);
  Result<Timeline> back = ReadTimelineJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  // Writing what was read gives the same bytes, and spot checks cover each struct.
  EXPECT_EQ(WriteTimelineJson(*back), json);
  ASSERT_EQ(back->events.size(), 2u);
  EXPECT_EQ(back->title, t.title);
  EXPECT_EQ(back->documents[1].dct, t.documents[1].dct);
  EXPECT_TRUE(back->documents[1].dct_inferred);
  EXPECT_EQ(back->events[1].mod, TimexMod::kStart);
  EXPECT_EQ(back->events[0].granularity, Granularity::kMonth);
  EXPECT_EQ(back->events[0].sentence, "line1\nline2");
  EXPECT_EQ(back->events[0].sources[0].timex_text, t.events[0].sources[0].timex_text);
  EXPECT_EQ(back->events[0].sources[0].timex_end, 30);
  EXPECT_DOUBLE_EQ(back->events[0].confidence, 0.75);
  EXPECT_EQ(back->relations[0].to, "e0002");
  EXPECT_EQ(back->warnings[0].offset, 15);
}

TEST(TimelineJsonTest, FieldNamesAreStructMemberNames) {
  std::string json = WriteTimelineJson(SampleTimeline());
  for (const char* name : {"\"schema_version\": 1", "\"earliest_start\"", "\"display_date\"",
                           "\"timex_value\"", "\"dct_inferred\"", "\"mention_count\""}) {
    EXPECT_NE(json.find(name), std::string::npos) << name;
  }
  // UTF-8 written as is, not as \u escapes.
  EXPECT_NE(json.find("الموصل"), std::string::npos);
}

TEST(TimelineJsonTest, MinimalTimelineUsesDefaults) {
  Result<Timeline> t =
      ReadTimelineJson(R"({"schema_version": 1, "events": [{"id": "a", "value": "2014"}]})");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->events[0].mod, TimexMod::kNone);
  EXPECT_EQ(t->events[0].type, TimexType::kDate);
  EXPECT_TRUE(t->documents.empty());
}

struct BadCase {
  const char* json;
  const char* message_part;
  int line;
  int column;
};

TEST(TimelineJsonTest, ErrorsNameMemberAndPosition) {
  const BadCase cases[] = {
      {"{\"schema_version\": 1,\n \"events\": [}", "malformed JSON", 2, 13},
      {"", "malformed JSON", 1, 1},
      {"[1, 2]", "not a tarikh timeline", 1, 1},
      {"{\"events\": []}", "missing \"schema_version\"", 1, 1},
      {"{\"schema_version\": 7, \"events\": []}", "unsupported schema_version 7", 1, 20},
      {"{\"schema_version\": 1}", "missing required member \"events\"", 1, 1},
      {"{\"schema_version\": 1,\n\"events\": [{\"id\": \"a\", \"value\": 2014}]}",
       "events[0].value: expected a string", 2, 33},
      {"{\"schema_version\": 1, \"events\": [\n  {\"id\": \"a\", \"value\": \"2014\"},\n"
       "  {\"id\": \"b\", \"value\": \"2015\", \"mod\": \"SOON\"}]}",
       "events[1].mod: unknown TIMEX3 mod \"SOON\"", 3, 39},
      {"{\"schema_version\": 1, \"events\": [{\"id\": \"a\", \"value\": \"2014\", \"headlin\": "
       "\"x\"}]}",
       "unknown member \"headlin\"", 1, 74},
      {"{\"schema_version\": 1, \"events\": [{\"value\": \"2014\"}]}",
       "events[0]: missing required member \"id\"", 1, 34},
      {"{\"schema_version\": 1, \"events\": [], \"documents\": [{\"id\": \"x\", \"dct\": "
       "\"2017-02-31\"}]}",
       "documents[0].dct: invalid DCT", 1, 70},
      {"{\"schema_version\": 1, \"events\": [{\"id\": \"a\", \"value\": \"2014\"}], "
       "\"relations\": [{\"from\": \"a\", \"to\": \"zz\", \"kind\": \"before\"}]}",
       "no event with id \"zz\"", 1, 99},
      {"{\"schema_version\": 1, \"events\": [{\"id\": \"a\", \"value\": \"x\", \"confidence\": "
       "3}]}",
       "must be between 0 and 1", 1, 74},
      {"{\"schema_version\": 1, \"title\": \"\xff\", \"events\": []}", "not UTF-8", 1, 33},
  };
  for (const BadCase& c : cases) {
    Result<Timeline> t = ReadTimelineJson(c.json);
    ASSERT_FALSE(t.ok()) << c.json;
    EXPECT_EQ(t.status().code(), StatusCode::kParseError) << c.json;
    EXPECT_NE(t.status().message().find(c.message_part), std::string::npos)
        << c.json << " → " << t.status().ToString();
    EXPECT_EQ(t.status().location().line, c.line) << c.json << " → " << t.status().ToString();
    EXPECT_EQ(t.status().location().column, c.column) << c.json << " → " << t.status().ToString();
  }
}

TEST(TimelineJsonTest, EnumNamesRoundTrip) {
  for (int g = 0; g <= static_cast<int>(Granularity::kSecond); ++g) {
    auto gran = static_cast<Granularity>(g);
    EXPECT_EQ(ParseGranularity(GranularityName(gran)), gran);
  }
  EXPECT_EQ(ParseGranularity("fortnight"), std::nullopt);
  EXPECT_EQ(ParseRelationKind("includes"), Relation::Kind::kIncludes);
}

}  // namespace
}  // namespace tarikh
