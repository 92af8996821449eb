// SPDX-License-Identifier: MIT
// Every export format of a timeline at once, as {file name, content} pairs the caller writes
// (the library does no file I/O).
//
//   tarikh::ExportInput in{&timeline, &documents, &timexes};
//   std::vector<std::string> warnings;
//   auto files = tarikh::ExportAll(in, {}, &warnings);
//   for (const tarikh::ExportFile& f : *files) WriteFileAtomic(out_dir + "/" + f.filename,
//   f.content);
#ifndef TARIKH_EXPORT_EXPORT_H_
#define TARIKH_EXPORT_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "tarikh/core/timex.h"
#include "tarikh/export/html.h"
#include "tarikh/export/timelinejs.h"
#include "tarikh/status.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

struct ExportInput {
  const Timeline* timeline = nullptr;  // required
  // The input documents (their texts), for TimeML; may be null (no TimeML then).
  const std::vector<Document>* documents = nullptr;
  // Per-document timexes, parallel to *documents; may be null (TimeML then has only the
  // DCT and EVENTs).
  const std::vector<std::vector<Timex>>* timexes = nullptr;
};

struct ExportOptions {
  // Names from kExportFormats; empty = all of them.
  std::vector<std::string> formats;
  TimelineJsOptions timelinejs;
  // Needed for "html"; when incomplete the page is skipped with a warning.
  TimelineJsAssets assets;
};

// "json" → timeline.json (native, ReadTimelineJson reads it back), "timelinejs" →
// timelinejs.json, "html" → timeline.html, "csv" → timeline.csv, "md" → timeline.md,
// "timeml" → timeml/<doc id>.tml per document.
inline constexpr std::string_view kExportFormats[] = {"json", "timelinejs", "html",
                                                      "csv",  "md",         "timeml"};

struct ExportFile {
  std::string filename;  // relative, '/'-separated ("timeml/000.tml")
  std::string content;
};

// kInvalidArgument for a null timeline or an unknown format name. Formats that cannot be
// produced (html without assets, timeml without documents) are skipped with a line in
// `warnings`. Document ids are made safe as file names (characters outside
// [A-Za-z0-9._-] become '_'; duplicates get a suffix).
Result<std::vector<ExportFile>> ExportAll(const ExportInput& input, const ExportOptions& options,
                                          std::vector<std::string>* warnings = nullptr);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_EXPORT_H_
