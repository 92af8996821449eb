// SPDX-License-Identifier: MIT
// Internal: the resolution step. A recognized expression is first described as a Partial
// (the calendar fields it states, an offset relative to an anchor, a direction and a mod);
// Resolve() turns it into a TIMEX3 value, granularity and day interval given the DCT, the last
// mentioned time (anaphora) and the tense of the clause.
#ifndef TARIKH_CORE_RESOLVE_H_
#define TARIKH_CORE_RESOLVE_H_

#include <string>

#include "tarikh/core/date.h"
#include "tarikh/core/timex.h"

namespace tarikh::internal {

inline constexpr int kUnset = -1000000;

enum class Dir { kNone, kPast, kFuture, kCurrent, kByTense };

struct Partial {
  TimexType type = TimexType::kDate;
  TimexMod mod = TimexMod::kNone;
  std::string literal;  // a value known at recognition (durations, sets, REF values)

  // Stated calendar fields (kUnset = not stated).
  int year = kUnset, month = kUnset, day = kUnset;
  int hyear = kUnset, hmonth = kUnset, hday = kUnset;  // Hijri
  int century = kUnset;                                // value prefix: 19 = 1900s
  int decade = kUnset;                                 // value prefix: 199 = 1990s
  int season = kUnset;                                 // 0 SP, 1 SU, 2 FA, 3 WI
  int weekday = kUnset;                                // ISO 1..7
  bool weekend = false;
  int hour = kUnset, minute = kUnset, second = kUnset;
  int nth = kUnset;  // with month + weekday: the n-th such weekday of the month (holidays)
  int pod = kUnset;  // index into kPodCodes

  // Relative part: `offset` units of `unit` from the anchor (DCT, or the last mentioned time
  // when `anaphoric`).
  Granularity unit = Granularity::kNone;
  int offset = 0;
  bool anaphoric = false;
  Dir dir = Dir::kNone;       // which occurrence of a month/weekday/day without a year
  bool unknown_day = false;   // a clock time with no day: XXXX-XX-XXThh:mm
  bool anchor_value = false;  // "ذلك الوقت": the antecedent's value, else PAST_REF
};

inline constexpr const char* kPodCodes[] = {"MO", "MI", "AF", "EV", "NI", "DT"};

struct Anchor {
  bool set = false;
  Granularity granularity = Granularity::kNone;
  int year = 0, month = 1, day = 1;
  int32_t begin = 0;  // day interval
  int32_t end = 0;
  std::string value;
};

struct ResolveContext {
  Dct dct;
  const Anchor* anchor = nullptr;  // last mentioned time, or null
  bool future = false;             // the clause has a future cue
};

// Fills value/type/mod/granularity/interval/temporal_function of `out`. Returns false when the
// fields do not make a date (31 شباط): the expression must then not be emitted.
bool Resolve(const Partial& p, const ResolveContext& ctx, Timex* out);

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_RESOLVE_H_
