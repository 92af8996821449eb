// SPDX-License-Identifier: MIT
// UTF-8 validation and decoding without ICU (the hot path decodes byte by byte).
#ifndef TARIKH_CORE_UTF8_H_
#define TARIKH_CORE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "tarikh/status.h"

namespace tarikh {

// OK if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Otherwise kInvalidUtf8 whose location().byte_offset is the offset of the first bad byte
// plus `base_offset`.
Status ValidateUtf8(std::string_view text, int64_t base_offset = 0);

// Byte offset of the first NUL byte, or -1.
int64_t FindNul(std::string_view text);

// Line (1-based) and column (1-based, in code points) of a byte offset in `text`; an offset
// outside [0, size] is clamped into it, so the location always points inside the input.
Location LocateByteOffset(std::string_view text, int64_t byte_offset);

// Number of code points in well-formed UTF-8 `text`.
int64_t CountCodePoints(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (REQUIRES: a scalar value, <= U+10FFFF and not a
// surrogate; callers decoding \u escapes or character references check that first).
void AppendUtf8(std::string* out, char32_t code_point);

}  // namespace tarikh

#endif  // TARIKH_CORE_UTF8_H_
