// SPDX-License-Identifier: MIT
// `tarikh extract` (map) and `tarikh merge` (reduce): the two halves of `tarikh build`, for
// corpora split over processes or machines (docs/scale.md).
//
// extract reads JSONL documents line by line and writes one mention line per document
// (tarikh/export/mentions_jsonl.h) as soon as it is done: memory is one line, whatever the
// input size, and the output of any split of the input concatenates to the output of the
// whole. merge reads any number of mention shards in any order; BuildTimeline sorts them
// canonically, so the timeline does not depend on how the corpus was split.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "export_files.h"
#include "tarikh/core/tagger.h"
#include "tarikh/export/documents_jsonl.h"
#include "tarikh/export/export.h"
#include "tarikh/export/mentions_jsonl.h"
#include "tarikh/export/timeline_json.h"
#include "tarikh/timeline/builder.h"

namespace tarikh::cli {
namespace {

// Reads an input line by line with getline(3): memory is the longest line, not the file.
class LineReader {
 public:
  ~LineReader() {
    if (file_ && file_ != stdin) std::fclose(file_);
    std::free(buf_);
  }
  Status Open(const std::string& path) {
    if (path == "-") {
      file_ = stdin;
      return Status::Ok();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return Status::IoError("is a directory");
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
    return Status::Ok();
  }
  // The next line without its '\n'; false at end of input (or on a read error: failed()).
  bool Next(std::string_view* line) {
    ssize_t n = ::getline(&buf_, &cap_, file_);
    if (n < 0) return false;
    ++line_number_;
    bytes_ += n;
    *line = std::string_view(buf_, static_cast<size_t>(n));
    if (!line->empty() && line->back() == '\n') line->remove_suffix(1);
    return true;
  }
  bool failed() const { return std::ferror(file_) != 0; }
  int64_t line_number() const { return line_number_; }
  int64_t bytes() const { return bytes_; }

 private:
  FILE* file_ = nullptr;
  char* buf_ = nullptr;
  size_t cap_ = 0;
  int64_t line_number_ = 0;
  int64_t bytes_ = 0;
};

// "12,345 docs  48.2 MB  51.3 MB/s  ETA 0:42" on one stderr line, redrawn at most 5 times a
// second; only when stderr is a terminal, so logs and pipes never see it.
class Progress {
 public:
  Progress(bool enabled, int64_t total_bytes)
      : enabled_(enabled && ::isatty(2)), total_(total_bytes), start_(Clock::now()) {}
  void Update(int64_t docs, int64_t bytes, bool force = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0;
    char eta[32] = "";
    if (total_ > 0 && rate > 0 && bytes <= total_) {
      const int left = static_cast<int>((static_cast<double>(total_ - bytes) / 1e6) / rate);
      std::snprintf(eta, sizeof eta, "  ETA %d:%02d", left / 60, left % 60);
    }
    std::fprintf(stderr, "\r%lld docs  %.1f MB  %.1f MB/s%s\033[K", static_cast<long long>(docs),
                 mb, rate, eta);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish(int64_t docs, int64_t bytes) {
    if (!enabled_) return;
    Update(docs, bytes, true);
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  int64_t total_;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool drawn_ = false;
};

int64_t TotalSize(const std::vector<std::string>& files) {
  int64_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    if (f == "-" || !std::filesystem::is_regular_file(f, ec)) return -1;
    total += static_cast<int64_t>(std::filesystem::file_size(f, ec));
  }
  return total;
}

// "name:line:col: message" for an error inside one line of a JSONL input.
void PrintLineError(const std::string& name, int64_t line_number, std::string_view line,
                    const Status& st) {
  Location loc = st.location();
  if (loc.byte_offset >= 0) {
    loc = LocateByte(line, loc.byte_offset);  // column in code points within the line
    loc.line = line_number;
  } else {
    loc.line = line_number;
    loc.column = 1;
  }
  PrintError(name, Status::ParseError(st.message(), Location{-1, loc.line, loc.column}));
}

// Where extract's lines go: stdout line by line (flushed per block, so a pipe consumer gets
// them early) or an atomically written file. Lines are written straight into the pending
// block, whose size only grows (pending_size_ is the part in use), so no line allocates,
// copies or clears memory.
class LineSink {
 public:
  Status Open(const std::string& path) { return file_.Open(path); }
  Status Write(const DocumentMentions& mentions) {
    pending_size_ = WriteDocumentMentionsLineAt(mentions, &pending_, pending_size_);
    if (pending_size_ >= (1 << 16)) return Flush();
    return Status::Ok();
  }
  Status Flush() {
    Status st = file_.Write(std::string_view(pending_.data(), pending_size_));
    pending_size_ = 0;
    return st;
  }
  Status Commit() {
    TARIKH_RETURN_IF_ERROR(Flush());
    return file_.Commit();
  }

 private:
  AtomicFile file_;
  std::string pending_;
  size_t pending_size_ = 0;
};

}  // namespace

int RunExtract(int argc, char** argv) {
  CLI::App app{
      "Map step of tarikh build: reads JSON Lines documents, one per line\n"
      "  {\"id\": ..., \"text\": ..., \"dct\": \"YYYY-MM-DD\" (optional: inferred from the "
      "dateline), \"source\", \"title\", \"url\"}\n"
      "and writes one line per document holding its event mentions (see docs/scale.md),\n"
      "for tarikh merge. Stateless and streaming: inputs may be split anywhere between\n"
      "lines and processed in any order, e.g.\n"
      "  parallel --pipe -N 1000 tarikh extract < docs.jsonl | tarikh merge > timeline.json",
      "tarikh extract"};
  std::vector<std::string> files;
  std::string output = "-", default_dct_text;
  bool progress = true;
  app.add_option("files", files, "JSONL inputs; '-' or none = stdin");
  app.add_option("-o,--output", output, "write the mention lines to FILE (atomically)");
  app.add_option("--dct", default_dct_text,
                 "DCT for documents that have none (default: inferred from each dateline)");
  app.add_flag("!--no-progress", progress, "no progress line (shown only on a terminal)");
  app.footer(
      "A bad line is reported as FILE:LINE:COL and skipped; the other documents are still\n"
      "extracted. Exit codes: 0 ok, 1 some lines failed, 2 usage, 3 output not written.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  if (files.empty()) files.push_back("-");
  std::optional<Dct> default_dct;
  if (!default_dct_text.empty()) {
    auto parsed = ParseDct(default_dct_text);
    if (!parsed.ok()) {
      PrintError("--dct", parsed.status());
      return kExitUsage;
    }
    default_dct = *parsed;
  }
  auto tagger = Tagger::Create();
  if (!tagger.ok()) {
    PrintError("tarikh", tagger.status());
    return kExitInternal;
  }
  LineSink sink;
  if (Status st = sink.Open(output); !st.ok()) {
    PrintError(output, st);
    return kExitOutputError;
  }
  Progress bar(progress, TotalSize(files));
  ExtractOptions extract_options;
  extract_options.text_is_valid_utf8 = true;  // ReadDocumentLine validated it
  int exit_code = kExitOk;
  int64_t docs = 0, bytes_before = 0;
  for (const std::string& file : files) {
    const std::string name = file == "-" ? "<stdin>" : file;
    LineReader in;
    if (Status st = in.Open(file); !st.ok()) {
      PrintError(name, st);
      exit_code = kExitInputError;
      continue;
    }
    std::string_view line;
    while (in.Next(&line)) {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (in.line_number() == 1) {
        if (Status st = CheckNotUtf16(line); !st.ok()) {
          PrintError(name, st);
          exit_code = kExitInputError;
          break;
        }
      }
      Result<Document> doc = ReadDocumentLine(line);
      if (doc.ok() && !doc->dct) doc->dct = default_dct;
      Result<DocumentMentions> mentions = doc.ok() ? ExtractMentions(*doc, *tagger, extract_options)
                                                   : Result<DocumentMentions>(doc.status());
      if (!mentions.ok()) {
        Status st = mentions.status();
        if (doc.ok()) {
          // The offset is inside the document's text, not the line: name the document.
          st = Status::ParseError("document \"" + doc->id + "\": " + st.ToString());
        }
        PrintLineError(name, in.line_number(), line, st);
        exit_code = kExitInputError;
        continue;
      }
      if (Status st = sink.Write(*mentions); !st.ok()) {
        PrintError(output == "-" ? "<stdout>" : output, st);
        return kExitOutputError;
      }
      ++docs;
      bar.Update(docs, bytes_before + in.bytes());
    }
    if (in.failed()) {
      PrintError(name,
                 Status::IoError("read error after line " + std::to_string(in.line_number())));
      exit_code = kExitInputError;
    }
    bytes_before += in.bytes();
  }
  bar.Finish(docs, bytes_before);
  if (Status st = sink.Commit(); !st.ok()) {
    PrintError(output == "-" ? "<stdout>" : output, st);
    return kExitOutputError;
  }
  return exit_code;
}

int RunMerge(int argc, char** argv) {
  CLI::App app{
      "Reduce step of tarikh build: reads mention lines written by tarikh extract (any\n"
      "number of shards, in any order) and builds one timeline. Without -o, prints the\n"
      "timeline JSON (the same file tarikh build writes as timeline.json).",
      "tarikh merge"};
  std::vector<std::string> files;
  std::string out_dir, title, formats_text = "json,timelinejs,html,csv,md",
                              timelinejs_dir = DefaultTimelineJsDir();
  app.add_option("files", files, "mention JSONL shards; '-' or none = stdin");
  app.add_option("-o,--output", out_dir,
                 "a .json file (native timeline only) or a directory (every export format, "
                 "created if missing); default: timeline JSON on stdout");
  app.add_option("--title", title, "timeline title");
  app.add_option("--formats", formats_text,
                 "with -o: comma-separated json, timelinejs, html, csv, md (default: all)");
  app.add_option("--timelinejs", timelinejs_dir, "TimelineJS 3 npm install for the HTML page");
  app.footer(
      "A bad line is reported as FILE:LINE:COL and skipped; the timeline is built from the\n"
      "others. Exit codes: 0 ok, 1 some lines failed, 2 usage, 3 output not written.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  if (files.empty()) files.push_back("-");
  int exit_code = kExitOk;
  // Each line's DocumentMentions goes into the compact store at once (a 10^6-mention merge
  // would otherwise hold over a kilobyte per mention).
  MentionStore store;
  for (const std::string& file : files) {
    const std::string name = file == "-" ? "<stdin>" : file;
    LineReader in;
    if (Status st = in.Open(file); !st.ok()) {
      PrintError(name, st);
      exit_code = kExitInputError;
      continue;
    }
    std::string_view line;
    while (in.Next(&line)) {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      Result<DocumentMentions> dm = ReadDocumentMentionsLine(line);
      if (!dm.ok()) {
        PrintLineError(name, in.line_number(), line, dm.status());
        exit_code = kExitInputError;
        continue;
      }
      store.Add(std::move(dm).value());
    }
    if (in.failed()) {
      PrintError(name,
                 Status::IoError("read error after line " + std::to_string(in.line_number())));
      exit_code = kExitInputError;
    }
  }
  BuildOptions options;
  options.title = title;
  BuiltTimeline built(std::move(store), options);

  // Like `tarikh build -o`: no -o or a .json file = the native timeline only.
  if (out_dir.empty() || std::filesystem::path(out_dir).extension() == ".json") {
    const std::string target = out_dir.empty() ? "-" : out_dir;
    AtomicFile out;
    Status st = out.Open(target);
    // Streamed: a 10^6-event timeline is over a gigabyte of text, never held as one string.
    if (st.ok()) {
      // Events are made one at a time from the store as they are written.
      st = WriteTimelineJson(built, [&out](std::string_view chunk) { return out.Write(chunk); });
    }
    if (st.ok()) st = out.Commit();
    if (!st.ok()) {
      PrintError(out_dir.empty() ? "<stdout>" : out_dir, st);
      return kExitOutputError;
    }
    return exit_code;
  }
  ExportOptions export_options;
  for (size_t pos = 0; pos <= formats_text.size();) {
    size_t comma = std::min(formats_text.find(',', pos), formats_text.size());
    std::string f = formats_text.substr(pos, comma - pos);
    if (!f.empty()) export_options.formats.push_back(f);
    pos = comma + 1;
  }
  if (std::find(export_options.formats.begin(), export_options.formats.end(), "html") !=
      export_options.formats.end()) {
    Result<TimelineJsAssets> assets = LoadTimelineJsAssets(timelinejs_dir);
    if (assets.ok()) {
      export_options.assets = std::move(*assets);
    } else {
      PrintWarning("tarikh merge", assets.status().message());
    }
  }
  const Timeline timeline = built.ToTimeline();
  ExportInput input;
  input.timeline = &timeline;
  std::vector<std::string> warnings;
  Result<std::vector<ExportFile>> exported = ExportAll(input, export_options, &warnings);
  if (!exported.ok()) {
    std::cerr << "tarikh merge: " << exported.status().message() << "\n";
    return kExitUsage;
  }
  for (const std::string& w : warnings) PrintWarning("tarikh merge", w);
  if (Status st = WriteExportFiles(out_dir, *exported); !st.ok()) {
    std::cerr << "tarikh merge: " << st.message() << "\n";
    return kExitOutputError;
  }
  return exit_code;
}

}  // namespace tarikh::cli
