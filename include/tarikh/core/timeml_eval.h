// SPDX-License-Identifier: MIT
// Scoring TIMEX3 annotations against inline-TimeML gold, TempEval-3 style (the matching rules
// of the scorer this project is measured with): relaxed = any overlap, aligned one-to-one
// greedily by overlap length (ties by document order); strict = identical extent; values and
// types compared upper-cased and trimmed. Pure functions over strings: callers read files.
//
//   tarikh::Result<tarikh::AnnotatedText> gold = tarikh::ParseInlineTimeMl(xml);
//   auto found = tagger->Tag(gold->text, dct);
//   tarikh::EvalResult r = tarikh::ScoreTimexes(gold->timexes, tarikh::SpansOf(*found));
//   r.counts.RelaxedF1();  r.counts.ValueF1();  r.pairs  // who matched whom
//
// `tarikh eval` (cli/cmd_eval.cc) runs this over a directory of gold files.
#ifndef TARIKH_CORE_TIMEML_EVAL_H_
#define TARIKH_CORE_TIMEML_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/core/timex.h"
#include "tarikh/status.h"

namespace tarikh {

struct TimexSpan {
  int64_t begin = 0, end = 0;  // code points of AnnotatedText::text
  std::string type, value, mod;
  int64_t source_byte = -1;  // byte of the <TIMEX3 tag in the XML (gold only)
};

// The <TEXT> of an inline TimeML document with its TIMEX3 elements taken out.
struct AnnotatedText {
  std::string text;  // character data of <TEXT>, entities decoded
  std::vector<TimexSpan> timexes;
  // The creation time: value of the <DCT>'s TIMEX3 or of a TIMEX3 with
  // functionInDocument="CREATION_TIME" outside <TEXT>; empty when there is none.
  std::string dct;
  // Byte of the XML at which code point i of `text` starts (size = code points + 1), so that
  // an offset in the text can be reported as a line and column of the file.
  std::vector<int64_t> source_bytes;
};

// Errors (kParseError) carry the byte offset in `xml`: no <TEXT>, an unterminated tag, an
// unknown or malformed entity, a nested or unclosed TIMEX3.
Result<AnnotatedText> ParseInlineTimeMl(std::string_view xml);

struct EvalCounts {
  int64_t gold = 0, sys = 0, strict = 0, relaxed = 0, value_ok = 0, type_ok = 0;
  void Add(const EvalCounts& o) {
    gold += o.gold, sys += o.sys, strict += o.strict, relaxed += o.relaxed;
    value_ok += o.value_ok, type_ok += o.type_ok;
  }
  // F1 = 2·match / (gold + system): precision and recall share the numerator.
  static double F1(int64_t match, int64_t gold, int64_t sys) {
    return gold + sys == 0 ? 1.0
                           : 2.0 * static_cast<double>(match) / static_cast<double>(gold + sys);
  }
  static double Ratio(int64_t a, int64_t b) {
    return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
  }
  double RelaxedF1() const { return F1(relaxed, gold, sys); }
  double StrictF1() const { return F1(strict, gold, sys); }
  double ValueF1() const { return F1(value_ok, gold, sys); }
  double RelaxedPrecision() const { return Ratio(relaxed, sys); }
  double RelaxedRecall() const { return Ratio(relaxed, gold); }
  // Of the aligned pairs, how many have the gold type / value.
  double TypeAccuracy() const { return Ratio(type_ok, relaxed); }
  double ValueAccuracy() const { return Ratio(value_ok, relaxed); }
};

struct EvalResult {
  EvalCounts counts;
  // One entry per aligned pair, in gold order: indices into the gold and system vectors.
  struct Pair {
    size_t gold = 0, sys = 0;
  };
  std::vector<Pair> pairs;
};

EvalResult ScoreTimexes(const std::vector<TimexSpan>& gold, const std::vector<TimexSpan>& sys);

// The tagger's output as spans to score.
std::vector<TimexSpan> SpansOf(const std::vector<Timex>& timexes);

}  // namespace tarikh

#endif  // TARIKH_CORE_TIMEML_EVAL_H_
