// SPDX-License-Identifier: MIT
// The rule engine (core/recognize_rules.cc) and the rule compiler (tools/compile_rules.py):
// the compiled tables are consistent, every family fires on its phenomena through the tagger,
// and malformed rule files are rejected with file:line: error.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "tagger_case.h"
#include "tarikh_rules_data.h"

namespace tarikh {
namespace {

TEST(RuleTablesTest, RulesAreGroupedByFamilyAndReferToValidNodes) {
  ASSERT_GT(rules::kRuleCount, 0);
  for (int r = 0; r < rules::kRuleCount; ++r) {
    const rules::Rule& rule = rules::kRules[r];
    SCOPED_TRACE(std::string(rule.file) + ":" + std::to_string(rule.line));
    if (r > 0) {
      EXPECT_LE(rules::kRules[r - 1].family, rule.family);
    }
    ASSERT_LT(rule.seq, std::size(rules::kSeqs));
    const rules::Seq& s = rules::kSeqs[rule.seq];
    EXPECT_GT(s.count, 0);
    EXPECT_LE(s.first + s.count, std::size(rules::kNodes));
    EXPECT_LE(rule.act_first + rule.act_count, std::size(rules::kActions));
    // A rule that can start at any token would defeat the first-token index.
    EXPECT_TRUE(rule.first_mask != 0 || rule.first_digits || rule.first_any);
  }
}

// Each family converted to data rules, on its phenomena (values at DCT 2017-04-18).
TEST(RuleFamiliesTest, SeasonsSetsRefsWeekends) {
  const Case cases[] = {
      {"زرنا المدينة صيف 2016 مع العائلة", "2017-04-18", "صيف 2016", "DATE", "2016-SU", ""},
      {"يعود الشتاء المقبل", "2017-04-18", "الشتاء المقبل", "DATE", "2018-WI", ""},
      {"هذا الصيف حار", "2017-04-18", "هذا الصيف", "DATE", "2017-SU", ""},
      {"يسافرون في الصيف عادة", "2017-04-18", "الصيف", "SET", "XXXX-SU", ""},
      {"الحرب في الصيف", "2017-04-18", "الصيف", "SET", "XXXX-SU", ""},
      {"نراهم كل 3 أشهر", "2017-04-18", "كل 3 أشهر", "SET", "P3M", ""},
      {"تجتمع كل ساعتين", "2017-04-18", "كل ساعتين", "SET", "PT2H", ""},
      {"يصلون أيام الجمعة", "2017-04-18", "أيام الجمعة", "SET", "XXXX-WXX-5", ""},
      {"يمشي كل صباح", "2017-04-18", "كل صباح", "SET", "XXXX-XX-XXTMO", ""},
      {"يتزلجون كل شتاء", "2017-04-18", "كل شتاء", "SET", "XXXX-WI", ""},
      {"نلتقي كل نهاية أسبوع", "2017-04-18", "كل نهاية أسبوع", "SET", "P1W", "END"},
      {"صدرت المجلة الشهرية", "2017-04-18", "الشهرية", "SET", "P1M", ""},
      {"لم يتغير شيء حتى الآن", "2017-04-18", "الآن", "DATE", "PRESENT_REF", ""},
      {"سافر في نهاية الأسبوع الماضي", "2017-04-18", "نهاية الأسبوع الماضي", "DATE", "2017-W15-WE",
       ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, UnitsCenturiesPartsOfDayHolidays) {
  const Case cases[] = {
      {"وصل صباح اليوم", "2017-04-18", "صباح اليوم", "TIME", "2017-04-18TMO", ""},
      {"غادر مساء أمس الأول", "2017-04-18", "مساء أمس الأول", "TIME", "2017-04-16TEV", ""},
      {"هاجموا فجر الجمعة", "2017-04-18", "فجر الجمعة", "TIME", "2017-04-14TMO", ""},
      {"انفجرت الليلة الماضية", "2017-04-18", "الليلة الماضية", "TIME", "2017-04-17TNI", ""},
      {"في القرن الـ19 كانت", "2017-04-18", "القرن الـ19", "DATE", "18", ""},
      {"حروب القرن العشرين", "2017-04-18", "القرن العشرين", "DATE", "19", ""},
      {"بنيت في القرن ال(14)", "2017-04-18", "القرن ال(14)", "DATE", "13", ""},
      {"منذ القرن الماضي", "2017-04-18", "القرن الماضي", "DATE", "19", ""},
      {"في الخمسينيات من القرن الماضي", "2017-04-18", "الخمسينيات من القرن الماضي", "DATE", "195",
       ""},
      {"احتفلوا بعيد الشكر 2016", "2017-04-18", "عيد الشكر 2016", "DATE", "2016-11-24", ""},
      {"يحل عيد الفطر المقبل", "2017-04-18", "عيد الفطر المقبل", "DATE", "2017-06-25", ""},
      {"احتفل بعيد الميلاد 2015", "2017-04-18", "عيد الميلاد 2015", "DATE", "2015-12-25", ""},
      {"نعود الأسبوع بعد المقبل", "2017-04-18", "الأسبوع بعد المقبل", "DATE", "2017-W18", ""},
      {"التقيا الأسبوع الماضي يوم الجمعة", "2017-04-18", "الأسبوع الماضي يوم الجمعة", "DATE",
       "2017-04-14", ""},
      {"ارتفعت الأسعار خلال العام الأخير", "2017-04-18", "العام الأخير", "DURATION", "P1Y", ""},
      {"وصل هذا الصباح", "2017-04-18", "هذا الصباح", "TIME", "XXXX-XX-XXTMO", ""},
      {"سافر الجمعة من الأسبوع المقبل", "2017-04-18", "الجمعة من الأسبوع المقبل", "DATE",
       "2017-04-28", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, HijriDates) {
  const Case cases[] = {
      {"صام 15 رمضان 1438 هـ", "2017-04-18", "15 رمضان 1438 هـ", "DATE", "2017-06-10", ""},
      {"في 3 من شهر رمضان", "2017-04-18", "3 من شهر رمضان", "DATE", "2016-06-08", ""},
      {"شهر رمضان المقبل", "2017-04-18", "شهر رمضان المقبل", "DATE", "2017-06", ""},
      {"خلال رمضان", "2017-04-18", "رمضان", "DATE", "2016-06", ""},
      {"في شعبان، قال", "2017-04-18", "شعبان", "DATE", "2016-05", ""},
      {"في رجب طيب أردوغان", "2017-04-18", "", "", "", ""},  // a name, not the month
      {"في رمضان سيتم", "2017-04-18", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, DayAlone) {
  const Case cases[] = {
      {"سأعود في 15", "2017-04-18", "15", "DATE", "2017-04-15", ""},
      {"عدت يوم 27", "2017-04-18", "يوم 27", "DATE", "2017-04-27", ""},
      {"سأعود للثاني والعشرين", "2017-04-18", "لثاني والعشرين", "DATE", "2017-04-22", ""},
      {"حتى الحادي والعشرين", "2017-04-18", "الحادي والعشرين", "DATE", "2017-04-21", ""},
      {"ارتفع إلى 27", "2017-04-18", "", "", "", ""},  // a count
      {"في 3.5 مليون", "2017-04-18", "", "", "", ""},
      {"في 15%", "2017-04-18", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, Weekdays) {
  const Case cases[] = {
      {"وصل يوم الجمعة", "2017-04-18", "يوم الجمعة", "DATE", "2017-04-14", ""},
      {"سيصل الثلاثاء المقبل", "2017-04-18", "الثلاثاء المقبل", "DATE", "2017-04-25", ""},
      {"غادر الخميس، 5 مايو", "2017-04-18", "الخميس، 5 مايو", "DATE", "2016-05-05", ""},
      {"سافر الجمعة من الأسبوع المقبل", "2017-04-18", "الجمعة من الأسبوع المقبل", "DATE",
       "2017-04-28", ""},
      {"وصل الثلاثاء الحادي والعشرين", "2017-04-18", "الثلاثاء الحادي والعشرين", "DATE",
       "2017-04-21", ""},
      {"هاجموا صباح الثلاثاء", "2017-04-18", "صباح الثلاثاء", "TIME", "2017-04-18TMO", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, DeicticDays) {
  const Case cases[] = {
      {"وصل أمس إلى المدينة", "2017-04-18", "أمس", "DATE", "2017-04-17", ""},
      // The generic use: after حتى, after a definite word outside the lexicon, in a construct.
      {"حتى اليوم لم يصل", "2017-04-18", "اليوم", "DATE", "PRESENT_REF", ""},
      {"العالم اليوم مختلف", "2017-04-18", "اليوم", "DATE", "PRESENT_REF", ""},
      {"أعداء الغد كثيرون", "2017-04-18", "الغد", "DATE", "FUTURE_REF", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, YearsDecades) {
  const Case cases[] = {
      {"تأسست عام 2010 في المدينة", "2017-04-18", "عام 2010", "DATE", "2010", ""},
      {"في 1995 وقعت الحرب", "2017-04-18", "1995", "DATE", "1995", ""},
      {"تأسس 64 هـ", "2017-04-18", "64 هـ", "DATE", "0684", ""},
      {"المادة 1990 من القانون", "2017-04-18", "", "", "", ""},  // an article number
      {"عاش في فترة الخمسينيات", "2017-04-18", "فترة الخمسينيات", "DATE", "195", ""},
      {"في ثمانينيات القرن الماضي", "2017-04-18", "ثمانينيات القرن الماضي", "DATE", "198", ""},
      {"في العقد الأول من القرن العشرين", "2017-04-18", "العقد الأول من القرن العشرين", "DATE",
       "190", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RuleFamiliesTest, DayRangesAndLists) {
  const Case cases[] = {
      // The first day borrows the month of the second and ends before the connector.
      {"من 4 إلى 22 يناير", "2017-04-18", "4", "DATE", "2017-01-04", ""},
      {"4-22 يناير 1995", "2017-04-18", "4", "DATE", "1995-01-04", ""},
      {"زار يومي 10 و 11 أبريل", "2017-04-18", "يومي 10", "DATE", "2017-04-10", ""},
  };
  for (const Case& c : cases) Check(c);
  // Days out of order are not a range: only "4 يناير" is found.
  Check({"من 22 إلى 4 يناير", "2017-04-18", "4 يناير", "DATE", "2017-01-04", ""});
}

TEST(RuleFamiliesTest, DayMonthAndMonthWithTheYearTail) {
  const Case cases[] = {
      {"سأعود في 22 أبريل", "2017-04-18", "22 أبريل", "DATE", "2017-04-22", ""},
      {"ولد في 2. أكتوبر 2016 هناك", "2017-04-18", "2. أكتوبر 2016", "DATE", "2016-10-02", ""},
      {"وصل في 16 من شهر مارس", "2017-04-18", "16 من شهر مارس", "DATE", "2017-03-16", ""},
      // The year tail: a year word, the DCT's year plus an offset, a relative word.
      {"في 5 مايو من عام 2015", "2017-04-18", "5 مايو من عام 2015", "DATE", "2015-05-05", ""},
      {"في 5 مايو من العام الماضي", "2017-04-18", "5 مايو من العام الماضي", "DATE", "2016-05-05",
       ""},
      {"انتهى في مارس من العام المقبل", "2017-04-18", "مارس من العام المقبل", "DATE", "2018-03",
       ""},
      {"يبدأ في يونيو المقبل", "2017-04-18", "يونيو المقبل", "DATE", "2017-06", ""},
      // A day of the month relative to the DCT.
      {"عاد في 5 من الشهر الجاري", "2017-04-18", "5 من الشهر الجاري", "DATE", "2017-04-05", ""},
      {"عاد في العشرين من الشهر الماضي", "2017-04-18", "العشرين من الشهر الماضي", "DATE",
       "2017-03-20", ""},
      // The month first, then the day.
      {"وصل يناير 2016", "2017-04-18", "يناير 2016", "DATE", "2016-01", ""},
      {"نشر سبتمبر 16 بيانا", "2017-04-18", "سبتمبر 16", "DATE", "2016-09-16", ""},
      {"ولد شهر مايو", "2017-04-18", "شهر مايو", "DATE", "2016-05", ""},
  };
  for (const Case& c : cases) Check(c);
  // A month with common homographs needs support; a count after the month is not its day.
  Check({"مارس الرياضة", "2017-04-18", "", "", "", ""});
  Check({"وصل في مارس", "2017-04-18", "مارس", "DATE", "2017-03", ""});
  Check({"ولد في 31 شباط 2016", "2017-04-18", "", "", "", ""});
}

TEST(RuleFamiliesTest, NumericDates) {
  const Case cases[] = {
      // An era mark joined to the year: هـ makes it Hijri, م is part of the extent.
      {"صدر في 1438/9/1 هـ", "2017-04-18", "1438/9/1 هـ", "DATE", "2017-05-27", ""},
      {"بتاريخ 25-12-2016م", "2017-04-18", "25-12-2016م", "DATE", "2016-12-25", ""},
      // M/D/YYYY when the second part cannot be a month; two-digit years.
      {"بتاريخ 10/25/2016", "2017-04-18", "10/25/2016", "DATE", "2016-10-25", ""},
      {"بتاريخ 3/4/17", "2017-04-18", "3/4/17", "DATE", "2017-04-03", ""},
      {"بتاريخ 3/4/99", "2017-04-18", "3/4/99", "DATE", "1999-04-03", ""},
      {"في 7-2016", "2017-04-18", "7-2016", "DATE", "2016-07", ""},
      {"في 2016-7", "2017-04-18", "2016-7", "DATE", "2016-07", ""},
      // Without a year: after a preposition, or a slash with a two-digit part.
      // (a past clause: the last 22 April before the DCT)
      {"التقينا في 22-4", "2017-04-18", "22-4", "DATE", "2016-04-22", ""},
      {"وصل 4/22", "2017-04-18", "4/22", "DATE", "2016-04-22", ""},
      {"وصل في 3.5 صباحا", "2017-04-18", "3.5", "DATE", "2016-05-03", ""},
      // Mixed separators are no D/M/Y date: "10-2016" is read on its own.
      {"رقم 5/10-2016 هنا", "2017-04-18", "10-2016", "DATE", "2016-10", ""},
  };
  for (const Case& c : cases) Check(c);
  // A score, a fraction, a longer run, a month out of range.
  Check({"فاز 3-1", "2017-04-18", "", "", "", ""});
  Check({"أكل 1/2", "2017-04-18", "", "", "", ""});
  Check({"رقم 1/2/3/4 هنا", "2017-04-18", "", "", "", ""});
  Check({"رقم 2016/13/05 هنا", "2017-04-18", "", "", "", ""});
}

// Expressions whose rules are reached only through the second-token filter (the compiler's
// set of what can follow a rule's first token: a class, digits, punctuation, a line break or
// the end of a clause; recognize_rules.cc skips the rules that the next token cannot go on
// with). A set that misses a case loses the match. Values from TIMEX3 at DCT 2016-05-06 (a
// Friday): relative units from the DCT, a month or day without a year in the past (news
// default), a Hijri year or month as the Gregorian one holding most of it.
TEST(SecondTokenFilterTest, MatchesThatDependOnTheNextToken) {
  const Case cases[] = {
      // A word start, then a class: UNIT + REL, DEM + UNIT, SEASON + REL, UNIT=CE + REL.
      {"قال إن العام الماضي كان صعبا", "2016-05-06", "العام الماضي", "DATE", "2015", ""},
      {"سيزور البلاد الشهر المقبل", "2016-05-06", "الشهر المقبل", "DATE", "2016-06", ""},
      {"ارتفعت الأسعار الأسبوع الماضي", "2016-05-06", "الأسبوع الماضي", "DATE", "2016-W17", ""},
      {"هذا العام مختلف", "2016-05-06", "هذا العام", "DATE", "2016", ""},
      {"تنتهي الأعمال الصيف المقبل", "2016-05-06", "الصيف المقبل", "DATE", "2016-SU", ""},
      {"في القرن الماضي", "2016-05-06", "القرن الماضي", "DATE", "19", ""},
      // A word start, then digits: UNIT + year, with a Hijri era mark after it (1437 AH ran
      // from October 2015 to October 2016).
      {"في عام 2015 بدأت", "2016-05-06", "عام 2015", "DATE", "2015", ""},
      {"في عام 1437 هـ بدأت", "2016-05-06", "عام 1437 هـ", "DATE", "2016", ""},
      // A digits start, then a month (May 15 after the DCT: the past one), or punctuation.
      {"وقع الهجوم في 15 مارس 2016", "2016-05-06", "15 مارس 2016", "DATE", "2016-03-15", ""},
      {"افتتح في 15 مايو الجسر", "2016-05-06", "15 مايو", "DATE", "2015-05-15", ""},
      {"في 15/03/2016 وقع", "2016-05-06", "15/03/2016", "DATE", "2016-03-15", ""},
      {"بتاريخ 2016-03-15 وقع", "2016-05-06", "2016-03-15", "DATE", "2016-03-15", ""},
      // The end of a clause (punctuation or a line break) right after the first element: the
      // past Ramadan is 1436 (18 June to 16 July 2015, mostly July).
      {"وصلوا في رمضان.", "2016-05-06", "رمضان", "DATE", "2015-07", ""},
      // A day alone after في closes its clause (a line break, a comma): that day of the DCT's
      // month.
      {"سيعود في 27\nإلى بغداد", "2016-05-06", "27", "DATE", "2016-05-27", ""},
      {"سيعود في 27، ثم يغادر", "2016-05-06", "27", "DATE", "2016-05-27", ""},
      {"وصلوا في رمضان\nثم عادوا", "2016-05-06", "رمضان", "DATE", "2015-07", ""},
      // Next tokens that go on with no rule: nothing.
      {"قال الأمين العام للأمم المتحدة", "2016-05-06", "", "", "", ""},
      {"وصل 15 شخصا إلى المدينة", "2016-05-06", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

// Runs the rule compiler on `text` (as file bad.rules); returns its exit status and stderr.
int Compile(const std::string& text, std::string* err) {
  // One directory per test: ctest runs the tests of this file in parallel processes.
  const std::string dir = std::string(TARIKH_BINARY_DIR) + "/rules_test_" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name();
  if (std::system(("mkdir -p '" + dir + "'").c_str()) != 0) return -1;
  {
    std::ofstream f(dir + "/bad.rules");
    f << text;
  }
  const std::string cmd = "python3 '" + std::string(TARIKH_SOURCE_DIR) +
                          "/tools/compile_rules.py' '" + dir + "/out.h' '" + dir +
                          "/bad.rules' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::array<char, 512> buf;
  err->clear();
  while (fgets(buf.data(), buf.size(), p)) *err += buf.data();
  const int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

TEST(RuleCompilerTest, AcceptsAGoodRule) {
  std::string err;
  ASSERT_EQ(
      Compile("# ok\nSeasonExpr: s:SEASON r:REL@dct => season=$s unit=SEASON offset=$r\n", &err), 0)
      << err;
}

TEST(RuleCompilerTest, ExpandsFragmentsWithTheirCaptures) {
  std::string err;
  ASSERT_EQ(Compile("%Rel = ( r:REL@dct )?\n%Sets = offset=$r\n"
                    "SeasonExpr: s:SEASON %Rel => season=$s unit=SEASON %Sets\n",
                    &err),
            0)
      << err;
  // A fragment belongs to its file: the same name may be defined in another file.
  ASSERT_EQ(Compile("%Rel = REL\nSeasonExpr: SEASON %Rel => unit=Y\n", &err), 0) << err;
}

TEST(RuleCompilerTest, RejectsMalformedRulesWithFileAndLine) {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"# c\n\nSeasonExpr: s:SEASN => season=$s\n", "bad.rules:3: error: unknown lexicon class"},
      {"NoSuchFamily: SEASON => season=SP\n", "bad.rules:1: error: unknown family"},
      {"SeasonExpr: s:SEASON\n", "bad.rules:1: error: missing '=>'"},
      {"SeasonExpr: s:SEASON => season=$x\n", "bad.rules:1: error: undefined capture '$x'"},
      {"SeasonExpr: s:SEASON => seasn=$s\n", "bad.rules:1: error: unknown slot"},
      {"SeasonExpr: UNIT=Q7 => unit=Y\n", "bad.rules:1: error: value 'Q7' not allowed"},
      {"SeasonExpr: REL@xyz => unit=Y\n", "bad.rules:1: error: attr 'xyz' not allowed"},
      {"SeasonExpr: ( SEASON | REL => unit=Y\n", "bad.rules:1: error: missing ')'"},
      {"SeasonExpr: SEASON[shiny] => unit=Y\n", "bad.rules:1: error: unknown flag"},
      {"SeasonExpr: @Foo => unit=Y\n", "bad.rules:1: error: unknown terminal"},
      {"SeasonExpr: SEASON => call=NoBuilder\n", "bad.rules:1: error: unknown builder"},
      {"SeasonExpr: SEASON => unit=FORTNIGHT\n", "bad.rules:1: error: slot unit"},
      {"SeasonExpr: SEASON <PREP => unit=Y\n", "bad.rules:1: error: a look-behind"},
      {"SeasonExpr: SEASON <<PREP => unit=Y\n", "bad.rules:1: error: a look-behind"},
      {"SeasonExpr: PREP=fi,min,ila,hatta,bayn,baad,qabl,an,ind => unit=Y\n",
       "bad.rules:1: error: more than 8 values"},
      {"SeasonExpr: SEASON \\", "bad.rules:1: error: the file ends inside a continued rule"},
      // Fragments: used before (or without) a definition, defined twice.
      {"SeasonExpr: %Tail SEASON => unit=Y\n%Tail = REL\n", "bad.rules:1: error: unknown fragment"},
      {"%T = REL\n%T = SEASON\n", "bad.rules:2: error: fragment '%T' defined twice"},
      {"%T = REL\nSeasonExpr: s:SEASON %T => season=$x\n", "bad.rules:2: error: undefined capture"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.text);
    std::string err;
    EXPECT_EQ(Compile(b.text, &err), 1);
    EXPECT_NE(err.find(b.message), std::string::npos) << err;
  }
}

}  // namespace
}  // namespace tarikh
