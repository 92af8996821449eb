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
  uint32_t cp_begin = 0;  // code points of the text before orig_begin
  TokKind kind = TokKind::kWord;
  bool space_before = false;  // whitespace between this token and the previous one
  bool break_before = false;  // a line break or sentence-final punctuation before it
};

struct FoldedText {
  std::string folded;
  std::vector<RawToken> tokens;
  int64_t code_points = 0;  // code points in the text (after a successful fold)
  void Clear() {
    folded.clear();
    tokens.clear();
    code_points = 0;
  }
};

// Folds and tokenizes `text` into `out` (cleared first). Letters and digits form separate
// tokens (و2014 → و | 2014); each punctuation character is its own token. On malformed
// UTF-8 returns kInvalidUtf8 with the byte offset (+ base_offset) of the first bad byte.
// Buffers in `out` are reused from call to call (no allocation once they are large enough).
Status FoldAndTokenize(std::string_view text, int64_t base_offset, FoldedText* out);

// The original byte (in `text`, the string given to FoldAndTokenize) of the character that
// produced folded byte `fold_pos` of letter/digit token `tok` (fold_begin <= fold_pos <
// fold_end). Re-decodes the token, so it is meant for the rare tokens whose extent starts
// inside them (a stripped proclitic), not for every token.
uint32_t OrigOffset(std::string_view text, const RawToken& tok, uint32_t fold_pos);

// The folded form of a short string (lexicon surfaces, tests), single spaces between words.
std::string FoldString(std::string_view text);

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_TEXT_FOLD_H_
