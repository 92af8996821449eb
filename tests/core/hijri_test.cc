// SPDX-License-Identifier: MIT
#include "tarikh/core/hijri.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "tarikh/core/date.h"

namespace tarikh {
namespace {

int32_t Day(const char* iso) {
  Result<Dct> dct = ParseDct(iso);
  EXPECT_TRUE(dct.ok()) << iso;
  return dct.ok() ? DayNumber(*dct) : 0;
}

std::string Gregorian(int y, int m, int d, HijriCalendar cal = HijriCalendar::kUmmAlQura) {
  Result<int32_t> day = HijriToDayNumber(y, m, d, cal);
  if (!day.ok()) return "error: " + day.status().message();
  return FormatDayNumber(*day);
}

// Rows of reference/arabic-temporal.md §3.4 (Umm al-Qura, ICU 72): 1 Muharram, 10 Muharram,
// 12 Rabi' I, 1 Ramadan, 1 Shawwal, 9 and 10 Dhu al-Hijja, last day of the year.
struct KeyDates {
  int year;
  const char* dates[8];
};
constexpr KeyDates kKeyDates[] = {
    {1430,
     {"2008-12-29", "2009-01-07", "2009-03-09", "2009-08-22", "2009-09-20", "2009-11-26",
      "2009-11-27", "2009-12-17"}},
    {1437,
     {"2015-10-14", "2015-10-23", "2015-12-23", "2016-06-06", "2016-07-06", "2016-09-10",
      "2016-09-11", "2016-10-01"}},
    {1438,
     {"2016-10-02", "2016-10-11", "2016-12-11", "2017-05-27", "2017-06-25", "2017-08-31",
      "2017-09-01", "2017-09-20"}},
    {1439,
     {"2017-09-21", "2017-09-30", "2017-11-30", "2018-05-16", "2018-06-15", "2018-08-20",
      "2018-08-21", "2018-09-10"}},
    {1445,
     {"2023-07-19", "2023-07-28", "2023-09-27", "2024-03-11", "2024-04-10", "2024-06-15",
      "2024-06-16", "2024-07-06"}},
    {1452,
     {"2030-05-04", "2030-05-13", "2030-07-13", "2030-12-26", "2031-01-24", "2031-04-01",
      "2031-04-02", "2031-04-22"}},
    {1455,
     {"2033-04-01", "2033-04-10", "2033-06-10", "2033-11-23", "2033-12-23", "2034-02-28",
      "2034-03-01", "2034-03-21"}},
};

TEST(HijriTest, KeyDatesUmmAlQura) {
  for (const KeyDates& row : kKeyDates) {
    const int y = row.year;
    EXPECT_EQ(Gregorian(y, 1, 1), row.dates[0]) << y;
    EXPECT_EQ(Gregorian(y, 1, 10), row.dates[1]) << y;
    EXPECT_EQ(Gregorian(y, 3, 12), row.dates[2]) << y;
    EXPECT_EQ(Gregorian(y, 9, 1), row.dates[3]) << y;
    EXPECT_EQ(Gregorian(y, 10, 1), row.dates[4]) << y;
    EXPECT_EQ(Gregorian(y, 12, 9), row.dates[5]) << y;
    EXPECT_EQ(Gregorian(y, 12, 10), row.dates[6]) << y;
    Result<DayInterval> year = HijriYearInterval(y);
    ASSERT_TRUE(year.ok()) << year.status().message();
    EXPECT_EQ(FormatDayNumber(year->begin), row.dates[0]) << y;
    EXPECT_EQ(FormatDayNumber(year->end - 1), row.dates[7]) << y;
  }
}

TEST(HijriTest, CrossCheckValues) {
  EXPECT_EQ(Gregorian(1438, 7, 20), "2017-04-17");
  EXPECT_EQ(Gregorian(1438, 7, 20, HijriCalendar::kCivil), "2017-04-17");
  EXPECT_EQ(Gregorian(1438, 2, 20), "2016-11-20");
  EXPECT_EQ(Gregorian(1438, 7, 27), "2017-04-24");
  EXPECT_EQ(Gregorian(1438, 8, 15), "2017-05-11");
  EXPECT_EQ(Gregorian(1438, 9, 27), "2017-06-22");
  EXPECT_EQ(Gregorian(1438, 12, 18), "2017-09-09");
  // 10 Dhu al-Hijja 1437 (§3.2): umalqura 2016-09-11, civil 2016-09-13.
  EXPECT_EQ(Gregorian(1437, 12, 10), "2016-09-11");
  EXPECT_EQ(Gregorian(1437, 12, 10, HijriCalendar::kCivil), "2016-09-13");

  int y = 0, m = 0, d = 0;
  ASSERT_TRUE(DayNumberToHijri(Day("2024-04-24"), &y, &m, &d).ok());
  EXPECT_EQ(y, 1445);
  EXPECT_EQ(m, 10);
  EXPECT_EQ(d, 15);
}

TEST(HijriTest, MonthLengths) {
  // Ramadan 1438: 29 days under Umm al-Qura, 30 under civil (§3.2).
  EXPECT_EQ(HijriMonthLength(1438, 9), 29);
  EXPECT_EQ(HijriMonthLength(1438, 9, HijriCalendar::kCivil), 30);
  EXPECT_EQ(HijriMonthLength(1438, 13), 0);
  EXPECT_EQ(HijriMonthLength(0, 1), 0);
  Result<DayInterval> ramadan = HijriMonthInterval(1438, 9);
  ASSERT_TRUE(ramadan.ok());
  EXPECT_EQ(FormatDayNumber(ramadan->begin), "2017-05-27");
  EXPECT_EQ(FormatDayNumber(ramadan->end), "2017-06-25");  // half-open: 1 Shawwal
  // Every month is 29 or 30 days and months tile the year.
  for (HijriCalendar cal :
       {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
    for (int year = 1420; year <= 1460; ++year) {
      Result<DayInterval> whole = HijriYearInterval(year, cal);
      ASSERT_TRUE(whole.ok());
      int32_t expected_begin = whole->begin;
      for (int month = 1; month <= 12; ++month) {
        Result<DayInterval> iv = HijriMonthInterval(year, month, cal);
        ASSERT_TRUE(iv.ok());
        EXPECT_EQ(iv->begin, expected_begin) << year << "-" << month;
        const int32_t len = iv->end - iv->begin;
        EXPECT_TRUE(len == 29 || len == 30) << year << "-" << month << " " << len;
        expected_begin = iv->end;
      }
      EXPECT_EQ(expected_begin, whole->end);
      const int32_t year_len = whole->end - whole->begin;
      EXPECT_TRUE(year_len == 354 || year_len == 355) << year << " " << year_len;
    }
  }
}

TEST(HijriTest, ImpossibleDatesAreRejectedNotRolledOver) {
  // 30 Ramadan 1438 does not exist under Umm al-Qura (29 days) but does under civil.
  Result<int32_t> r = HijriToDayNumber(1438, 9, 30);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HijriToDayNumber(1438, 9, 30, HijriCalendar::kCivil).ok());
  for (auto [y, m, d] : {std::tuple{1438, 13, 1}, std::tuple{1438, 0, 1}, std::tuple{1438, 1, 0},
                         std::tuple{1438, 1, 31}, std::tuple{1438, 2, -5}, std::tuple{0, 1, 1},
                         std::tuple{-3, 1, 1}, std::tuple{kMaxHijriYear + 1, 1, 1}}) {
    for (HijriCalendar cal :
         {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
      Result<int32_t> bad = HijriToDayNumber(y, m, d, cal);
      EXPECT_FALSE(bad.ok()) << y << "-" << m << "-" << d;
      if (!bad.ok()) {
        EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
      }
    }
  }
  // Day 30 of every 29-day month is refused, for every calendar.
  for (HijriCalendar cal :
       {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
    for (int year = 1430; year <= 1445; ++year) {
      for (int month = 1; month <= 12; ++month) {
        const int len = HijriMonthLength(year, month, cal);
        Result<int32_t> day30 = HijriToDayNumber(year, month, 30, cal);
        EXPECT_EQ(day30.ok(), len == 30) << year << "-" << month;
      }
    }
  }
}

TEST(HijriTest, DayNumberOutOfRange) {
  int y, m, d;
  EXPECT_FALSE(DayNumberToHijri(Day("0600-01-01"), &y, &m, &d).ok());
  EXPECT_FALSE(DayNumberToHijri(DayInterval::kPlusInfinity, &y, &m, &d).ok());
  EXPECT_FALSE(DayNumberToHijri(DayInterval::kMinusInfinity, &y, &m, &d).ok());
}

TEST(HijriTest, RoundTripOverDays) {
  // Every 7th day from 1900 to 2100 plus a daily stretch, all three calendars.
  for (HijriCalendar cal :
       {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
    std::vector<int32_t> days;
    for (int32_t day = Day("1900-01-01"); day < Day("2100-01-01"); day += 7) days.push_back(day);
    for (int32_t day = Day("2015-01-01"); day < Day("2019-01-01"); ++day) days.push_back(day);
    for (int32_t day : days) {
      int y = 0, m = 0, d = 0;
      ASSERT_TRUE(DayNumberToHijri(day, &y, &m, &d, cal).ok()) << FormatDayNumber(day);
      Result<int32_t> back = HijriToDayNumber(y, m, d, cal);
      ASSERT_TRUE(back.ok()) << back.status().message();
      ASSERT_EQ(*back, day) << HijriCalendarName(cal) << " " << FormatDayNumber(day);
    }
  }
}

// Conversions of AH 1200–1700 go through a month-start table, the others straight to ICU:
// both paths must agree where they meet and round-trip on their own.
TEST(HijriTest, TableAndDirectIcuPathsAgree) {
  for (HijriCalendar cal :
       {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
    for (int boundary : {1200, 1701}) {
      Result<DayInterval> before = HijriMonthInterval(boundary - 1, 12, cal);
      Result<DayInterval> after = HijriMonthInterval(boundary, 1, cal);
      ASSERT_TRUE(before.ok() && after.ok());
      EXPECT_EQ(before->end, after->begin) << HijriCalendarName(cal) << " " << boundary;
      for (int32_t day = before->begin - 40; day < after->end + 40; ++day) {
        int y, m, d;
        ASSERT_TRUE(DayNumberToHijri(day, &y, &m, &d, cal).ok());
        Result<int32_t> back = HijriToDayNumber(y, m, d, cal);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, day) << HijriCalendarName(cal) << " " << FormatDayNumber(day);
      }
    }
    // Uncached years, every 5th day: 1700–1780 CE (AH ~1111–1194) and 2300–2320 CE (AH ~1730).
    for (auto [from, to] :
         {std::pair{"1700-01-01", "1780-01-01"}, std::pair{"2300-01-01", "2320-01-01"}}) {
      for (int32_t day = Day(from); day < Day(to); day += 5) {
        int y, m, d;
        ASSERT_TRUE(DayNumberToHijri(day, &y, &m, &d, cal).ok());
        EXPECT_TRUE(y < 1200 || y > 1700) << y;
        Result<int32_t> back = HijriToDayNumber(y, m, d, cal);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, day) << HijriCalendarName(cal) << " " << FormatDayNumber(day);
      }
    }
  }
}

// Differential test: ICU's islamic-civil against the arithmetic implementation, every day of
// ~100 Gregorian years, plus Umm al-Qura within ±2 days of tabular over the same span.
TEST(HijriTest, IcuCivilMatchesTabularDayByDay) {
  const int32_t first = Day("1950-01-01");
  const int32_t last = Day("2050-01-01");
  int max_ummalqura_gap = 0;
  for (int32_t day = first; day < last; ++day) {
    int ty, tm, td;
    TabularDayNumberToHijri(day, &ty, &tm, &td);
    ASSERT_EQ(TabularHijriToDayNumber(ty, tm, td), day);
    int y, m, d;
    ASSERT_TRUE(DayNumberToHijri(day, &y, &m, &d, HijriCalendar::kCivil).ok());
    ASSERT_EQ(std::tuple(y, m, d), std::tuple(ty, tm, td)) << FormatDayNumber(day);
    if (td == 1) {
      ASSERT_EQ(HijriMonthLength(ty, tm, HijriCalendar::kCivil), TabularHijriMonthLength(ty, tm))
          << ty << "-" << tm;
      Result<int32_t> uq = HijriToDayNumber(ty, tm, 1, HijriCalendar::kUmmAlQura);
      ASSERT_TRUE(uq.ok());
      const int gap = std::abs(*uq - day);
      if (gap > max_ummalqura_gap) max_ummalqura_gap = gap;
      EXPECT_LE(gap, 2) << "1 of " << ty << "-" << tm;
    }
  }
  // The two calendars do differ (otherwise the ±2 check says nothing).
  EXPECT_GE(max_ummalqura_gap, 1);
}

TEST(HijriTest, TabularKnownValues) {
  // The civil epoch: 1 Muharram 1 AH = Friday, Julian 16 July 622 = Gregorian 622-07-19.
  EXPECT_EQ(FormatDayNumber(TabularHijriToDayNumber(1, 1, 1)), "0622-07-19");
  EXPECT_EQ(IsoWeekday(TabularHijriToDayNumber(1, 1, 1)), 5);
  // Leap years of the 30-year cycle end with a 30-day Dhu al-Hijja.
  for (int y = 1; y <= 30; ++y) {
    const bool leap = y == 2 || y == 5 || y == 7 || y == 10 || y == 13 || y == 16 || y == 18 ||
                      y == 21 || y == 24 || y == 26 || y == 29;
    EXPECT_EQ(TabularHijriMonthLength(y + 1410, 12), leap ? 30 : 29) << y;
  }
  // A 30-year cycle is 10631 days.
  EXPECT_EQ(TabularHijriToDayNumber(1441, 1, 1) - TabularHijriToDayNumber(1411, 1, 1), 10631);
}

TEST(HijriTest, UmmAlQuraFallsBackToCivilOutsideItsTable) {
  for (int year : {1100, 1250, 1700}) {
    for (int month : {1, 6, 12}) {
      EXPECT_EQ(Gregorian(year, month, 1), Gregorian(year, month, 1, HijriCalendar::kCivil))
          << year << "-" << month;
    }
  }
}

TEST(HijriTest, MostlyGregorianMonthAndYear) {
  Result<GregorianMonth> ramadan = MostlyGregorianMonth(1438, 9);
  ASSERT_TRUE(ramadan.ok());
  EXPECT_EQ(*ramadan, (GregorianMonth{2017, 6}));  // 5 days in May, 24 in June
  // Ramadan 1424 (dev-revised: 'شهر رمضان' with DCT 2004-04-15 is 2003-11).
  Result<GregorianMonth> r1424 = MostlyGregorianMonth(1424, 9);
  ASSERT_TRUE(r1424.ok());
  EXPECT_EQ(*r1424, (GregorianMonth{2003, 11}));
  Result<int> y1438 = MostlyGregorianYear(1438);
  ASSERT_TRUE(y1438.ok());
  EXPECT_EQ(*y1438, 2017);
  EXPECT_FALSE(MostlyGregorianMonth(1438, 13).ok());
  // Whatever month is picked holds at least half of the Hijri month.
  for (int year = 1400; year < 1460; ++year) {
    for (int month = 1; month <= 12; ++month) {
      Result<DayInterval> iv = HijriMonthInterval(year, month);
      Result<GregorianMonth> g = MostlyGregorianMonth(year, month);
      ASSERT_TRUE(iv.ok() && g.ok());
      const int32_t gb = DayNumber(g->year, g->month, 1);
      const int32_t ge = gb + DaysInMonth(g->year, g->month);
      const int32_t overlap = std::min(ge, iv->end) - std::max(gb, iv->begin);
      EXPECT_GE(2 * overlap, iv->end - iv->begin) << year << "-" << month;
    }
  }
}

TEST(HijriTest, CalendarNames) {
  for (HijriCalendar cal :
       {HijriCalendar::kUmmAlQura, HijriCalendar::kCivil, HijriCalendar::kAstronomical}) {
    EXPECT_EQ(ParseHijriCalendar(HijriCalendarName(cal)), cal);
  }
  EXPECT_EQ(ParseHijriCalendar("islamic-civil"), HijriCalendar::kCivil);
  EXPECT_EQ(ParseHijriCalendar("gregorian"), std::nullopt);
}

TEST(HijriTest, ThreadsConvertIndependently) {
  const int32_t first = Day("2000-01-01");
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, first, &failures] {
      const HijriCalendar cal = t % 2 ? HijriCalendar::kCivil : HijriCalendar::kUmmAlQura;
      for (int32_t day = first + t; day < first + 3000; day += 3) {
        int y, m, d;
        if (!DayNumberToHijri(day, &y, &m, &d, cal).ok()) {
          ++failures[t];
          continue;
        }
        Result<int32_t> back = HijriToDayNumber(y, m, d, cal);
        if (!back.ok() || *back != day) ++failures[t];
        if (cal == HijriCalendar::kCivil) {
          int ty, tm, td;
          TabularDayNumberToHijri(day, &ty, &tm, &td);
          if (std::tuple(y, m, d) != std::tuple(ty, tm, td)) ++failures[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace tarikh
