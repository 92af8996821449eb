// SPDX-License-Identifier: MIT
#include "tarikh/core/timex.h"

#include <array>

namespace tarikh {
namespace {

constexpr std::array<std::string_view, 4> kTypeNames = {"DATE", "TIME", "DURATION", "SET"};
// One row per TimexMod enumerator, in declaration order.
constexpr std::array<std::string_view, 13> kModNames = {
    "",          "BEFORE",    "AFTER",         "ON_OR_BEFORE",  "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START",
    "MID",       "END",       "APPROX"};
static_assert(kModNames.size() == static_cast<size_t>(TimexMod::kApprox) + 1);

}  // namespace

std::string_view TimexTypeName(TimexType type) { return kTypeNames[static_cast<size_t>(type)]; }

std::optional<TimexType> ParseTimexType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<TimexType>(i);
  }
  return std::nullopt;
}

std::string_view TimexModName(TimexMod mod) { return kModNames[static_cast<size_t>(mod)]; }

std::optional<TimexMod> ParseTimexMod(std::string_view name) {
  for (size_t i = 0; i < kModNames.size(); ++i) {
    if (kModNames[i] == name) return static_cast<TimexMod>(i);
  }
  return std::nullopt;
}

}  // namespace tarikh
