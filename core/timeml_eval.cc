// SPDX-License-Identifier: MIT
#include "timeml_eval.h"

#include <algorithm>
#include <cctype>

namespace tarikh::internal {
namespace {

std::string Attr(std::string_view tag, std::string_view name) {
  // Built by appends: GCC 12 -O3 reports a bogus -Wrestrict on `" " + std::string(...)`.
  std::string key(1, ' ');
  key.append(name);
  key.append("=\"");
  const size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  const size_t b = p + key.size();
  const size_t e = tag.find('"', b);
  return e == std::string_view::npos ? "" : std::string(tag.substr(b, e - b));
}

void AppendCodePoint(std::string* s, uint32_t c) {
  if (c < 0x80) {
    s->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    s->push_back(static_cast<char>(0xC0 | (c >> 6)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    s->push_back(static_cast<char>(0xE0 | (c >> 12)));
    s->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    s->push_back(static_cast<char>(0xF0 | (c >> 18)));
    s->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string Canon(std::string_view v) {
  size_t b = 0, e = v.size();
  while (b < e && std::isspace(static_cast<unsigned char>(v[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(v[e - 1]))) --e;
  std::string out(v.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<EvalDoc> ParseInlineTimeMl(std::string_view xml) {
  const size_t open = xml.find("<TEXT>");
  const size_t close = xml.rfind("</TEXT>");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return Status::ParseError("no <TEXT> element");
  }
  EvalDoc doc;
  int64_t cp = 0;
  EvalSpan cur;
  bool in_timex = false;
  for (size_t i = open + 6; i < close;) {
    const char c = xml[i];
    if (c == '<') {
      const size_t e = xml.find('>', i);
      if (e == std::string_view::npos || e > close) {
        return Status::ParseError("unterminated tag", Location{static_cast<int64_t>(i), -1, -1});
      }
      std::string_view tag = xml.substr(i, e + 1 - i);
      if (tag.starts_with("<TIMEX3")) {
        cur = EvalSpan{};
        cur.begin = cp;
        cur.type = Attr(tag, "type");
        cur.value = Attr(tag, "value");
        cur.mod = Attr(tag, "mod");
        in_timex = true;
      } else if (tag.starts_with("</TIMEX3") && in_timex) {
        cur.end = cp;
        doc.spans.push_back(cur);
        in_timex = false;
      }
      i = e + 1;
      continue;
    }
    if (c == '&') {
      const size_t e = xml.find(';', i);
      if (e == std::string_view::npos || e - i > 10) return Status::ParseError("bad entity");
      std::string_view ent = xml.substr(i + 1, e - i - 1);
      uint32_t code = 0;
      if (ent == "amp")
        code = '&';
      else if (ent == "lt")
        code = '<';
      else if (ent == "gt")
        code = '>';
      else if (ent == "quot")
        code = '"';
      else if (ent == "apos")
        code = '\'';
      else if (ent.starts_with("#x"))
        code = static_cast<uint32_t>(std::stoul(std::string(ent.substr(2)), nullptr, 16));
      else if (ent.starts_with("#"))
        code = static_cast<uint32_t>(std::stoul(std::string(ent.substr(1))));
      else
        return Status::ParseError("unknown entity");
      AppendCodePoint(&doc.text, code);
      ++cp;
      i = e + 1;
      continue;
    }
    doc.text.push_back(c);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cp;
    ++i;
  }
  return doc;
}

EvalCounts Score(const std::vector<EvalSpan>& gold, const std::vector<EvalSpan>& sys) {
  EvalCounts c;
  c.gold = static_cast<int64_t>(gold.size());
  c.sys = static_cast<int64_t>(sys.size());
  struct Pair {
    int64_t overlap;
    size_t g, s;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t s = 0; s < sys.size(); ++s) {
      const int64_t ov = std::min(gold[g].end, sys[s].end) - std::max(gold[g].begin, sys[s].begin);
      if (ov > 0) pairs.push_back({ov, g, s});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& a, const Pair& b) { return a.overlap > b.overlap; });
  std::vector<bool> gu(gold.size()), su(sys.size());
  for (const Pair& p : pairs) {
    if (gu[p.g] || su[p.s]) continue;
    gu[p.g] = su[p.s] = true;
    const EvalSpan& g = gold[p.g];
    const EvalSpan& s = sys[p.s];
    ++c.relaxed;
    if (g.begin == s.begin && g.end == s.end) ++c.strict;
    if (Canon(g.value) == Canon(s.value)) ++c.value_ok;
    if (Canon(g.type) == Canon(s.type)) ++c.type_ok;
  }
  return c;
}

}  // namespace tarikh::internal
