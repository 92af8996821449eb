// SPDX-License-Identifier: MIT
#include "tarikh/core/hijri.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <memory>
#include <new>
#include <string>

namespace tarikh {
namespace {

constexpr double kMillisPerDay = 86400000.0;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// --- Tabular islamic-civil, no ICU ---------------------------------------------------------

// Day number of 1 Muharram 1 AH (Julian 622-07-16 = proleptic Gregorian 622-07-19).
int32_t TabularEpoch() {
  static const int32_t kEpoch = DayNumber(622, 7, 19);
  return kEpoch;
}

bool TabularLeap(int64_t year) { return FloorMod(14 + 11 * year, 30) < 11; }

// Days from the epoch to 1 Muharram of `year`: 354 per year plus the leap days of the
// completed years, which the 30-year cycle places at floor((3 + 11y) / 30).
int64_t TabularDaysBeforeYear(int64_t year) {
  return 354 * (year - 1) + FloorDiv(3 + 11 * year, 30);
}

// Odd months have 30 days, even months 29.
int TabularDaysBeforeMonth(int month) { return 29 * (month - 1) + month / 2; }

// --- ICU ----------------------------------------------------------------------------------

// Indexed by HijriCalendar: our name and ICU's locale keyword.
struct CalendarInfo {
  std::string_view name;
  const char* icu_locale;
};
constexpr CalendarInfo kCalendars[] = {
    {"umalqura", "@calendar=islamic-umalqura"},
    {"civil", "@calendar=islamic-civil"},
    {"astronomical", "@calendar=islamic"},
};

const CalendarInfo& Info(HijriCalendar calendar) {
  const auto i = static_cast<size_t>(calendar);
  return kCalendars[i < std::size(kCalendars) ? i : 0];
}

// ICU Calendar objects are not thread-safe and costly to create (locale and data lookup),
// so each thread keeps one per variant, created on first use.
icu::Calendar* ThreadCalendar(HijriCalendar calendar, Status* status) {
  thread_local std::array<std::unique_ptr<icu::Calendar>, 3> calendars;
  auto& slot = calendars[static_cast<size_t>(calendar)];
  if (slot == nullptr) {
    UErrorCode err = U_ZERO_ERROR;
    icu::TimeZone* gmt = icu::TimeZone::getGMT()->clone();
    if (gmt == nullptr) {
      *status = Status::Internal("ICU: out of memory cloning the GMT time zone");
      return nullptr;
    }
    // createInstance adopts the time zone, even on failure.
    std::unique_ptr<icu::Calendar> cal(
        icu::Calendar::createInstance(gmt, icu::Locale(Info(calendar).icu_locale), err));
    if (U_FAILURE(err) || cal == nullptr) {
      *status = Status::Internal(std::string("ICU: cannot create the ") +
                                 std::string(HijriCalendarName(calendar)) +
                                 " calendar: " + u_errorName(err));
      return nullptr;
    }
    // ICU is lenient by default and would roll 30 Ramadan of a 29-day Ramadan into
    // 1 Shawwal; strict mode makes getTime() fail instead.
    cal->setLenient(false);
    slot = std::move(cal);
  }
  return slot.get();
}

Status OutOfRange(int year) {
  return Status::InvalidArgument("Hijri year " + std::to_string(year) + " out of range 1.." +
                                 std::to_string(kMaxHijriYear));
}

std::string HijriString(int year, int month, int day) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Status ImpossibleDate(int year, int month, int day, HijriCalendar calendar, const char* why) {
  return Status::InvalidArgument("no such Hijri date " + HijriString(year, month, day) + " (" +
                                 std::string(HijriCalendarName(calendar)) + "): " + why);
}

// Reads the Hijri fields of the instant `ms`.
Status IcuFields(icu::Calendar* cal, double ms, int* year, int* month, int* day) {
  UErrorCode err = U_ZERO_ERROR;
  cal->clear();
  cal->setTime(ms, err);
  const int y = cal->get(UCAL_EXTENDED_YEAR, err);
  const int m = cal->get(UCAL_MONTH, err);
  const int d = cal->get(UCAL_DATE, err);
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU: ") + u_errorName(err));
  *year = y;
  *month = m + 1;
  *day = d;
  return Status::Ok();
}

Result<int32_t> IcuToDayNumber(int year, int month, int day, HijriCalendar calendar) {
  Status status;
  icu::Calendar* cal = ThreadCalendar(calendar, &status);
  if (cal == nullptr) return status;
  UErrorCode err = U_ZERO_ERROR;
  cal->clear();
  cal->set(UCAL_EXTENDED_YEAR, year);
  cal->set(UCAL_MONTH, month - 1);
  cal->set(UCAL_DATE, day);
  const UDate ms = cal->getTime(err);
  if (err == U_ILLEGAL_ARGUMENT_ERROR) {
    return ImpossibleDate(year, month, day, calendar, "day out of range for the month");
  }
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU: ") + u_errorName(err));
  const int32_t day_number = static_cast<int32_t>(std::floor(ms / kMillisPerDay));
  // Belt and braces: strict mode should already have refused anything that rolls over.
  int y = 0, m = 0, d = 0;
  TARIKH_RETURN_IF_ERROR(IcuFields(cal, (day_number + 0.5) * kMillisPerDay, &y, &m, &d));
  if (y != year || m != month || d != day) {
    return ImpossibleDate(year, month, day, calendar,
                          ("ICU reads it back as " + HijriString(y, m, d)).c_str());
  }
  return day_number;
}

// --- Month-start cache ---------------------------------------------------------------------
//
// ICU's Umm al-Qura calendar sums month lengths from AH 1300 on every conversion (~15 µs per
// call, profiled with bench/tagger_bench), which made Hijri-dated news tag ~15x slower than
// other text. Month starts never change, so each is computed once through ICU and kept in a
// process-wide table of atomics: racing threads compute and store the same value.
constexpr int kCacheFirstYear = 1200;
constexpr int kCacheLastYear = 1700;  // the table also holds 1 Muharram kCacheLastYear + 1
constexpr int kCacheSize = (kCacheLastYear - kCacheFirstYear + 1) * 12 + 1;
constexpr int32_t kNotComputed = std::numeric_limits<int32_t>::min();

struct MonthStarts {
  std::array<std::atomic<int32_t>, kCacheSize> start;
  MonthStarts() {
    for (auto& s : start) s.store(kNotComputed, std::memory_order_relaxed);
  }
};

bool InCache(int year) { return year >= kCacheFirstYear && year <= kCacheLastYear; }

// Day number of day 1 of the month at `index` (months since Muharram kCacheFirstYear).
Result<int32_t> MonthStartAt(int index, HijriCalendar calendar) {
  static MonthStarts caches[std::size(kCalendars)];
  std::atomic<int32_t>& slot =
      caches[static_cast<size_t>(calendar) % std::size(caches)].start[index];
  int32_t start = slot.load(std::memory_order_relaxed);
  if (start != kNotComputed) return start;
  Result<int32_t> computed =
      IcuToDayNumber(kCacheFirstYear + index / 12, index % 12 + 1, 1, calendar);
  if (!computed.ok()) return computed.status();
  slot.store(*computed, std::memory_order_relaxed);
  return *computed;
}

int CacheIndex(int year, int month) { return (year - kCacheFirstYear) * 12 + (month - 1); }

}  // namespace

std::string_view HijriCalendarName(HijriCalendar calendar) { return Info(calendar).name; }

std::optional<HijriCalendar> ParseHijriCalendar(std::string_view name) {
  if (name == "umalqura" || name == "islamic-umalqura" || name == "ummalqura") {
    return HijriCalendar::kUmmAlQura;
  }
  if (name == "civil" || name == "islamic-civil" || name == "tabular") {
    return HijriCalendar::kCivil;
  }
  if (name == "astronomical" || name == "islamic") return HijriCalendar::kAstronomical;
  return std::nullopt;
}

Result<int32_t> HijriToDayNumber(int year, int month, int day, HijriCalendar calendar) {
  if (year < 1 || year > kMaxHijriYear) return OutOfRange(year);
  if (month < 1 || month > 12) return ImpossibleDate(year, month, day, calendar, "month not 1..12");
  if (day < 1 || day > 30) return ImpossibleDate(year, month, day, calendar, "day not 1..30");
  try {
    if (!InCache(year)) return IcuToDayNumber(year, month, day, calendar);
    const int index = CacheIndex(year, month);
    Result<int32_t> start = MonthStartAt(index, calendar);
    if (!start.ok()) return start.status();
    Result<int32_t> next = MonthStartAt(index + 1, calendar);
    if (!next.ok()) return next.status();
    if (day > *next - *start) {
      return ImpossibleDate(year, month, day, calendar, "day out of range for the month");
    }
    return *start + day - 1;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory in the Hijri converter");
  }
}

Status DayNumberToHijri(int32_t day_number, int* year, int* month, int* day,
                        HijriCalendar calendar) {
  // Cheap range check with the tabular calendar (all variants stay within days of it).
  int ty = 0, tm = 0, td = 0;
  TabularDayNumberToHijri(day_number, &ty, &tm, &td);
  if (ty < 1 || ty > kMaxHijriYear) {
    return Status::InvalidArgument("day " + FormatDayNumber(day_number) +
                                   " is outside Hijri years 1.." + std::to_string(kMaxHijriYear));
  }
  try {
    Result<int32_t> first = MonthStartAt(0, calendar);
    if (!first.ok()) return first.status();
    Result<int32_t> end = MonthStartAt(kCacheSize - 1, calendar);
    if (!end.ok()) return end.status();
    if (day_number >= *first && day_number < *end) {
      // Every variant stays within days of the tabular calendar, so the month is found by
      // stepping a month or two from the tabular estimate.
      int index = std::clamp(CacheIndex(ty, tm), 0, kCacheSize - 2);
      for (;;) {
        Result<int32_t> start = MonthStartAt(index, calendar);
        if (!start.ok()) return start.status();
        if (*start > day_number) {
          --index;
          continue;
        }
        Result<int32_t> next = MonthStartAt(index + 1, calendar);
        if (!next.ok()) return next.status();
        if (*next <= day_number) {
          ++index;
          continue;
        }
        *year = kCacheFirstYear + index / 12;
        *month = index % 12 + 1;
        *day = day_number - *start + 1;
        return Status::Ok();
      }
    }
    Status status;
    icu::Calendar* cal = ThreadCalendar(calendar, &status);
    if (cal == nullptr) return status;
    int y = 0, m = 0, d = 0;
    // Noon, so no rounding of the millisecond count can move the day.
    TARIKH_RETURN_IF_ERROR(IcuFields(cal, (day_number + 0.5) * kMillisPerDay, &y, &m, &d));
    if (y < 1 || y > kMaxHijriYear) return OutOfRange(y);
    *year = y;
    *month = m;
    *day = d;
    return Status::Ok();
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory in the Hijri converter");
  }
}

int HijriMonthLength(int year, int month, HijriCalendar calendar) {
  Result<DayInterval> interval = HijriMonthInterval(year, month, calendar);
  return interval.ok() ? static_cast<int>(interval->end - interval->begin) : 0;
}

Result<DayInterval> HijriMonthInterval(int year, int month, HijriCalendar calendar) {
  Result<int32_t> begin = HijriToDayNumber(year, month, 1, calendar);
  if (!begin.ok()) return begin.status();
  // Day 30 exists in a 30-day month only; strict ICU tells which.
  Result<int32_t> day30 = HijriToDayNumber(year, month, 30, calendar);
  if (!day30.ok() && day30.status().code() != StatusCode::kInvalidArgument) {
    return day30.status();
  }
  const int32_t length = day30.ok() ? 30 : 29;
  if (day30.ok() && *day30 != *begin + 29) {
    return Status::Internal("ICU: Hijri month " + std::to_string(year) + "-" +
                            std::to_string(month) + " is not contiguous");
  }
  return DayInterval{*begin, *begin + length};
}

Result<DayInterval> HijriYearInterval(int year, HijriCalendar calendar) {
  Result<DayInterval> first = HijriMonthInterval(year, 1, calendar);
  if (!first.ok()) return first.status();
  Result<DayInterval> last = HijriMonthInterval(year, 12, calendar);
  if (!last.ok()) return last.status();
  return DayInterval{first->begin, last->end};
}

Result<GregorianMonth> MostlyGregorianMonth(int year, int month, HijriCalendar calendar) {
  Result<DayInterval> interval = HijriMonthInterval(year, month, calendar);
  if (!interval.ok()) return interval.status();
  GregorianMonth best;
  int best_days = 0;
  int32_t day = interval->begin;
  while (day < interval->end) {
    int y, m, d;
    CivilFromDayNumber(day, &y, &m, &d);
    // Days of this Gregorian month inside the Hijri month.
    const int32_t month_end = day + (DaysInMonth(y, m) - d + 1);
    const int32_t stop = month_end < interval->end ? month_end : interval->end;
    const int days = static_cast<int>(stop - day);
    if (days > best_days) {  // strict: ties keep the earlier month
      best_days = days;
      best = GregorianMonth{y, m};
    }
    day = stop;
  }
  return best;
}

Result<int> MostlyGregorianYear(int year, HijriCalendar calendar) {
  Result<DayInterval> interval = HijriYearInterval(year, calendar);
  if (!interval.ok()) return interval.status();
  int first_year, m, d;
  CivilFromDayNumber(interval->begin, &first_year, &m, &d);
  const int32_t next_year_start = DayNumber(first_year + 1, 1, 1);
  const int32_t in_first = next_year_start - interval->begin;
  const int32_t in_second = interval->end - next_year_start;  // a Hijri year < 365 days
  return in_first >= in_second ? first_year : first_year + 1;
}

int32_t TabularHijriToDayNumber(int year, int month, int day) {
  return static_cast<int32_t>(TabularEpoch() + TabularDaysBeforeYear(year) +
                              TabularDaysBeforeMonth(month) + day - 1);
}

void TabularDayNumberToHijri(int32_t day_number, int* year, int* month, int* day) {
  const int64_t days = static_cast<int64_t>(day_number) - TabularEpoch();
  // The mean year is 10631/30 days; the estimate is at most one year off either way.
  int64_t y = FloorDiv(30 * days + 10646, 10631);
  while (TabularDaysBeforeYear(y + 1) <= days) ++y;
  while (TabularDaysBeforeYear(y) > days) --y;
  const int day_of_year = static_cast<int>(days - TabularDaysBeforeYear(y));
  int m = 12;
  while (m > 1 && TabularDaysBeforeMonth(m) > day_of_year) --m;
  *year = static_cast<int>(y);
  *month = m;
  *day = day_of_year - TabularDaysBeforeMonth(m) + 1;
}

int TabularHijriMonthLength(int year, int month) {
  if (month % 2 == 1) return 30;
  return month == 12 && TabularLeap(year) ? 30 : 29;
}

}  // namespace tarikh
