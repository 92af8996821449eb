// SPDX-License-Identifier: MIT
// Table-driven tagger cases shared by the rule tests (tagger_test.cc, recognize_test.cc,
// recognize_time_test.cc): a text, a DCT and the expected extent/type/value/mod.
#ifndef TARIKH_TESTS_CORE_TAGGER_CASE_H_
#define TARIKH_TESTS_CORE_TAGGER_CASE_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tarikh/core/tagger.h"

namespace tarikh {

inline const Tagger& T() {
  static const Tagger* tagger = new Tagger(std::move(Tagger::Create()).value());
  return *tagger;
}

struct Case {
  const char* text;
  const char* dct;
  const char* extent;  // expected covered text ("" = expect nothing)
  const char* type;
  const char* value;
  const char* mod;
};

// Expects a timex whose extent equals `extent` with the given type/value/mod ("" extent:
// expects nothing at all).
inline void Check(const Case& c) {
  SCOPED_TRACE(std::string(c.text) + " @ " + c.dct);
  auto r = T().Tag(c.text, *ParseDct(c.dct));
  ASSERT_TRUE(r.ok());
  const std::string text = c.text;
  if (std::string(c.extent).empty()) {
    for (const Timex& t : *r) {
      ADD_FAILURE() << "unexpected: " << text.substr(t.byte_begin, t.byte_end - t.byte_begin)
                    << " = " << t.value;
    }
    return;
  }
  for (const Timex& t : *r) {
    if (text.substr(t.byte_begin, t.byte_end - t.byte_begin) != c.extent) continue;
    EXPECT_EQ(TimexTypeName(t.type), c.type);
    EXPECT_EQ(t.value, c.value);
    EXPECT_EQ(TimexModName(t.mod), c.mod);
    return;
  }
  std::string got;
  for (const Timex& t : *r)
    got += "[" + text.substr(t.byte_begin, t.byte_end - t.byte_begin) + "=" + t.value + "] ";
  ADD_FAILURE() << "no timex with extent '" << c.extent << "', got: " << got;
}

// Expects exactly these values, in text order (e.g. the two endpoints of a range).
inline void CheckValues(const char* text, const char* dct, const std::vector<std::string>& want) {
  SCOPED_TRACE(std::string(text) + " @ " + dct);
  auto r = T().Tag(text, *ParseDct(dct));
  ASSERT_TRUE(r.ok());
  std::vector<std::string> got;
  for (const Timex& t : *r) got.push_back(t.value);
  EXPECT_EQ(got, want);
}

}  // namespace tarikh

#endif  // TARIKH_TESTS_CORE_TAGGER_CASE_H_
