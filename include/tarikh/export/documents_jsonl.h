// SPDX-License-Identifier: MIT
// Input documents: one JSON Lines document, or a manifest of article files. The one reader
// behind `tarikh extract`, `tarikh build --jsonl` and `tarikh build --manifest`. Pure: no
// I/O; the caller reads the bytes and opens the files a manifest names.
//
//   tarikh::Result<tarikh::Document> doc = tarikh::ReadDocumentLine(line);
//   tarikh::Result<tarikh::Manifest> m = tarikh::ReadManifest(manifest_bytes);
//
// JSONL document: {"id": "...", "text": "...", "dct": "YYYY-MM-DD" (optional), "source",
// "title", "url"} (optional strings; null = absent; other members are ignored; for a member
// given twice the last one counts, as in most JSON readers).
// Manifest: {"documents": [{"file", "dct"?, "id"?, "source"?, "title"?, "url"?}, ...]} or
// the bare array.
//
// Errors are kParseError (kInvalidUtf8 for bytes that are not UTF-8) whose Location carries
// the byte offset in the given buffer, and whose message starts with the member path
// ("text: expected a string", "documents[3].dct: ..."). Line and column are the caller's
// (Location.line is left -1).
#ifndef TARIKH_EXPORT_DOCUMENTS_JSONL_H_
#define TARIKH_EXPORT_DOCUMENTS_JSONL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/status.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

// One JSON Lines document (a trailing '\n' or "\r\n" is allowed). id must be a non-empty
// string, text a string (any content: NUL bytes and the like are ExtractMentions' to
// reject), dct a valid calendar date if present. Every string of the result is valid UTF-8
// (the line is validated while it is unescaped; \u escapes must pair surrogates), so
// ExtractOptions::text_is_valid_utf8 may be set for it.
Result<Document> ReadDocumentLine(std::string_view line);

struct ManifestEntry {
  Document doc;         // text left empty; id defaults to the file's stem
  std::string file;     // as written in the manifest (relative to it unless absolute)
  int64_t byte_offset;  // of the entry's '{' in the manifest
};

struct Manifest {
  std::vector<ManifestEntry> entries;  // the usable entries, in order
  std::vector<Status> errors;          // one per skipped entry, with its byte offset
};

// A whole manifest. Fails only when the buffer is not JSON or not a manifest; an entry that
// cannot be used (no "file", a bad dct) is left out and reported in Manifest::errors.
Result<Manifest> ReadManifest(std::string_view text);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_DOCUMENTS_JSONL_H_
