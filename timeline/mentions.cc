// SPDX-License-Identifier: MIT
// The map step: one document → its dated clauses (EventMention). See docs/timeline.md.

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "anchor.h"
#include "sentences.h"
#include "tarikh/core/utf8.h"
#include "tarikh/timeline/builder.h"
#include "text.h"

namespace tarikh {
namespace {

using timeline_internal::AdvanceCodePoints;
using timeline_internal::CanAnchor;
using timeline_internal::DecodeAndSplitSentences;
using timeline_internal::DecodeUtf8;
using timeline_internal::EncodeUtf8;
using timeline_internal::Fold;
using timeline_internal::IsClauseDelimiter;
using timeline_internal::IsLineBreak;
using timeline_internal::IsWordChar;
using timeline_internal::Lexicon;
using timeline_internal::Signal;
using timeline_internal::SignalScope;
using timeline_internal::Span;
using timeline_internal::SplitWords;
using timeline_internal::Word;

// "منذ ست سنوات" → the year six years before the DCT (a since-cue turns a duration into a
// date); only whole years and months, which is what news text uses with منذ.
std::optional<Timex> SinceDurationToDate(const Timex& t, const Dct& dct) {
  if (t.type != TimexType::kDuration || t.value.size() < 3 || t.value[0] != 'P') return {};
  char unit = t.value.back();
  int n = 0;
  for (size_t i = 1; i + 1 < t.value.size(); ++i) {
    if (t.value[i] < '0' || t.value[i] > '9') return {};
    n = n * 10 + (t.value[i] - '0');
    if (n > 5000) return {};
  }
  Timex d = t;
  d.type = TimexType::kDate;
  d.mod = TimexMod::kNone;
  d.temporal_function = true;
  char buf[16];
  if (unit == 'Y') {
    int y = dct.year - n;
    if (y < 1) return {};
    std::snprintf(buf, sizeof buf, "%04d", y);
    d.granularity = Granularity::kYear;
    d.interval = {DayNumber(y, 1, 1), DayNumber(y + 1, 1, 1)};
  } else if (unit == 'M') {
    int months = dct.year * 12 + (dct.month - 1) - n;
    int y = months / 12, m = months % 12 + 1;
    if (y < 1) return {};
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    d.granularity = Granularity::kMonth;
    d.interval = {DayNumber(y, m, 1), m == 12 ? DayNumber(y + 1, 1, 1) : DayNumber(y, m + 1, 1)};
  } else {
    return {};
  }
  d.value = buf;
  return d;
}

// A property of the code points below U+0800 (Latin, Arabic) as bits: bit c % 32 of word
// c / 32. The map step's vector paths look sixteen code points up at once in such tables.
constexpr char32_t kBitTableSize = 0x800;
struct BitTable {
  void Set(char32_t c) { bits[c / 32] |= uint32_t{1} << (c % 32); }
  alignas(64) uint32_t bits[kBitTableSize / 32] = {};
};

// IsWordChar for Latin and Arabic (U+0000–U+07FF) from a table in this file, so the word
// split of a sentence needs no call per character; the same as a bit table for the vector
// split.
struct WordCharTable {
  WordCharTable() {
    for (char32_t c = 0; c < kSize; ++c) {
      is_word[c] = timeline_internal::IsWordChar(c);
      if (is_word[c]) bits.Set(c);
    }
  }
  bool Is(char32_t c) const { return c < kSize ? is_word[c] : timeline_internal::IsWordChar(c); }
  static constexpr char32_t kSize = kBitTableSize;
  BitTable bits;
  bool is_word[kSize];
};
// Built on first use (text.cc's own table, behind IsWordChar, is a static of another
// translation unit: not ready during this file's static initialization).
const WordCharTable& WordChars() {
  static const WordCharTable table;
  return table;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define TARIKH_SCREEN_AVX512 1
#endif

#if defined(TARIKH_SCREEN_AVX512)
using timeline_internal::CpuHasAvx512;

// K properties of text[0, n) as bit masks: bit k % 64 of out[t][k / 64] is set iff text[k]
// has property t, read from tables[t] below U+0800 and from bit t of wide(c) for the rare
// code point from there on. Each out[t] has n / 64 + 1 words; the bits from n on are clear.
// Sixteen code points a step, each table looked up by two permutes (word c / 32 from the
// table's four registers) and a shift: no gather.
template <size_t K, typename Wide>
__attribute__((target("avx512f"))) void BitMasksAvx512(const BitTable* const (&tables)[K],
                                                       const Wide& wide, const char32_t* text,
                                                       size_t n, uint64_t* const (&out)[K]) {
  __m512i regs[K][4];
  for (size_t t = 0; t < K; ++t) {
    for (size_t r = 0; r < 4; ++r) regs[t][r] = _mm512_load_si512(tables[t]->bits + 16 * r);
    std::fill_n(out[t], n / 64 + 1, uint64_t{0});
  }
  const __m512i size = _mm512_set1_epi32(static_cast<int>(kBitTableSize));
  for (size_t k = 0; k < n; k += 16) {
    const __mmask16 valid = n - k >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (n - k)) - 1);
    // Lanes past n load as U+0000 and their bits are masked off below (maskz forms, which also
    // leave no undefined lanes for GCC to warn about).
    const __m512i v = _mm512_maskz_loadu_epi32(valid, text + k);
    const __m512i idx = _mm512_maskz_srli_epi32(valid, v, 5);
    const __mmask16 upper = _mm512_test_epi32_mask(idx, _mm512_set1_epi32(32));
    const __m512i shift = _mm512_and_si512(v, _mm512_set1_epi32(31));
    const unsigned big = _mm512_mask_cmpge_epu32_mask(valid, v, size);
    unsigned m[K];
    for (size_t t = 0; t < K; ++t) {
      const __m512i low = _mm512_permutex2var_epi32(regs[t][0], idx, regs[t][1]);
      const __m512i high = _mm512_permutex2var_epi32(regs[t][2], idx, regs[t][3]);
      const __m512i word = _mm512_mask_blend_epi32(upper, low, high);
      const __m512i bit = _mm512_maskz_srlv_epi32(valid, word, shift);
      m[t] = _mm512_test_epi32_mask(bit, _mm512_set1_epi32(1)) & ~big;
    }
    for (unsigned b = big; b != 0; b &= b - 1) {
      const int lane = std::countr_zero(b);
      const unsigned props = wide(text[k + lane]);
      for (size_t t = 0; t < K; ++t) m[t] |= ((props >> t) & 1u) << lane;
    }
    for (size_t t = 0; t < K; ++t) out[t][k / 64] |= uint64_t{m[t]} << (k % 64);
  }
}
#endif

// A necessary condition for a sentence to hold an event-scope signal ("ثم", "بعد ذلك"),
// cheap enough to ask of every sentence without a date (about two thirds of the words the
// map step sees): such a signal needs its last word in the sentence — folded, and for a
// one-word signal possibly behind a و/ف, as FindSignals matches it. A word can only be one
// if its first and last letters (after folding) are those of some last word; only such
// words are folded and compared. Built from the signal list, not from a word list of its own.
class EventSignalFilter {
 public:
  explicit EventSignalFilter(const Lexicon& lex) {
    for (const Signal& sig : lex.signals()) {
      if (sig.scope != SignalScope::kEvent || sig.kind == "none" || sig.words.empty()) continue;
      const std::u32string& last = sig.words.back();
      if (last.empty()) continue;
      Add(last);
      if (sig.words.size() == 1) {
        Add(U"\u0648" + last);  // و
        Add(U"\u0641" + last);  // ف
      }
    }
    std::sort(pairs_.begin(), pairs_.end());  // for Pair's binary search
    for (char32_t c = 0; c < kSize; ++c) {
      const char32_t f = timeline_internal::FoldChar(c);
      fold_[c] = f;
      cls_[c] = f == 0 ? kDropped : 0;
      if (f != 0 && f < kSize) {
        if (firsts_[f]) cls_[c] |= kFirst;
        if (lasts_[f]) cls_[c] |= kLast;
      }
      if (timeline_internal::IsWordChar(c)) cls_[c] |= kWord;
      for (size_t t = 0; t < kClasses; ++t) {
        if (cls_[c] & kClassOrder[t]) class_bits_[t].Set(c);
      }
    }
  }
  // False only if text[i, end) holds no such last word. One table lookup per character: the
  // words' first and last letters are tested as the scan passes them, and only the rare
  // word that begins and ends like a last word is folded and compared.
  bool MayHold(const char32_t* text, int64_t i, int64_t end) const {
    if (pass_all_) return true;
#if defined(TARIKH_SCREEN_AVX512)
    if (vector_ && end - i >= 64 && timeline_internal::VectorPathsEnabled()) {
      return MayHoldAvx512(text, i, end);
    }
#endif
    while (i < end) {
      const uint8_t first = Class(text[i]);
      if (!(first & kWord)) {
        ++i;
        continue;
      }
      const int64_t b = i;
      uint8_t last = first;
      for (++i; i < end; ++i) {
        const uint8_t k = Class(text[i]);
        if (!(k & kWord)) break;
        last = k;
      }
      // A mark at either end (dropped by folding) hides the letter: the exact test decides.
      if (((first | last) & kDropped) || ((first & kFirst) && (last & kLast))) {
        if (MayBe(text, b, i)) return true;
      }
    }
    return false;
  }
#if defined(TARIKH_SCREEN_AVX512)
  // MayHold with the classes of the sentence's code points as bit masks (BitMasksAvx512,
  // where the CPU has AVX-512), the words then walked through a bit per word character: the
  // same words reach the same tests.
  __attribute__((target("avx512f,avx512bw"))) bool MayHoldAvx512(const char32_t* text, int64_t i,
                                                                 int64_t end) const {
    // Bit masks over text[i, end), 64 code points a word: word characters and the three
    // class bits of MayHold's test (kClassOrder).
    const size_t n = static_cast<size_t>(end - i);
    const size_t chunks = n / 64 + 1;
    thread_local std::vector<uint64_t> masks;
    masks.resize(chunks * kClasses);
    uint64_t* const word = masks.data();
    uint64_t* const first = word + chunks;
    uint64_t* const last = first + chunks;
    uint64_t* const dropped = last + chunks;
    const BitTable* const tables[kClasses] = {&class_bits_[0], &class_bits_[1], &class_bits_[2],
                                              &class_bits_[3]};
    uint64_t* const out[kClasses] = {word, first, last, dropped};
    BitMasksAvx512(
        tables,
        [this](char32_t c) {
          const uint8_t cls = Class(c);
          unsigned props = 0;
          for (size_t t = 0; t < kClasses; ++t) props |= (cls & kClassOrder[t]) ? 1u << t : 0u;
          return props;
        },
        text + i, n, out);
    // Per chunk: starts and ends (last characters) of words; adding a word's start bit to
    // the word bits carries through the word to the bit after its end, so the sums mark
    // the ends of the words that start with a first letter (after_first) or with a mark
    // (after_dropped). The candidates are MayHold's: a first letter at the start and a
    // last letter at the end, or a mark at either.
    uint64_t carry_f = 0, carry_d = 0;
    uint64_t after_f_prev = 0, after_d_prev = 0;    // the previous chunk's sums, unshifted
    thread_local std::vector<uint64_t> candidates;  // ends, a bit per code point
    thread_local std::vector<uint64_t> starts;
    candidates.assign(chunks, 0);
    starts.assign(chunks, 0);
    for (size_t c = 0; c <= chunks; ++c) {
      uint64_t after_f = 0, after_d = 0;
      if (c < chunks) {
        const uint64_t w = word[c];
        const uint64_t prev_top = c > 0 ? word[c - 1] >> 63 : 0;
        const uint64_t s = w & ~((w << 1) | prev_top);
        starts[c] = s;
        uint64_t sum;
        const bool o1 = __builtin_add_overflow(w, s & first[c], &sum);
        const bool o2 = __builtin_add_overflow(sum, carry_f, &sum);
        carry_f = o1 || o2;
        after_f = sum & ~w;
        const bool o3 = __builtin_add_overflow(w, s & dropped[c], &sum);
        const bool o4 = __builtin_add_overflow(sum, carry_d, &sum);
        carry_d = o3 || o4;
        after_d = sum & ~w;
      }
      if (c > 0) {
        // Chunk c - 1: its ends are the bits before the after-bits (the after-bit of an
        // end in bit 63 is bit 0 of chunk c).
        const size_t p = c - 1;
        const uint64_t w = word[p];
        const uint64_t next_low = c < chunks ? word[c] & 1 : 0;
        const uint64_t e = w & ~((w >> 1) | (next_low << 63));
        const uint64_t ends_f = (after_f_prev >> 1) | ((after_f & 1) << 63);
        const uint64_t ends_d = (after_d_prev >> 1) | ((after_d & 1) << 63);
        candidates[p] = e & ((ends_f & last[p]) | ends_d | dropped[p]);
      }
      after_f_prev = after_f;
      after_d_prev = after_d;
    }
    // The candidates in text order, each from its start (the last start at or before its
    // end) through the exact test.
    for (size_t c = 0; c < chunks; ++c) {
      for (uint64_t m = candidates[c]; m != 0; m &= m - 1) {
        const size_t e = c * 64 + static_cast<size_t>(std::countr_zero(m));
        size_t sc = c;
        uint64_t sm = starts[sc] & (~uint64_t{0} >> (63 - e % 64));
        while (sm == 0) sm = starts[--sc];
        const size_t b = sc * 64 + 63 - static_cast<size_t>(std::countl_zero(sm));
        if (MayBe(text, i + static_cast<int64_t>(b), i + static_cast<int64_t>(e) + 1)) {
          return true;
        }
      }
    }
    return false;
  }
#endif
  // Whether text[b, e), one word, may be such a last word.
  bool MayBe(const char32_t* text, int64_t b, int64_t e) const {
    if (pass_all_) return true;
    while (b < e && (Class(text[b]) & kDropped)) ++b;
    while (e > b && (Class(text[e - 1]) & kDropped)) --e;
    if (b >= e || !(Class(text[b]) & kFirst) || !(Class(text[e - 1]) & kLast)) return false;
    // Its first and last letters must also be those of one and the same last word (the
    // classes test each end alone).
    if (text[b] < kSize && text[e - 1] < kSize && !Pair(fold_[text[b]], fold_[text[e - 1]])) {
      return false;
    }
    // Folded into a small buffer (no allocation): longer words are no signal word.
    char32_t folded[kMaxLength];
    size_t n = 0;
    for (int64_t i = b; i < e; ++i) {
      const char32_t f = text[i] < kSize ? fold_[text[i]] : timeline_internal::FoldChar(text[i]);
      if (f == 0) continue;
      if (n == max_length_) return false;
      folded[n++] = f;
    }
    for (const std::u32string& w : by_length_[n]) {
      if (std::equal(w.begin(), w.end(), folded)) return true;
    }
    return false;
  }

 private:
  static constexpr char32_t kSize = 0x800;
  static constexpr uint8_t kFirst = 1, kLast = 2, kDropped = 4, kWord = 8;
  // The classes as bit tables, in the order of MayHoldAvx512's masks.
  static constexpr size_t kClasses = 4;
  static constexpr uint8_t kClassOrder[kClasses] = {kWord, kFirst, kLast, kDropped};
  void Add(const std::u32string& folded) {
    if (folded.size() > kMaxLength) {  // not expected of a signal word: pass every word
      pass_all_ = true;
      return;
    }
    by_length_[folded.size()].push_back(folded);
    max_length_ = std::max(max_length_, folded.size());
    // A raw letter beyond the table passes Class() as any letter would, so a letter folded
    // to one (none in the signal list today) needs no entry.
    if (folded.front() < kSize) firsts_[folded.front()] = true;
    if (folded.back() < kSize) lasts_[folded.back()] = true;
    pairs_.push_back((uint64_t{folded.front()} << 32) | folded.back());
    const uint32_t k = PairKey(folded.front(), folded.back());
    pair_filter_[k / 64] |= uint64_t{1} << (k % 64);
  }
  // Whether some last word begins with `first` and ends with `last` (folded letters).
  // Most words that pass the class test pair two such letters that begin and end no one last
  // word: a bit set keyed by the pair turns them away before the search.
  bool Pair(char32_t first, char32_t last) const {
    const uint32_t k = PairKey(first, last);
    if (!((pair_filter_[k / 64] >> (k % 64)) & 1)) return false;
    return std::binary_search(pairs_.begin(), pairs_.end(), (uint64_t{first} << 32) | last);
  }
  uint8_t Class(char32_t c) const {
    if (c < kSize) return cls_[c];
    const char32_t f = timeline_internal::FoldChar(c);  // rare: let the exact test decide
    return (f == 0 ? kDropped : kFirst | kLast) | (timeline_internal::IsWordChar(c) ? kWord : 0);
  }
  static constexpr size_t kMaxLength = 16;
  std::vector<std::u32string> by_length_[kMaxLength + 1];  // a dozen words in all
  size_t max_length_ = 0;
  static uint32_t PairKey(char32_t first, char32_t last) {
    return ((static_cast<uint32_t>(first) * 0x9E3779B1u) ^
            (static_cast<uint32_t>(last) * 0x85EBCA77u)) >>
           20;
  }
  std::vector<uint64_t> pairs_;           // (first << 32 | last) of every last word, sorted
  uint64_t pair_filter_[4096 / 64] = {};  // bit PairKey of every pair
  bool firsts_[kSize] = {};
  bool lasts_[kSize] = {};
  uint8_t cls_[kSize] = {};
  BitTable class_bits_[kClasses];  // cls_ as bit tables, kClassOrder
#if defined(TARIKH_SCREEN_AVX512)
  bool vector_ = CpuHasAvx512();
#endif
  char32_t fold_[kSize] = {};
  bool pass_all_ = false;
};

const EventSignalFilter& EventSignals() {
  static const EventSignalFilter filter(Lexicon::Get());
  return filter;
}

struct SignalHit {
  const Signal* signal;
  int64_t begin;  // code points
  int64_t end;
  size_t last_word;  // index in the word list
};

size_t WordAt(const std::vector<Word>& words, int64_t pos) {
  // First word ending after pos.
  return static_cast<size_t>(std::lower_bound(words.begin(), words.end(), pos,
                                              [](const Word& w, int64_t p) { return w.end <= p; }) -
                             words.begin());
}

// What the lexicon says about one word. Every property is a function of the word's text
// alone, so it is computed once per process (WordCache) and shared by every document: the
// signal scan, the region and context word lists, the headline and the tense check look at
// each word several times, and folding, hashing and stemming it each time (and per
// document) dominated the map step's profile.
// A merging token, interned (one object per distinct text while the word cache lives) with
// its first eight bytes as a big-endian number: mentions' token lists are sorted and
// deduplicated by key and pointer, comparing texts only when two keys tie.
struct Token {
  std::string text;
  uint64_t key = 0;
  mutable uint64_t seen = 0;  // the last Tokens() call that took it (ExtractScratch::token_stamp)
};
// A token with its sort key beside it, so that sorting reads the token's text only when two
// keys are equal and the tokens are not the same one.
struct KeyedToken {
  uint64_t key;
  const Token* token;
};
inline bool TokenLess(const KeyedToken& a, const KeyedToken& b) {
  if (a.key != b.key) return a.key < b.key;
  return a.token != b.token && a.token->text < b.token->text;
}

// The fields read at most occurrences of a word come first (see WordCache::Item).
struct WordEntry {
  bool signals_found = false;
  int8_t content = -1;  // not digits, not a function word; -1 = not computed yet
  int8_t stop = -1;     // Lexicon::IsStopword
  int8_t future = -1;   // Lexicon::IsFutureMarker
  bool stemmed = false;
  const std::vector<int>* signals_a = nullptr;  // signals starting with the word
  const std::vector<int>* signals_b = nullptr;  // ... with the word without its و/ف
  KeyedToken token = {0, nullptr};              // merging token (null if the stem is too short)
  KeyedToken concept_token = {0, nullptr};      // "#class" or null
  std::u32string folded;
};

// Raw word text → its entry, in an open-addressing table of (hash, entry) with the
// words' code points in one arena: the first lookup of each word occurrence hashes it, and
// std::unordered_map<std::u32string> (a byte hash over 4 bytes per code point, a node per
// word, a string compare per hit) was the largest single cost of the map step. Bounded:
// cleared between documents once it holds kMaxWords words (entries are only referenced
// while one document is processed).
class WordCache {
 public:
  static constexpr size_t kMaxWords = 100000;

  // The hash of a word from its length and its first and last four code points (the whole
  // of a word of up to eight): a few multiplies whatever its length, where a multiply per code
  // point made a chain of them as long as the word. Words that share both ends and the length
  // are told apart by the key comparison.
  static uint64_t Hash(const char32_t* s, size_t n) {
    uint64_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    if (n >= 4) {
      std::memcpy(&a0, s, 8);
      std::memcpy(&a1, s + 2, 8);
      std::memcpy(&b0, s + n - 4, 8);
      std::memcpy(&b1, s + n - 2, 8);
    } else {
      char32_t head[4] = {};
      for (size_t k = 0; k < n; ++k) head[k] = s[k];
      std::memcpy(&a0, head, 8);
      std::memcpy(&a1, head + 2, 8);
    }
    uint64_t h = (a0 ^ n) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ (h >> 32) ^ a1) * 0xD6E8FEB86659FD93ULL;
    h = (h ^ (h >> 32) ^ b0) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ (h >> 32) ^ b1) * 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
  }

  WordEntry& Find(std::u32string_view raw) { return Find(raw, Hash(raw.data(), raw.size())); }
  WordEntry& Find(std::u32string_view raw, uint64_t h) {
    if (table_.empty()) table_.assign(kInitialSlots, Slot());
    const size_t mask = table_.size() - 1;
    const size_t size = raw.size();
    for (size_t i = Home(h);; i = (i + 1) & mask) {
      Slot& slot = table_[i];
      if (slot.item == nullptr) {
        Item& item = items_.emplace_back();
        slot.hash = h;
        slot.item = &item;
        item.key_begin = arena_.size();
        item.key_size = static_cast<uint32_t>(size);
        std::copy_n(raw.begin(), std::min(size, Item::kHead), item.head);
        arena_.append(raw);
        item.entry.folded = timeline_internal::Fold(raw);
        if ((items_.size() + 1) * 2 > table_.size()) Grow();
        return item.entry;
      }
      if (slot.hash == h && SameKey(*slot.item, raw)) return slot.item->entry;
    }
  }
  // Starts fetching the item of the word in the table slot where a look-up of hash `h`
  // begins (that slot should be in cache: Prefetch), if there is one.
  void PrefetchItem(uint64_t h) const {
    if (table_.empty()) return;
    const Item* item = table_[Home(h)].item;
    if (item != nullptr) __builtin_prefetch(item);
  }
  // Starts fetching the table slot where a look-up of hash `h` begins.
  void Prefetch(uint64_t h) const {
    if (!table_.empty()) __builtin_prefetch(&table_[Home(h)]);
  }
  size_t size() const { return items_.size(); }
  void Clear() {
    table_.clear();
    items_.clear();
    arena_.clear();
    tokens_.clear();
    token_index_.clear();
  }
  // The interned token of `text` (entries point to tokens: cleared with them).
  const Token* Intern(std::string text) {
    auto [it, added] = token_index_.try_emplace(std::move(text), nullptr);
    if (added) {
      Token& t = tokens_.emplace_back();
      t.text = it->first;
      for (size_t i = 0; i < 8; ++i) {
        t.key = (t.key << 8) | (i < t.text.size() ? static_cast<unsigned char>(t.text[i]) : 0u);
      }
      it->second = &t;
    }
    return it->second;
  }

 private:
  static constexpr size_t kInitialSlots = 1 << 14;
  struct Item;
  struct Slot {
    uint64_t hash = 0;
    Item* item = nullptr;  // null = empty
  };
  // A look-up that finds its word reads the first cache line of the item: the length, the
  // first code points of the key (most words are whole there) and where the whole key is in
  // arena_ (a longer word reads one more line there, not a second line of the item), then
  // the entry's first fields.
  struct alignas(64) Item {
    static constexpr size_t kHead = 7;
    uint32_t key_size = 0;
    char32_t head[kHead] = {};
    size_t key_begin = 0;  // in arena_
    WordEntry entry;
  };
  // The slot where the look-up of hash `h` begins. REQUIRES: the table is not empty.
  size_t Home(uint64_t h) const { return static_cast<size_t>(h) & (table_.size() - 1); }
  bool SameKey(const Item& item, std::u32string_view raw) const {
    const size_t n = raw.size();
    if (item.key_size != n) return false;
    const size_t head = std::min(n, Item::kHead);
    for (size_t k = 0; k < head; ++k) {
      if (item.head[k] != raw[k]) return false;
    }
    if (n <= Item::kHead) return true;
    const char32_t* key = arena_.data() + item.key_begin;
    for (size_t k = Item::kHead; k < n; ++k) {
      if (key[k] != raw[k]) return false;
    }
    return true;
  }
  void Grow() {
    std::vector<Slot> bigger(table_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& s : table_) {
      if (s.item == nullptr) continue;
      size_t i = static_cast<size_t>(s.hash) & mask;
      while (bigger[i].item != nullptr) i = (i + 1) & mask;
      bigger[i] = s;
    }
    table_.swap(bigger);
  }
  std::vector<Slot> table_;
  std::deque<Item> items_;  // stable addresses: entries are referenced by pointer
  std::u32string arena_;
  std::deque<Token> tokens_;
  std::unordered_map<std::string, const Token*> token_index_;
};

// Buffers reused by every document of a thread (the text's code points, the word slots):
// allocating and zero-filling them per document was a visible share of the map step.
struct ExtractScratch {
  std::u32string text;
  // Code point of the current sentence → the cache entry of the word starting there (saves
  // hashing a word again each time one of the passes looks at it). Indexed from the
  // sentence's start, so the same few kilobytes serve every sentence and stay in cache (a
  // slot per code point of the whole document missed the cache at most words).
  struct Slot {
    int64_t end = -1;
    uint64_t generation = 0;  // the sentence the slot belongs to
    WordEntry* entry = nullptr;
  };
  std::vector<Slot> slots;
  uint64_t generation = 0;
  WordCache words;
  std::vector<Span> sentences;      // of the current document
  std::vector<uint64_t> hashes;     // of the current sentence's words
  std::vector<uint64_t> word_mask;  // of the current sentence (BitMasksAvx512)
  uint64_t token_stamp = 0;         // of the last Tokens() call
};

ExtractScratch& Scratch() {
  thread_local ExtractScratch scratch;
  return scratch;
}

class DocumentExtractor {
 public:
  // `timex_bytes`: the timexes' byte offsets are offsets in doc.text (the tagger's are; hand-
  // made ones may not be), so ByteAt can start from an anchor.
  DocumentExtractor(const Document& doc, const Dct& dct, const ExtractOptions& options,
                    bool timex_bytes, DocumentMentions* out)
      : doc_(doc),
        timex_bytes_(timex_bytes),
        dct_(dct),
        options_(options),
        out_(out),
        lex_(Lexicon::Get()),
        scratch_(Scratch()) {}

  void Run(const std::vector<Timex>& timexes) {
    // One buffer per thread, grown (never shrunk or cleared) as needed.
    if (scratch_.text.size() < doc_.text.size()) scratch_.text.resize(doc_.text.size());
    // Decoded and split into sentences in one pass.
    text_ = std::u32string_view(
        scratch_.text.data(),
        DecodeAndSplitSentences(doc_.text, scratch_.text.data(), &scratch_.sentences));
    const int64_t n = static_cast<int64_t>(text_.size());
    if (scratch_.words.size() > WordCache::kMaxWords) scratch_.words.Clear();
    // Anchors: DATE/TIME values with a calendar position, plus durations governed by منذ.
    for (const Timex& t : timexes) {
      if (t.begin < 0 || t.end > n || t.begin >= t.end) continue;
      all_.push_back(t);
    }
    std::sort(all_.begin(), all_.end(),
              [](const Timex& a, const Timex& b) { return a.begin < b.begin; });
    for (const Span& s : scratch_.sentences) Sentence(s);
  }

 private:
  WordEntry& Entry(const Word& w) const {
    const auto k = static_cast<uint64_t>(w.begin - slot_base_);  // huge if before the base
    if (k < static_cast<uint64_t>(slot_count_)) {
      const ExtractScratch::Slot& slot = scratch_.slots[k];
      if (slot.generation == generation_ && slot.end == w.end) return *slot.entry;
    }
    return LookUp(w);
  }
  // Entry's rare way: a word cut by a region boundary (another end at the same start: the
  // slot keeps the latest) or one outside the current sentence (looked up, no slot).
  [[gnu::noinline]] WordEntry& LookUp(const Word& w) const {
    WordEntry& entry = scratch_.words.Find(text_.substr(w.begin, w.end - w.begin));
    const auto k = static_cast<uint64_t>(w.begin - slot_base_);
    if (k < static_cast<uint64_t>(slot_count_)) scratch_.slots[k] = {w.end, generation_, &entry};
    return entry;
  }
  const std::u32string& Folded(const Word& w) const { return Entry(w).folded; }
  bool Stop(const Word& w) const {
    WordEntry& e = Entry(w);
    if (e.stop < 0) e.stop = lex_.IsStopword(e.folded) ? 1 : 0;
    return e.stop == 1;
  }
  bool Future(const Word& w) const {
    WordEntry& e = Entry(w);
    if (e.future < 0) e.future = lex_.IsFutureMarker(e.folded) ? 1 : 0;
    return e.future == 1;
  }

  // The UTF-8 of text_[b, e): a copy of the document's own bytes (the text is valid UTF-8,
  // so they are what encoding the code points again would give).
  std::string Slice(int64_t b, int64_t e) const {
    const int64_t bb = ByteAt(b);
    return std::string(
        doc_.text.substr(static_cast<size_t>(bb), static_cast<size_t>(ByteAt(e) - bb)));
  }
  // The byte offset in doc_.text of code point `cp`, walked from the last one asked for:
  // slices are asked for in text order, sentence by sentence, so the walks add up to about
  // one pass over the text (forward by counting lead bytes, AdvanceCodePoints; the rare step
  // back by the lengths of the code points stepped over).
  int64_t ByteAt(int64_t cp) const {
    if (cp >= cursor_cp_) {
      cursor_byte_ = static_cast<int64_t>(
          AdvanceCodePoints(doc_.text, static_cast<size_t>(cursor_byte_), cp - cursor_cp_));
    } else {
      for (int64_t i = cp; i < cursor_cp_; ++i) {
        cursor_byte_ -= static_cast<int64_t>(timeline_internal::Utf8Length(text_[i]));
      }
    }
    cursor_cp_ = cp;
    return cursor_byte_;
  }

  // The words of sentence `s` into sentence_words_ (as SplitWordsInto splits them), each
  // looked up in the word cache once, its entry left in its slot: the passes over the
  // sentence then find every word's entry without reading its text again. In two rounds:
  // every word is hashed and its table slot fetched first, then looked up, so the cache
  // misses of a sentence's look-ups overlap instead of following one another.
  void SplitSentenceWords(const Span& s) {
    std::vector<Word>& words = sentence_words_;
    std::vector<uint64_t>& hashes = scratch_.hashes;
    words.clear();
    hashes.clear();
    const char32_t* const text = text_.data();
    WordCache& cache = scratch_.words;
    auto add = [&](int64_t b, int64_t e) {
      const uint64_t h = WordCache::Hash(text + b, static_cast<size_t>(e - b));
      cache.Prefetch(h);
      words.push_back({b, e});
      hashes.push_back(h);
    };
    const WordCharTable& word_chars = WordChars();
#if defined(TARIKH_SCREEN_AVX512)
    if (CpuHasAvx512() && timeline_internal::VectorPathsEnabled()) {
      // The words from the mask's bits: each change between a word character and another
      // one (from "not a word" before the sentence to "not a word" after it) starts or ends
      // a word, in turn.
      const auto n = static_cast<size_t>(s.end - s.begin);
      std::vector<uint64_t>& mask = scratch_.word_mask;
      mask.resize(n / 64 + 1);
      const BitTable* const tables[] = {&word_chars.bits};
      uint64_t* const out[] = {mask.data()};
      BitMasksAvx512(
          tables, [](char32_t c) { return timeline_internal::IsWordChar(c) ? 1u : 0u; },
          text + s.begin, n, out);
      uint64_t carry = 0;  // the last bit of the previous mask word
      int64_t b = 0;
      bool in_word = false;
      for (size_t c = 0; c < mask.size(); ++c) {
        const uint64_t w = mask[c];
        for (uint64_t t = w ^ ((w << 1) | carry); t != 0; t &= t - 1) {
          const int64_t p = s.begin + static_cast<int64_t>(c * 64) + std::countr_zero(t);
          if (in_word) add(b, p);
          b = p;
          in_word = !in_word;
        }
        carry = w >> 63;
      }
    } else
#endif
    {
      int64_t i = s.begin;
      const int64_t end = s.end;
      while (i < end) {
        while (i < end && !word_chars.Is(text[i])) ++i;
        if (i >= end) break;
        const int64_t b = i;
        while (i < end && word_chars.Is(text[i])) ++i;
        add(b, i);
      }
    }
    slot_base_ = s.begin;
    slot_count_ = s.end - s.begin;
    if (scratch_.slots.size() < static_cast<size_t>(slot_count_)) {
      scratch_.slots.resize(static_cast<size_t>(slot_count_));
    }
    generation_ = ++scratch_.generation;
    for (uint64_t h : hashes) cache.PrefetchItem(h);
    for (size_t k = 0; k < words.size(); ++k) {
      const Word& w = words[k];
      WordEntry& entry = cache.Find(
          std::u32string_view(text + w.begin, static_cast<size_t>(w.end - w.begin)), hashes[k]);
      scratch_.slots[static_cast<size_t>(w.begin - slot_base_)] = {w.end, generation_, &entry};
    }
  }

  // False only if sentence `s` holds no event-scope signal (EventSignalFilter).
  bool MayHoldEventSignal(const Span& s) const {
    return EventSignals().MayHold(text_.data(), s.begin, s.end);
  }

  // Signals among `words` (longest phrase first at each position).
  std::vector<SignalHit> FindSignals(const std::vector<Word>& words) const {
    const std::vector<Signal>& all = lex_.signals();
    std::vector<SignalHit> hits;
    for (size_t i = 0; i < words.size(); ++i) {
      // The word's entry is in its slot (SplitSentenceWords); whether a signal can start
      // with it is looked up once per distinct word.
      WordEntry& e = Entry(words[i]);
      if (!e.signals_found) {
        const std::u32string& first = e.folded;
        e.signals_a = lex_.SignalsStartingWith(first);
        if (first.size() > 2 && (first[0] == 0x0648 || first[0] == 0x0641)) {
          e.signals_b = lex_.SignalsStartingWith(lex_.StripConjunction(first));
        }
        e.signals_found = true;
      }
      const std::vector<int>* a = e.signals_a;
      const std::vector<int>* b = e.signals_b;
      if (!a && !b) continue;
      // Candidates in signal order (the two lists merged), as a scan of every signal
      // would meet them.
      size_t ia = 0, ib = 0;
      const size_t na = a ? a->size() : 0, nb = b ? b->size() : 0;
      while (ia < na || ib < nb) {
        int idx;
        if (ib >= nb || (ia < na && (*a)[ia] <= (*b)[ib])) {
          idx = (*a)[ia++];
          if (ib < nb && (*b)[ib] == idx) ++ib;
        } else {
          idx = (*b)[ib++];
        }
        const Signal& s = all[idx];
        if (i + s.words.size() > words.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < s.words.size() && ok; ++k) {
          ok = Folded(words[i + k]) == s.words[k];
        }
        if (!ok) continue;
        if (s.kind != "none") {
          hits.push_back(
              {&s, words[i].begin, words[i + s.words.size() - 1].end, i + s.words.size() - 1});
        }
        i += s.words.size() - 1;
        break;
      }
    }
    return hits;
  }

  // First timex beginning at or after `pos` (all_ is sorted by begin).
  std::vector<Timex>::const_iterator TimexFrom(int64_t pos) const {
    return std::lower_bound(all_.begin(), all_.end(), pos,
                            [](const Timex& t, int64_t p) { return t.begin < p; });
  }

  // Whether a word starts inside a temporal expression: the last one that begins at or
  // before it still runs there. Read from the current sentence's map (CoverSentence).
  bool Covered(const Word& w) const {
    const int64_t k = w.begin - covered_base_;
    if (k >= 0 && k < static_cast<int64_t>(covered_.size())) return covered_[k] != 0;
    auto it = std::upper_bound(all_.begin(), all_.end(), w.begin,
                               [](int64_t p, const Timex& t) { return p < t.begin; });
    if (it == all_.begin()) return false;
    --it;
    return w.begin < it->end;
  }
  // Covered() for every position of sentence `s`, in one pass over its timexes: position p
  // belongs to the last timex (in all_'s order) with begin <= p, so timex i holds
  // [its begin, the next begin) of which it covers up to its end.
  void CoverSentence(const Span& s) {
    covered_base_ = s.begin;
    covered_.assign(static_cast<size_t>(s.end - s.begin), 0);
    auto it = std::upper_bound(all_.begin(), all_.end(), s.begin,
                               [](int64_t p, const Timex& t) { return p < t.begin; });
    if (it != all_.begin()) --it;  // the timex holding s.begin, if any
    for (; it != all_.end() && it->begin < s.end; ++it) {
      const auto next = std::next(it);
      const int64_t hold_end = next == all_.end() ? s.end : std::min(next->begin, s.end);
      const int64_t b = std::max(it->begin, s.begin);
      const int64_t e = std::min(it->end, hold_end);
      for (int64_t p = b; p < e; ++p) covered_[p - s.begin] = 1;
    }
  }

  // Words of text_[b, e), a stretch of the current sentence, as SplitWords would return them:
  // the sentence's words clipped to [b, e). The sentence is split once and every pass
  // (regions, context, headline, tense, cues) takes its words from there; splitting each
  // stretch again was the largest share of the per-sentence passes.
  template <typename F>
  void ForEachWordIn(int64_t b, int64_t e, F&& f) const {
    if (e <= b) return;
    const std::vector<Word>& words = sentence_words_;
    for (size_t i = WordAt(words, b); i < words.size() && words[i].begin < e; ++i) {
      f(Word{std::max(words[i].begin, b), std::min(words[i].end, e)});
    }
  }
  // The same into *out (cleared first): the callers keep one vector each.
  void WordsIn(int64_t b, int64_t e, std::vector<Word>* out) const {
    out->clear();
    ForEachWordIn(b, e, [&](const Word& w) { out->push_back(w); });
  }
  size_t CountWordsIn(int64_t b, int64_t e) const {
    if (e <= b) return 0;
    const std::vector<Word>& words = sentence_words_;
    size_t i = WordAt(words, b), n = 0;
    for (; i < words.size() && words[i].begin < e; ++i) ++n;
    return n;
  }

  void Sentence(const Span& s) {
    // Without a date of its own, a sentence only matters as an undated mention (Undated),
    // which needs an earlier anchor and an event-scope signal: before the document's first
    // anchor it is skipped unsplit, and after it most such sentences hold no such signal and
    // are let go before their words are looked up.
    const auto first = TimexFrom(s.begin);
    const bool has_timex = first != all_.end() && first->begin < s.end;
    if (!has_timex && (last_anchor_offset_ < 0 || !MayHoldEventSignal(s))) return;
    SplitSentenceWords(s);
    CoverSentence(s);
    sentence_utf8_valid_ = false;
    const std::vector<Word>& words = sentence_words_;
    if (words.empty()) return;
    std::vector<SignalHit> signals = FindSignals(words);
    // Anchors of this sentence, with the signal that governs each (if any).
    struct Anchor {
      Timex timex;
      const SignalHit* governed_by = nullptr;
    };
    std::vector<Anchor> anchors;
    for (auto it = TimexFrom(s.begin); it != all_.end() && it->begin < s.end; ++it) {
      const Timex& t = *it;
      const SignalHit* gov = nullptr;
      size_t first_word = WordAt(words, t.begin);
      for (const SignalHit& h : signals) {
        if (h.signal->scope == SignalScope::kTimex && h.end <= t.begin &&
            first_word <= h.last_word + 2) {
          gov = &h;
        }
      }
      if (CanAnchor(t)) {
        anchors.push_back({t, gov});
      } else if (gov && gov->signal->kind == "since") {
        if (auto d = SinceDurationToDate(t, dct_)) anchors.push_back({*d, gov});
      }
    }
    if (anchors.empty()) {
      Undated(s, words, signals);
      return;
    }
    // Regions: the sentence is shared among its anchors, cut at the last clause delimiter
    // between two anchors (else at the first word of the later one).
    std::vector<int64_t> cuts = {s.begin};
    for (size_t i = 0; i + 1 < anchors.size(); ++i) {
      int64_t from = anchors[i].timex.end, to = anchors[i + 1].timex.begin;
      int64_t cut = to;
      for (int64_t p = to - 1; p >= from; --p) {
        if (IsClauseDelimiter(text_[p])) {
          cut = p + 1;
          break;
        }
      }
      cuts.push_back(cut);
    }
    cuts.push_back(s.end);
    for (size_t i = 0; i < anchors.size(); ++i) {
      // Two anchors with the same value and no clause break between them ("في 2014 ... في
      // العام نفسه" within one clause) tell one event: the later one is dropped.
      if (i > 0 && anchors[i].timex.value == anchors[i - 1].timex.value &&
          cuts[i] == anchors[i].timex.begin) {
        continue;
      }
      // The headline may borrow clauses beyond the region, but never another anchor's date.
      Span limit{i > 0 ? anchors[i - 1].timex.end : s.begin,
                 i + 1 < anchors.size() ? anchors[i + 1].timex.begin : s.end};
      Region(s, {cuts[i], cuts[i + 1]}, limit, anchors[i].timex, anchors[i].governed_by, signals);
    }
  }

  // Words of the region that carry content (not dates, not function words).
  std::vector<Word> ContentWords(const std::vector<Word>& words) const {
    std::vector<Word> out;
    for (const Word& w : words) AddIfContent(w, &out);
    return out;
  }
  // The same for the words of text_[b, e) (WordsIn) into *out (cleared first), without
  // building that list first.
  void ContentWordsIn(int64_t b, int64_t e, std::vector<Word>* out) const {
    out->clear();
    ForEachWordIn(b, e, [&](const Word& w) { AddIfContent(w, out); });
  }
  size_t CountContentWordsIn(int64_t b, int64_t e) const {
    size_t n = 0;
    ForEachWordIn(b, e, [&](const Word& w) { n += IsContent(w); });
    return n;
  }
  bool IsContent(const Word& w) const {
    if (Covered(w)) return false;
    WordEntry& e = Entry(w);
    if (e.content < 0) {
      const std::u32string& f = e.folded;
      bool digits =
          std::all_of(f.begin(), f.end(), [](char32_t c) { return c < 0x80; }) &&
          std::all_of(f.begin(), f.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
      e.content = digits || Stop(w) ? 0 : 1;
    }
    return e.content == 1;
  }
  void AddIfContent(const Word& w, std::vector<Word>* out) const {
    if (IsContent(w)) out->push_back(w);
  }

  std::vector<std::string> Tokens(const std::vector<Word>& content) const {
    // Sorted and deduplicated through the interned tokens (TokenLess; equal texts are one
    // object): a copy is made only of each distinct token, not of every occurrence.
    std::vector<KeyedToken>& tokens = token_ptrs_;
    tokens.clear();
    // Each distinct token is taken once (its stamp says it is in already), so only the
    // distinct ones are sorted.
    const uint64_t stamp = ++scratch_.token_stamp;
    auto take = [&](const KeyedToken& t) {
      if (t.token && t.token->seen != stamp) {
        t.token->seen = stamp;
        tokens.push_back(t);
      }
    };
    auto keyed = [](const Token* t) { return KeyedToken{t->key, t}; };
    for (const Word& w : content) {
      WordEntry& e = Entry(w);
      if (!e.stemmed) {
        std::u32string stem = lex_.Stem(e.folded);
        if (stem.size() >= 2) e.token = keyed(scratch_.words.Intern(EncodeUtf8(stem)));
        std::string concept_class = lex_.Concept(stem);
        if (!concept_class.empty()) {
          e.concept_token = keyed(scratch_.words.Intern("#" + concept_class));
        }
        e.stemmed = true;
      }
      take(e.token);
      take(e.concept_token);
    }
    std::sort(tokens.begin(), tokens.end(), TokenLess);
    std::vector<std::string> out;
    out.reserve(tokens.size());
    for (const KeyedToken& t : tokens) out.push_back(t.token->text);
    return out;
  }

  bool IsFunctionWord(const Word& w) const { return Covered(w) || Stop(w); }

  // A contiguous stretch of the region around its main verb, cut at word boundaries. Arabic
  // news clauses are mostly verb-initial, so the clause's first content word stands for the
  // verb: a fronted date ("وفي أكتوبر الماضي، تعاونت …") is skipped, and a clause that starts
  // with a function word ("على خلفية …") borrows the clause before it.
  Span Headline(const Span& region, const Timex& anchor) const {
    std::vector<Word>& words = headline_words_;
    WordsIn(region.begin, region.end, &words);
    // Clause fragments as word index ranges.
    std::vector<std::pair<size_t, size_t>>& frags = headline_frags_;
    frags.clear();
    size_t start = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      bool last = i + 1 == words.size();
      bool delim = false;
      // Mostly one space between two words: no delimiter.
      if (!last && !(words[i + 1].begin == words[i].end + 1 && text_[words[i].end] == U' ')) {
        for (int64_t p = words[i].end; p < words[i + 1].begin; ++p)
          delim |= IsClauseDelimiter(text_[p]);
      }
      if (last || delim) {
        frags.push_back({start, i + 1});
        start = i + 1;
      }
    }
    size_t anchor_word = WordAt(words, anchor.begin);
    size_t k = 0;
    while (k + 1 < frags.size() && frags[k].second <= anchor_word) ++k;
    size_t lo = k, hi = k;
    const size_t max_words = static_cast<size_t>(std::max(1, options_.max_headline_words));
    auto count = [&](size_t a, size_t b) { return frags[b].second - frags[a].first; };
    size_t first = frags[k].first;
    // Fronted date: function words, then the anchor, then at least two more words.
    size_t after_anchor = WordAt(words, anchor.end);
    bool fronted = true;
    for (size_t i = frags[k].first; i < anchor_word; ++i) fronted &= IsFunctionWord(words[i]);
    if (fronted && anchor_word >= frags[k].first && after_anchor + 2 <= frags[k].second) {
      first = after_anchor;
      while (first < frags[k].second && Covered(words[first])) ++first;
    } else if (fronted && after_anchor >= frags[k].second && k + 1 < frags.size() &&
               frags[k + 1].second - frags[k + 1].first >= 3 &&
               !IsFunctionWord(words[frags[k + 1].first])) {
      // "وفي أكتوبر الماضي، تعاونت …": the date is a clause of its own; start at the next.
      lo = hi = k + 1;
      first = frags[k + 1].first;
    } else {
      for (int step = 0; step < 3; ++step) {
        // Weak start: a function word, a short apposition ("إياد علاوي،"), or too few words.
        bool weak = IsFunctionWord(words[frags[lo].first]) || count(lo, hi) < 4 ||
                    (lo < k && count(lo, lo) < 3);
        if (!weak) break;
        if (lo > 0 && count(lo - 1, hi) <= max_words) {
          --lo;
        } else if (hi + 1 < frags.size() && count(lo, hi + 1) <= max_words) {
          ++hi;
        } else {
          break;
        }
      }
      first = frags[lo].first;
    }
    size_t last = std::min(frags[hi].second, first + max_words);
    if (first >= last) {
      first = frags[lo].first;
      last = std::min(frags[hi].second, first + max_words);
    }
    // A cut inside the date itself ("منذ عام") takes the rest of the date along.
    if (last > anchor_word && last < after_anchor && after_anchor <= frags[hi].second) {
      last = after_anchor;
    }
    Span h{words[first].begin, words[last - 1].end};
    // Keep quotes balanced: take a closing quote that follows the last word.
    // The quote characters of the headline, counted in one pass (a closing quote taken
    // below belongs to its own pair only, so the counts stay right for the later pairs).
    static constexpr char32_t kQuotes[] = {U'"', 0x201C, 0x201D, 0x00AB, 0x00BB, U'(', U')'};
    int64_t counts[std::size(kQuotes)] = {};
    for (int64_t p = h.begin; p < h.end; ++p) {
      const char32_t c = text_[p];
      if (c < 0x80 ? (c < U'"' || c > U')') : (c != 0xAB && c != 0xBB && (c | 1) != 0x201D)) {
        continue;
      }
      for (size_t q = 0; q < std::size(kQuotes); ++q) counts[q] += c == kQuotes[q];
    }
    auto count_of = [&](char32_t c) {
      return counts[std::find(std::begin(kQuotes), std::end(kQuotes), c) - std::begin(kQuotes)];
    };
    for (auto [open, close] : {std::pair<char32_t, char32_t>{U'"', U'"'},
                               {0x201C, 0x201D},
                               {0x00AB, 0x00BB},
                               {U'(', U')'}}) {
      bool unbalanced = open == close ? count_of(open) % 2 == 1 : count_of(open) > count_of(close);
      if (unbalanced && h.end < region.end && text_[h.end] == close) ++h.end;
    }
    return h;
  }

  int Tense(const Span& headline, const Timex& anchor) const {
    bool future = false;
    ForEachWordIn(headline.begin, headline.end,
                  [&](const Word& w) { future = future || (!Covered(w) && Future(w)); });
    if (future) return 1;
    DayInterval win = timeline_internal::ModWindow(anchor);
    if (win.end != DayInterval::kPlusInfinity && win.end <= DayNumber(dct_)) return -1;
    return 0;
  }

  void AddEventCue(EventMention* m, const SignalHit& h) {
    if (last_anchor_offset_ < 0) return;
    EventMention::Cue cue;
    cue.signal = h.signal->kind == "then" ? "after" : h.signal->kind;
    cue.ref_offset = last_anchor_offset_;
    m->cues.push_back(cue);
  }

  void Region(const Span& sentence, const Span& region, const Span& limit, const Timex& anchor,
              const SignalHit* governed_by, const std::vector<SignalHit>& signals) {
    if (static_cast<int>(CountContentWordsIn(region.begin, region.end)) <
        options_.min_content_words) {
      return;
    }
    // Merging tokens come from everything between the neighbouring dates (the region plus
    // the clauses it shares with them): more context, and robust to where the cut fell.
    std::vector<Word>& context = content_words_;
    ContentWordsIn(limit.begin, limit.end, &context);
    EventMention m;
    m.doc_id = doc_.id;
    m.dct = dct_;
    m.timex = anchor;
    if (timex_bytes_ && anchor.byte_end > anchor.byte_begin) {
      cursor_cp_ = anchor.begin;  // ByteAt walks from here, not from the last slice
      cursor_byte_ = anchor.byte_begin;
    }
    m.timex_text = Slice(anchor.begin, anchor.end);
    Span h = Headline(limit, anchor);
    m.headline = Slice(h.begin, h.end);
    // Every mention of a sentence carries its text: encoded once.
    if (!sentence_utf8_valid_) {
      sentence_utf8_ = Slice(sentence.begin, sentence.end);
      sentence_utf8_valid_ = true;
    }
    m.sentence = sentence_utf8_;
    m.sentence_begin = sentence.begin;
    m.sentence_end = sentence.end;
    m.tokens = Tokens(context);
    m.tense = Tense(h, anchor);
    for (const SignalHit& sh : signals) {
      if (sh.begin < region.begin || sh.end > region.end) continue;
      if (sh.signal->scope == SignalScope::kEvent) {
        // Only a signal before the anchor places this clause after (or before) the previous
        // event; one after it speaks about a later part of the same clause.
        if (sh.end <= anchor.begin) AddEventCue(&m, sh);
        continue;
      }
      // A timex-scope signal: the governed expression, if it is the anchor or another date.
      for (auto it = TimexFrom(sh.end); it != all_.end() && it->begin < region.end; ++it) {
        const Timex& t = *it;
        if (CountWordsIn(sh.end, t.begin) > 1) break;
        const Timex& g = (&sh == governed_by) ? anchor : t;
        if (!CanAnchor(g)) break;
        EventMention::Cue cue;
        cue.signal = sh.signal->kind;
        cue.value = g.value;
        cue.interval = g.interval;
        m.cues.push_back(cue);
        break;
      }
    }
    m.confidence = anchor.temporal_function ? 0.75 : 0.9;
    if (CountWordsIn(h.begin, h.end) < 4) m.confidence -= 0.1;
    last_anchor_offset_ = anchor.begin;
    out_->mentions.push_back(std::move(m));
  }

  // A sentence with no date of its own but an ordering signal about the previous event
  // ("تراجع لاحقا") is placed relative to it.
  void Undated(const Span& s, const std::vector<Word>& words,
               const std::vector<SignalHit>& signals) {
    if (last_anchor_offset_ < 0) return;
    const SignalHit* hit = nullptr;
    for (const SignalHit& h : signals) {
      if (h.signal->scope == SignalScope::kEvent) {
        hit = &h;
        break;
      }
    }
    if (!hit) return;
    std::vector<Word> content = ContentWords(words);
    if (static_cast<int>(content.size()) < options_.min_content_words) return;
    // "ستتيح لاحقا" speaks of a vague future, not of a next step in the story.
    for (const Word& w : words) {
      if (Future(w)) return;
    }
    EventMention m;
    m.doc_id = doc_.id;
    m.dct = dct_;
    m.timex.begin = hit->begin;
    m.timex.end = hit->end;
    m.timex.type = TimexType::kDate;
    m.timex_text = Slice(hit->begin, hit->end);
    Timex fake;  // headline around the signal
    fake.begin = hit->begin;
    fake.end = hit->end;
    Span h = Headline(s, fake);
    m.headline = Slice(h.begin, h.end);
    m.sentence = Slice(s.begin, s.end);
    m.sentence_begin = s.begin;
    m.sentence_end = s.end;
    m.tokens = Tokens(content);
    m.tense = 0;
    ForEachWordIn(h.begin, h.end, [&](const Word& w) {
      if (Future(w)) m.tense = 1;
    });
    AddEventCue(&m, *hit);
    m.confidence = 0.5;
    // Chains of undated clauses stay tied to the last dated one, not to each other, so one
    // misread signal cannot drag a whole paragraph.
    out_->mentions.push_back(std::move(m));
  }

  const Document& doc_;
  const bool timex_bytes_;
  Dct dct_;
  const ExtractOptions& options_;
  DocumentMentions* out_;
  const Lexicon& lex_;
  ExtractScratch& scratch_;
  uint64_t generation_ = 0;   // of the current sentence's slots (SplitSentenceWords)
  int64_t slot_base_ = 0;     // the current sentence's first code point
  int64_t slot_count_ = 0;    // and its length: the slots in use
  std::u32string_view text_;  // the document's code points, in scratch_.text
  std::vector<Timex> all_;
  std::vector<Word> sentence_words_;  // of the sentence being processed
  std::vector<uint8_t> covered_;      // Covered() of its positions (CoverSentence)
  // Per-region scratch, reused (one allocation per thread instead of several per region).
  mutable std::vector<Word> headline_words_;
  mutable std::vector<std::pair<size_t, size_t>> headline_frags_;
  std::vector<Word> content_words_;
  int64_t covered_base_ = 0;       // its first position
  std::string sentence_utf8_;      // its text, once a mention needs it
  mutable int64_t cursor_cp_ = 0;  // ByteAt's last answer: code point and byte offsets
  mutable int64_t cursor_byte_ = 0;
  bool sentence_utf8_valid_ = false;
  mutable std::vector<KeyedToken> token_ptrs_;  // Tokens' scratch
  int64_t last_anchor_offset_ = -1;
};

Status CheckText(std::string_view text, bool known_utf8 = false) {
  if (int64_t nul = FindNul(text); nul >= 0) {
    return Status::InvalidUtf8("binary data: NUL byte", Location{nul, -1, -1});
  }
  return known_utf8 ? Status::Ok() : ValidateUtf8(text);
}

// The dateline sits in the first lines: InferDct looks at most at the first 8 lines /
// 2000 bytes (cut at a character boundary). Returns the length of that head in bytes.
size_t DatelineHeadSize(std::string_view text) {
  size_t limit = std::min<size_t>(text.size(), 2000);
  size_t from = 0;
  for (int lines = 0; lines < 8; ++lines) {  // just past the 8th line break, if it comes first
    const void* nl = std::memchr(text.data() + from, '\n', limit - from);
    if (nl == nullptr) break;
    from = static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    if (lines == 7) limit = from;
  }
  while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) {
    ++limit;
  }
  return limit;
}

// Bytes tagged beyond the head so that a date crossing its end is read whole.
constexpr size_t kDatelineContext = 256;

// A dateline candidate: a fully specified, non-relative calendar day.
bool IsDatelineDate(const Timex& t) {
  return !t.temporal_function && t.type == TimexType::kDate && t.granularity == Granularity::kDay &&
         t.interval.bounded();
}

// The InferredDct that the date `t` of `head` gives (`t` starts in `head`; it may end past it).
InferredDct DatelineGuess(std::string_view text, size_t head, const Timex& t) {
  InferredDct out;
  int y, mo, d;
  CivilFromDayNumber(t.interval.begin, &y, &mo, &d);
  out.dct = Dct{y, mo, d};
  out.offset = t.begin;
  // A date alone on its line (a dateline) is a better guess than one inside a sentence. Only
  // that line (cut at the head's end) is decoded.
  const size_t limit = std::max(head, static_cast<size_t>(t.byte_end));
  auto break_at = [&](size_t i) {  // the line break ending at byte i - 1, if any
    const unsigned char c = static_cast<unsigned char>(text[i - 1]);
    return c == '\n' || c == '\r' ||
           ((c == 0xA8 || c == 0xA9) && i >= 3 && text.substr(i - 3, 2) == "\xE2\x80");
  };
  size_t lb = static_cast<size_t>(t.byte_begin);
  while (lb > 0 && !break_at(lb)) --lb;
  const std::u32string line = DecodeUtf8(text.substr(lb, limit - lb));
  const int64_t n = static_cast<int64_t>(line.size());
  const int64_t begin = t.begin - CountCodePoints(text.substr(0, lb));
  const int64_t end = begin + (t.end - t.begin);
  int64_t le = end;
  while (le < n && !IsLineBreak(line[le])) ++le;
  int other_words =
      static_cast<int>(SplitWords(line, 0, begin).size() + SplitWords(line, end, le).size());
  out.confidence = other_words <= 2 ? 0.6 : 0.4;
  return out;
}

// The dateline among `timexes` (tagged from the start of `text`, in text order): the first
// dateline date that starts within the head (it may run past the head's end).
Result<InferredDct> FindDateline(std::string_view text, const std::vector<Timex>& timexes) {
  const int64_t head = static_cast<int64_t>(DatelineHeadSize(text));
  for (const Timex& t : timexes) {
    if (t.byte_begin >= head) break;
    if (!IsDatelineDate(t) || t.byte_end > static_cast<int64_t>(text.size())) continue;
    return DatelineGuess(text, static_cast<size_t>(head), t);
  }
  return Status::NotFound("no dateline found in the first lines");
}

// InferDct on text already checked by CheckText (ExtractMentions validates once, not per
// step: validation was a visible share of the map step).
Result<InferredDct> InferDctChecked(std::string_view text, const Tagger& tagger) {
  // The head plus some context: a date that runs past the head's end must be read whole,
  // not cut ("12 يونيو 2011" cut after "201" is no year-201 dateline).
  size_t tagged = std::min(text.size(), DatelineHeadSize(text) + kDatelineContext);
  while (tagged < text.size() && (static_cast<unsigned char>(text[tagged]) & 0xC0) == 0x80) {
    ++tagged;
  }
  // Absolute dates do not depend on the DCT; relative ones are skipped (IsDatelineDate).
  auto timexes = tagger.Tag(text.substr(0, tagged), Dct{2000, 1, 1});
  if (!timexes.ok()) return timexes.status();
  return FindDateline(text, *timexes);
}

// `dct`: the document's own or the inferred one (the document is not copied to set it).
Result<DocumentMentions> ExtractMentionsChecked(const Document& doc, const Dct& dct,
                                                const std::vector<Timex>& timexes,
                                                const ExtractOptions& options, bool timex_bytes) {
  DocumentMentions out;
  out.info.id = doc.id;
  out.info.source = doc.source;
  out.info.title = doc.title;
  out.info.url = doc.url;
  out.info.dct = dct;
  out.info.timex_count = static_cast<int>(timexes.size());
  try {
    DocumentExtractor(doc, dct, options, timex_bytes, &out).Run(timexes);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("extracting mentions: ") + e.what());
  }
  out.info.mention_count = static_cast<int>(out.mentions.size());
  if (out.mentions.empty()) {
    out.warnings.push_back({doc.id, -1,
                            timexes.empty() ? "no temporal expressions: the document adds no event"
                                            : "no dated event clause: the document adds no event"});
  }
  return out;
}

}  // namespace

Result<InferredDct> InferDct(std::string_view text, const Tagger& tagger) {
  TARIKH_RETURN_IF_ERROR(CheckText(text));
  return InferDctChecked(text, tagger);
}

Result<DocumentMentions> ExtractMentionsFromTimexes(const Document& doc,
                                                    const std::vector<Timex>& timexes,
                                                    const ExtractOptions& options) {
  if (!doc.dct) return Status::InvalidArgument("document " + doc.id + " has no DCT");
  TARIKH_RETURN_IF_ERROR(CheckText(doc.text, options.text_is_valid_utf8));
  return ExtractMentionsChecked(doc, *doc.dct, timexes, options, /*timex_bytes=*/false);
}

Result<DocumentMentions> ExtractMentions(const Document& doc, const Tagger& tagger,
                                         const ExtractOptions& options,
                                         std::vector<Timex>* timexes_out) {
  TARIKH_RETURN_IF_ERROR(CheckText(doc.text, options.text_is_valid_utf8));
  std::optional<Dct> dct = doc.dct;
  std::optional<InferredDct> inferred;
  if (!dct) {
    auto guess = InferDctChecked(doc.text, tagger);
    if (!guess.ok()) {
      return Status::InvalidArgument("no DCT given and none found in the text (" +
                                     guess.status().message() + ")");
    }
    inferred = *guess;
    dct = guess->dct;
  }
  auto timexes = tagger.Tag(doc.text, *dct);
  if (!timexes.ok()) return timexes.status();
  auto out = ExtractMentionsChecked(doc, *dct, *timexes, options, /*timex_bytes=*/true);
  if (!out.ok()) return out;
  if (inferred) {
    out->info.dct_inferred = true;
    out->info.dct_confidence = inferred->confidence;
    out->warnings.push_back({doc.id, inferred->offset,
                             "no DCT given; inferred " + FormatDct(inferred->dct) +
                                 " from the dateline (confidence " +
                                 std::to_string(inferred->confidence).substr(0, 3) + ")"});
  } else {
    // A page date at the top that disagrees with the given DCT is reported, never used.
    // Taken from the whole text's timexes: a dateline date is absolute (IsDatelineDate: not a
    // temporal function), so the DCT it was tagged with does not change it, and tagging the
    // head again under InferDct's fixed DCT cost ~5 % of extract.
    auto guess = FindDateline(doc.text, *timexes);
    if (guess.ok()) {
      int64_t gap = DayNumber(guess->dct) - DayNumber(*doc.dct);
      if (gap > 31 || gap < -31) {
        out->warnings.push_back({doc.id, guess->offset,
                                 "date line " + FormatDct(guess->dct) + " differs from the DCT " +
                                     FormatDct(*doc.dct) + "; kept the DCT (page date?)"});
      }
    }
  }
  if (timexes_out) *timexes_out = std::move(*timexes);
  return out;
}

}  // namespace tarikh
