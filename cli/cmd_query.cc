// SPDX-License-Identifier: MIT
// `tarikh query` (date questions to a timeline) and `tarikh export` (timeline JSON → the
// other formats), plus the export file plumbing shared with `tarikh build -o`.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_util.h"
#include "commands.h"
#include "export_files.h"
#include "tarikh/core/tagger.h"
#include "tarikh/export/escape.h"
#include "tarikh/export/query.h"
#include "tarikh/export/table.h"
#include "tarikh/export/timeline_json.h"
#include "tarikh/export/timelinejs.h"

#ifndef TARIKH_DEFAULT_TIMELINEJS_DIR
#define TARIKH_DEFAULT_TIMELINEJS_DIR ""
#endif

namespace tarikh::cli {

namespace fs = std::filesystem;

std::string DefaultTimelineJsDir() {
  if (const char* env = std::getenv("TARIKH_TIMELINEJS"); env && *env) return env;
  return TARIKH_DEFAULT_TIMELINEJS_DIR;
}

Result<TimelineJsAssets> LoadTimelineJsAssets(const std::string& dir) {
  if (dir.empty()) return Status::NotFound("no TimelineJS directory configured");
  std::error_code ec;
  fs::path dist;
  for (const fs::path& candidate : {fs::path(dir) / "node_modules/@knight-lab/timelinejs/dist",
                                    fs::path(dir) / "dist", fs::path(dir)}) {
    if (fs::is_regular_file(candidate / "js/timeline.js", ec)) {
      dist = candidate;
      break;
    }
  }
  if (dist.empty()) {
    return Status::NotFound(dir +
                            ": no TimelineJS 3 here (looked for js/timeline.js under "
                            "node_modules/@knight-lab/timelinejs/dist, dist and .)");
  }
  TimelineJsAssets assets;
  struct Needed {
    const char* rel;
    std::string* out;
  } needed[] = {{"js/timeline.js", &assets.js},
                {"css/timeline.css", &assets.css},
                {"js/locale/ar.json", &assets.locale_json}};
  for (const Needed& n : needed) {
    Result<std::string> data = ReadFile((dist / n.rel).string());
    if (!data.ok()) {
      return Status::NotFound((dist / n.rel).string() + ": " + data.status().message());
    }
    *n.out = std::move(*data);
  }
  // The icon font the CSS loads relative to itself; inlined so the page's arrows render.
  for (const char* font : {"tl-icons.ttf", "tl-icons.woff2", "tl-icons.woff"}) {
    Result<std::string> data = ReadFile((dist / "css/icons" / font).string());
    if (data.ok()) {
      assets.css_resources.emplace_back(std::string("../js/../css/icons/") + font,
                                        std::move(*data));
    }
  }
  return assets;
}

Status WriteExportFiles(const std::string& dir, const std::vector<ExportFile>& files) {
  for (const ExportFile& f : files) {
    fs::path path = fs::path(dir) / f.filename;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      return Status::IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
    }
    Status st = WriteFileAtomic(path.string(), f.content);
    if (!st.ok()) return Status::IoError(path.string() + ": " + st.message());
  }
  return Status::Ok();
}

namespace {

// Reads and validates a timeline file; on failure prints "file:line:col: message".
std::optional<Timeline> LoadTimeline(const std::string& path) {
  Result<std::string> data = ReadFile(path);
  if (!data.ok()) {
    PrintError(path, data.status());
    return std::nullopt;
  }
  Result<Timeline> t = ReadTimelineJson(*data);
  if (!t.ok()) {
    PrintError(path, t.status());
    return std::nullopt;
  }
  return std::move(*t);
}

// The interval of a query date: an ISO value ("2016", "2016-10", "2016-10-05", "2017-W15")
// or an Arabic expression normalized by the tagger against `dct`.
Result<DayInterval> QueryDate(const std::string& text, const std::optional<Dct>& dct,
                              const std::optional<Tagger>& tagger) {
  if (std::optional<DayInterval> iso = ValueInterval(text)) return *iso;
  if (!dct) {
    return Status::InvalidArgument("'" + text +
                                   "': not an ISO date (2016, 2016-10, 2016-10-05); to use an "
                                   "Arabic expression give --dct or a timeline with documents");
  }
  if (!tagger) return Status::Internal("the Arabic tagger could not be built");
  Result<Timex> t = tagger->Normalize(text, *dct);
  if (!t.ok()) return Status::InvalidArgument("'" + text + "': no date found in it");
  if (t->interval.bounded() && !t->interval.empty()) return t->interval;
  if (std::optional<DayInterval> v = ValueInterval(t->value)) return *v;
  return Status::InvalidArgument("'" + text + "' means " + t->value +
                                 ", which is not a calendar date");
}

std::string SourceList(const Event& e) {
  std::set<std::string> seen;
  std::string out;
  for (const SourceRef& s : e.sources) {
    if (!seen.insert(s.doc_id).second) continue;
    out += (out.empty() ? "" : ", ") + s.doc_id;
  }
  return out;
}

}  // namespace

int RunQuery(int argc, char** argv) {
  CLI::App app{
      "Ask a timeline what happened on, before, after or between dates.\n"
      "Dates are ISO (2016, 2016-10, 2016-10-05, 2017-W15, 2016-Q4) or Arabic expressions\n"
      "(\"أكتوبر 2016\", \"الشهر الماضي\") normalized against --dct (default: the latest\n"
      "document date in the timeline). See docs/query.md for the interval semantics.",
      "tarikh query"};
  std::string path, on, before, after, dct_text, format = "table";
  std::vector<std::string> between;
  bool strict = false;
  app.add_option("timeline", path, "timeline JSON written by tarikh build or export")->required();
  auto* on_opt = app.add_option("--on", on, "events that may have happened during DATE");
  auto* between_opt =
      app.add_option("--between", between, "events between DATE1 and DATE2")->expected(2);
  auto* before_opt = app.add_option("--before", before, "events that may have begun before DATE");
  auto* after_opt = app.add_option("--after", after, "events that may have ended after DATE");
  on_opt->excludes(between_opt)->excludes(before_opt)->excludes(after_opt);
  between_opt->excludes(before_opt)->excludes(after_opt);
  before_opt->excludes(after_opt);
  app.add_option("--dct", dct_text, "reference date for relative Arabic expressions");
  app.add_flag("--strict", strict,
               "containment instead of overlap: only events certainly inside the range");
  app.add_option("--format", format, "table (default), json (a timeline) or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.footer(
      "Exit codes: 0 ok (also when nothing matches), 1 unreadable or invalid timeline,\n"
      "2 usage (no or several of --on/--between/--before/--after, bad date or --dct).");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  DateQuery q;
  q.strict = strict;
  std::vector<std::string> dates;
  if (!on.empty()) {
    q.kind = DateQuery::Kind::kOn;
    dates = {on};
  } else if (!between.empty()) {
    q.kind = DateQuery::Kind::kBetween;
    dates = between;
  } else if (!before.empty()) {
    q.kind = DateQuery::Kind::kBefore;
    dates = {before};
  } else if (!after.empty()) {
    q.kind = DateQuery::Kind::kAfter;
    dates = {after};
  } else {
    std::cerr << "tarikh query: give one of --on, --between, --before, --after\n";
    return kExitUsage;
  }
  std::optional<Dct> dct;
  if (!dct_text.empty()) {
    Result<Dct> d = ParseDct(dct_text);
    if (!d.ok()) {
      PrintError("--dct", d.status());
      return kExitUsage;
    }
    dct = *d;
  }
  std::optional<Timeline> timeline = LoadTimeline(path);
  if (!timeline) return kExitInputError;
  if (!dct) {
    for (const DocumentInfo& d : timeline->documents) {
      if (!dct || DayNumber(d.dct) > DayNumber(*dct)) dct = d.dct;
    }
  }
  std::optional<Tagger> tagger;
  for (const std::string& d : dates) {
    if (!ValueInterval(d) && !tagger) {
      Result<Tagger> t = Tagger::Create();
      if (t.ok()) tagger.emplace(std::move(*t));
    }
  }
  std::vector<DayInterval> intervals;
  for (const std::string& d : dates) {
    Result<DayInterval> i = QueryDate(d, dct, tagger);
    if (!i.ok()) {
      std::cerr << "tarikh query: " << i.status().message() << "\n";
      return kExitUsage;
    }
    intervals.push_back(*i);
  }
  q.first = intervals[0];
  if (intervals.size() > 1) q.second = intervals[1];

  std::vector<size_t> hits = QueryEvents(*timeline, q);
  Timeline result;
  result.title = timeline->title;
  result.documents = timeline->documents;
  std::set<std::string> kept;
  for (size_t i : hits) {
    result.events.push_back(timeline->events[i]);
    kept.insert(timeline->events[i].id);
  }
  for (const Relation& r : timeline->relations) {
    if (kept.count(r.from) && kept.count(r.to)) result.relations.push_back(r);
  }
  if (format == "json") {
    std::cout << WriteTimelineJson(result);
  } else if (format == "csv") {
    std::cout << WriteCsv(result);
  } else {
    for (const Event& e : result.events) {
      std::string date = e.value;
      if (e.mod != TimexMod::kNone) date += " " + std::string(TimexModName(e.mod));
      if (date.size() < 16) date.resize(16, ' ');
      std::cout << date << "  " << ArabicDisplayDate(e) << " | " << e.headline << " ["
                << SourceList(e) << "]\n";
    }
    if (result.events.empty()) std::cerr << "tarikh query: no event matches\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitOutputError;
}

int RunExport(int argc, char** argv) {
  CLI::App app{
      "Write a timeline JSON (from tarikh build) in other formats: timelinejs.json\n"
      "(TimelineJS 3), timeline.html (standalone page, offline), timeline.csv, timeline.md and\n"
      "timeline.json (normalized copy). TimeML needs the article texts: use tarikh build -o.",
      "tarikh export"};
  std::string path, out_dir, formats_text = "timelinejs,html,csv,md",
                             timelinejs_dir = DefaultTimelineJsDir(), group = "none";
  app.add_option("timeline", path, "timeline JSON")->required();
  app.add_option("-o,--output", out_dir, "output directory (created if missing)")->required();
  app.add_option("--formats", formats_text,
                 "comma-separated: json, timelinejs, html, csv, md (default: all but json)");
  app.add_option("--timelinejs", timelinejs_dir,
                 "TimelineJS 3 npm install for the HTML page (default: " + DefaultTimelineJsDir() +
                     ", or $TARIKH_TIMELINEJS)");
  app.add_option("--group-by", group, "TimelineJS rows: none, source or document")
      ->check(CLI::IsMember({"none", "source", "document"}));
  app.footer(
      "Exit codes: 0 ok (warnings such as a missing TimelineJS go to stderr), 1 invalid\n"
      "timeline, 2 usage, 3 an output could not be written.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  ExportOptions options;
  for (size_t pos = 0; pos <= formats_text.size();) {
    size_t comma = std::min(formats_text.find(',', pos), formats_text.size());
    std::string f = formats_text.substr(pos, comma - pos);
    if (!f.empty()) options.formats.push_back(f);
    pos = comma + 1;
  }
  if (std::find(options.formats.begin(), options.formats.end(), "timeml") !=
      options.formats.end()) {
    std::cerr << "tarikh export: timeml needs the article texts; use 'tarikh build -o DIR'\n";
    return kExitUsage;
  }
  options.timelinejs.group_by = group == "source"     ? TimelineJsOptions::GroupBy::kSource
                                : group == "document" ? TimelineJsOptions::GroupBy::kDocument
                                                      : TimelineJsOptions::GroupBy::kNone;
  const bool wants_html =
      options.formats.empty() ||
      std::find(options.formats.begin(), options.formats.end(), "html") != options.formats.end();
  if (wants_html) {
    Result<TimelineJsAssets> assets = LoadTimelineJsAssets(timelinejs_dir);
    if (assets.ok()) {
      options.assets = std::move(*assets);
    } else {
      PrintWarning("tarikh export", assets.status().message());
    }
  }
  std::optional<Timeline> timeline = LoadTimeline(path);
  if (!timeline) return kExitInputError;
  ExportInput input;
  input.timeline = &*timeline;
  std::vector<std::string> warnings;
  Result<std::vector<ExportFile>> files = ExportAll(input, options, &warnings);
  if (!files.ok()) {
    std::cerr << "tarikh export: " << files.status().message() << "\n";
    return kExitUsage;
  }
  for (const std::string& w : warnings) PrintWarning("tarikh export", w);
  Status st = WriteExportFiles(out_dir, *files);
  if (!st.ok()) {
    std::cerr << "tarikh export: " << st.message() << "\n";
    return kExitOutputError;
  }
  for (const ExportFile& f : *files) std::cerr << "wrote " << out_dir << "/" << f.filename << "\n";
  return kExitOk;
}

}  // namespace tarikh::cli
