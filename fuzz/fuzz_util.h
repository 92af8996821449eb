// SPDX-License-Identifier: MIT
// Helpers shared by the fuzz targets: invariant checks that abort (so libFuzzer and the
// replay driver both report them as crashes) and one tagger per process.
#ifndef TARIKH_FUZZ_FUZZ_UTIL_H_
#define TARIKH_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"

// An invariant of the API contract; a violation is a bug found by the fuzzer.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace tarikh::fuzz {

// Building the tagger compiles the lexicons; do it once, not per input.
inline const Tagger& SharedTagger() {
  static const Tagger* tagger = [] {
    auto created = Tagger::Create();
    FUZZ_CHECK(created.ok());
    return new Tagger(std::move(created).value());
  }();
  return *tagger;
}

// True if `offset` is 0, the end, or the first byte of a UTF-8 sequence.
inline bool OnCodePointBoundary(std::string_view text, int64_t offset) {
  if (offset < 0 || offset > static_cast<int64_t>(text.size())) return false;
  if (offset == static_cast<int64_t>(text.size())) return true;
  return (static_cast<unsigned char>(text[static_cast<size_t>(offset)]) & 0xC0) != 0x80;
}

// Checks the documented Timex invariants of a tagging result over `text` (valid UTF-8).
inline void CheckTimexes(std::string_view text, const std::vector<Timex>& timexes) {
  const int64_t size = static_cast<int64_t>(text.size());
  int64_t checked = 0;
  for (size_t i = 0; i < timexes.size(); ++i) {
    const Timex& t = timexes[i];
    FUZZ_CHECK(0 <= t.byte_begin && t.byte_begin < t.byte_end && t.byte_end <= size);
    FUZZ_CHECK(0 <= t.begin && t.begin < t.end);
    FUZZ_CHECK(t.end - t.begin <= t.byte_end - t.byte_begin);
    FUZZ_CHECK(OnCodePointBoundary(text, t.byte_begin));
    FUZZ_CHECK(OnCodePointBoundary(text, t.byte_end));
    FUZZ_CHECK(t.anchor >= -1 && t.anchor < static_cast<int>(timexes.size()));
    // Code point offsets must agree with byte offsets; counting is O(n), so only the first
    // few timexes of an input are checked this way.
    if (checked++ < 8) {
      FUZZ_CHECK(CountCodePoints(text.substr(0, static_cast<size_t>(t.byte_begin))) == t.begin);
      FUZZ_CHECK(CountCodePoints(text.substr(0, static_cast<size_t>(t.byte_end))) == t.end);
    }
  }
}

}  // namespace tarikh::fuzz

#endif  // TARIKH_FUZZ_FUZZ_UTIL_H_
