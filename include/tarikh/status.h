// SPDX-License-Identifier: MIT
// Status and Result<T>: errors as values. No exception crosses the tarikh library boundary.
//
//   tarikh::Result<tarikh::Dct> dct = tarikh::ParseDct("2017-04-18");
//   if (!dct.ok()) std::cerr << dct.status().ToString() << "\n";
#ifndef TARIKH_STATUS_H_
#define TARIKH_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tarikh {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a malformed value given by the caller (a DCT, a query)
  kInvalidUtf8,      // text that is not UTF-8; byte_offset says where
  kParseError,       // JSON / XML / TSV that does not parse; location says where
  kNotFound,
  kIoError,       // only produced by cli/ and I/O helpers, never by core/
  kInconsistent,  // contradictory constraints
  kInternal,
};

// Where in an input an error was found. Offsets are 0-based bytes; line and column are
// 1-based (column in code points). Any field may be unknown (-1).
struct Location {
  int64_t byte_offset = -1;
  int64_t line = -1;
  int64_t column = -1;
};

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg, Location loc = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(msg), loc);
  }
  static Status InvalidUtf8(std::string msg, Location loc = {}) {
    return Status(StatusCode::kInvalidUtf8, std::move(msg), loc);
  }
  static Status ParseError(std::string msg, Location loc = {}) {
    return Status(StatusCode::kParseError, std::move(msg), loc);
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg), {});
  }
  static Status IoError(std::string msg) {
    return Status(StatusCode::kIoError, std::move(msg), {});
  }
  static Status Inconsistent(std::string msg) {
    return Status(StatusCode::kInconsistent, std::move(msg), {});
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg), {});
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& location() const { return location_; }
  // The same error at another place (e.g. a byte offset turned into line and column).
  Status WithLocation(Location loc) const { return Status(code_, message_, loc); }

  // "line:col: message" (or "byte N: message", or just the message) with no file name;
  // the caller prefixes the input's name.
  std::string ToString() const {
    if (ok()) return "OK";
    if (location_.line >= 0 && location_.column >= 0) {
      return std::to_string(location_.line) + ":" + std::to_string(location_.column) + ": " +
             message_ +
             (location_.byte_offset >= 0 ? " (byte " + std::to_string(location_.byte_offset) + ")"
                                         : std::string());
    }
    if (location_.byte_offset >= 0) {
      return "byte " + std::to_string(location_.byte_offset) + ": " + message_;
    }
    return message_;
  }

 private:
  Status(StatusCode code, std::string msg, Location loc)
      : code_(code), message_(std::move(msg)), location_(loc) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  Location location_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT; REQUIRES: !status.ok()
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

#define TARIKH_RETURN_IF_ERROR(expr)         \
  do {                                       \
    ::tarikh::Status _tarikh_st = (expr);    \
    if (!_tarikh_st.ok()) return _tarikh_st; \
  } while (0)

}  // namespace tarikh

#endif  // TARIKH_STATUS_H_
