// SPDX-License-Identifier: MIT
// Runs the real tarikh binary (env TARIKH_BIN) in a scratch directory and captures its exit
// code, stdout, stderr and peak memory, for the bad-input suites.
#ifndef TARIKH_TESTS_CLI_CLI_RUNNER_H_
#define TARIKH_TESTS_CLI_CLI_RUNNER_H_

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace tarikh::testing {

struct RunResult {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // peak RSS of the largest child so far (getrusage RUSAGE_CHILDREN)
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void WriteAll(const std::filesystem::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

// A fresh directory under $TMPDIR, removed (made writable first) on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("tarikh_" + tag + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string TarikhBin() {
  const char* bin = std::getenv("TARIKH_BIN");
  return bin ? bin : "";
}

// Runs `TARIKH_BIN <args>` through sh in `dir`; `args` is shell text (quote as needed).
// stdout goes to `stdout_path` if given (e.g. "/dev/full"), else it is captured.
inline RunResult RunTarikh(const ScratchDir& dir, const std::string& args,
                           const std::string& stdout_path = "") {
  RunResult r;
  const std::string out = dir / ".stdout", err = dir / ".stderr";
  const std::string cmd = "cd '" + dir.path().string() + "' && timeout 600 '" + TarikhBin() + "' " +
                          args + " >'" + (stdout_path.empty() ? out : stdout_path) + "' 2>'" + err +
                          "'";
  const int status = std::system(cmd.c_str());
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
    // sh reports a child killed by signal N as 128+N.
    if (r.exit_code > 128 && r.exit_code != 255) r.exit_code = -1;
  }
  if (stdout_path.empty()) r.out = ReadAll(out);
  r.err = ReadAll(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  struct rusage ru;
  if (::getrusage(RUSAGE_CHILDREN, &ru) == 0) r.max_rss_kb = ru.ru_maxrss;
  return r;
}

// Names of files in `dir` whose name contains ".tmp-" (AtomicFile temporaries left behind).
inline std::string LeftoverTemporaries(const std::filesystem::path& dir) {
  std::string found;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) {
      found += e.path().string() + " ";
    }
  }
  return found;
}

}  // namespace tarikh::testing

#endif  // TARIKH_TESTS_CLI_CLI_RUNNER_H_
