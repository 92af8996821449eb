// SPDX-License-Identifier: MIT
// The map step with hand-made timexes (independent of the tagger) and with the real tagger.
#include <gtest/gtest.h>

#include "../../timeline/sentences.h"
#include "tarikh/core/utf8.h"
#include "tarikh/timeline/builder.h"

namespace tarikh {
namespace {

// A DATE timex over the first occurrence of `expr` in `text`.
Timex At(const std::string& text, const std::string& expr, const std::string& value,
         DayInterval interval, Granularity g, TimexMod mod = TimexMod::kNone) {
  size_t byte = text.find(expr);
  EXPECT_NE(byte, std::string::npos) << expr;
  Timex t;
  t.begin = CountCodePoints(text.substr(0, byte));
  t.end = t.begin + CountCodePoints(expr);
  t.value = value;
  t.interval = interval;
  t.granularity = g;
  t.mod = mod;
  return t;
}
DayInterval Year(int y) { return {DayNumber(y, 1, 1), DayNumber(y + 1, 1, 1)}; }

Document Doc(const std::string& text) {
  Document d;
  d.id = "d";
  d.text = text;
  d.dct = Dct{2017, 4, 18};
  return d;
}

TEST(MentionsTest, ClauseAnchoredToDateBecomesMention) {
  std::string text = "وانقسم تنظيم \"داعش\" عن القاعدة عام 2014، وتصارعت المجموعتان صراعًا مريرًا.";
  auto r = ExtractMentionsFromTimexes(
      Doc(text), {At(text, "عام 2014", "2014", Year(2014), Granularity::kYear)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 1u);
  const EventMention& m = r->mentions[0];
  EXPECT_EQ(m.headline, "وانقسم تنظيم \"داعش\" عن القاعدة عام 2014");
  EXPECT_EQ(m.sentence, text);
  EXPECT_EQ(m.timex_text, "عام 2014");
  EXPECT_EQ(m.tense, -1);
  EXPECT_NE(std::find(m.tokens.begin(), m.tokens.end(), "#split"), m.tokens.end());
}

// Sentence boundaries: ". " before an Arabic letter is settled without ICU; the dot of
// "3.5" (a digit follows) goes to ICU, which keeps the sentence whole.
TEST(MentionsTest, SentenceBoundariesAfterTerminatorsAndNotInsideNumbers) {
  std::string first = "وقال المسؤول إن الحكومة خفضت النسبة إلى 3.5 بالمئة عام 2014.";
  std::string second = "وتصارعت المجموعتان صراعًا مريرًا في القرى عام 2015.";
  std::string text = first + "  " + second;
  auto r = ExtractMentionsFromTimexes(
      Doc(text), {At(text, "عام 2014", "2014", Year(2014), Granularity::kYear),
                  At(text, "عام 2015", "2015", Year(2015), Granularity::kYear)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 2u);
  EXPECT_EQ(r->mentions[0].sentence, first);
  EXPECT_EQ(r->mentions[1].sentence, second);
}

TEST(MentionsTest, HeadlineSkipsFrontedDateAndNeverCutsWords) {
  std::string text =
      "وفي تشرين الأول الماضي، تعاونت قوات الأمن العراقية والمقاتلين المتطوعين مع تحالف دولي "
      "واسع بقيادة الولايات المتحدة لدفع التنظيم من المدينة والمناطق المحيطة بها.";
  auto r = ExtractMentionsFromTimexes(
      Doc(text), {At(text, "تشرين الأول الماضي", "2016-10",
                     {DayNumber(2016, 10, 1), DayNumber(2016, 11, 1)}, Granularity::kMonth)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 1u);
  const std::string& h = r->mentions[0].headline;
  EXPECT_EQ(h.rfind("تعاونت", 0), 0u) << h;
  EXPECT_NE(text.find(h), std::string::npos);
  int words = 1;
  for (char c : h) words += c == ' ';
  EXPECT_LE(words, 12);
}

TEST(MentionsTest, DateOnlyLineIsNotAnEvent) {
  std::string text = "الأربعاء 24 أبريل 2024\nتقارير وتحقيقات\n";
  auto r = ExtractMentionsFromTimexes(
      Doc(text), {At(text, "24 أبريل 2024", "2024-04-24",
                     {DayNumber(2024, 4, 24), DayNumber(2024, 4, 25)}, Granularity::kDay)});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->mentions.empty());
  EXPECT_FALSE(r->warnings.empty()) << "a document without events says so";
}

TEST(MentionsTest, RefValuesAndDurationsDoNotAnchor) {
  std::string text = "قال الوزير الآن إن المفاوضات استمرت ست سنوات كاملة دون نتيجة.";
  Timex now = At(text, "الآن", "PRESENT_REF", {DayNumber(2017, 4, 18), DayNumber(2017, 4, 19)},
                 Granularity::kNone);
  Timex dur = At(text, "ست سنوات", "P6Y", {}, Granularity::kNone);
  dur.type = TimexType::kDuration;
  auto r = ExtractMentionsFromTimexes(Doc(text), {now, dur});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->mentions.empty());
}

TEST(MentionsTest, SinceTurnsDurationAndDateIntoEvents) {
  std::string text = "خلقت الحرب الأهلية المندلعة منذ ست سنوات أرضا خصبة للمتطرفين في البلاد.";
  Timex dur = At(text, "ست سنوات", "P6Y", {}, Granularity::kNone);
  dur.type = TimexType::kDuration;
  auto r = ExtractMentionsFromTimexes(Doc(text), {dur});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 1u);
  EXPECT_EQ(r->mentions[0].timex.value, "2011");
  ASSERT_FALSE(r->mentions[0].cues.empty());
  EXPECT_EQ(r->mentions[0].cues[0].signal, "since");
}

TEST(MentionsTest, TwoDatesInOneSentenceGiveTwoMentions) {
  std::string text =
      "بدأت الخلافات بين الطرفين عام 2011، ثم اندلع القتال بين التنظيمين مطلع عام 2014.";
  auto r = ExtractMentionsFromTimexes(
      Doc(text),
      {At(text, "عام 2011", "2011", Year(2011), Granularity::kYear),
       At(text, "مطلع عام 2014", "2014", Year(2014), Granularity::kYear, TimexMod::kStart)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 2u);
  EXPECT_NE(r->mentions[0].headline.find("2011"), std::string::npos);
  EXPECT_NE(r->mentions[1].headline.find("اندلع القتال"), std::string::npos);
  // "ثم" before the second date: it comes after the first event.
  ASSERT_FALSE(r->mentions[1].cues.empty());
  EXPECT_EQ(r->mentions[1].cues[0].ref_offset, r->mentions[0].timex.begin);
}

TEST(MentionsTest, UndatedSentenceWithRelativeCue) {
  std::string text =
      "رحب الظواهري بالخطوة عام 2013 في رسالة علنية.\nوبعد ذلك تراجع الظواهري وأمر عناصره "
      "بالانسحاب من سوريا.";
  auto r = ExtractMentionsFromTimexes(
      Doc(text), {At(text, "عام 2013", "2013", Year(2013), Granularity::kYear)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 2u);
  EXPECT_TRUE(r->mentions[1].timex.value.empty());
  EXPECT_EQ(r->mentions[1].cues.at(0).signal, "after");
  Timeline tl = BuildTimeline({*r});
  ASSERT_EQ(tl.events.size(), 2u);
  EXPECT_EQ(tl.events[1].earliest_start, "2013-01-01") << "placed after the dated event";
  EXPECT_EQ(tl.events[1].latest_end, "");
}

// Every event-scope signal, as written in news (harakat, tatweel, a proclitic, alef forms),
// gives the undated sentence after a dated one its mention; the same sentence without the
// signal, or with a look-alike word, gives none. (Sentences without a date are screened by a
// cheap test before their words are looked up: this checks that the screen lets every
// signal through.)
TEST(MentionsTest, EverySpellingOfAnEventSignalIsFound) {
  const std::string dated = "رحب الظواهري بالخطوة عام 2013 في رسالة علنية.\n";
  const std::string rest = " تراجع الظواهري وأمر عناصره بالانسحاب من سوريا.";
  struct Row {
    std::string words;  // put before `rest`
    bool found;
  };
  const Row rows[] = {
      {"ثم", true},
      {"ثمّ", true},
      {"وثم", true},
      {"لاحقا", true},
      {"لاحقاً", true},
      {"ولاحقا", true},
      {"فلاحقاً", true},
      {"بعد ذلك", true},
      {"وبعد ذلك", true},
      {"بعدها", true},
      {"وبعدها", true},
      {"فبعدها", true},
      {"بعد ذلك الحين", true},
      {"في وقت لاحق", true},
      {"وفي وقت لاحق", true},
      {"إثر ذلك", true},
      {"اثر ذلك", true},
      {"عقب ذلك", true},
      {"قبل ذلك", true},
      {"قبلها", true},
      {"وقبلها", true},
      {"منذ ذلك الحين", true},
      {"منذ ذلك الوقت", true},
      {"بعـد ذلـك", true},
      {"", false},
      {"ثمن", false},
      {"ذلكم", false},
      {"بعد", false},
      {"في وقت", false},
      {"ومن ثم", false},
      {"الحين", false},
      {"لاحقة", false},
  };
  // The same after a long clause (the screen's vector path, where the CPU has one, takes
  // sentences of 64 code points and more), and with the vector paths off.
  const std::string filler = " وأكد المتحدث باسم الحكومة في مؤتمر صحفي عقده في العاصمة أن";
  for (bool vector : {true, false}) {
    timeline_internal::SetVectorPathsForTesting(vector);
    for (const std::string& before : {std::string(), filler + filler}) {
      for (const Row& row : rows) {
        const std::string text = dated + before + " " + row.words + rest;
        auto r = ExtractMentionsFromTimexes(
            Doc(text), {At(text, "عام 2013", "2013", Year(2013), Granularity::kYear)});
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->mentions.size(), row.found ? 2u : 1u)
            << row.words << (vector ? " (vector)" : " (scalar)") << before.size();
      }
    }
  }
  timeline_internal::SetVectorPathsForTesting(true);
}

// The sentence's words come from a vector split where the CPU has AVX-512 and from a scalar
// loop elsewhere: both must give the same words, so the same mentions. Sentences of every
// length around the 16- and 64-code-point steps, mixing Arabic letters with harakat and
// tatweel, Latin and accented letters, digits, and characters from U+0800 on that are word
// characters (Devanagari, CJK) or not (ZWJ, em dash, no-break space), at either end of a step.
TEST(MentionsTest, VectorAndScalarWordSplitsGiveTheSameMentions) {
  const std::vector<std::string> pieces = {
      "الحكومة", "وأعلنت", "مُرَاقِبُونَ", "اجتمـاع", "café", "Reuters", "2015",
      "١٤٣٦",    "भारत",   "北京",    "A",       "ب",    "\u200d",  "\u2014",
      "\u00a0",  "،",      " ",       "  ",      "(",    ")",       "\""};
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 120; ++round) {
    const std::string head = "انقسم التنظيم عام 2014 ";
    std::string body;
    const uint32_t count = 1 + next(60);
    for (uint32_t k = 0; k < count; ++k) {
      body += pieces[next(static_cast<uint32_t>(pieces.size()))];
      if (next(3) != 0) body += " ";
    }
    const std::string text = head + body + "، ثم غادر القاعة. " + body + ".";
    std::vector<DocumentMentions> runs;
    for (bool vector : {true, false}) {
      timeline_internal::SetVectorPathsForTesting(vector);
      auto r = ExtractMentionsFromTimexes(
          Doc(text), {At(text, "عام 2014", "2014", Year(2014), Granularity::kYear)});
      ASSERT_TRUE(r.ok()) << text;
      runs.push_back(*r);
    }
    timeline_internal::SetVectorPathsForTesting(true);
    ASSERT_EQ(runs[0].mentions.size(), runs[1].mentions.size()) << text;
    for (size_t m = 0; m < runs[0].mentions.size(); ++m) {
      EXPECT_EQ(runs[0].mentions[m].headline, runs[1].mentions[m].headline) << text;
      EXPECT_EQ(runs[0].mentions[m].tokens, runs[1].mentions[m].tokens) << text;
    }
  }
}

// A headline that opens a quotation takes its closing mark when the mark follows its last
// word; one that is balanced (or opens none) takes nothing more.
TEST(MentionsTest, HeadlineKeepsQuotesBalanced) {
  struct Row {
    std::string open, close;
  };
  const Row rows[] = {{"\"", "\""}, {"“", "”"}, {"«", "»"}, {"(", ")"}};
  for (const Row& q : rows) {
    const std::string text = "وقال الوزير عام 2015 إن " + q.open + "الحكومة ستواصل دعم المشروع" +
                             q.close + "، ثم غادر القاعة.";
    auto r = ExtractMentionsFromTimexes(
        Doc(text), {At(text, "عام 2015", "2015", Year(2015), Granularity::kYear)});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->mentions.size(), 1u) << q.open;
    const std::string& h = r->mentions[0].headline;
    EXPECT_NE(h.find(q.open + "الحكومة"), std::string::npos) << h;
    EXPECT_EQ(h.size() - h.rfind(q.close), q.close.size()) << "ends with the closing mark: " << h;
  }
  const std::string plain = "وقال الوزير عام 2015 إن الحكومة ستواصل دعم المشروع، ثم غادر القاعة.";
  auto r = ExtractMentionsFromTimexes(
      Doc(plain), {At(plain, "عام 2015", "2015", Year(2015), Granularity::kYear)});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 1u);
  EXPECT_EQ(r->mentions[0].headline.back(),
            plain[plain.find("المشروع") + std::string("المشروع").size() - 1]);
}

TEST(MentionsTest, InvalidUtf8IsAnErrorWithOffset) {
  Document d = Doc("نص \xC3\x28 سيئ");
  auto r = ExtractMentionsFromTimexes(d, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidUtf8);
  EXPECT_GE(r.status().location().byte_offset, 0);
}

TEST(MentionsTest, KnownUtf8TextStillRejectsNulAndGivesTheSameMentions) {
  auto tagger = Tagger::Create();
  ASSERT_TRUE(tagger.ok());
  ExtractOptions known;
  known.text_is_valid_utf8 = true;
  Document nul = Doc(std::string("نص ") + '\0' + " سيئ");
  auto bad = ExtractMentions(nul, *tagger, known);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidUtf8);
  EXPECT_EQ(bad.status().location().byte_offset, 5);  // after "نص "
  Document d =
      Doc("وانقسم تنظيم \"داعش\" عن القاعدة عام 2014، وتصارعت المجموعتان صراعًا مريرًا.\n"
          "ثم انسحبت القوات لاحقا من البلدة بعد معارك طويلة.");
  auto checked = ExtractMentions(d, *tagger);
  auto trusted = ExtractMentions(d, *tagger, known);
  ASSERT_TRUE(checked.ok());
  ASSERT_TRUE(trusted.ok());
  ASSERT_EQ(checked->mentions.size(), trusted->mentions.size());
  ASSERT_FALSE(checked->mentions.empty());
  for (size_t i = 0; i < checked->mentions.size(); ++i) {
    EXPECT_EQ(checked->mentions[i].sentence, trusted->mentions[i].sentence);
    EXPECT_EQ(checked->mentions[i].tokens, trusted->mentions[i].tokens);
  }
}

TEST(MentionsTest, MissingDctInferredFromDatelineWithTagger) {
  auto tagger = Tagger::Create();
  ASSERT_TRUE(tagger.ok());
  Document d;
  d.id = "x";
  d.text = "18 أبريل 2017\nوانقسم التنظيم عن الجماعة الأم عام 2014 بعد خلاف طويل على القيادة.\n";
  auto r = ExtractMentions(d, *tagger);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->info.dct_inferred);
  EXPECT_LT(r->info.dct_confidence, 1.0);
  EXPECT_EQ(FormatDct(r->info.dct), "2017-04-18");
  ASSERT_FALSE(r->warnings.empty());
  for (const EventMention& m : r->mentions) EXPECT_NE(m.timex.value, "2017-04-18");
}

// A dateline that starts in the first 2000 bytes but runs past them is read whole: cut at
// the limit, "24 أبريل 2011" was read as "24 أبريل 201" (year 201) or not at all.
TEST(MentionsTest, DatelineAcrossTheHeadLimitIsReadWhole) {
  auto tagger = Tagger::Create();
  ASSERT_TRUE(tagger.ok());
  const std::string filler = "وقال المتحدث إن الاجتماع عقد في العاصمة بحضور الوزراء ";
  const std::string date = "24 أبريل 2011";
  for (size_t cut = 2; cut <= date.size(); ++cut) {  // the date starts `cut` bytes before 2000
    std::string head;
    while (head.size() + cut < 2000) head += filler;
    head.resize(2000 - cut);
    while ((static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.pop_back();
    head.back() = ' ';
    Document d;
    d.id = "x";
    d.text = head + " " + date + "\nوانقسم التنظيم عن الجماعة الأم عام 2014 بعد خلاف طويل.\n";
    auto r = ExtractMentions(d, *tagger);
    ASSERT_TRUE(r.ok()) << cut << ": " << r.status().ToString();
    EXPECT_EQ(FormatDct(r->info.dct), "2011-04-24") << cut;
    // With a DCT given, the same date is reported as a page date, whole.
    d.dct = Dct{2017, 4, 18};
    auto g = ExtractMentions(d, *tagger);
    ASSERT_TRUE(g.ok());
    bool reported = false;
    for (const TimelineWarning& w : g->warnings) {
      reported |= w.message.find("date line 2011-04-24") != std::string::npos;
      EXPECT_EQ(w.message.find("date line 0"), std::string::npos) << cut << ": " << w.message;
    }
    EXPECT_TRUE(reported) << cut;
  }
}

TEST(MentionsTest, NoDctAndNoDatelineIsAnError) {
  auto tagger = Tagger::Create();
  Document d;
  d.id = "x";
  d.text = "نص بلا تاريخ.";
  EXPECT_FALSE(ExtractMentions(d, *tagger).ok());
}

}  // namespace
}  // namespace tarikh
