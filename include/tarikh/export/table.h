// SPDX-License-Identifier: MIT
// Flat tables of a timeline's events for spreadsheets and reports. Columns: id, date (the
// TIMEX3 value), mod, display_date (Arabic), headline, sources (document ids, "; "-joined).
#ifndef TARIKH_EXPORT_TABLE_H_
#define TARIKH_EXPORT_TABLE_H_

#include <string>

#include "tarikh/timeline/timeline.h"

namespace tarikh {

// RFC 4180 CSV with a header row, CRLF line ends, UTF-8 with no BOM; cells escaped with
// CsvField() (formula-looking cells get a leading apostrophe).
std::string WriteCsv(const Timeline& timeline);

// A GitHub-flavoured Markdown table with the same columns; cells escaped with
// MarkdownCell(). Starts with the timeline title as a heading when it has one.
std::string WriteMarkdown(const Timeline& timeline);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_TABLE_H_
