// SPDX-License-Identifier: MIT
// Private to timeline/: code-point text, words, Arabic folding and light stemming for the
// merging tokens, and the word lists compiled in from data/*.tsv.
#ifndef TARIKH_TIMELINE_TEXT_H_
#define TARIKH_TIMELINE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tarikh::timeline_internal {

// Defined in the generated timeline_data.cc: the text of data/<name>, empty if unknown.
std::string_view TimelineDataFile(std::string_view name);

// REQUIRES: valid UTF-8 (callers validate first).
std::u32string DecodeUtf8(std::string_view text);
// The same into out[0, text.size()) (room for one code point per byte); returns the number
// of code points written. Lets a caller reuse one buffer for every document instead of
// allocating and zero-filling a new one each time.
size_t DecodeUtf8To(std::string_view text, char32_t* out);
std::string EncodeUtf8(std::u32string_view text);
// The number of bytes of code point `c` in UTF-8.
inline size_t Utf8Length(char32_t c) {
  return 1 + static_cast<size_t>(c >= 0x80) + static_cast<size_t>(c >= 0x800) +
         static_cast<size_t>(c >= 0x10000);
}

// The sequence of 2 to 4 bytes that starts at p (p < end), decoded into *out; returns its
// length. The decoders' slow path (their inline loops take ASCII and Arabic first), shared
// so they agree on every input: a lead byte's length is taken at face value and cut at
// `end` (a truncated sequence), and a stray byte (a continuation or 0xF8–0xFF) reads as
// the lead of a four-byte sequence. Never reads at or past `end`.
inline size_t DecodeUtf8Sequence(const unsigned char* p, const unsigned char* end, char32_t* out) {
  const unsigned char c = *p;
  size_t len;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    cp = c & 0x1F;
    len = 2;
  } else if ((c & 0xF0) == 0xE0) {
    cp = c & 0x0F;
    len = 3;
  } else {
    cp = c & 0x07;
    len = 4;
  }
  if (len > static_cast<size_t>(end - p)) len = end - p;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
  *out = cp;
  return len;
}

// The byte offset in `text` (valid UTF-8) of the code point `n` code points after the one
// starting at byte `from`; text.size() if the text ends first. Counts lead bytes 16 at a
// time, so a long walk costs a fraction of decoding the same bytes.
size_t AdvanceCodePoints(std::string_view text, size_t from, int64_t n);

bool IsWordChar(char32_t c);
// Ends a clause inside a sentence: Arabic and Latin commas, semicolons, colons, dashes.
bool IsClauseDelimiter(char32_t c);

// A word: a maximal run of word characters, [begin, end) in code points.
struct Word {
  int64_t begin = 0;
  int64_t end = 0;
};
// Words of text[begin, end).
std::vector<Word> SplitWords(std::u32string_view text, int64_t begin, int64_t end);
// The same into *words (cleared first), so one vector can serve every sentence.
void SplitWordsInto(std::u32string_view text, int64_t begin, int64_t end, std::vector<Word>* words);

// Folds a word for comparison: harakat, tatweel and the dagger alef removed, أ إ آ ٱ → ا,
// ى → ي, ة → ه, ؤ → و, ئ → ي, Arabic-Indic digits → ASCII.
std::u32string Fold(std::u32string_view word);
// Fold of one code point; 0 for the ones Fold drops (harakat, tatweel, dagger alef).
char32_t FoldChar(char32_t c);

enum class SignalScope { kTimex, kEvent };
struct Signal {
  std::vector<std::u32string> words;  // folded
  std::string kind;                   // "before", "after", "since", "until", "during", "then"
  SignalScope scope = SignalScope::kTimex;
};

class Lexicon {
 public:
  // The compiled-in lists, parsed once (thread-safe static initialization).
  static const Lexicon& Get();

  // `folded` with or without one proclitic is a function word.
  bool IsStopword(const std::u32string& folded) const;
  // Folded word → merging token: one proclitic and one suffix removed when a long enough
  // stem remains.
  std::u32string Stem(const std::u32string& folded) const;
  // Removes a leading و or ف (conjunctions) when at least two letters remain.
  std::u32string StripConjunction(const std::u32string& folded) const;
  bool IsFutureMarker(const std::u32string& folded) const;
  // The concept class of a stem ("conflict" for قتال, معرك, صراع …), empty if none.
  std::string Concept(const std::u32string& stem) const;
  const std::vector<Signal>& signals() const { return signals_; }
  // Indices into signals() (ascending, so longest phrases first) of the signals whose first
  // word is `folded`; null if none.
  const std::vector<int>* SignalsStartingWith(const std::u32string& folded) const;
  // False only if no signal starts with the unfolded word `raw`, with or without a leading
  // و/ف: its folded first letter (or the one after و/ف) begins no signal's first word. A
  // test on two code points, so the signal scan need not look most words up.
  bool MayStartSignal(std::u32string_view raw) const;

 private:
  Lexicon();
  struct Affix {
    std::u32string text;
    size_t min_stem = 3;
  };
  std::unordered_set<std::u32string> stopwords_;
  std::vector<Affix> prefixes_;  // longest first
  std::vector<Affix> suffixes_;  // longest first
  std::unordered_set<std::u32string> future_words_;
  std::vector<std::u32string> future_prefixes_;
  std::vector<std::u32string> future_not_;
  std::vector<Signal> signals_;
  std::unordered_map<std::u32string, std::vector<int>> signals_by_first_;
  // First letters of the signals' first words: below U+0800 (Latin, Arabic) as a table,
  // the rest in a set.
  bool IsSignalInitial(char32_t c) const {
    return c < kInitialTable ? signal_initial_table_[c] : signal_initials_.count(c) > 0;
  }
  static constexpr char32_t kInitialTable = 0x800;
  bool signal_initial_table_[kInitialTable] = {};
  // Per code point below kInitialTable, for MayStartSignal: -1 dropped by Fold, 1 folds to
  // a signal initial, 2 folds to و/ف (not an initial), 0 anything else.
  int8_t initial_kind_[kInitialTable] = {};
  int InitialKind(char32_t c) const;
  std::unordered_set<char32_t> signal_initials_;
  std::vector<std::pair<std::u32string, std::string>> concepts_;  // stem prefix → class
};

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_TEXT_H_
