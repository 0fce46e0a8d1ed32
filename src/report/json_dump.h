#pragma once
// Internal to report/: JSON written one piece at a time, in the layout of nlohmann's dump(2) of
// the whole document, so a large report never exists twice in memory.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/finding.h"

namespace calint {

/// A finding as the JSON report writes it (schemas/report.schema.json, `finding`).
nlohmann::ordered_json finding_json(const Finding& f);

/// nlohmann's dump of `j` (invalid UTF-8 replaced; `width` < 0: on one line) with U+2028 and
/// U+2029 written as \u2028 and \u2029: valid JSON either way, but raw they end a line for
/// JavaScript before ES2019 and for editors, so a consumer that embeds the text cannot be broken.
inline std::string dump_json(const nlohmann::ordered_json& j, int width) {
  std::string text = j.dump(width, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  for (std::size_t i = text.find("\xe2\x80"); i != std::string::npos; i = text.find("\xe2\x80", i + 1)) {
    if (i + 2 < text.size() && (text[i + 2] == '\xa8' || text[i + 2] == '\xa9')) {
      text.replace(i, 3, text[i + 2] == '\xa8' ? "\\u2028" : "\\u2029");
    }
  }
  return text;
}

/// dump_json(j, 2), every line after the first indented by `indent`.
inline std::string dump_indented(const nlohmann::ordered_json& j, std::string_view indent) {
  std::string text = dump_json(j, 2);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace calint
