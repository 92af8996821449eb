// SPDX-License-Identifier: MIT
#include "tarikh/export/mentions_jsonl.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "json_utf8.h"
#include "tarikh/core/date.h"
#include "tarikh/export/timeline_json.h"

namespace tarikh {
namespace {

using nlohmann::ordered_json;
using Json = nlohmann::json;
using export_internal::JsonStringBound;

ordered_json IntervalToJson(const DayInterval& iv) {
  return ordered_json::array({iv.begin, iv.end});
}

ordered_json TimexToJson(const Timex& t) {
  ordered_json j;
  j["begin"] = t.begin;
  j["end"] = t.end;
  j["byte_begin"] = t.byte_begin;
  j["byte_end"] = t.byte_end;
  j["type"] = std::string(TimexTypeName(t.type));
  j["value"] = t.value;
  j["mod"] = std::string(TimexModName(t.mod));
  j["granularity"] = std::string(GranularityName(t.granularity));
  j["interval"] = IntervalToJson(t.interval);
  j["temporal_function"] = t.temporal_function;
  j["anchor"] = t.anchor;
  return j;
}

ordered_json MentionToJson(const EventMention& m, const DocumentInfo& doc) {
  ordered_json j;
  if (m.doc_id != doc.id) j["doc_id"] = m.doc_id;
  if (!(m.dct == doc.dct)) j["dct"] = FormatDct(m.dct);
  j["timex"] = TimexToJson(m.timex);
  j["timex_text"] = m.timex_text;
  j["headline"] = m.headline;
  j["sentence"] = m.sentence;
  j["sentence_begin"] = m.sentence_begin;
  j["sentence_end"] = m.sentence_end;
  j["tokens"] = m.tokens;
  ordered_json cues = ordered_json::array();
  for (const EventMention::Cue& c : m.cues) {
    cues.push_back({{"signal", c.signal},
                    {"value", c.value},
                    {"interval", IntervalToJson(c.interval)},
                    {"ref_offset", c.ref_offset}});
  }
  j["cues"] = std::move(cues);
  j["tense"] = m.tense;
  j["confidence"] = m.confidence;
  return j;
}

// Reads typed members of one JSON object, building "a.b[3].c: what" error messages. The byte
// offset of a validation error is not known after parsing, so only parse errors carry one.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  Status Error(const std::string& what) const {
    return Status::ParseError((path_.empty() ? std::string() : path_ + ": ") + what);
  }
  Reader Sub(const std::string& key) const {
    return Reader(path_.empty() ? key : path_ + "." + key);
  }
  Reader Index(size_t i) const { return Reader(path_ + "[" + std::to_string(i) + "]"); }

  // A member that must exist (required) or may be absent (keeps *out).
  template <typename T>
  Status Get(const Json& obj, const char* key, bool required, T* out) const {
    auto it = obj.find(key);
    if (it == obj.end()) {
      return required ? Error(std::string("missing member \"") + key + "\"") : Status::Ok();
    }
    return Sub(key).Convert(*it, out);
  }

  Status Convert(const Json& v, std::string* out) const {
    if (!v.is_string()) return Error("expected a string");
    *out = v.get_ref<const std::string&>();
    return Status::Ok();
  }
  Status Convert(const Json& v, int64_t* out) const {
    if (!v.is_number_integer()) return Error("expected an integer");
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
      return Error("integer out of range");
    }
    *out = v.get<int64_t>();
    return Status::Ok();
  }
  Status Convert(const Json& v, int* out) const {
    int64_t x = 0;
    TARIKH_RETURN_IF_ERROR(Convert(v, &x));
    if (x < INT32_MIN || x > INT32_MAX) return Error("integer out of range");
    *out = static_cast<int>(x);
    return Status::Ok();
  }
  Status Convert(const Json& v, bool* out) const {
    if (!v.is_boolean()) return Error("expected true or false");
    *out = v.get<bool>();
    return Status::Ok();
  }
  Status Convert(const Json& v, double* out) const {
    if (!v.is_number()) return Error("expected a number");
    *out = v.get<double>();
    if (!std::isfinite(*out)) return Error("expected a finite number");
    return Status::Ok();
  }
  Status Convert(const Json& v, Dct* out) const {
    std::string s;
    TARIKH_RETURN_IF_ERROR(Convert(v, &s));
    auto dct = ParseDct(s);
    if (!dct.ok()) return Error(dct.status().message());
    *out = *dct;
    return Status::Ok();
  }
  Status Convert(const Json& v, DayInterval* out) const {
    if (!v.is_array() || v.size() != 2) return Error("expected [begin, end] day numbers");
    int b = 0, e = 0;
    TARIKH_RETURN_IF_ERROR(Index(0).Convert(v[0], &b));
    TARIKH_RETURN_IF_ERROR(Index(1).Convert(v[1], &e));
    out->begin = b;
    out->end = e;
    return Status::Ok();
  }
  Status Convert(const Json& v, std::vector<std::string>* out) const {
    if (!v.is_array()) return Error("expected an array of strings");
    out->clear();
    out->reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      std::string s;
      TARIKH_RETURN_IF_ERROR(Index(i).Convert(v[i], &s));
      out->push_back(std::move(s));
    }
    return Status::Ok();
  }
  Status Convert(const Json& v, TimexType* out) const {
    return ConvertEnum(v, out, ParseTimexType, "TIMEX3 type");
  }
  Status Convert(const Json& v, TimexMod* out) const {
    return ConvertEnum(v, out, ParseTimexMod, "TIMEX3 mod");
  }
  Status Convert(const Json& v, Granularity* out) const {
    return ConvertEnum(v, out, ParseGranularity, "granularity");
  }
  // An enum written as its name; `parse` returns std::nullopt for unknown names.
  template <typename E, typename Parse>
  Status ConvertEnum(const Json& v, E* out, Parse parse, const char* what) const {
    std::string s;
    TARIKH_RETURN_IF_ERROR(Convert(v, &s));
    std::optional<E> e = parse(s);
    if (!e) return Error(std::string("unknown ") + what + " \"" + s + "\"");
    *out = *e;
    return Status::Ok();
  }

  Status Object(const Json& v) const {
    return v.is_object() ? Status::Ok() : Error("expected an object");
  }
  Status Array(const Json& obj, const char* key, const Json** out) const {
    auto it = obj.find(key);
    if (it == obj.end()) {
      *out = nullptr;
      return Status::Ok();
    }
    if (!it->is_array()) return Sub(key).Error("expected an array");
    *out = &*it;
    return Status::Ok();
  }

 private:
  std::string path_;
};

Status ReadTimex(const Reader& r, const Json& j, Timex* t) {
  TARIKH_RETURN_IF_ERROR(r.Object(j));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "begin", true, &t->begin));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "end", true, &t->end));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "byte_begin", false, &t->byte_begin));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "byte_end", false, &t->byte_end));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "type", false, &t->type));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "value", true, &t->value));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "mod", false, &t->mod));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "granularity", false, &t->granularity));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "interval", false, &t->interval));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "temporal_function", false, &t->temporal_function));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "anchor", false, &t->anchor));
  if (t->begin < 0 || t->end < t->begin) return r.Error("begin/end: not 0 <= begin <= end");
  if (t->byte_begin < 0 || t->byte_end < t->byte_begin) {
    return r.Error("byte_begin/byte_end: not 0 <= byte_begin <= byte_end");
  }
  if (t->anchor < -1) return r.Sub("anchor").Error("must be -1 or a timex index");
  return Status::Ok();
}

Status ReadMention(const Reader& r, const Json& j, const DocumentInfo& doc, EventMention* m) {
  TARIKH_RETURN_IF_ERROR(r.Object(j));
  m->doc_id = doc.id;
  m->dct = doc.dct;
  TARIKH_RETURN_IF_ERROR(r.Get(j, "doc_id", false, &m->doc_id));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "dct", false, &m->dct));
  auto it = j.find("timex");
  if (it == j.end()) return r.Error("missing member \"timex\"");
  TARIKH_RETURN_IF_ERROR(ReadTimex(r.Sub("timex"), *it, &m->timex));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "timex_text", false, &m->timex_text));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "headline", false, &m->headline));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "sentence", false, &m->sentence));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "sentence_begin", false, &m->sentence_begin));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "sentence_end", false, &m->sentence_end));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "tokens", false, &m->tokens));
  if (m->sentence_begin < 0 || m->sentence_end < m->sentence_begin) {
    return r.Error("sentence_begin/sentence_end: not 0 <= begin <= end");
  }
  const Json* cues = nullptr;
  TARIKH_RETURN_IF_ERROR(r.Array(j, "cues", &cues));
  if (cues) {
    m->cues.resize(cues->size());
    for (size_t i = 0; i < cues->size(); ++i) {
      Reader cr = r.Sub("cues").Index(i);
      const Json& c = (*cues)[i];
      EventMention::Cue& cue = m->cues[i];
      TARIKH_RETURN_IF_ERROR(cr.Object(c));
      TARIKH_RETURN_IF_ERROR(cr.Get(c, "signal", true, &cue.signal));
      TARIKH_RETURN_IF_ERROR(cr.Get(c, "value", false, &cue.value));
      TARIKH_RETURN_IF_ERROR(cr.Get(c, "interval", false, &cue.interval));
      TARIKH_RETURN_IF_ERROR(cr.Get(c, "ref_offset", false, &cue.ref_offset));
      if (cue.ref_offset < -1) return cr.Sub("ref_offset").Error("must be -1 or an offset");
    }
  }
  TARIKH_RETURN_IF_ERROR(r.Get(j, "tense", false, &m->tense));
  if (m->tense < -1 || m->tense > 1) return r.Sub("tense").Error("must be -1, 0 or 1");
  TARIKH_RETURN_IF_ERROR(r.Get(j, "confidence", false, &m->confidence));
  if (m->confidence < 0 || m->confidence > 1) return r.Sub("confidence").Error("not in 0..1");
  return Status::Ok();
}

Status ReadDocumentInfo(const Reader& r, const Json& j, DocumentInfo* d) {
  TARIKH_RETURN_IF_ERROR(r.Object(j));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "id", true, &d->id));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "dct", true, &d->dct));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "source", false, &d->source));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "title", false, &d->title));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "url", false, &d->url));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "dct_inferred", false, &d->dct_inferred));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "dct_confidence", false, &d->dct_confidence));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "timex_count", false, &d->timex_count));
  TARIKH_RETURN_IF_ERROR(r.Get(j, "mention_count", false, &d->mention_count));
  if (d->id.empty()) return r.Sub("id").Error("must not be empty");
  if (d->dct_confidence < 0 || d->dct_confidence > 1) {
    return r.Sub("dct_confidence").Error("not in 0..1");
  }
  if (d->timex_count < 0 || d->mention_count < 0) return r.Error("negative count");
  return Status::Ok();
}

// The line through an nlohmann DOM: the reference the hand-written writer below reproduces
// byte for byte, and its fallback for strings that are not UTF-8 (which nlohmann replaces
// with U+FFFD).
std::string WriteDocumentMentionsLineDom(const DocumentMentions& document) {
  const DocumentInfo& d = document.info;
  ordered_json j;
  j["doc"] = {{"id", d.id},
              {"dct", FormatDct(d.dct)},
              {"source", d.source},
              {"title", d.title},
              {"url", d.url},
              {"dct_inferred", d.dct_inferred},
              {"dct_confidence", d.dct_confidence},
              {"timex_count", d.timex_count},
              {"mention_count", d.mention_count}};
  ordered_json mentions = ordered_json::array();
  for (const EventMention& m : document.mentions) mentions.push_back(MentionToJson(m, d));
  j["mentions"] = std::move(mentions);
  ordered_json warnings = ordered_json::array();
  for (const TimelineWarning& w : document.warnings) {
    warnings.push_back({{"doc_id", w.doc_id}, {"offset", w.offset}, {"message", w.message}});
  }
  j["warnings"] = std::move(warnings);
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  line += '\n';
  return line;
}

// Hand-written output of the same line (extract writes one per document and the DOM cost
// more than the rest of the map step but the tagger): compact, members in the DOM's order,
// numbers formatted as nlohmann formats them. The line is written through a pointer into a
// buffer kept larger than needed (Room), not by std::string appends: a line is hundreds of
// short pieces, and each append call cost more than the bytes it copied.
class LineWriter {
 public:
  // Writes into *out from offset `at`, first making room for size_guess bytes there.
  LineWriter(std::string* out, size_t at, size_t size_guess) : out_(out), start_(at), len_(at) {
    if (out_->size() - len_ < size_guess) Grow(size_guess);
  }
  bool ok() const { return ok_; }
  size_t end() const { return len_; }

  // Literals are copied with their size known at compile time (a few moves, no call).
  template <size_t N>
  void Raw(const char (&literal)[N]) {
    std::memcpy(Room(N - 1), literal, N - 1);
    len_ += N - 1;
  }
  void Raw(std::string_view s) {
    std::memcpy(Room(s.size()), s.data(), s.size());
    len_ += s.size();
  }
  template <size_t N>
  void Key(const char (&quoted_key_colon)[N]) {
    Raw(quoted_key_colon);
  }
  void Key(std::string_view quoted_key_colon) { Raw(quoted_key_colon); }
  void Str(std::string_view s) {
    const char* end = export_internal::WriteJsonString(Room(JsonStringBound(s.size())), s);
    if (end == nullptr) {
      ok_ = false;
      return;
    }
    len_ = static_cast<size_t>(end - out_->data());
  }
  // Where a string went in the line, to write it again by copying (StrAgain).
  struct Written {
    std::string_view source;
    size_t at = 0, size = 0;
  };
  // Str for a string that is often the one written at *last (consecutive mentions of one
  // sentence): equal bytes give an equal escape, so the earlier output is copied instead of
  // scanning the string again.
  void StrAgain(std::string_view s, Written* last) {
    if (last->size > 0 && s == last->source) {
      char* dst = Room(last->size);
      std::memcpy(dst, out_->data() + last->at, last->size);
      len_ += last->size;
      return;
    }
    const size_t at = len_;
    Str(s);
    *last = Written{s, at, ok_ ? len_ - at : 0};
  }
  void Int(int64_t v) {
    char* dst = Room(24);
    auto r = std::to_chars(dst, dst + 24, v);
    len_ = static_cast<size_t>(r.ptr - out_->data());
  }
  void Bool(bool b) { Raw(b ? std::string_view("true") : std::string_view("false")); }
  // nlohmann's own double formatting (its shortest round-trip form, "1.0" for integral
  // values): only a handful of confidence values occur, so the last few are cached.
  void Double(double v) {
    thread_local struct {
      double value[4];
      std::string text[4];
      int used = 0, next = 0;
    } cache;
    for (int i = 0; i < cache.used; ++i) {
      if (std::memcmp(&cache.value[i], &v, sizeof v) == 0) {
        Raw(cache.text[i]);
        return;
      }
    }
    std::string text = ordered_json(v).dump();
    Raw(text);
    cache.value[cache.next] = v;
    cache.text[cache.next] = std::move(text);
    cache.next = (cache.next + 1) % 4;
    cache.used = std::max(cache.used, cache.next == 0 ? 4 : cache.next);
  }
  void Interval(const DayInterval& iv) {
    Raw("[");
    Int(iv.begin);
    Raw(",");
    Int(iv.end);
    Raw("]");
  }

 private:
  // A pointer to at least k writable bytes at the end of the line (the line's room at least
  // doubles when it grows, so growing is rare).
  char* Room(size_t k) {
    if (out_->size() - len_ < k) Grow(k);
    return out_->data() + len_;
  }
  // Out of line: Room is inlined at every call site, the resize is not.
  [[gnu::noinline]] void Grow(size_t k) { out_->resize(len_ + k + (len_ - start_)); }

  std::string* out_;
  const size_t start_;
  size_t len_;
  bool ok_ = true;
};

void WriteTimex(LineWriter& w, const Timex& t) {
  w.Key("{\"begin\":");
  w.Int(t.begin);
  w.Key(",\"end\":");
  w.Int(t.end);
  w.Key(",\"byte_begin\":");
  w.Int(t.byte_begin);
  w.Key(",\"byte_end\":");
  w.Int(t.byte_end);
  w.Key(",\"type\":");
  w.Str(TimexTypeName(t.type));
  w.Key(",\"value\":");
  w.Str(t.value);
  w.Key(",\"mod\":");
  w.Str(TimexModName(t.mod));
  w.Key(",\"granularity\":");
  w.Str(GranularityName(t.granularity));
  w.Key(",\"interval\":");
  w.Interval(t.interval);
  w.Key(",\"temporal_function\":");
  w.Bool(t.temporal_function);
  w.Key(",\"anchor\":");
  w.Int(t.anchor);
  w.Raw("}");
}

void WriteMention(LineWriter& w, const EventMention& m, const DocumentInfo& doc,
                  LineWriter::Written* last_sentence) {
  w.Raw("{");
  if (m.doc_id != doc.id) {
    w.Key("\"doc_id\":");
    w.Str(m.doc_id);
    w.Raw(",");
  }
  if (!(m.dct == doc.dct)) {
    w.Key("\"dct\":");
    w.Str(FormatDct(m.dct));
    w.Raw(",");
  }
  w.Key("\"timex\":");
  WriteTimex(w, m.timex);
  w.Key(",\"timex_text\":");
  w.Str(m.timex_text);
  w.Key(",\"headline\":");
  w.Str(m.headline);
  w.Key(",\"sentence\":");
  w.StrAgain(m.sentence, last_sentence);
  w.Key(",\"sentence_begin\":");
  w.Int(m.sentence_begin);
  w.Key(",\"sentence_end\":");
  w.Int(m.sentence_end);
  w.Key(",\"tokens\":[");
  for (size_t i = 0; i < m.tokens.size(); ++i) {
    if (i > 0) w.Raw(",");
    w.Str(m.tokens[i]);
  }
  w.Key("],\"cues\":[");
  for (size_t i = 0; i < m.cues.size(); ++i) {
    const EventMention::Cue& c = m.cues[i];
    w.Key(i > 0 ? ",{\"signal\":" : "{\"signal\":");
    w.Str(c.signal);
    w.Key(",\"value\":");
    w.Str(c.value);
    w.Key(",\"interval\":");
    w.Interval(c.interval);
    w.Key(",\"ref_offset\":");
    w.Int(c.ref_offset);
    w.Raw("}");
  }
  w.Key("],\"tense\":");
  w.Int(m.tense);
  w.Key(",\"confidence\":");
  w.Double(m.confidence);
  w.Raw("}");
}

}  // namespace

std::string WriteDocumentMentionsLine(const DocumentMentions& document) {
  std::string line;
  line.resize(WriteDocumentMentionsLineAt(document, &line, 0));
  return line;
}

size_t WriteDocumentMentionsLineAt(const DocumentMentions& document, std::string* buffer,
                                   size_t at) {
  const DocumentInfo& d = document.info;
  size_t guess = 256 + d.id.size() + d.source.size() + d.title.size() + d.url.size();
  for (const EventMention& m : document.mentions) {
    guess += 400 + m.sentence.size() + m.headline.size() + m.timex_text.size();
    for (const std::string& t : m.tokens) guess += t.size() + 3;
  }
  LineWriter w(buffer, at, guess);
  LineWriter::Written last_sentence;
  w.Key("{\"doc\":{\"id\":");
  w.Str(d.id);
  w.Key(",\"dct\":");
  w.Str(FormatDct(d.dct));
  w.Key(",\"source\":");
  w.Str(d.source);
  w.Key(",\"title\":");
  w.Str(d.title);
  w.Key(",\"url\":");
  w.Str(d.url);
  w.Key(",\"dct_inferred\":");
  w.Bool(d.dct_inferred);
  w.Key(",\"dct_confidence\":");
  w.Double(d.dct_confidence);
  w.Key(",\"timex_count\":");
  w.Int(d.timex_count);
  w.Key(",\"mention_count\":");
  w.Int(d.mention_count);
  w.Key("},\"mentions\":[");
  for (size_t i = 0; i < document.mentions.size(); ++i) {
    if (i > 0) w.Raw(",");
    WriteMention(w, document.mentions[i], d, &last_sentence);
  }
  w.Key("],\"warnings\":[");
  for (size_t i = 0; i < document.warnings.size(); ++i) {
    const TimelineWarning& warning = document.warnings[i];
    w.Key(i > 0 ? ",{\"doc_id\":" : "{\"doc_id\":");
    w.Str(warning.doc_id);
    w.Key(",\"offset\":");
    w.Int(warning.offset);
    w.Key(",\"message\":");
    w.Str(warning.message);
    w.Raw("}");
  }
  w.Raw("]}\n");
  if (w.ok()) return w.end();
  const std::string dom = WriteDocumentMentionsLineDom(document);
  if (buffer->size() < at + dom.size()) buffer->resize(at + dom.size());
  buffer->replace(at, dom.size(), dom);
  return at + dom.size();
}

Result<DocumentMentions> ReadDocumentMentionsLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  Json j;
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    // nlohmann reports the 1-based position of the byte after the error; make it 0-based.
    const int64_t off = e.byte > 0 ? static_cast<int64_t>(e.byte) - 1 : 0;
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    return Status::ParseError("not a JSON object: " + what, Location{off, -1, -1});
  } catch (const std::exception& e) {
    return Status::ParseError(std::string("not a JSON object: ") + e.what());
  }
  DocumentMentions out;
  Reader root("");
  TARIKH_RETURN_IF_ERROR(root.Object(j));
  auto doc = j.find("doc");
  if (doc == j.end()) return root.Error("missing member \"doc\" (is this mention JSONL?)");
  TARIKH_RETURN_IF_ERROR(ReadDocumentInfo(root.Sub("doc"), *doc, &out.info));
  const Json* mentions = nullptr;
  TARIKH_RETURN_IF_ERROR(root.Array(j, "mentions", &mentions));
  if (mentions) {
    out.mentions.resize(mentions->size());
    for (size_t i = 0; i < mentions->size(); ++i) {
      TARIKH_RETURN_IF_ERROR(
          ReadMention(root.Sub("mentions").Index(i), (*mentions)[i], out.info, &out.mentions[i]));
    }
  }
  const Json* warnings = nullptr;
  TARIKH_RETURN_IF_ERROR(root.Array(j, "warnings", &warnings));
  if (warnings) {
    out.warnings.resize(warnings->size());
    for (size_t i = 0; i < warnings->size(); ++i) {
      Reader wr = root.Sub("warnings").Index(i);
      const Json& w = (*warnings)[i];
      TARIKH_RETURN_IF_ERROR(wr.Object(w));
      TARIKH_RETURN_IF_ERROR(wr.Get(w, "doc_id", false, &out.warnings[i].doc_id));
      TARIKH_RETURN_IF_ERROR(wr.Get(w, "offset", false, &out.warnings[i].offset));
      TARIKH_RETURN_IF_ERROR(wr.Get(w, "message", true, &out.warnings[i].message));
    }
  }
  return out;
}

}  // namespace tarikh
