// SPDX-License-Identifier: MIT
#include "../../timeline/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

// Every start and every count, on text mixing sequences of one to four bytes long enough
// for the 16-byte blocks: the answer is where decoding code point by code point lands.
TEST(TextTest, AdvanceCodePointsMatchesDecoding) {
  const std::string pieces[] = {"a", " ", "\u0627", "\u0644", "\u20AC", "\U0001F600", "7"};
  std::string text;
  uint32_t r = 12345;
  for (int k = 0; k < 120; ++k) {
    r = r * 1103515245u + 12345u;
    text += pieces[(r >> 16) % 7];
  }
  std::vector<size_t> starts;  // byte offset of each code point, then the end
  for (size_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) starts.push_back(b);
  }
  starts.push_back(text.size());
  const int64_t cps = static_cast<int64_t>(starts.size()) - 1;
  for (int64_t from = 0; from <= cps; ++from) {
    for (int64_t n = 0; from + n <= cps + 2; ++n) {
      const size_t want = starts[static_cast<size_t>(std::min(from + n, cps))];
      ASSERT_EQ(AdvanceCodePoints(text, starts[static_cast<size_t>(from)], n), want)
          << "from code point " << from << ", " << n << " on";
    }
  }
}

TEST(TextTest, DecodeIntoBufferAndFoldChar) {
  const std::string s = "إسلاميّة ـ ٢٠١٤ A😀";
  std::u32string buf(s.size(), U'x');
  const size_t n = DecodeUtf8To(s, buf.data());
  EXPECT_EQ(buf.substr(0, n), DecodeUtf8(s));
  std::u32string folded;
  for (char32_t c : buf.substr(0, n)) {
    if (char32_t f = FoldChar(c)) folded.push_back(f);
  }
  EXPECT_EQ(folded, Fold(buf.substr(0, n)));
}

TEST(TextTest, SplitWordsIntoReplacesTheList) {
  std::u32string t = DecodeUtf8("قال، إن \"داعش\" 2014.");
  std::vector<Word> words = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
  SplitWordsInto(t, 0, static_cast<int64_t>(t.size()), &words);
  const std::vector<Word> expected = SplitWords(t, 0, static_cast<int64_t>(t.size()));
  ASSERT_EQ(words.size(), expected.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(words[i].begin, expected[i].begin);
    EXPECT_EQ(words[i].end, expected[i].end);
  }
}

// MayStartSignal is a pre-test: it may say yes too often, never no for a word that starts
// a signal (with or without و/ف, with harakat or tatweel in front).
TEST(TextTest, MayStartSignalNeverMissesASignal) {
  const Lexicon& lex = Lexicon::Get();
  std::vector<std::u32string> words;
  for (const Signal& s : lex.signals()) {
    for (const std::u32string& w : s.words) {
      words.push_back(w);
      words.push_back(U"\u0648" + w);        // و
      words.push_back(U"\u0641" + w);        // ف
      words.push_back(U"\u0640" + w);        // tatweel
      words.push_back(U"\u0648\u064E" + w);  // وَ
    }
  }
  std::u32string text = DecodeUtf8(
      "وأضافت المجلة أن التحالف بين القاعدة وداعش سيؤخر على الأرجح السلام بسوريا، وبعد ذلك "
      "ثم لاحقا منذ قبل حتى بحلول خلال أثناء إثر عقب فبعد ولاحقا U.S. 2014 ٢٠١٤");
  for (const Word& w : SplitWords(text, 0, static_cast<int64_t>(text.size()))) {
    words.push_back(text.substr(w.begin, w.end - w.begin));
  }
  int said_no = 0;
  for (const std::u32string& raw : words) {
    const std::u32string f = Fold(raw);
    const bool starts =
        lex.SignalsStartingWith(f) || (f.size() > 2 && (f[0] == 0x0648 || f[0] == 0x0641) &&
                                       lex.SignalsStartingWith(lex.StripConjunction(f)));
    if (starts) {
      EXPECT_TRUE(lex.MayStartSignal(raw)) << EncodeUtf8(raw);
    }
    said_no += !lex.MayStartSignal(raw);
  }
  EXPECT_GT(said_no, 0) << "the pre-test must rule some words out";
}

}  // namespace
}  // namespace tarikh::timeline_internal
