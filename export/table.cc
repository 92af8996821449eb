// SPDX-License-Identifier: MIT
#include "tarikh/export/table.h"

#include <set>

#include "tarikh/export/escape.h"
#include "tarikh/export/timelinejs.h"

namespace tarikh {
namespace {

std::string SourceIds(const Event& e) {
  std::string out;
  std::set<std::string> seen;
  for (const SourceRef& s : e.sources) {
    if (!seen.insert(s.doc_id).second) continue;
    if (!out.empty()) out += "; ";
    out += s.doc_id;
  }
  return out;
}

// The cells of one event's row, unescaped, in column order.
std::vector<std::string> Row(const Event& e) {
  return {e.id,       e.value,     std::string(TimexModName(e.mod)), ArabicDisplayDate(e),
          e.headline, SourceIds(e)};
}

const std::vector<std::string> kHeader = {"id",           "date",     "mod",
                                          "display_date", "headline", "sources"};

}  // namespace

std::string WriteCsv(const Timeline& timeline) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      out += CsvField(cells[i]);
    }
    out += "\r\n";
  };
  line(kHeader);
  for (const Event& e : timeline.events) line(Row(e));
  return out;
}

std::string WriteMarkdown(const Timeline& timeline) {
  std::string out;
  if (!timeline.title.empty()) out += "# " + MarkdownCell(timeline.title) + "\n\n";
  auto line = [&](const std::vector<std::string>& cells) {
    out += '|';
    for (const std::string& c : cells) out += ' ' + MarkdownCell(c) + " |";
    out += '\n';
  };
  line(kHeader);
  out += "|";
  for (size_t i = 0; i < kHeader.size(); ++i) out += " --- |";
  out += '\n';
  for (const Event& e : timeline.events) line(Row(e));
  return out;
}

}  // namespace tarikh
