// SPDX-License-Identifier: MIT
// Private to timeline/: a document's sentences, the units the map step turns into events.
#ifndef TARIKH_TIMELINE_SENTENCES_H_
#define TARIKH_TIMELINE_SENTENCES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tarikh::timeline_internal {

// [begin, end) in code points.
struct Span {
  int64_t begin = 0;
  int64_t end = 0;
};

inline bool IsLineBreak(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029;
}

// Sentences of `text`: ICU's sentence boundaries (UAX #29, Arabic locale), then line breaks
// (titles, datelines and captions are lines of their own), each trimmed of spaces; empty
// ones dropped. In text order.
std::vector<Span> SplitSentences(std::u32string_view text);

// DecodeUtf8To and SplitSentences in one pass over the bytes: decodes `text` into
// out[0, text.size()) (room for one code point per byte), sets *sentences (cleared first) to
// SplitSentences of the decoded text and returns the number of code points. The sentence
// scan only visits the characters that can end a sentence or a line, which the decoder
// notes on the way, instead of classifying every code point again.
// REQUIRES: valid UTF-8 (callers validate first); like DecodeUtf8To, never reads or writes
// out of bounds on other input.
size_t DecodeAndSplitSentences(std::string_view text, char32_t* out, std::vector<Span>* sentences);

// Where the CPU has AVX-512, DecodeAndSplitSentences (64-byte blocks of ASCII and two-byte
// sequences) and the map step's event-signal screen take vector paths. Tests turn them off to
// compare them with the scalar code. Not thread-safe: for tests only.
void SetVectorPathsForTesting(bool on);
bool VectorPathsEnabled();

// What the CPU offers those paths, asked once: AVX-512 F and BW (the word split's and the
// screen's masks), and on top VL, VBMI, VBMI2 and POPCNT (the decoder's byte permutes and
// compress). False where the compiler or the CPU has none.
bool CpuHasAvx512();
bool CpuHasAvx512Vbmi2();

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_SENTENCES_H_
