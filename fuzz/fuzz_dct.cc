// SPDX-License-Identifier: MIT
// Fuzz target: the DCT / date-query parser (ParseDct) and Tagger::Normalize.
// Input: "<dct>\n<expression>". ParseDct must either fail with an offset inside its input or
// return a valid date that survives FormatDct → ParseDct unchanged. Normalize must return a
// timex inside the expression or an error, for any DCT that parses.
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nl = input.find('\n');
  const std::string_view dct_text = input.substr(0, nl);
  const std::string_view expression =
      nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);

  auto dct = ParseDct(dct_text);
  if (!dct.ok()) {
    const int64_t off = dct.status().location().byte_offset;
    FUZZ_CHECK(off <= static_cast<int64_t>(dct_text.size()));
    return 0;
  }
  FUZZ_CHECK(IsValidDate(dct->year, dct->month, dct->day));
  if (dct->has_time()) {
    FUZZ_CHECK(dct->hour < 24 && dct->minute >= 0 && dct->minute < 60);
    FUZZ_CHECK(dct->second >= 0 && dct->second <= 60);
  }
  auto again = ParseDct(FormatDct(*dct));
  FUZZ_CHECK(again.ok() && *again == *dct);
  int y = 0, m = 0, d = 0;
  CivilFromDayNumber(DayNumber(*dct), &y, &m, &d);
  FUZZ_CHECK(y == dct->year && m == dct->month && d == dct->day);

  auto timex = fuzz::SharedTagger().Normalize(expression, *dct);
  if (timex.ok()) {
    FUZZ_CHECK(ValidateUtf8(expression).ok());
    FUZZ_CHECK(0 <= timex->byte_begin && timex->byte_begin < timex->byte_end &&
               timex->byte_end <= static_cast<int64_t>(expression.size()));
  } else {
    const StatusCode code = timex.status().code();
    FUZZ_CHECK(code == StatusCode::kNotFound || code == StatusCode::kInvalidUtf8);
  }
  return 0;
}
