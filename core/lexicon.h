// SPDX-License-Identifier: MIT
// Internal: the compiled-in lexicon (core/data/*.tsv) as a hash table of folded words.
//
// Every row's surface is folded with FoldString at start-up and split into tokens; entries are
// grouped by their first token so a text token costs one hash probe. Multi-word entries
// ("كانون الثاني", "في الوقت الحالي") are matched token by token from their group.
#ifndef TARIKH_CORE_LEXICON_H_
#define TARIKH_CORE_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh_lexicon_data.h"

namespace tarikh::internal {

using lex::Cls;

struct LexEntry {
  Cls cls;
  int32_t ival = 0;        // numeric value (months, numbers, offsets), 0 otherwise
  std::string_view value;  // the value column as written
  std::string_view attr;   // the attr column
  uint16_t nwords = 1;     // tokens in the folded surface
  uint32_t words = 0;      // index of the first token string in Lexicon::words_
  const lex::Row* row = nullptr;
};

struct LexGroup {
  std::string_view key;
  uint32_t first = 0;  // index into entries_
  uint32_t count = 0;
  uint64_t single_mask = 0;  // classes of one-word entries (bit = Cls)
  uint64_t any_mask = 0;     // classes of all its entries, one or more words
  bool has_multi = false;
};

inline constexpr uint64_t Bit(Cls c) { return uint64_t{1} << static_cast<int>(c); }

class Lexicon {
 public:
  // Builds the tables from lex::kRows. Never fails for rows the generator accepted.
  Lexicon();

  // The group of entries whose first folded token equals `word`, or nullptr. One probe of
  // an open-addressing table, rarely two; a miss seldom touches a key (the slot carries a
  // few bits of the hash).
  //
  // Most words of a text are not in the lexicon: a bit table keyed by the word's length and
  // three of its bytes turns almost all of them away before the hash is computed.
  const LexGroup* Find(std::string_view word) const {
    if (word.size() - 1 >= max_key_) return nullptr;  // also rejects the empty word
    const uint32_t k = FilterKey(word);
    if (!((filter_[k >> 6] >> (k & 63)) & 1)) return nullptr;
    const uint64_t h = Hash(word);
    const uint32_t tag = static_cast<uint32_t>(h >> 52) << kIndexBits;
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint32_t s = slots_[i];
      if (s == 0) return nullptr;
      if ((s & ~kIndexMask) == tag) {
        const LexGroup& g = groups_[(s & kIndexMask) - 1];
        if (g.key.size() == word.size() && SameBytes(g.key.data(), word.data(), word.size())) {
          return &g;
        }
      }
    }
  }
  std::span<const LexEntry> Entries(const LexGroup& g) const {
    return {entries_.data() + g.first, g.count};
  }
  std::string_view Word(const LexEntry& e, int k) const { return words_[e.words + k]; }
  size_t size() const { return entries_.size(); }

 private:
  // A slot: group index + 1 in the low kIndexBits bits (0 = empty), hash tag above.
  static constexpr int kIndexBits = 20;
  static constexpr uint32_t kIndexMask = (uint32_t{1} << kIndexBits) - 1;
  static_assert(lex::kRowCount < static_cast<int>(kIndexMask), "too many lexicon rows");

  // Hash of a folded word from its first and last eight bytes and its length (Arabic letters
  // take two bytes, so words up to eight letters are read whole; longer ones rarely share
  // both ends, and the key comparison settles it anyway). A few instructions per word where
  // a byte-by-byte hash costs one multiply per byte.
  static uint64_t Hash(std::string_view s) {
    const size_t n = s.size();
    const char* p = s.data();
    uint64_t a = 0, b = 0;
    if (n >= 8) {
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t x, y;
      std::memcpy(&x, p, 4);
      std::memcpy(&y, p + n - 4, 4);
      a = x;
      b = y;
    } else if (n > 0) {
      a = static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[n / 2]) << 8) |
          (static_cast<unsigned char>(p[n - 1]) << 16);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ n;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 29);
  }
  // a == b for two non-empty strings of n bytes, without a library call: eight bytes per
  // step and an overlapping last step (a few steps for a word; memcmp's call costs more).
  static bool SameBytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      for (size_t k = 0; k + 8 < n; k += 8) {
        uint64_t x, y;
        std::memcpy(&x, a + k, 8);
        std::memcpy(&y, b + k, 8);
        if (x != y) return false;
      }
      uint64_t x, y;
      std::memcpy(&x, a + n - 8, 8);
      std::memcpy(&y, b + n - 8, 8);
      return x == y;
    }
    if (n >= 4) {
      uint32_t x, y, u, v;
      std::memcpy(&x, a, 4);
      std::memcpy(&y, b, 4);
      std::memcpy(&u, a + n - 4, 4);
      std::memcpy(&v, b + n - 4, 4);
      return x == y && u == v;
    }
    for (size_t k = 0; k < n; ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  // The filter key of a non-empty word: its length and its last eight bytes (four Arabic
  // letters: words that start alike, as all ال- words do, still get different keys), or for a
  // word of four to seven bytes its last four and four from its middle, mixed by a multiply
  // into kFilterBits bits. One load for the long words, which are most of a text; it also
  // turns away a few more words than the middle-and-end key did.
  static constexpr int kFilterBits = 15;
  static uint32_t FilterKey(std::string_view s) {
    const size_t n = s.size();
    const char* p = s.data();
    uint64_t x;
    if (n >= 8) {
      std::memcpy(&x, p + n - 8, 8);
      x ^= n;
    } else if (n >= 4) {
      uint32_t mid, last;
      std::memcpy(&mid, p + n / 2 - 2, 4);
      std::memcpy(&last, p + n - 4, 4);
      x = ((uint64_t{mid} << 32) | last) ^ n;
    } else {
      x = static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[n - 1])} << 8) |
          (uint64_t{n} << 16);
    }
    return static_cast<uint32_t>((x * 0x9E3779B97F4A7C15ULL) >> (64 - kFilterBits));
  }
  uint64_t filter_[(1u << kFilterBits) / 64] = {};  // bit FilterKey(key) of every group key
  size_t max_key_ = 0;                              // longest group key in bytes
  std::vector<std::string> pool_;                   // folded tokens (stable storage)
  std::vector<std::string_view> words_;             // per entry, its tokens
  std::vector<LexEntry> entries_;
  std::vector<LexGroup> groups_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  uint64_t mask_ = 0;
};

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_LEXICON_H_
