// SPDX-License-Identifier: MIT
#include "tarikh/export/timeline_json.h"

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "json_locate.h"
#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

using export_internal::JsonPath;
using nlohmann::ordered_json;

constexpr std::array<std::string_view, 15> kGranularityNames = {
    "none",  "millennium", "century", "decade",      "year", "half",   "quarter", "season",
    "month", "week",       "day",     "part_of_day", "hour", "minute", "second"};
static_assert(kGranularityNames.size() == static_cast<size_t>(Granularity::kSecond) + 1);

constexpr std::array<std::string_view, 3> kRelationKindNames = {"before", "includes",
                                                                "simultaneous"};

ordered_json SourceToJson(const SourceRef& s) {
  ordered_json j;
  j["doc_id"] = s.doc_id;
  j["sentence_begin"] = s.sentence_begin;
  j["sentence_end"] = s.sentence_end;
  j["timex_begin"] = s.timex_begin;
  j["timex_end"] = s.timex_end;
  j["timex_text"] = s.timex_text;
  j["timex_value"] = s.timex_value;
  return j;
}

ordered_json EventToJson(const Event& e) {
  ordered_json j;
  j["id"] = e.id;
  j["value"] = e.value;
  j["mod"] = std::string(TimexModName(e.mod));
  j["type"] = std::string(TimexTypeName(e.type));
  j["granularity"] = std::string(GranularityName(e.granularity));
  j["display_date"] = e.display_date;
  j["earliest_start"] = e.earliest_start;
  j["latest_start"] = e.latest_start;
  j["earliest_end"] = e.earliest_end;
  j["latest_end"] = e.latest_end;
  j["headline"] = e.headline;
  j["sentence"] = e.sentence;
  j["sources"] = ordered_json::array();
  for (const SourceRef& s : e.sources) j["sources"].push_back(SourceToJson(s));
  j["confidence"] = e.confidence;
  return j;
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

std::string WriteTimelineJson(const Timeline& t) {
  ordered_json j;
  j["schema_version"] = t.schema_version;
  j["title"] = t.title;
  j["documents"] = ordered_json::array();
  for (const DocumentInfo& d : t.documents) {
    ordered_json dj;
    dj["id"] = d.id;
    dj["source"] = d.source;
    dj["title"] = d.title;
    dj["url"] = d.url;
    dj["dct"] = FormatDct(d.dct);
    dj["dct_inferred"] = d.dct_inferred;
    dj["dct_confidence"] = d.dct_confidence;
    dj["timex_count"] = d.timex_count;
    dj["mention_count"] = d.mention_count;
    j["documents"].push_back(std::move(dj));
  }
  j["events"] = ordered_json::array();
  for (const Event& e : t.events) j["events"].push_back(EventToJson(e));
  j["relations"] = ordered_json::array();
  for (const Relation& r : t.relations) {
    j["relations"].push_back(
        {{"from", r.from}, {"to", r.to}, {"kind", std::string(RelationKindName(r.kind))}});
  }
  j["warnings"] = ordered_json::array();
  for (const TimelineWarning& w : t.warnings) {
    j["warnings"].push_back({{"doc_id", w.doc_id}, {"offset", w.offset}, {"message", w.message}});
  }
  // `replace` keeps a stray invalid byte in a string from throwing out of the library.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
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
