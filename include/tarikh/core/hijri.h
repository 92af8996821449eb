// SPDX-License-Identifier: MIT
// Hijri (Islamic lunar) calendar ↔ day numbers (days since 1970-01-01, as in core/date.h).
//
//   tarikh::Result<int32_t> d = tarikh::HijriToDayNumber(1438, 9, 1);  // 1 Ramadan 1438
//   tarikh::FormatDayNumber(*d);                                       // "2017-05-27"
//
// Conversions go through ICU's Islamic calendars (ICU stays out of this header). Every
// function is thread-safe: each thread uses its own ICU calendar objects.
//
// Range: Hijri years 1..kMaxHijriYear. Umm al-Qura is table-driven in ICU for about
// AH 1300–1600 (1882–2174 CE); OUTSIDE that range ICU silently falls back to the tabular
// islamic-civil calendar, so Umm al-Qura results there equal kCivil's.
#ifndef TARIKH_CORE_HIJRI_H_
#define TARIKH_CORE_HIJRI_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "tarikh/core/date.h"
#include "tarikh/status.h"

namespace tarikh {

enum class HijriCalendar {
  kUmmAlQura,     // Saudi official calendar (ICU "islamic-umalqura"); the default for news
  kCivil,         // tabular, Friday epoch, 30-year cycle (ICU "islamic-civil")
  kAstronomical,  // ICU's astronomical approximation ("islamic"); not stable across ICU versions
};

inline constexpr int kMaxHijriYear = 3000;

// "umalqura", "civil", "astronomical".
std::string_view HijriCalendarName(HijriCalendar calendar);
// Accepts the names above and the ICU keywords ("islamic-umalqura", "islamic-civil", "islamic").
std::optional<HijriCalendar> ParseHijriCalendar(std::string_view name);

// The day number of Hijri (year, month 1..12, day). An impossible date (month 13, day 0,
// day 30 of a 29-day month, a year outside 1..kMaxHijriYear) is kInvalidArgument; nothing
// is rolled over into the next month.
Result<int32_t> HijriToDayNumber(int year, int month, int day,
                                 HijriCalendar calendar = HijriCalendar::kUmmAlQura);

// The Hijri date of a day number. kInvalidArgument if it falls outside years
// 1..kMaxHijriYear.
Status DayNumberToHijri(int32_t day_number, int* year, int* month, int* day,
                        HijriCalendar calendar = HijriCalendar::kUmmAlQura);

// 29 or 30; 0 if (year, month) is out of range.
int HijriMonthLength(int year, int month, HijriCalendar calendar = HijriCalendar::kUmmAlQura);

// The Gregorian days of a whole Hijri month / year, half-open.
Result<DayInterval> HijriMonthInterval(int year, int month,
                                       HijriCalendar calendar = HijriCalendar::kUmmAlQura);
Result<DayInterval> HijriYearInterval(int year, HijriCalendar calendar = HijriCalendar::kUmmAlQura);

// A Gregorian month or year.
struct GregorianMonth {
  int year = 0;
  int month = 0;  // 1..12; 0 when it names a whole year
  friend bool operator==(const GregorianMonth&, const GregorianMonth&) = default;
};

// The Gregorian month holding most days of a Hijri month (the usual TIMEX3 value of
// "رمضان 1438": 2017-06). A tie (15 + 15 days) goes to the earlier month, the one holding
// the middle of the Hijri month.
Result<GregorianMonth> MostlyGregorianMonth(int year, int month,
                                            HijriCalendar calendar = HijriCalendar::kUmmAlQura);
// The Gregorian year holding most days of a Hijri year (AH 1438 → 2017); ties → earlier.
Result<int> MostlyGregorianYear(int year, HijriCalendar calendar = HijriCalendar::kUmmAlQura);

// The tabular (arithmetical) islamic-civil calendar computed without ICU: Friday epoch
// (1 Muharram 1 AH = Julian 16 July 622), leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29
// of each 30-year cycle. Fast and allocation-free; the tests check it day by day against
// ICU's islamic-civil. REQUIRES: a valid date / any day number (years may be ≤ 0).
int32_t TabularHijriToDayNumber(int year, int month, int day);
void TabularDayNumberToHijri(int32_t day_number, int* year, int* month, int* day);
int TabularHijriMonthLength(int year, int month);

}  // namespace tarikh

#endif  // TARIKH_CORE_HIJRI_H_
