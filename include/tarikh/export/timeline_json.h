// SPDX-License-Identifier: MIT
// tarikh's native timeline file: the Timeline struct as JSON, field for field.
//
//   std::string json = tarikh::WriteTimelineJson(timeline);
//   tarikh::Status st = tarikh::WriteTimelineJson(timeline, [&](std::string_view chunk) {
//     return file.Write(chunk);  // streamed: the document is never held whole
//   });
//   tarikh::Result<tarikh::Timeline> back = tarikh::ReadTimelineJson(json);
//   if (!back.ok()) std::cerr << "timeline.json:" << back.status().ToString() << "\n";
//
// Schema (version 1): an object with "schema_version" (integer, must be 1), "title",
// "documents", "events", "relations", "warnings". Every object's keys are the member names of
// the structs in tarikh/timeline/timeline.h. Enums are strings: Event.type "DATE"…,
// Event.mod "" or "START"…, Event.granularity "year", "month"… (see GranularityName),
// Relation.kind "before" | "includes" | "simultaneous". DocumentInfo.dct is "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS". docs/formats.md documents the schema.
#ifndef TARIKH_EXPORT_TIMELINE_JSON_H_
#define TARIKH_EXPORT_TIMELINE_JSON_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "tarikh/core/timex.h"
#include "tarikh/status.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

// Pretty-printed (2 spaces), UTF-8 (no \u escapes for non-ASCII), ends with a newline.
// Deterministic: the same Timeline gives the same bytes.
std::string WriteTimelineJson(const Timeline& timeline);

// Receives the text of a timeline file piece by piece (chunks of about 64 KiB, in order); a
// non-ok Status stops the writer, which returns it.
using TimelineJsonSink = std::function<Status(std::string_view chunk)>;

// The same bytes, streamed: memory is one chunk plus one event, whatever the timeline's
// size (tarikh merge writes 10^6 events this way through its atomic output file).
Status WriteTimelineJson(const Timeline& timeline, const TimelineJsonSink& sink);
Status WriteTimelineJson(const TimelineSource& source, const TimelineJsonSink& sink);

// Parses and validates a timeline file. Errors (kParseError) carry the byte offset and
// line:column of the problem: malformed JSON, invalid UTF-8, a missing required member, a
// member of the wrong type or with an invalid value, an unknown member, or a schema_version
// this build does not read. The message names the member path, e.g.
// "events[2].mod: unknown TIMEX3 mod \"SOON\"".
// Required: schema_version, events; in an event: id, value; in a document: id, dct;
// in a source: doc_id; in a relation: from, to, kind. Everything else defaults as in the
// struct.
Result<Timeline> ReadTimelineJson(std::string_view json);

// "none", "millennium", "century", "decade", "year", "half", "quarter", "season", "month",
// "week", "day", "part_of_day", "hour", "minute", "second".
std::string_view GranularityName(Granularity granularity);
std::optional<Granularity> ParseGranularity(std::string_view name);

std::string_view RelationKindName(Relation::Kind kind);  // "before", "includes", …
std::optional<Relation::Kind> ParseRelationKind(std::string_view name);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_TIMELINE_JSON_H_
