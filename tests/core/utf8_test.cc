// SPDX-License-Identifier: MIT
#include "tarikh/core/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace tarikh {
namespace {

struct Utf8Case {
  std::string bytes;
  int64_t bad_offset;  // -1 = valid
};

class ValidateUtf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(ValidateUtf8Test, ReportsFirstBadByte) {
  Status st = ValidateUtf8(GetParam().bytes, 100);
  if (GetParam().bad_offset < 0) {
    EXPECT_TRUE(st.ok()) << st.ToString();
  } else {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.code(), StatusCode::kInvalidUtf8);
    EXPECT_EQ(st.location().byte_offset, 100 + GetParam().bad_offset);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidateUtf8Test,
                         ::testing::Values(Utf8Case{"", -1}, Utf8Case{"plain ascii text", -1},
                                           Utf8Case{"\xd8\xb9\xd8\xa7\xd9\x85 2014",
                                                    -1},                     // عام 2014
                                           Utf8Case{"abc\xff", 3},           // stray byte
                                           Utf8Case{"abcdefghij\xd8", 10},   // truncated at end
                                           Utf8Case{"\xd8\x41", 0},          // bad continuation
                                           Utf8Case{"\xc0\xaf", 0},          // overlong '/'
                                           Utf8Case{"ok \xed\xa0\x80", 3},   // surrogate
                                           Utf8Case{"\xf4\x90\x80\x80", 0},  // > U+10FFFF
                                           Utf8Case{"\xf0\x9f\x98\x80 emoji", -1},
                                           // Arabic letters and spaces, then a problem: the
                                           // two-byte fast loop hands over at the right byte.
                                           Utf8Case{"\xd8\xb9 \xd8\xa7\xd9\x85\xd8", 7},
                                           Utf8Case{"\xd8\xb9 \xd8\xa7\xd9 x", 5},
                                           Utf8Case{"\xd8\xb9 \xc1\xbf", 3},  // overlong
                                           Utf8Case{"\xd8\xb9 \xe2\x80\x8f\xd8\xa7", -1}));

TEST(Utf8, NulAndCount) {
  EXPECT_EQ(FindNul(std::string("ab\0c", 4)), 2);
  EXPECT_EQ(FindNul("abc"), -1);
  EXPECT_EQ(CountCodePoints("\xd8\xb9\xd8\xa7\xd9\x85"), 3);
}

TEST(Utf8, AppendUtf8EncodesEveryLengthAndRoundTrips) {
  std::string out;
  for (char32_t c : {U'a', U'\u0639', U'\u20ac', U'\U0001F600', U'\u007f', U'\u0080', U'\u07ff',
                     U'\u0800', U'\uffff', U'\U00010000', U'\U0010FFFF'}) {
    AppendUtf8(&out, c);
  }
  EXPECT_EQ(out.substr(0, 10), "a\xd8\xb9\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_TRUE(ValidateUtf8(out).ok());
  EXPECT_EQ(CountCodePoints(out), 11);
}

}  // namespace
}  // namespace tarikh

namespace tarikh {
namespace {

TEST(Utf8, LocateByteOffsetCountsLinesAndCodePointsAndClamps) {
  const std::string text = "\xd8\xb9\xd8\xa7\xd9\x85\nab";  // "عام\nab"
  Location loc = LocateByteOffset(text, 8);                 // 'b'
  EXPECT_EQ(loc.line, 2);
  EXPECT_EQ(loc.column, 2);
  EXPECT_EQ(loc.byte_offset, 8);
  loc = LocateByteOffset(text, 4);  // inside the first line, after two letters
  EXPECT_EQ(loc.line, 1);
  EXPECT_EQ(loc.column, 3);
  // Out-of-range offsets (a parser reporting past the end) are clamped into the input.
  EXPECT_EQ(LocateByteOffset(text, 1000).byte_offset, static_cast<int64_t>(text.size()));
  EXPECT_EQ(LocateByteOffset(text, -5).byte_offset, 0);
}

// A plain one-character-at-a-time validator (the definition of well-formed UTF-8): the offset
// of the first bad byte, or -1. ValidateUtf8 checks eight bytes at a time where it can; both
// must agree on every input.
int64_t FirstBadByte(const std::string& t) {
  size_t i = 0;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    size_t len = c < 0x80             ? 1
                 : (c & 0xE0) == 0xC0 ? 2
                 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4
                                      : 0;
    if (len == 0 || i + len > t.size()) return static_cast<int64_t>(i);
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(t[i + k]);
      if ((d & 0xC0) != 0x80) return static_cast<int64_t>(i);
      cp = (cp << 6) | (d & 0x3F);
    }
    const uint32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return static_cast<int64_t>(i);
    }
    i += len;
  }
  return -1;
}

TEST(Utf8, BlockValidationAgreesWithOneCharacterAtATime) {
  // Mostly Arabic letters and spaces (the sixteen- and eight-byte paths), with every kind of
  // problem and of longer character placed at random offsets, so each lands at every position
  // of a block.
  const std::vector<std::string> pieces = {"\xd8\xb9",
                                           "\xd9\x85",
                                           "\xd8\xa7",
                                           " ",
                                           "a",
                                           "\n",
                                           "7",
                                           "\xc2\xa0",
                                           "\xdf\xbf",
                                           "\xe2\x80\x9c",
                                           "\xf0\x9f\x98\x80",
                                           "\xc0\xaf",
                                           "\xc1\x81",
                                           "\x80",
                                           "\xbf",
                                           "\xd8",
                                           "\xe2\x80",
                                           "\xed\xa0\x80",
                                           "\xf4\x90\x80\x80",
                                           "\xff",
                                           "\xf8",
                                           "\xe0\x80\x80"};
  std::mt19937 rng(20261122);
  for (int round = 0; round < 20000; ++round) {
    std::string t;
    const int len = static_cast<int>(rng() % 60);
    for (int k = 0; k < len; ++k) {
      // Nine in ten pieces are letters or spaces, the rest anything.
      const size_t pick = rng() % 10 < 9 ? rng() % 5 : rng() % pieces.size();
      t += pieces[pick];
    }
    const Status st = ValidateUtf8(t, 7);
    const int64_t want = FirstBadByte(t);
    if (want < 0) {
      ASSERT_TRUE(st.ok()) << st.ToString();
    } else {
      ASSERT_FALSE(st.ok());
      ASSERT_EQ(st.location().byte_offset, 7 + want);
    }
  }
}

}  // namespace
}  // namespace tarikh
