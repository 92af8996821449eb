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

struct LexGroup;  // lexicon.h

// A token of the tagger, written once by the fold (the text fields) and completed in place by
// Recognizer::BuildTokens (the lexicon fields: g, and for a word with a proclitic stem, ob, wa,
// prep; fut). One vector from the fold to the recognizer: no intermediate token type and no
// second copy. Code-point offsets are not kept per token: the tagger counts them only for the
// extents it emits.
struct Tok {
  std::string_view full;  // folded token (a view into FoldedText::folded)
  std::string_view stem;  // folded token without proclitics (= full unless BuildTokens cuts)
  const LexGroup* g = nullptr;
  // Digits value, -1 for other tokens. The fold stops adding digits once the value reaches
  // 10^8, so it stays below 10^9 and fits 32 bits; with it the token is 64 bytes, one cache
  // line (the fold writes and BuildTokens reads ~1,800 tokens per news document).
  int32_t num = -1;
  uint32_t ob = 0;  // original byte of the stem start
  uint32_t oe = 0;  // original byte end
  int ndig = 0;     // digits of a number token
  TokKind kind = TokKind::kWord;
  bool space_before = false;  // whitespace between this token and the previous one
  bool break_before = false;  // a line break or sentence-final punctuation before it
  bool wa = false;            // a و/ف conjunction was stripped
  bool prep = false;          // a ب/ل/ك preposition was stripped
  bool fut = false;           // a future-tense cue
  char punct = 0;             // a punctuation token's byte ('\x01' when it is wider)
};
static_assert(sizeof(Tok) == 64, "Tok: keep it one cache line");

struct FoldedText {
  std::string folded;
  std::vector<Tok> tokens;
  void Clear() {
    folded.clear();
    tokens.clear();
  }
};

// Folds and tokenizes `text` into `folded` and `toks` (both cleared first). Letters and
// digits form separate tokens (و2014 → و | 2014); each punctuation character is its own
// token. The tokens' views point into *folded, valid until it is next written or moved. On
// malformed UTF-8 returns kInvalidUtf8 with the byte offset (+ base_offset) of the first bad
// byte. The buffers are reused from call to call (no allocation once they are large enough).
Status FoldAndTokenize(std::string_view text, int64_t base_offset, std::string* folded,
                       std::vector<Tok>* toks);
inline Status FoldAndTokenize(std::string_view text, int64_t base_offset, FoldedText* out) {
  return FoldAndTokenize(text, base_offset, &out->folded, &out->tokens);
}

// The original byte (in `text`, the string given to FoldAndTokenize) of the character that
// produced byte `cut` of letter/digit token `tok`'s folded form (cut < tok.full.size()).
// Re-decodes the token from tok.ob, so it is meant for the rare tokens whose extent starts
// inside them (a stripped proclitic), before ob is moved, not for every token.
uint32_t OrigOffset(std::string_view text, const Tok& tok, uint32_t cut);

// Where the CPU has AVX-512 (BW, VBMI, VBMI2), FoldAndTokenize takes 64-byte blocks made only
// of Arabic run letters, ASCII spaces and common punctuation in vector steps, several tokens per
// step. Tests turn
// the path off to compare it with the scalar code. Not thread-safe: for tests only.
void SetFoldVectorPathForTesting(bool on);
// Whether the vector path runs (the CPU has it and tests have not turned it off).
bool FoldVectorPathActive();

// The number of code points in valid UTF-8 `text` (64 bytes per SSE2 step, then 8 at a time).
int64_t CountCodePointsFast(std::string_view text);

// The folded form of a short string (lexicon surfaces, tests), single spaces between words.
std::string FoldString(std::string_view text);

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_TEXT_FOLD_H_
