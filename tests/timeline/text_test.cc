// SPDX-License-Identifier: MIT
#include "../../timeline/text.h"

#include <gtest/gtest.h>

namespace tarikh::timeline_internal {
namespace {

std::string StemOf(const std::string& word) {
  const Lexicon& lex = Lexicon::Get();
  return EncodeUtf8(lex.Stem(Fold(DecodeUtf8(word))));
}

TEST(TextTest, Utf8RoundTrip) {
  std::string s = "تشرين الأول / أكتوبر 2016 😀";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
}

TEST(TextTest, FoldRemovesHarakatAndUnifiesLetters) {
  EXPECT_EQ(EncodeUtf8(Fold(DecodeUtf8("المجنَدين"))), "المجندين");
  EXPECT_EQ(EncodeUtf8(Fold(DecodeUtf8("إسلاميّة"))), "اسلاميه");
  EXPECT_EQ(EncodeUtf8(Fold(DecodeUtf8("٢٠١٤"))), "2014");
}

TEST(TextTest, StemStripsOneCliticAndOneSuffix) {
  EXPECT_EQ(StemOf("والتمويل"), "تمويل");
  EXPECT_EQ(StemOf("التنظيمين"), StemOf("التنظيمان"));
  EXPECT_EQ(StemOf("بالموصل"), "موصل");
  EXPECT_EQ(StemOf("ولد"), "ولد") << "too short to strip";
}

TEST(TextTest, StopwordsWithClitics) {
  const Lexicon& lex = Lexicon::Get();
  EXPECT_TRUE(lex.IsStopword(Fold(DecodeUtf8("وفي"))));
  EXPECT_TRUE(lex.IsStopword(Fold(DecodeUtf8("على"))));
  EXPECT_FALSE(lex.IsStopword(Fold(DecodeUtf8("الموصل"))));
}

TEST(TextTest, FutureMarkers) {
  const Lexicon& lex = Lexicon::Get();
  EXPECT_TRUE(lex.IsFutureMarker(Fold(DecodeUtf8("سيتحدان"))));
  EXPECT_TRUE(lex.IsFutureMarker(Fold(DecodeUtf8("سوف"))));
  EXPECT_FALSE(lex.IsFutureMarker(Fold(DecodeUtf8("سيطرة"))));
  EXPECT_FALSE(lex.IsFutureMarker(Fold(DecodeUtf8("سنوات"))));
}

TEST(TextTest, SignalsAndConceptsAreLoaded) {
  const Lexicon& lex = Lexicon::Get();
  EXPECT_FALSE(lex.signals().empty());
  EXPECT_EQ(lex.Concept(lex.Stem(Fold(DecodeUtf8("القتال")))), "conflict");
  EXPECT_EQ(lex.Concept(lex.Stem(Fold(DecodeUtf8("معركة")))), "conflict");
  EXPECT_EQ(lex.Concept(lex.Stem(Fold(DecodeUtf8("الموصل")))), "");
}

TEST(TextTest, WordsAndDelimiters) {
  std::u32string t = DecodeUtf8("قال، إن \"داعش\" 2014.");
  auto w = SplitWords(t, 0, static_cast<int64_t>(t.size()));
  ASSERT_EQ(w.size(), 4u);
  EXPECT_TRUE(IsClauseDelimiter(t[3]));
}

}  // namespace
}  // namespace tarikh::timeline_internal
