// SPDX-License-Identifier: MIT
// The input-document reader (tarikh/export/documents_jsonl.h). A hand-written JSON scanner
// instead of a DOM: extract reads tens of MB of documents whose "text" member is nearly all
// of each line, and building a DOM and copying the text out of it cost more than the rest of
// the read. The scanner accepts exactly RFC 8259 JSON (the same inputs as nlohmann::json,
// which fuzz/fuzz_documents.cc checks as an oracle): strings must be UTF-8 without raw
// control characters, \u escapes must pair their surrogates, a UTF-8 byte order mark at the
// start is skipped.
#include "tarikh/export/documents_jsonl.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "json_utf8.h"
#include "tarikh/core/date.h"
#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

using export_internal::ScanJsonRun;

// A cursor over one JSON text. Every error names the byte offset where the input stopped
// being JSON.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {
    // A UTF-8 byte order mark (editors add one) is not part of the JSON text.
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;
  }

  size_t pos() const { return p_; }
  bool AtEnd() const { return p_ >= s_.size(); }
  // The next byte, or -1 at the end.
  int Peek() const { return p_ < s_.size() ? static_cast<unsigned char>(s_[p_]) : -1; }

  void SkipWs() {
    while (p_ < s_.size() &&
           (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) {
      ++p_;
    }
  }

  Status Error(const std::string& what, size_t at) const {
    std::string msg = "not JSON: " + what;
    if (at < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[at]);
      if (c >= 0x21 && c < 0x7F) {
        msg += std::string(" (found '") + static_cast<char>(c) + "')";
      } else if (c != ' ') {
        char hex[32];
        std::snprintf(hex, sizeof hex, " (found byte 0x%02X)", c);
        msg += hex;
      }
    } else {
      msg += " (found the end of the input)";
    }
    return Status::ParseError(msg, Location{static_cast<int64_t>(at), -1, -1});
  }

  Status Expect(char c) {
    SkipWs();
    if (Peek() != static_cast<unsigned char>(c)) {
      return Error(std::string("expected '") + c + "'", p_);
    }
    ++p_;
    return Status::Ok();
  }

  // A string at the cursor (after whitespace), decoded into *out (appended; out may be null
  // to only check it). The runs between escapes are found by ScanJsonRun (eight bytes at a
  // time) and copied whole.
  Status String(std::string* out) {
    SkipWs();
    if (Peek() != '"') return Error("expected a string", p_);
    ++p_;
    const size_t n = s_.size();
    while (true) {
      const size_t run = p_;
      bool bad_utf8 = false;
      p_ = ScanJsonRun(s_, run, &bad_utf8);
      if (bad_utf8) {
        return Status::InvalidUtf8("not JSON: invalid UTF-8 in a string",
                                   Location{static_cast<int64_t>(p_), -1, -1});
      }
      if (out) out->append(s_.data() + run, p_ - run);
      if (p_ >= n) return Error("unterminated string", n);
      const unsigned char c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        return Status::Ok();
      }
      if (c < 0x20) return Error("control character in a string (must be escaped)", p_);
      TARIKH_RETURN_IF_ERROR(Escape(out));
    }
  }

  // Any JSON value, checked and skipped. Iterative: nesting depth costs heap, not stack.
  Status SkipValue() {
    std::string open;  // '{' / '[' of the containers around the cursor
    while (true) {
      // A value is expected here.
      SkipWs();
      const int c = Peek();
      bool closed_empty = false;
      if (c == '{' || c == '[') {
        ++p_;
        SkipWs();
        if (Peek() == (c == '{' ? '}' : ']')) {
          ++p_;
          closed_empty = true;
        } else {
          open.push_back(static_cast<char>(c));
          if (c == '{') {
            TARIKH_RETURN_IF_ERROR(String(nullptr));
            TARIKH_RETURN_IF_ERROR(Expect(':'));
          }
          continue;
        }
      }
      if (!closed_empty) TARIKH_RETURN_IF_ERROR(Scalar());
      // After a value: close containers or move to the next element.
      while (true) {
        if (open.empty()) return Status::Ok();
        SkipWs();
        const int d = Peek();
        const bool in_object = open.back() == '{';
        if (d == ',') {
          ++p_;
          if (in_object) {
            TARIKH_RETURN_IF_ERROR(String(nullptr));
            TARIKH_RETURN_IF_ERROR(Expect(':'));
          }
          break;
        }
        if (d == (in_object ? '}' : ']')) {
          ++p_;
          open.pop_back();
          continue;
        }
        return Error(in_object ? "expected ',' or '}'" : "expected ',' or ']'", p_);
      }
    }
  }

  // true/false/null, a number or a string.
  Status Scalar() {
    SkipWs();
    const int c = Peek();
    if (c == '"') return String(nullptr);
    if (c == '-' || (c >= '0' && c <= '9')) return Number();
    for (std::string_view lit : {"true", "false", "null"}) {
      if (s_.substr(p_, lit.size()) == lit) {
        p_ += lit.size();
        return Status::Ok();
      }
    }
    return Error("expected a value", p_);
  }

  // "null" at the cursor (after whitespace): consumed, true.
  bool Null() {
    SkipWs();
    if (s_.substr(p_, 4) != "null") return false;
    p_ += 4;
    return true;
  }

  // Calls on_member(key) for each member of the object at the cursor, with the cursor just
  // before the member's value; on_member must consume the value.
  template <typename F>
  Status Object(F&& on_member) {
    TARIKH_RETURN_IF_ERROR(Expect('{'));
    SkipWs();
    if (Peek() == '}') {
      ++p_;
      return Status::Ok();
    }
    std::string key;
    while (true) {
      key.clear();
      TARIKH_RETURN_IF_ERROR(String(&key));
      TARIKH_RETURN_IF_ERROR(Expect(':'));
      TARIKH_RETURN_IF_ERROR(on_member(key));
      SkipWs();
      if (Peek() == ',') {
        ++p_;
        continue;
      }
      if (Peek() == '}') {
        ++p_;
        return Status::Ok();
      }
      return Error("expected ',' or '}'", p_);
    }
  }

  // Calls on_element(index) for each element of the array at the cursor.
  template <typename F>
  Status Array(F&& on_element) {
    TARIKH_RETURN_IF_ERROR(Expect('['));
    SkipWs();
    if (Peek() == ']') {
      ++p_;
      return Status::Ok();
    }
    for (size_t i = 0;; ++i) {
      TARIKH_RETURN_IF_ERROR(on_element(i));
      SkipWs();
      if (Peek() == ',') {
        ++p_;
        continue;
      }
      if (Peek() == ']') {
        ++p_;
        return Status::Ok();
      }
      return Error("expected ',' or ']'", p_);
    }
  }

  Status End() {
    SkipWs();
    if (!AtEnd()) return Error("unexpected content after the JSON value", p_);
    return Status::Ok();
  }

 private:
  Status Number() {
    const size_t start = p_;
    auto digits = [&]() {
      const size_t from = p_;
      while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
      return p_ > from;
    };
    if (Peek() == '-') ++p_;
    if (Peek() == '0') {
      ++p_;
    } else if (!digits()) {
      return Error("invalid number", p_ == start ? start : p_);
    }
    if (Peek() == '.') {
      ++p_;
      if (!digits()) return Error("invalid number: digits expected after '.'", p_);
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++p_;
      if (Peek() == '+' || Peek() == '-') ++p_;
      if (!digits()) return Error("invalid number: digits expected in the exponent", p_);
    }
    return Status::Ok();
  }

  // Four hex digits at the cursor.
  bool Hex4(char32_t* out) {
    if (p_ + 4 > s_.size()) return false;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[p_ + i];
      int d;
      if (h >= '0' && h <= '9') {
        d = h - '0';
      } else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f') {
        d = (h | 0x20) - 'a' + 10;
      } else {
        return false;
      }
      v = v * 16 + static_cast<char32_t>(d);
    }
    p_ += 4;
    *out = v;
    return true;
  }

  // The escape at the cursor ('\\'), decoded into *out (may be null).
  Status Escape(std::string* out) {
    const size_t at = p_;
    ++p_;
    if (p_ >= s_.size()) return Error("unterminated string", p_);
    const char e = s_[p_++];
    char plain = 0;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        plain = e;
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u': {
        char32_t cp = 0;
        if (!Hex4(&cp)) return Error("\\u must be followed by four hex digits", at);
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return Error("lone low surrogate \\u escape (U+DC00..U+DFFF)", at);
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          char32_t low = 0;
          if (s_.substr(p_, 2) != "\\u") {
            return Error("high surrogate \\u escape not followed by a low surrogate", at);
          }
          p_ += 2;
          if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) {
            return Error("high surrogate \\u escape not followed by a low surrogate", at);
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) AppendUtf8(out, cp);
        return Status::Ok();
      }
      default:
        return Error("invalid escape in a string", at);
    }
    if (out) out->push_back(plain);
    return Status::Ok();
  }

  std::string_view s_;
  size_t p_ = 0;
};

// A member of a known name: the last occurrence counts.
struct Member {
  enum Kind { kAbsent, kString, kOther } kind = kAbsent;
  bool seen = false;  // the member is there (possibly null)
  size_t offset = 0;  // of the value
  std::string value;
};

// Reads the value of a member the caller knows: a string, null (= absent) or anything else
// (kept as kOther for a type error once the whole text is known to be JSON).
Status ReadMember(Scanner& in, Member* m) {
  in.SkipWs();
  m->offset = in.pos();
  m->seen = true;
  m->value.clear();
  if (in.Peek() == '"') {
    m->kind = Member::kString;
    return in.String(&m->value);
  }
  if (in.Null()) {
    m->kind = Member::kAbsent;
    return Status::Ok();
  }
  m->kind = Member::kOther;
  return in.SkipValue();
}

Status At(size_t offset, std::string message) {
  return Status::ParseError(std::move(message), Location{static_cast<int64_t>(offset), -1, -1});
}

// The documents' string members, in the order their errors are reported.
enum Field { kId, kText, kSource, kTitle, kUrl, kDct, kFile, kNumFields };
constexpr std::array<std::string_view, kNumFields> kFieldNames = {"id",  "text", "source", "title",
                                                                  "url", "dct",  "file"};

int FieldOf(std::string_view key) {
  for (int f = 0; f < kNumFields; ++f) {
    if (key == kFieldNames[f]) return f;
  }
  return -1;
}

}  // namespace

Result<Document> ReadDocumentLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  Scanner in(line);
  std::array<Member, kNumFields> m;
  in.SkipWs();
  const size_t object_at = in.pos();
  if (in.Peek() != '{') {
    // Valid JSON that is not an object, or not JSON at all: say which.
    TARIKH_RETURN_IF_ERROR(in.SkipValue());
    TARIKH_RETURN_IF_ERROR(in.End());
    return At(object_at, "expected a JSON object per line");
  }
  // The text is nearly the whole line: reserve once instead of growing by doubling.
  m[kText].value.reserve(line.size());
  TARIKH_RETURN_IF_ERROR(in.Object([&](const std::string& key) -> Status {
    const int f = FieldOf(key);
    if (f < 0 || f == kFile) return in.SkipValue();
    return ReadMember(in, &m[f]);
  }));
  TARIKH_RETURN_IF_ERROR(in.End());
  // Syntax first (above), then the members in a fixed order.
  for (Field f : {kId, kText, kSource, kTitle, kUrl, kDct}) {
    const std::string name(kFieldNames[f]);
    if (m[f].kind == Member::kOther) return At(m[f].offset, name + ": expected a string");
    if (m[f].kind == Member::kAbsent && (f == kId || f == kText)) {
      return At(object_at, "missing member \"" + name + "\"");
    }
  }
  if (m[kId].value.empty()) return At(m[kId].offset, "id: must not be empty");
  Document doc;
  if (!m[kDct].value.empty()) {
    auto parsed = ParseDct(m[kDct].value);
    if (!parsed.ok()) return At(m[kDct].offset, "dct: " + parsed.status().message());
    doc.dct = *parsed;
  }
  doc.id = std::move(m[kId].value);
  doc.text = std::move(m[kText].value);
  doc.source = std::move(m[kSource].value);
  doc.title = std::move(m[kTitle].value);
  doc.url = std::move(m[kUrl].value);
  return doc;
}

Result<Manifest> ReadManifest(std::string_view text) {
  Scanner in(text);
  Manifest out;
  // One entry of the documents array; errors that skip the entry go to out.errors.
  auto entry = [&](size_t k) -> Status {
    in.SkipWs();
    const size_t at = in.pos();
    const std::string where = "documents[" + std::to_string(k) + "]";
    if (in.Peek() != '{') {
      TARIKH_RETURN_IF_ERROR(in.SkipValue());
      out.errors.push_back(At(at, where + ": expected an object with a \"file\" member"));
      return Status::Ok();
    }
    std::array<Member, kNumFields> m;
    TARIKH_RETURN_IF_ERROR(in.Object([&](const std::string& key) -> Status {
      const int f = FieldOf(key);
      if (f < 0 || f == kText) return in.SkipValue();
      return ReadMember(in, &m[f]);
    }));
    if (m[kFile].kind != Member::kString || m[kFile].value.empty()) {
      out.errors.push_back(At(at, where + ": missing \"file\""));
      return Status::Ok();
    }
    // A dct member that is there must be a date (null included: it is not a date).
    const Member& dct = m[kDct];
    const bool dct_given = dct.seen;
    if (dct_given && (dct.kind != Member::kString || dct.value.empty())) {
      out.errors.push_back(At(dct.offset, where + ".dct: expected a date string"));
      return Status::Ok();
    }
    ManifestEntry e;
    e.byte_offset = static_cast<int64_t>(at);
    if (dct_given) {
      auto parsed = ParseDct(dct.value);
      if (!parsed.ok()) {
        out.errors.push_back(At(dct.offset, where + ".dct: " + parsed.status().message()));
        return Status::Ok();
      }
      e.doc.dct = *parsed;
    }
    // Members of another type than string are read as absent, as before this reader.
    auto str = [&m](Field f) { return m[f].kind == Member::kString ? m[f].value : std::string(); };
    e.file = str(kFile);
    e.doc.id = str(kId);
    if (e.doc.id.empty()) e.doc.id = std::filesystem::path(e.file).stem().string();
    if (e.doc.id.empty()) {  // "text/", "..": no name to take an id from
      out.errors.push_back(
          At(m[kFile].offset, where + ".file: no document id in \"" + e.file + "\"; give \"id\""));
      return Status::Ok();
    }
    e.doc.source = str(kSource);
    e.doc.title = str(kTitle);
    e.doc.url = str(kUrl);
    out.entries.push_back(std::move(e));
    return Status::Ok();
  };
  in.SkipWs();
  const size_t top_at = in.pos();
  bool found = false;
  if (in.Peek() == '[') {
    found = true;
    TARIKH_RETURN_IF_ERROR(in.Array(entry));
  } else if (in.Peek() == '{') {
    // "documents" given twice: the last one counts.
    TARIKH_RETURN_IF_ERROR(in.Object([&](const std::string& key) -> Status {
      in.SkipWs();
      if (key != "documents") return in.SkipValue();
      out = Manifest();
      found = in.Peek() == '[';
      return found ? in.Array(entry) : in.SkipValue();
    }));
  } else {
    TARIKH_RETURN_IF_ERROR(in.SkipValue());
  }
  TARIKH_RETURN_IF_ERROR(in.End());
  if (!found) return At(top_at, "manifest: expected {\"documents\": [...]} or an array");
  return out;
}

}  // namespace tarikh
