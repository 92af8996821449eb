// SPDX-License-Identifier: MIT
// Sentence boundaries of a document (see sentences.h).
#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define TARIKH_DECODE_AVX512 1
#endif

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "text.h"

namespace tarikh::timeline_internal {
namespace {

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x2029 ||
         c == 0x2028 || c == 0x200F || c == 0x200E || c == 0x200B || c == 0xFEFF;
}

// ICU's sentence boundaries (UAX #29 rules) inside text[begin, end), added to `cuts`.
void IcuSentenceBreaks(std::u32string_view text, int64_t begin, int64_t end,
                       std::vector<int64_t>* cuts) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> prototype;
  if (!prototype) {
    prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ar"), status));
    if (U_FAILURE(status)) prototype.reset();
  }
  if (!prototype) return;
  // UTF-16 straight from the code points already decoded (ICU's own UTF-8 conversion
  // validated the text a second time).
  icu::UnicodeString us;
  {
    const int32_t cap = static_cast<int32_t>((end - begin) * 2 + 1);
    char16_t* buf = us.getBuffer(cap);
    int32_t len = 0;
    if (buf) {
      for (int64_t i = begin; i < end; ++i) {
        const char32_t c = text[i];
        if (c < 0x10000) {
          buf[len++] = static_cast<char16_t>(c);
        } else {
          buf[len++] = static_cast<char16_t>(0xD7C0 + (c >> 10));
          buf[len++] = static_cast<char16_t>(0xDC00 | (c & 0x3FF));
        }
      }
    }
    us.releaseBuffer(len);
  }
  prototype->setText(us);
  // Walk UTF-16 boundaries and code points side by side.
  int32_t u16 = 0;
  int64_t cp = begin;
  for (int32_t b = prototype->next(); b != icu::BreakIterator::DONE; b = prototype->next()) {
    while (u16 < b && cp < end) {
      u16 += text[cp] > 0xFFFF ? 2 : 1;
      ++cp;
    }
    cuts->push_back(cp);
  }
  prototype->setText(icu::UnicodeString());
}

// Sentence_Break property values (UAX #29) of U+0000–U+07FF, from ICU's own data, so the
// scan below classifies characters exactly as the break iterator does; `stop` marks the
// ones the scan must look at (line ends, separators, terminators).
struct SentenceBreakTable {
  SentenceBreakTable() {
    for (char32_t c = 0; c < 0x800; ++c) {
      const int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
      value[c] = static_cast<int8_t>(sb);
      stop[c] = IsStopClass(sb);
    }
  }
  static bool IsStopClass(int sb) {
    return sb == U_SB_LF || sb == U_SB_CR || sb == U_SB_SEP || sb == U_SB_STERM || sb == U_SB_ATERM;
  }
  int8_t value[0x800];
  bool stop[0x800];
};
const SentenceBreakTable kSentenceBreak;
inline int SentenceBreakOf(char32_t c) {
  return c < 0x800 ? kSentenceBreak.value[c] : u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}
// Off the hot path: code points from U+0800 on are rare in Arabic news.
[[gnu::noinline]] bool IsStopAbove800(char32_t c) {
  return SentenceBreakTable::IsStopClass(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
}
inline bool IsStop(char32_t c) { return c < 0x800 ? kSentenceBreak.stop[c] : IsStopAbove800(c); }

// Per-thread buffers reused across documents.
struct SplitScratch {
  std::vector<int64_t> stops;
  std::vector<int64_t> cuts;
};
SplitScratch& Scratch() {
  thread_local SplitScratch scratch;
  return scratch;
}

// Whether UAX #29 puts a sentence boundary before text[k], the first character after a run
// of terminators and the Close* Sp* that follow it (no line break). `aterm`: the run's
// last terminator is an ATerm ('.'), `adjacent`: text[k] follows it directly.
enum class After { kBoundary, kNone, kUnknown };
After AfterTerminator(std::u32string_view text, int64_t k, bool aterm, bool adjacent) {
  switch (SentenceBreakOf(text[k])) {
    case U_SB_OLETTER:  // the usual shape; nothing keeps the sentence going before a letter
      return After::kBoundary;
    case U_SB_SCONTINUE:  // SB8a: a comma, a dash …
    case U_SB_STERM:
    case U_SB_ATERM:
      return After::kNone;
    case U_SB_LOWER:  // SB8 with nothing between
      return aterm ? After::kNone : After::kBoundary;
    case U_SB_UPPER:  // SB7 would need the letter before the ATerm
      return aterm && adjacent ? After::kUnknown : After::kBoundary;
    case U_SB_NUMERIC:
      if (aterm && adjacent) return After::kNone;  // SB6: 3.5
      break;
    case U_SB_CLOSE:  // after spaces: no longer part of the terminator's Close*
    case U_SB_OTHER:
      break;
    default:  // Extend and Format attach to what precedes them (SB5); separators
      return After::kUnknown;
  }
  if (!aterm) return After::kBoundary;  // SB6–SB8 are the ATerm's
  // SB8: after an ATerm, no boundary if the first of OLetter, Upper, Lower, ParaSep or a
  // terminator that follows is a lower-case letter.
  for (int64_t j = k; j < static_cast<int64_t>(text.size()); ++j) {
    switch (SentenceBreakOf(text[j])) {
      case U_SB_OLETTER:
      case U_SB_UPPER:
        return After::kBoundary;
      case U_SB_LOWER:
        return After::kNone;
      case U_SB_SEP:
      case U_SB_CR:
      case U_SB_LF:
      case U_SB_STERM:
      case U_SB_ATERM:
        return After::kUnknown;
      default:
        break;
    }
  }
  return After::kUnknown;
}

// Sentences of `text` given `stops`: the positions, in order, of every character whose
// Sentence_Break is LF, CR, Sep, STerm or ATerm (IsStop). Everything else only moves the
// scan on, so it jumps from one stop to the next.
//
// ICU's break iterator was ~11 % of the map step, so it only sees the stretches that need
// it. Under UAX #29 a line break (a ParaSep) always ends a sentence (SB4) and inside a line
// a boundary can only follow a terminator (STerm/ATerm) and the Close* Sp* after it (SB11).
// AfterTerminator answers the shapes news text has — most often a letter (OLetter) after
// the spaces, a boundary — from the rules; ICU's forward iteration starts afresh at every
// boundary and no rule looks past a terminator, so a stretch between two sure boundaries
// breaks the same on its own; only a stretch with a terminator of another shape (or a
// separator we do not split at, such as NEL) goes to ICU.
void SplitAtStops(std::u32string_view text, const std::vector<int64_t>& stops,
                  std::vector<int64_t>* cuts_buffer, std::vector<Span>* out) {
  const int64_t n = static_cast<int64_t>(text.size());
  std::vector<int64_t>& cuts = *cuts_buffer;
  cuts.assign({0, n});
  auto is_term = [&](int64_t k) {
    const int sb = SentenceBreakOf(text[k]);
    return sb == U_SB_STERM || sb == U_SB_ATERM;
  };
  size_t next_stop = 0;
  int64_t line = 0;
  while (line < n) {
    // One pass over the line: its end (a line break) is found on the way. Line breaks are
    // the only characters of Sentence_Break LF, CR or Sep besides NEL (Sep), and none is a
    // terminator or a space, so the terminator scan below stops at them by itself.
    int64_t stretch = line;  // start of the stretch since the last sure boundary
    bool needs_icu = false;  // that stretch holds a terminator of another shape
    int64_t i = line;
    while (true) {
      while (next_stop < stops.size() && stops[next_stop] < i) ++next_stop;
      if (next_stop == stops.size()) {
        i = n;
        break;
      }
      i = stops[next_stop];
      const int sb = SentenceBreakOf(text[i]);
      if (sb == U_SB_LF || sb == U_SB_CR || sb == U_SB_SEP) {
        if (IsLineBreak(text[i])) break;
        needs_icu = true;  // a separator that is no line break (NEL)
        ++i;
      } else {  // a terminator
        // The run of terminators, then Close* Sp* (SB9, SB10: no boundary inside); the
        // boundary, if any, is before the character after them (SB11).
        int64_t last = i;
        while (last + 1 < n && is_term(last + 1)) ++last;
        int64_t k = last + 1;
        while (k < n && SentenceBreakOf(text[k]) == U_SB_CLOSE) ++k;
        while (k < n && SentenceBreakOf(text[k]) == U_SB_SP) ++k;
        if (k < n && !IsLineBreak(text[k])) {
          const After after =
              AfterTerminator(text, k, SentenceBreakOf(text[last]) == U_SB_ATERM, k == last + 1);
          if (after == After::kBoundary) {
            if (needs_icu) IcuSentenceBreaks(text, stretch, k, &cuts);
            needs_icu = false;
            cuts.push_back(k);
            stretch = k;
          } else if (after == After::kUnknown) {
            needs_icu = true;
          }
        }
        i = k;
      }
    }
    // The line is text[line, i); its break (if any) at i, included in what ICU would see.
    const int64_t le = i;
    const int64_t line_end = le < n ? le + 1 : n;
    if (needs_icu) IcuSentenceBreaks(text, stretch, line_end, &cuts);
    if (le < n) cuts.push_back(le + 1);
    line = line_end;
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
#ifdef TARIKH_CHECK_SENTENCES
  {
    std::vector<int64_t> ref = {0, n};
    IcuSentenceBreaks(text, 0, n, &ref);
    for (int64_t i = 0; i < n; ++i) {
      if (IsLineBreak(text[i])) ref.push_back(i + 1);
    }
    std::sort(ref.begin(), ref.end());
    ref.erase(std::unique(ref.begin(), ref.end()), ref.end());
    if (ref != cuts) {
      std::fprintf(stderr, "sentence cuts differ\n");
      std::abort();
    }
  }
#endif
  out->clear();
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    int64_t b = cuts[i], e = cuts[i + 1];
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (b < e) out->push_back({b, e});
  }
}

// Out of line: the decode loop below inlines only ASCII and two-byte sequences.
[[gnu::noinline]] size_t DecodeLong(const unsigned char* p, const unsigned char* end,
                                    char32_t* out) {
  return DecodeUtf8Sequence(p, end, out);
}

#if defined(TARIKH_DECODE_AVX512)
// The stops below U+0800 by their UTF-8 bytes, for the vector decoder: a table of the ASCII
// ones, and for each lead byte of a two-byte stop, a table of the trail bytes (their low six
// bits) that make one (15 code points under 6 leads with ICU 72). The decoder is used only if
// there are at most kMaxLeads such leads.
struct StopBytes {
  static constexpr int kMaxLeads = 8;
  StopBytes() {
    for (char32_t c = 0; c < 0x800; ++c) {
      if (!kSentenceBreak.stop[c]) continue;
      if (c < 0x80) {
        ascii[c] = 0xFF;
        continue;
      }
      const auto lead = static_cast<uint8_t>(0xC0 | (c >> 6));
      int k = 0;
      while (k < leads && lead_byte[k] != lead) ++k;
      if (k == leads) {
        if (leads == kMaxLeads) {
          leads = kMaxLeads + 1;  // too many: no vector decoder
          return;
        }
        lead_byte[leads++] = lead;
      }
      trail[k][c & 0x3F] = 0xFF;
    }
  }
  alignas(64) uint8_t ascii[128] = {};
  alignas(64) uint8_t trail[kMaxLeads][64] = {};
  uint8_t lead_byte[kMaxLeads] = {};
  int leads = 0;
};

// Off only in tests (SetVectorPathsForTesting).
bool vector_paths_enabled = true;
}  // namespace

void SetVectorPathsForTesting(bool on) { vector_paths_enabled = on; }
bool VectorPathsEnabled() { return vector_paths_enabled; }

bool CpuHasAvx512() {
#if defined(TARIKH_DECODE_AVX512)
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return has;
#else
  return false;
#endif
}

bool CpuHasAvx512Vbmi2() {
#if defined(TARIKH_DECODE_AVX512)
  static const bool has = CpuHasAvx512() && __builtin_cpu_supports("avx512vl") &&
                          __builtin_cpu_supports("avx512vbmi") &&
                          __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("popcnt");
  return has;
#else
  return false;
#endif
}

namespace {
// Whether the vector decoder may run: the CPU has what DecodeBlocksAvx512's target names
// (CpuHasAvx512Vbmi2), the stops fit StopBytes, and tests have not turned it off.
bool DecodeVectorAvailable() {
  static const bool available = CpuHasAvx512Vbmi2() && StopBytes().leads <= StopBytes::kMaxLeads;
  return available && vector_paths_enabled;
}

// Decodes 64-byte blocks of one- and two-byte sequences (ASCII and Arabic) at *pp while
// 65 bytes are left, writing code points at *op and noting stops (offsets from `out`) as the
// scalar steps do. Returns at the first block holding anything else (a lead of three or
// four bytes or an overlong C0/C1, a sequence cut short or a stray continuation byte),
// which the scalar steps then take. Each block: the lead bytes and the bytes after them
// compressed to the front, combined 32 at a time in 16-bit lanes, widened to 32 bits and
// stored; stops found on the bytes (StopBytes) and counted to their code points.
__attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,popcnt"))) void
DecodeBlocksAvx512(const unsigned char** pp, const unsigned char* end, char32_t** op, char32_t* out,
                   std::vector<int64_t>* stops) {
  static const StopBytes stop_bytes;
  const unsigned char* p = *pp;
  char32_t* o = *op;
  const __m512i c0 = _mm512_set1_epi8(static_cast<char>(0xC0));
  const __m512i c80 = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i e0 = _mm512_set1_epi8(static_cast<char>(0xE0));
  const __m512i fe = _mm512_set1_epi8(static_cast<char>(0xFE));
  const __m512i ascii_lo = _mm512_load_si512(stop_bytes.ascii);
  const __m512i ascii_hi = _mm512_load_si512(stop_bytes.ascii + 64);
  while (end - p >= 65) {
    const __m512i v = _mm512_loadu_si512(p);
    // Three- or four-byte leads, overlong two-byte leads.
    if ((_mm512_cmpge_epu8_mask(v, e0) | _mm512_cmpeq_epi8_mask(_mm512_and_si512(v, fe), c0)) !=
        0) {
      break;
    }
    const uint64_t cont = _mm512_cmpeq_epi8_mask(_mm512_and_si512(v, c0), c80);
    const uint64_t lead2 = _mm512_cmpge_epu8_mask(v, c0);
    // Every two-byte lead is followed by a continuation byte and every continuation byte
    // follows one; a lead in the last byte is left for the next block.
    const uint64_t top = uint64_t{1} << 63;
    if (((lead2 & ~top) << 1) != cont) break;
    const uint64_t starts = ~cont & ~(lead2 & top);
    const __m512i next = _mm512_loadu_si512(p + 1);
    // Stops, a bit at their first byte: ASCII ones, then each stop lead with its trails.
    uint64_t stop =
        _mm512_cmplt_epu8_mask(v, c80) &
        _mm512_test_epi8_mask(_mm512_permutex2var_epi8(ascii_lo, v, ascii_hi), _mm512_set1_epi8(1));
    for (int k = 0; k < stop_bytes.leads; ++k) {
      const uint64_t at =
          _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(stop_bytes.lead_byte[k])));
      if (at == 0) continue;
      const __m512i trails = _mm512_load_si512(stop_bytes.trail[k]);
      stop |=
          at & _mm512_test_epi8_mask(_mm512_permutexvar_epi8(next, trails), _mm512_set1_epi8(1));
    }
    stop &= starts;
    const __m512i leads = _mm512_maskz_compress_epi8(starts, v);
    const __m512i trails = _mm512_maskz_compress_epi8(starts, next);
    const int n = std::popcount(starts);
    const int64_t base = o - out;
    for (int half = 0; half < 2 && half * 32 < n; ++half) {
      const __m512i l = _mm512_cvtepu8_epi16(half == 0 ? _mm512_castsi512_si256(leads)
                                                       : _mm512_extracti64x4_epi64(leads, 1));
      const __m512i t = _mm512_cvtepu8_epi16(half == 0 ? _mm512_castsi512_si256(trails)
                                                       : _mm512_extracti64x4_epi64(trails, 1));
      // (l & 0x1F) << 6 | (t & 0x3F) where l is a lead, l itself (ASCII) elsewhere.
      const __mmask32 two = _mm512_cmpge_epu16_mask(l, _mm512_set1_epi16(0xC0));
      const __m512i combined =
          _mm512_or_si512(_mm512_slli_epi16(_mm512_and_si512(l, _mm512_set1_epi16(0x1F)), 6),
                          _mm512_and_si512(t, _mm512_set1_epi16(0x3F)));
      const __m512i cp = _mm512_mask_blend_epi16(two, l, combined);
      char32_t* dst = o + half * 32;
      _mm512_storeu_si512(dst, _mm512_cvtepu16_epi32(_mm512_castsi512_si256(cp)));
      _mm512_storeu_si512(dst + 16, _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(cp, 1)));
    }
    // A stop's code point: the starts before its byte.
    for (; stop != 0; stop &= stop - 1) {
      const uint64_t below = (stop & -stop) - 1;
      stops->push_back(base + std::popcount(starts & below));
    }
    o += n;
    p += 64 - ((lead2 >> 63) & 1);
  }
  *pp = p;
  *op = o;
}
#endif

// Off the decoder's hot path (about one code point in thirty is a stop).
[[gnu::noinline, gnu::cold]] void NoteStop(std::vector<int64_t>* stops, int64_t at) {
  stops->push_back(at);
}

}  // namespace

std::vector<Span> SplitSentences(std::u32string_view text) {
  SplitScratch& scratch = Scratch();
  scratch.stops.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsStop(text[i])) scratch.stops.push_back(static_cast<int64_t>(i));
  }
  std::vector<Span> out;
  SplitAtStops(text, scratch.stops, &scratch.cuts, &out);
  return out;
}

size_t DecodeAndSplitSentences(std::string_view text, char32_t* out, std::vector<Span>* sentences) {
  SplitScratch& scratch = Scratch();
  std::vector<int64_t>& stops = scratch.stops;
  stops.clear();
  char32_t* o = out;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = p + text.size();
  // Arabic letters (two bytes) and ASCII inline, one table look-up each to tell whether the
  // sentence scan must see it; the rest out of line. Each step writes one code point, to
  // o[k].
  auto step = [&](int k, const unsigned char* limit) __attribute__((always_inline)) {
    const uint32_t c = *p;
    if (c - 0xC0 < 0x20) {
      const char32_t cp = (c << 6) + (p[1] & 0x3F) - 0x3000;  // (c & 0x1F) << 6 | (p[1] & 0x3F)
      p += 2;
      o[k] = cp;
      if (kSentenceBreak.stop[cp]) [[unlikely]] {
        NoteStop(&stops, o - out + k);
      }
    } else if (c < 0x80) {
      ++p;
      o[k] = c;
      if (kSentenceBreak.stop[c]) [[unlikely]] {
        NoteStop(&stops, o - out + k);
      }
    } else {
      p += DecodeLong(p, limit, o + k);
      if (IsStop(o[k])) stops.push_back(o + k - out);
    }
  };
#if defined(TARIKH_DECODE_AVX512)
  const bool vector = DecodeVectorAvailable();
#endif
  // Eight steps at a time while 32 bytes are left (eight sequences of four bytes at most),
  // so neither the bounds nor the output pointer are tested at every code point. Where the
  // CPU has them, 64-byte vector blocks first, back to eight steps after a block they do not
  // take.
  while (end - p >= 32) {
#if defined(TARIKH_DECODE_AVX512)
    if (vector) {
      DecodeBlocksAvx512(&p, end, &o, out, &stops);
      if (end - p < 32) break;
    }
#endif
    step(0, end);
    step(1, end);
    step(2, end);
    step(3, end);
    step(4, end);
    step(5, end);
    step(6, end);
    step(7, end);
    o += 8;
  }
  // The rest one by one. p + 1 < end holds here, so a two-byte sequence needs no bounds
  // check; the last byte is left to DecodeLong.
  const unsigned char* const end1 = text.empty() ? p : end - 1;
  while (p < end1) {
    step(0, end);
    ++o;
  }
  if (p < end) {
    if (*p < 0x80) {
      *o = *p;
    } else {
      DecodeLong(p, end, o);  // a truncated sequence, as DecodeUtf8To does
    }
    if (IsStop(*o)) stops.push_back(o - out);
    ++o;
  }
  const size_t n = static_cast<size_t>(o - out);
  SplitAtStops(std::u32string_view(out, n), stops, &scratch.cuts, sentences);
  return n;
}

}  // namespace tarikh::timeline_internal
