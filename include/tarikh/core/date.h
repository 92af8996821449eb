// SPDX-License-Identifier: MIT
// Calendar basics shared by every stage: the document creation time (DCT), day numbers and
// half-open day intervals. Day numbers count days since 1970-01-01 in the proleptic Gregorian
// calendar, so intervals compare as plain integers and nothing downstream re-parses strings.
#ifndef TARIKH_CORE_DATE_H_
#define TARIKH_CORE_DATE_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "tarikh/status.h"

namespace tarikh {

// A document creation time: a calendar day, optionally with a time of day.
struct Dct {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31, valid for the month
  int hour = -1;  // -1: no time of day given
  int minute = 0;
  int second = 0;
  bool has_time() const { return hour >= 0; }
  friend bool operator==(const Dct&, const Dct&) = default;
};

// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (a trailing "Z" or fractional seconds are
// accepted and ignored). Rejects impossible dates such as 2017-02-31 with kInvalidArgument
// and the byte offset of the offending field.
Result<Dct> ParseDct(std::string_view text);

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS".
std::string FormatDct(const Dct& dct);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);  // REQUIRES: 1 <= month <= 12
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (proleptic Gregorian). REQUIRES: a valid date.
int32_t DayNumber(int year, int month, int day);
inline int32_t DayNumber(const Dct& dct) { return DayNumber(dct.year, dct.month, dct.day); }
void CivilFromDayNumber(int32_t day_number, int* year, int* month, int* day);
// 1 = Monday … 7 = Sunday (ISO 8601).
int IsoWeekday(int32_t day_number);
// "YYYY-MM-DD" for a day number.
std::string FormatDayNumber(int32_t day_number);

// A half-open interval of days [begin, end). Unbounded sides use the sentinels below
// (PAST_REF = [kMinusInfinity, dct+1), FUTURE_REF = [dct, kPlusInfinity)).
struct DayInterval {
  static constexpr int32_t kMinusInfinity = std::numeric_limits<int32_t>::min();
  static constexpr int32_t kPlusInfinity = std::numeric_limits<int32_t>::max();
  int32_t begin = kMinusInfinity;
  int32_t end = kPlusInfinity;
  bool empty() const { return begin >= end; }
  bool bounded() const { return begin != kMinusInfinity && end != kPlusInfinity; }
  bool Contains(const DayInterval& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const DayInterval& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const DayInterval&, const DayInterval&) = default;
};

}  // namespace tarikh

#endif  // TARIKH_CORE_DATE_H_
