// SPDX-License-Identifier: MIT
#include "tarikh/export/timeline_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

// The writer before it streamed: the whole document as an nlohmann DOM, dumped at once.
// The streaming writer must give exactly these bytes (files already written, and tests
// elsewhere, compare timeline.json byte for byte).
std::string DomReference(const Timeline& t) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["schema_version"] = t.schema_version;
  j["title"] = t.title;
  j["documents"] = ordered_json::array();
  for (const DocumentInfo& d : t.documents) {
    ordered_json dj;
    dj["id"] = d.id;
    dj["source"] = d.source;
    dj["title"] = d.title;
    dj["url"] = d.url;
    dj["dct"] = FormatDct(d.dct);
    dj["dct_inferred"] = d.dct_inferred;
    dj["dct_confidence"] = d.dct_confidence;
    dj["timex_count"] = d.timex_count;
    dj["mention_count"] = d.mention_count;
    j["documents"].push_back(std::move(dj));
  }
  j["events"] = ordered_json::array();
  for (const Event& e : t.events) {
    ordered_json ej;
    ej["id"] = e.id;
    ej["value"] = e.value;
    ej["mod"] = std::string(TimexModName(e.mod));
    ej["type"] = std::string(TimexTypeName(e.type));
    ej["granularity"] = std::string(GranularityName(e.granularity));
    ej["display_date"] = e.display_date;
    ej["earliest_start"] = e.earliest_start;
    ej["latest_start"] = e.latest_start;
    ej["earliest_end"] = e.earliest_end;
    ej["latest_end"] = e.latest_end;
    ej["headline"] = e.headline;
    ej["sentence"] = e.sentence;
    ej["sources"] = ordered_json::array();
    for (const SourceRef& s : e.sources) {
      ordered_json sj;
      sj["doc_id"] = s.doc_id;
      sj["sentence_begin"] = s.sentence_begin;
      sj["sentence_end"] = s.sentence_end;
      sj["timex_begin"] = s.timex_begin;
      sj["timex_end"] = s.timex_end;
      sj["timex_text"] = s.timex_text;
      sj["timex_value"] = s.timex_value;
      ej["sources"].push_back(std::move(sj));
    }
    ej["confidence"] = e.confidence;
    j["events"].push_back(std::move(ej));
  }
  j["relations"] = ordered_json::array();
  for (const Relation& r : t.relations) {
    j["relations"].push_back(
        {{"from", r.from}, {"to", r.to}, {"kind", std::string(RelationKindName(r.kind))}});
  }
  j["warnings"] = ordered_json::array();
  for (const TimelineWarning& w : t.warnings) {
    j["warnings"].push_back({{"doc_id", w.doc_id}, {"offset", w.offset}, {"message", w.message}});
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Strings that exercise every escaping rule: quotes, backslash, each control character,
// DEL, slash, Arabic, and invalid UTF-8 of every kind (lone continuation, truncated
// sequences at the end and in the middle, overlong, surrogate, above U+10FFFF, F5..FF).
std::vector<std::string> TrickyStrings() {
  std::vector<std::string> v = {"",
                                "plain",
                                "\"quoted\" \\back\\slash/ and \x7f",
                                "بدء معركة الموصل",
                                "tab\there\nnew\rcr\bbs\fff",
                                "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8",
                                "lone \x80 continuation",
                                "truncated at end \xD8",
                                "truncated \xE2\x82 in middle",
                                "overlong \xC0\xAF and \xE0\x80\xAF",
                                "surrogate \xED\xA0\x80 here",
                                "above \xF4\x90\x80\x80 max",
                                "bytes \xF5\xFF\xFE end",
                                "\xD9\x85\xD8"};
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  v.push_back(controls);
  return v;
}

Timeline TrickyTimeline() {
  Timeline t = SampleTimeline();
  const std::vector<std::string> strings = TrickyStrings();
  const double confidences[] = {0.0, 1.0, 0.1, 0.99, 1.0 / 3.0, 1e-7, 0.85, 0.5, 0.75000001};
  for (size_t i = 0; i < strings.size(); ++i) {
    Event e = t.events[i % t.events.size()];
    e.id = "x" + std::to_string(i);
    e.headline = strings[i];
    e.sentence = strings[(i + 3) % strings.size()];
    e.display_date = strings[(i + 5) % strings.size()];
    e.confidence = confidences[i % std::size(confidences)];
    if (i % 3 == 0) e.sources.clear();
    for (SourceRef& s : e.sources) {
      s.timex_text = strings[(i + 1) % strings.size()];
      s.doc_id = strings[(i + 2) % strings.size()];
      s.sentence_begin = -1 - static_cast<int64_t>(i);
      s.timex_end = INT64_MAX - static_cast<int64_t>(i);
    }
    t.events.push_back(e);
    t.relations.push_back({e.id, strings[i], static_cast<Relation::Kind>(i % 3)});
    t.warnings.push_back({strings[i], INT64_MIN + static_cast<int64_t>(i), strings[i]});
    DocumentInfo d = t.documents[0];
    d.id = strings[i];
    d.title = strings[(i + 7) % strings.size()];
    d.dct_confidence = confidences[(i + 4) % std::size(confidences)];
    d.timex_count = -static_cast<int>(i);
    t.documents.push_back(d);
  }
  t.title = strings[4];
  return t;
}

TEST(TimelineJsonTest, StreamedBytesEqualTheDomWriter) {
  for (const Timeline& t : {SampleTimeline(), TrickyTimeline(), Timeline()}) {
    EXPECT_EQ(WriteTimelineJson(t), DomReference(t));
  }
}

// The same timeline seen as a TimelineSource (events made one at a time), written through a
// sink that records its chunks.
class CopyingSource : public TimelineSource {
 public:
  explicit CopyingSource(Timeline t) : t_(std::move(t)) {}
  const Timeline& header() const override { return t_; }
  size_t num_events() const override { return t_.events.size(); }
  void GetEvent(size_t i, Event* e) const override { *e = t_.events[i]; }
  size_t num_relations() const override { return t_.relations.size(); }
  void GetRelation(size_t i, Relation* r) const override { *r = t_.relations[i]; }

 private:
  Timeline t_;
};

TEST(TimelineJsonTest, SinkReceivesTheSameBytesInChunks) {
  Timeline big = TrickyTimeline();
  // Enough events for several 64 KiB chunks.
  const size_t distinct = big.events.size();
  while (big.events.size() < 3000) big.events.push_back(big.events[big.events.size() % distinct]);
  const std::string whole = WriteTimelineJson(big);
  ASSERT_EQ(whole, DomReference(big));
  for (int via_source = 0; via_source < 2; ++via_source) {
    std::vector<std::string> chunks;
    auto sink = [&](std::string_view c) {
      chunks.emplace_back(c);
      return Status::Ok();
    };
    Status st =
        via_source ? WriteTimelineJson(CopyingSource(big), sink) : WriteTimelineJson(big, sink);
    ASSERT_TRUE(st.ok()) << st.ToString();
    EXPECT_GT(chunks.size(), 2u);
    std::string joined;
    for (const std::string& c : chunks) {
      EXPECT_FALSE(c.empty());
      joined += c;
    }
    EXPECT_EQ(joined, whole) << "via_source=" << via_source;
  }
}

TEST(TimelineJsonTest, SinkErrorStopsTheWriter) {
  Timeline big = SampleTimeline();
  while (big.events.size() < 3000) big.events.push_back(big.events[0]);
  int calls = 0;
  Status st = WriteTimelineJson(big, [&](std::string_view) {
    ++calls;
    return Status::IoError("disk full");
  });
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(calls, 1);
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
