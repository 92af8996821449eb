// SPDX-License-Identifier: MIT
#include "lexicon.h"

#include <algorithm>
#include <charconv>
#include <deque>

#include "text_fold.h"

namespace tarikh::internal {

Lexicon::Lexicon() {
  struct Pending {
    std::vector<std::string> words;
    const lex::Row* row;
  };
  std::vector<Pending> pending;
  pending.reserve(lex::kRowCount);
  FoldedText ft;
  for (const lex::Row& row : lex::kRows) {
    Pending p{{}, &row};
    if (!FoldAndTokenize(row.surface, 0, &ft).ok()) continue;
    for (const Tok& t : ft.tokens) p.words.emplace_back(t.full);
    if (!p.words.empty()) pending.push_back(std::move(p));
  }
  // Group by first word; within a group, longer entries first (longest match wins).
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    if (a.words[0] != b.words[0]) return a.words[0] < b.words[0];
    return a.words.size() > b.words.size();
  });
  size_t total_words = 0;
  for (const Pending& p : pending) total_words += p.words.size();
  pool_.reserve(total_words);
  words_.reserve(total_words);
  entries_.reserve(pending.size());
  for (const Pending& p : pending) {
    LexEntry e;
    e.cls = p.row->cls;
    e.value = p.row->value;
    e.attr = p.row->attr;
    int v = 0;
    const char* end = e.value.data() + e.value.size();
    if (std::from_chars(e.value.data(), end, v).ptr == end) e.ival = v;
    e.nwords = static_cast<uint16_t>(p.words.size());
    e.words = static_cast<uint32_t>(words_.size());
    e.row = p.row;
    for (const std::string& w : p.words) {
      pool_.push_back(w);
      words_.push_back(pool_.back());
    }
    if (groups_.empty() || groups_.back().key != words_[e.words]) {
      LexGroup g;
      g.key = words_[e.words];
      g.first = static_cast<uint32_t>(entries_.size());
      groups_.push_back(g);
    }
    LexGroup& g = groups_.back();
    ++g.count;
    g.any_mask |= Bit(e.cls);
    if (e.nwords == 1) {
      g.single_mask |= Bit(e.cls);
    } else {
      g.has_multi = true;
    }
    entries_.push_back(e);
  }
  size_t cap = 16;
  while (cap < groups_.size() * 3) cap <<= 1;
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  for (uint32_t gi = 0; gi < groups_.size(); ++gi) {
    const uint64_t h = Hash(groups_[gi].key);
    uint64_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (static_cast<uint32_t>(h >> 52) << kIndexBits) | (gi + 1);
    max_key_ = std::max(max_key_, groups_[gi].key.size());
    const uint32_t k = FilterKey(groups_[gi].key);
    filter_[k >> 6] |= uint64_t{1} << (k & 63);
  }
}

}  // namespace tarikh::internal
