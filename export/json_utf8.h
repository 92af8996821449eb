// SPDX-License-Identifier: MIT
// Internal to export/: UTF-8 checks and JSON string output shared by the hand-written JSON
// reader (documents_jsonl.cc) and writer (mentions_jsonl.cc), the hot paths of extract.
#ifndef TARIKH_EXPORT_JSON_UTF8_H_
#define TARIKH_EXPORT_JSON_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace tarikh::export_internal {

// Length of the UTF-8 sequence at s[p] (RFC 3629: no overlong forms, no surrogates, at most
// U+10FFFF), or 0 if it is not valid. REQUIRES: p < s.size().
inline size_t Utf8SequenceLength(std::string_view s, size_t p) {
  const auto byte = [&](size_t i) -> unsigned {
    return p + i < s.size() ? static_cast<unsigned char>(s[p + i]) : 0u;
  };
  const auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    const unsigned b = byte(i);
    return b >= lo && b <= hi;
  };
  const unsigned c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Appends `s` as a JSON string the way nlohmann::json::dump does without ensure_ascii:
// quotes, backslash and control characters escaped (\b \f \n \r \t, else \u00xx in lower
// case), everything else verbatim. Returns false (output unspecified) if `s` is not UTF-8.
inline bool AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  const size_t n = s.size();
  size_t run = 0;
  size_t p = 0;
  while (p < n) {
    const unsigned char c = static_cast<unsigned char>(s[p]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++p;
      continue;
    }
    // Two-byte sequences (Arabic) without the full check.
    if (c >= 0xC2 && c <= 0xDF && p + 1 < n &&
        (static_cast<unsigned char>(s[p + 1]) & 0xC0) == 0x80) {
      p += 2;
      continue;
    }
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(s, p);
      if (len == 0) return false;
      p += len;
      continue;
    }
    out->append(s.data() + run, p - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
        break;
    }
    run = ++p;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
  return true;
}

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_JSON_UTF8_H_
