// SPDX-License-Identifier: MIT
// Private to timeline/: a document's sentences, the units the map step turns into events.
#ifndef TARIKH_TIMELINE_SENTENCES_H_
#define TARIKH_TIMELINE_SENTENCES_H_

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

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_SENTENCES_H_
