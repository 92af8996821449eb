// SPDX-License-Identifier: MIT
// Shared by the export tests: reading fixtures and a small timeline built in code.
#ifndef TARIKH_TESTS_EXPORT_TEST_TIMELINES_H_
#define TARIKH_TESTS_EXPORT_TEST_TIMELINES_H_

#include <fstream>
#include <sstream>
#include <string>

#include "tarikh/timeline/timeline.h"

namespace tarikh::testing {

inline std::string ReadRepoFile(const std::string& rel) {
  std::ifstream in(std::string(TARIKH_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Event MakeEvent(std::string id, std::string value, std::string headline = "",
                       TimexMod mod = TimexMod::kNone) {
  Event e;
  e.id = std::move(id);
  e.value = std::move(value);
  e.headline = std::move(headline);
  e.mod = mod;
  e.confidence = 0.5;
  return e;
}

}  // namespace tarikh::testing

#endif  // TARIKH_TESTS_EXPORT_TEST_TIMELINES_H_
