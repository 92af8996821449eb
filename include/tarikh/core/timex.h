// SPDX-License-Identifier: MIT
// Timex: one normalized temporal expression (TIMEX3) found in a text.
#ifndef TARIKH_CORE_TIMEX_H_
#define TARIKH_CORE_TIMEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tarikh/core/date.h"

namespace tarikh {

enum class TimexType { kDate, kTime, kDuration, kSet };

enum class TimexMod {
  kNone,
  kBefore,
  kAfter,
  kOnOrBefore,
  kOnOrAfter,
  kLessThan,
  kMoreThan,
  kEqualOrLess,
  kEqualOrMore,
  kStart,
  kMid,
  kEnd,
  kApprox,
};

// "DATE", "TIME", "DURATION", "SET".
std::string_view TimexTypeName(TimexType type);
std::optional<TimexType> ParseTimexType(std::string_view name);
// "" for kNone, else the TIMEX3 mod name ("START", "ON_OR_AFTER" …).
std::string_view TimexModName(TimexMod mod);
std::optional<TimexMod> ParseTimexMod(std::string_view name);  // "" → kNone

// The finest unit a DATE/TIME value states.
enum class Granularity {
  kNone,  // durations, sets, REF values
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kHalf,
  kQuarter,
  kSeason,
  kMonth,
  kWeek,
  kDay,
  kPartOfDay,
  kHour,
  kMinute,
  kSecond,
};

struct Timex {
  // Extent in the original text: code points (what TimeML and JSONL report) and bytes
  // (what a caller slicing its std::string wants). Half-open.
  int64_t begin = 0;
  int64_t end = 0;
  int64_t byte_begin = 0;
  int64_t byte_end = 0;

  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value: "2016-10", "P6Y", "PRESENT_REF", "XXXX-WXX-1" …
  TimexMod mod = TimexMod::kNone;
  Granularity granularity = Granularity::kNone;

  // The days the value covers, for DATE/TIME values with a known calendar position
  // (REF values are half-bounded; durations, sets and "XXXX-…" values are unbounded).
  DayInterval interval;

  bool temporal_function = false;  // computed from the DCT or an antecedent
  int anchor = -1;                 // index of the antecedent timex in the same document, -1 = DCT
};

}  // namespace tarikh

#endif  // TARIKH_CORE_TIMEX_H_
