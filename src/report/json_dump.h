#pragma once
// Internal to report/: JSON written one piece at a time, in the layout of nlohmann's dump(2) of
// the whole document, so a large report never exists twice in memory.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace calint {

/// nlohmann's dump(2) of `j` (invalid UTF-8 replaced), every line after the first indented by `indent`.
inline std::string dump_indented(const nlohmann::ordered_json& j, std::string_view indent) {
  std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace calint
