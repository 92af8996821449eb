// SPDX-License-Identifier: MIT
// Private to timeline/: what an anchoring expression says about an event's start and end.
#ifndef TARIKH_TIMELINE_ANCHOR_H_
#define TARIKH_TIMELINE_ANCHOR_H_

#include <cstdint>
#include <limits>

#include "tarikh/core/timex.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh::timeline_internal {

constexpr int64_t kNoBound = std::numeric_limits<int32_t>::max();

// Inclusive day ranges for an event's start and end point; ±kNoBound = unbounded.
struct PointRanges {
  int64_t start_lo = -kNoBound, start_hi = kNoBound;
  int64_t end_lo = -kNoBound, end_hi = kNoBound;
};

// The days a timex's value covers once its mod is applied (START = first third, …,
// BEFORE = everything before it). Half-open; unbounded sides keep the DayInterval sentinels.
DayInterval ModWindow(const Timex& timex);

// How a mention relates to its anchor: "at" (inside it), or through a signal governing the
// anchor ("since", "until", "before", "after").
enum class AnchorRelation { kAt, kSince, kUntil, kBefore, kAfter };
AnchorRelation RelationOf(const EventMention& mention);

// The start/end ranges a mention imposes on its event (anchor + relation + DCT + tense).
// Undated mentions impose only what their tense says.
PointRanges MentionRanges(const EventMention& mention);
// The same from its parts: `window` = ModWindow(timex) when `dated` (timex.value not
// empty), the mention's relation, its DCT as a day number and its tense.
PointRanges MentionRanges(bool dated, const DayInterval& window, AnchorRelation relation,
                          int64_t dct_day, int tense);

bool IsRefValue(const std::string& value);
// A DATE/TIME timex with a calendar position can anchor an event on its own.
bool CanAnchor(const Timex& timex);

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_ANCHOR_H_
