// SPDX-License-Identifier: MIT
// Fuzz target: the mention JSONL reader (what `tarikh merge` reads from map shards).
// Contract: never throws or crashes; whatever it accepts is written back and re-read to the
// same bytes (the writer and reader agree on every field).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tarikh/export/mentions_jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto parsed = ReadDocumentMentionsLine(line);
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.status().code() == StatusCode::kParseError);
    FUZZ_CHECK(parsed.status().location().byte_offset <= static_cast<int64_t>(size));
    return 0;
  }
  const std::string once = WriteDocumentMentionsLine(*parsed);
  auto again = ReadDocumentMentionsLine(once);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(WriteDocumentMentionsLine(*again) == once);
  return 0;
}
