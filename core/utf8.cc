// SPDX-License-Identifier: MIT
#include "tarikh/core/utf8.h"

#include <cstring>

namespace tarikh {

Status ValidateUtf8(std::string_view text, int64_t base_offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  auto bad = [&](size_t at, const char* what) {
    return Status::InvalidUtf8(std::string("invalid UTF-8: ") + what,
                               Location{base_offset + static_cast<int64_t>(at), -1, -1});
  };
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    // Mixed ASCII and two-byte characters (Arabic text: letters with spaces every few
    // characters) one character at a time; anything else falls through to the full checks.
    while (i + 1 < n) {
      const unsigned char b = s[i];
      if (b < 0x80) {
        ++i;
      } else if (b >= 0xC2 && b < 0xE0 && (s[i + 1] & 0xC0) == 0x80) {
        i += 2;
      } else {
        break;
      }
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return bad(i, "unexpected byte");
    }
    if (i + len > n) return bad(i, "truncated sequence");
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return bad(i, "truncated sequence");
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min) return bad(i, "overlong encoding");
    if (cp >= 0xD800 && cp <= 0xDFFF) return bad(i, "surrogate code point");
    if (cp > 0x10FFFF) return bad(i, "code point above U+10FFFF");
    i += len;
  }
  return Status::Ok();
}

int64_t FindNul(std::string_view text) {
  const void* p = std::memchr(text.data(), 0, text.size());
  return p ? static_cast<const char*>(p) - text.data() : -1;
}

Location LocateByteOffset(std::string_view text, int64_t byte_offset) {
  const int64_t size = static_cast<int64_t>(text.size());
  const int64_t end = byte_offset < 0 ? 0 : byte_offset > size ? size : byte_offset;
  Location loc{end, 1, 1};
  for (int64_t i = 0; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[static_cast<size_t>(i)]);
    if (c == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++loc.column;
    }
  }
  return loc;
}

int64_t CountCodePoints(std::string_view text) {
  int64_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace tarikh
