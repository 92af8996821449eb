// SPDX-License-Identifier: MIT
// Internal to export/: UTF-8 checks and JSON string output shared by the hand-written JSON
// reader (documents_jsonl.cc) and writer (mentions_jsonl.cc), the hot paths of extract.
#ifndef TARIKH_EXPORT_JSON_UTF8_H_
#define TARIKH_EXPORT_JSON_UTF8_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define TARIKH_JSON_AVX512 1
#endif

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

// How many bytes of the eight in `w` (memcpy'd from the text, little-endian, starting on a
// character boundary) a JSON string can carry verbatim as they are: 8 for ASCII without '"',
// '\\' or control bytes; with well-formed two-byte UTF-8 sequences (Arabic letters) among
// them, 8, or 7 when the last byte starts a sequence (it is left for the next block). 0 when
// the block holds anything else (a special byte, a three- or four-byte sequence, invalid
// UTF-8): the caller then looks at it character by character.
inline size_t PlainJsonBytes(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = kOnes * 0x80;
  // Flags are bit 7 of each byte. y = w ^ 0x02 is below 0x21 exactly for the control bytes
  // and '"' (0x22 -> 0x20, 0x20 -> 0x22); b is zero exactly for '\\'. "(x - k) & ~x" flags
  // the bytes of x below k (k <= 0x80); a borrow can also flag a byte above a real hit, so
  // "any flag" is exact, which is all that is asked here.
  const uint64_t y = w ^ (kOnes * 0x02);
  const uint64_t b = w ^ (kOnes * '\\');
  const uint64_t special = (((y - kOnes * 0x21) & ~y) | ((b - kOnes) & ~b)) & kHigh;
  const uint64_t hi = w & kHigh;
  if ((special | hi) == 0) return 8;
  if (special != 0) return 0;
  // lead = 11xxxxxx, cont = 10xxxxxx (bit 7 of w << 1 is bit 6 of the same byte). A lead
  // must be C2..DF: bit 5 clear (w << 2) and one of bits 1-4 set (nz; C0/C1 are overlong).
  // Every lead but one in the last byte is followed by a continuation, and every
  // continuation follows a lead.
  const uint64_t lead = hi & (w << 1);
  const uint64_t cont = hi ^ lead;
  const uint64_t nz = (w & (kOnes * 0x1E)) + kOnes * 0x7E;
  if (((w << 2) & lead) | (lead & ~nz) | (cont ^ (lead << 8))) return 0;
  return 8 - static_cast<size_t>(lead >> 63);
}

// Like PlainJsonBytes for the kBlock bytes at s (0, kBlock, or kBlock - 1 when the last
// byte starts a two-byte sequence), written as a plain loop with a branch-free body so that
// compilers turn it into vector instructions (SSE2 / NEON), which costs a fraction of an
// instruction per byte. REQUIRES: s[-1] is readable and is not a lead byte (it precedes a
// character boundary: it is ASCII or ends a complete sequence).
inline constexpr size_t kBlock = 32;
inline size_t PlainJsonBlock(const unsigned char* s) {
  unsigned char bad = 0;
  const unsigned char* const prev = s - 1;  // readable (REQUIRES); s[i - 1] would wrap i
  for (size_t i = 0; i < kBlock; ++i) {
    const unsigned char c = s[i];
    const unsigned char before = prev[i];
    const bool lead_before = (before & 0xE0) == 0xC0;
    const bool cont = (c & 0xC0) == 0x80;
    bad |= (c < 0x20) | (c == '"') | (c == '\\') | (c >= 0xE0) | ((c & 0xFE) == 0xC0) |
           (lead_before ^ cont);
  }
  if (bad != 0) return 0;
  return (s[kBlock - 1] & 0xE0) == 0xC0 ? kBlock - 1 : kBlock;
}

#if defined(TARIKH_JSON_AVX512)
// Whether ScanJsonRun may take 64-byte blocks (PlainJsonBlock64): the CPU has AVX-512BW.
inline bool JsonVectorAvailable() {
  static const bool available =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return available;
}

// PlainJsonBlock for the 64 bytes at s, where the CPU has AVX-512BW: the same byte tests as
// masks, a bit per byte, in a few instructions. Same REQUIRES.
inline constexpr size_t kBlock64 = 64;
__attribute__((target("avx512f,avx512bw"))) inline size_t PlainJsonBlock64(const unsigned char* s) {
  const __m512i v = _mm512_loadu_si512(s);
  const __m512i top3 = _mm512_and_si512(v, _mm512_set1_epi8(static_cast<char>(0xE0)));
  const __m512i top2 = _mm512_and_si512(v, _mm512_set1_epi8(static_cast<char>(0xC0)));
  const __m512i top7 = _mm512_and_si512(v, _mm512_set1_epi8(static_cast<char>(0xFE)));
  const uint64_t special =
      _mm512_cmplt_epu8_mask(v, _mm512_set1_epi8(0x20)) |
      _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"')) |
      _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\\')) |
      _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8(static_cast<char>(0xE0))) |
      _mm512_cmpeq_epi8_mask(top7, _mm512_set1_epi8(static_cast<char>(0xC0)));  // C0, C1
  const uint64_t lead = _mm512_cmpeq_epi8_mask(top3, _mm512_set1_epi8(static_cast<char>(0xC0)));
  const uint64_t cont = _mm512_cmpeq_epi8_mask(top2, _mm512_set1_epi8(static_cast<char>(0x80)));
  const uint64_t lead_before = (lead << 1) | ((s[-1] & 0xE0) == 0xC0 ? 1u : 0u);
  if (special != 0 || lead_before != cont) return 0;
  return lead >> 63 ? kBlock64 - 1 : kBlock64;
}
#endif

// The r < 8 bytes at s[p, p + r) (the end of s) as the low bytes of a little-endian word,
// the rest spaces (plain bytes; a lead before the padding has no continuation, so a block
// check of the word fails there). When s has eight bytes, one load of its last eight.
inline uint64_t LoadTail(std::string_view s, size_t p) {
  const size_t r = s.size() - p;
  constexpr uint64_t kSpaces = 0x2020202020202020ULL;
  if (r == 0) return kSpaces;
  if (s.size() >= 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + s.size() - 8, 8);
    const unsigned drop = static_cast<unsigned>(8 * (8 - r));  // bits of bytes before p
    return (w >> drop) | (kSpaces << (64 - drop));
  }
  uint64_t w = kSpaces;
  for (size_t i = 0; i < r; ++i) {
    w &= ~(uint64_t{0xFF} << (8 * i));
    w |= uint64_t{static_cast<unsigned char>(s[p + i])} << (8 * i);
  }
  return w;
}

// Offset of the first byte of s[from, s.size()) that ends a run a JSON string can carry
// verbatim: a special byte ('"', '\\', a control character < 0x20), or the start of a
// sequence that is not UTF-8 (then *bad_utf8 is set); s.size() if the run goes to the end.
// With kCopy, the run is also copied to dst, which must have 8 bytes of room beyond it (a
// word is stored whole). REQUIRES: `from` is on a character boundary. A block at a time
// (PlainJsonBlock64 where the CPU has AVX-512BW, PlainJsonBlock), else eight bytes
// (PlainJsonBytes): these scans are most of the cost of reading and writing extract's JSONL;
// characters neither check takes (three- and four-byte sequences, specials, bad bytes) go one by
// one, as the reader always did.
template <bool kCopy = false>
inline size_t ScanJsonRun(std::string_view s, size_t from, bool* bad_utf8, char* dst = nullptr) {
  const char* data = s.data();
  const size_t n = s.size();
  size_t p = from;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  while (p < n) {
    // PlainJsonBlock reads the byte before, so not at 0.
    if (p > 0 && n - p >= kBlock) {
#if defined(TARIKH_JSON_AVX512)
      if (n - p >= kBlock64 && JsonVectorAvailable()) {
        const size_t k = PlainJsonBlock64(bytes + p);
        if (k != 0) {
          if constexpr (kCopy) std::memcpy(dst + (p - from), data + p, kBlock64);
          p += k;
          continue;
        }
      }
#endif
      const size_t k = PlainJsonBlock(bytes + p);
      if (k != 0) {
        if constexpr (kCopy) std::memcpy(dst + (p - from), data + p, kBlock);
        p += k;
        continue;
      }
    }
    if constexpr (std::endian::native == std::endian::little) {
      // Eight bytes at a time across the block that failed (or the first one), then blocks
      // again.
      const size_t until = p + kBlock;
      bool stopped = false;
      while (p < until) {
        uint64_t w;
        if (n - p >= 8) {
          std::memcpy(&w, data + p, 8);
        } else {
          w = LoadTail(s, p);
        }
        const size_t k = PlainJsonBytes(w);
        if (k == 0) {
          stopped = true;
          break;
        }
        if constexpr (kCopy) std::memcpy(dst + (p - from), &w, 8);
        p += k;
        if (p >= n) return n;
      }
      if (!stopped) continue;
    }
    const unsigned char c = static_cast<unsigned char>(data[p]);
    size_t len = 1;
    if (c < 0x20 || c == '"' || c == '\\') return p;
    if (c >= 0x80) {
      len = Utf8SequenceLength(s, p);
      if (len == 0) {
        *bad_utf8 = true;
        return p;
      }
    }
    if constexpr (kCopy) {
      for (size_t i = 0; i < len; ++i) dst[p - from + i] = data[p + i];
    }
    p += len;
  }
  return n;
}

// Room that WriteJsonString may need for `n` bytes: each escaped as \u00xx, the quotes, and
// the 8 bytes ScanJsonRun<true> may store beyond a run.
constexpr size_t JsonStringBound(size_t n) { return 6 * n + 10; }

// Writes the JSON escape of the byte `c` that ScanJsonRun stopped at ('"', '\\', a control
// character) at dst; returns the end.
inline char* WriteJsonEscape(char* dst, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  char named = 0;
  switch (c) {
    case '"':
    case '\\':
      named = static_cast<char>(c);
      break;
    case '\b':
      named = 'b';
      break;
    case '\f':
      named = 'f';
      break;
    case '\n':
      named = 'n';
      break;
    case '\r':
      named = 'r';
      break;
    case '\t':
      named = 't';
      break;
    default:
      break;
  }
  dst[0] = '\\';
  if (named != 0) {
    dst[1] = named;
    return dst + 2;
  }
  dst[1] = 'u';
  dst[2] = '0';
  dst[3] = '0';
  dst[4] = kHex[c >> 4];
  dst[5] = kHex[c & 0xF];
  return dst + 6;
}

// Writes `s` as a JSON string the way nlohmann::json::dump does without ensure_ascii:
// quotes, backslash and control characters escaped (\b \f \n \r \t, else \u00xx in lower
// case), everything else verbatim. dst has room for JsonStringBound(s.size()) bytes. Returns
// the end, or nullptr if `s` is not UTF-8 (what was written is then unspecified). Runs
// between escapes are found by ScanJsonRun and copied whole.
inline char* WriteJsonString(char* dst, std::string_view s) {
  const size_t n = s.size();
  if constexpr (std::endian::native == std::endian::little) {
    // Up to 16 plain bytes (a token, a value, a name: most strings of a line) in one or two
    // words, without the general loop.
    if (n <= 16) {
      uint64_t w1;
      if (n >= 8) {
        std::memcpy(&w1, s.data(), 8);
      } else {
        w1 = LoadTail(s, 0);
      }
      const size_t k1 = PlainJsonBytes(w1);
      if (k1 != 0) {
        dst[0] = '"';
        std::memcpy(dst + 1, &w1, 8);
        if (k1 >= n) {
          dst[1 + n] = '"';
          return dst + n + 2;
        }
        const size_t rest = n - k1;
        if (rest <= 8) {
          uint64_t w2;
          if (rest == 8) {
            std::memcpy(&w2, s.data() + k1, 8);
          } else {
            w2 = LoadTail(s, k1);
          }
          if (PlainJsonBytes(w2) >= rest) {
            std::memcpy(dst + 1 + k1, &w2, 8);
            dst[1 + n] = '"';
            return dst + n + 2;
          }
        }
      }
    }
  }
  *dst++ = '"';
  size_t p = 0;
  while (true) {
    bool bad_utf8 = false;
    const size_t q = ScanJsonRun<true>(s, p, &bad_utf8, dst);
    if (bad_utf8) return nullptr;
    dst += q - p;
    if (q == n) break;
    dst = WriteJsonEscape(dst, static_cast<unsigned char>(s[q]));
    p = q + 1;
  }
  *dst++ = '"';
  return dst;
}

// WriteJsonString appending to *out. Returns false (out unchanged) if `s` is not UTF-8.
inline bool AppendJsonString(std::string* out, std::string_view s) {
  const size_t old = out->size();
  out->resize(old + JsonStringBound(s.size()));
  const char* end = WriteJsonString(out->data() + old, s);
  out->resize(end ? static_cast<size_t>(end - out->data()) : old);
  return end != nullptr;
}

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_JSON_UTF8_H_
