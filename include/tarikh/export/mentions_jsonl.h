// SPDX-License-Identifier: MIT
// The interchange format between `tarikh extract` (map) and `tarikh merge` (reduce): one JSON
// object per line per document, holding the map step's whole output for that document.
//
//   std::string line = tarikh::WriteDocumentMentionsLine(dm);        // ends with '\n'
//   tarikh::Result<tarikh::DocumentMentions> back = tarikh::ReadDocumentMentionsLine(line);
//
// One line per document (not per mention) so that a document without mentions still reaches
// the reduce step (it is listed in the timeline's documents) and a shard boundary never
// splits a document. Schema (docs/scale.md):
//   {"doc": {"id", "dct", "source", "title", "url", "dct_inferred", "dct_confidence",
//            "timex_count", "mention_count"},
//    "mentions": [{"timex": {"begin", "end", "byte_begin", "byte_end", "type", "value",
//                            "mod", "granularity", "interval": [b, e], "temporal_function",
//                            "anchor"},
//                  "timex_text", "headline", "sentence", "sentence_begin", "sentence_end",
//                  "tokens": [...], "cues": [{"signal", "value", "interval", "ref_offset"}],
//                  "tense", "confidence"}, ...],
//    "warnings": [{"doc_id", "offset", "message"}, ...]}
// A mention's doc_id and dct are the document's and are not repeated (a mention whose
// doc_id or dct differs carries its own "doc_id" / "dct"). Interval bounds are day numbers
// (days since 1970-01-01; ±2147483647 for unbounded sides). Writing then reading gives back
// an equal DocumentMentions.
#ifndef TARIKH_EXPORT_MENTIONS_JSONL_H_
#define TARIKH_EXPORT_MENTIONS_JSONL_H_

#include <string>
#include <string_view>

#include "tarikh/status.h"
#include "tarikh/timeline/builder.h"

namespace tarikh {

// One line, '\n'-terminated, compact, UTF-8. Deterministic.
std::string WriteDocumentMentionsLine(const DocumentMentions& document);
// The same line written into *buffer at offset `at` (the buffer grows as needed); returns
// the offset just past it. The bytes of *buffer after that are unspecified: extract keeps
// one output buffer whose size never shrinks, so no line pays for growing or clearing it.
// REQUIRES: at <= buffer->size().
size_t WriteDocumentMentionsLineAt(const DocumentMentions& document, std::string* buffer,
                                   size_t at);

// Parses one line (a trailing '\n' or "\r\n" is allowed). Errors are kParseError with the byte
// offset (and column) inside the line and the member path ("mentions[3].timex.value:
// expected a string"); line numbers are the caller's (Location.line is left -1).
// Rejects values that would break the reduce step: unknown enum names, negative or
// inverted extents, anchors < -1, tense outside -1..1, confidences outside 0..1.
Result<DocumentMentions> ReadDocumentMentionsLine(std::string_view line);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_MENTIONS_JSONL_H_
