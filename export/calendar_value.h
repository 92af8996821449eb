// SPDX-License-Identifier: MIT
// Internal to export/: the calendar position a TIMEX3 DATE/TIME value states, parsed once
// for the TimelineJS dates, the Arabic display date and the query intervals.
#ifndef TARIKH_EXPORT_CALENDAR_VALUE_H_
#define TARIKH_EXPORT_CALENDAR_VALUE_H_

#include <optional>
#include <string>
#include <string_view>

#include "tarikh/core/date.h"
#include "tarikh/core/timex.h"

namespace tarikh::export_internal {

struct CalendarValue {
  Granularity granularity = Granularity::kNone;
  int year = 0;     // for decades/centuries/millennia, the first year
  int month = 0;    // 0 = not stated
  int day = 0;      // 0 = not stated
  int hour = -1;    // -1 = not stated
  int minute = -1;  // -1 = not stated
  int week = 0;     // ISO week (kWeek)
  bool weekend = false;
  int quarter = 0;          // 1..4
  int half = 0;             // 1..2
  std::string_view season;  // "SP", "SU", "FA", "WI" (static storage)
  std::string_view part;    // part of day: "MO", "MI", "AF", "EV", "NI", "DT" (static storage)
  DayInterval interval;     // the days covered, half-open
};

// Parses Y, YY, YYY, YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www[-WE], YYYY-Qn, YYYY-Hn,
// YYYY-SP|SU|FA|WI and YYYY-MM-DDThh[:mm[:ss]][zone] / YYYY-MM-DDT(MO|MI|MD|AF|EV|NI|DT).
// nullopt for anything else (durations, sets, REF values, X placeholders, impossible dates).
std::optional<CalendarValue> ParseCalendarValue(std::string_view value);

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_CALENDAR_VALUE_H_
