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
  for (size_t i = 0; i < kBlock; ++i) {
    const unsigned char c = s[i];
    const unsigned char before = s[i - 1];
    const bool lead_before = (before & 0xE0) == 0xC0;
    const bool cont = (c & 0xC0) == 0x80;
    bad |= (c < 0x20) | (c == '"') | (c == '\\') | (c >= 0xE0) | ((c & 0xFE) == 0xC0) |
           (lead_before ^ cont);
  }
  if (bad != 0) return 0;
  return (s[kBlock - 1] & 0xE0) == 0xC0 ? kBlock - 1 : kBlock;
}

// Offset of the first byte of s[from, s.size()) that ends a run a JSON string can carry
// verbatim: a special byte ('"', '\\', a control character < 0x20), or the start of a
// sequence that is not UTF-8 (then *bad_utf8 is set); s.size() if the run goes to the end.
// REQUIRES: `from` is on a character boundary. Eight bytes at a time (PlainJsonBytes): these
// scans are most of the cost of reading and writing extract's JSONL; characters the block
// check cannot take (three- and four-byte sequences, specials, bad bytes) go one by one.
inline size_t ScanJsonRun(std::string_view s, size_t from, bool* bad_utf8) {
  const char* data = s.data();
  const size_t n = s.size();
  size_t p = from;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  while (p < n) {
    if (p > 0) {  // PlainJsonBlock reads the byte before
      while (n - p >= kBlock) {
        const size_t k = PlainJsonBlock(bytes + p);
        if (k == 0) break;
        p += k;
      }
    }
    if constexpr (std::endian::native == std::endian::little) {
      while (true) {
        uint64_t w;
        if (n - p >= 8) {
          std::memcpy(&w, data + p, 8);
        } else {
          // The tail, padded with spaces (plain bytes; a lead before the padding has no
          // continuation, so the block fails and goes the slow way).
          w = 0x2020202020202020ULL;
          std::memcpy(&w, data + p, n - p);
        }
        const size_t k = PlainJsonBytes(w);
        if (k == 0) break;
        p += k;
        if (p >= n) return n;
      }
    }
    const unsigned char c = static_cast<unsigned char>(data[p]);
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return p;
      ++p;
      continue;
    }
    const size_t len = Utf8SequenceLength(s, p);
    if (len == 0) {
      *bad_utf8 = true;
      return p;
    }
    p += len;
  }
  return n;
}

// The JSON escape of the special byte `c` (see FindJsonSpecial), appended.
inline void AppendJsonEscape(std::string* out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
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
    default: {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(u, 6);
      break;
    }
  }
}

// Appends `s` as a JSON string the way nlohmann::json::dump does without ensure_ascii:
// quotes, backslash and control characters escaped (\b \f \n \r \t, else \u00xx in lower
// case), everything else verbatim. Returns false (output unspecified) if `s` is not UTF-8.
// Runs between escapes are found by ScanJsonRun and copied whole.
inline bool AppendJsonString(std::string* out, std::string_view s) {
  const size_t n = s.size();
  out->push_back('"');
  size_t p = 0;
  while (true) {
    bool bad_utf8 = false;
    const size_t q = ScanJsonRun(s, p, &bad_utf8);
    if (bad_utf8) return false;
    out->append(s.data() + p, q - p);
    if (q == n) break;
    AppendJsonEscape(out, static_cast<unsigned char>(s[q]));
    p = q + 1;
  }
  out->push_back('"');
  return true;
}

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_JSON_UTF8_H_
