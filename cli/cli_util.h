// SPDX-License-Identifier: MIT
// Shared plumbing of the tarikh subcommands: exit codes, reading inputs, atomic writes and
// error lines in the `file:line:col: message` form.
#ifndef TARIKH_CLI_CLI_UTIL_H_
#define TARIKH_CLI_CLI_UTIL_H_

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "tarikh/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tarikh::cli {

// Documented in docs/cli.md; keep both in sync.
enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,   // at least one input failed; the others were processed
  kExitUsage = 2,        // bad flags or arguments (including a malformed --dct)
  kExitOutputError = 3,  // an output could not be written; nothing partial was left behind
  kExitInternal = 70,
};

// Parses the command line with `app`. Returns the exit code when the run ends here: --help
// (kExitOk) or a usage error, which CLI11 has printed (kExitUsage, whatever CLI11's own code);
// nullopt when the command goes on.
std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv);

// Reads a whole file ("-" = stdin). Errors name the file.
Result<std::string> ReadFile(const std::string& path);

// Writes `data` to `path` atomically: a temporary file in the same directory, flushed and
// fsync'ed, then renamed over `path`. On any failure the temporary is removed and `path`
// is untouched.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// Prints "name:line:col: message" (or "name: byte N: message") to stderr.
void PrintError(std::string_view name, const Status& status);
void PrintWarning(std::string_view name, std::string_view message);

// kInvalidUtf8 at byte 0 ("UTF-16 … is not supported; convert to UTF-8") if `head`, the first
// bytes of an input, starts with a UTF-16 or UTF-32 byte-order mark. A UTF-8 BOM is fine.
Status CheckNotUtf16(std::string_view head);

// Line (1-based) and column (1-based, code points) of a byte offset in `text`.
Location LocateByte(std::string_view text, int64_t byte_offset);

}  // namespace tarikh::cli

namespace tarikh::cli {

// An output file written in place only when complete: data goes to a temporary file next to
// `path`; Commit() fsyncs and renames it, the destructor removes it if Commit() never ran.
// "-" writes straight to stdout.
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  Status Open(const std::string& path);
  Status Write(std::string_view data);
  Status Commit();
  void Abort();

 private:
  std::string path_;
  std::string tmp_;
  int fd_ = -1;
  bool to_stdout_ = false;
};

}  // namespace tarikh::cli
#endif  // TARIKH_CLI_CLI_UTIL_H_
