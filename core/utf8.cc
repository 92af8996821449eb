// SPDX-License-Identifier: MIT
#include "tarikh/core/utf8.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tarikh {

Status ValidateUtf8(std::string_view text, int64_t base_offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  auto bad = [&](size_t at, const char* what) {
    return Status::InvalidUtf8(std::string("invalid UTF-8: ") + what,
                               Location{base_offset + static_cast<int64_t>(at), -1, -1});
  };
  constexpr uint64_t k80 = 0x8080808080808080ULL;
  constexpr uint64_t k1E = 0x1E1E1E1E1E1E1E1EULL;
  constexpr uint64_t k7E = 0x7E7E7E7E7E7E7E7EULL;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they are ASCII and well-formed two-byte characters, the
    // same test as the eight-byte loop below on one bit per byte: every byte >= 0x80 is a lead
    // C2..DF or a continuation 80..BF, every continuation follows a lead and every lead is
    // followed by one (a lead in the last byte is left for the next block). Anything else
    // (three- and four-byte characters, errors) goes on below.
    // Two 16-byte loads per step, their one-bit-per-byte masks joined into 32 bits.
    while (i + 32 <= n) {
      // As signed bytes: continuation 80..BF = -128..-65, lead C2..DF = -62..-33.
      auto masks = [](const unsigned char* p, uint32_t* high, uint32_t* cont, uint32_t* lead) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        *high = static_cast<uint32_t>(_mm_movemask_epi8(v));
        *cont = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
        *lead = static_cast<uint32_t>(_mm_movemask_epi8(_mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-32)))));
      };
      uint32_t h0, c0, l0, h1, c1, l1;
      masks(s + i, &h0, &c0, &l0);
      masks(s + i + 16, &h1, &c1, &l1);
      const uint32_t high = h0 | (h1 << 16), cont = c0 | (c1 << 16), lead = l0 | (l1 << 16);
      if ((cont | lead) != high || cont != (lead << 1)) break;  // lead << 1 drops bit 31
      i += 32 - (lead >> 31);
    }
#endif
    // Eight bytes at a time while they are ASCII and well-formed two-byte characters (Arabic
    // text: letters, spaces, digits). Per byte, bit 7 of w << 1 is bit 6 of the byte and of
    // w << 2 bit 5, so the masks below hold one flag per byte (bit 7): lead = 11xxxxxx,
    // cont = 10xxxxxx; a lead with bit 5 set (three/four-byte leads and invalid bytes) is
    // checked one character at a time below; nz = one of bits 1-4 set (a lead without them is the
    // overlong C0/C1). The block is well-formed when every continuation byte follows a lead
    // and every lead but one in the last byte is followed by one; that last lead is left for
    // the next block. Anything else falls through to the checks below, which find the first
    // bad byte.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if ((w & k80) == 0) {
        i += 8;
        continue;
      }
      const uint64_t hi = w & k80;
      const uint64_t lead = hi & (w << 1);  // 11xxxxxx (big ones are rejected below)
      const uint64_t cont = hi ^ lead;
      const uint64_t nz = ((w & k1E) + k7E);
      if (((w << 2) & lead) | (lead & ~nz) | (cont ^ (lead << 8))) break;
      i += 8 - static_cast<size_t>(lead >> 63);
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
