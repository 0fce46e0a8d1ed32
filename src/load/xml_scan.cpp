#include "load/xml_scan.h"

#include <cstdint>

namespace calint::load {

namespace {

void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// A character reference at the start of `s` ("&#65;", "&#x41;"): its length, and the code point.
/// 0 when it is not one this function vouches for (pugixml's reading of odd ones differs).
std::size_t char_ref(std::string_view s, std::uint32_t& cp) {
  std::size_t i = 2;
  const bool hex = s.size() > 2 && s[2] == 'x';
  if (hex) ++i;
  const std::size_t digits_start = i;
  cp = 0;
  for (; i < s.size() && i - digits_start < 7; ++i) {
    char c = s[i];
    int v = (c >= '0' && c <= '9') ? c - '0' : -1;
    if (hex && v < 0) {
      char l = static_cast<char>(c | 0x20);
      if (l >= 'a' && l <= 'f') v = l - 'a' + 10;
    }
    if (v < 0) break;
    cp = cp * (hex ? 16U : 10U) + static_cast<std::uint32_t>(v);
  }
  if (i == digits_start || i >= s.size() || s[i] != ';') return 0;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return i + 1;
}

}  // namespace

bool decode_text(std::string_view raw, bool cdata, std::string& out) {
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {  // parse_eol
      out.push_back('\n');
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      continue;
    }
    if (c != '&' || cdata) {
      out.push_back(c);
      continue;
    }
    std::string_view rest = raw.substr(i);
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [entity, ch] : kNamed) {
      if (rest.starts_with(entity)) {
        out.push_back(ch);
        i += entity.size() - 1;
        done = true;
        break;
      }
    }
    if (done) continue;
    if (rest.starts_with("&#")) {
      std::uint32_t cp = 0;
      std::size_t len = char_ref(rest, cp);
      if (len == 0) return false;
      append_utf8(cp, out);
      i += len - 1;
      continue;
    }
    out.push_back(c);  // any other '&' stays as written, as pugixml keeps it
  }
  return true;
}

}  // namespace calint::load
