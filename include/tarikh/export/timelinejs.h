// SPDX-License-Identifier: MIT
// TimelineJS 3 JSON (https://timeline.knightlab.com) from a tarikh Timeline.
//
// One slide per event, dated at exactly the granularity the text gave (a year-only value
// gives {"year": 2014}), with an Arabic display date as the text said it, the headline, the
// sentence and its sources, and an ASCII unique_id (the event id). Untrusted text is escaped
// per field as TimelineJS needs it (docs/formats.md): headline, text and start/end
// display_date once; the slide display_date and group twice, because TimelineJS decodes
// entities in those before inserting them as HTML.
#ifndef TARIKH_EXPORT_TIMELINEJS_H_
#define TARIKH_EXPORT_TIMELINEJS_H_

#include <string>
#include <string_view>
#include <vector>

#include "tarikh/core/timex.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

struct TimelineJsOptions {
  enum class GroupBy { kNone, kSource, kDocument };
  // kSource: the outlet (DocumentInfo.source) of the event's first source; kDocument: the
  // first source's document id. Groups become labelled rows on the time navigation.
  GroupBy group_by = GroupBy::kNone;
  bool title_slide = true;
};

// The TimelineJS JSON document. Events whose value has no calendar position and no graph
// bounds (PRESENT_REF, durations, "XXXX-10") cannot be placed and are left out; each one
// left out adds a line to `warnings` if given. Slides are written in the order TimelineJS
// shows them: a stable sort by start date, so events at the same instant keep the
// timeline's order.
std::string WriteTimelineJs(const Timeline& timeline, const TimelineJsOptions& options = {},
                            std::vector<std::string>* warnings = nullptr);

// Event.display_date when the timeline has one, else ArabicDateForValue(value, mod).
std::string ArabicDisplayDate(const Event& event);

// An Arabic rendering of a TIMEX3 value and mod: "2016-10" → "تشرين الأول/أكتوبر 2016",
// ("2017-04", START) → "مطلع نيسان/أبريل 2017", "2014" → "عام 2014". Values it cannot
// render are returned as they are.
std::string ArabicDateForValue(std::string_view value, TimexMod mod = TimexMod::kNone);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_TIMELINEJS_H_
