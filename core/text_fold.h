// SPDX-License-Identifier: MIT
// Internal: one-pass folding and tokenization of UTF-8 text for the tagger.
//
// Folding (the same function serves the lexicon at load time and the text): alef forms → ا,
// ى/ی → ي, ة → ه, ک → ك, ڤ → ف, ؤ → و, ئ → ي; tatweel, harakat, Quranic marks and bidi
// controls are dropped; Eastern Arabic and Persian digits become ASCII; Arabic punctuation
// becomes ASCII punctuation. Every folded byte maps back to the original byte it came from, so
// matches are reported on the untouched text.
#ifndef TARIKH_CORE_TEXT_FOLD_H_
#define TARIKH_CORE_TEXT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/status.h"

namespace tarikh::internal {

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

struct RawToken {
  uint32_t fold_begin = 0;  // byte range in the folded buffer
  uint32_t fold_end = 0;
  uint32_t orig_begin = 0;  // byte range in the original text
  uint32_t orig_end = 0;
  TokKind kind = TokKind::kWord;
  bool space_before = false;  // whitespace between this token and the previous one
  bool break_before = false;  // a line break or sentence-final punctuation before it
};

struct FoldedText {
  std::string folded;
  // folded byte index → original byte index (size folded.size() + 1).
  std::vector<uint32_t> to_orig;
  std::vector<RawToken> tokens;
  void Clear() {
    folded.clear();
    to_orig.clear();
    tokens.clear();
  }
};

// Folds and tokenizes `text` into `out` (cleared first). Letters and digits form separate
// tokens (و2014 → و | 2014); each punctuation character is its own token. On malformed
// UTF-8 returns kInvalidUtf8 with the byte offset (+ base_offset) of the first bad byte.
Status FoldAndTokenize(std::string_view text, int64_t base_offset, FoldedText* out);

// The folded form of a short string (lexicon surfaces, tests), single spaces between words.
std::string FoldString(std::string_view text);

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_TEXT_FOLD_H_
