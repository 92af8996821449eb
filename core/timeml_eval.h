// SPDX-License-Identifier: MIT
// Internal: TempEval-style scoring of TIMEX3 output against inline-TimeML gold (the same
// matching rules as the project's score_timeml.py): relaxed = any overlap, aligned one-to-one
// greedily by overlap length; strict = identical extent; values compared upper-cased and
// trimmed. Pure string functions: callers read the files.
#ifndef TARIKH_CORE_TIMEML_EVAL_H_
#define TARIKH_CORE_TIMEML_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/status.h"

namespace tarikh::internal {

struct EvalSpan {
  int64_t begin = 0, end = 0;  // code points in the TEXT content
  std::string type, value, mod;
};

struct EvalDoc {
  std::string text;  // character data of <TEXT>, entities decoded
  std::vector<EvalSpan> spans;
};

// Parses the <TEXT> element of an inline TimeML document.
Result<EvalDoc> ParseInlineTimeMl(std::string_view xml);

struct EvalCounts {
  int64_t gold = 0, sys = 0, strict = 0, relaxed = 0, value_ok = 0, type_ok = 0;
  void Add(const EvalCounts& o) {
    gold += o.gold, sys += o.sys, strict += o.strict, relaxed += o.relaxed;
    value_ok += o.value_ok, type_ok += o.type_ok;
  }
  static double F1(int64_t match, int64_t gold, int64_t sys) {
    return gold + sys == 0 ? 1.0
                           : 2.0 * static_cast<double>(match) / static_cast<double>(gold + sys);
  }
  double StrictF1() const { return F1(strict, gold, sys); }
  double RelaxedF1() const { return F1(relaxed, gold, sys); }
  double ValueF1() const { return F1(value_ok, gold, sys); }
};

EvalCounts Score(const std::vector<EvalSpan>& gold, const std::vector<EvalSpan>& sys);

}  // namespace tarikh::internal

#endif  // TARIKH_CORE_TIMEML_EVAL_H_
