// SPDX-License-Identifier: MIT
// The JSON string scan shared by the document reader and the mention writer (json_utf8.h):
// its block and eight-byte fast paths against nlohmann::json and a character-by-character
// walk, with every special byte and every kind of bad UTF-8 at every position relative to
// the 8- and 32-byte blocks.
#include "json_utf8.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tarikh::export_internal {
namespace {

// Strings of about `size` bytes made of one kind of character (the fast paths take ASCII and
// two-byte sequences in blocks; the others go one by one and must hand back at a boundary).
std::vector<std::string> Bases(size_t size) {
  const std::vector<std::string> pieces = {
      "a",                 // ASCII
      "\xD8\xA8",          // ب: two bytes
      "\xD8\xA8 ",         // Arabic words
      "\xE2\x82\xAC",      // €: three bytes
      "\xF0\x9F\x98\x80",  // four bytes
      "\x7F",              // DEL: not escaped
  };
  std::vector<std::string> out;
  for (const std::string& p : pieces) {
    std::string s;
    while (s.size() + p.size() <= size) s += p;
    out.push_back(s);
  }
  // Arabic with one three-byte character part way.
  std::string mixed;
  while (mixed.size() + 2 <= size) {
    mixed += mixed.size() == 20 ? "\xE2\x80\xA8" : "\xD9\x85";
  }
  out.push_back(mixed);
  return out;
}

// Bytes inserted at every position: the escaped ones, and bytes that are not UTF-8 there.
const std::vector<std::string>& Inserts() {
  static const std::vector<std::string> kInserts = {
      "\"",
      "\\",
      "\n",
      "\t",
      "\b",
      "\f",
      "\r",
      std::string(1, '\0'),
      "\x01",
      "\x1F",
      "\x80",              // continuation without a lead
      "\xC0\x80",          // overlong
      "\xC1\xBF",          // overlong
      "\xD8",              // lead without its continuation
      "\xE0\x80\x80",      // overlong three-byte
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5",
      "\xFF",
      "\xE2\x82",  // truncated three-byte
  };
  return kInserts;
}

// Sizes around the 8- and 32-byte blocks.
std::vector<size_t> Sizes() {
  std::vector<size_t> sizes;
  for (size_t n = 0; n <= 40; ++n) sizes.push_back(n);
  for (size_t n : {63, 64, 65, 66, 95, 96, 97, 130}) sizes.push_back(n);
  return sizes;
}

// What ScanJsonRun must return: the first special byte or bad sequence from `from`, walking
// character by character.
size_t SlowScan(std::string_view s, size_t from, bool* bad) {
  for (size_t p = from; p < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[p]);
    if (c < 0x20 || c == '"' || c == '\\') return p;
    const size_t len = Utf8SequenceLength(s, p);
    if (len == 0) {
      *bad = true;
      return p;
    }
    p += len;
  }
  return s.size();
}

// Runs `check(s)` on every base string with every insert at every byte position.
template <typename F>
void ForEachString(F check) {
  for (size_t size : Sizes()) {
    for (const std::string& base : Bases(size)) {
      check(base);
      for (const std::string& ins : Inserts()) {
        for (size_t pos = 0; pos <= base.size(); ++pos) {
          check(base.substr(0, pos) + ins + base.substr(pos));
        }
      }
    }
  }
}

TEST(ScanJsonRunTest, StopsWhereTheCharacterWalkStops) {
  int cases = 0;
  ForEachString([&](const std::string& s) {
    // From 0 (no byte before: eight-byte steps first) and after a quote inside a bigger
    // buffer (blocks from the start), and copying.
    const std::string quoted = "\"" + s;
    bool want_bad = false;
    const size_t want = SlowScan(s, 0, &want_bad);
    bool bad = false;
    EXPECT_EQ(ScanJsonRun(s, 0, &bad), want) << testing::PrintToString(s);
    EXPECT_EQ(bad, want_bad) << testing::PrintToString(s);
    bad = false;
    EXPECT_EQ(ScanJsonRun(quoted, 1, &bad), want + 1) << testing::PrintToString(s);
    EXPECT_EQ(bad, want_bad) << testing::PrintToString(s);
    std::string copy(s.size() + 8, '?');
    bad = false;
    const size_t end = ScanJsonRun<true>(s, 0, &bad, copy.data());
    EXPECT_EQ(copy.substr(0, end), s.substr(0, end)) << testing::PrintToString(s);
    ++cases;
  });
  EXPECT_GT(cases, 100000);
}

TEST(AppendJsonStringTest, MatchesNlohmannDumpAndRejectsWhatItRejects) {
  ForEachString([](const std::string& s) {
    std::string want;
    bool want_ok = true;
    try {
      want = nlohmann::json(s).dump();
    } catch (const nlohmann::json::exception&) {
      want_ok = false;  // not UTF-8
    }
    std::string got = "prefix";
    const bool ok = AppendJsonString(&got, s);
    EXPECT_EQ(ok, want_ok) << testing::PrintToString(s);
    if (ok && want_ok) {
      EXPECT_EQ(got, "prefix" + want) << testing::PrintToString(s);
    }
    if (!ok) {
      EXPECT_EQ(got, "prefix");
    }
  });
}

TEST(AppendJsonStringTest, EveryControlCharacterAndEmpty) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string s = "\xD8\xA8" + std::string(1, static_cast<char>(c)) + "x";
    std::string got;
    ASSERT_TRUE(AppendJsonString(&got, s));
    EXPECT_EQ(got, nlohmann::json(s).dump()) << c;
  }
  std::string got;
  EXPECT_TRUE(AppendJsonString(&got, std::string_view()));
  EXPECT_EQ(got, "\"\"");
}

TEST(WriteJsonStringTest, StaysInsideItsBound) {
  // Every byte escaped to six: the bound is met exactly but for the slack, which the word
  // stores may use and the result never includes.
  const std::string s(50, '\x01');
  std::string buf(JsonStringBound(s.size()), '#');
  const char* end = WriteJsonString(buf.data(), s);
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(static_cast<size_t>(end - buf.data()), 6 * s.size() + 2);
  EXPECT_EQ(std::string(buf.data(), static_cast<size_t>(end - buf.data())),
            nlohmann::json(s).dump());
}

}  // namespace
}  // namespace tarikh::export_internal
