// SPDX-License-Identifier: MIT
#include "../../timeline/sentences.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../../timeline/text.h"

namespace tarikh::timeline_internal {
namespace {

bool IsTrimmed(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x2029 ||
         c == 0x2028 || c == 0x200F || c == 0x200E || c == 0x200B || c == 0xFEFF;
}

// What the splitter promises, computed the slow way: ICU's sentence boundaries over the
// whole text plus a cut after every line break, each piece trimmed of spaces.
std::vector<Span> Reference(const std::u32string& text) {
  const int64_t n = static_cast<int64_t>(text.size());
  std::vector<int64_t> cuts = {0, n};
  icu::UnicodeString us;
  for (char32_t c : text) us.append(static_cast<UChar32>(c));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("ar"), status));
  EXPECT_TRUE(U_SUCCESS(status));
  it->setText(us);
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    cuts.push_back(us.countChar32(0, b));  // UTF-16 offset → code points
  }
  for (int64_t i = 0; i < n; ++i) {
    if (IsLineBreak(text[i])) cuts.push_back(i + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Span> out;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    int64_t b = cuts[i], e = cuts[i + 1];
    while (b < e && IsTrimmed(text[b])) ++b;
    while (e > b && IsTrimmed(text[e - 1])) --e;
    if (b < e) out.push_back({b, e});
  }
  return out;
}

std::vector<std::pair<int64_t, int64_t>> Pairs(const std::vector<Span>& spans) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const Span& s : spans) out.emplace_back(s.begin, s.end);
  return out;
}

// Runs DecodeAndSplitSentences on `utf8` and checks it against DecodeUtf8, SplitSentences
// and the reference; returns the sentences as UTF-8.
std::vector<std::string> Check(const std::string& utf8) {
  const std::u32string decoded = DecodeUtf8(utf8);
  // One spare slot after the promised room, to catch a write past it.
  std::u32string buf(utf8.size() + 1, U'\x7FFFFFFF');
  std::vector<Span> spans = {{5, 7}};  // left over from an earlier document
  const size_t n = DecodeAndSplitSentences(utf8, buf.data(), &spans);
  EXPECT_EQ(buf[utf8.size()], U'\x7FFFFFFF');
  EXPECT_EQ(buf.substr(0, n), decoded);
  EXPECT_EQ(Pairs(spans), Pairs(SplitSentences(decoded)));
  EXPECT_EQ(Pairs(spans), Pairs(Reference(decoded)));
  std::vector<std::string> out;
  for (const Span& s : spans) out.push_back(EncodeUtf8(decoded.substr(s.begin, s.end - s.begin)));
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SentencesTest, EmptyAndBlankText) {
  EXPECT_EQ(Check(""), Sentences{});
  EXPECT_EQ(Check(" "), Sentences{});
  EXPECT_EQ(Check("   \t  "), Sentences{});
  EXPECT_EQ(Check("\n\n\r\n"), Sentences{});
  EXPECT_EQ(Check("\u00A0\u200F \u2029"), Sentences{});
}

TEST(SentencesTest, ArabicTerminators) {
  EXPECT_EQ(Check("قال الوزير. وأضاف أن"), (Sentences{"قال الوزير.", "وأضاف أن"}));
  EXPECT_EQ(Check("هل انتهت الحرب؟ لا أحد يعرف"), (Sentences{"هل انتهت الحرب؟", "لا أحد يعرف"}));
  EXPECT_EQ(Check("انتهى! ثم بدأ"), (Sentences{"انتهى!", "ثم بدأ"}));
  EXPECT_EQ(Check("انتهى\u06D4 ثم بدأ"), (Sentences{"انتهى\u06D4", "ثم بدأ"}));
  EXPECT_EQ(Check("ماذا؟! متى"), (Sentences{"ماذا؟!", "متى"}));
  EXPECT_EQ(Check("قال..."), (Sentences{"قال..."}));
  EXPECT_EQ(Check("قال... ثم سكت"), (Sentences{"قال...", "ثم سكت"}));
  EXPECT_EQ(Check("قال\u2026 ثم سكت"), (Sentences{"قال\u2026 ثم سكت"}));  // … is no terminator
}

TEST(SentencesTest, LineBreaks) {
  EXPECT_EQ(Check("عنوان\nنص"), (Sentences{"عنوان", "نص"}));
  EXPECT_EQ(Check("عنوان\r\nنص"), (Sentences{"عنوان", "نص"}));
  EXPECT_EQ(Check("عنوان\rنص"), (Sentences{"عنوان", "نص"}));
  EXPECT_EQ(Check("عنوان\u2028نص"), (Sentences{"عنوان", "نص"}));
  EXPECT_EQ(Check("عنوان\u2029نص"), (Sentences{"عنوان", "نص"}));
  EXPECT_EQ(Check("انتهى.\nنص"), (Sentences{"انتهى.", "نص"}));
  EXPECT_EQ(Check("انتهى. \r\n نص"), (Sentences{"انتهى.", "نص"}));
  // NEL is a separator to ICU but no line break of ours: ICU decides.
  Check("عنوان\u0085نص");
  Check("انتهى.\u0085نص. آخر");
  Check("\u0085\u0085 \u0085");
}

TEST(SentencesTest, TerminatorsOfOtherShapes) {
  // A period inside a number or an abbreviation is no boundary (ICU's rules decide).
  EXPECT_EQ(Check("نما الاقتصاد 3.5 في المئة."), (Sentences{"نما الاقتصاد 3.5 في المئة."}));
  Check("زار U.S. الوفد. ثم غادر");
  Check("قال U.S. Army officials. Then left");
  Check("انتهى. Then he left. وعاد");
  Check("انتهى. the end");
  Check("قال \"انتهى.\" ثم غادر");
  Check("قال «انتهى!» ثم غادر");
  Check("قال (انتهى؟) ثم غادر");
  Check("انتهى.. . ثم");
  Check("انتهى. 2014 كان عاما");
  Check("انتهى.، ثم");
  Check("e.g. this. And that? yes! No.");
}

TEST(SentencesTest, AfterTerminatorClosingQuotesAndSpaces) {
  // Closing quotes and brackets, then spaces, then a letter: a boundary before the letter.
  EXPECT_EQ(Check("قال \"انتهى.\" ثم غادر"), (Sentences{"قال \"انتهى.\"", "ثم غادر"}));
  EXPECT_EQ(Check("(هل انتهى؟) ثم غادر"), (Sentences{"(هل انتهى؟)", "ثم غادر"}));
  EXPECT_EQ(Check("انتهى..(ثم"), (Sentences{"انتهى..(", "ثم"}));
  // A dash or a comma after the spaces keeps the sentence going (SB8a).
  EXPECT_EQ(Check("الموصل. - قال"), (Sentences{"الموصل. - قال"}));
  EXPECT_EQ(Check("انتهى. ، ثم"), (Sentences{"انتهى. ، ثم"}));
  // After a period, what follows up to the next letter decides (SB8): an Arabic or an
  // upper-case letter ends the sentence, a lower-case one does not.
  EXPECT_EQ(Check("انتهى. 2014 كان"), (Sentences{"انتهى.", "2014 كان"}));
  EXPECT_EQ(Check("انتهى. (2) The"), (Sentences{"انتهى.", "(2) The"}));
  EXPECT_EQ(Check("انتهى. (2) the"), (Sentences{"انتهى. (2) the"}));
  EXPECT_EQ(Check("انتهى؟ 2014 كان"), (Sentences{"انتهى؟", "2014 كان"}));
  // Marks and format characters attach to what precedes them: ICU decides.
  Check("انتهى. \u200F ثم");
  Check("انتهى.\u200F ثم");
  Check("انتهى. \u0651ثم");
}

TEST(SentencesTest, EveryShortShapeAfterATerminator) {
  // Every sequence of four pieces between two Arabic words, against ICU over the whole text.
  const char* const pieces[] = {".", "؟", "!", "\"", ")", "(",      " ",      "-",
                                "،", "5", "a", "A",  "ب", "\u200F", "\u0651", "\n"};
  const int k = sizeof(pieces) / sizeof(pieces[0]);
  for (int i = 0; i < k * k * k * k; ++i) {
    std::string text = "قال";
    for (int d = 0, v = i; d < 4; ++d, v /= k) text += pieces[v % k];
    text += "بعد";
    Check(text);
  }
}

TEST(SentencesTest, LongSequencesAtBlockEdges) {
  // 3- and 4-byte characters (and terminators) at every offset of an 8- or 16-byte block.
  for (int pad = 0; pad < 17; ++pad) {
    for (const char* tail : {"😀. ثم", "ب😀ب. ثم", "\u201Cقال\u201D. ثم \u2028سطر",
                             "\u3002بعد",  // ideographic full stop (3 bytes)
                             "ب\uFF01 ثم", "😀", "؟", "ب", "ب.\r\nب"}) {
      std::string text(pad, 'a');
      text.append(tail);
      Check(text);
    }
  }
}

// Long texts of ASCII and Arabic with every kind of stop below U+0800 and some longer
// sequences, so that 64-byte blocks of the vector decoder (where the CPU has it) end at
// every kind of byte: its code points and sentences are the scalar decoder's and the
// reference's.
TEST(SentencesTest, VectorAndScalarDecodersAgree) {
  const std::string pieces[] = {"\u0627", "\u0644", "\u0628", " ",          " ",      "a",
                                "7",      ".",      "!",      "?",          "\n",     "\r",
                                "\u061F", "\u06D4", "\u0085", "\u0700",     "\u07F9", "\u0589",
                                "\u061D", "\u2028", "\u2026", "\U0001F600", "\u00AB", ")"};
  constexpr size_t kPieces = sizeof pieces / sizeof pieces[0];
  uint32_t r = 2016;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    r = r * 1103515245u + 12345u;
    const int length = static_cast<int>((r >> 8) % 300);
    for (int k = 0; k < length; ++k) {
      r = r * 1103515245u + 12345u;
      // Mostly letters and spaces, as in news text, so that whole blocks occur.
      const uint32_t pick = (r >> 16) % 64;
      text += pick < 48 ? pieces[pick % 5] : pieces[pick % kPieces];
    }
    std::u32string vec(text.size() + 1, U'\0'), sca(text.size() + 1, U'\0');
    std::vector<Span> vec_spans, sca_spans;
    const size_t nv = DecodeAndSplitSentences(text, vec.data(), &vec_spans);
    SetVectorPathsForTesting(false);
    const size_t ns = DecodeAndSplitSentences(text, sca.data(), &sca_spans);
    SetVectorPathsForTesting(true);
    ASSERT_EQ(nv, ns) << text;
    EXPECT_EQ(vec.substr(0, nv), sca.substr(0, ns)) << text;
    EXPECT_EQ(Pairs(vec_spans), Pairs(sca_spans)) << text;
    if (round % 8 == 0) Check(text);
  }
}

TEST(SentencesTest, ReusesTheBuffer) {
  std::u32string buf(64, U'\0');
  std::vector<Span> spans;
  const std::string first = "جملة أولى طويلة. وجملة ثانية";
  const std::string second = "قصيرة";
  ASSERT_LE(first.size(), buf.size());
  DecodeAndSplitSentences(first, buf.data(), &spans);
  EXPECT_EQ(spans.size(), 2u);
  const size_t n = DecodeAndSplitSentences(second, buf.data(), &spans);
  EXPECT_EQ(buf.substr(0, n), DecodeUtf8(second));
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].begin, 0);
  EXPECT_EQ(spans[0].end, static_cast<int64_t>(n));
}

TEST(SentencesTest, MixedDocument) {
  Check(
      "الموصل (رويترز) - قال مسؤولون يوم الثلاثاء 3 مايو/أيار 2016 إن القوات تقدمت. "
      "وأضافوا: \"سنستعيد المدينة قبل نهاية العام\". هل ينجح ذلك؟ لا أحد يعرف!\n"
      "The U.S. said 2.5 km. Officials declined to comment.\r\n"
      "\u200Fتحديث\u2029 آخر… 😀 انتهى.");
}

}  // namespace
}  // namespace tarikh::timeline_internal
