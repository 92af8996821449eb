// SPDX-License-Identifier: MIT
// Fuzz target: the tagger on raw bytes, whole (Tagger::Tag) and in chunks (TagSession).
// Contract checked: Tag fails exactly when the input is not valid UTF-8 (with kInvalidUtf8
// and an offset inside the input); on success every extent lies inside the text on code
// point boundaries. Fed in chunks cut after whitespace, a session reports absolute offsets.
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Tagger& tagger = fuzz::SharedTagger();
  const Dct dct{2017, 4, 18};

  const Status valid = ValidateUtf8(text);
  auto whole = tagger.Tag(text, dct);
  FUZZ_CHECK(whole.ok() == valid.ok());
  if (!whole.ok()) {
    FUZZ_CHECK(whole.status().code() == StatusCode::kInvalidUtf8);
    FUZZ_CHECK(whole.status().location().byte_offset == valid.location().byte_offset);
    return 0;
  }
  fuzz::CheckTimexes(text, *whole);

  // The same text through a session, cut after some of its whitespace (which cuts depends
  // on the bytes themselves, so the fuzzer explores them too).
  TagSession session = tagger.StartSession(dct);
  std::vector<Timex> streamed;
  size_t start = 0;
  unsigned salt = size > 0 ? data[0] : 0;
  for (size_t i = 0; i < size; ++i) {
    const char c = text[i];
    if (c != ' ' && c != '\n' && c != '\t') continue;
    if (((i * 31 + salt) & 3) != 0) continue;
    FUZZ_CHECK(session.Feed(text.substr(start, i + 1 - start), &streamed).ok());
    start = i + 1;
  }
  FUZZ_CHECK(session.Feed(text.substr(start), &streamed).ok());
  fuzz::CheckTimexes(text, streamed);
  return 0;
}
