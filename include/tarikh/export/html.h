// SPDX-License-Identifier: MIT
// A standalone HTML page showing a timeline with TimelineJS, usable offline: the library's
// JavaScript and CSS are inlined, the Arabic locale is passed as a data: URL, fonts are not
// fetched (`font: null`) and nothing is loaded from the network.
#ifndef TARIKH_EXPORT_HTML_H_
#define TARIKH_EXPORT_HTML_H_

#include <string>
#include <utility>
#include <vector>

#include "tarikh/export/timelinejs.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

// The TimelineJS files the page inlines. The library does no file I/O: the caller reads
// them (the tarikh CLI from the @knight-lab/timelinejs npm package, see docs/formats.md).
struct TimelineJsAssets {
  std::string js;           // dist/js/timeline-min.js (or timeline.js)
  std::string css;          // dist/css/timeline.css
  std::string locale_json;  // dist/js/locale/ar.json
  // Files the CSS refers to by url(...), as {url as written in the CSS, bytes}; each
  // reference is replaced by a data: URL (used for the icon font).
  std::vector<std::pair<std::string, std::string>> css_resources;
  bool complete() const { return !js.empty() && !css.empty() && !locale_json.empty(); }
};

// The page: UTF-8, lang="ar" dir="rtl", TimelineJS with language = the Arabic locale as a
// data: URL, font: null. The timeline data is embedded with JsonForScript().
std::string WriteStandaloneHtml(const Timeline& timeline, const TimelineJsAssets& assets,
                                const TimelineJsOptions& options = {});

}  // namespace tarikh

#endif  // TARIKH_EXPORT_HTML_H_
