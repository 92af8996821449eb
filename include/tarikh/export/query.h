// SPDX-License-Identifier: MIT
// Date queries over a timeline: what happened on, before, after or between dates.
//
// Every event covers an interval of days: the interval of its TIMEX3 value ("2016-10" →
// [2016-10-01, 2016-11-01)), opened on one side by BEFORE/AFTER-like mods, extended to the
// graph's earliest_end when the event certainly lasts longer (an ongoing state "since 2011"),
// narrowed by the graph's bounds (earliest_start … latest_end) when they are tighter; an event
// whose value has no calendar position falls back to those bounds alone. A query date X
// also covers an interval (its value's). Default (overlap) semantics say "may have happened
// then"; strict (containment) says "certainly happened then":
//   on X         overlap: event ∩ X ≠ ∅           strict: event ⊆ X
//   between A B  overlap: event ∩ [A.begin, B.end) ≠ ∅   strict: event ⊆ [A.begin, B.end)
//   before X     overlap: event.begin < X.begin    strict: event.end <= X.begin
//   after X      overlap: event.end > X.end        strict: event.begin >= X.end
// Events with no bound at all are never returned. docs/query.md has worked examples.
#ifndef TARIKH_EXPORT_QUERY_H_
#define TARIKH_EXPORT_QUERY_H_

#include <optional>
#include <string_view>
#include <vector>

#include "tarikh/core/date.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

// The days a TIMEX3 DATE/TIME value covers ("2016", "2016-10", "2016-10-05", "2017-W15",
// "2016-Q3", "2014-SU", "199", "2017-04-17TEV" …), or nullopt for values with no calendar
// position (durations, sets, REF values, X placeholders).
std::optional<DayInterval> ValueInterval(std::string_view value);

// The interval an event may cover (see above); unbounded on both sides if unknown.
DayInterval EventInterval(const Event& event);

struct DateQuery {
  enum class Kind { kOn, kBetween, kBefore, kAfter };
  Kind kind = Kind::kOn;
  DayInterval first;   // X, or A for kBetween
  DayInterval second;  // B for kBetween
  bool strict = false;
};

// Indices into timeline.events of the matching events, in timeline order.
std::vector<size_t> QueryEvents(const Timeline& timeline, const DateQuery& query);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_QUERY_H_
