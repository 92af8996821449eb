// SPDX-License-Identifier: MIT
#include "cli_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

#include "tarikh/core/utf8.h"

namespace tarikh::cli {

std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return std::nullopt;
}

Result<std::string> ReadFile(const std::string& path) {
  std::string data;
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open: " + std::string(std::strerror(errno)));
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (fd != 0) ::close(fd);
    return Status::IoError("is a directory");
  }
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (fd != 0) ::close(fd);
      return Status::IoError("read failed: " + std::string(std::strerror(err)));
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  if (fd != 0) ::close(fd);
  return data;
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  AtomicFile file;
  TARIKH_RETURN_IF_ERROR(file.Open(path));
  TARIKH_RETURN_IF_ERROR(file.Write(data));
  return file.Commit();
}

void PrintError(std::string_view name, const Status& status) {
  std::cerr << name << (status.location().line >= 0 ? ":" : ": ") << status.ToString() << "\n";
}

void PrintWarning(std::string_view name, std::string_view message) {
  std::cerr << name << ": warning: " << message << "\n";
}

Status CheckNotUtf16(std::string_view head) {
  auto starts = [head](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  const char* what = nullptr;
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) {
    what = "UTF-32 (little-endian)";
  } else if (starts(std::string_view("\0\0\xFE\xFF", 4))) {
    what = "UTF-32 (big-endian)";
  } else if (starts("\xFF\xFE")) {
    what = "UTF-16 (little-endian)";
  } else if (starts("\xFE\xFF")) {
    what = "UTF-16 (big-endian)";
  }
  if (what == nullptr) return Status::Ok();
  return Status::InvalidUtf8(std::string(what) +
                                 " is not supported; convert to UTF-8 (e.g. iconv -f UTF-16 -t "
                                 "UTF-8 FILE)",
                             Location{0, 1, 1});
}

Location LocateByte(std::string_view text, int64_t byte_offset) {
  return LocateByteOffset(text, byte_offset);
}

}  // namespace tarikh::cli

namespace tarikh::cli {

AtomicFile::~AtomicFile() { Abort(); }

Status AtomicFile::Open(const std::string& path) {
  Abort();
  path_ = path;
  if (path == "-") {
    to_stdout_ = true;
    return Status::Ok();
  }
  tmp_ = path + ".tmp-XXXXXX";
  fd_ = ::mkstemp(tmp_.data());
  if (fd_ < 0) {
    tmp_.clear();
    return Status::IoError("cannot create a temporary file for " + path + ": " +
                           std::strerror(errno));
  }
  return Status::Ok();
}

Status AtomicFile::Write(std::string_view data) {
  if (to_stdout_) {
    if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
      return Status::IoError("cannot write to standard output");
    }
    return Status::Ok();
  }
  if (fd_ < 0) return Status::IoError("output not open");
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd_, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    off += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (to_stdout_) {
    to_stdout_ = false;
    return std::fflush(stdout) == 0 ? Status::Ok()
                                    : Status::IoError("cannot write to standard output");
  }
  if (fd_ < 0) return Status::IoError("output not open");
  if (::fsync(fd_) != 0 || ::fchmod(fd_, 0644) != 0) {
    Status st = Status::IoError("cannot sync " + path_ + ": " + std::strerror(errno));
    Abort();
    return st;
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0) {
    Status st = Status::IoError("cannot write " + path_ + ": " + std::strerror(errno));
    ::unlink(tmp_.c_str());
    tmp_.clear();
    return st;
  }
  tmp_.clear();
  return Status::Ok();
}

void AtomicFile::Abort() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!tmp_.empty()) {
    ::unlink(tmp_.c_str());
    tmp_.clear();
  }
  to_stdout_ = false;
}

}  // namespace tarikh::cli
