// SPDX-License-Identifier: MIT
// Escaping for every place untrusted article text lands in an export. Each function takes
// UTF-8 plain text and returns text safe for one context only.
#ifndef TARIKH_EXPORT_ESCAPE_H_
#define TARIKH_EXPORT_ESCAPE_H_

#include <string>
#include <string_view>

namespace tarikh {

// HTML text and attribute values: & < > " ' become entities.
std::string HtmlEscape(std::string_view text);

// XML character data and attribute values: & < > " escaped; \r, \t and \n written as
// character references in attributes and \r in text (so a parser's end-of-line
// normalization cannot change the text); characters XML 1.0 cannot carry at all (C0
// controls other than \t \n \r, U+FFFE, U+FFFF) and invalid UTF-8 bytes are replaced by
// U+FFFD, one code point for one, so code point offsets stay valid.
std::string XmlEscapeText(std::string_view text);
std::string XmlEscapeAttribute(std::string_view text);
// XmlEscapeText appending to `out` (for writers that stream a document chunk by chunk).
void AppendXmlText(std::string* out, std::string_view text);

// Appends `text` as a quoted JSON string, escaped exactly as nlohmann::json::dump does with
// ensure_ascii off (" \\ \b \f \n \r \t by name, other controls as \u00xx, the rest
// verbatim), so hand-written JSON lines match a dumped object byte for byte. Returns false
// (output unspecified) if `text` is not valid UTF-8.
bool AppendJsonString(std::string* out, std::string_view text);

// A JSON document made safe to place inside an HTML <script> element: every "</" becomes
// "<\/", every "<!" becomes "\u003c!" (both only occur inside JSON strings, where these
// escapes mean the same characters), and U+2028 / U+2029 become \u2028 / \u2029.
std::string JsonForScript(std::string_view json);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
// A field starting with = + - @ TAB or CR gets a leading apostrophe so spreadsheets do not
// evaluate it as a formula.
std::string CsvField(std::string_view text);

// One Markdown table cell: | and \ backslash-escaped, < and & as entities (no raw HTML),
// CR/LF runs become one space.
std::string MarkdownCell(std::string_view text);

}  // namespace tarikh

#endif  // TARIKH_EXPORT_ESCAPE_H_
