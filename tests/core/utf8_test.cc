// SPDX-License-Identifier: MIT
#include "tarikh/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace tarikh
