// SPDX-License-Identifier: MIT
#include "tarikh/export/timeline_json.h"

#include <array>
#include <charconv>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "json_locate.h"
#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

using export_internal::JsonPath;

constexpr std::array<std::string_view, 15> kGranularityNames = {
    "none",  "millennium", "century", "decade",      "year", "half",   "quarter", "season",
    "month", "week",       "day",     "part_of_day", "hour", "minute", "second"};
static_assert(kGranularityNames.size() == static_cast<size_t>(Granularity::kSecond) + 1);

constexpr std::array<std::string_view, 3> kRelationKindNames = {"before", "includes",
                                                                "simultaneous"};

// The streaming writer. Its bytes are those nlohmann::ordered_json::dump(2, ' ', false,
// replace) gave for the same document (the format is fixed by files already written; tests
// compare both): pretty-printed objects and arrays, "key": value, empty containers as {} and
// [], strings with only " \ and control characters escaped (\b \f \n \r \t, else \u00xx),
// numbers as nlohmann prints them. Text goes to the sink in chunks of about kChunk bytes, so
// a 10^6-event timeline is never one string.
class JsonOut {
 public:
  explicit JsonOut(const TimelineJsonSink& sink) : sink_(sink) { buf_.reserve(kChunk + 4096); }

  Status status() const { return status_; }
  // Hands the buffered text to the sink (once it is large enough, or at the end).
  void Flush(bool force) {
    if (!status_.ok() || buf_.empty() || (!force && buf_.size() < kChunk)) return;
    status_ = sink_(buf_);
    buf_.clear();
  }

  void Raw(std::string_view s) { buf_.append(s); }
  void Indent(int n) { buf_.append(static_cast<size_t>(n), ' '); }
  void Int(int64_t v) {
    char tmp[24];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
  }
  void Bool(bool v) { buf_.append(v ? "true" : "false"); }
  // nlohmann's shortest round-trip form ("0.75", "1.0", "1e-07"; "null" if not finite).
  void Double(double v) { buf_.append(nlohmann::json(v).dump()); }
  void String(std::string_view s) {
    if (!ValidateUtf8(s).ok()) {
      // Invalid bytes become U+FFFD exactly as nlohmann's `replace` handler does it (rare:
      // everything read by tarikh is validated first).
      buf_.append(nlohmann::json(std::string(s))
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
    buf_.push_back('"');
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      buf_.append(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"':
          buf_.append("\\\"");
          break;
        case '\\':
          buf_.append("\\\\");
          break;
        case '\b':
          buf_.append("\\b");
          break;
        case '\f':
          buf_.append("\\f");
          break;
        case '\n':
          buf_.append("\\n");
          break;
        case '\r':
          buf_.append("\\r");
          break;
        case '\t':
          buf_.append("\\t");
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          buf_.append(esc, sizeof esc);
        }
      }
    }
    buf_.append(s.substr(run));
    buf_.push_back('"');
  }

  // Members of an object at nesting depth `depth` (indent 2 * depth): First/Next write the
  // separator, the indentation and the key.
  void Key(int depth, bool first, std::string_view key) {
    buf_.append(first ? "\n" : ",\n");
    Indent(2 * depth);
    buf_.push_back('"');
    buf_.append(key);  // keys are fixed ASCII member names
    buf_.append("\": ");
  }
  // An element of an array at nesting depth `depth`.
  void Element(int depth, bool first) {
    buf_.append(first ? "\n" : ",\n");
    Indent(2 * depth);
  }
  // Closes a non-empty container whose elements were at `depth`.
  void Close(int depth, char bracket) {
    buf_.push_back('\n');
    Indent(2 * (depth - 1));
    buf_.push_back(bracket);
  }

 private:
  static constexpr size_t kChunk = 1 << 16;
  const TimelineJsonSink& sink_;
  std::string buf_;
  Status status_;
};

void WriteDocument(JsonOut& o, const DocumentInfo& d) {
  // Depth 3: top object (1) > "documents" array (2) > this object's members (3).
  o.Raw("{");
  o.Key(3, true, "id");
  o.String(d.id);
  o.Key(3, false, "source");
  o.String(d.source);
  o.Key(3, false, "title");
  o.String(d.title);
  o.Key(3, false, "url");
  o.String(d.url);
  o.Key(3, false, "dct");
  o.String(FormatDct(d.dct));
  o.Key(3, false, "dct_inferred");
  o.Bool(d.dct_inferred);
  o.Key(3, false, "dct_confidence");
  o.Double(d.dct_confidence);
  o.Key(3, false, "timex_count");
  o.Int(d.timex_count);
  o.Key(3, false, "mention_count");
  o.Int(d.mention_count);
  o.Close(3, '}');
}

void WriteSource(JsonOut& o, const SourceRef& s) {
  // Depth 5: top > events > event > sources > this object's members.
  o.Raw("{");
  o.Key(5, true, "doc_id");
  o.String(s.doc_id);
  o.Key(5, false, "sentence_begin");
  o.Int(s.sentence_begin);
  o.Key(5, false, "sentence_end");
  o.Int(s.sentence_end);
  o.Key(5, false, "timex_begin");
  o.Int(s.timex_begin);
  o.Key(5, false, "timex_end");
  o.Int(s.timex_end);
  o.Key(5, false, "timex_text");
  o.String(s.timex_text);
  o.Key(5, false, "timex_value");
  o.String(s.timex_value);
  o.Close(5, '}');
}

void WriteEvent(JsonOut& o, const Event& e) {
  o.Raw("{");
  o.Key(3, true, "id");
  o.String(e.id);
  o.Key(3, false, "value");
  o.String(e.value);
  o.Key(3, false, "mod");
  o.String(TimexModName(e.mod));
  o.Key(3, false, "type");
  o.String(TimexTypeName(e.type));
  o.Key(3, false, "granularity");
  o.String(GranularityName(e.granularity));
  o.Key(3, false, "display_date");
  o.String(e.display_date);
  o.Key(3, false, "earliest_start");
  o.String(e.earliest_start);
  o.Key(3, false, "latest_start");
  o.String(e.latest_start);
  o.Key(3, false, "earliest_end");
  o.String(e.earliest_end);
  o.Key(3, false, "latest_end");
  o.String(e.latest_end);
  o.Key(3, false, "headline");
  o.String(e.headline);
  o.Key(3, false, "sentence");
  o.String(e.sentence);
  o.Key(3, false, "sources");
  if (e.sources.empty()) {
    o.Raw("[]");
  } else {
    o.Raw("[");
    for (size_t i = 0; i < e.sources.size(); ++i) {
      o.Element(4, i == 0);
      WriteSource(o, e.sources[i]);
    }
    o.Close(4, ']');
  }
  o.Key(3, false, "confidence");
  o.Double(e.confidence);
  o.Close(3, '}');
}

void WriteRelation(JsonOut& o, const Relation& r) {
  o.Raw("{");
  o.Key(3, true, "from");
  o.String(r.from);
  o.Key(3, false, "to");
  o.String(r.to);
  o.Key(3, false, "kind");
  o.String(RelationKindName(r.kind));
  o.Close(3, '}');
}

void WriteWarning(JsonOut& o, const TimelineWarning& w) {
  o.Raw("{");
  o.Key(3, true, "doc_id");
  o.String(w.doc_id);
  o.Key(3, false, "offset");
  o.Int(w.offset);
  o.Key(3, false, "message");
  o.String(w.message);
  o.Close(3, '}');
}

// A top-level array member "key": [...] whose n elements `write_element(i)` writes.
template <typename WriteElement>
void WriteArray(JsonOut& o, std::string_view key, size_t n, WriteElement write_element) {
  o.Key(1, false, key);
  if (n == 0) {
    o.Raw("[]");
    return;
  }
  o.Raw("[");
  for (size_t i = 0; i < n && o.status().ok(); ++i) {
    o.Element(2, i == 0);
    write_element(i);
    o.Flush(false);
  }
  o.Close(2, ']');
}

// A Timeline seen through the TimelineSource interface (events and relations by reference).
class TimelineRef : public TimelineSource {
 public:
  explicit TimelineRef(const Timeline& t) : t_(t) {}
  const Timeline& header() const override { return t_; }
  size_t num_events() const override { return t_.events.size(); }
  void GetEvent(size_t i, Event* event) const override { *event = t_.events[i]; }
  size_t num_relations() const override { return t_.relations.size(); }
  void GetRelation(size_t i, Relation* relation) const override { *relation = t_.relations[i]; }

 private:
  const Timeline& t_;
};

Status WriteJson(const TimelineSource& source, const Timeline* whole,
                 const TimelineJsonSink& sink) {
  const Timeline& h = source.header();
  JsonOut o(sink);
  o.Raw("{");
  o.Key(1, true, "schema_version");
  o.Int(h.schema_version);
  o.Key(1, false, "title");
  o.String(h.title);
  WriteArray(o, "documents", h.documents.size(),
             [&](size_t i) { WriteDocument(o, h.documents[i]); });
  // A whole Timeline is written from its own objects; a source fills one reused scratch.
  Event scratch_event;
  WriteArray(o, "events", source.num_events(), [&](size_t i) {
    if (whole) return WriteEvent(o, whole->events[i]);
    source.GetEvent(i, &scratch_event);
    WriteEvent(o, scratch_event);
  });
  Relation scratch_relation;
  WriteArray(o, "relations", source.num_relations(), [&](size_t i) {
    if (whole) return WriteRelation(o, whole->relations[i]);
    source.GetRelation(i, &scratch_relation);
    WriteRelation(o, scratch_relation);
  });
  WriteArray(o, "warnings", h.warnings.size(), [&](size_t i) { WriteWarning(o, h.warnings[i]); });
  o.Close(1, '}');
  o.Raw("\n");
  o.Flush(true);
  return o.status();
}

// Validates one JSON object member by member; remembers which members were read so that
// Finish() can reject unknown ones (a misspelt member would otherwise be silently dropped).
class ObjectReader {
 public:
  ObjectReader(std::string_view text, JsonPath* path, const nlohmann::json& j)
      : text_(text), path_(path), j_(j) {}

  Status Error(const std::string& key, const std::string& what) const {
    JsonPath p = *path_;
    if (!key.empty()) p.push_back(key);
    int64_t off = export_internal::LocateJsonPath(text_, p);
    return Status::ParseError(export_internal::JsonPathString(p) + ": " + what,
                              export_internal::LocateOffset(text_, off));
  }

  // Calls `fn` with the member (or returns an error if required and missing).
  Status Member(const std::string& key, bool required,
                const std::function<Status(const nlohmann::json&)>& fn) {
    seen_.insert(key);
    auto it = j_.find(key);
    if (it == j_.end()) {
      return required ? Error("", "missing required member \"" + key + "\"") : Status::Ok();
    }
    path_->push_back(key);
    Status st = fn(*it);
    path_->pop_back();
    return st;
  }

  Status String(const std::string& key, std::string* out, bool required = false) {
    return Member(key, required, [&](const nlohmann::json& v) {
      if (!v.is_string()) return Error("", "expected a string, got " + std::string(v.type_name()));
      *out = v.get<std::string>();
      return Status::Ok();
    });
  }
  template <typename Int>
  Status Integer(const std::string& key, Int* out, bool required = false) {
    return Member(key, required, [&](const nlohmann::json& v) {
      if (!v.is_number_integer()) {
        return Error("", "expected an integer, got " + std::string(v.type_name()));
      }
      *out = static_cast<Int>(v.get<int64_t>());
      return Status::Ok();
    });
  }
  Status Number(const std::string& key, double* out) {
    return Member(key, false, [&](const nlohmann::json& v) {
      if (!v.is_number()) return Error("", "expected a number, got " + std::string(v.type_name()));
      *out = v.get<double>();
      return Status::Ok();
    });
  }
  Status Bool(const std::string& key, bool* out) {
    return Member(key, false, [&](const nlohmann::json& v) {
      if (!v.is_boolean()) {
        return Error("", "expected true or false, got " + std::string(v.type_name()));
      }
      *out = v.get<bool>();
      return Status::Ok();
    });
  }
  // An array whose elements are objects, each handed to `fn` with the path extended.
  Status Array(const std::string& key, bool required,
               const std::function<Status(ObjectReader&)>& fn) {
    return Member(key, required, [&](const nlohmann::json& v) -> Status {
      if (!v.is_array()) return Error("", "expected an array, got " + std::string(v.type_name()));
      for (size_t i = 0; i < v.size(); ++i) {
        path_->push_back(i);
        Status st;
        if (!v[i].is_object()) {
          st = Error("", "expected an object, got " + std::string(v[i].type_name()));
        } else {
          ObjectReader r(text_, path_, v[i]);
          st = fn(r);
          if (st.ok()) st = r.Finish();
        }
        path_->pop_back();
        TARIKH_RETURN_IF_ERROR(st);
      }
      return Status::Ok();
    });
  }

  Status Finish() const {
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (!seen_.count(it.key())) return Error(it.key(), "unknown member \"" + it.key() + "\"");
    }
    return Status::Ok();
  }

 private:
  std::string_view text_;
  JsonPath* path_;
  const nlohmann::json& j_;
  std::set<std::string> seen_;
};

Status ReadSource(ObjectReader& r, SourceRef* s) {
  TARIKH_RETURN_IF_ERROR(r.String("doc_id", &s->doc_id, true));
  TARIKH_RETURN_IF_ERROR(r.Integer("sentence_begin", &s->sentence_begin));
  TARIKH_RETURN_IF_ERROR(r.Integer("sentence_end", &s->sentence_end));
  TARIKH_RETURN_IF_ERROR(r.Integer("timex_begin", &s->timex_begin));
  TARIKH_RETURN_IF_ERROR(r.Integer("timex_end", &s->timex_end));
  TARIKH_RETURN_IF_ERROR(r.String("timex_text", &s->timex_text));
  return r.String("timex_value", &s->timex_value);
}

// An empty string or a valid "YYYY-MM-DD".
Status CheckIsoDay(ObjectReader& r, const std::string& key, const std::string& v) {
  if (v.empty()) return Status::Ok();
  Result<Dct> d = ParseDct(v);
  if (!d.ok() || d->has_time() || v.size() != 10) {
    return r.Error(key, "expected \"YYYY-MM-DD\" or \"\", got \"" + v + "\"");
  }
  return Status::Ok();
}

Status ReadEvent(ObjectReader& r, Event* e) {
  TARIKH_RETURN_IF_ERROR(r.String("id", &e->id, true));
  TARIKH_RETURN_IF_ERROR(r.String("value", &e->value, true));
  std::string s;
  TARIKH_RETURN_IF_ERROR(r.String("mod", &s));
  if (auto mod = ParseTimexMod(s)) {
    e->mod = *mod;
  } else {
    return r.Error("mod", "unknown TIMEX3 mod \"" + s + "\"");
  }
  s = "DATE";
  TARIKH_RETURN_IF_ERROR(r.String("type", &s));
  if (auto type = ParseTimexType(s)) {
    e->type = *type;
  } else {
    return r.Error("type", "unknown TIMEX3 type \"" + s + "\" (DATE, TIME, DURATION or SET)");
  }
  s = "none";
  TARIKH_RETURN_IF_ERROR(r.String("granularity", &s));
  if (auto g = ParseGranularity(s)) {
    e->granularity = *g;
  } else {
    return r.Error("granularity", "unknown granularity \"" + s + "\"");
  }
  TARIKH_RETURN_IF_ERROR(r.String("display_date", &e->display_date));
  for (auto [key, field] :
       {std::pair{"earliest_start", &e->earliest_start},
        std::pair{"latest_start", &e->latest_start}, std::pair{"earliest_end", &e->earliest_end},
        std::pair{"latest_end", &e->latest_end}}) {
    TARIKH_RETURN_IF_ERROR(r.String(key, field));
    TARIKH_RETURN_IF_ERROR(CheckIsoDay(r, key, *field));
  }
  TARIKH_RETURN_IF_ERROR(r.String("headline", &e->headline));
  TARIKH_RETURN_IF_ERROR(r.String("sentence", &e->sentence));
  TARIKH_RETURN_IF_ERROR(r.Array("sources", false, [&](ObjectReader& sr) {
    e->sources.emplace_back();
    return ReadSource(sr, &e->sources.back());
  }));
  TARIKH_RETURN_IF_ERROR(r.Number("confidence", &e->confidence));
  if (!(e->confidence >= 0.0 && e->confidence <= 1.0)) {
    return r.Error("confidence", "must be between 0 and 1");
  }
  return Status::Ok();
}

Status ReadDocument(ObjectReader& r, DocumentInfo* d) {
  TARIKH_RETURN_IF_ERROR(r.String("id", &d->id, true));
  TARIKH_RETURN_IF_ERROR(r.String("source", &d->source));
  TARIKH_RETURN_IF_ERROR(r.String("title", &d->title));
  TARIKH_RETURN_IF_ERROR(r.String("url", &d->url));
  std::string dct;
  TARIKH_RETURN_IF_ERROR(r.String("dct", &dct, true));
  Result<Dct> parsed = ParseDct(dct);
  if (!parsed.ok()) return r.Error("dct", "invalid DCT: " + parsed.status().message());
  d->dct = *parsed;
  TARIKH_RETURN_IF_ERROR(r.Bool("dct_inferred", &d->dct_inferred));
  TARIKH_RETURN_IF_ERROR(r.Number("dct_confidence", &d->dct_confidence));
  TARIKH_RETURN_IF_ERROR(r.Integer("timex_count", &d->timex_count));
  return r.Integer("mention_count", &d->mention_count);
}

Status ReadRelation(ObjectReader& r, Relation* rel) {
  TARIKH_RETURN_IF_ERROR(r.String("from", &rel->from, true));
  TARIKH_RETURN_IF_ERROR(r.String("to", &rel->to, true));
  std::string kind;
  TARIKH_RETURN_IF_ERROR(r.String("kind", &kind, true));
  if (auto k = ParseRelationKind(kind)) {
    rel->kind = *k;
  } else {
    return r.Error("kind",
                   "unknown relation kind \"" + kind + "\" (before, includes or simultaneous)");
  }
  return Status::Ok();
}

Status ReadWarning(ObjectReader& r, TimelineWarning* w) {
  TARIKH_RETURN_IF_ERROR(r.String("doc_id", &w->doc_id));
  TARIKH_RETURN_IF_ERROR(r.Integer("offset", &w->offset));
  return r.String("message", &w->message, true);
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error …"; the location is reported separately, so keep only the explanation.
std::string ParseErrorText(const std::string& what) {
  size_t col = what.find("column ");
  size_t colon = col == std::string::npos ? std::string::npos : what.find(": ", col);
  if (colon != std::string::npos) return "malformed JSON: " + what.substr(colon + 2);
  size_t bracket = what.find("] ");
  return "malformed JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

}  // namespace

std::string_view GranularityName(Granularity granularity) {
  return kGranularityNames[static_cast<size_t>(granularity)];
}

std::optional<Granularity> ParseGranularity(std::string_view name) {
  for (size_t i = 0; i < kGranularityNames.size(); ++i) {
    if (kGranularityNames[i] == name) return static_cast<Granularity>(i);
  }
  return std::nullopt;
}

std::string_view RelationKindName(Relation::Kind kind) {
  return kRelationKindNames[static_cast<size_t>(kind)];
}

std::optional<Relation::Kind> ParseRelationKind(std::string_view name) {
  for (size_t i = 0; i < kRelationKindNames.size(); ++i) {
    if (kRelationKindNames[i] == name) return static_cast<Relation::Kind>(i);
  }
  return std::nullopt;
}

Status WriteTimelineJson(const TimelineSource& source, const TimelineJsonSink& sink) {
  return WriteJson(source, nullptr, sink);
}

Status WriteTimelineJson(const Timeline& timeline, const TimelineJsonSink& sink) {
  return WriteJson(TimelineRef(timeline), &timeline, sink);
}

std::string WriteTimelineJson(const Timeline& timeline) {
  std::string out;
  // The sink never fails, so neither does the writer.
  (void)WriteTimelineJson(timeline, [&out](std::string_view chunk) {
    out.append(chunk);
    return Status::Ok();
  });
  return out;
}

Result<Timeline> ReadTimelineJson(std::string_view json) {
  Status utf8 = ValidateUtf8(json);
  if (!utf8.ok()) {
    return Status::ParseError("not UTF-8: " + utf8.message(),
                              export_internal::LocateOffset(json, utf8.location().byte_offset));
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    int64_t off = e.byte > 0 ? static_cast<int64_t>(e.byte) - 1 : 0;
    off = std::min<int64_t>(off, static_cast<int64_t>(json.size()));
    return Status::ParseError(ParseErrorText(e.what()), export_internal::LocateOffset(json, off));
  } catch (const std::exception& e) {
    return Status::ParseError(std::string("malformed JSON: ") + e.what());
  }
  JsonPath path;
  ObjectReader top(json, &path, j);
  if (!j.is_object()) {
    return top.Error("",
                     "not a tarikh timeline: expected a JSON object with \"schema_version\" "
                     "and \"events\", got " +
                         std::string(j.type_name()));
  }
  Timeline t;
  if (!j.contains("schema_version")) {
    return top.Error("",
                     "not a tarikh timeline: missing \"schema_version\" (is this a "
                     "TimelineJS file? tarikh reads its own timeline.json)");
  }
  TARIKH_RETURN_IF_ERROR(top.Integer("schema_version", &t.schema_version, true));
  if (t.schema_version != Timeline::kSchemaVersion) {
    return top.Error("schema_version", "unsupported schema_version " +
                                           std::to_string(t.schema_version) +
                                           " (this build reads version " +
                                           std::to_string(Timeline::kSchemaVersion) + ")");
  }
  try {
    TARIKH_RETURN_IF_ERROR(top.String("title", &t.title));
    TARIKH_RETURN_IF_ERROR(top.Array("documents", false, [&](ObjectReader& r) {
      t.documents.emplace_back();
      return ReadDocument(r, &t.documents.back());
    }));
    TARIKH_RETURN_IF_ERROR(top.Array("events", true, [&](ObjectReader& r) {
      t.events.emplace_back();
      return ReadEvent(r, &t.events.back());
    }));
    TARIKH_RETURN_IF_ERROR(top.Array("relations", false, [&](ObjectReader& r) {
      t.relations.emplace_back();
      return ReadRelation(r, &t.relations.back());
    }));
    TARIKH_RETURN_IF_ERROR(top.Array("warnings", false, [&](ObjectReader& r) {
      t.warnings.emplace_back();
      return ReadWarning(r, &t.warnings.back());
    }));
    TARIKH_RETURN_IF_ERROR(top.Finish());
  } catch (const std::exception& e) {
    return Status::Internal(std::string("reading timeline: ") + e.what());
  }
  // Relations must point at events of this timeline.
  std::set<std::string> ids;
  for (size_t i = 0; i < t.events.size(); ++i) {
    if (!ids.insert(t.events[i].id).second) {
      path = {std::string("events"), i};
      return ObjectReader(json, &path, j)
          .Error("id", "duplicate event id \"" + t.events[i].id + "\"");
    }
  }
  for (size_t i = 0; i < t.relations.size(); ++i) {
    for (const std::string* end : {&t.relations[i].from, &t.relations[i].to}) {
      if (!ids.count(*end)) {
        path = {std::string("relations"), i};
        return ObjectReader(json, &path, j)
            .Error(end == &t.relations[i].from ? "from" : "to",
                   "no event with id \"" + *end + "\"");
      }
    }
  }
  return t;
}

}  // namespace tarikh
