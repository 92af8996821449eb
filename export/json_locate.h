// SPDX-License-Identifier: MIT
// Internal to export/: maps a member path inside an already-parsed JSON text back to the byte
// offset where that member's value starts, so validation errors found on the parsed tree can
// still name a line and column.
#ifndef TARIKH_EXPORT_JSON_LOCATE_H_
#define TARIKH_EXPORT_JSON_LOCATE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tarikh/status.h"

namespace tarikh::export_internal {

using JsonPathElem = std::variant<std::string, size_t>;  // object key or array index
using JsonPath = std::vector<JsonPathElem>;

// "events[2].mod"
std::string JsonPathString(const JsonPath& path);

// Byte offset of the value at `path` in `json` (which must be syntactically valid). When a
// member is missing, the offset of the innermost enclosing value that exists.
int64_t LocateJsonPath(std::string_view json, const JsonPath& path);

// Line (1-based) and column (1-based, in code points) of a byte offset.
Location LocateOffset(std::string_view text, int64_t byte_offset);

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_JSON_LOCATE_H_
