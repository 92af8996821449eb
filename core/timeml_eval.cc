// SPDX-License-Identifier: MIT
#include "tarikh/core/timeml_eval.h"

#include <algorithm>
#include <cctype>

#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

Status ParseErrorAt(std::string message, size_t byte) {
  return Status::ParseError(std::move(message), Location{static_cast<int64_t>(byte), -1, -1});
}

// The value of attribute `name` in a start tag (either quote style), or "" if absent.
std::string Attr(std::string_view tag, std::string_view name) {
  for (size_t from = 0;;) {
    const size_t p = tag.find(name, from);
    if (p == std::string_view::npos) return "";
    from = p + 1;
    // A whole attribute name: preceded by white space, followed by optional spaces and '='.
    if (p == 0 || !std::isspace(static_cast<unsigned char>(tag[p - 1]))) continue;
    size_t k = p + name.size();
    while (k < tag.size() && std::isspace(static_cast<unsigned char>(tag[k]))) ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && std::isspace(static_cast<unsigned char>(tag[k]))) ++k;
    if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) return "";
    const size_t e = tag.find(tag[k], k + 1);
    if (e == std::string_view::npos) return "";
    return std::string(tag.substr(k + 1, e - k - 1));
  }
}

bool IsTag(std::string_view tag, std::string_view name) {
  if (!tag.starts_with(name)) return false;
  const char next = tag.size() > name.size() ? tag[name.size()] : '>';
  return next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next));
}

// The code point named by an entity body ("amp", "#1575", "#x627"); 0 if it names none.
uint32_t EntityCodePoint(std::string_view ent) {
  if (ent == "amp") return '&';
  if (ent == "lt") return '<';
  if (ent == "gt") return '>';
  if (ent == "quot") return '"';
  if (ent == "apos") return '\'';
  if (!ent.starts_with("#") || ent.size() < 2) return 0;
  const bool hex = ent[1] == 'x' || ent[1] == 'X';
  std::string_view digits = ent.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  uint32_t code = 0;
  for (char ch : digits) {
    int d;
    if (ch >= '0' && ch <= '9') {
      d = ch - '0';
    } else if (hex && ch >= 'a' && ch <= 'f') {
      d = ch - 'a' + 10;
    } else if (hex && ch >= 'A' && ch <= 'F') {
      d = ch - 'A' + 10;
    } else {
      return 0;
    }
    code = code * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return code;
}

std::string Canon(std::string_view v) {
  size_t b = 0, e = v.size();
  while (b < e && std::isspace(static_cast<unsigned char>(v[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(v[e - 1]))) --e;
  std::string out(v.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The creation time declared outside <TEXT>: the TIMEX3 inside <DCT>, else one marked
// functionInDocument="CREATION_TIME".
std::string FindDct(std::string_view xml, size_t text_open, size_t text_close) {
  std::string fallback;
  bool in_dct = false;
  for (size_t i = xml.find('<'); i != std::string_view::npos; i = xml.find('<', i + 1)) {
    if (i >= text_open && i < text_close) {
      i = text_close;
      continue;
    }
    const size_t e = xml.find('>', i);
    if (e == std::string_view::npos) break;
    std::string_view tag = xml.substr(i, e + 1 - i);
    if (IsTag(tag, "<DCT")) {
      in_dct = true;
    } else if (IsTag(tag, "</DCT")) {
      in_dct = false;
    } else if (IsTag(tag, "<TIMEX3")) {
      if (in_dct) return Attr(tag, "value");
      if (fallback.empty() && Attr(tag, "functionInDocument") == "CREATION_TIME") {
        fallback = Attr(tag, "value");
      }
    }
    i = e;
  }
  return fallback;
}

// The element whose content is the document text: <TEXT>, else (TimeML without a TEXT
// element, as some corpora are) the root element, whose <DCT> child is then not text.
struct TextRegion {
  size_t open = 0;     // '<' of the start tag
  size_t content = 0;  // first byte of the content
  size_t close = 0;    // '<' of the end tag
  bool is_root = false;
};

Result<TextRegion> FindTextRegion(std::string_view xml) {
  for (size_t at = xml.find("<TEXT"); at != std::string_view::npos;
       at = xml.find("<TEXT", at + 1)) {
    if (!IsTag(xml.substr(at), "<TEXT")) continue;
    const size_t open_end = xml.find('>', at);
    const size_t close = xml.rfind("</TEXT>");
    if (open_end == std::string_view::npos || close == std::string_view::npos || close < open_end) {
      return ParseErrorAt("<TEXT> is not closed", at);
    }
    return TextRegion{at, open_end + 1, close, false};
  }
  // The root: the first start tag after the prolog (<?xml?>, <!DOCTYPE>, comments).
  for (size_t at = xml.find('<'); at != std::string_view::npos; at = xml.find('<', at + 1)) {
    const char next = at + 1 < xml.size() ? xml[at + 1] : '\0';
    if (next == '?' || next == '!') continue;
    const size_t open_end = xml.find('>', at);
    if (open_end == std::string_view::npos) return ParseErrorAt("unterminated tag", at);
    size_t name_end = at + 1;
    while (name_end < open_end && !std::isspace(static_cast<unsigned char>(xml[name_end])) &&
           xml[name_end] != '/') {
      ++name_end;
    }
    const std::string end_tag = "</" + std::string(xml.substr(at + 1, name_end - at - 1));
    const size_t close = xml.rfind(end_tag);
    if (name_end == at + 1 || close == std::string_view::npos || close < open_end) {
      return ParseErrorAt("no <TEXT> element and no root element around the text", at);
    }
    return TextRegion{at, open_end + 1, close, true};
  }
  return ParseErrorAt("no <TEXT> element", 0);
}

}  // namespace

Result<AnnotatedText> ParseInlineTimeMl(std::string_view xml) {
  auto region = FindTextRegion(xml);
  if (!region.ok()) return region.status();
  const size_t open = region->is_root ? region->close : region->open;
  const size_t close = region->close;
  AnnotatedText doc;
  doc.dct = FindDct(xml, open, close);
  TimexSpan cur;
  bool in_timex = false;
  int64_t cp = 0;
  for (size_t i = region->content; i < close;) {
    const char c = xml[i];
    if (c == '<') {
      if (xml.substr(i).starts_with("<!--")) {
        const size_t e = xml.find("-->", i + 4);
        if (e == std::string_view::npos || e > close) return ParseErrorAt("unclosed comment", i);
        i = e + 3;
        continue;
      }
      if (xml.substr(i).starts_with("<![CDATA[")) {
        const size_t e = xml.find("]]>", i + 9);
        if (e == std::string_view::npos || e > close) return ParseErrorAt("unclosed CDATA", i);
        for (size_t k = i + 9; k < e; ++k) {
          if ((static_cast<unsigned char>(xml[k]) & 0xC0) != 0x80) {
            doc.source_bytes.push_back(static_cast<int64_t>(k));
            ++cp;
          }
          doc.text.push_back(xml[k]);
        }
        i = e + 3;
        continue;
      }
      const size_t e = xml.find('>', i);
      if (e == std::string_view::npos || e > close) return ParseErrorAt("unterminated tag", i);
      std::string_view tag = xml.substr(i, e + 1 - i);
      if (region->is_root && IsTag(tag, "<DCT") && !tag.ends_with("/>")) {
        const size_t dct_end = xml.find("</DCT>", e);
        if (dct_end == std::string_view::npos || dct_end > close) {
          return ParseErrorAt("<DCT> is not closed", i);
        }
        i = dct_end + 6;
        continue;
      }
      if (IsTag(tag, "<TIMEX3")) {
        if (in_timex) return ParseErrorAt("TIMEX3 inside a TIMEX3", i);
        cur = TimexSpan{};
        cur.begin = cp;
        cur.type = Attr(tag, "type");
        cur.value = Attr(tag, "value");
        cur.mod = Attr(tag, "mod");
        cur.source_byte = static_cast<int64_t>(i);
        // An empty (non-consuming) TIMEX3 has no extent to score.
        in_timex = !tag.ends_with("/>");
      } else if (IsTag(tag, "</TIMEX3")) {
        if (!in_timex) return ParseErrorAt("</TIMEX3> without a TIMEX3", i);
        cur.end = cp;
        doc.timexes.push_back(cur);
        in_timex = false;
      }
      i = e + 1;
      continue;
    }
    if (c == '&') {
      // Entities are short: look no further than 12 bytes (a long search per '&' would make
      // a file of ampersands quadratic).
      const size_t semi = xml.substr(i, 13).find(';');
      if (semi == std::string_view::npos) return ParseErrorAt("malformed entity", i);
      const size_t e = i + semi;
      const uint32_t code = EntityCodePoint(xml.substr(i + 1, e - i - 1));
      if (code == 0) return ParseErrorAt("unknown entity", i);
      doc.source_bytes.push_back(static_cast<int64_t>(i));
      AppendUtf8(&doc.text, code);
      ++cp;
      i = e + 1;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      doc.source_bytes.push_back(static_cast<int64_t>(i));
      ++cp;
    }
    doc.text.push_back(c);
    ++i;
  }
  if (in_timex) return ParseErrorAt("TIMEX3 not closed before </TEXT>", cur.source_byte);
  doc.source_bytes.push_back(static_cast<int64_t>(close));
  return doc;
}

EvalResult ScoreTimexes(const std::vector<TimexSpan>& gold, const std::vector<TimexSpan>& sys) {
  EvalResult r;
  EvalCounts& c = r.counts;
  c.gold = static_cast<int64_t>(gold.size());
  c.sys = static_cast<int64_t>(sys.size());
  struct Candidate {
    int64_t overlap;
    size_t g, s;
  };
  std::vector<Candidate> candidates;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t s = 0; s < sys.size(); ++s) {
      const int64_t ov = std::min(gold[g].end, sys[s].end) - std::max(gold[g].begin, sys[s].begin);
      if (ov > 0) candidates.push_back({ov, g, s});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.overlap > b.overlap; });
  std::vector<bool> gold_used(gold.size()), sys_used(sys.size());
  for (const Candidate& p : candidates) {
    if (gold_used[p.g] || sys_used[p.s]) continue;
    gold_used[p.g] = sys_used[p.s] = true;
    const TimexSpan& g = gold[p.g];
    const TimexSpan& s = sys[p.s];
    ++c.relaxed;
    if (g.begin == s.begin && g.end == s.end) ++c.strict;
    if (Canon(g.value) == Canon(s.value)) ++c.value_ok;
    if (Canon(g.type) == Canon(s.type)) ++c.type_ok;
    r.pairs.push_back({p.g, p.s});
  }
  std::sort(r.pairs.begin(), r.pairs.end(),
            [](const EvalResult::Pair& a, const EvalResult::Pair& b) { return a.gold < b.gold; });
  return r;
}

std::vector<TimexSpan> SpansOf(const std::vector<Timex>& timexes) {
  std::vector<TimexSpan> spans;
  spans.reserve(timexes.size());
  for (const Timex& t : timexes) {
    spans.push_back({t.begin, t.end, std::string(TimexTypeName(t.type)), t.value,
                     std::string(TimexModName(t.mod)), -1});
  }
  return spans;
}

}  // namespace tarikh
