// SPDX-License-Identifier: MIT
#include "arabic_words.h"

#include <map>

#include "export_data.h"

namespace tarikh::export_internal {
namespace {

std::map<std::string, std::string, std::less<>> LoadTable() {
  std::map<std::string, std::string, std::less<>> table;
  std::string_view rest = kArabicDatesTsv;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    table.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  }
  return table;
}

}  // namespace

std::string_view ArabicWord(std::string_view key) {
  static const auto* const kTable =
      new std::map<std::string, std::string, std::less<>>(LoadTable());
  auto it = kTable->find(key);
  return it == kTable->end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace tarikh::export_internal
