// SPDX-License-Identifier: MIT
// Fuzz target: the TimeML readers — the pugixml one of `export` (tarikh's own output and
// TempEval-style corpora) and the gold reader of `tarikh eval` (core/timeml_eval.cc).
// Contract: never throws or crashes; errors are kParseError with an offset inside the input;
// accepted timexes lie inside the text on code point boundaries; writing what was read and
// reading it back is a fixed point (the second write equals the first). Gold read by the eval
// reader scores perfectly against itself, and its offset map points into the input in order.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tarikh/core/timeml_eval.h"
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

void CheckGoldReader(std::string_view xml) {
  using namespace tarikh;
  auto gold = ParseInlineTimeMl(xml);
  if (!gold.ok()) {
    FUZZ_CHECK(gold.status().code() == StatusCode::kParseError);
    FUZZ_CHECK(gold.status().location().byte_offset >= 0);
    FUZZ_CHECK(gold.status().location().byte_offset <= static_cast<int64_t>(xml.size()));
    return;
  }
  const int64_t code_points = static_cast<int64_t>(gold->source_bytes.size()) - 1;
  FUZZ_CHECK(code_points >= 0);
  for (size_t i = 0; i < gold->source_bytes.size(); ++i) {
    FUZZ_CHECK(gold->source_bytes[i] >= 0 &&
               gold->source_bytes[i] <= static_cast<int64_t>(xml.size()));
    FUZZ_CHECK(i == 0 || gold->source_bytes[i - 1] < gold->source_bytes[i]);
  }
  int64_t non_empty = 0;
  for (const TimexSpan& t : gold->timexes) {
    FUZZ_CHECK(0 <= t.begin && t.begin <= t.end && t.end <= code_points);
    FUZZ_CHECK(t.source_byte >= 0 && t.source_byte < static_cast<int64_t>(xml.size()));
    non_empty += t.end > t.begin;
  }
  const EvalResult self = ScoreTimexes(gold->timexes, gold->timexes);
  FUZZ_CHECK(self.counts.strict == non_empty && self.counts.value_ok == non_empty);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  CheckGoldReader(xml);
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
