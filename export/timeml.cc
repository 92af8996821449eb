// SPDX-License-Identifier: MIT
#include "tarikh/export/timeml.h"

#include <algorithm>
#include <map>
#include <pugixml.hpp>

#include "json_locate.h"
#include "tarikh/core/utf8.h"
#include "tarikh/export/escape.h"

namespace tarikh {
namespace {

// Byte offset of every code point boundary of `text` (size = code points + 1).
std::vector<size_t> CodePointBytes(std::string_view text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

struct Span {
  int64_t begin = 0;  // code points
  int64_t end = 0;
  std::string open;
  std::string close;
};

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + XmlEscapeAttribute(value) + "\"";
}

std::string EventTimeRel(TimexMod mod) {
  switch (mod) {
    case TimexMod::kBefore:
    case TimexMod::kOnOrBefore:
      return "BEFORE";
    case TimexMod::kAfter:
    case TimexMod::kOnOrAfter:
      return "AFTER";
    default:
      return "IS_INCLUDED";
  }
}

std::string_view RelationRel(Relation::Kind kind) {
  switch (kind) {
    case Relation::Kind::kBefore:
      return "BEFORE";
    case Relation::Kind::kIncludes:
      return "INCLUDES";
    default:
      return "SIMULTANEOUS";
  }
}

bool Overlaps(const std::vector<Span>& spans, int64_t b, int64_t e) {
  for (const Span& s : spans) {
    if (b < s.end && s.begin < e) return true;
  }
  return false;
}

// Code point offset of the first word of `headline` (two bytes or more) found inside the
// sentence [sb, se) and outside every tagged span, with its length; {-1, 0} if none.
std::pair<int64_t, int64_t> FindEventWord(std::string_view text, const std::vector<size_t>& cp,
                                          std::string_view headline, int64_t sb, int64_t se,
                                          const std::vector<Span>& taken) {
  const int64_t n = static_cast<int64_t>(cp.size()) - 1;
  sb = std::clamp<int64_t>(sb, 0, n);
  se = std::clamp<int64_t>(se, sb, n);
  std::string_view sentence = text.substr(cp[sb], cp[se] - cp[sb]);
  size_t pos = 0;
  while (pos < headline.size()) {
    size_t end = headline.find(' ', pos);
    if (end == std::string_view::npos) end = headline.size();
    std::string_view word = headline.substr(pos, end - pos);
    pos = end + 1;
    if (word.size() < 2) continue;
    for (size_t at = sentence.find(word); at != std::string_view::npos;
         at = sentence.find(word, at + 1)) {
      size_t byte = cp[sb] + at;
      auto it = std::lower_bound(cp.begin(), cp.end(), byte);
      if (it == cp.end() || *it != byte) continue;
      int64_t b = it - cp.begin();
      int64_t e = b + CountCodePoints(word);
      if (!Overlaps(taken, b, e)) return {b, e};
    }
  }
  return {-1, 0};
}

Status NodeError(std::string_view xml, const pugi::xml_node& node, const std::string& msg) {
  ptrdiff_t off = node.offset_debug();
  return Status::ParseError(msg, off >= 0 ? export_internal::LocateOffset(xml, off) : Location{});
}

struct TextWalker {
  std::string_view xml;
  TimeMlDocument* doc;
  int64_t cps = 0;
  Status status;

  void Append(std::string_view s) {
    doc->text.append(s);
    cps += CountCodePoints(s);
  }

  void Walk(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n && status.ok(); n = n.next_sibling()) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        Append(n.value());
        continue;
      }
      if (n.type() != pugi::node_element) continue;
      std::string_view name = n.name();
      const int64_t begin = cps;
      const size_t byte_begin = doc->text.size();
      Walk(n);
      if (!status.ok()) return;
      if (name == "TIMEX3") {
        Timex t;
        t.begin = begin;
        t.end = cps;
        t.byte_begin = static_cast<int64_t>(byte_begin);
        t.byte_end = static_cast<int64_t>(doc->text.size());
        auto type = ParseTimexType(n.attribute("type").value());
        if (!type) {
          status = NodeError(xml, n,
                             "TIMEX3 type \"" + std::string(n.attribute("type").value()) +
                                 "\" is not DATE, TIME, DURATION or SET");
          return;
        }
        t.type = *type;
        t.value = n.attribute("value").value();
        auto mod = ParseTimexMod(n.attribute("mod").value());
        if (!mod) {
          status = NodeError(
              xml, n, "unknown TIMEX3 mod \"" + std::string(n.attribute("mod").value()) + "\"");
          return;
        }
        t.mod = *mod;
        t.temporal_function = std::string_view(n.attribute("temporalFunction").value()) == "true";
        doc->timexes.push_back(std::move(t));
        doc->timex_ids.push_back(n.attribute("tid").value());
      } else if (name == "EVENT") {
        TimeMlEvent e;
        e.eid = n.attribute("eid").value();
        if (auto c = n.attribute("class")) e.event_class = c.value();
        e.timeline_event = n.attribute("comment").value();
        e.begin = begin;
        e.end = cps;
        doc->events.push_back(std::move(e));
      }
    }
  }
};

}  // namespace

std::string WriteTimeMl(const Document& doc, const std::vector<Timex>& timexes,
                        const Timeline* timeline) {
  const std::vector<size_t> cp = CodePointBytes(doc.text);
  const int64_t n = static_cast<int64_t>(cp.size()) - 1;

  // TIMEX3s in text order; each keeps its index in `timexes` so anchors can be mapped.
  std::vector<size_t> order(timexes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return timexes[a].begin < timexes[b].begin; });
  std::map<size_t, std::string> tid_of;
  std::vector<Span> spans;
  int64_t last_end = 0;
  for (size_t i : order) {
    const Timex& t = timexes[i];
    if (t.begin < last_end || t.begin >= t.end || t.end > n) continue;  // overlapping / bad
    last_end = t.end;
    tid_of[i] = "t" + std::to_string(tid_of.size() + 1);
    spans.push_back({t.begin, t.end, "", "</TIMEX3>"});
  }
  size_t k = 0;
  for (size_t i : order) {
    if (!tid_of.count(i)) continue;
    const Timex& t = timexes[i];
    std::string open = "<TIMEX3" + Attr("tid", tid_of[i]) + Attr("type", TimexTypeName(t.type)) +
                       Attr("value", t.value);
    if (t.mod != TimexMod::kNone) open += Attr("mod", TimexModName(t.mod));
    open += Attr("temporalFunction", t.temporal_function ? "true" : "false");
    if (t.temporal_function) {
      auto anchor = t.anchor >= 0 ? tid_of.find(static_cast<size_t>(t.anchor)) : tid_of.end();
      if (anchor != tid_of.end()) {
        open += Attr("anchorTimeID", anchor->second);
      } else if (doc.dct) {
        open += Attr("anchorTimeID", "t0");
      }
    }
    spans[k++].open = open + ">";
  }

  // EVENTs and TLINKs from the timeline's events told by this document.
  std::string links;
  std::map<std::string, std::string> eiid_of;  // tarikh event id → eiid
  if (timeline) {
    std::vector<Span> events;
    for (const Event& e : timeline->events) {
      for (const SourceRef& s : e.sources) {
        if (s.doc_id != doc.id) continue;
        std::vector<Span> taken = spans;
        taken.insert(taken.end(), events.begin(), events.end());
        auto [b, end] =
            FindEventWord(doc.text, cp, e.headline, s.sentence_begin, s.sentence_end, taken);
        if (b < 0) break;
        std::string num = std::to_string(eiid_of.size() + 1);
        eiid_of[e.id] = "ei" + num;
        events.push_back({b, end,
                          "<EVENT" + Attr("eid", "e" + num) + Attr("class", "OCCURRENCE") +
                              Attr("comment", e.id) + ">",
                          "</EVENT>"});
        links += "<MAKEINSTANCE" + Attr("eiid", "ei" + num) + Attr("eventID", "e" + num) + "/>\n";
        for (const auto& [i, tid] : tid_of) {
          if (timexes[i].begin < s.timex_end && s.timex_begin < timexes[i].end) {
            links += "<TLINK" + Attr("lid", "l" + num) + Attr("eventInstanceID", "ei" + num) +
                     Attr("relatedToTime", tid) + Attr("relType", EventTimeRel(e.mod)) + "/>\n";
            break;
          }
        }
        break;  // one EVENT per event and document
      }
    }
    spans.insert(spans.end(), events.begin(), events.end());
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) { return a.begin < b.begin; });
    size_t lid = eiid_of.size();
    for (const Relation& r : timeline->relations) {
      auto from = eiid_of.find(r.from), to = eiid_of.find(r.to);
      if (from == eiid_of.end() || to == eiid_of.end()) continue;
      links += "<TLINK" + Attr("lid", "l" + std::to_string(++lid)) +
               Attr("eventInstanceID", from->second) + Attr("relatedToEventInstance", to->second) +
               Attr("relType", RelationRel(r.kind)) + "/>\n";
    }
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n";
  out += "<DOCID>" + XmlEscapeText(doc.id) + "</DOCID>\n";
  if (doc.dct) {
    std::string value = FormatDct(*doc.dct);
    out += "<DCT><TIMEX3 tid=\"t0\"" + Attr("type", doc.dct->has_time() ? "TIME" : "DATE") +
           Attr("value", value) +
           " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + value +
           "</TIMEX3></DCT>\n";
  }
  out += "<TEXT>";
  int64_t pos = 0;
  for (const Span& s : spans) {
    out += XmlEscapeText(std::string_view(doc.text).substr(cp[pos], cp[s.begin] - cp[pos]));
    out += s.open;
    out += XmlEscapeText(std::string_view(doc.text).substr(cp[s.begin], cp[s.end] - cp[s.begin]));
    out += s.close;
    pos = s.end;
  }
  out += XmlEscapeText(std::string_view(doc.text).substr(cp[pos]));
  out += "</TEXT>\n" + links + "</TimeML>\n";
  return out;
}

Result<TimeMlDocument> ReadTimeMl(std::string_view xml) {
  Status utf8 = ValidateUtf8(xml);
  if (!utf8.ok()) {
    return Status::ParseError("not UTF-8: " + utf8.message(),
                              export_internal::LocateOffset(xml, utf8.location().byte_offset));
  }
  pugi::xml_document dom;
  pugi::xml_parse_result parsed = dom.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!parsed) {
    return Status::ParseError(std::string("malformed XML: ") + parsed.description(),
                              export_internal::LocateOffset(xml, parsed.offset));
  }
  pugi::xml_node root = dom.document_element();
  if (std::string_view(root.name()) != "TimeML") {
    return NodeError(xml, root,
                     "not a TimeML document: root element is <" + std::string(root.name()) +
                         ">, expected <TimeML>");
  }
  TimeMlDocument doc;
  doc.doc_id = root.child("DOCID").text().get();
  if (pugi::xml_node dct = root.child("DCT").child("TIMEX3")) {
    std::string_view value = dct.attribute("value").value();
    Result<Dct> d = ParseDct(value);
    if (!d.ok()) {
      return NodeError(xml, dct,
                       "DCT value \"" + std::string(value) + "\": " + d.status().message());
    }
    doc.dct = *d;
  }
  pugi::xml_node text = root.child("TEXT");
  if (!text) return NodeError(xml, root, "TimeML document has no <TEXT> element");
  TextWalker walker{xml, &doc, 0, Status::Ok()};
  walker.Walk(text);
  TARIKH_RETURN_IF_ERROR(walker.status);

  std::map<std::string, std::string> eid_of_instance;
  for (pugi::xml_node mi : root.children("MAKEINSTANCE")) {
    eid_of_instance[mi.attribute("eiid").value()] = mi.attribute("eventID").value();
  }
  auto event_of = [&](const char* eiid, const char* eid) -> std::string {
    if (*eid) return eid;
    auto it = eid_of_instance.find(eiid);
    return it == eid_of_instance.end() ? std::string(eiid) : it->second;
  };
  for (pugi::xml_node l : root.children("TLINK")) {
    TimeMlTlink link;
    link.lid = l.attribute("lid").value();
    std::string_view instance = l.attribute("eventInstanceID").value();
    if (!instance.empty() || *l.attribute("eventID").value()) {
      link.event_id = event_of(instance.data(), l.attribute("eventID").value());
    }
    link.time_id = l.attribute("timeID").value();
    std::string_view related = l.attribute("relatedToEventInstance").value();
    if (!related.empty() || *l.attribute("relatedToEvent").value()) {
      link.related_to_event = event_of(related.data(), l.attribute("relatedToEvent").value());
    }
    link.related_to_time = l.attribute("relatedToTime").value();
    link.rel_type = l.attribute("relType").value();
    doc.tlinks.push_back(std::move(link));
  }
  return doc;
}

}  // namespace tarikh
