// SPDX-License-Identifier: MIT
#include "tarikh/export/export.h"

#include <algorithm>
#include <set>

#include "tarikh/export/table.h"
#include "tarikh/export/timeline_json.h"
#include "tarikh/export/timeml.h"

namespace tarikh {
namespace {

std::string SafeFileStem(std::string_view id) {
  std::string out;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');  // no "", ".", ".."
  return out;
}

}  // namespace

Result<std::vector<ExportFile>> ExportAll(const ExportInput& input, const ExportOptions& options,
                                          std::vector<std::string>* warnings) {
  if (input.timeline == nullptr) return Status::InvalidArgument("ExportAll: no timeline given");
  std::set<std::string> wanted;
  for (const std::string& f : options.formats) {
    if (std::find(std::begin(kExportFormats), std::end(kExportFormats), f) ==
        std::end(kExportFormats)) {
      return Status::InvalidArgument("unknown export format \"" + f +
                                     "\" (json, timelinejs, html, csv, md, timeml)");
    }
    wanted.insert(f);
  }
  auto want = [&](std::string_view f) { return wanted.empty() || wanted.count(std::string(f)); };
  auto warn = [&](std::string msg) {
    if (warnings) warnings->push_back(std::move(msg));
  };
  const Timeline& t = *input.timeline;
  std::vector<ExportFile> files;
  try {
    if (want("json")) files.push_back({"timeline.json", WriteTimelineJson(t)});
    if (want("timelinejs")) {
      files.push_back({"timelinejs.json", WriteTimelineJs(t, options.timelinejs, warnings)});
    }
    if (want("html")) {
      if (options.assets.complete()) {
        files.push_back(
            {"timeline.html", WriteStandaloneHtml(t, options.assets, options.timelinejs)});
      } else {
        warn(
            "timeline.html not written: the TimelineJS files (JS, CSS, Arabic locale) were not "
            "found; install them with scripts/setup.sh or pass --timelinejs DIR");
      }
    }
    if (want("csv")) files.push_back({"timeline.csv", WriteCsv(t)});
    if (want("md")) files.push_back({"timeline.md", WriteMarkdown(t)});
    if (want("timeml")) {
      if (input.documents == nullptr) {
        if (!wanted.empty()) warn("TimeML not written: the document texts are not available");
      } else {
        if (input.timexes && input.timexes->size() != input.documents->size()) {
          return Status::InvalidArgument("ExportAll: timexes must be parallel to documents");
        }
        std::set<std::string> names;
        static const std::vector<Timex> kNone;
        for (size_t i = 0; i < input.documents->size(); ++i) {
          const Document& d = (*input.documents)[i];
          std::string stem = SafeFileStem(d.id);
          std::string name = stem;
          for (int n = 2; !names.insert(name).second; ++n) name = stem + "-" + std::to_string(n);
          files.push_back({"timeml/" + name + ".tml",
                           WriteTimeMl(d, input.timexes ? (*input.timexes)[i] : kNone, &t)});
        }
      }
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("export failed: ") + e.what());
  }
  return files;
}

}  // namespace tarikh
