// SPDX-License-Identifier: MIT
// Fuzz target: the native timeline JSON reader (what `tarikh query` and `tarikh export`
// read). Contract: never throws or crashes; errors are kParseError with an offset inside the
// input; an accepted timeline is written and re-read to the same bytes.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tarikh/export/timeline_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  auto timeline = ReadTimelineJson(json);
  if (!timeline.ok()) {
    FUZZ_CHECK(timeline.status().code() == StatusCode::kParseError);
    FUZZ_CHECK(timeline.status().location().byte_offset <= static_cast<int64_t>(size));
    return 0;
  }
  const std::string once = WriteTimelineJson(*timeline);
  auto again = ReadTimelineJson(once);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(WriteTimelineJson(*again) == once);
  return 0;
}
