#include "report/markdown_text.h"

#include <algorithm>

#include "core/text.h"

namespace calint {

std::string md_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::string text = escape_controls(s);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && i >= 3 && iequals(std::string_view(text).substr(i - 3, 3), "www")) {
      out += "\\.";
      continue;
    }
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '!':
      case '|':
      case '~':
      case '$':
      case '#':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '@':
        // No e-mail autolink: GFM links user@host.tld whatever escapes or entities spell the '@', so
        // an invisible WORD JOINER (U+2060) after it breaks the address for the autolinker only.
        out += "@\u2060";
        break;
      case ':':  // no http:// autolink
        if (std::string_view(text).substr(i + 1, 2) == "//") out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string md_code(std::string_view s) {
  std::string text = escape_controls(s);
  std::size_t run = 0;
  std::size_t longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

}  // namespace calint
