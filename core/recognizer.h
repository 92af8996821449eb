// SPDX-License-Identifier: MIT
// Internal: the recognizer of the tagger. Tokens (Tok) are built from the folded text by
// Recognizer::BuildTokens (tagger.cc, together with the Run loop); the pattern functions that
// recognize expressions over token classes live in recognize.cc.
#ifndef TARIKH_CORE_RECOGNIZER_H_
#define TARIKH_CORE_RECOGNIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "resolve.h"
#include "tarikh/core/tagger.h"
#include "tarikh_rules_data.h"
#include "text_fold.h"

namespace tarikh::internal {

// UTF-8 byte sequences of the few letters the clitic splitter and the future-cue test look
// at (no Arabic literals in library code).
inline constexpr std::string_view kWaw = "\xd9\x88";         // و
inline constexpr std::string_view kFa = "\xd9\x81";          // ف
inline constexpr std::string_view kBa = "\xd8\xa8";          // ب
inline constexpr std::string_view kLam = "\xd9\x84";         // ل
inline constexpr std::string_view kKaf = "\xd9\x83";         // ك
inline constexpr std::string_view kAlef = "\xd8\xa7";        // ا
inline constexpr std::string_view kSin = "\xd8\xb3";         // س
inline constexpr std::string_view kYa = "\xd9\x8a";          // ي
inline constexpr std::string_view kTa = "\xd8\xaa";          // ت
inline constexpr std::string_view kNun = "\xd9\x86";         // ن
inline constexpr std::string_view kAl = "\xd8\xa7\xd9\x84";  // ال

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

// Tok (the token the recognizer reads) is declared in text_fold.h: the fold writes it directly
// and Recognizer::BuildTokens completes its lexicon fields in place.

struct Match {
  size_t b = 0, e = 0;  // token range of the extent
  Partial p;
  bool block = false;  // a false friend: consumes tokens, emits nothing
  bool valid() const { return e > b; }
};

// The classes through which the sub-recognizers of Recognizer::Core look at their first
// token (besides digits): PodExpr/PodAlone/ClockTime POD, DeicticExpr DEICTIC, WeekdayExpr
// UNIT/WEEKDAY, DayMonth/HijriExpr/ClockTime ORD (day or hour words), MonthExpr DEM/UNIT/
// MONTH, UnitRel DEM/UNIT, YearExpr/CenturyExpr UNIT, DecadeCentury PERIOD/UNIT/DECADE,
// SeasonExpr DEM/SEASONHEAD/SEASON, ClockTime HOUR, HijriExpr UNIT/HMONTH, HolidayExpr
// HOLIDAY. A token with none of them (and no digits) starts no Core match, so Core returns
// at once. Keep in step with those functions: a missing class loses matches.
inline constexpr uint64_t kCoreStart = Bit(Cls::kPod) | Bit(Cls::kDeictic) | Bit(Cls::kUnit) |
                                       Bit(Cls::kWeekday) | Bit(Cls::kOrd) | Bit(Cls::kDem) |
                                       Bit(Cls::kMonth) | Bit(Cls::kPeriod) | Bit(Cls::kDecade) |
                                       Bit(Cls::kSeasonhead) | Bit(Cls::kSeason) | Bit(Cls::kHour) |
                                       Bit(Cls::kHmonth) | Bit(Cls::kHoliday);

// The classes through which Recognizer::Best and the recognizers it calls look at their first
// token (besides digits, the bare article of "الـ24 ساعة" and the prepositions قبل/بعد in
// Duration, see Recognizer::MayStart): kCoreStart (DateWithPart falls through to Core) plus
// BLOCK, WEEKEND/PART/UNIT (DateWithPart), UNIT (day lists, DayAlone), ORD (DayRange,
// DayAlone), QMOD/FRAC/VAGUE/NUM/UNIT (Duration), SET/UNIT/EVERY (SetExpr), REF (RefExpr).
// Keep in step with those functions.
inline constexpr uint64_t kBestStart = kCoreStart | Bit(Cls::kBlock) | Bit(Cls::kWeekend) |
                                       Bit(Cls::kPart) | Bit(Cls::kQmod) | Bit(Cls::kFrac) |
                                       Bit(Cls::kVague) | Bit(Cls::kNum) | Bit(Cls::kSet) |
                                       Bit(Cls::kEvery) | Bit(Cls::kRef);

// What one element of a rule pattern matched (recognize_rules.cc). Left uninitialized on
// purpose: MatchElem fills every field before a capture is stored, and RuleCaps::set says
// which captures hold a value (zeroing them for every rule tried costs measurable time).
struct RuleCap {
  uint32_t b, e;          // token range
  const LexEntry* entry;  // a lexicon element's entry, else null
  int64_t value;          // its ival, the digits, or a terminal's number
  bool alt;               // Year: a Hijri year
};
struct RuleCaps {
  RuleCap cap[rules::kMaxCaps];
  uint32_t set = 0;  // bit k: capture k matched
};
// Results of the elements tried at the start token of a family, by element signature: the
// rules of a family often open with the same element (UnitRel's "ال-UNIT"), matched once.
struct RuleMemo {
  size_t pos;
  uint8_t state[rules::kSigCount];  // 0 unknown, 1 known (end = kNoMatch: failed)
  size_t end[rules::kSigCount];
  RuleCap cap[rules::kSigCount];
  // The lexicon look-ups at that token (E / Phrase by class): many rules test the same class
  // with different values or attrs.
  uint64_t lex_known[2];
  const LexEntry* lex_entry[2][lex::kClassCount];
  uint8_t lex_len[2][lex::kClassCount];
  // The terminals matched at that token (their end, value and alt), whatever the flags or
  // value range of the element: the rules of YearExpr test @Year under seven signatures.
  uint32_t term_known;
  size_t term_end[rules::kTermCount];
  int64_t term_value[rules::kTermCount];
  bool term_alt[rules::kTermCount];
};
// The rest of an enclosing sequence to match after a group's alternative.
struct RuleCont {
  int seq;
  int k;
  const RuleCont* next;
};

class Recognizer {
 public:
  Recognizer(const Lexicon& lex, const FoldedText& ft, std::string_view text, int dct_year)
      : lex_(lex), ft_(ft), text_(text), dct_year_(dct_year) {}

  // Folds and tokenizes the text (into ft->folded and the tokens; ft is the FoldedText given
  // to the constructor, whose token buffer is borrowed and given back by Run) and looks the
  // words up in the lexicon. Fails only on malformed UTF-8 (offsets + base_offset).
  Status BuildTokens(FoldedText* ft, int64_t base_offset);
  // Recognizes and resolves everything; appends to out.
  void Run(TagSession::State* st, std::vector<Timex>* out);
  // Whether any expression (or false friend) can start at token i; Best(i) finds nothing
  // otherwise.
  bool MayStart(size_t i) const {
    const Tok& t = toks_[i];
    if (t.kind == TokKind::kNumber) return true;
    if (!t.g) return false;
    if ((t.g->any_mask & kBestStart) || t.full == kAl) return true;
    // Most other prepositions (في، من، إلى) start nothing; Duration opens with these two.
    return (t.g->single_mask & Bit(Cls::kPrep)) && (PrepIs(i, "qabl") || PrepIs(i, "baad"));
  }

 private:
  // ---- token helpers ----
  size_t n() const { return toks_.size(); }
  const LexEntry* E(size_t i, Cls c) const {
    if (i >= n() || !toks_[i].g || !(toks_[i].g->single_mask & Bit(c))) return nullptr;
    for (const LexEntry& e : lex_.Entries(*toks_[i].g)) {
      if (e.cls == c && e.nwords == 1) return &e;
    }
    return nullptr;
  }
  bool Has(size_t i, Cls c) const { return E(i, c) != nullptr; }
  // Longest entry of class c (one or more words) at token i; returns its token count.
  size_t Phrase(size_t i, Cls c, const LexEntry** out) const {
    if (i >= n() || !toks_[i].g || !(toks_[i].g->any_mask & Bit(c))) return 0;
    const LexGroup& g = *toks_[i].g;
    for (const LexEntry& e : lex_.Entries(g)) {  // longest first
      if (e.cls == c && (e.nwords == 1 || WordsFollow(e, i))) {
        *out = &e;
        return e.nwords;
      }
    }
    return 0;
  }
  // Whether the words after the first of entry e (whose first word is token i's) follow token
  // i, on the same line, each whole (a token whose stem is the word but that carries a
  // proclitic of its own does not continue a phrase).
  bool WordsFollow(const LexEntry& e, size_t i) const {
    if (i + e.nwords > n()) return false;
    for (int k = 1; k < e.nwords; ++k) {
      const Tok& t = toks_[i + k];
      if (t.break_before || t.full != lex_.Word(e, k)) return false;
    }
    return true;
  }
  bool IsPunct(size_t i, char c) const {
    return i < n() && toks_[i].kind == TokKind::kPunct && toks_[i].punct == c;
  }
  bool IsDigits(size_t i) const { return i < n() && toks_[i].kind == TokKind::kNumber; }
  bool Word(size_t i) const { return i < n() && toks_[i].kind == TokKind::kWord; }
  bool Joined(size_t i) const { return i < n() && !toks_[i].break_before; }
  bool PrepIs(size_t i, std::string_view name) const {
    const LexEntry* e = E(i, Cls::kPrep);
    return e && e->value == name;
  }
  bool FutureAround(size_t i) const;

  // ---- recognizers: each returns the token end (exclusive) or 0 ----
  size_t Number(size_t i, int64_t* value) const;
  size_t Year(size_t i, int* year, bool* hijri, bool need_cue) const;
  size_t DayNumber(size_t i, int* day) const;
  size_t MonthName(size_t i, int* month) const;
  // Clock times (recognize_time.cc).
  struct Clock {
    int hour = kUnset, minute = kUnset, second = kUnset;
    int pod = -1;         // index into kPodCodes when a part of day was stated
    bool marked = false;  // الساعة, minutes, seconds or a part of day: a time on its own
  };
  size_t ClockCore(size_t i, Clock* c) const;
  size_t PodWord(size_t i, int* code, const LexEntry** e) const;
  size_t ClockTime(size_t i, Partial* p) const;
  size_t PodAlone(size_t i, Partial* p) const;
  size_t TimeConnector(size_t i) const;
  bool RangeStart(size_t i) const;
  size_t MergeDateTime(size_t b, size_t e, Partial* p) const;
  size_t Core(size_t i, Partial* p) const;
  size_t DateWithPart(size_t i, Partial* p) const;
  size_t Duration(size_t i, Partial* p, bool* ago) const;
  // The longest match at token i (Run's tokens: those that MayStart). Inline, so that Run
  // turns most of its tokens away without building a Match (StartsNothing); the recognizers
  // are tried out of line (BestAt, recognize.cc).
  Match Best(size_t i) const {
    if (!StartsNothing(i)) return BestAt(i);
    Match m;
    m.b = i;
    return m;
  }
  Match BestAt(size_t i) const;
  // Every recognizer looks at its first token only through its digits, the bare article, the
  // prepositions قبل/بعد (Duration) or the lexicon classes of kBestStart (the first classes of
  // every rule are among them; the compiler computes those). A word whose classes of
  // kBestStart all come from entries of two words or more ("في" of "في ما بعد", "من" of "من
  // قبل": most of the tokens Run visits in news text) starts nothing unless one of those
  // entries follows it, or it is the preposition قبل/بعد: one pass over its entries tests
  // both (the PREP entry looked at is the first one-word one, as E finds it) instead of every
  // recognizer's gate.
  bool StartsNothing(size_t i) const {
    const Tok& t = toks_[i];
    if (t.kind == TokKind::kNumber || !t.g || (t.g->single_mask & kBestStart) || t.full == kAl) {
      return false;
    }
    if (!(t.g->any_mask & (kBestStart | Bit(Cls::kPrep)))) return true;
    const PhraseStarts& ps = PhraseStartsOf(*t.g);
    if (ps.prep_qb) return false;
    // A phrase goes on only with the next token, whole and on the same line (WordsFollow): its
    // second word is compared first, most entries fail there.
    if (i + 1 >= n() || toks_[i + 1].break_before) return true;
    const std::string_view next_full = toks_[i + 1].full;
    if (ps.count > kPhraseStartsMax) return !AnyPhraseFollows(*t.g, i);
    for (int k = 0; k < ps.count; ++k) {
      if (ps.second[k] == next_full) return !AnyPhraseFollows(*t.g, i);
    }
    return true;
  }
  // Whether an entry of two words or more of a kBestStart class of group g follows token i.
  bool AnyPhraseFollows(const LexGroup& g, size_t i) const {
    for (const LexEntry& e : lex_.Entries(g)) {
      if (e.nwords > 1 && (Bit(e.cls) & kBestStart) && WordsFollow(e, i)) return true;
    }
    return false;
  }
  // What StartsNothing needs of a word's entries, read once per chunk and word (the same few
  // prepositions come back every line): the second words of its entries of two words or more
  // of kBestStart classes, and whether its first one-word PREP entry (as E finds it) is قبل/بعد.
  static constexpr int kPhraseStartsMax = 8;
  struct PhraseStarts {
    const LexGroup* g = nullptr;
    bool prep_qb = false;
    int count = 0;  // > kPhraseStartsMax: too many to list, test the entries
    std::string_view second[kPhraseStartsMax];
  };
  const PhraseStarts& PhraseStartsOf(const LexGroup& g) const {
    PhraseStarts& ps =
        phrase_starts_[(reinterpret_cast<uintptr_t>(&g) / sizeof(LexGroup)) % kPhraseStartsSlots];
    if (ps.g == &g) return ps;
    ps.g = &g;
    ps.prep_qb = false;
    ps.count = 0;
    bool prep_seen = false;
    for (const LexEntry& e : lex_.Entries(g)) {
      if (e.nwords == 1) {
        if (e.cls != Cls::kPrep || prep_seen) continue;
        prep_seen = true;
        ps.prep_qb = e.value == "qabl" || e.value == "baad";
      } else if (Bit(e.cls) & kBestStart) {
        if (ps.count < kPhraseStartsMax) ps.second[ps.count] = lex_.Word(e, 1);
        ++ps.count;
      }
    }
    return ps;
  }

  // ---- the rule engine (recognize_rules.cc) over core/data/rules/*.rules ----
  static constexpr size_t kNoMatch = static_cast<size_t>(-1);
  // The longest match of the rules of `family` at token i that ends after token `floor`
  // (0 = none), described in *p. *p is assigned whole (from a fresh Partial) exactly when the
  // result is not 0, and left alone otherwise: Core and Best pass the Partial of their best
  // match so far and its end, and a family that does not beat it costs no Partial.
  size_t RuleFamily(rules::Family family, size_t i, Partial* p, size_t floor = 0) const;
  bool MatchSeq(int seq, int k, size_t i, const RuleCont* cont, RuleCaps* caps, size_t* end) const;
  bool AltMayStart(int seq, size_t i) const;
  // A necessary condition for a lexicon, digits or punctuation element to match at token i,
  // tested inline: most elements past a rule's opening fail, and entering MatchElem (and its
  // memo) for them costs more than this test. Other kinds are always tried.
  bool ElemMayMatch(const rules::Node& nd, size_t i) const {
    switch (nd.kind) {
      case rules::NodeKind::kLex:
        return i < n() && toks_[i].g && (toks_[i].g->any_mask & Bit(nd.cls));
      case rules::NodeKind::kDigits:
        return IsDigits(i);
      case rules::NodeKind::kPunct:
        return IsPunct(i, nd.punct);
      default:
        return true;
    }
  }
  size_t MatchElem(const rules::Node& nd, size_t i, RuleCap* cap) const;
  size_t MatchElemAt(const rules::Node& nd, size_t i, RuleCap* cap) const;
  size_t MatchTerm(rules::Term term, size_t i, RuleCap* cap) const;
  bool TokFlags(size_t i, uint32_t flags, const RuleCap* cap) const;
  bool MatchTermIs(const rules::Rule& rule, int cap, rules::Term term) const;
  bool ApplyRule(const rules::Rule& rule, const RuleCaps& caps, size_t b, size_t* e,
                 Partial* p) const;
  bool RunBuilder(rules::Builder builder, const rules::Rule& rule, const RuleCaps& caps, size_t b,
                  size_t* e, Partial* p) const;

  const Lexicon& lex_;
  const FoldedText& ft_;
  std::string_view text_;
  int dct_year_;
  std::vector<Tok> toks_;
  std::vector<uint32_t> starts_;  // the tokens that MayStart, in order (BuildTokens)
  std::string scratch_;
  mutable RuleMemo* memo_ = nullptr;  // of the innermost RuleFamily call
  // PhraseStartsOf's words, by the group's address.
  static constexpr size_t kPhraseStartsSlots = 32;
  mutable PhraseStarts phrase_starts_[kPhraseStartsSlots];
};

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_RECOGNIZER_H_
