// SPDX-License-Identifier: MIT
// Internal to export/: the Arabic words of export/data/arabic_dates.tsv, by key.
#ifndef TARIKH_EXPORT_ARABIC_WORDS_H_
#define TARIKH_EXPORT_ARABIC_WORDS_H_

#include <string>
#include <string_view>

namespace tarikh::export_internal {

// The text for `key` ("month.10", "mod.START", "label.sources"), or "" if the table has no
// such key (a unit test checks every key the exporters use).
std::string_view ArabicWord(std::string_view key);

}  // namespace tarikh::export_internal

#endif  // TARIKH_EXPORT_ARABIC_WORDS_H_
