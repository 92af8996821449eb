// SPDX-License-Identifier: MIT
// The timeline data model: documents in, events out. Plain value types shared by timeline/
// (which builds them) and export/ (which writes and reads them).
#ifndef TARIKH_TIMELINE_TIMELINE_H_
#define TARIKH_TIMELINE_TIMELINE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tarikh/core/date.h"
#include "tarikh/core/timex.h"

namespace tarikh {

// One input article.
struct Document {
  std::string id;          // unique in a run ("000", a file stem, or the JSONL "id")
  std::string text;        // UTF-8
  std::optional<Dct> dct;  // absent: inferred from the dateline (see DocumentInfo)
  std::string source;      // outlet / provenance, free text
  std::string title;
  std::string url;
};

// What a timeline records about each input document.
struct DocumentInfo {
  std::string id;
  std::string source;
  std::string title;
  std::string url;
  Dct dct;
  bool dct_inferred = false;    // true when taken from the text, not given
  double dct_confidence = 1.0;  // 1.0 when given
  int timex_count = 0;
  int mention_count = 0;
};

// Where an event is told: one sentence of one document.
struct SourceRef {
  std::string doc_id;
  int64_t sentence_begin = 0;  // code points in the document text
  int64_t sentence_end = 0;
  int64_t timex_begin = 0;
  int64_t timex_end = 0;
  std::string timex_text;  // the expression as written ("تشرين الأول / أكتوبر الماضي")
  std::string timex_value;  // its TIMEX3 value in this document
};

// A dated clause of one document, before merging (the map step's output).
struct EventMention {
  std::string doc_id;
  Dct dct;
  Timex timex;  // the anchoring DATE/TIME expression
  std::string timex_text;
  std::string headline;  // short Arabic headline cut around the main verb
  std::string sentence;  // the full sentence
  int64_t sentence_begin = 0;
  int64_t sentence_end = 0;
  std::vector<std::string> tokens;  // normalized, clitic-stripped content words (for merging)
  // Textual ordering cues inside the clause: a signal word and the timex it governs
  // (e.g. "بعد" + "2014") become graph constraints. A cue about another event of the same
  // document ("ثم", "لاحقا", "بعد ذلك") has an empty value and names that event's mention by
  // the code point where its timex begins (ref_offset).
  struct Cue {
    std::string signal;  // "before", "after", "since", "until", "then", "when"
    std::string value;   // TIMEX3 value of the governed expression, if any
    DayInterval interval;
    int64_t ref_offset = -1;  // timex.begin of the referenced mention in doc_id, or -1
  };
  std::vector<Cue> cues;
  int tense = 0;  // -1 past, 0 unknown/present, +1 future (clause main verb)
  // An undated mention (timex.value empty) is a clause placed only by its cues
  // ("تراجع لاحقا"); its timex.begin is the signal's offset.
  double confidence = 1.0;  // 0..1: how sure the clause is a dated event
};

// One event of the timeline, possibly told by several documents.
struct Event {
  std::string id;     // stable ASCII id ("e0007")
  std::string value;  // anchor TIMEX3 value ("2016-10")
  TimexMod mod = TimexMod::kNone;
  TimexType type = TimexType::kDate;
  Granularity granularity = Granularity::kNone;
  std::string display_date;  // Arabic, as the text said it ("تشرين الأول/أكتوبر 2016")
  // Tightest bounds from the temporal graph, ISO "YYYY-MM-DD" (empty = unbounded).
  std::string earliest_start, latest_start, earliest_end, latest_end;
  std::string headline;
  std::string sentence;
  std::vector<SourceRef> sources;
  double confidence = 0.0;  // 0..1
};

struct Relation {
  enum class Kind { kBefore, kIncludes, kSimultaneous };
  std::string from;  // event id
  std::string to;
  Kind kind = Kind::kBefore;
};

struct TimelineWarning {
  std::string doc_id;   // empty for timeline-wide warnings
  int64_t offset = -1;  // code point in the document, -1 if none
  std::string message;
};

struct Timeline {
  static constexpr int kSchemaVersion = 1;
  int schema_version = kSchemaVersion;
  std::string title;
  std::vector<DocumentInfo> documents;
  std::vector<Event> events;        // in chronological order
  std::vector<Relation> relations;  // after transitive reduction
  std::vector<TimelineWarning> warnings;
};

// A timeline whose events and relations are made one at a time, so that a very large one
// (10^6 events) can be written out without holding every Event and Relation object at once
// (tarikh merge; export/timeline_json.h writes either form, byte for byte the same).
// header() gives schema_version, title, documents and warnings; its events and relations
// are not read.
class TimelineSource {
 public:
  virtual ~TimelineSource() = default;
  virtual const Timeline& header() const = 0;
  virtual size_t num_events() const = 0;
  // Overwrites *event with event i (0-based, chronological order); reusing one Event across
  // calls keeps its string capacity.
  virtual void GetEvent(size_t i, Event* event) const = 0;
  virtual size_t num_relations() const = 0;
  virtual void GetRelation(size_t i, Relation* relation) const = 0;
};

}  // namespace tarikh

#endif  // TARIKH_TIMELINE_TIMELINE_H_
