// SPDX-License-Identifier: MIT
// The rule engine: matches the token-pattern rules of core/data/rules/*.rules (compiled by
// tools/compile_rules.py into tarikh_rules_data.h) and turns a match into a Partial.
//
// Matching is backtracking over the compiled pattern nodes, in priority order: an optional
// element is tried present first, the alternatives of a group left to right; the first way
// the whole pattern matches is taken. Within a family every rule is tried and the longest
// match wins (the earlier rule on a tie), as between the C++ recognizers. A family is only
// tried at a token that has one of the first-token classes of its rules (computed by the
// compiler), so tokens that start nothing cost one mask test.
#include <bit>
#include <cstring>
#include <string>

#include "recognizer.h"

namespace tarikh::internal {
namespace {

using rules::ActKind;
using rules::Field;
using rules::Node;
using rules::NodeKind;

// Per-family union of the first-token masks of its rules, computed once.
struct FamilyIndex {
  uint64_t mask[rules::kFamilyCount] = {};
  bool digits[rules::kFamilyCount] = {};
  bool any[rules::kFamilyCount] = {};
  uint16_t first[rules::kFamilyCount] = {};
  uint16_t count[rules::kFamilyCount] = {};
  // When every rule of a family opens with the same lexicon class (all of RefExpr with REF~):
  // that look-up, done once before any rule is tried; most tokens that pass the mask (the
  // preposition "من" because of "من قبل") fail it.
  int8_t common_cls[rules::kFamilyCount] = {};
  bool common_phrase[rules::kFamilyCount] = {};
  // When every rule opens with the same element (same signature: DayList's "يومي"), its node,
  // matched once before the per-call memo is set up; else -1.
  int16_t common_first[rules::kFamilyCount] = {};
  // The rules of a family (bit k = rule first + k) that can start at a token of lexicon class
  // c, at digits, at any token: a family visits only those.
  uint64_t by_cls[rules::kFamilyCount][lex::kClassCount][rules::kFamilyRuleWords] = {};
  uint64_t by_digits[rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  uint64_t by_any[rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  // The same by the token after the first (see Rule::second), [0] when the first is a word,
  // [1] when it is digits: most tokens that can open a rule are not followed by anything that
  // can go on with it ("العام" then a verb, a number then a word), and this turns them away
  // before any element is matched. A rule whose second token is not known is in by2_any.
  uint64_t mask2[2][rules::kFamilyCount] = {};
  uint64_t by2_cls[2][rules::kFamilyCount][lex::kClassCount][rules::kFamilyRuleWords] = {};
  uint64_t by2_digits[2][rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  uint64_t by2_punct[2][rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  uint64_t by2_brk[2][rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  uint64_t by2_any[2][rules::kFamilyCount][rules::kFamilyRuleWords] = {};
  bool second[2][rules::kFamilyCount] = {};  // some rule of the family has a known second token
  // Some rule of the family may end its match before the pattern's end (the DayRange builder
  // ends it after the first day), so its best end does not only grow from rule to rule.
  bool shrinks[rules::kFamilyCount] = {};
  constexpr FamilyIndex() {
    for (int f = 0; f < rules::kFamilyCount; ++f) {
      common_cls[f] = -2;  // -2 unset, -1 none
      common_first[f] = -2;
    }
    for (int r = 0; r < rules::kRuleCount; ++r) {
      const rules::Rule& rule = rules::kRules[r];
      const int f = static_cast<int>(rule.family);
      if (count[f] == 0) first[f] = static_cast<uint16_t>(r);
      ++count[f];
      // By index, not by pointer: GCC's sanitizer builds refuse a pointer null test in a
      // constant expression.
      const bool has_first = rule.first_node >= 0;
      const Node& nd = rules::kNodes[has_first ? rule.first_node : 0];
      const int c = has_first && nd.kind == NodeKind::kLex ? static_cast<int>(nd.cls) : -1;
      const bool phrase = has_first && nd.phrase;
      if (common_cls[f] == -2) {
        common_cls[f] = static_cast<int8_t>(c);
        common_phrase[f] = phrase;
      } else if (common_cls[f] != c || common_phrase[f] != phrase) {
        common_cls[f] = -1;
      }
      if (common_first[f] == -2) {
        common_first[f] = rule.first_node;
      } else if (common_first[f] >= 0 &&
                 (rule.first_node < 0 ||
                  rules::kNodes[rule.first_node].sig != rules::kNodes[common_first[f]].sig)) {
        common_first[f] = -1;
      }
      const int k = r - first[f];
      const uint64_t bit = uint64_t{1} << (k % 64);
      for (int c = 0; c < lex::kClassCount; ++c) {
        if (rule.first_mask >> c & 1) by_cls[f][c][k / 64] |= bit;
      }
      if (rule.first_digits) by_digits[f][k / 64] |= bit;
      if (rule.first_any) by_any[f][k / 64] |= bit;
      for (int d = 0; d < 2; ++d) {
        const rules::Second& s = rule.second[d];
        for (int c = 0; c < lex::kClassCount; ++c) {
          if (s.mask >> c & 1) by2_cls[d][f][c][k / 64] |= bit;
        }
        if (s.digits) by2_digits[d][f][k / 64] |= bit;
        if (s.punct) by2_punct[d][f][k / 64] |= bit;
        if (s.brk) by2_brk[d][f][k / 64] |= bit;
        if (s.any) by2_any[d][f][k / 64] |= bit;
        mask2[d][f] |= s.mask;
        second[d][f] = second[d][f] || !s.any;
      }
      for (int a = 0; a < rule.act_count; ++a) {
        const rules::Action& act = rules::kActions[rule.act_first + a];
        if (act.field == Field::kCall && act.ival == static_cast<int>(rules::Builder::kDayRange)) {
          shrinks[f] = true;
        }
      }
      mask[f] |= rule.first_mask;
      digits[f] = digits[f] || rule.first_digits;
      any[f] = any[f] || rule.first_any;
    }
  }
};
constexpr FamilyIndex kIndex;

int CodeIndex(std::string_view v, const char* const* codes, int n) {
  for (int k = 0; k < n; ++k) {
    if (v == codes[k]) return k;
  }
  return kUnset;
}

constexpr const char* kSeasonCodes[] = {"SP", "SU", "FA", "WI"};

Granularity UnitGranularity(std::string_view v) {
  if (v == "Y") return Granularity::kYear;
  if (v == "M") return Granularity::kMonth;
  if (v == "W") return Granularity::kWeek;
  if (v == "D") return Granularity::kDay;
  if (v == "DE") return Granularity::kDecade;
  if (v == "CE") return Granularity::kCentury;
  if (v == "SEASON") return Granularity::kSeason;
  return Granularity::kNone;
}

Dir SignDir(int64_t v) { return v < 0 ? Dir::kPast : v > 0 ? Dir::kFuture : Dir::kCurrent; }

}  // namespace

bool Recognizer::TokFlags(size_t i, uint32_t flags, const RuleCap* cap) const {
  if (!flags) return true;
  if (i >= n()) return false;
  const Tok& t = toks_[i];
  const bool def = StartsWith(t.stem, kAl);
  const bool bare = t.stem == t.full;
  using namespace rules;  // NOLINT: flag names
  if ((flags & kFDef) && !def) return false;
  if ((flags & kFNotdef) && def) return false;
  if ((flags & kFBare) && !bare) return false;
  if ((flags & kFNotbare) && bare) return false;
  if ((flags & kFJoined) && t.break_before) return false;
  if ((flags & kFNotjoined) && !t.break_before) return false;
  if ((flags & kFNospace) && t.space_before) return false;
  if ((flags & kFWa) && !t.wa) return false;
  if ((flags & kFNotwa) && t.wa) return false;
  if ((flags & kFPrep) && !t.prep) return false;
  if ((flags & kFNotprep) && t.prep) return false;
  if ((flags & kFNolex) && t.g) return false;
  if ((flags & kFLex) && !t.g) return false;
  if ((flags & kFWord) && t.kind != TokKind::kWord) return false;
  if ((flags & kFDigits) && t.kind != TokKind::kNumber) return false;
  if ((flags & kFNotdigits) && t.kind == TokKind::kNumber) return false;
  // The stem is the end of the token (not "لل" = ل + ال, where the stem is rebuilt).
  if ((flags & kFSuffix) &&
      t.full.substr(t.full.size() - std::min(t.full.size(), t.stem.size())) != t.stem) {
    return false;
  }
  if ((flags & kFFuture) && !FutureAround(i)) return false;
  if ((flags & kFCue) && !t.fut) return false;
  if ((flags & kFNotcue) && t.fut) return false;
  if (cap) {
    if ((flags & kFGreg) && cap->alt) return false;
    if ((flags & kFHijri) && !cap->alt) return false;
    if ((flags & kFMulti) && cap->e - cap->b < 2) return false;
    // A plausible recent year: from 1800 to five years after the DCT.
    if ((flags & kFRecent) && (cap->value < 1800 || cap->value > dct_year_ + 5)) return false;
    if ((flags & kFNotmulti) && cap->e - cap->b >= 2) return false;
  }
  return true;
}

// Matches one non-group element at token i; returns its end (== i for zero-width END), or
// kNoMatch. Fills *cap with what it saw.
size_t Recognizer::MatchElem(const Node& nd, size_t i, RuleCap* cap) const {
  cap->b = static_cast<uint32_t>(i);
  cap->entry = nullptr;
  cap->value = 0;
  cap->alt = false;
  size_t e = kNoMatch;
  switch (nd.kind) {
    case NodeKind::kLex: {
      const LexEntry* le = nullptr;
      size_t len = 0;
      const int c = static_cast<int>(nd.cls);
      const int ph = nd.phrase ? 1 : 0;
      if (memo_ && i == memo_->pos && (memo_->lex_known[ph] >> c & 1)) {
        le = memo_->lex_entry[ph][c];
        len = memo_->lex_len[ph][c];
      } else {
        if (nd.phrase) {
          len = Phrase(i, nd.cls, &le);
        } else if ((le = E(i, nd.cls))) {
          len = 1;
        }
        if (memo_ && i == memo_->pos) {
          memo_->lex_known[ph] |= uint64_t{1} << c;
          memo_->lex_entry[ph][c] = le;
          memo_->lex_len[ph][c] = static_cast<uint8_t>(len);
        }
      }
      if (!len) return kNoMatch;
      // One pass over each listed value (no strlen: these lists are tested at nearly every
      // rule try): equal, or "prefix*" with a non-empty prefix that v starts with.
      auto in = [](std::string_view v, const char* const* list, int count) {
        for (int k = 0; k < count; ++k) {
          const char* w = list[k];
          size_t j = 0;
          while (w[j] && j < v.size() && w[j] == v[j]) ++j;
          if (w[j] == '\0') {
            // Equal, or v goes on past a final '*' it happened to match literally.
            if (j == v.size() || (j >= 2 && w[j - 1] == '*')) return true;
          } else if (j > 0 && w[j] == '*' && w[j + 1] == '\0') {
            return true;
          }
        }
        return false;
      };
      if (nd.nvals && in(le->value, nd.vals, nd.nvals) == nd.vneg) return kNoMatch;
      if (nd.nattrs && in(le->attr, nd.attrs, nd.nattrs) == nd.aneg) return kNoMatch;
      cap->entry = le;
      cap->value = le->ival;
      e = i + len;
      break;
    }
    case NodeKind::kDigits: {
      if (!IsDigits(i)) return kNoMatch;
      const Tok& t = toks_[i];
      if (t.ndig < nd.wmin || t.ndig > nd.wmax || t.num < nd.vmin || t.num > nd.vmax) {
        return kNoMatch;
      }
      cap->value = t.num;
      e = i + 1;
      break;
    }
    case NodeKind::kPunct:
      if (!IsPunct(i, nd.punct)) return kNoMatch;
      e = i + 1;
      break;
    case NodeKind::kArt:
      if (i >= n() || toks_[i].full != kAl) return kNoMatch;
      e = i + 1;
      break;
    case NodeKind::kWaw:
      if (i >= n() || toks_[i].full != kWaw || toks_[i].kind != TokKind::kWord) return kNoMatch;
      e = i + 1;
      break;
    case NodeKind::kAny:
      if (i >= n()) return kNoMatch;
      e = i + 1;
      break;
    case NodeKind::kEnd:
      if (!(i >= n() || toks_[i].break_before || toks_[i].kind == TokKind::kPunct)) {
        return kNoMatch;
      }
      e = i;
      break;
    case NodeKind::kTerm: {
      const int tk = static_cast<int>(nd.term);
      if (memo_ && i == memo_->pos && (memo_->term_known >> tk & 1)) {
        e = memo_->term_end[tk];
        cap->value = memo_->term_value[tk];
        cap->alt = memo_->term_alt[tk];
      } else {
        e = MatchTerm(nd.term, i, cap);
        if (memo_ && i == memo_->pos) {
          memo_->term_known |= 1u << tk;
          memo_->term_end[tk] = e;
          memo_->term_value[tk] = cap->value;
          memo_->term_alt[tk] = cap->alt;
        }
      }
      if (!e) return kNoMatch;
      if ((nd.vmin || nd.vmax) && (cap->value < nd.vmin || cap->value > nd.vmax)) return kNoMatch;
      break;
    }
    case NodeKind::kGroup:
      return kNoMatch;  // handled by MatchSeq
  }
  cap->e = static_cast<uint32_t>(e);
  if (nd.flags && !TokFlags(i, nd.flags, cap)) return kNoMatch;
  return e;
}

size_t Recognizer::MatchTerm(rules::Term term, size_t i, RuleCap* cap) const {
  switch (term) {
    case rules::Term::kNumber: {
      int64_t v = 0;
      size_t e = Number(i, &v);
      cap->value = v;
      return e;
    }
    case rules::Term::kDay: {
      int d = 0;
      size_t e = DayNumber(i, &d);
      cap->value = d;
      return e;
    }
    case rules::Term::kMonth: {
      int m = 0;
      size_t e = MonthName(i, &m);
      cap->value = m;
      return e;
    }
    case rules::Term::kYear: {
      int y = 0;
      bool hijri = false;
      size_t e = Year(i, &y, &hijri, false);
      cap->value = y;
      cap->alt = hijri;
      return e;
    }
    case rules::Term::kDeictic: {
      Partial d;
      size_t e = RuleFamily(rules::Family::kDeicticExpr, i, &d);
      return d.literal.empty() ? e : 0;  // the generic use ("nowadays") is not a day
    }
    case rules::Term::kWeekday: {
      Partial d;
      return RuleFamily(rules::Family::kWeekdayExpr, i, &d);
    }
    case rules::Term::kWeekRel: {
      Partial d;
      size_t e = RuleFamily(rules::Family::kUnitRel, i, &d);
      if (!e || d.unit != Granularity::kWeek || d.anaphoric || d.weekday != kUnset) return 0;
      cap->value = d.offset;
      return e;
    }
    case rules::Term::kDayMonth: {
      Partial d;
      const size_t e = RuleFamily(rules::Family::kDayMonth, i, &d);
      cap->value = d.day;
      return e;
    }
    case rules::Term::kCenturyExpr: {
      Partial d;
      const size_t e = RuleFamily(rules::Family::kCenturyExpr, i, &d);
      // A relative century ("القرن الماضي") is counted from the 21st (the decade prefixes of
      // DecadeCentury are absolute) and marked as such.
      cap->alt = d.century == kUnset;
      cap->value = cap->alt ? 20 + d.offset : d.century;
      return e;
    }
    case rules::Term::kYearExpr: {
      Partial d;
      size_t e = RuleFamily(rules::Family::kYearExpr, i, &d);
      if (!e || d.year == kUnset) return 0;  // a Gregorian year
      cap->value = d.year;
      return e;
    }
  }
  return 0;
}

// MatchElem, remembered by element signature at the start token of the current family.
size_t Recognizer::MatchElemAt(const Node& nd, size_t i, RuleCap* cap) const {
  if (!memo_ || i != memo_->pos) return MatchElem(nd, i, cap);
  uint8_t& st = memo_->state[nd.sig];
  if (st == 0) {
    memo_->end[nd.sig] = MatchElem(nd, i, &memo_->cap[nd.sig]);
    st = 1;
  }
  *cap = memo_->cap[nd.sig];
  return memo_->end[nd.sig];
}

// Whether an alternative can start at token i: the classes (or digits) its first consuming
// element takes there, computed by the compiler as for rules. One mask test instead of
// entering it: groups of many alternatives after a shared opening are common.
bool Recognizer::AltMayStart(int seq, size_t i) const {
  const rules::Seq& s = rules::kSeqs[seq];
  if (s.first_any) return true;
  if (i >= n()) return false;
  const Tok& t = toks_[i];
  return (s.first_digits && t.kind == TokKind::kNumber) || (t.g && (t.g->any_mask & s.first_mask));
}

// Matches nodes [k, count) of sequence `seq` at token i, then the continuation.
bool Recognizer::MatchSeq(int seq, int k, size_t i, const RuleCont* cont, RuleCaps* caps,
                          size_t* end) const {
  const rules::Seq& s = rules::kSeqs[seq];
  if (k == s.count) {
    if (cont) return MatchSeq(cont->seq, cont->k, i, cont->next, caps, end);
    *end = i;
    return true;
  }
  const Node& nd = rules::kNodes[s.first + k];
  if (nd.behind || nd.neg || nd.ahead) {
    // Zero width: a look-behind tests the token `behind` (1 or 2) before i, a look-ahead the
    // token at i.
    bool ok;
    if (i < nd.behind) {
      ok = false;
    } else {
      const size_t at = i - nd.behind;
      if (nd.kind == NodeKind::kGroup) {
        ok = false;
        for (int a = 0; a < nd.alt_count && !ok; ++a) {
          RuleCaps scratch = *caps;
          size_t e2;
          ok = MatchSeq(nd.alt_first + a, 0, at, nullptr, &scratch, &e2);
        }
      } else {
        RuleCap c;
        ok = MatchElemAt(nd, at, &c) != kNoMatch;
      }
    }
    if (ok == nd.neg) return false;
    return MatchSeq(seq, k + 1, i, cont, caps, end);
  }
  if (nd.kind == NodeKind::kGroup) {
    const RuleCont next{seq, k + 1, cont};
    for (int a = 0; a < nd.alt_count; ++a) {
      if (!AltMayStart(nd.alt_first + a, i)) continue;
      if (MatchSeq(nd.alt_first + a, 0, i, &next, caps, end)) return true;
    }
    return nd.opt && MatchSeq(seq, k + 1, i, cont, caps, end);
  }
  RuleCap c;
  const size_t e = ElemMayMatch(nd, i) ? MatchElemAt(nd, i, &c) : kNoMatch;
  if (e != kNoMatch) {
    if (nd.cap >= 0) {
      const RuleCap saved = caps->cap[nd.cap];
      const bool was = caps->set & (1u << nd.cap);
      caps->cap[nd.cap] = c;
      caps->set |= 1u << nd.cap;
      if (MatchSeq(seq, k + 1, e, cont, caps, end)) return true;
      caps->cap[nd.cap] = saved;
      if (!was) caps->set &= ~(1u << nd.cap);
    } else if (MatchSeq(seq, k + 1, e, cont, caps, end)) {
      return true;
    }
  }
  return nd.opt && MatchSeq(seq, k + 1, i, cont, caps, end);
}

namespace {

// The index of capture `name` in a rule's comma-separated capture list, or -1.
int CapIndex(const char* names, std::string_view name) {
  std::string_view s(names);
  int idx = 0;
  while (!s.empty()) {
    const size_t comma = s.find(',');
    if (s.substr(0, comma) == name) return idx;
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
    ++idx;
  }
  return -1;
}

}  // namespace

bool Recognizer::ApplyRule(const rules::Rule& rule, const RuleCaps& caps, size_t b, size_t* e,
                           Partial* p) const {
  for (int a = 0; a < rule.act_count; ++a) {
    const rules::Action& act = rules::kActions[rule.act_first + a];
    const RuleCap* cap = nullptr;
    if (act.kind == ActKind::kCap) {
      if (!(caps.set & (1u << act.cap))) continue;  // an optional part that was absent
      cap = &caps.cap[act.cap];
    }
    const int64_t ival = cap ? cap->value + act.ival : act.ival;
    // The value column of a lexicon capture (codes: SP, EV, START, Y…), else the constant.
    const std::string_view sval =
        cap ? (cap->entry ? cap->entry->value : std::string_view()) : std::string_view(act.str);
    const int iv = static_cast<int>(ival);
    switch (act.field) {
      case Field::kType:
        p->type = static_cast<TimexType>(iv);
        break;
      case Field::kMod: {
        auto m = ParseTimexMod(sval == "NONE" ? std::string_view() : sval);
        if (!m) return false;
        p->mod = *m;
        break;
      }
      case Field::kLiteral: {
        // A template: "$name" is replaced by the capture's value column (lexicon) or number.
        std::string out;
        std::string_view t(act.str);
        while (!t.empty()) {
          const size_t d = t.find('$');
          out.append(t.substr(0, d));
          if (d == std::string_view::npos) break;
          size_t k = d + 1;
          while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '_')) {
            ++k;
          }
          const int ci = CapIndex(rule.caps, t.substr(d + 1, k - d - 1));
          if (ci >= 0 && (caps.set & (1u << ci))) {
            const RuleCap& c = caps.cap[ci];
            if (c.entry) {
              out.append(c.entry->value);
            } else {
              out.append(std::to_string(c.value));
            }
          }
          t.remove_prefix(k);
        }
        p->literal = std::move(out);
        break;
      }
      case Field::kYear:
        p->year = iv;
        break;
      case Field::kYearOffset:
        // The marker of a year relative to the DCT's, resolved by the tagger (tagger.cc).
        p->year = -iv - 100000;
        break;
      case Field::kMonth:
        p->month = iv;
        break;
      case Field::kDay:
        p->day = iv;
        break;
      case Field::kHyear:
        p->hyear = iv;
        break;
      case Field::kHmonth:
        p->hmonth = iv;
        break;
      case Field::kHday:
        p->hday = iv;
        break;
      case Field::kCentury:
        p->century = iv;
        break;
      case Field::kDecade:
        p->decade = iv;
        break;
      case Field::kSeason:
        p->season = cap ? CodeIndex(sval, kSeasonCodes, 4) : iv;
        break;
      case Field::kWeekday:
        p->weekday = iv;
        break;
      case Field::kWeekend:
        p->weekend = iv != 0;
        break;
      case Field::kHour:
        p->hour = iv;
        break;
      case Field::kMinute:
        p->minute = iv;
        break;
      case Field::kSecond:
        p->second = iv;
        break;
      case Field::kNth:
        p->nth = iv;
        break;
      case Field::kPod:
        p->pod = cap ? CodeIndex(sval, kPodCodes, 6) : iv;
        break;
      case Field::kUnit:
        p->unit = UnitGranularity(sval);
        break;
      case Field::kOffset:
        p->offset = iv;
        break;
      case Field::kAnaphoric:
        p->anaphoric = iv != 0;
        break;
      case Field::kDir:
        p->dir = cap ? SignDir(cap->value) : static_cast<Dir>(iv);
        break;
      case Field::kUnknownDay:
        p->unknown_day = iv != 0;
        break;
      case Field::kAnchorValue:
        p->anchor_value = iv != 0;
        break;
      case Field::kTake: {
        // The Partial of a C++ family captured as a terminal, recomputed at its start.
        Partial d;
        const size_t at = cap->b;
        size_t de = 0;
        if (MatchTermIs(rule, act.cap, rules::Term::kDeictic)) {
          de = RuleFamily(rules::Family::kDeicticExpr, at, &d);
        } else if (MatchTermIs(rule, act.cap, rules::Term::kWeekday)) {
          de = RuleFamily(rules::Family::kWeekdayExpr, at, &d);
        } else if (MatchTermIs(rule, act.cap, rules::Term::kDayMonth)) {
          de = RuleFamily(rules::Family::kDayMonth, at, &d);
        } else {
          de = RuleFamily(rules::Family::kYearExpr, at, &d);
        }
        if (de != cap->e) return false;
        *p = std::move(d);
        break;
      }
      case Field::kCall:
        if (!RunBuilder(static_cast<rules::Builder>(iv), rule, caps, b, e, p)) return false;
        break;
    }
  }
  return true;
}

bool Recognizer::MatchTermIs(const rules::Rule& rule, int cap, rules::Term term) const {
  // The node that defines capture `cap` in the rule's top sequence (captures of terminals
  // that are taken are never inside groups).
  const rules::Seq& s = rules::kSeqs[rule.seq];
  for (int k = 0; k < s.count; ++k) {
    const Node& nd = rules::kNodes[s.first + k];
    if (nd.cap == cap) return nd.kind == NodeKind::kTerm && nd.term == term;
  }
  return false;
}

bool Recognizer::RunBuilder(rules::Builder builder, const rules::Rule& rule, const RuleCaps& caps,
                            size_t b, size_t* e, Partial* p) const {
  (void)b;
  auto cap = [&](std::string_view name) -> const RuleCap* {
    const int ci = CapIndex(rule.caps, name);
    return ci >= 0 && (caps.set & (1u << ci)) ? &caps.cap[ci] : nullptr;
  };
  switch (builder) {
    case rules::Builder::kSetEvery: {
      // "كل 3 أشهر" = P3M, "كل ساعتين" = PT2H: the count (1 by default, 2 for a dual) and
      // the unit make an ISO period.
      const RuleCap* u = cap("u");
      if (!u || !u->entry) return false;
      int64_t count = 1;
      if (const RuleCap* c = cap("c")) count = c->value;
      if (u->entry->attr == "du") count = 2;
      const std::string_view unit = u->entry->value;
      std::string v = "P";
      if (unit == "H" || unit == "MIN" || unit == "S") {
        v += "T" + std::to_string(count) + (unit == "H" ? "H" : unit == "MIN" ? "M" : "S");
      } else {
        v += std::to_string(count) + std::string(unit == "N" ? "D" : unit == "DE" ? "0Y" : unit);
      }
      p->literal = std::move(v);
      return true;
    }
    case rules::Builder::kHolidayDate: {
      // Holiday values: G:MM-DD (Gregorian, the occurrence closest to the DCT), H:MM-DD
      // (Hijri, by tense) or N:MM-W-n (the n-th ISO weekday W of month MM).
      const RuleCap* h = cap("h");
      if (!h || !h->entry) return false;
      const std::string_view v = h->entry->value;
      const int mm = (v[2] - '0') * 10 + (v[3] - '0');
      if (v[0] == 'N') {
        p->month = mm;
        p->weekday = v[5] - '0';
        p->nth = v[7] - '0';
      } else if (v[0] == 'G') {
        p->month = mm;
        p->day = (v[5] - '0') * 10 + (v[6] - '0');
        p->dir = Dir::kNone;
      } else {
        p->hmonth = mm;
        p->hday = (v[5] - '0') * 10 + (v[6] - '0');
        p->dir = Dir::kByTense;
      }
      return true;
    }
    case rules::Builder::kDayRange: {
      // "من 4 إلى 22 يناير", "يومي 10 و 11 أبريل": the first day (d) takes the month and year
      // of the day and month after it (s, taken whole), and the match ends after the first
      // day, so the second is recognized on its own. A range needs the days in order.
      const RuleCap* d = cap("d");
      const RuleCap* s = cap("s");
      if (!d || !s) return false;
      if (CapIndex(rule.caps, "list") < 0 && s->value <= d->value) return false;
      *e = d->e;
      return true;
    }
    case rules::Builder::kGenericRef: {
      // The generic use of "اليوم/الأمس/الغد" (nowadays, the past, the future): the REF
      // literal by the sign of the day offset of capture r.
      const RuleCap* r = cap("r");
      if (!r) return false;
      p->literal = r->value < 0 ? "PAST_REF" : r->value > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    case rules::Builder::kDecade: {
      // "الخمسينيات" (of the 20th century), "ستينيات القرن الماضي", "العقد الأول من القرن
      // العشرين" = 190: the century times ten plus the decade of the DECADE word (d) or of
      // the ordinal (o, first to tenth). A relative century keeps its offset in `minute`.
      const RuleCap* d = cap("d");
      const RuleCap* o = cap("o");
      const RuleCap* c = cap("c");
      if (o && o->value > 10) return false;
      const int64_t dec = d ? d->value : o ? o->value - 1 : 0;
      const int64_t century = c ? c->value : 19;
      p->decade = static_cast<int>(century * 10 + dec);
      if (c && c->alt) p->minute = static_cast<int>(c->value - 20);
      return true;
    }
  }
  return false;
}

size_t Recognizer::RuleFamily(rules::Family family, size_t i, Partial* p, size_t floor) const {
  const int f = static_cast<int>(family);
  if (i >= n()) return 0;
  if (floor && kIndex.shrinks[f]) {
    // A rule's end can shrink in its builder: the family's own best first, as the caller
    // would compare it.
    Partial q;
    const size_t e = RuleFamily(family, i, &q, 0);
    if (e <= floor) return 0;
    *p = std::move(q);
    return e;
  }
  const Tok& t = toks_[i];
  const bool digits = t.kind == TokKind::kNumber;
  if (!kIndex.any[f] && !(digits && kIndex.digits[f]) &&
      !(t.g && (t.g->any_mask & kIndex.mask[f]))) {
    return 0;
  }
  // The candidate rules: those whose first token can be this one and (when known) whose second
  // token can be the next one, in rule order.
  uint64_t cand[rules::kFamilyRuleWords];
  for (int w = 0; w < rules::kFamilyRuleWords; ++w) {
    cand[w] = kIndex.by_any[f][w] | (digits ? kIndex.by_digits[f][w] : 0);
  }
  for (uint64_t m = t.g ? t.g->any_mask & kIndex.mask[f] : 0; m; m &= m - 1) {
    const uint64_t* bits = kIndex.by_cls[f][std::countr_zero(m)];
    for (int w = 0; w < rules::kFamilyRuleWords; ++w) cand[w] |= bits[w];
  }
  if (const int d = digits ? 1 : 0; kIndex.second[d][f] && i + 1 < n()) {
    const Tok& u = toks_[i + 1];
    uint64_t cand2[rules::kFamilyRuleWords];
    for (int w = 0; w < rules::kFamilyRuleWords; ++w) {
      cand2[w] = kIndex.by2_any[d][f][w] |
                 (u.kind == TokKind::kNumber ? kIndex.by2_digits[d][f][w] : 0) |
                 (u.kind == TokKind::kPunct ? kIndex.by2_punct[d][f][w] : 0) |
                 (u.break_before ? kIndex.by2_brk[d][f][w] : 0);
    }
    for (uint64_t m = u.g ? u.g->any_mask & kIndex.mask2[d][f] : 0; m; m &= m - 1) {
      const uint64_t* bits = kIndex.by2_cls[d][f][std::countr_zero(m)];
      for (int w = 0; w < rules::kFamilyRuleWords; ++w) cand2[w] |= bits[w];
    }
    uint64_t any = 0;
    for (int w = 0; w < rules::kFamilyRuleWords; ++w) any |= cand[w] &= cand2[w];
    if (!any) return 0;
  }
  if (const int c = kIndex.common_cls[f]; c >= 0) {
    const LexEntry* le = nullptr;
    if (kIndex.common_phrase[f] ? !Phrase(i, static_cast<Cls>(c), &le)
                                : !E(i, static_cast<Cls>(c))) {
      return 0;
    }
  }
  if (const int k = kIndex.common_first[f]; k >= 0) {
    RuleCap c;
    if (MatchElem(rules::kNodes[k], i, &c) == kNoMatch) return 0;
  }
  // Rules that cannot end past `floor` are not applied: the caller keeps a longer match.
  size_t best = floor;
  RuleCaps caps;
  RuleMemo memo;
  memo.pos = i;
  std::memset(memo.state, 0, sizeof memo.state);
  memo.lex_known[0] = memo.lex_known[1] = 0;
  memo.term_known = 0;
  RuleMemo* const outer = memo_;
  memo_ = &memo;
  for (int w = 0; w < rules::kFamilyRuleWords; ++w) {
    for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
      const int r = kIndex.first[f] + w * 64 + std::countr_zero(bits);
      const rules::Rule& rule = rules::kRules[r];
      caps.set = 0;
      size_t e = 0;
      if (rule.first_node >= 0) {
        const rules::Node& nd = rules::kNodes[rule.first_node];
        RuleCap c;
        const size_t e1 = MatchElemAt(nd, i, &c);
        if (e1 == kNoMatch) continue;
        // Most rules that pass their opening fail at the next element: when it is a plain,
        // required one, it must match at e1 (the opening's only end), so test it inline.
        const rules::Seq& sq = rules::kSeqs[rule.seq];
        if (rule.first_node + 1 < sq.first + sq.count) {
          const rules::Node& nd2 = rules::kNodes[rule.first_node + 1];
          if (!nd2.opt && !nd2.behind && !nd2.neg && !nd2.ahead &&
              nd2.kind != rules::NodeKind::kGroup && !ElemMayMatch(nd2, e1)) {
            continue;
          }
        }
        // The opening element is the sequence's first node (no look-around before it): it
        // matched, and a plain element has one end, so the pattern goes on after it (as
        // MatchSeq would, without testing it a second time).
        if (rule.first_node == sq.first) {
          if (nd.cap >= 0) {
            caps.cap[nd.cap] = c;
            caps.set = 1u << nd.cap;
          }
          if (!MatchSeq(rule.seq, 1, e1, nullptr, &caps, &e) || e <= best || e == i) continue;
          Partial q;
          if (!ApplyRule(rule, caps, i, &e, &q)) continue;
          best = e;
          *p = std::move(q);
          continue;
        }
        // The look-arounds before the opening ("<PREP=min,bayn d:@Day"): a positive one on a
        // lexicon class, digits or punctuation needs that token to have it (ElemMayMatch), a
        // test cheaper than entering the pattern for the many openings they turn away.
        bool may = true;
        for (int k = sq.first; k < rule.first_node && may; ++k) {
          const rules::Node& la = rules::kNodes[k];
          if (la.neg || la.kind == rules::NodeKind::kGroup) continue;
          may = i >= la.behind && ElemMayMatch(la, i - la.behind);
        }
        if (!may) continue;
      }
      if (!MatchSeq(rule.seq, 0, i, nullptr, &caps, &e) || e <= best || e == i) continue;
      Partial q;
      if (!ApplyRule(rule, caps, i, &e, &q)) continue;
      best = e;
      *p = std::move(q);
    }
  }
  memo_ = outer;
  return best > floor ? best : 0;
}

}  // namespace tarikh::internal
