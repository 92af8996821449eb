// SPDX-License-Identifier: MIT
#include "resolve.h"

#include <gtest/gtest.h>

namespace tarikh::internal {
namespace {

Timex Res(const Partial& p, const char* dct, bool future = false, const Anchor* a = nullptr) {
  ResolveContext ctx;
  ctx.dct = *ParseDct(dct);
  ctx.future = future;
  ctx.anchor = a;
  Timex t;
  EXPECT_TRUE(Resolve(p, ctx, &t));
  return t;
}

TEST(ResolveTest, MonthWithoutYearByDirection) {
  Partial p;
  p.month = 10;
  p.dir = Dir::kPast;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2016-10");
  p.month = 3;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-03");
  p.month = 4;  // "أبريل الماضي" in April → last year's
  EXPECT_EQ(Res(p, "2017-04-17").value, "2016-04");
  p.dir = Dir::kFuture;
  EXPECT_EQ(Res(p, "2017-03-20").value, "2017-04");
  EXPECT_EQ(Res(p, "2017-04-17").value, "2018-04");
  p.dir = Dir::kByTense;
  p.month = 6;
  EXPECT_EQ(Res(p, "2017-04-17", /*future=*/true).value, "2017-06");
  EXPECT_EQ(Res(p, "2017-04-17", /*future=*/false).value, "2016-06");
}

TEST(ResolveTest, WeekdayByTense) {
  Partial p;
  p.weekday = 1;
  p.dir = Dir::kByTense;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-04-17");  // a Monday DCT, past → same day
  p.weekday = 4;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-04-13");        // past Thursday
  EXPECT_EQ(Res(p, "2017-04-17", true).value, "2017-04-20");  // future Thursday
  p.weekday = 1;
  p.dir = Dir::kPast;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-04-10");
  p.dir = Dir::kFuture;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-04-24");
}

TEST(ResolveTest, RelativeUnits) {
  Partial p;
  p.unit = Granularity::kMonth;
  p.offset = -1;
  EXPECT_EQ(Res(p, "2017-01-10").value, "2016-12");
  p.unit = Granularity::kWeek;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-W15");
  p.weekend = true;
  EXPECT_EQ(Res(p, "2004-03-31").value, "2004-W13-WE");
  p = {};
  p.unit = Granularity::kCentury;
  p.offset = -1;
  EXPECT_EQ(Res(p, "2017-04-17").value, "19");
  p.unit = Granularity::kDecade;
  EXPECT_EQ(Res(p, "2017-04-17").value, "200");
  p.unit = Granularity::kYear;
  p.offset = -95;
  EXPECT_EQ(Res(p, "2004-04-15").value, "1909");
  p = {};
  p.unit = Granularity::kSeason;
  p.season = 1;
  p.offset = -1;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2016-SU");
}

TEST(ResolveTest, AnaphoraUsesAnchorOrDct) {
  Anchor a;
  a.set = true;
  a.granularity = Granularity::kYear;
  a.year = 2014;
  a.begin = DayNumber(2014, 1, 1);
  a.end = DayNumber(2015, 1, 1);
  a.value = "2014";
  Partial p;
  p.unit = Granularity::kYear;
  p.anaphoric = true;
  EXPECT_EQ(Res(p, "2017-04-18", false, &a).value, "2014");
  p.unit = Granularity::kMonth;  // "ذلك الشهر" after a year: the year is all we know
  EXPECT_EQ(Res(p, "2017-04-18", false, &a).value, "2014");
  EXPECT_EQ(Res(p, "2017-04-18", false, nullptr).value, "2017-04");
}

TEST(ResolveTest, ImpossibleDatesAreRejected) {
  ResolveContext ctx;
  ctx.dct = *ParseDct("2017-04-17");
  Timex t;
  Partial p;
  p.year = 2017, p.month = 2, p.day = 30;
  EXPECT_FALSE(Resolve(p, ctx, &t));
  p = {};
  p.month = 2, p.day = 31, p.dir = Dir::kByTense;
  EXPECT_FALSE(Resolve(p, ctx, &t));
  p = {};
  p.month = 4, p.day = 31, p.dir = Dir::kPast;
  EXPECT_FALSE(Resolve(p, ctx, &t));
}

TEST(ResolveTest, HijriUmmAlQura) {
  // Conversions themselves are tested in hijri_test.cc; here the resolution on top of them.
  Partial p;
  p.hyear = 1438, p.hmonth = 9, p.hday = 1;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-05-27");
  p.hyear = 1437, p.hmonth = 12, p.hday = 10;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2016-09-11");
  p.hyear = 1438, p.hmonth = 9, p.hday = 30;  // Ramadan 1438 has 29 days
  Timex t;
  ResolveContext ctx;
  ctx.dct = *ParseDct("2017-04-17");
  EXPECT_FALSE(Resolve(p, ctx, &t));
  p = {};
  p.hyear = 1438;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017");
  p = {};
  p.hyear = 1438, p.hmonth = 9;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2017-06");  // the month holding most of Ramadan
  p = {};
  p.hmonth = 9, p.hday = 27, p.dir = Dir::kByTense;
  EXPECT_EQ(Res(p, "2017-04-17").value, "2016-07-02");
  EXPECT_EQ(Res(p, "2017-04-17", true).value, "2017-06-22");
}

TEST(ResolveTest, RefIntervalsAreHalfBounded) {
  Partial p;
  p.literal = "PAST_REF";
  Timex t = Res(p, "2017-04-17");
  EXPECT_EQ(t.interval.begin, DayInterval::kMinusInfinity);
  EXPECT_EQ(t.interval.end, DayNumber(2017, 4, 18));
}

// Values are written with a hand-made "%0Nd" (resolve.cc, no snprintf): short years and
// centuries are zero-padded to the width, months and days to two digits, and a negative
// count keeps its sign in front of the padding as printf does.
TEST(ResolveTest, ValuesZeroPadded) {
  Partial p;
  p.year = 33;
  EXPECT_EQ(Res(p, "2017-04-17").value, "0033");
  p.month = 3;
  EXPECT_EQ(Res(p, "2017-04-17").value, "0033-03");
  p.day = 7;
  EXPECT_EQ(Res(p, "2017-04-17").value, "0033-03-07");
  Partial c;
  c.century = 5;
  EXPECT_EQ(Res(c, "2017-04-17").value, "05");
  Partial d;
  d.decade = 7;
  EXPECT_EQ(Res(d, "2017-04-17").value, "007");
  Partial r;  // 30 centuries before the 21st: the -10th
  r.unit = Granularity::kCentury;
  r.offset = -30;
  EXPECT_EQ(Res(r, "2017-04-17").value, "-10");
  r.unit = Granularity::kYear;
  r.offset = 3;
  EXPECT_EQ(Res(r, "2017-04-17").value, "2020");
}

}  // namespace
}  // namespace tarikh::internal
