// SPDX-License-Identifier: MIT
#include "text_fold.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define TARIKH_FOLD_AVX512 1
#endif

#include "tarikh/core/utf8.h"

namespace tarikh::internal {
namespace {

// Character classes after folding.
enum CharClass : uint8_t { kDrop = 0, kLetter, kDigit, kSpace, kBreak, kPunct };

struct FoldEntry {
  uint16_t out;  // folded code point (0 with kDrop)
  uint8_t cls;
};

constexpr std::array<FoldEntry, 0x800> MakeTable() {
  std::array<FoldEntry, 0x800> t{};
  for (uint32_t c = 0; c < 0x800; ++c) {
    FoldEntry e{static_cast<uint16_t>(c), kLetter};
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        e.cls = kDigit;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        e.cls = kLetter;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        e.cls = kSpace;
      } else if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ';') {
        e.cls = c == '\n' ? kBreak : kPunct;
      } else if (c < 0x20 || c == 0x7F) {
        e.cls = kSpace;
      } else {
        e.cls = kPunct;
      }
    } else if (c < 0xC0) {
      e.cls = (c == 0xA0 || c < 0xA0) ? kSpace : kPunct;  // NBSP, C1 controls; « » etc.
      if (c == 0xAD) e = {0, kDrop};                      // soft hyphen
    } else if (c >= 0x600 && c < 0x700) {
      switch (c) {
        case 0x623:
        case 0x625:
        case 0x622:
        case 0x671:
          e.out = 0x627;
          break;
        case 0x629:
        case 0x6D5:
        case 0x6C1:
          e.out = 0x647;
          break;
        case 0x649:
        case 0x6CC:
        case 0x626:
          e.out = 0x64A;
          break;
        case 0x624:
          e.out = 0x648;
          break;
        case 0x6A9:
        case 0x6AF:
          e.out = 0x643;
          break;
        case 0x6A4:
          e.out = 0x641;
          break;
        case 0x60C:
        case 0x66C:
          e = {',', kPunct};
          break;
        case 0x61B:
          e = {';', kPunct};
          break;
        case 0x61F:
          e = {'?', kPunct};
          break;
        case 0x66A:
          e = {'%', kPunct};
          break;
        case 0x66B:
        case 0x6D4:
          e = {'.', kPunct};
          break;
        case 0x60D:
          e = {'/', kPunct};
          break;
        default:
          break;
      }
      if (c == 0x640 || (c >= 0x64B && c <= 0x65F) || c == 0x670 || (c >= 0x6D6 && c <= 0x6ED)) {
        e = {0, kDrop};
      }
      if (c >= 0x660 && c <= 0x669) e = {static_cast<uint16_t>('0' + c - 0x660), kDigit};
      if (c >= 0x6F0 && c <= 0x6F9) e = {static_cast<uint16_t>('0' + c - 0x6F0), kDigit};
      if (c == 0x600 || c == 0x601 || c == 0x602 || c == 0x603 || c == 0x606 || c == 0x607 ||
          c == 0x608 || c == 0x609 || c == 0x60A || c == 0x60B || c == 0x60E || c == 0x60F ||
          c == 0x61E || c == 0x66D) {
        e = {static_cast<uint16_t>(c), kPunct};
      }
    }
    t[c] = e;
  }
  return t;
}
constexpr std::array<FoldEntry, 0x800> kTable = MakeTable();

// The hot loop reads this form of kTable: the folded character already encoded as UTF-8
// (every output below U+0800 takes at most two bytes), so a letter costs one table load and
// one two-byte store.
struct EncodedFold {
  uint8_t cls;
  uint8_t len;  // folded UTF-8 bytes (0 for kDrop)
  char bytes[2];
};
constexpr std::array<EncodedFold, 0x800> MakeEncoded() {
  std::array<EncodedFold, 0x800> t{};
  for (uint32_t c = 0; c < 0x800; ++c) {
    const FoldEntry e = kTable[c];
    EncodedFold x{e.cls, 0, {0, 0}};
    if (e.cls != kDrop) {
      if (e.out < 0x80) {
        x.len = 1;
        x.bytes[0] = static_cast<char>(e.out);
      } else {
        x.len = 2;
        x.bytes[0] = static_cast<char>(0xC0 | (e.out >> 6));
        x.bytes[1] = static_cast<char>(0x80 | (e.out & 0x3F));
      }
    }
    t[c] = x;
  }
  return t;
}
constexpr std::array<EncodedFold, 0x800> kEncoded = MakeEncoded();

// kEncoded for the two-byte path that reads two characters at once: the same, except that
// the code points below U+0080 (reached only by the overlong leads C0/C1, which the byte-mask
// test lets through) get a class no token has, so the character goes to the checking path.
constexpr uint8_t kNotTwoByte = 0xFE;
constexpr std::array<EncodedFold, 0x800> MakeEncoded2() {
  std::array<EncodedFold, 0x800> t = kEncoded;
  for (uint32_t c = 0; c < 0x80; ++c) t[c] = EncodedFold{kNotTwoByte, 0, {0, 0}};
  return t;
}
constexpr std::array<EncodedFold, 0x800> kEncoded2 = MakeEncoded2();

// Code points of three or more bytes: only a few need folding; the rest are letters
// (CJK, presentation forms…) or punctuation (general punctuation block).
FoldEntry FoldWide(uint32_t c) {
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x2060) {
    return {0, kDrop};
  }
  if ((c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) {
    return {' ', kSpace};
  }
  if (c == 0x2028 || c == 0x2029) return {'\n', kBreak};
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return {'-', kPunct};
  if (c == 0xFF0F || c == 0x2044 || c == 0x2215) return {'/', kPunct};
  if (c >= 0x2016 && c <= 0x206F) return {0xFFFF, kPunct};  // quotes, bullets: keep as is
  if (c >= 0x3000 && c <= 0x303F) return {0xFFFF, kPunct};
  if (c >= 0xFF01 && c <= 0xFF0F) return {0xFFFF, kPunct};
  return {0xFFFF, kLetter};
}

// A folded character of any width: class and UTF-8 bytes (at most three: wide characters
// that are kept as they are, or U+FFFD for those above the BMP).
struct Folded {
  uint8_t cls;
  uint8_t len;
  char bytes[3];
};

// Decodes the well-formed or malformed sequence at s[0..avail): its length, or 0 when it is
// not well-formed UTF-8 (the caller reports the first bad byte).
inline size_t DecodeWide(const unsigned char* s, size_t avail, uint32_t* cp) {
  const unsigned char c = s[0];
  if (c >= 0xE0 && c < 0xF0) {
    if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c < 0xF5) {
    if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) {
      return 0;
    }
    *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    if (*cp < 0x10000 || *cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

inline Folded FoldWideEncoded(uint32_t cp) {
  FoldEntry e = FoldWide(cp);
  if (e.out == 0xFFFF) e.out = static_cast<uint16_t>(cp > 0xFFFF ? 0xFFFD : cp);
  Folded r{e.cls, 0, {0, 0, 0}};
  if (e.cls == kDrop) return r;
  if (e.out < 0x80) {
    r.len = 1;
    r.bytes[0] = static_cast<char>(e.out);
  } else {  // e.out >= 0x800 here: no two-byte output comes from a wide character
    r.len = 3;
    r.bytes[0] = static_cast<char>(0xE0 | (e.out >> 12));
    r.bytes[1] = static_cast<char>(0x80 | ((e.out >> 6) & 0x3F));
    r.bytes[2] = static_cast<char>(0x80 | (e.out & 0x3F));
  }
  return r;
}

// Folds the code point starting at s[0] (valid UTF-8, `avail` bytes left): its encoded
// length in the input, or 0 if malformed.
inline size_t FoldAt(const unsigned char* s, size_t avail, Folded* out) {
  const unsigned char c = s[0];
  if (c < 0x80) {
    const EncodedFold& e = kEncoded[c];
    *out = {e.cls, e.len, {e.bytes[0], e.bytes[1], 0}};
    return 1;
  }
  if (c >= 0xC2 && c < 0xE0) {
    if (avail < 2 || (s[1] & 0xC0) != 0x80) return 0;
    const EncodedFold& e = kEncoded[((c & 0x1Fu) << 6) | (s[1] & 0x3Fu)];
    *out = {e.cls, e.len, {e.bytes[0], e.bytes[1], 0}};
    return 2;
  }
  uint32_t cp = 0;
  const size_t len = DecodeWide(s, avail, &cp);
  if (len) *out = FoldWideEncoded(cp);
  return len;
}

constexpr uint8_t kNoRun = 0xFF;  // no letter/digit token open

// Whether a punctuation token (its folded byte) sets break_before for the token after it.
constexpr bool SetsBreak(char b) {
  return b == '.' || b == '?' || b == '!' || b == ';' || b == ':';
}

// The letters the vector path below folds on its own: U+0621..U+063F and U+0641..U+064A
// (UTF-8 D8 A1..D8 BF, D9 81..D9 8A), the bulk of Arabic words. All but seven fold to
// themselves; those seven (آ أ ؤ إ ئ = U+0622..U+0626, ة, ى) fold to another letter of the same
// two-byte length, written by VectorFold. Checked against kTable at compile time.
constexpr uint32_t kRunLo1 = 0x621, kRunHi1 = 0x63F, kRunLo2 = 0x641, kRunHi2 = 0x64A;
constexpr uint32_t kFoldLo = 0x622, kFoldHi = 0x626, kTaMarbuta = 0x629, kAlefMaqsura = 0x649;
constexpr uint32_t kWawHamza = 0x624, kYaHamza = 0x626;
constexpr uint32_t kAlef = 0x627, kHa = 0x647, kWaw = 0x648, kYa = 0x64A;
constexpr bool RunLetter(uint32_t c) {
  return (c >= kRunLo1 && c <= kRunHi1) || (c >= kRunLo2 && c <= kRunHi2);
}
// What VectorFold writes for a run letter.
constexpr uint32_t VectorFold(uint32_t c) {
  if (c == kWawHamza) return kWaw;
  if (c == kYaHamza || c == kAlefMaqsura) return kYa;
  if (c >= kFoldLo && c <= kFoldHi) return kAlef;
  if (c == kTaMarbuta) return kHa;
  return c;
}
constexpr bool RunLettersFoldAsTheTable() {
  for (uint32_t c = 0x600; c < 0x680; ++c) {
    if (RunLetter(c) && (kTable[c].cls != kLetter || kTable[c].out != VectorFold(c))) return false;
  }
  return true;
}
static_assert(RunLettersFoldAsTheTable(), "VectorFold disagrees with kTable");

#if defined(__SSE2__)
// The UTF-8 bytes of a two-byte character as one 16-bit number, lead << 8 | continuation.
constexpr uint16_t Enc(uint32_t c) {
  return static_cast<uint16_t>(((0xC0 | (c >> 6)) << 8) | (0x80 | (c & 0x3F)));
}

// The length in bytes (even; 16 when the run goes on) of the run of RunLetter characters at
// the start of the 16 bytes at s, whose folded form is written to o (16 bytes writable; past
// the run, bytes that the caller overwrites). Eight characters per step instead of a table
// look-up each; anything else (a space, a dropped mark, another block) ends the run and goes
// through the table.
inline size_t VectorRun16(const unsigned char* s, char* o) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  const __m128i key = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
  // key in [lo, hi] as unsigned numbers: key - lo, biased by 0x8000 into a signed number, is
  // below hi - lo + 1 - 0x8000. One add and one compare per range (SSE2 compares are signed).
  auto in = [&key](uint32_t lo, uint32_t hi) {
    const __m128i t = _mm_add_epi16(key, _mm_set1_epi16(static_cast<int16_t>(0x8000 - Enc(lo))));
    return _mm_cmpgt_epi16(_mm_set1_epi16(static_cast<int16_t>(Enc(hi) - Enc(lo) + 1 - 0x8000)), t);
  };
  auto is = [&key](uint32_t c) {
    return _mm_cmpeq_epi16(key, _mm_set1_epi16(static_cast<int16_t>(Enc(c))));
  };
  const __m128i run = _mm_or_si128(in(kRunLo1, kRunHi1), in(kRunLo2, kRunHi2));
  const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(run));
  const __m128i hamza = in(kFoldLo, kFoldHi);
  const __m128i ta = is(kTaMarbuta), maqsura = is(kAlefMaqsura);
  if (_mm_movemask_epi8(_mm_or_si128(hamza, _mm_or_si128(ta, maqsura))) == 0) [[likely]] {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
  } else {
    // Same-length folds in the register (lanes outside the run are overwritten later).
    auto put = [](__m128i x, __m128i m, uint32_t c) {
      const __m128i to = _mm_set1_epi16(static_cast<int16_t>(Enc(c)));
      return _mm_or_si128(_mm_and_si128(m, to), _mm_andnot_si128(m, x));
    };
    __m128i f = put(key, hamza, kAlef);
    f = put(f, is(kWawHamza), kWaw);
    f = put(f, _mm_or_si128(is(kYaHamza), maqsura), kYa);
    f = put(f, ta, kHa);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o),
                     _mm_or_si128(_mm_slli_epi16(f, 8), _mm_srli_epi16(f, 8)));
  }
  return static_cast<size_t>(std::countr_zero(~mask));  // ~mask has bit 16 and up set
}
#endif

// A digits token (folded digits are ASCII), out of the fold's loop: numbers are rare.
[[gnu::noinline]] void PushNumber(std::string_view full, uint32_t ob, uint32_t oe, bool sb, bool bb,
                                  std::vector<Tok>* toks) {
  int32_t v = 0;  // < 10^9: see Tok::num
  for (char c : full) v = v < 100000000 ? v * 10 + (c - '0') : v;
  toks->push_back(Tok{.full = full,
                      .stem = full,
                      .num = v,
                      .ob = ob,
                      .oe = oe,
                      .ndig = static_cast<int>(full.size()),
                      .kind = TokKind::kNumber,
                      .space_before = sb,
                      .break_before = bb});
}

// The open letter/digit token of the fold. It is written to the token vector whole when it
// closes (CloseToken); until then it is where its folded bytes start, its first original byte
// and what came before it. A plain local of FoldAndTokenize (no lambda captures): its fields
// stay in registers.
struct OpenTok {
  uint8_t run;  // kLetter / kDigit, or kNoRun when no token is open
  bool sb, bb;  // space_before, break_before
  uint32_t ob;
  const char* f;
};

// Writes the open token, whose folded bytes end at o and original bytes at oe.
[[gnu::always_inline]] inline void CloseToken(const OpenTok& t, const char* o, uint32_t oe,
                                              std::vector<Tok>* toks) {
  const std::string_view full(t.f, static_cast<size_t>(o - t.f));
  if (t.run == kLetter) [[likely]] {
    toks->push_back(Tok{.full = full,
                        .stem = full,
                        .ob = t.ob,
                        .oe = oe,
                        .kind = TokKind::kWord,
                        .space_before = t.sb,
                        .break_before = t.bb});
  } else {
    PushNumber(full, t.ob, oe, t.sb, t.bb, toks);
  }
}

// Whether the vector block path may run: tests turn it off to compare it with the scalar code.
bool fold_vector_enabled = true;

#if defined(TARIKH_FOLD_AVX512)
bool FoldVectorAvailable() {
  static const bool available = __builtin_cpu_supports("avx512bw") &&
                                __builtin_cpu_supports("avx512vbmi") &&
                                __builtin_cpu_supports("avx512vbmi2");
  return available && fold_vector_enabled;
}

// The fold's state between characters, handed to the vector block path and back by value, so
// that FoldAndTokenize's own locals never have their address taken (they stay in registers).
struct FoldState {
  OpenTok cur;
  bool space_before, break_before;
  size_t i;
  char* o;
  size_t limit;  // out: the scalar code runs until i reaches it, then the blocks are tried again
};

// Per continuation byte (indexed by its low six bits) of a run letter: the continuation byte of
// its fold, and whether the fold moves the letter from lead D8 to lead D9 (ؤ ئ ة). The run
// letters' continuation bytes are A1..BF after D8 and 81..8A after D9, so the byte alone says
// which letter it is. Built from VectorFold, which a static_assert checks against kTable.
struct TrailFold {
  alignas(64) uint8_t trail[64];
  alignas(64) uint8_t up[64];
  // Per ASCII byte: bit 0 when it is a punctuation token of its own (it folds to itself), bit 1
  // when that token sets break_before.
  alignas(64) uint8_t ascii[128];
};
constexpr TrailFold MakeTrailFold() {
  TrailFold t{};
  for (uint32_t k = 0; k < 64; ++k) {
    t.trail[k] = static_cast<uint8_t>(0x80 | k);
    const uint32_t c = (k >= 0x21 ? 0x600 : 0x640) + k;  // D8 A1..BF or D9 81..8A
    if (!RunLetter(c)) continue;
    const uint32_t f = VectorFold(c);
    t.trail[k] = static_cast<uint8_t>(0x80 | (f & 0x3F));
    t.up[k] = (f >> 6) != (c >> 6) ? 0xFF : 0;
  }
  for (uint32_t c = 0; c < 0x80; ++c) {
    const EncodedFold& e = kEncoded[c];
    if (e.cls != kPunct) continue;
    t.ascii[c] = static_cast<uint8_t>(1 | (SetsBreak(e.bytes[0]) ? 2 : 0));
  }
  return t;
}
constexpr TrailFold kTrailFold = MakeTrailFold();
constexpr bool FoldsStayTwoByteAndGoUp() {
  for (uint32_t c = kRunLo1; c <= kRunHi2; ++c) {
    if (!RunLetter(c)) continue;
    const uint32_t f = VectorFold(c);
    if (f < 0x600 || f > 0x67F || (c >= 0x640 && f < 0x640)) return false;
  }
  return true;
}
static_assert(FoldsStayTwoByteAndGoUp(), "kTrailFold: a fold leaves the D8/D9 leads");
// The two Arabic punctuation marks the blocks take (D8 8C, D8 9F): one folded ASCII byte each.
constexpr uint32_t kArabicComma = 0x60C, kArabicQuestion = 0x61F;
static_assert(kEncoded[kArabicComma].cls == kPunct && kEncoded[kArabicComma].len == 1 &&
                  kEncoded[kArabicComma].bytes[0] == ',' &&
                  kEncoded[kArabicQuestion].cls == kPunct && kEncoded[kArabicQuestion].len == 1 &&
                  kEncoded[kArabicQuestion].bytes[0] == '?',
              "the block path writes , and ? for the Arabic comma and question mark");
static_assert((kArabicComma >> 6) == 0x18 && (kArabicQuestion >> 6) == 0x18, "lead byte D8");

// Folds 64-byte blocks at st.i while each is made only of run letters (lead D8/D9 and its
// continuation byte), ASCII spaces and punctuation tokens (ASCII punctuation, the Arabic comma
// and question mark: sentence ends and commas are what most often stops a block; with them
// ~96 % of the bytes of the bench corpus's texts go through blocks, ~77 % without), any number
// of tokens per block; a lead in the last byte is left for the next block. Per block: the letters
// folded in the register (a byte permute for the continuation bytes, a masked move for the leads
// that become D9, the Arabic marks' leads replaced by their ASCII byte), the spaces and the marks'
// continuation bytes compressed out into the folded buffer, and the tokens written from the masks
// exactly as the scalar code writes them (the first word may continue the open token, the last may
// stay open). Returns at the first block holding anything else (digits, harakat, line breaks, other
// letters…), with st.limit just past its first byte that did not fit, for the scalar code.
__attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,popcnt,bmi,bmi2"))) void
FoldBlocksAvx512(const unsigned char* s, size_t n, FoldState* state, std::vector<Tok>* toks) {
  FoldState st = *state;
  const __m512i space = _mm512_set1_epi8(' ');
  const __m512i d8 = _mm512_set1_epi8(static_cast<char>(0xD8));
  const __m512i d9 = _mm512_set1_epi8(static_cast<char>(0xD9));
  const __m512i lo8 = _mm512_set1_epi8(static_cast<char>(0xA1));
  const __m512i lo9 = _mm512_set1_epi8(static_cast<char>(0x81));
  const __m512i span8 = _mm512_set1_epi8(0xBF - 0xA1);
  const __m512i span9 = _mm512_set1_epi8(0x8A - 0x81);
  const __m512i trail_fold = _mm512_load_si512(kTrailFold.trail);
  const __m512i up_fold = _mm512_load_si512(kTrailFold.up);
  const __m512i ascii_lo = _mm512_load_si512(kTrailFold.ascii);
  const __m512i ascii_hi = _mm512_load_si512(kTrailFold.ascii + 64);
  const __m512i one = _mm512_set1_epi8(1), two = _mm512_set1_epi8(2);
  const __m512i comma_trail = _mm512_set1_epi8(static_cast<char>(0x80 | (kArabicComma & 0x3F)));
  const __m512i question_trail =
      _mm512_set1_epi8(static_cast<char>(0x80 | (kArabicQuestion & 0x3F)));
  constexpr uint64_t kTop = uint64_t{1} << 63;
  st.limit = n;
  while (st.i + 64 <= n) {
    const __m512i v = _mm512_loadu_si512(s + st.i);
    const uint64_t sp = _mm512_cmpeq_epi8_mask(v, space);
    const uint64_t l8 = _mm512_cmpeq_epi8_mask(v, d8);
    const uint64_t l9 = _mm512_cmpeq_epi8_mask(v, d9);
    const uint64_t t8 = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, lo8), span8);
    const uint64_t t9 = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, lo9), span9);
    // Leads followed by a continuation byte of their range: one run letter each.
    const uint64_t chars = (l8 & (t8 >> 1)) | (l9 & (t9 >> 1));
    const uint64_t letters = chars | (chars << 1);
    // Punctuation tokens: ASCII ones (one byte, folded to itself) and the Arabic comma and
    // question mark (two bytes, folded to one).
    const uint64_t ascii = ~_mm512_movepi8_mask(v);
    const __m512i aflags = _mm512_permutex2var_epi8(ascii_lo, v, ascii_hi);
    const uint64_t apunct = ascii & _mm512_test_epi8_mask(aflags, one);
    const uint64_t comma = l8 & (_mm512_cmpeq_epi8_mask(v, comma_trail) >> 1);
    const uint64_t question = l8 & (_mm512_cmpeq_epi8_mask(v, question_trail) >> 1);
    const uint64_t punct = apunct | comma | question;
    const uint64_t good =
        sp | letters | punct | ((comma | question) << 1) | ((l8 | l9) & kTop & ~punct);
    // A digits token open before a block that starts with a letter: the scalar code closes it.
    const uint64_t digit_open = st.cur.run == kDigit ? 1 : 0;
    if (~good != 0 || (letters & digit_open) != 0) {
      st.limit = st.i + static_cast<size_t>(std::countr_zero(~good | (letters & digit_open))) + 1;
      *state = st;
      return;
    }
    // The punctuation tokens that set break_before for the next token.
    const uint64_t brk = (ascii & _mm512_test_epi8_mask(aflags, two)) | question;
    const uint64_t keep = letters | punct;  // bytes written to the folded text
    const uint64_t trails = chars << 1;
    __m512i f = _mm512_mask_permutexvar_epi8(v, trails, v, trail_fold);
    const __m512i up_bytes = _mm512_maskz_permutexvar_epi8(trails, v, up_fold);
    f = _mm512_mask_mov_epi8(f, _mm512_test_epi8_mask(up_bytes, up_bytes) >> 1, d9);
    f = _mm512_mask_mov_epi8(f, comma, _mm512_set1_epi8(','));
    f = _mm512_mask_mov_epi8(f, question, _mm512_set1_epi8('?'));
    _mm512_storeu_si512(st.o, _mm512_maskz_compress_epi8(keep, f));

    // Tokens, in the order of their first bytes. A byte's folded offset is the number of kept
    // bytes before it in the block (letters keep their two bytes, punctuation one).
    const uint32_t base = static_cast<uint32_t>(st.i);
    char* const o = st.o;
    uint64_t starts = (letters & ~(letters << 1)) | punct;
    // The byte after a word: a space or punctuation (not a lead cut off by the block's end,
    // which may continue the word in the next block).
    uint64_t ends = (letters << 1) & (sp | punct);
    unsigned last_end = 0;  // the byte after the last token that ended in the block
    if (st.cur.run != kNoRun) {
      if (letters & 1) {  // the open word goes on (a letter after digits was refused above)
        starts &= starts - 1;
        if (ends != 0) {
          last_end = static_cast<unsigned>(std::countr_zero(ends));
          ends &= ends - 1;
          CloseToken(st.cur, o + _mm_popcnt_u64(_bzhi_u64(keep, last_end)), base + last_end, toks);
          st.cur.run = kNoRun;
        }
      } else {
        CloseToken(st.cur, o, base, toks);
        st.cur.run = kNoRun;
      }
    }
    // space_before / break_before as the scalar code keeps them: whitespace since the last
    // token (here: the byte before a token is a space), and whether the last token set a break.
    bool sb = st.space_before, bb = st.break_before;
    while (starts != 0) {
      const unsigned b = static_cast<unsigned>(std::countr_zero(starts));
      starts &= starts - 1;
      if (b != 0) sb = (sp >> (b - 1)) & 1;
      char* const fb = o + _mm_popcnt_u64(_bzhi_u64(keep, b));
      if ((punct >> b) & 1) {
        const uint32_t len = 1 + static_cast<uint32_t>(((comma | question) >> b) & 1);
        const std::string_view p(fb, 1);
        toks->push_back(Tok{.full = p,
                            .stem = p,
                            .ob = base + b,
                            .oe = base + b + len,
                            .kind = TokKind::kPunct,
                            .space_before = sb,
                            .break_before = bb,
                            .punct = *fb});
        bb = (brk >> b) & 1;
        last_end = b + len;
      } else if (ends != 0) {  // each remaining end closes the word of the next word start
        const unsigned e = static_cast<unsigned>(std::countr_zero(ends));
        ends &= ends - 1;
        const std::string_view full(
            fb, static_cast<size_t>(o + _mm_popcnt_u64(_bzhi_u64(keep, e)) - fb));
        toks->push_back(Tok{.full = full,
                            .stem = full,
                            .ob = base + b,
                            .oe = base + e,
                            .kind = TokKind::kWord,
                            .space_before = sb,
                            .break_before = bb});
        bb = false;
        last_end = e;
      } else {  // the last word goes on into the next block
        st.cur = OpenTok{kLetter, sb, bb, base + b, fb};
        bb = false;
      }
      sb = false;
    }
    // After the last token only spaces (or a lead cut off) are left in the block.
    if (st.cur.run == kNoRun) sb = sb || (last_end < 64 && (sp >> last_end) != 0);
    st.space_before = sb;
    st.break_before = bb;
    st.o += _mm_popcnt_u64(keep);
    st.i += 64 - (((l8 | l9) >> 63) & 1);
  }
  *state = st;
}
#endif

}  // namespace

void SetFoldVectorPathForTesting(bool on) { fold_vector_enabled = on; }

bool FoldVectorPathActive() {
#if defined(TARIKH_FOLD_AVX512)
  return FoldVectorAvailable();
#else
  return false;
#endif
}

Status FoldAndTokenize(std::string_view text, int64_t base_offset, std::string* folded,
                       std::vector<Tok>* toks_out) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Folding never lengthens the text (a character's folded form is at most as long as its
  // UTF-8 encoding), so the output buffer is sized once; +4 lets the fixed-size stores (two
  // bytes for a one-byte character, three for any character) run past the end without a
  // variable-length memcpy call. The buffer keeps its size from chunk to chunk, and the
  // tokens' views into it stay valid.
  std::string& f = *folded;
  if (f.size() < n + 4) f.resize(n + 4);
  char* const fbase = f.data();
  char* o = fbase;
  std::vector<Tok>& toks = *toks_out;
  toks.clear();
  // News text has about one token per ten bytes: one allocation for most texts.
  if (toks.capacity() < n / 8 + 16) toks.reserve(n / 8 + 16);

  OpenTok cur{kNoRun, false, false, 0, nullptr};
  // Whitespace / a break since the last token (reset when a token opens).
  bool space_before = false, break_before = true;
  size_t i = 0;
  bool bad = false;
#if defined(TARIKH_FOLD_AVX512)
  const bool vector = FoldVectorAvailable();
#endif
  // With the vector path, the scalar code below runs only up to `limit`, past the first byte
  // of the last block the vector path refused, and the blocks are tried again from there.
  size_t limit = n;

  for (;;) {
#if defined(TARIKH_FOLD_AVX512)
    if (vector) {
      if (i + 64 <= n) {
        // Field by field, not as one struct value: a struct passed and returned by value cost
        // a stalled wide reload after every call (the fold alone was ~15 % slower that way).
        FoldState st;
        st.cur = cur;
        st.space_before = space_before;
        st.break_before = break_before;
        st.i = i;
        st.o = o;
        FoldBlocksAvx512(s, n, &st, &toks);
        cur = st.cur;
        space_before = st.space_before;
        break_before = st.break_before;
        i = st.i;
        o = st.o;
        limit = st.limit;
      } else {
        limit = n;
      }
    }
#endif
    while (i < limit) {
      if (cur.run != kNoRun) {
#if defined(__SSE2__)
        // Inside an Arabic word: eight letters per step (the output never outgrows the input,
        // so o + 16 <= fbase + i + 16 <= fbase + n). One byte more than the step is left in the
        // text: the end-of-word test after a step (k <= 14) reads s[i + 1] <= s[start + 15].
        if (cur.run == kLetter) {
          while (i + 16 < n) {
            size_t k = VectorRun16(s + i, o);
            o += k;
            i += k;
            // The usual end of a word: one ASCII space and a run letter. The next word's first
            // step is the same vector step one byte on (the next lead byte is D8 or D9, and the
            // step must fit: i + 1 + 16 <= n; with the vector path, it stops before `limit` so
            // that the blocks are tried again); anything else goes through the paths below.
            while (k < 16 && s[i] == ' ' && (s[i + 1] & 0xFEu) == 0xD8u && i + 17 < limit) {
              k = VectorRun16(s + i + 1, o);
              if (k == 0) break;
              CloseToken(cur, o, static_cast<uint32_t>(i), &toks);
              cur = OpenTok{kLetter, true, false, static_cast<uint32_t>(i + 1), o};
              o += k;
              i += 1 + k;
            }
            if (k < 16) break;
          }
        }
#endif
        if (i < n && s[i] != ' ') {
          // Inside a word: two-byte characters of the same class. Two characters at a time while
          // the four bytes are lead, continuation, lead, continuation.
          while (i + 4 <= n) {
            uint32_t w;
            std::memcpy(&w, s + i, 4);
            if ((w & 0xC0E0C0E0u) != 0x80C080C0u) break;
            const EncodedFold& e1 = kEncoded2[((w & 0x1Fu) << 6) | ((w >> 8) & 0x3Fu)];
            const EncodedFold& e2 = kEncoded2[((w >> 10) & 0x7C0u) | ((w >> 24) & 0x3Fu)];
            if (e1.cls != cur.run || e2.cls != cur.run) break;
            std::memcpy(o, e1.bytes, 2);
            o += e1.len;
            std::memcpy(o, e2.bytes, 2);
            o += e2.len;
            i += 4;
          }
          while (i + 1 < n) {
            const unsigned c0 = s[i];
            const unsigned c1 = s[i + 1];
            if (c0 - 0xC2u >= 0x1Eu || (c1 & 0xC0u) != 0x80u) break;
            const EncodedFold& e = kEncoded[((c0 & 0x1Fu) << 6) | (c1 & 0x3Fu)];
            if (e.cls != cur.run) break;
            std::memcpy(o, e.bytes, 2);
            o += e.len;
            i += 2;
          }
        }
        // The usual end of a word: one ASCII space and the first character (two bytes, a
        // letter or digit) of the next word. Closes this token and opens the next one exactly
        // as the general path below does, without its per-character dispatch.
        if (i + 2 < n && s[i] == ' ' && s[i + 1] - 0xC2u < 0x1Eu && (s[i + 2] & 0xC0u) == 0x80u) {
          const EncodedFold& e = kEncoded[((s[i + 1] & 0x1Fu) << 6) | (s[i + 2] & 0x3Fu)];
          if (e.cls == kLetter || e.cls == kDigit) {
            CloseToken(cur, o, static_cast<uint32_t>(i), &toks);
            cur = OpenTok{e.cls, true, false, static_cast<uint32_t>(i + 1), o};
            std::memcpy(o, e.bytes, 2);
            o += e.len;
            i += 3;
            continue;
          }
        }
        if (i >= n) break;
      }
      const unsigned char c = s[i];
      const uint32_t start = static_cast<uint32_t>(i);
      uint8_t cls;
      uint8_t len;
      char bytes[3] = {0, 0, 0};
      if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        // Two-byte characters: the Arabic block, the common case.
        const EncodedFold& e = kEncoded[((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)];
        i += 2;
        if (e.cls == cur.run) {  // a letter or digit continuing the open token
          std::memcpy(o, e.bytes, 2);
          o += e.len;
          continue;
        }
        cls = e.cls;
        len = e.len;
        bytes[0] = e.bytes[0];
        bytes[1] = e.bytes[1];
      } else if (c < 0x80) {
        const EncodedFold& e = kEncoded[c];
        ++i;
        if (e.cls == cur.run) {
          *o++ = e.bytes[0];
          continue;
        }
        cls = e.cls;
        len = e.len;
        bytes[0] = e.bytes[0];
      } else {
        Folded w;
        const size_t l = FoldAt(s + i, n - i, &w);
        if (l == 0) {
          bad = true;
          break;
        }
        i += l;
        cls = w.cls;
        len = w.len;
        std::memcpy(bytes, w.bytes, 3);
      }
      if (cls == kDrop) continue;  // harakat/tatweel: the token goes on
      if (cur.run != kNoRun && cls != cur.run) {
        CloseToken(cur, o, start, &toks);
        cur.run = kNoRun;
      }
      switch (cls) {
        case kLetter:
        case kDigit:
          if (cur.run == kNoRun) {
            cur = OpenTok{cls, space_before, break_before, start, o};
            space_before = false;
            break_before = false;
          }
          std::memcpy(o, bytes, 3);  // fixed size: no library call; o advances by len
          o += len;
          continue;
        case kSpace:
          space_before = true;
          continue;
        case kBreak:
          space_before = true;
          break_before = true;
          continue;
        default: {  // kPunct
          const std::string_view p(o, len);
          std::memcpy(o, bytes, 3);
          o += len;
          toks.push_back(Tok{.full = p,
                             .stem = p,
                             .ob = start,
                             .oe = static_cast<uint32_t>(i),
                             .kind = TokKind::kPunct,
                             .space_before = space_before,
                             .break_before = break_before,
                             .punct = len == 1 ? bytes[0] : '\x01'});
          space_before = false;
          const char b = len == 1 ? bytes[0] : 0;
          break_before = SetsBreak(b);
          continue;
        }
      }
    }
    if (bad || i >= n) break;
  }
  if (i < n) {
    f.resize(static_cast<size_t>(o - fbase));
    return ValidateUtf8(text.substr(i), base_offset + static_cast<int64_t>(i));
  }
  if (cur.run != kNoRun) CloseToken(cur, o, static_cast<uint32_t>(n), &toks);
  f.resize(static_cast<size_t>(o - fbase));
  return Status::Ok();
}

uint32_t OrigOffset(std::string_view text, const Tok& tok, uint32_t cut) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t f = 0;
  size_t i = tok.ob;
  while (i < tok.oe) {
    Folded w;
    const size_t l = FoldAt(s + i, tok.oe - i, &w);
    if (l == 0) break;
    if (w.len && cut < f + w.len) return static_cast<uint32_t>(i);
    f += w.len;
    i += l;
  }
  return tok.oe;
}

int64_t CountCodePointsFast(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  int64_t count = 0;
#if defined(__SSE2__)
  // A byte starts a code point unless it is a continuation byte (0x80..0xBF, as signed bytes
  // -128..-65). 64 bytes per step into per-lane byte counters (each grows by at most 4 a
  // step), summed every 63 steps at most before they overflow.
  const __m128i cont_max = _mm_set1_epi8(-65);
  const __m128i zero = _mm_setzero_si128();
  auto starts = [&](size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
    return _mm_cmpgt_epi8(v, cont_max);  // -1 per code point start
  };
  while (i + 64 <= n) {
    const size_t steps = std::min<size_t>((n - i) / 64, 63);
    __m128i acc = zero;
    for (size_t k = 0; k < steps; ++k, i += 64) {
      const __m128i a = _mm_add_epi8(starts(i), starts(i + 16));
      const __m128i b = _mm_add_epi8(starts(i + 32), starts(i + 48));
      acc = _mm_sub_epi8(acc, _mm_add_epi8(a, b));
    }
    const __m128i sums = _mm_sad_epu8(acc, zero);
    count += _mm_cvtsi128_si64(sums) + _mm_extract_epi16(sums, 4);
  }
  if (i + 16 <= n) {
    __m128i acc = zero;
    for (; i + 16 <= n; i += 16) acc = _mm_sub_epi8(acc, starts(i));
    const __m128i sums = _mm_sad_epu8(acc, zero);
    count += _mm_cvtsi128_si64(sums) + _mm_extract_epi16(sums, 4);
  }
#endif
  // Eight bytes at a time: bit 7 of each byte of y is set unless the byte is 10xxxxxx, and the
  // multiply adds the eight bits up in the top byte.
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, s + i, 8);
    const uint64_t y = (~x | (x << 1)) & 0x8080808080808080ULL;
    count += static_cast<int64_t>(((y >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; ++i) count += (s[i] & 0xC0) != 0x80;
  return count;
}

std::string FoldString(std::string_view text) {
  FoldedText ft;
  if (!FoldAndTokenize(text, 0, &ft).ok()) return std::string();
  std::string out;
  for (const Tok& t : ft.tokens) {
    if (!out.empty() && t.space_before) out.push_back(' ');
    out.append(t.full);
  }
  return out;
}

}  // namespace tarikh::internal
