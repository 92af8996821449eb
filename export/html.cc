// SPDX-License-Identifier: MIT
#include "tarikh/export/html.h"

#include <nlohmann/json.hpp>

#include "arabic_words.h"
#include "tarikh/export/escape.h"

namespace tarikh {
namespace {

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < bytes.size()) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string MimeFor(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".ttf")) return "font/ttf";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

// Asset text placed in a raw-text element (<script>, <style>) must not contain the element's
// end tag. The assets are trusted files, but a literal "</script" inside a JS string would
// still end the element early; "<\/" means the same inside JS strings and regexes.
std::string RawText(std::string text, std::string_view tag) {
  std::string needle = "</" + std::string(tag);
  for (size_t pos = 0; (pos = text.find("</", pos)) != std::string::npos; pos += 2) {
    bool match = text.size() - pos >= needle.size();
    for (size_t k = 2; match && k < needle.size(); ++k) {
      match = std::tolower(static_cast<unsigned char>(text[pos + k])) == needle[k];
    }
    if (match) text.replace(pos, 2, "<\\/");
  }
  ReplaceAll(&text, "<!--", "<\\!--");
  return text;
}

}  // namespace

std::string WriteStandaloneHtml(const Timeline& timeline, const TimelineJsAssets& assets,
                                const TimelineJsOptions& options) {
  std::string css = assets.css;
  for (const auto& [url, bytes] : assets.css_resources) {
    ReplaceAll(&css, "url(" + url + ")",
               "url(data:" + MimeFor(url) + ";base64," + Base64(bytes) + ")");
  }
  // The locale is validated JSON when it parses; otherwise it is passed as a JSON string so
  // that nothing in it can end the script.
  std::string locale = assets.locale_json;
  try {
    locale = nlohmann::json::parse(locale).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace);
  } catch (const std::exception&) {
    locale = nlohmann::json(std::string("{}")).dump();
  }
  std::string title = timeline.title.empty()
                          ? std::string(export_internal::ArabicWord("label.timeline"))
                          : timeline.title;
  std::string page;
  page.reserve(assets.js.size() + css.size() + 64 * 1024);
  page += "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"tarikh\">\n";
  page += "<title>" + HtmlEscape(title) + "</title>\n";
  page += "<style>\n" + RawText(css, "style") + "\n</style>\n";
  // Arabic-capable fonts installed locally (fonts-noto-core on Debian), no web fonts.
  page +=
      "<style>\nhtml, body { height: 100%; margin: 0; padding: 0; }\n"
      "#timeline { width: 100%; height: 100%; }\n"
      ".tl-timeline, .tl-timeline h2, .tl-timeline h3, .tl-timeline p {\n"
      "  font-family: \"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"DejaVu Sans\", sans-serif;\n"
      "}\n</style>\n</head>\n<body>\n<div id=\"timeline\"></div>\n";
  page += "<script>\n" + RawText(assets.js, "script") + "\n</script>\n";
  page += "<script>\n(function () {\n  var data = " +
          JsonForScript(WriteTimelineJs(timeline, options)) +
          ";\n  var locale = " + JsonForScript(locale) +
          ";\n"
          "  var language = 'data:application/json;charset=utf-8,' +\n"
          "      encodeURIComponent(JSON.stringify(locale)) + '#.json';\n"
          "  window.timeline = new TL.Timeline('timeline', data, {\n"
          "    language: language, font: null, timenav_position: 'bottom',\n"
          "    hash_bookmark: false, initial_zoom: 2\n"
          "  });\n})();\n</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace tarikh
