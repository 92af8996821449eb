// SPDX-License-Identifier: MIT
#include "tarikh/export/mentions_jsonl.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tarikh {
namespace {

DocumentMentions Sample() {
  DocumentMentions dm;
  dm.info.id = "001";
  dm.info.dct = Dct{2017, 4, 17};
  dm.info.source = "France 24 / \"Reuters\"";
  dm.info.title = "نائب الرئيس العراقي يحذر";
  dm.info.dct_inferred = true;
  dm.info.dct_confidence = 0.7;
  dm.info.timex_count = 3;
  dm.info.mention_count = 2;
  EventMention m;
  m.doc_id = "001";
  m.dct = dm.info.dct;
  m.timex.begin = 40;
  m.timex.end = 47;
  m.timex.byte_begin = 75;
  m.timex.byte_end = 89;
  m.timex.type = TimexType::kDate;
  m.timex.value = "2016-10";
  m.timex.mod = TimexMod::kStart;
  m.timex.granularity = Granularity::kMonth;
  m.timex.interval = DayInterval{DayNumber(2016, 10, 1), DayNumber(2016, 11, 1)};
  m.timex.temporal_function = true;
  m.timex_text = "تشرين الأول / أكتوبر الماضي";
  m.headline = "بدأت معركة الموصل";
  m.sentence = "وفي تشرين الأول / أكتوبر الماضي بدأت معركة الموصل.\n";
  m.sentence_begin = 30;
  m.sentence_end = 80;
  m.tokens = {"معرك", "موصل"};
  m.cues.push_back(
      {"after", "2014", DayInterval{DayNumber(2014, 1, 1), DayNumber(2015, 1, 1)}, -1});
  m.tense = -1;
  m.confidence = 0.85;
  dm.mentions.push_back(m);
  EventMention undated = m;
  undated.timex.value = "";
  undated.timex.interval = DayInterval{};  // unbounded on both sides: the int32 sentinels
  undated.timex.anchor = 0;
  undated.cues = {{"then", "", DayInterval{}, 40}};
  undated.dct = Dct{2017, 4, 18, 9, 30, 0};  // differs from the document's: written out
  undated.tense = 1;
  dm.mentions.push_back(undated);
  dm.warnings.push_back({"001", 12, "DCT inferred from the dateline"});
  return dm;
}

TEST(MentionsJsonlTest, RoundTripsEveryField) {
  const DocumentMentions dm = Sample();
  const std::string line = WriteDocumentMentionsLine(dm);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one document = one line";
  auto back = ReadDocumentMentionsLine(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(WriteDocumentMentionsLine(*back), line);

  EXPECT_EQ(back->info.id, "001");
  EXPECT_EQ(back->info.dct, dm.info.dct);
  EXPECT_EQ(back->info.title, dm.info.title);
  EXPECT_TRUE(back->info.dct_inferred);
  EXPECT_DOUBLE_EQ(back->info.dct_confidence, 0.7);
  ASSERT_EQ(back->mentions.size(), 2u);
  const EventMention& m = back->mentions[0];
  EXPECT_EQ(m.doc_id, "001");
  EXPECT_EQ(m.dct, dm.info.dct);
  EXPECT_EQ(m.timex.value, "2016-10");
  EXPECT_EQ(m.timex.mod, TimexMod::kStart);
  EXPECT_EQ(m.timex.granularity, Granularity::kMonth);
  EXPECT_EQ(m.timex.interval, dm.mentions[0].timex.interval);
  EXPECT_EQ(m.timex.byte_end, 89);
  EXPECT_TRUE(m.timex.temporal_function);
  EXPECT_EQ(m.sentence, dm.mentions[0].sentence);
  EXPECT_EQ(m.tokens, dm.mentions[0].tokens);
  ASSERT_EQ(m.cues.size(), 1u);
  EXPECT_EQ(m.cues[0].signal, "after");
  EXPECT_EQ(m.cues[0].interval, dm.mentions[0].cues[0].interval);
  EXPECT_EQ(m.tense, -1);
  EXPECT_DOUBLE_EQ(m.confidence, 0.85);
  const EventMention& u = back->mentions[1];
  EXPECT_EQ(u.timex.interval, DayInterval{});
  EXPECT_EQ(u.dct, (Dct{2017, 4, 18, 9, 30, 0}));
  EXPECT_EQ(u.cues[0].ref_offset, 40);
  EXPECT_EQ(u.timex.anchor, 0);
  ASSERT_EQ(back->warnings.size(), 1u);
  EXPECT_EQ(back->warnings[0].offset, 12);
  EXPECT_EQ(back->warnings[0].message, "DCT inferred from the dateline");
}

TEST(MentionsJsonlTest, DocumentWithoutMentionsKeepsItsLine) {
  DocumentMentions dm;
  dm.info.id = "empty";
  dm.info.dct = Dct{2004, 4, 15};
  auto back = ReadDocumentMentionsLine(WriteDocumentMentionsLine(dm));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->info.id, "empty");
  EXPECT_TRUE(back->mentions.empty());
}

TEST(MentionsJsonlTest, AcceptsCrLfAndMinimalMembers) {
  auto back = ReadDocumentMentionsLine(
      R"({"doc":{"id":"a","dct":"2017-04-18"},"mentions":[{"timex":{"begin":1,"end":3,"value":"2017"}}]})"
      "\r\n");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->mentions.size(), 1u);
  EXPECT_EQ(back->mentions[0].doc_id, "a");
  EXPECT_EQ(back->mentions[0].timex.value, "2017");
}

struct BadLine {
  std::string line;
  std::string message;  // a substring of the error
  int64_t byte_offset;  // -1: none expected
};

class MentionsJsonlBadTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(MentionsJsonlBadTest, ReportsWhatAndWhere) {
  auto r = ReadDocumentMentionsLine(GetParam().line);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_NE(r.status().message().find(GetParam().message), std::string::npos)
      << r.status().message();
  if (GetParam().byte_offset >= 0) {
    EXPECT_EQ(r.status().location().byte_offset, GetParam().byte_offset);
  }
}

const char kDoc[] = R"("doc":{"id":"a","dct":"2017-04-18"})";

INSTANTIATE_TEST_SUITE_P(
    Cases, MentionsJsonlBadTest,
    ::testing::Values(
        BadLine{"", "not a JSON object", 0}, BadLine{"{\"doc\": ", "not a JSON object", -1},
        BadLine{"{\"doc\":{\"id\":\"a\",\"dct\":\"2017-04-18\"}}x", "not a JSON object", 37},
        BadLine{"[1,2]", "expected an object", -1},
        BadLine{"{\"mentions\":[]}", "missing member \"doc\"", -1},
        BadLine{"{\"doc\":{\"id\":\"a\"}}", "doc: missing member \"dct\"", -1},
        BadLine{"{\"doc\":{\"id\":\"a\",\"dct\":\"2017-02-31\"}}", "doc.dct", -1},
        BadLine{"{\"doc\":{\"id\":7,\"dct\":\"2017-02-01\"}}", "doc.id: expected a string", -1},
        BadLine{"{\"doc\":{\"id\":\"\xD8\",\"dct\":\"2017-02-01\"}}", "not a JSON object", -1},
        BadLine{std::string("{") + kDoc + ",\"mentions\":{}}", "mentions: expected an array", -1},
        BadLine{std::string("{") + kDoc + ",\"mentions\":[{}]}", "mentions[0]: missing member", -1},
        BadLine{std::string("{") + kDoc +
                    R"(,"mentions":[{"timex":{"begin":1,"end":3,"value":"2017","mod":"SOON"}}]})",
                "mentions[0].timex.mod: unknown TIMEX3 mod \"SOON\"", -1},
        BadLine{std::string("{") + kDoc +
                    R"(,"mentions":[{"timex":{"begin":5,"end":3,"value":"2017"}}]})",
                "mentions[0].timex", -1},
        BadLine{std::string("{") + kDoc +
                    R"(,"mentions":[{"timex":{"begin":1,"end":3,"value":"2017"},"tense":5}]})",
                "mentions[0].tense", -1},
        BadLine{std::string("{") + kDoc +
                    R"(,"mentions":[{"timex":{"begin":1,"end":3,"value":"2017"},"confidence":2}]})",
                "mentions[0].confidence", -1},
        BadLine{std::string("{") + kDoc +
                    R"(,"mentions":[{"timex":{"begin":1,"end":3,"value":"2017","interval":[1]}}]})",
                "mentions[0].timex.interval", -1},
        BadLine{
            std::string("{") + kDoc +
                R"(,"mentions":[{"timex":{"begin":1,"end":3,"value":"2017","anchor":99999999999}}]})",
            "integer out of range", -1}));

// The writer is hand-written for speed; its line must be exactly what nlohmann would print
// for the same members in the same order (what the writer produced before it was
// hand-written): re-parsing and re-dumping the line with nlohmann gives the same bytes.
TEST(WriteDocumentMentionsLineTest, SameBytesAsNlohmannDump) {
  DocumentMentions dm = Sample();
  dm.info.url = std::string("ctl\x01\x1f\x7f \b\f\n\r\t \\ / \"q\" \xF0\x9F\x98\x80") + '\0' + "z";
  dm.info.dct_confidence = 0.1 + 0.2;
  ASSERT_FALSE(dm.mentions.empty());
  dm.mentions[0].confidence = 1e-7;
  dm.mentions.push_back(dm.mentions[0]);
  dm.mentions.back().doc_id = "other";
  dm.mentions.back().dct = Dct{2004, 2, 29};
  dm.mentions.back().confidence = 1.0;
  dm.mentions.back().tokens.clear();
  dm.mentions.back().cues.clear();
  dm.mentions.back().timex.anchor = -1;
  for (double c : {0.0, -0.0, 0.75, 1e20, 123456789.125, 5e-324}) {
    dm.info.dct_confidence = c;
    const std::string line = WriteDocumentMentionsLine(dm);
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\n');
    const auto j = nlohmann::ordered_json::parse(line);
    EXPECT_EQ(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", line) << c;
  }
}

// Strings that are not UTF-8 (only possible through the API) are written as nlohmann writes
// them, with U+FFFD, and the line stays valid JSON.
TEST(WriteDocumentMentionsLineTest, InvalidUtf8IsReplaced) {
  DocumentMentions dm = Sample();
  dm.info.title = "bad \xD8 byte";
  const std::string line = WriteDocumentMentionsLine(dm);
  EXPECT_NE(line.find("bad \xEF\xBF\xBD byte"), std::string::npos) << line;
  EXPECT_TRUE(ReadDocumentMentionsLine(line).ok());
}

// Consecutive mentions of one sentence reuse its escaped bytes; sentences that alternate,
// need escapes, or are not UTF-8 (the DOM fallback) must still give nlohmann's bytes.
TEST(WriteDocumentMentionsLineTest, RepeatedSentencesAreTheSameBytes) {
  const std::string a = "جملة أولى طويلة بما يكفي لتعبر أكثر من كتلة \"مقتبسة\"\n";
  const std::string b = "sentence B\twith a tab, long enough to span two 32-byte blocks";
  for (const std::vector<std::string>& order : {std::vector<std::string>{a, a, b, a, a},
                                                {b, b, b},
                                                {a, "", "", a},
                                                {a, "bad \xD8", "bad \xD8", a}}) {
    DocumentMentions dm = Sample();
    const EventMention m = dm.mentions[0];
    dm.mentions.clear();
    for (const std::string& sentence : order) {
      dm.mentions.push_back(m);
      dm.mentions.back().sentence = sentence;
    }
    const std::string line = WriteDocumentMentionsLine(dm);
    const auto j = nlohmann::ordered_json::parse(line);
    EXPECT_EQ(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", line);
    ASSERT_EQ(j["mentions"].size(), order.size());
  }
}

// WriteDocumentMentionsLineAt (extract's output buffer) writes the same bytes at any offset,
// leaves what is before it alone and ignores what was after it.
TEST(WriteDocumentMentionsLineTest, WritingAtAnOffsetGivesTheSameLine) {
  DocumentMentions good = Sample();
  DocumentMentions bad = Sample();
  bad.info.title = "bad \xD8 byte";  // the DOM fallback
  for (const DocumentMentions* dm : {&good, &bad}) {
    const std::string want = WriteDocumentMentionsLine(*dm);
    for (size_t junk : {0, 1, 100, 100000}) {
      std::string buffer = "prefix" + std::string(junk, '#');
      const size_t end = WriteDocumentMentionsLineAt(*dm, &buffer, 6);
      ASSERT_LE(end, buffer.size());
      EXPECT_EQ(buffer.substr(0, 6), "prefix");
      EXPECT_EQ(buffer.substr(6, end - 6), want) << junk;
      // A second line right after the first.
      const size_t end2 = WriteDocumentMentionsLineAt(*dm, &buffer, end);
      EXPECT_EQ(buffer.substr(end, end2 - end), want);
      EXPECT_EQ(buffer.substr(6, end - 6), want);
    }
  }
}

}  // namespace
}  // namespace tarikh
