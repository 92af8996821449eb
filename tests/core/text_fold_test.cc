// SPDX-License-Identifier: MIT
#include "text_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace tarikh::internal {
namespace {

TEST(FoldStringTest, FoldsAlefTaMarbutaYaAndDropsMarks) {
  EXPECT_EQ(FoldString("أكتوبر"), FoldString("اكتوبر"));
  EXPECT_EQ(FoldString("إبريل"), FoldString("ابريل"));
  EXPECT_EQ(FoldString("آذار"), FoldString("اذار"));
  EXPECT_EQ(FoldString("الجمعة"), FoldString("الجمعه"));
  EXPECT_EQ(FoldString("جمادى"), FoldString("جمادي"));
  EXPECT_EQ(FoldString("عامًا"), FoldString("عاما"));
  EXPECT_EQ(FoldString("عاماً"), FoldString("عاما"));
  EXPECT_EQ(FoldString("شهـــر"), FoldString("شهر"));
  EXPECT_EQ(FoldString("تشرین"), FoldString("تشرين"));
}

TEST(FoldStringTest, DigitsAndPunctuation) {
  EXPECT_EQ(FoldString("٢٠١٧"), "2017");
  EXPECT_EQ(FoldString("۲۰۱۷"), "2017");
  EXPECT_EQ(FoldString("١٧/٤"), "17/4");
  EXPECT_EQ(FoldString("الاثنين،"), FoldString("الاثنين") + ",");
}

// Words longer than the 16-byte vector step of the fold, with a letter that folds, a dropped
// mark or a letter outside the vector's block at every position: the token holds the folds of
// its characters one by one (FoldString of each), with the offsets and code points of the text.
TEST(FoldAndTokenizeTest, LongWordsFoldCharacterByCharacter) {
  const std::vector<std::string> plain = {"ب", "ت", "ع", "ي", "ل", "م", "ء", "غ", "و", "ه", "ا"};
  const std::vector<std::string> odd = {"ة", "أ", "إ", "آ", "ؤ", "ئ", "ى", "َ", "ـ", "ک", "پ", "ٱ"};
  for (size_t len = 1; len <= 20; ++len) {
    for (size_t pos = 0; pos < len; ++pos) {
      for (const std::string& o : odd) {
        std::string word, want;
        int64_t cps = 0;
        for (size_t k = 0; k < len; ++k) {
          const std::string& c = k == pos ? o : plain[(k * 7 + len) % plain.size()];
          word += c;
          want += FoldString(c);
          ++cps;
        }
        // A mark before the first letter is dropped before the token opens.
        const bool drop = FoldString(o).empty();
        if (drop && len == 1) continue;
        const uint32_t skip = drop && pos == 0 ? static_cast<uint32_t>(o.size()) : 0;
        const std::string text = "في " + word + " " + word + "، " + word;
        FoldedText ft;
        ASSERT_TRUE(FoldAndTokenize(text, 0, &ft).ok());
        ASSERT_EQ(ft.tokens.size(), 5u) << text;
        const uint32_t w1 = 5, w2 = w1 + static_cast<uint32_t>(word.size()) + 1;
        const uint32_t w3 = w2 + static_cast<uint32_t>(word.size()) + 3;
        const uint32_t begins[] = {w1 + skip, w2 + skip, w3 + skip};
        const uint32_t lead = skip ? 1 : 0;
        const uint32_t cp_begins[] = {3 + lead, static_cast<uint32_t>(4 + cps) + lead,
                                      static_cast<uint32_t>(6 + 2 * cps) + lead};
        const size_t idx[] = {1, 2, 4};
        for (int k = 0; k < 3; ++k) {
          const Tok& t = ft.tokens[idx[k]];
          EXPECT_EQ(t.full, want) << text;
          EXPECT_EQ(t.stem, want) << text;
          EXPECT_EQ(t.kind, TokKind::kWord) << text;
          EXPECT_EQ(t.ob, begins[k]) << text;
          EXPECT_EQ(t.oe, begins[k] - skip + word.size()) << text;
          EXPECT_EQ(CountCodePointsFast(std::string_view(text).substr(0, t.ob)), cp_begins[k])
              << text;
          EXPECT_TRUE(t.space_before) << text;
        }
        EXPECT_EQ(ft.tokens[3].kind, TokKind::kPunct);
        EXPECT_EQ(ft.tokens[3].punct, ',');
        EXPECT_EQ(CountCodePointsFast(text), 6 + 3 * cps);
      }
    }
  }
}

TEST(FoldAndTokenizeTest, OffsetsMapBackToOriginal) {
  const std::string text = "وفي عامِ ٢٠١٤م";
  FoldedText ft;
  ASSERT_TRUE(FoldAndTokenize(text, 0, &ft).ok());
  ASSERT_EQ(ft.tokens.size(), 4u);  // وفي | عام | 2014 | م
  const Tok& year = ft.tokens[2];
  EXPECT_EQ(year.kind, TokKind::kNumber);
  EXPECT_EQ(year.full, "2014");
  EXPECT_EQ(year.num, 2014);
  EXPECT_EQ(year.ndig, 4);
  EXPECT_EQ(text.substr(year.ob, year.oe - year.ob), "٢٠١٤");
  const Tok& am = ft.tokens[1];
  EXPECT_EQ(am.num, -1);
  EXPECT_EQ(text.substr(am.ob, am.oe - am.ob), "عامِ");
  EXPECT_FALSE(ft.tokens[3].space_before);
}

// A number's value stops growing at nine digits (Tok::num is 32 bits); its digit count does not.
TEST(FoldAndTokenizeTest, LongNumbersKeepNineDigitsOfValue) {
  FoldedText ft;
  ASSERT_TRUE(FoldAndTokenize("9999999999999 ١٢٣٤٥٦٧٨٩٠١٢", 0, &ft).ok());
  ASSERT_EQ(ft.tokens.size(), 2u);
  EXPECT_EQ(ft.tokens[0].num, 999999999);
  EXPECT_EQ(ft.tokens[0].ndig, 13);
  EXPECT_EQ(ft.tokens[1].num, 123456789);
  EXPECT_EQ(ft.tokens[1].ndig, 12);
}

// Every token's start, whichever path of the fold produced the token (the word-boundary
// shortcut, punctuation, digits, characters of three and four bytes, dropped marks and bidi
// controls), is a character boundary, and CountCodePointsFast counts the characters before it
// as a byte-by-byte count does; also on texts long enough for its 16-byte steps and the
// 255-step counter flush.
TEST(FoldAndTokenizeTest, CodePointsBeforeEveryToken) {
  std::vector<std::string> texts = {
      "في عامِ ٢٠١٤م، قال: «غداً» 12/5 ـ الاثنين\nو2015 “سنة” \xe2\x80\x8fيوم 😀 end.",
      "كلمة كلمة كلمة 7 كلمة ،كلمة  كلمة\tكلمة", "a b  c ١٢ ق"};
  std::string long_text;
  while (long_text.size() < 9000) long_text += texts[long_text.size() % 3];
  texts.push_back(long_text);
  for (const std::string& text : texts) {
    FoldedText ft;
    ASSERT_TRUE(FoldAndTokenize(text, 0, &ft).ok());
    ASSERT_FALSE(ft.tokens.empty());
    for (const Tok& t : ft.tokens) {
      ASSERT_LT(t.ob, text.size());
      EXPECT_NE(static_cast<unsigned char>(text[t.ob]) & 0xC0, 0x80) << text << " @" << t.ob;
      int64_t cps = 0;
      for (size_t k = 0; k < t.ob; ++k) cps += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
      EXPECT_EQ(CountCodePointsFast(std::string_view(text).substr(0, t.ob)), cps)
          << text << " @" << t.ob;
    }
    for (size_t len = 0; len <= text.size(); len += 1 + len / 7) {
      int64_t all = 0;
      for (size_t k = 0; k < len; ++k) all += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
      EXPECT_EQ(CountCodePointsFast(std::string_view(text).substr(0, len)), all) << len;
    }
  }
}

TEST(FoldAndTokenizeTest, OrigOffsetSkipsDroppedMarks) {
  // و + tatweel + بِ + الشهر: folded "وبالشهر"; byte 4 of the folded token (ا) comes from
  // the original byte after the kasra.
  const std::string text = "وـبِالشهر 12";
  FoldedText ft;
  ASSERT_TRUE(FoldAndTokenize(text, 0, &ft).ok());
  ASSERT_EQ(ft.tokens.size(), 2u);
  const Tok& w = ft.tokens[0];
  EXPECT_EQ(w.full, "وبالشهر");
  EXPECT_EQ(OrigOffset(text, w, 0), 0u);
  EXPECT_EQ(OrigOffset(text, w, 2), 4u);  // ب after و (2) + tatweel (2)
  EXPECT_EQ(OrigOffset(text, w, 4), 8u);  // ا after بِ (2 + 2)
  EXPECT_EQ(text.substr(OrigOffset(text, w, 4)), "الشهر 12");
  EXPECT_EQ(CountCodePointsFast(text), 12);  // و ـ ب ِ ا ل ش ه ر, space, 1, 2
}

TEST(FoldAndTokenizeTest, BuffersAreReusedAcrossCalls) {
  FoldedText ft;
  ASSERT_TRUE(FoldAndTokenize("في عام ٢٠١٧ وما بعده", 0, &ft).ok());
  ASSERT_TRUE(FoldAndTokenize("غدا", 0, &ft).ok());
  ASSERT_EQ(ft.tokens.size(), 1u);
  EXPECT_EQ(ft.folded, "غدا");
  EXPECT_EQ(ft.tokens[0].full, "غدا");
}

// A word that fills the fold's 16-byte step up to a space and a lead byte cut off by the end of
// the text: the error names the lead byte, and nothing past the text is read (the bytes live in
// a vector of exactly that size, so the sanitizer build would see an overread).
TEST(FoldAndTokenizeTest, CutCharacterAfterALongWordAtTheEnd) {
  const std::string word = "كتبالعلم";  // 8 letters, 16 bytes, the first through the table
  ASSERT_EQ(word.size(), 16u);
  const std::string text = word + " \xD8";
  const std::vector<char> bytes(text.begin(), text.end());
  FoldedText ft;
  Status st = FoldAndTokenize(std::string_view(bytes.data(), bytes.size()), 0, &ft);
  EXPECT_EQ(st.code(), StatusCode::kInvalidUtf8);
  EXPECT_EQ(st.location().byte_offset, 17);
}

TEST(FoldAndTokenizeTest, InvalidUtf8ReportsByteOffset) {
  FoldedText ft;
  const std::string bad = std::string("عام ") + "\xC3\x28";
  Status st = FoldAndTokenize(bad, 100, &ft);
  EXPECT_EQ(st.code(), StatusCode::kInvalidUtf8);
  EXPECT_EQ(st.location().byte_offset, 100 + 7);
  EXPECT_EQ(FoldAndTokenize("\xED\xA0\x80", 0, &ft).code(), StatusCode::kInvalidUtf8);
  EXPECT_EQ(FoldAndTokenize("\xE0\x80\x80", 0, &ft).code(), StatusCode::kInvalidUtf8);
  EXPECT_TRUE(FoldAndTokenize("", 0, &ft).ok());
}

// Every field of a token, its views as text and as offsets into the folded string.
auto Fields(const Tok& t, const std::string& folded) {
  return std::make_tuple(std::string(t.full), t.full.data() - folded.data(), std::string(t.stem),
                         t.stem.data() - folded.data(), t.g, t.num, t.ob, t.oe, t.ndig,
                         static_cast<int>(t.kind), t.space_before, t.break_before, t.wa, t.prep,
                         t.fut, static_cast<int>(t.punct));
}

// The vector block path (AVX-512, where the CPU has it) against the scalar code on generated
// texts: mostly run letters (every one of U+0621..U+063F and U+0641..U+064A, with the seven
// that fold to another letter), single spaces and the punctuation the blocks take (ASCII, the
// Arabic comma and question mark; next to words, spaces and each other) so that whole 64-byte
// blocks occur, and now and then what must leave a block to the scalar code: letters just
// outside the run ranges, digits, harakat, tatweel, other punctuation, line breaks, Latin, wide
// characters, invalid bytes; lengths around multiples of 64, cut anywhere (often inside a
// character).
// Folded text, every token field and the status must be the same.
TEST(FoldAndTokenizeTest, VectorPathMatchesScalar) {
  if (!FoldVectorPathActive()) GTEST_SKIP() << "no AVX-512 VBMI2 on this CPU";
  std::vector<std::string> letters;
  for (uint32_t c = 0x621; c <= 0x64A; ++c) {
    if (c == 0x640) continue;
    letters.push_back(
        std::string{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))});
  }
  const std::vector<std::string> punct = {".", "،", "؟", ",", ":", "(", ")", "\"", "!",
                                          ";", "-", "/", "%", "'", "[", "~", "@",  "_"};
  const std::vector<std::string> folding = {"آ", "أ", "ؤ", "إ", "ئ", "ة", "ى"};
  const std::vector<std::string> odd = {
      "  ",     "\u0620", "ـ",  "َ",  "ً",     "\u064B", "،", "؟",     ".", ",",
      "\n",     "\r\n",   "\t", "7", "٢٠١٤", "۲",      "a", "Latin", "ک", "ی",
      "\u00A0", "\u2028", "«",  "😀", "—",    "\u200F", "(", ":",     "ٱ", "\xD9\x8B"};
  const std::vector<std::string> invalid = {"\xD8",     "\xA7",     "\xC0\x80", "\xFF",
                                            "\xD8\x20", "\xE2\x80", "\xD9"};
  uint32_t r = 5;
  auto next = [&r](uint32_t mod) {
    r = r * 1103515245u + 12345u;
    return (r >> 8) % mod;
  };
  FoldedText vec, sca;
  int compared_ok = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    // Per mille of pieces that leave a block: some texts nearly clean, others broken up.
    const uint32_t odd_rate = next(round % 3 == 0 ? 10 : 100);
    const size_t want = 64 * (1 + next(6)) + next(9) - 4 + (round % 5 == 0 ? next(64) : 0);
    while (text.size() < want + 8) {
      const uint32_t pick = next(1000);
      if (pick < 170) {
        text += ' ';
      } else if (pick < 200) {
        text += punct[next(static_cast<uint32_t>(punct.size()))];
      } else if (pick < 200 + odd_rate) {
        // Invalid bytes in one text out of four, at any position.
        text += round % 4 == 1 && next(8) == 0
                    ? invalid[next(static_cast<uint32_t>(invalid.size()))]
                    : odd[next(static_cast<uint32_t>(odd.size()))];
      } else if (pick < 290 + odd_rate) {
        text += folding[next(static_cast<uint32_t>(folding.size()))];
      } else {
        text += letters[next(static_cast<uint32_t>(letters.size()))];
      }
    }
    text.resize(want);  // may cut a character: the status must agree too
    // Half the texts end on a whole character, so that whole valid documents are compared.
    while (round % 2 == 0 && !text.empty() && (text.back() & 0xC0) == 0xC0) text.pop_back();
    const int64_t base = round % 7 == 0 ? 1000 : 0;
    SetFoldVectorPathForTesting(true);
    const Status sv = FoldAndTokenize(text, base, &vec);
    SetFoldVectorPathForTesting(false);
    const Status ss = FoldAndTokenize(text, base, &sca);
    SetFoldVectorPathForTesting(true);
    ASSERT_EQ(sv.code(), ss.code()) << text;
    ASSERT_EQ(sv.location().byte_offset, ss.location().byte_offset) << text;
    compared_ok += sv.ok() ? 1 : 0;
    ASSERT_EQ(vec.folded, sca.folded) << text;
    ASSERT_EQ(vec.tokens.size(), sca.tokens.size()) << text;
    for (size_t k = 0; k < vec.tokens.size(); ++k) {
      const Tok& a = vec.tokens[k];
      const Tok& b = sca.tokens[k];
      SCOPED_TRACE(testing::Message() << "token " << k << " at byte " << b.ob << " of " << text);
      EXPECT_EQ(Fields(a, vec.folded), Fields(b, sca.folded));
    }
    if (HasFailure()) return;
  }
  // Most texts are valid, so the token comparison covers whole documents, not only prefixes.
  EXPECT_GT(compared_ok, 1000);
}

}  // namespace
}  // namespace tarikh::internal
