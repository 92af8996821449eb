// SPDX-License-Identifier: MIT
#include "tarikh/export/documents_jsonl.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "json_utf8.h"

namespace tarikh {
namespace {

TEST(ReadDocumentLineTest, AllMembers) {
  auto doc = ReadDocumentLine(
      R"({"id": "a1", "text": "نص الخبر", "dct": "2017-04-18", "source": "s", "title": "t",)"
      R"( "url": "http://x", "extra": {"nested": [1, 2.5e3, true, null]}})"
      "\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "a1");
  EXPECT_EQ(doc->text, "نص الخبر");
  ASSERT_TRUE(doc->dct.has_value());
  EXPECT_EQ(doc->dct->year, 2017);
  EXPECT_EQ(doc->dct->day, 18);
  EXPECT_EQ(doc->source, "s");
  EXPECT_EQ(doc->title, "t");
  EXPECT_EQ(doc->url, "http://x");
}

TEST(ReadDocumentLineTest, OptionalMembersAndNull) {
  auto doc = ReadDocumentLine(R"({"text":"x","id":"b","dct":null,"source":null})");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_FALSE(doc->dct.has_value());
  EXPECT_EQ(doc->source, "");
}

TEST(ReadDocumentLineTest, EscapesDecodeLikeNlohmann) {
  const std::string line =
      R"({"id":"\u0069d","text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u0627\ud83d\ude00 \u0000z"})";
  auto doc = ReadDocumentLine(line);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const auto j = nlohmann::json::parse(line);
  EXPECT_EQ(doc->id, j["id"].get<std::string>());
  EXPECT_EQ(doc->text, j["text"].get<std::string>());
  EXPECT_EQ(doc->text.size(), j["text"].get<std::string>().size());  // the NUL is kept
}

TEST(ReadDocumentLineTest, EscapedKeyAndLastDuplicateWins) {
  auto doc = ReadDocumentLine(R"({"id":1,"\u0074ext":"x","id":"c"})");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "c");
  EXPECT_EQ(doc->text, "x");
}

TEST(ReadDocumentLineTest, ByteOrderMarkAndCrlf) {
  auto doc = ReadDocumentLine("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "a");
}

// The error and its byte offset inside the line.
struct BadLine {
  std::string line;
  int64_t offset;
  std::string message_part;
  StatusCode code = StatusCode::kParseError;
};

class ReadDocumentLineErrorTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(ReadDocumentLineErrorTest, ErrorAndOffset) {
  const BadLine& b = GetParam();
  auto doc = ReadDocumentLine(b.line);
  ASSERT_FALSE(doc.ok()) << b.line;
  EXPECT_EQ(doc.status().code(), b.code) << doc.status().ToString();
  EXPECT_EQ(doc.status().location().byte_offset, b.offset) << doc.status().ToString();
  EXPECT_NE(doc.status().message().find(b.message_part), std::string::npos)
      << doc.status().ToString();
  // Whatever nlohmann says about the syntax, the reader agrees, except that nlohmann stops
  // at a NUL byte after the value (it takes NUL for the end of the input; RFC 8259 does not).
  if (b.line.find('\0') == std::string::npos) {
    const bool json_ok = nlohmann::json::accept(b.line);
    EXPECT_EQ(json_ok, b.message_part.find("not JSON") == std::string::npos) << b.line;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ReadDocumentLineErrorTest,
    ::testing::Values(
        BadLine{"not json", 0, "not JSON"}, BadLine{"", 0, "not JSON"},
        BadLine{"[1, 2]", 0, "expected a JSON object"},
        BadLine{R"({"id":"a","text":[1]})", 17, "text: expected a string"},
        BadLine{R"({"id":"a"})", 0, "missing member \"text\""},
        BadLine{R"( {"text":"x"})", 1, "missing member \"id\""},
        BadLine{R"({"id":"","text":"x"})", 6, "id: must not be empty"},
        BadLine{R"({"id":"a","text":"x","dct":"2017-02-31"})", 27, "dct:"},
        BadLine{"{\"id\":\"a\",\"text\":\"\xD8\"}", 18, "not JSON: invalid UTF-8",
                StatusCode::kInvalidUtf8},
        BadLine{"{\"id\":\"a\",\"text\":\"\xED\xA0\x80\"}", 18, "not JSON: invalid UTF-8",
                StatusCode::kInvalidUtf8},  // an encoded surrogate
        BadLine{"{\"id\":\"a\",\"text\":\"\xC0\xAF\"}", 18, "not JSON: invalid UTF-8",
                StatusCode::kInvalidUtf8},  // overlong
        BadLine{"{\"id\":\"a\",\"text\":\"a\tb\"}", 19, "not JSON: control character"},
        BadLine{R"({"id":"a","text":"\ud800"})", 18, "not JSON: high surrogate"},
        BadLine{R"({"id":"a","text":"\ud800\u0041"})", 18, "not JSON: high surrogate"},
        BadLine{R"({"id":"a","text":"\udc00"})", 18, "not JSON: lone low surrogate"},
        BadLine{R"({"id":"a","text":"\x41"})", 18, "not JSON: invalid escape"},
        BadLine{R"({"id":"a","text":"\u12"})", 18, "not JSON: \\u must be"},
        BadLine{R"({"id":"a","text":"x")", 20, "not JSON: expected ',' or '}'"},
        BadLine{R"({"id":"a","text":"x"} x)", 22, "not JSON: unexpected content"},
        BadLine{R"({"id":"a","text":"x","n":01})", 26, "not JSON"},
        BadLine{R"({"id":"a","text":"x","n":-})", 26, "not JSON: invalid number"},
        BadLine{R"({"id":"a","text":"x","n":1.})", 27, "not JSON: invalid number"},
        BadLine{R"({"id":"a","text":"x","n":[1,]})", 28, "not JSON: expected a value"},
        BadLine{R"({"id":"a","text":"x","n":tru})", 25, "not JSON: expected a value"},
        BadLine{R"({"id":"a","text":"x",})", 21, "not JSON: expected a string"},
        BadLine{std::string("{\"id\":\"a\",\"text\":\"x\"}\0", 22), 21,
                "not JSON: unexpected content"},
        // A type error after the syntax error: the syntax error is reported.
        BadLine{R"({"id":1,"text":"x",)", 19, "not JSON"}));

TEST(ReadDocumentLineTest, NumberBeyondADoubleInIgnoredMember) {
  // RFC 8259 leaves the range of numbers to the implementation; a member tarikh does not read
  // is skipped whatever its magnitude (nlohmann, the fuzz oracle, refuses it).
  auto doc = ReadDocumentLine(R"({"id":"a","text":"x","n":[1,-2.5e+31999,1e-99999]})");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "a");
  EXPECT_EQ(doc->text, "x");
  EXPECT_FALSE(ReadDocumentLine(R"({"id":"a","text":"x","n":-2.5e+})").ok());
}

TEST(ReadDocumentLineTest, DeepNestingInIgnoredMember) {
  std::string line = R"({"id":"a","text":"x","deep":)";
  line += std::string(100000, '[') + std::string(100000, ']') + "}";
  auto doc = ReadDocumentLine(line);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  line.insert(line.size() - 2, ",");  // [...,]
  EXPECT_FALSE(ReadDocumentLine(line).ok());
}

// The text member's runs are scanned in 32- and 8-byte blocks (json_utf8.h); the sweeps
// below put an escape, a raw control character or a bad UTF-8 sequence at every position of
// texts of every length around those blocks, and check the decoded text against nlohmann and
// each error's offset against the first bad character found walking from the start.
std::vector<std::string> SweepTexts() {
  std::vector<std::string> texts;
  for (size_t size : {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 34, 63, 64, 65, 100}) {
    for (std::string_view piece : {"a", "\xD8\xA8", "\xD9\x85 ", "\xE2\x80\xA8"}) {
      std::string t;
      while (t.size() + piece.size() <= size) t += piece;
      texts.push_back(t);
    }
  }
  return texts;
}

std::string DocLine(std::string_view text) {
  return "{\"id\":\"x\",\"text\":\"" + std::string(text) + "\",\"n\":1}";
}
constexpr size_t kTextAt = 18;  // offset of the text in DocLine

TEST(ReadDocumentLineTest, EscapesAtEveryPositionDecodeLikeNlohmann) {
  const std::vector<std::string> escapes = {"\\n",     "\\\"",    "\\\\",    "\\/",
                                            "\\u0628", "\\u001f", "\\u0000", "\\ud83d\\ude00"};
  for (const std::string& base : SweepTexts()) {
    for (const std::string& e : escapes) {
      for (size_t pos = 0; pos <= base.size(); ++pos) {
        // Both escapes and the text split mid-character are tried; nlohmann decides.
        const std::string line = DocLine(base.substr(0, pos) + e + base.substr(pos));
        auto doc = ReadDocumentLine(line);
        if (!nlohmann::json::accept(line)) {
          EXPECT_FALSE(doc.ok()) << line;
          continue;
        }
        ASSERT_TRUE(doc.ok()) << line << " " << doc.status().ToString();
        EXPECT_EQ(doc->text, nlohmann::json::parse(line)["text"].get<std::string>()) << line;
      }
    }
  }
}

TEST(ReadDocumentLineTest, BadBytesAtEveryPositionAreReportedWhereTheyAre) {
  const std::vector<std::string> bads = {
      "\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xB0\x80", "\xF4\x90\x80\x80",
      "\xFF", "\xD8",     "\x01",         "\x1F",         "\n"};
  for (const std::string& base : SweepTexts()) {
    for (const std::string& bad : bads) {
      for (size_t pos = 0; pos <= base.size(); ++pos) {
        const std::string text = base.substr(0, pos) + bad + base.substr(pos);
        // The first bad character walking from the start (inserted inside a character, the
        // bad sequence can start at that character's lead, or later).
        size_t at = 0;
        bool utf8_error = false;
        while (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x20) {
          const size_t len = export_internal::Utf8SequenceLength(text, at);
          if (len == 0) {
            utf8_error = true;
            break;
          }
          at += len;
        }
        ASSERT_LT(at, text.size());
        const std::string line = DocLine(text);
        auto doc = ReadDocumentLine(line);
        ASSERT_FALSE(doc.ok()) << line;
        EXPECT_EQ(doc.status().location().byte_offset, static_cast<int64_t>(kTextAt + at))
            << testing::PrintToString(line);
        EXPECT_EQ(doc.status().code(),
                  utf8_error ? StatusCode::kInvalidUtf8 : StatusCode::kParseError)
            << testing::PrintToString(line);
        EXPECT_NE(doc.status().message().find(utf8_error ? "invalid UTF-8" : "control character"),
                  std::string::npos)
            << doc.status().ToString();
      }
    }
  }
}

TEST(ReadDocumentLineTest, UnterminatedAndTruncatedEscapesAfterLongRuns) {
  for (size_t size : {0, 7, 8, 31, 32, 33, 40}) {
    std::string text;
    while (text.size() + 2 <= size) text += "\xD8\xA8";
    const std::string head = "{\"id\":\"x\",\"text\":\"" + text;
    for (std::string_view tail : {"", "\\", "\\u00", "\\ud83d", "\\ud83d\\u", "\xD8"}) {
      const std::string line = head + std::string(tail);
      auto doc = ReadDocumentLine(line);
      ASSERT_FALSE(doc.ok()) << line;
      const std::string& msg = doc.status().message();
      if (tail == "\xD8") {
        EXPECT_EQ(doc.status().code(), StatusCode::kInvalidUtf8);
        EXPECT_EQ(doc.status().location().byte_offset, static_cast<int64_t>(head.size()));
      } else if (tail.empty() || tail == "\\") {
        EXPECT_NE(msg.find("unterminated string"), std::string::npos) << msg;
        EXPECT_EQ(doc.status().location().byte_offset, static_cast<int64_t>(line.size()));
      } else {
        EXPECT_EQ(doc.status().location().byte_offset, static_cast<int64_t>(head.size())) << msg;
      }
    }
  }
}

TEST(ReadManifestTest, EntriesDefaultsAndErrors) {
  const std::string text =
      "{\"title\": \"ignored\", \"documents\": [\n"
      "  {\"file\": \"text/a.txt\", \"dct\": \"2017-04-18\", \"source\": \"S\"},\n"
      "  {\"file\": \"b.txt\", \"id\": \"bee\", \"title\": 5},\n"
      "  {\"dct\": \"2017-04-18\"},\n"
      "  {\"file\": \"c.txt\", \"dct\": \"2017-02-31\"},\n"
      "  {\"file\": \"d.txt\", \"dct\": null},\n"
      "  \"e.txt\"\n"
      "]}\n";
  auto m = ReadManifest(text);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->entries.size(), 2u);
  EXPECT_EQ(m->entries[0].file, "text/a.txt");
  EXPECT_EQ(m->entries[0].doc.id, "a");
  EXPECT_EQ(m->entries[0].doc.source, "S");
  ASSERT_TRUE(m->entries[0].doc.dct.has_value());
  EXPECT_EQ(m->entries[0].byte_offset, static_cast<int64_t>(text.find("{\"file\": \"text")));
  EXPECT_EQ(m->entries[1].doc.id, "bee");
  EXPECT_EQ(m->entries[1].doc.title, "");
  EXPECT_FALSE(m->entries[1].doc.dct.has_value());
  ASSERT_EQ(m->errors.size(), 4u);
  EXPECT_NE(m->errors[0].message().find("documents[2]: missing \"file\""), std::string::npos);
  EXPECT_EQ(m->errors[0].location().byte_offset,
            static_cast<int64_t>(text.find("{\"dct\": \"2017-04-18\"}")));
  EXPECT_NE(m->errors[1].message().find("documents[3].dct:"), std::string::npos);
  EXPECT_EQ(m->errors[1].location().byte_offset, static_cast<int64_t>(text.find("\"2017-02-31")));
  EXPECT_NE(m->errors[2].message().find("documents[4].dct: expected a date"), std::string::npos);
  EXPECT_NE(m->errors[3].message().find("documents[5]"), std::string::npos);
}

TEST(ReadManifestTest, BareArrayAndNotAManifest) {
  auto m = ReadManifest(R"([{"file": "a.txt"}])");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->entries.size(), 1u);
  EXPECT_FALSE(ReadManifest(R"({"docs": []})").ok());
  EXPECT_FALSE(ReadManifest(R"({"documents": {}})").ok());
  auto bad = ReadManifest("documents:\n  - a.txt\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().location().byte_offset, 0);
  auto truncated = ReadManifest(R"({"documents": [{"file": "a.txt"})");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("not JSON"), std::string::npos);
}

// Found by fuzz_documents: a file path with no name in it ("text/") gave an empty id.
TEST(ReadManifestTest, FileWithoutANameNeedsAnId) {
  const std::string text = R"({"documents": [{"file": "text/"}, {"file": "b.txt"},
                                             {"file": "dir/", "id": "d"}]})";
  auto m = ReadManifest(text);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->entries.size(), 2u);
  EXPECT_EQ(m->entries[0].doc.id, "b");
  EXPECT_EQ(m->entries[1].doc.id, "d");
  ASSERT_EQ(m->errors.size(), 1u);
  EXPECT_NE(m->errors[0].message().find("documents[0].file: no document id"), std::string::npos)
      << m->errors[0].message();
  EXPECT_EQ(m->errors[0].location().byte_offset, static_cast<int64_t>(text.find("\"text/\"")));
}

}  // namespace
}  // namespace tarikh
