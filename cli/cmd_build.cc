// SPDX-License-Identifier: MIT
// `tarikh build`: articles in (a manifest, files with one DCT, or JSON Lines on stdin), a
// timeline out (the native JSON, or a directory with every export format).
//
// A bad input never stops the run: it is reported as "file:line:col: message" and skipped,
// and the exit code is then 1. An empty timeline is written with a warning and exit 1.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "export_files.h"
#include "tarikh/core/tagger.h"
#include "tarikh/export/documents_jsonl.h"
#include "tarikh/export/export.h"
#include "tarikh/export/timeline_json.h"
#include "tarikh/timeline/builder.h"

namespace tarikh::cli {
namespace {

// Warnings per document printed to stderr before the rest are only counted.
constexpr int kMaxPrintedWarnings = 20;

struct Input {
  Document doc;
  std::string name;        // for messages: the file, or "<stdin>:LINE"
  bool read_file = false;  // doc.text is still to be read from `name`
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Prints `status` (whose byte offset is inside `text`) as "name:line:col: message".
void PrintAt(const std::string& name, std::string_view text, const Status& status) {
  Location loc = status.location();
  if (loc.byte_offset >= 0) loc = LocateByte(text, loc.byte_offset);
  PrintError(name, Status::ParseError(status.message(), Location{-1, loc.line, loc.column}));
}

// Reads the manifest's documents (tarikh/export/documents_jsonl.h). Entries that cannot be
// used are reported and skipped.
Status ReadManifest(const std::string& path, std::vector<Input>* inputs, bool* had_errors) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  Result<Manifest> manifest = tarikh::ReadManifest(*text);
  if (!manifest.ok()) {
    Location loc = manifest.status().location();
    if (loc.byte_offset >= 0) loc = LocateByte(*text, loc.byte_offset);
    return Status::ParseError("manifest: " + manifest.status().message(), loc);
  }
  for (const Status& st : manifest->errors) {
    PrintAt(path, *text, Status::ParseError(st.message() + " (document skipped)", st.location()));
    *had_errors = true;
  }
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  for (ManifestEntry& e : manifest->entries) {
    Input in;
    std::filesystem::path full =
        std::filesystem::path(e.file).is_absolute() ? std::filesystem::path(e.file) : base / e.file;
    in.name = full.string();
    in.doc = std::move(e.doc);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(full, ec)) {
      PrintAt(path, *text,
              Status::ParseError(in.name + ": no such file (document skipped)",
                                 Location{e.byte_offset, -1, -1}));
      *had_errors = true;
      continue;
    }
    in.read_file = true;  // the text is read when the document is processed
    inputs->push_back(std::move(in));
  }
  return Status::Ok();
}

// JSON Lines documents (tarikh/export/documents_jsonl.h), read one line at a time and handed
// to `sink` (the corpus is never held in memory).
template <typename Sink>
void ReadJsonl(const std::string& path, bool* had_errors, Sink&& sink) {
  const std::string name = path == "-" ? "<stdin>" : path;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      PrintError(name, Status::IoError(std::string("cannot open: ") + std::strerror(errno)));
      *had_errors = true;
      return;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line_no == 1) {
      if (Status st = CheckNotUtf16(line); !st.ok()) {
        PrintError(name, st);
        *had_errors = true;
        return;
      }
    }
    Result<Document> doc = ReadDocumentLine(line);
    if (!doc.ok()) {
      Location loc = doc.status().location();
      if (loc.byte_offset >= 0) loc = LocateByte(line, loc.byte_offset);
      PrintError(name, Status::ParseError(doc.status().message() + " (document skipped)",
                                          Location{-1, line_no, loc.line == 1 ? loc.column : 1}));
      *had_errors = true;
      continue;
    }
    Input input;
    input.name = name + ":" + std::to_string(line_no);
    input.doc = std::move(doc).value();
    sink(std::move(input));
  }
}

}  // namespace

int RunBuild(int argc, char** argv) {
  CLI::App app{"Build a timeline from Arabic news articles.", "tarikh build"};
  std::string manifest, dct_text, jsonl, out, title, formats_text, timelinejs_dir;
  std::vector<std::string> files;
  bool quiet = false;
  auto* m = app.add_option("--manifest", manifest,
                           "JSON manifest: {\"documents\": [{\"file\", \"dct\", \"source\", "
                           "\"title\"?, \"url\"?, \"id\"?}]}, paths relative to it");
  auto* d = app.add_option("--dct", dct_text, "document creation time (YYYY-MM-DD) for FILES");
  auto* jl = app.add_option("--jsonl", jsonl,
                            "JSON Lines documents ({\"id\",\"dct\",\"text\",...}); - = stdin")
                 ->expected(0, 1)
                 ->default_str("-");
  app.add_option("files", files, "article files (with --dct, or alone: DCT from the dateline)");
  app.add_option("-o,--output", out,
                 "a .json file (native timeline only) or a directory (every export format)")
      ->required();
  app.add_option("--title", title, "timeline title");
  app.add_option("--formats", formats_text,
                 "with a directory: comma-separated subset of json,timelinejs,html,csv,md,timeml");
  app.add_option("--timelinejs", timelinejs_dir, "TimelineJS files for the HTML page")
      ->default_str(DefaultTimelineJsDir());
  app.add_flag("-q,--quiet", quiet, "do not print per-document warnings");
  m->excludes(d);
  m->excludes(jl);
  d->excludes(jl);
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  if (manifest.empty() && jl->count() == 0 && files.empty()) {
    std::cerr << "tarikh build: give --manifest M, --dct D FILES..., FILES... or --jsonl\n";
    return kExitUsage;
  }
  if (!manifest.empty() && !files.empty()) {
    std::cerr << "tarikh build: FILES cannot be combined with --manifest\n";
    return kExitUsage;
  }
  std::optional<Dct> common_dct;
  if (!dct_text.empty()) {
    auto parsed = ParseDct(dct_text);
    if (!parsed.ok()) {
      std::cerr << "tarikh build: --dct " << dct_text << ": " << parsed.status().ToString() << "\n";
      return kExitUsage;
    }
    common_dct = *parsed;
  }
  if (timelinejs_dir.empty()) timelinejs_dir = DefaultTimelineJsDir();

  auto tagger = Tagger::Create();
  if (!tagger.ok()) {
    std::cerr << "tarikh build: " << tagger.status().ToString() << "\n";
    return kExitInternal;
  }
  // Map step per document, as each arrives; documents and timexes are kept only for the
  // TimeML export of a directory output.
  const bool to_dir = !EndsWith(out, ".json");
  bool had_errors = false;
  std::vector<DocumentMentions> shards;
  std::vector<Document> kept_docs;
  std::vector<std::vector<Timex>> kept_timexes;
  std::set<std::string> ids;
  auto process = [&](Input in) {
    if (!ids.insert(in.doc.id).second) {
      std::cerr << in.name << ": duplicate document id \"" << in.doc.id
                << "\" (document skipped)\n";
      had_errors = true;
      return;
    }
    if (in.read_file) {
      auto body = ReadFile(in.name);
      if (!body.ok()) {
        PrintError(in.name, Status::IoError(body.status().message() + " (document skipped)"));
        had_errors = true;
        return;
      }
      in.doc.text = std::move(body).value();
    }
    std::vector<Timex> timexes;
    auto r = ExtractMentions(in.doc, *tagger, {}, to_dir ? &timexes : nullptr);
    if (!r.ok()) {
      Status st = r.status();
      Location loc = st.location();
      if (loc.byte_offset >= 0 && loc.line < 0) {
        loc = LocateByte(in.doc.text, st.location().byte_offset);
        loc.byte_offset = st.location().byte_offset;
      }
      PrintError(in.name, Status::InvalidArgument(st.message() + " (document skipped)", loc));
      had_errors = true;
      return;
    }
    shards.push_back(std::move(r).value());
    if (to_dir) {
      kept_docs.push_back(std::move(in.doc));
      kept_timexes.push_back(std::move(timexes));
    }
  };
  if (!manifest.empty()) {
    std::vector<Input> inputs;
    if (Status st = ReadManifest(manifest, &inputs, &had_errors); !st.ok()) {
      PrintError(manifest, st);
      return kExitInputError;
    }
    for (Input& in : inputs) process(std::move(in));
  } else if (jl->count() > 0) {
    ReadJsonl(jsonl.empty() ? "-" : jsonl, &had_errors, process);
  } else {
    for (const std::string& f : files) {
      Input in;
      in.name = f;
      in.doc.id = Stem(f);
      in.doc.dct = common_dct;
      in.read_file = true;
      process(std::move(in));
    }
  }
  BuildOptions options;
  options.title = title;
  Timeline timeline = BuildTimeline(std::move(shards), options);

  int printed = 0;
  for (const TimelineWarning& w : timeline.warnings) {
    if (quiet && !timeline.events.empty()) break;
    if (printed++ == kMaxPrintedWarnings) {
      std::cerr << "tarikh build: " << timeline.warnings.size() - kMaxPrintedWarnings
                << " more warnings in the timeline file\n";
      break;
    }
    std::string where = w.doc_id.empty() ? "tarikh build" : w.doc_id;
    if (w.offset >= 0) where += "@" + std::to_string(w.offset);
    PrintWarning(where, w.message);
  }

  if (!to_dir) {
    if (Status st = WriteFileAtomic(out, WriteTimelineJson(timeline)); !st.ok()) {
      PrintError(out, st);
      return kExitOutputError;
    }
  } else {
    ExportOptions export_options;
    for (size_t pos = 0; pos <= formats_text.size();) {
      size_t comma = std::min(formats_text.find(',', pos), formats_text.size());
      std::string f = formats_text.substr(pos, comma - pos);
      if (!f.empty()) export_options.formats.push_back(f);
      pos = comma + 1;
    }
    bool wants_html = export_options.formats.empty() ||
                      std::find(export_options.formats.begin(), export_options.formats.end(),
                                "html") != export_options.formats.end();
    if (wants_html) {
      auto assets = LoadTimelineJsAssets(timelinejs_dir);
      if (assets.ok()) {
        export_options.assets = std::move(*assets);
      } else {
        PrintWarning("tarikh build", assets.status().message());
      }
    }
    ExportInput input;
    input.timeline = &timeline;
    input.documents = &kept_docs;
    input.timexes = &kept_timexes;
    std::vector<std::string> warnings;
    auto exported = ExportAll(input, export_options, &warnings);
    if (!exported.ok()) {
      std::cerr << "tarikh build: " << exported.status().message() << "\n";
      return kExitUsage;
    }
    for (const std::string& w : warnings) PrintWarning("tarikh build", w);
    if (Status st = WriteExportFiles(out, *exported); !st.ok()) {
      std::cerr << "tarikh build: " << st.message() << "\n";
      return kExitOutputError;
    }
  }
  if (!quiet || timeline.events.empty()) {
    std::cerr << "tarikh build: " << timeline.events.size() << " events from "
              << timeline.documents.size() << " documents -> " << out << "\n";
  }
  if (timeline.events.empty()) return kExitInputError;
  return had_errors ? kExitInputError : kExitOk;
}

}  // namespace tarikh::cli
