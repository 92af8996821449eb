// SPDX-License-Identifier: MIT
// Internal: the compiled-in lexicon (core/data/*.tsv) as a hash table of folded words.
//
// Every row's surface is folded with FoldString at start-up and split into tokens; entries are
// grouped by their first token so a text token costs one hash probe. Multi-word entries
// ("كانون الثاني", "في الوقت الحالي") are matched token by token from their group.
#ifndef TARIKH_CORE_LEXICON_H_
#define TARIKH_CORE_LEXICON_H_

#include <cstdint>
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
  bool has_multi = false;
};

inline constexpr uint64_t Bit(Cls c) { return uint64_t{1} << static_cast<int>(c); }

class Lexicon {
 public:
  // Builds the tables from lex::kRows. Never fails for rows the generator accepted.
  Lexicon();

  // The group of entries whose first folded token equals `word`, or nullptr.
  const LexGroup* Find(std::string_view word) const;
  std::span<const LexEntry> Entries(const LexGroup& g) const {
    return {entries_.data() + g.first, g.count};
  }
  std::string_view Word(const LexEntry& e, int k) const { return words_[e.words + k]; }
  size_t size() const { return entries_.size(); }

 private:
  static uint64_t Hash(std::string_view s);
  std::vector<std::string> pool_;        // folded tokens (stable storage)
  std::vector<std::string_view> words_;  // per entry, its tokens
  std::vector<LexEntry> entries_;
  std::vector<LexGroup> groups_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  uint64_t mask_ = 0;
};

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_LEXICON_H_
