// SPDX-License-Identifier: MIT
// CLI side of exporting (cmd_query.cc implements it; `build -o` and `export` share it):
// finding and reading the TimelineJS files the standalone page inlines, and writing the
// files ExportAll() returns, each atomically.
#ifndef TARIKH_CLI_EXPORT_FILES_H_
#define TARIKH_CLI_EXPORT_FILES_H_

#include <string>
#include <vector>

#include "tarikh/export/export.h"
#include "tarikh/status.h"

namespace tarikh::cli {

// The directory searched when no --timelinejs is given: $TARIKH_TIMELINEJS if set, else the
// npm install made by scripts/setup.sh in the configured source tree
// (third_party/timelinejs, compiled in).
std::string DefaultTimelineJsDir();

// Reads timeline.js, timeline.css, the Arabic locale and the CSS icon fonts. `dir` may be the
// npm prefix (third_party/timelinejs), the package folder (@knight-lab/timelinejs) or its
// dist/ folder. kNotFound names the file that is missing.
Result<TimelineJsAssets> LoadTimelineJsAssets(const std::string& dir);

// Creates `dir` (and parents) if needed and writes each file atomically (subfolders such as
// timeml/ are created). Stops at the first failure, naming the file.
Status WriteExportFiles(const std::string& dir, const std::vector<ExportFile>& files);

}  // namespace tarikh::cli

#endif  // TARIKH_CLI_EXPORT_FILES_H_
