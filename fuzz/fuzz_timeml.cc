// SPDX-License-Identifier: MIT
// Fuzz target: the TimeML reader (tarikh's own output and TempEval-style corpora).
// Contract: never throws or crashes; errors are kParseError with an offset inside the input;
// accepted timexes lie inside the text on code point boundaries; writing what was read and
// reading it back is a fixed point (the second write equals the first).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tarikh/export/timeml.h"

namespace {

tarikh::Document ToDocument(const tarikh::TimeMlDocument& t) {
  tarikh::Document doc;
  doc.id = t.doc_id.empty() ? "doc" : t.doc_id;
  doc.text = t.text;
  doc.dct = t.dct;
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto read = ReadTimeMl(xml);
  if (!read.ok()) {
    FUZZ_CHECK(read.status().code() == StatusCode::kParseError);
    FUZZ_CHECK(read.status().location().byte_offset <= static_cast<int64_t>(size));
    return 0;
  }
  FUZZ_CHECK(ValidateUtf8(read->text).ok());
  FUZZ_CHECK(read->timex_ids.size() == read->timexes.size());
  const int64_t bytes = static_cast<int64_t>(read->text.size());
  for (const Timex& t : read->timexes) {
    FUZZ_CHECK(0 <= t.byte_begin && t.byte_begin <= t.byte_end && t.byte_end <= bytes);
    FUZZ_CHECK(fuzz::OnCodePointBoundary(read->text, t.byte_begin));
    FUZZ_CHECK(fuzz::OnCodePointBoundary(read->text, t.byte_end));
    FUZZ_CHECK(0 <= t.begin && t.begin <= t.end);
  }
  const std::string once = WriteTimeMl(ToDocument(*read), read->timexes);
  auto again = ReadTimeMl(once);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(WriteTimeMl(ToDocument(*again), again->timexes) == once);
  return 0;
}
