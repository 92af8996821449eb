// SPDX-License-Identifier: MIT
// TimeML XML for one document: the original text with TIMEX3, EVENT and TLINK elements and
// the DCT, and a reader for TimeML files (tarikh's own and TempEval-style corpora).
//
//   std::string xml = tarikh::WriteTimeMl(doc, timexes, &timeline);
//   tarikh::Result<tarikh::TimeMlDocument> back = tarikh::ReadTimeMl(xml);
//   // back->text == doc.text (modulo characters XML cannot carry), same TIMEX3s
#ifndef TARIKH_EXPORT_TIMEML_H_
#define TARIKH_EXPORT_TIMEML_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/core/date.h"
#include "tarikh/core/timex.h"
#include "tarikh/status.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

struct TimeMlEvent {
  std::string eid;  // "e1"
  std::string event_class = "OCCURRENCE";
  int64_t begin = 0;  // code points in the text, half-open
  int64_t end = 0;
  std::string timeline_event;  // tarikh event id (the "comment" attribute), may be empty
};

struct TimeMlTlink {
  std::string lid;
  std::string event_id;  // eventID (empty if timeID is set)
  std::string time_id;
  std::string related_to_event;
  std::string related_to_time;
  std::string rel_type;  // BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, …
};

struct TimeMlDocument {
  std::string doc_id;
  std::string text;  // the TEXT element's content with tags removed
  std::optional<Dct> dct;
  std::vector<Timex> timexes;          // in text order; offsets set in code points and bytes
  std::vector<std::string> timex_ids;  // tid of each timex ("t1")
  std::vector<TimeMlEvent> events;
  std::vector<TimeMlTlink> tlinks;
};

// The TimeML document of `doc` with `timexes` (offsets into doc.text, code points) tagged as
// TIMEX3 t1, t2, … and the DCT as t0. If `timeline` is given, each event told by this
// document gets an EVENT on the first word of its headline found in its sentence (outside
// the timex) and a TLINK to its timex (IS_INCLUDED, or BEFORE/AFTER/BEGINS/ENDS… from the
// mod); relations between two events of this document become event-event TLINKs.
// Timexes that overlap an earlier one or fall outside the text are skipped.
std::string WriteTimeMl(const Document& doc, const std::vector<Timex>& timexes,
                        const Timeline* timeline = nullptr);

// Parses a TimeML document. Errors (kParseError) carry the byte offset and line:column:
// malformed XML, no <TimeML> root, no <TEXT>, a TIMEX3 without a valid type, a DCT value
// that is not a date. Timex intervals are not computed (left unbounded).
Result<TimeMlDocument> ReadTimeMl(std::string_view xml);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_TIMEML_H_
