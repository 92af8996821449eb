// SPDX-License-Identifier: MIT
// `tarikh tag` and `tarikh normalize`.
//
// `tag` streams: each input is read twice in fixed-size blocks, first to validate it (so a
// bad file produces no partial output), then to tag it chunk by chunk, cut at line breaks or
// spaces. Memory stays flat in the input size.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"
#include "tarikh/export/escape.h"

namespace tarikh::cli {
namespace {

constexpr size_t kBlock = 1 << 18;     // read size
constexpr size_t kMaxCarry = 1 << 20;  // longest run without whitespace kept whole

// A read buffer whose storage only grows: data is [0, size), so reading a block does not
// zero-fill it first and consuming a chunk keeps the allocation.
struct ReadBuffer {
  std::string storage;
  size_t size = 0;
  std::string_view view() const { return {storage.data(), size}; }
  void Consume(size_t n) {
    std::memmove(storage.data(), storage.data() + n, size - n);
    size -= n;
  }
};

// Reads an input (a file or stdin) in blocks. Stdin is buffered whole so it can be read twice.
class Input {
 public:
  Status Open(const std::string& path) {
    path_ = path;
    if (path == "-") {
      auto all = ReadFile("-");
      if (!all.ok()) return all.status();
      stdin_data_ = std::move(all).value();
      return Status::Ok();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return Status::IoError("is a directory");
    return Rewind();
  }
  Status Rewind() {
    pos_ = 0;
    if (path_ == "-") return Status::Ok();
    if (file_) std::fclose(file_);
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
    return Status::Ok();
  }
  // Appends up to kBlock bytes; returns false at end of input.
  bool ReadBlock(ReadBuffer* buf) {
    if (buf->storage.size() < buf->size + kBlock) buf->storage.resize(buf->size + kBlock);
    char* dst = buf->storage.data() + buf->size;
    size_t n;
    if (path_ == "-") {
      if (pos_ >= stdin_data_.size()) return false;
      n = std::min(kBlock, stdin_data_.size() - pos_);
      std::memcpy(dst, stdin_data_.data() + pos_, n);
      pos_ += n;
    } else {
      n = std::fread(dst, 1, kBlock, file_);
    }
    buf->size += n;
    return n > 0;
  }
  bool failed() const { return file_ && std::ferror(file_); }
  ~Input() {
    if (file_) std::fclose(file_);
  }

 private:
  std::string path_;
  std::string stdin_data_;
  size_t pos_ = 0;
  FILE* file_ = nullptr;
};

// Length of the prefix of `buf` that ends on a complete UTF-8 sequence.
size_t CompletePrefix(std::string_view buf) {
  size_t n = buf.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(buf[n - back]);
    if ((c & 0xC0) == 0x80) continue;
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    return len > back ? n - back : n;
  }
  return n;
}

// Where to end a chunk in `buf`: after the last line break; with no line break, wait for
// more input (an expression may go on in the next block: "في عام" + "2014") until the buffer
// is large, then cut after the last space, else at the last complete code point.
size_t ChunkEnd(std::string_view buf, bool at_eof) {
  if (at_eof) return buf.size();
  size_t nl = buf.rfind('\n');
  if (nl != std::string_view::npos) return nl + 1;
  if (buf.size() < kMaxCarry) return 0;
  size_t sp = buf.find_last_of(" \t\r");
  if (sp != std::string_view::npos) return sp + 1;
  return CompletePrefix(buf);
}

// Adds line:column to an error that only knows its byte offset, from the position where
// `part` starts (line, column) and the text of `part`.
Status WithLineColumn(const Status& st, int64_t base, std::string_view part, int64_t line,
                      int64_t column) {
  if (st.ok() || st.location().byte_offset < base) return st;
  Location loc = LocateByte(part, st.location().byte_offset - base);
  loc.column = loc.line == 1 ? column + loc.column - 1 : loc.column;
  loc.line += line - 1;
  loc.byte_offset = st.location().byte_offset;
  return Status::InvalidUtf8(st.message(), loc);
}

// First pass: valid UTF-8 and no NUL bytes, with the line, column and byte offset of the first
// problem. A UTF-16/32 byte-order mark is named as such.
Status ValidateInput(Input& in, int64_t* size) {
  ReadBuffer buf;
  int64_t base = 0, line = 1, column = 1;
  bool more = true;
  while (more) {
    more = in.ReadBlock(&buf);
    if (base == 0) TARIKH_RETURN_IF_ERROR(CheckNotUtf16(buf.view()));
    size_t usable = more ? CompletePrefix(buf.view()) : buf.size;
    std::string_view part(buf.storage.data(), usable);
    if (int64_t nul = FindNul(part); nul >= 0) {
      return WithLineColumn(
          Status::InvalidUtf8("binary data: NUL byte", Location{base + nul, -1, -1}), base, part,
          line, column);
    }
    TARIKH_RETURN_IF_ERROR(WithLineColumn(ValidateUtf8(part, base), base, part, line, column));
    // Line and column where the next block starts (what LocateByte would give, without
    // walking every byte: count the line breaks, then code points after the last one).
    if (const size_t nl = part.rfind('\n'); nl == std::string_view::npos) {
      column += CountCodePoints(part);
    } else {
      // memchr (vectorized by libc) per line rather than std::count, a loop over every byte.
      const char* const end = part.data() + part.size();
      for (const char* p = part.data();
           (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
        ++line;
      }
      column = 1 + CountCodePoints(part.substr(nl + 1));
    }
    base += static_cast<int64_t>(usable);
    buf.Consume(usable);
  }
  if (in.failed()) return Status::IoError("read error");
  *size = base;
  return Status::Ok();
}

void AppendTimexOpen(std::string* out, const Timex& t, int tid) {
  *out += "<TIMEX3 tid=\"t" + std::to_string(tid) + "\" type=\"";
  *out += TimexTypeName(t.type);
  *out += "\" value=\"";
  *out += XmlEscapeAttribute(t.value);
  *out += "\"";
  if (t.mod != TimexMod::kNone) {
    *out += " mod=\"";
    *out += TimexModName(t.mod);
    *out += "\"";
  }
  *out += ">";
}

// One JSONL object, keys in the order nlohmann::json (a std::map) printed them. `doc_json`
// is the document name already encoded as a JSON string.
void AppendJsonlTimex(std::string* out, std::string_view doc_json, const Timex& t,
                      std::string_view text) {
  *out += "{\"begin\":";
  *out += std::to_string(t.begin);
  *out += ",\"doc\":";
  *out += doc_json;
  *out += ",\"end\":";
  *out += std::to_string(t.end);
  *out += ",\"mod\":";
  // Every string here is valid UTF-8: the input was validated before tagging.
  (void)AppendJsonString(out, TimexModName(t.mod));
  *out += ",\"text\":";
  (void)AppendJsonString(out, text);
  *out += ",\"type\":";
  (void)AppendJsonString(out, TimexTypeName(t.type));
  *out += ",\"value\":";
  (void)AppendJsonString(out, t.value);
  *out += "}\n";
}

enum class Format { kTimeML, kJsonl };

// Second pass: tag chunk by chunk and write the output.
Status TagInput(const Tagger& tagger, Input& in, const std::string& name, const Dct& dct,
                Format format, AtomicFile& out) {
  TagSession session = tagger.StartSession(dct);
  ReadBuffer buf;
  std::string text_out;
  // The name may be any bytes (a file name): nlohmann encodes it once, replacing invalid UTF-8.
  const std::string doc_json =
      nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::vector<Timex> found;
  int64_t chunk_base = 0;
  int tid = 1;
  if (format == Format::kTimeML) {
    std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" "
        "type=\"" +
        std::string(dct.has_time() ? "TIME" : "DATE") + "\" value=\"" + FormatDct(dct) +
        "\" functionInDocument=\"CREATION_TIME\">" + FormatDct(dct) + "</TIMEX3></DCT>\n<TEXT>";
    TARIKH_RETURN_IF_ERROR(out.Write(head));
  }
  bool more = true;
  while (more) {
    more = in.ReadBlock(&buf);
    size_t end = ChunkEnd(buf.view(), !more);
    if (end == 0) continue;
    std::string_view chunk(buf.storage.data(), end);
    found.clear();
    TARIKH_RETURN_IF_ERROR(session.Feed(chunk, &found));
    text_out.clear();
    size_t pos = 0;
    for (const Timex& t : found) {
      size_t b = static_cast<size_t>(t.byte_begin - chunk_base);
      size_t e = static_cast<size_t>(t.byte_end - chunk_base);
      if (b < pos || e > chunk.size() || b >= e) continue;  // defensive: overlap or out of chunk
      if (format == Format::kTimeML) {
        AppendXmlText(&text_out, chunk.substr(pos, b - pos));
        AppendTimexOpen(&text_out, t, tid++);
        AppendXmlText(&text_out, chunk.substr(b, e - b));
        text_out += "</TIMEX3>";
        pos = e;
      } else {
        AppendJsonlTimex(&text_out, doc_json, t, chunk.substr(b, e - b));
      }
    }
    if (format == Format::kTimeML) AppendXmlText(&text_out, chunk.substr(pos));
    TARIKH_RETURN_IF_ERROR(out.Write(text_out));
    chunk_base += static_cast<int64_t>(end);
    buf.Consume(end);
  }
  if (format == Format::kTimeML) TARIKH_RETURN_IF_ERROR(out.Write("</TEXT>\n</TimeML>\n"));
  return Status::Ok();
}

Status CheckDct(const std::string& text, Dct* dct) {
  auto parsed = ParseDct(text);
  if (!parsed.ok()) return parsed.status();
  *dct = *parsed;
  return Status::Ok();
}

}  // namespace

int RunTag(int argc, char** argv) {
  CLI::App app{
      "Find and normalize temporal expressions in Arabic text.\n"
      "Prints TimeML (the input text, character for character, with inline TIMEX3) or\n"
      "JSON Lines (one object per expression: doc, begin, end (code points), text,\n"
      "type, value, mod). Reads standard input when no FILE is given.",
      "tarikh tag"};
  std::string dct_text, format_text = "timeml", output_dir;
  std::vector<std::string> files;
  app.add_option("--dct", dct_text, "document creation time: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]")
      ->required();
  app.add_option("--format", format_text, "timeml (default) or jsonl")
      ->check(CLI::IsMember({"timeml", "jsonl"}));
  app.add_option("-o,--output-dir", output_dir,
                 "write one file per input (NAME.tml / NAME.jsonl) instead of stdout");
  app.add_option("files", files, "input files (UTF-8); '-' or none = stdin");
  app.footer(
      "Exit codes: 0 ok, 1 an input failed (others still processed), 2 usage or bad "
      "--dct, 3 an output could not be written.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  Dct dct;
  if (Status st = CheckDct(dct_text, &dct); !st.ok()) {
    PrintError("--dct", st);
    return kExitUsage;
  }
  auto tagger = Tagger::Create();
  if (!tagger.ok()) {
    PrintError("tarikh", tagger.status());
    return kExitInternal;
  }
  const Format format = format_text == "jsonl" ? Format::kJsonl : Format::kTimeML;
  if (!output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(output_dir, ec);  // a failure shows up per file
  }
  if (files.empty()) files.push_back("-");
  int exit_code = kExitOk;
  for (const std::string& file : files) {
    const std::string name = file == "-" ? "<stdin>" : file;
    Input in;
    int64_t size = 0;
    Status st = in.Open(file);
    if (st.ok()) st = ValidateInput(in, &size);
    if (st.ok()) st = in.Rewind();
    if (!st.ok()) {
      PrintError(name, st);
      exit_code = kExitInputError;
      continue;
    }
    if (size == 0) PrintWarning(name, "empty input");
    AtomicFile out;
    std::string out_path = "-";
    if (!output_dir.empty()) {
      std::string stem = file == "-" ? "stdin" : std::filesystem::path(file).stem().string();
      out_path = (std::filesystem::path(output_dir) /
                  (stem + (format == Format::kJsonl ? ".jsonl" : ".tml")))
                     .string();
    }
    st = out.Open(out_path);
    if (st.ok()) st = TagInput(**&tagger, in, name, dct, format, out);
    if (st.ok()) st = out.Commit();
    if (!st.ok()) {
      out.Abort();
      PrintError(st.code() == StatusCode::kIoError ? out_path : name, st);
      exit_code = st.code() == StatusCode::kIoError ? kExitOutputError : kExitInputError;
    }
  }
  return exit_code;
}

int RunNormalize(int argc, char** argv) {
  CLI::App app{"Print the TIMEX3 value of one Arabic temporal expression.", "tarikh normalize"};
  std::string dct_text, expression;
  bool json = false;
  app.add_option("--dct", dct_text, "reference date: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]")
      ->required();
  app.add_flag("--json", json, "print type, value, mod and extent as JSON");
  app.add_option("expression", expression, "the expression, e.g. \"الشهر الماضي\"")->required();
  app.footer("Exit codes: 0 ok, 1 no temporal expression found, 2 usage or bad --dct.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  Dct dct;
  if (Status st = CheckDct(dct_text, &dct); !st.ok()) {
    PrintError("--dct", st);
    return kExitUsage;
  }
  auto tagger = Tagger::Create();
  if (!tagger.ok()) {
    PrintError("tarikh", tagger.status());
    return kExitInternal;
  }
  auto timex = tagger->Normalize(expression, dct);
  if (!timex.ok()) {
    PrintError("expression", timex.status());
    return kExitInputError;
  }
  if (json) {
    nlohmann::json j = {{"type", std::string(TimexTypeName(timex->type))},
                        {"value", timex->value},
                        {"mod", std::string(TimexModName(timex->mod))},
                        {"begin", timex->begin},
                        {"end", timex->end}};
    std::cout << j.dump() << "\n";
  } else {
    std::cout << timex->value;
    if (timex->mod != TimexMod::kNone) std::cout << " " << TimexModName(timex->mod);
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace tarikh::cli
