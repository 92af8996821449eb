// SPDX-License-Identifier: MIT
#include "calendar_value.h"

#include <cctype>

namespace tarikh::export_internal {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

DayInterval Days(int32_t begin, int32_t end) { return DayInterval{begin, end}; }

DayInterval MonthSpan(int year, int first_month, int months) {
  int end_year = year + (first_month - 1 + months) / 12;
  int end_month = (first_month - 1 + months) % 12 + 1;
  return Days(DayNumber(year, first_month, 1), DayNumber(end_year, end_month, 1));
}

// Monday of ISO week `week` of ISO year `year`, or nullopt if the year has no such week.
std::optional<int32_t> IsoWeekMonday(int year, int week) {
  int32_t jan4 = DayNumber(year, 1, 4);
  int32_t week1 = jan4 - (IsoWeekday(jan4) - 1);
  int32_t next_jan4 = DayNumber(year + 1, 1, 4);
  int32_t next_week1 = next_jan4 - (IsoWeekday(next_jan4) - 1);
  int32_t monday = week1 + (week - 1) * 7;
  if (week < 1 || monday >= next_week1) return std::nullopt;
  return monday;
}

bool ParseTime(std::string_view rest, CalendarValue* v) {
  static constexpr std::string_view kParts[7] = {"MO", "MI", "MD", "AF", "EV", "NI", "DT"};
  for (std::string_view p : kParts) {
    if (rest == p) {
      v->part = p == "MD" ? kParts[1] : p;
      v->granularity = Granularity::kPartOfDay;
      return true;
    }
  }
  int h = 0;
  if (!Digits(rest, 0, 2, &h) || h > 24) return false;
  size_t pos = 2;
  v->hour = h;
  v->granularity = Granularity::kHour;
  int m = 0;
  if (pos < rest.size() && rest[pos] == ':') {
    if (!Digits(rest, pos + 1, 2, &m) || m > 59) return false;
    v->minute = m;
    v->granularity = Granularity::kMinute;
    pos += 3;
    int s = 0;
    if (pos < rest.size() && rest[pos] == ':') {
      if (!Digits(rest, pos + 1, 2, &s) || s > 60) return false;
      v->granularity = Granularity::kSecond;
      pos += 3;
    }
  }
  if (h == 24 && m != 0) return false;
  // A zone suffix ("Z", "+03", "-05:30") does not move the day for a timeline.
  std::string_view zone = rest.substr(pos);
  if (zone.empty() || zone == "Z") return true;
  if (zone[0] != '+' && zone[0] != '-') return false;
  int zh = 0;
  return Digits(zone, 1, 2, &zh) && (zone.size() == 3 || (zone.size() == 6 && zone[3] == ':'));
}

}  // namespace

std::optional<CalendarValue> ParseCalendarValue(std::string_view s) {
  CalendarValue v;
  int n = 0;
  if (s.size() == 1 && Digits(s, 0, 1, &n)) {
    v.granularity = Granularity::kMillennium;
    v.year = n * 1000;
    v.interval = Days(DayNumber(v.year, 1, 1), DayNumber(v.year + 1000, 1, 1));
    return v;
  }
  if (s.size() == 2 && Digits(s, 0, 2, &n)) {
    v.granularity = Granularity::kCentury;
    v.year = n * 100;
    v.interval = Days(DayNumber(v.year, 1, 1), DayNumber(v.year + 100, 1, 1));
    return v;
  }
  if (s.size() == 3 && Digits(s, 0, 3, &n)) {
    v.granularity = Granularity::kDecade;
    v.year = n * 10;
    v.interval = Days(DayNumber(v.year, 1, 1), DayNumber(v.year + 10, 1, 1));
    return v;
  }
  if (!Digits(s, 0, 4, &v.year)) return std::nullopt;
  if (s.size() == 4) {
    v.granularity = Granularity::kYear;
    v.interval = MonthSpan(v.year, 1, 12);
    return v;
  }
  if (s[4] != '-' || s.size() < 7) return std::nullopt;
  std::string_view rest = s.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H') && Digits(rest, 1, 1, &n)) {
    if (rest[0] == 'Q' && n >= 1 && n <= 4) {
      v.granularity = Granularity::kQuarter;
      v.quarter = n;
      v.interval = MonthSpan(v.year, (n - 1) * 3 + 1, 3);
      return v;
    }
    if (rest[0] == 'H' && n >= 1 && n <= 2) {
      v.granularity = Granularity::kHalf;
      v.half = n;
      v.interval = MonthSpan(v.year, (n - 1) * 6 + 1, 6);
      return v;
    }
    return std::nullopt;
  }
  static constexpr struct {
    std::string_view code;
    int first_month;
  } kSeasons[] = {{"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
  for (const auto& season : kSeasons) {
    if (rest == season.code) {
      v.granularity = Granularity::kSeason;
      v.season = season.code;
      v.interval = MonthSpan(v.year, season.first_month, 3);
      return v;
    }
  }
  if (rest[0] == 'W') {  // after the seasons: "WI" is winter
    if (!Digits(rest, 1, 2, &v.week)) return std::nullopt;
    std::optional<int32_t> monday = IsoWeekMonday(v.year, v.week);
    if (!monday) return std::nullopt;
    v.granularity = Granularity::kWeek;
    if (rest.size() == 3) {
      v.interval = Days(*monday, *monday + 7);
      return v;
    }
    if (rest.substr(3) != "-WE") return std::nullopt;
    v.weekend = true;
    v.interval = Days(*monday + 5, *monday + 7);
    return v;
  }
  if (!Digits(rest, 0, 2, &v.month) || v.month < 1 || v.month > 12) return std::nullopt;
  if (rest.size() == 2) {
    v.granularity = Granularity::kMonth;
    v.interval = MonthSpan(v.year, v.month, 1);
    return v;
  }
  if (rest[2] != '-' || !Digits(rest, 3, 2, &v.day) || !IsValidDate(v.year, v.month, v.day)) {
    return std::nullopt;
  }
  int32_t day = DayNumber(v.year, v.month, v.day);
  v.interval = Days(day, day + 1);
  v.granularity = Granularity::kDay;
  if (rest.size() == 5) return v;
  if (rest[5] != 'T' || !ParseTime(rest.substr(6), &v)) return std::nullopt;
  return v;
}

}  // namespace tarikh::export_internal
