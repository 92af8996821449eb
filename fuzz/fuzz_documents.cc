// SPDX-License-Identifier: MIT
// Fuzz target: the input-document reader (tarikh/export/documents_jsonl.h: what `tarikh
// extract` and `tarikh build --jsonl/--manifest` read). Contract: never throws or crashes;
// error offsets lie inside the input; and nlohmann::json is the oracle: the hand-written
// scanner accepts the same JSON (except a NUL byte after the value, where nlohmann stops)
// and decodes the same member values.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tarikh/core/date.h"
#include "tarikh/export/documents_jsonl.h"

namespace {

using Json = nlohmann::json;

// What the reader must return for a line nlohmann parsed: the member rules of
// documents_jsonl.h applied to the DOM. true = a document with these members.
bool Expected(const Json& j, tarikh::Document* doc) {
  if (!j.is_object()) return false;
  auto get = [&j](const char* key, bool required, std::string* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return !required;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  std::string dct;
  if (!get("id", true, &doc->id) || !get("text", true, &doc->text) ||
      !get("source", false, &doc->source) || !get("title", false, &doc->title) ||
      !get("url", false, &doc->url) || doc->id.empty() || !get("dct", false, &dct)) {
    return false;
  }
  if (!dct.empty()) {
    auto parsed = tarikh::ParseDct(dct);
    if (!parsed.ok()) return false;
    doc->dct = *parsed;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tarikh;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto doc = ReadDocumentLine(line);
  if (!doc.ok()) {
    FUZZ_CHECK(doc.status().code() == StatusCode::kParseError ||
               doc.status().code() == StatusCode::kInvalidUtf8);
    FUZZ_CHECK(doc.status().location().byte_offset >= 0);
    FUZZ_CHECK(doc.status().location().byte_offset <= static_cast<int64_t>(size));
  }
  auto manifest = ReadManifest(line);
  if (!manifest.ok()) {
    FUZZ_CHECK(manifest.status().location().byte_offset <= static_cast<int64_t>(size));
  } else {
    for (const ManifestEntry& e : manifest->entries) {
      FUZZ_CHECK(!e.file.empty() && !e.doc.id.empty());
      FUZZ_CHECK(e.byte_offset >= 0 && e.byte_offset < static_cast<int64_t>(size));
    }
  }

  // The oracle (the line without the trailing newlines the reader allows).
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  Json j;
  bool json_ok = true;
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::out_of_range&) {
    // nlohmann refuses numbers beyond a double ("-2.5e+31999"), which RFC 8259 leaves to the
    // implementation; tarikh's reader skips the values of members it does not read, so the
    // oracle has no answer here (found by CI's 30 s run).
    return 0;
  } catch (const Json::exception&) {
    json_ok = false;
  }
  const bool has_nul = line.find('\0') != std::string_view::npos;
  if (!json_ok) {
    FUZZ_CHECK(!doc.ok());
    FUZZ_CHECK(!manifest.ok());
    return 0;
  }
  Document want;
  const bool want_ok = Expected(j, &want);
  if (has_nul && !doc.ok()) return 0;  // nlohmann ignored what follows a NUL
  FUZZ_CHECK(doc.ok() == want_ok);
  if (want_ok) {
    FUZZ_CHECK(doc->id == want.id);
    FUZZ_CHECK(doc->text == want.text);
    FUZZ_CHECK(doc->source == want.source);
    FUZZ_CHECK(doc->title == want.title);
    FUZZ_CHECK(doc->url == want.url);
    FUZZ_CHECK(doc->dct.has_value() == want.dct.has_value());
  }
  if (!has_nul) {
    // Manifest: the same documents array.
    const Json* docs = nullptr;
    if (j.is_array()) docs = &j;
    if (j.is_object() && j.contains("documents") && j["documents"].is_array()) {
      docs = &j["documents"];
    }
    FUZZ_CHECK(manifest.ok() == (docs != nullptr));
    if (docs) FUZZ_CHECK(manifest->entries.size() + manifest->errors.size() == docs->size());
  }
  return 0;
}
