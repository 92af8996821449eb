// SPDX-License-Identifier: MIT
#include "tarikh/core/date.h"

#include <charconv>
#include <cstdio>

namespace tarikh {
namespace {

// Reads exactly `width` ASCII digits at `pos`.
bool ReadDigits(std::string_view s, size_t pos, size_t width, int* out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

Status DctError(std::string_view text, size_t pos, const char* what) {
  return Status::InvalidArgument(
      "malformed DCT '" + std::string(text) + "': " + what +
          " (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS])",
      Location{static_cast<int64_t>(pos), 1, static_cast<int64_t>(pos) + 1});
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

// Days from civil: shift the year to start in March so the leap day is last, then count
// 400-year eras of 146097 days.
int32_t DayNumber(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;  // March = 0
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDayNumber(int32_t z, int* year, int* month, int* day) {
  const int64_t zz = static_cast<int64_t>(z) + 719468;
  const int64_t era = (zz >= 0 ? zz : zz - 146096) / 146097;
  const int64_t doe = zz - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  *month = m;
  *day = d;
}

int IsoWeekday(int32_t z) {
  // 1970-01-01 was a Thursday (4).
  const int64_t w = (static_cast<int64_t>(z) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w) + 1;
}

std::string FormatDayNumber(int32_t day_number) {
  int y, m, d;
  CivilFromDayNumber(day_number, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

Result<Dct> ParseDct(std::string_view text) {
  Dct dct;
  if (text.size() < 10) return DctError(text, text.size(), "too short");
  if (!ReadDigits(text, 0, 4, &dct.year)) return DctError(text, 0, "bad year");
  if (text[4] != '-') return DctError(text, 4, "expected '-'");
  if (!ReadDigits(text, 5, 2, &dct.month)) return DctError(text, 5, "bad month");
  if (text[7] != '-') return DctError(text, 7, "expected '-'");
  if (!ReadDigits(text, 8, 2, &dct.day)) return DctError(text, 8, "bad day");
  if (dct.month < 1 || dct.month > 12) return DctError(text, 5, "month out of range");
  if (!IsValidDate(dct.year, dct.month, dct.day)) return DctError(text, 8, "no such day");
  size_t pos = 10;
  if (pos == text.size()) return dct;
  if (text[pos] != 'T' && text[pos] != ' ') return DctError(text, pos, "unexpected character");
  ++pos;
  if (!ReadDigits(text, pos, 2, &dct.hour)) return DctError(text, pos, "bad hour");
  if (pos + 2 >= text.size() || text[pos + 2] != ':')
    return DctError(text, pos + 2, "expected ':'");
  if (!ReadDigits(text, pos + 3, 2, &dct.minute)) return DctError(text, pos + 3, "bad minute");
  pos += 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!ReadDigits(text, pos + 1, 2, &dct.second)) return DctError(text, pos + 1, "bad second");
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  if (pos < text.size() && text[pos] == 'Z') ++pos;
  if (pos != text.size()) return DctError(text, pos, "trailing characters");
  if (dct.hour > 23 || dct.minute > 59 || dct.second > 60) {
    return DctError(text, 11, "time out of range");
  }
  return dct;
}

std::string FormatDct(const Dct& dct) {
  char buf[40];
  if (dct.has_time()) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", dct.year, dct.month, dct.day,
                  dct.hour, dct.minute, dct.second);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dct.year, dct.month, dct.day);
  }
  return buf;
}

}  // namespace tarikh
