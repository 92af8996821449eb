// SPDX-License-Identifier: MIT
#include "tarikh/export/query.h"

#include <algorithm>

#include "calendar_value.h"

namespace tarikh {
namespace {

std::optional<int32_t> IsoDay(const std::string& s) {
  if (s.size() != 10) return std::nullopt;
  Result<Dct> d = ParseDct(s);
  if (!d.ok()) return std::nullopt;
  return DayNumber(*d);
}

}  // namespace

std::optional<DayInterval> ValueInterval(std::string_view value) {
  std::optional<export_internal::CalendarValue> v = export_internal::ParseCalendarValue(value);
  if (!v) return std::nullopt;
  return v->interval;
}

DayInterval EventInterval(const Event& e) {
  DayInterval graph;  // from the temporal graph's bounds
  if (auto lo = IsoDay(e.earliest_start)) graph.begin = *lo;
  if (auto hi = IsoDay(e.latest_end)) graph.end = *hi + 1;  // latest_end is a day, inclusive
  std::optional<DayInterval> value = ValueInterval(e.value);
  if (!value) return graph;
  DayInterval v = *value;
  switch (e.mod) {
    case TimexMod::kBefore:
      v = {DayInterval::kMinusInfinity, v.begin};
      break;
    case TimexMod::kOnOrBefore:
      v.begin = DayInterval::kMinusInfinity;
      break;
    case TimexMod::kAfter:
      v = {v.end, DayInterval::kPlusInfinity};
      break;
    case TimexMod::kOnOrAfter:
      v.end = DayInterval::kPlusInfinity;
      break;
    default:
      break;
  }
  // An event the graph says lasts at least until earliest_end ("the war raging since 2011",
  // still going at the DCT) certainly covers those days too.
  if (auto certain_end = IsoDay(e.earliest_end); certain_end && *certain_end + 1 > v.end) {
    v.end = *certain_end + 1;
  }
  // The graph may know better (e.g. "after 2014" bounded by a later event); an empty
  // intersection means the two disagree, and the text's own value wins.
  DayInterval both{std::max(v.begin, graph.begin), std::min(v.end, graph.end)};
  return both.empty() ? v : both;
}

std::vector<size_t> QueryEvents(const Timeline& timeline, const DateQuery& q) {
  DayInterval range = q.first;
  if (q.kind == DateQuery::Kind::kBetween) range = {q.first.begin, q.second.end};
  std::vector<size_t> out;
  for (size_t i = 0; i < timeline.events.size(); ++i) {
    DayInterval ev = EventInterval(timeline.events[i]);
    if (ev.begin == DayInterval::kMinusInfinity && ev.end == DayInterval::kPlusInfinity) continue;
    if (ev.empty()) continue;
    bool match = false;
    switch (q.kind) {
      case DateQuery::Kind::kOn:
      case DateQuery::Kind::kBetween:
        match = q.strict ? range.Contains(ev) : range.Overlaps(ev);
        break;
      case DateQuery::Kind::kBefore:
        match = q.strict ? ev.end <= range.begin : ev.begin < range.begin;
        break;
      case DateQuery::Kind::kAfter:
        match = q.strict ? ev.begin >= range.end : ev.end > range.end;
        break;
    }
    if (match) out.push_back(i);
  }
  return out;
}

}  // namespace tarikh
