// SPDX-License-Identifier: MIT
#include "anchor.h"

#include <algorithm>

namespace tarikh::timeline_internal {

bool IsRefValue(const std::string& value) {
  return value.size() >= 4 && value.compare(value.size() - 4, 4, "_REF") == 0;
}

bool CanAnchor(const Timex& timex) {
  if (timex.type != TimexType::kDate && timex.type != TimexType::kTime) return false;
  if (timex.value.empty() || IsRefValue(timex.value)) return false;
  return timex.interval.bounded() && !timex.interval.empty();
}

DayInterval ModWindow(const Timex& timex) {
  DayInterval w = timex.interval;
  if (!w.bounded() || w.empty()) return w;
  int32_t len = w.end - w.begin;
  int32_t third = std::max<int32_t>(1, len / 3);
  switch (timex.mod) {
    case TimexMod::kStart:
      return {w.begin, std::min(w.end, w.begin + third)};
    case TimexMod::kMid:
      return {std::min(w.end - 1, w.begin + third), std::max(w.begin + 1, w.end - third)};
    case TimexMod::kEnd:
      return {std::max(w.begin, w.end - third), w.end};
    case TimexMod::kBefore:
      return {DayInterval::kMinusInfinity, w.begin};
    case TimexMod::kAfter:
      return {w.end, DayInterval::kPlusInfinity};
    case TimexMod::kOnOrBefore:
      return {DayInterval::kMinusInfinity, w.end};
    case TimexMod::kOnOrAfter:
      return {w.begin, DayInterval::kPlusInfinity};
    case TimexMod::kApprox: {
      int32_t pad = std::max<int32_t>(1, len / 2);
      return {w.begin - pad, w.end + pad};
    }
    default:
      return w;
  }
}

AnchorRelation RelationOf(const EventMention& m) {
  for (const EventMention::Cue& cue : m.cues) {
    if (cue.ref_offset >= 0 || cue.value != m.timex.value || !(cue.interval == m.timex.interval)) {
      continue;
    }
    if (cue.signal == "since") return AnchorRelation::kSince;
    if (cue.signal == "until") return AnchorRelation::kUntil;
    if (cue.signal == "before") return AnchorRelation::kBefore;
    if (cue.signal == "after") return AnchorRelation::kAfter;
  }
  return AnchorRelation::kAt;
}

namespace {
int64_t Lo(int32_t begin) {
  return begin == DayInterval::kMinusInfinity ? -kNoBound : static_cast<int64_t>(begin);
}
int64_t Hi(int32_t end) {
  return end == DayInterval::kPlusInfinity ? kNoBound : static_cast<int64_t>(end) - 1;
}
}  // namespace

PointRanges MentionRanges(const EventMention& m) {
  const bool dated = !m.timex.value.empty();
  return MentionRanges(dated, dated ? ModWindow(m.timex) : DayInterval{},
                       dated ? RelationOf(m) : AnchorRelation::kAt, DayNumber(m.dct), m.tense);
}

PointRanges MentionRanges(bool dated, const DayInterval& w, AnchorRelation relation, int64_t dct,
                          int tense) {
  PointRanges r;
  if (dated) {
    switch (relation) {
      case AnchorRelation::kAt:
        r.start_lo = r.end_lo = Lo(w.begin);
        r.start_hi = r.end_hi = Hi(w.end);
        break;
      case AnchorRelation::kSince:
        // "منذ عام 2012": it began then and still held when the article was written.
        r.start_lo = Lo(w.begin);
        r.start_hi = Hi(w.end);
        r.end_lo = std::max(Lo(w.begin), dct);
        break;
      case AnchorRelation::kUntil:
        r.end_hi = Hi(w.end);
        r.start_hi = Hi(w.end);
        break;
      case AnchorRelation::kBefore:
        if (w.begin != DayInterval::kMinusInfinity) r.end_hi = r.start_hi = Lo(w.begin) - 1;
        break;
      case AnchorRelation::kAfter:
        if (w.end != DayInterval::kPlusInfinity) r.start_lo = r.end_lo = Hi(w.end) + 1;
        break;
    }
  }
  // Told in the future tense: it had not started when the article was written.
  // A future marker on a clause whose date is already past is more often a misread word or
  // a future-in-the-past ("كان سيتم") than a contradiction, so it is then ignored.
  if (tense > 0 && r.end_hi >= dct) {
    r.start_lo = std::max(r.start_lo, dct);
    r.end_lo = std::max(r.end_lo, dct);
  }
  return r;
}

}  // namespace tarikh::timeline_internal
