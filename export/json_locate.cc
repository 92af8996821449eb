// SPDX-License-Identifier: MIT
#include "json_locate.h"

#include <nlohmann/json.hpp>

#include "tarikh/core/utf8.h"

namespace tarikh::export_internal {
namespace {

size_t SkipWs(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r'))
    ++pos;
  return pos;
}

// `pos` at the opening quote; returns the offset just past the closing quote.
size_t SkipString(std::string_view s, size_t pos) {
  for (++pos; pos < s.size(); ++pos) {
    if (s[pos] == '\\') {
      ++pos;
    } else if (s[pos] == '"') {
      return pos + 1;
    }
  }
  return s.size();
}

size_t SkipValue(std::string_view s, size_t pos) {
  if (pos >= s.size()) return pos;
  if (s[pos] == '"') return SkipString(s, pos);
  if (s[pos] == '{' || s[pos] == '[') {
    // Strings are skipped whole, so brackets inside them do not count.
    int depth = 0;
    while (pos < s.size()) {
      char c = s[pos];
      if (c == '"') {
        pos = SkipString(s, pos);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return pos + 1;
      }
      ++pos;
    }
    return pos;
  }
  while (pos < s.size() && s[pos] != ',' && s[pos] != '}' && s[pos] != ']' && s[pos] != ' ' &&
         s[pos] != '\n' && s[pos] != '\r' && s[pos] != '\t') {
    ++pos;
  }
  return pos;
}

std::string DecodeKey(std::string_view raw) {
  try {
    nlohmann::json j = nlohmann::json::parse(raw);
    if (j.is_string()) return j.get<std::string>();
  } catch (const std::exception&) {
  }
  return std::string(raw);
}

}  // namespace

std::string JsonPathString(const JsonPath& path) {
  std::string out;
  for (const JsonPathElem& e : path) {
    if (const std::string* key = std::get_if<std::string>(&e)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<size_t>(e)) + ']';
    }
  }
  return out.empty() ? "(top level)" : out;
}

int64_t LocateJsonPath(std::string_view s, const JsonPath& path) {
  size_t pos = SkipWs(s, 0);
  for (const JsonPathElem& e : path) {
    if (pos >= s.size()) break;
    const size_t container = pos;
    bool found = false;
    if (const std::string* key = std::get_if<std::string>(&e)) {
      if (s[pos] != '{') break;
      pos = SkipWs(s, pos + 1);
      while (pos < s.size() && s[pos] == '"') {
        size_t key_end = SkipString(s, pos);
        std::string k = DecodeKey(s.substr(pos, key_end - pos));
        pos = SkipWs(s, key_end);
        if (pos < s.size() && s[pos] == ':') pos = SkipWs(s, pos + 1);
        if (k == *key) {
          found = true;
          break;
        }
        pos = SkipWs(s, SkipValue(s, pos));
        if (pos < s.size() && s[pos] == ',') pos = SkipWs(s, pos + 1);
      }
    } else {
      if (s[pos] != '[') break;
      const size_t index = std::get<size_t>(e);
      pos = SkipWs(s, pos + 1);
      for (size_t i = 0; pos < s.size() && s[pos] != ']'; ++i) {
        if (i == index) {
          found = true;
          break;
        }
        pos = SkipWs(s, SkipValue(s, pos));
        if (pos < s.size() && s[pos] == ',') pos = SkipWs(s, pos + 1);
      }
    }
    if (!found) return static_cast<int64_t>(container);
  }
  return static_cast<int64_t>(std::min(pos, s.size()));
}

Location LocateOffset(std::string_view text, int64_t byte_offset) {
  return LocateByteOffset(text, byte_offset);
}

}  // namespace tarikh::export_internal
