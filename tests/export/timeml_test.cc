// SPDX-License-Identifier: MIT
#include "tarikh/export/timeml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <pugixml.hpp>

#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"
#include "test_timelines.h"

namespace tarikh {
namespace {

namespace fs = std::filesystem;

struct Key {
  int64_t begin, end;
  TimexType type;
  std::string value;
  TimexMod mod;
  friend bool operator==(const Key&, const Key&) = default;
};

std::vector<Key> Keys(const std::vector<Timex>& ts) {
  std::vector<Key> out;
  for (const Timex& t : ts) out.push_back({t.begin, t.end, t.type, t.value, t.mod});
  return out;
}

bool WellFormed(const std::string& xml) {
  pugi::xml_document doc;
  return doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
}

// Every TimeML file of the fixtures: read, write back with tarikh, read again: same text,
// same DCT, same TIMEX3s (span, type, value, mod).
TEST(TimeMlTest, EveryFixtureRoundTrips) {
  int files = 0, timexes = 0;
  for (const char* dir : {"fixtures/seeds/gold", "fixtures/dev-revised"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(TARIKH_SOURCE_DIR) / dir)) {
      if (entry.path().extension() != ".tml") continue;
      SCOPED_TRACE(entry.path().string());
      std::string rel = std::string(dir) + "/" + entry.path().filename().string();
      Result<TimeMlDocument> gold = ReadTimeMl(testing::ReadRepoFile(rel));
      ASSERT_TRUE(gold.ok()) << gold.status().ToString();
      Document d;
      d.id = entry.path().stem().string();
      d.text = gold->text;
      d.dct = gold->dct;
      std::string xml = WriteTimeMl(d, gold->timexes);
      ASSERT_TRUE(WellFormed(xml));
      Result<TimeMlDocument> back = ReadTimeMl(xml);
      ASSERT_TRUE(back.ok()) << back.status().ToString();
      EXPECT_EQ(back->text, gold->text);
      EXPECT_EQ(back->dct, gold->dct);
      EXPECT_EQ(back->doc_id, d.id);
      EXPECT_EQ(Keys(back->timexes), Keys(gold->timexes));
      ++files;
      timexes += static_cast<int>(gold->timexes.size());
    }
  }
  EXPECT_EQ(files, 30);  // 5 seeds + 25 dev-revised documents
  EXPECT_GT(timexes, 150);
}

// The tagger's own output on the seed texts survives TimeML export and import.
TEST(TimeMlTest, TaggerOutputOnSeedsRoundTrips) {
  Result<Tagger> tagger = Tagger::Create();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  for (const auto& entry :
       fs::directory_iterator(fs::path(TARIKH_SOURCE_DIR) / "fixtures/seeds/text")) {
    SCOPED_TRACE(entry.path().string());
    Document d;
    d.id = entry.path().stem().string();
    d.text = testing::ReadRepoFile("fixtures/seeds/text/" + entry.path().filename().string());
    d.dct = *ParseDct("2017-04-18");
    Result<std::vector<Timex>> ts = tagger->Tag(d.text, *d.dct);
    ASSERT_TRUE(ts.ok()) << ts.status().ToString();
    std::string xml = WriteTimeMl(d, *ts);
    ASSERT_TRUE(WellFormed(xml));
    Result<TimeMlDocument> back = ReadTimeMl(xml);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->text, d.text);
    // Nested or overlapping timexes cannot all be tagged inline; the rest must come back.
    std::vector<Timex> flat;
    int64_t last_end = 0;
    for (const Timex& t : *ts) {
      if (t.begin >= last_end && t.begin < t.end) {
        flat.push_back(t);
        last_end = t.end;
      }
    }
    EXPECT_EQ(Keys(back->timexes), Keys(flat));
    for (size_t i = 0; i < back->timexes.size(); ++i) {
      EXPECT_EQ(back->timexes[i].byte_begin, flat[i].byte_begin);
    }
  }
}

TEST(TimeMlTest, HostileTextControlCharactersAndAnchors) {
  Document d;
  d.id = "a&b";
  d.text = "x<y & \"z\"\r\n";
  d.text += '\x01';
  d.text += " عام 2014 </TEXT>]]> أمس";
  d.dct = *ParseDct("2017-04-18");
  Timex t1;
  t1.begin = CountCodePoints("x<y & \"z\"\r\n\x01 ");
  t1.end = t1.begin + 8;
  t1.value = "2014";
  Timex t2;
  t2.begin = CountCodePoints(d.text) - 3;
  t2.end = t2.begin + 3;
  t2.value = "2017-04-17";
  t2.temporal_function = true;
  Timex overlapping = t1;
  overlapping.begin += 1;
  std::string xml = WriteTimeMl(d, {t2, t1, overlapping});
  ASSERT_TRUE(WellFormed(xml)) << xml;
  Result<TimeMlDocument> back = ReadTimeMl(xml);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->timexes.size(), 2u);  // the overlapping one is skipped
  EXPECT_EQ(back->timexes[0].value, "2014");
  EXPECT_EQ(back->timexes[1].value, "2017-04-17");
  EXPECT_TRUE(back->timexes[1].temporal_function);
  EXPECT_NE(xml.find("anchorTimeID=\"t0\""), std::string::npos);
  // CR survives; U+0001 became one U+FFFD, so code point offsets still line up.
  EXPECT_EQ(back->text.substr(0, 12), "x<y & \"z\"\r\n\xEF");
  EXPECT_EQ(CountCodePoints(back->text), CountCodePoints(d.text));
  EXPECT_EQ(back->doc_id, "a&b");
}

TEST(TimeMlTest, EventsAndTlinksFromTheTimeline) {
  Document d;
  d.id = "000";
  d.text = "وبدأت القوات هجوما على الموصل في أكتوبر الماضي. ثم توقف الهجوم أمس.";
  d.dct = *ParseDct("2017-04-18");
  const int64_t oct = CountCodePoints("وبدأت القوات هجوما على الموصل في ");
  Timex t;
  t.begin = oct;
  t.end = oct + CountCodePoints("أكتوبر الماضي");
  t.value = "2016-10";
  Timeline tl;
  Event e = testing::MakeEvent("e0004", "2016-10", "بدء هجوم القوات على الموصل");
  e.sources.push_back({"000", 0, CountCodePoints("وبدأت القوات هجوما على الموصل في أكتوبر الماضي."),
                       t.begin, t.end, "أكتوبر الماضي", "2016-10"});
  tl.events.push_back(e);
  Event e2 = testing::MakeEvent("e0009", "2017-04-17", "توقف الهجوم");
  e2.sources.push_back({"000", CountCodePoints("وبدأت القوات هجوما على الموصل في أكتوبر الماضي. "),
                        CountCodePoints(d.text), 0, 0, "", ""});
  tl.events.push_back(e2);
  tl.relations.push_back({"e0004", "e0009", Relation::Kind::kBefore});
  std::string xml = WriteTimeMl(d, {t}, &tl);
  ASSERT_TRUE(WellFormed(xml)) << xml;
  Result<TimeMlDocument> back = ReadTimeMl(xml);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->events.size(), 2u);
  EXPECT_EQ(back->events[0].timeline_event, "e0004");
  // "هجوم" is not in the sentence ("هجوما" is, as a prefix match); the first headline word
  // found in the sentence outside the timex is used.
  EXPECT_EQ(back->text, d.text);
  ASSERT_EQ(back->tlinks.size(), 2u);
  EXPECT_EQ(back->tlinks[0].event_id, "e1");
  EXPECT_EQ(back->tlinks[0].related_to_time, "t1");
  EXPECT_EQ(back->tlinks[0].rel_type, "IS_INCLUDED");
  EXPECT_EQ(back->tlinks[1].related_to_event, "e2");
  EXPECT_EQ(back->tlinks[1].rel_type, "BEFORE");
}

TEST(TimeMlTest, ReaderErrorsHaveLocations) {
  struct Case {
    const char* xml;
    const char* message_part;
    int line;
  } cases[] = {
      {"<TimeML>\n<TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>\n</TimeML>", "malformed XML", 2},
      {"<Other/>", "not a TimeML document", 1},
      {"<TimeML>\n<DOCID>x</DOCID>\n</TimeML>", "no <TEXT>", 1},
      {"<TimeML>\n<TEXT>a\n<TIMEX3 tid=\"t1\" type=\"DAY\">b</TIMEX3></TEXT></TimeML>",
       "TIMEX3 type \"DAY\"", 3},
      {"<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-02-31\">x</TIMEX3></DCT>\n"
       "<TEXT>a</TEXT></TimeML>",
       "DCT value", 1},
      {"<TimeML><TEXT>\xC3\x28</TEXT></TimeML>", "not UTF-8", 1},
  };
  for (const Case& c : cases) {
    Result<TimeMlDocument> r = ReadTimeMl(c.xml);
    ASSERT_FALSE(r.ok()) << c.xml;
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().ToString();
    EXPECT_EQ(r.status().location().line, c.line) << r.status().ToString();
  }
}

}  // namespace
}  // namespace tarikh
