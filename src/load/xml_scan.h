#pragma once
// Internal to load/: a streaming XML scanner for large files of which readers need a few values
// (profiles, permission sets). No DOM, no allocation per element.
//
// It is strict on purpose: it accepts only a plain subset of XML that pugixml's parse_default reads
// without error and into the same tree (elements with ASCII names, quoted attributes, text,
// comments, CDATA, an XML declaration). Whatever falls outside it (a parse error, a DOCTYPE, a NUL
// byte, a non-ASCII name, an unusual entity) makes it answer Unsure, and the caller reads the file
// with pugixml instead, so a file that does not parse is reported exactly as before (same message,
// same location) and an odd but valid file is read exactly as before.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/secrets.h"

namespace calint::load {

/// What a scan learnt about the text besides the handler's events.
struct ScanFacts {
  /// Every '<' before this offset started a tag the scan read: an end tag, a start tag whose
  /// name marks no secret (is_secret_element), or a comment, CDATA section or processing
  /// instruction with no '<' inside. secret_ranges(text, plain_until) is then secret_ranges(text).
  /// The text's size when the scan was Complete and met no secret-named element.
  std::size_t plain_until = 0;
  /// Start tags read: with the scan Complete, the number of elements in the text (the count
  /// check_xml_limits makes).
  std::uint64_t elements = 0;
};

enum class ScanResult {
  Complete,  ///< the whole file was read and is well-formed
  Stopped,   ///< the handler had what it needed and stopped the scan (the rest was not checked)
  Unsure,    ///< the file leaves the subset the scanner accepts: read it with pugixml
};

namespace scan_detail {

enum : unsigned char { kWs = 1, kNameStart = 2, kName = 4, kColon = 8 };
/// Character classes by byte: one load instead of a chain of comparisons per byte.
constexpr auto kClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    const bool name = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
    const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    t[static_cast<std::size_t>(c)] = static_cast<unsigned char>((ws ? kWs : 0) | (start ? kNameStart : 0) |
                                                                (name ? kName : 0) | (c == ':' ? kColon : 0));
  }
  return t;
}();
constexpr bool is_ws(char c) { return (kClass[static_cast<unsigned char>(c)] & kWs) != 0; }
constexpr bool is_name_start(char c) { return (kClass[static_cast<unsigned char>(c)] & kNameStart) != 0; }
constexpr bool is_name_char(char c) { return (kClass[static_cast<unsigned char>(c)] & kName) != 0; }
/// Whether the bytes at `p` (at least name.size() of them) are `name`. Names of 8 to 16 bytes (most
/// of a profile's) are compared as two overlapping words, without a call.
inline bool same_name(const char* p, std::string_view name) {
  const std::size_t n = name.size();
  if (n >= 8 && n <= 16) {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::uint64_t c = 0;
    std::uint64_t d = 0;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, name.data(), 8);
    std::memcpy(&c, p + n - 8, 8);
    std::memcpy(&d, name.data() + n - 8, 8);
    return a == b && c == d;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] != name[i]) return false;
  }
  return true;
}
inline const char* find(const char* p, const char* e, std::string_view what) {
  std::string_view rest(p, static_cast<std::size_t>(e - p));
  auto at = rest.find(what);
  return at == std::string_view::npos ? nullptr : p + at;
}
/// Parses a start tag's attributes from `p` (just after the name) to its '>' or "/>". Returns the
/// position after the tag, or nullptr when it leaves the subset; `empty` says "/>".
inline const char* attributes(const char* p, const char* e, bool& empty) {
  bool need_ws = true;  // an attribute must follow whitespace
  while (p < e) {
    if (*p == '>') {
      empty = false;
      return p + 1;
    }
    if (*p == '/') {
      if (p + 1 < e && p[1] == '>') {
        empty = true;
        return p + 2;
      }
      return nullptr;
    }
    if (is_ws(*p)) {
      while (p < e && is_ws(*p)) ++p;
      need_ws = false;
      continue;
    }
    if (need_ws || !is_name_start(*p)) return nullptr;
    while (p < e && is_name_char(*p)) ++p;
    while (p < e && is_ws(*p)) ++p;
    if (p == e || *p != '=') return nullptr;
    ++p;
    while (p < e && is_ws(*p)) ++p;
    if (p == e || (*p != '"' && *p != '\'')) return nullptr;
    const char* close = static_cast<const char*>(std::memchr(p + 1, *p, static_cast<std::size_t>(e - p - 1)));
    if (close == nullptr || std::memchr(p + 1, '<', static_cast<std::size_t>(close - p - 1)) != nullptr) return nullptr;
    p = close + 1;
    need_ws = true;
  }
  return nullptr;
}

}  // namespace scan_detail

/// Scans `s` (UTF-8) and calls, in document order:
///   bool h.start(std::string_view local_name, std::size_t offset_of_lt, int depth)  (root: depth 1)
///   void h.text(std::string_view raw, bool cdata, int depth)  a text node of the element at `depth`
///        (raw bytes: entities not decoded; whitespace-only text between tags is not a node)
///   bool h.end(int depth)
/// A handler returning false stops the scan (ScanResult::Stopped).
/// With `facts`, also fills them (a table lookup per start tag).
template <class H>
ScanResult scan_xml(std::string_view s, H& h, ScanFacts* facts = nullptr);

namespace scan_detail {

/// scan_xml's body; `p` is left where the scan ended (at the '<' it could not read, when Unsure).
template <class H>
ScanResult scan(std::string_view s, H& h, ScanFacts* facts, const char*& p) {
  const char* const begin = s.data();
  const char* const e = begin + s.size();
  if (std::memchr(begin, '\0', s.size()) != nullptr) return ScanResult::Unsure;  // pugixml stops at NUL
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") p += 3;
  std::vector<std::string_view> open;  // qualified names of the open elements
  open.reserve(16);
  bool root_seen = false;
  bool root_closed = false;
  SecretNameCache secret_name;
  // Where secret_ranges() must look from: the tag at p, or a '<' inside it that is no tag.
  auto not_plain = [&] { facts->plain_until = std::min(facts->plain_until, static_cast<std::size_t>(p - begin)); };
  auto holds_lt = [&](const char* from, const char* to) {
    if (facts != nullptr && std::memchr(from, '<', static_cast<std::size_t>(to - from)) != nullptr) not_plain();
  };
  while (true) {
    if (open.empty()) {
      while (p < e && is_ws(*p)) ++p;
      if (p == e) return root_closed ? ScanResult::Complete : ScanResult::Unsure;
      if (*p != '<') return ScanResult::Unsure;
    } else {
      // Between tags there is mostly indentation: passed over here, without a memchr call.
      const char* text = p;
      while (p < e && is_ws(*p)) ++p;
      if (p == e || *p != '<') {
        const char* lt = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(e - p)));
        if (lt == nullptr) return ScanResult::Unsure;  // unclosed elements
        h.text(std::string_view(text, static_cast<std::size_t>(lt - text)), false, static_cast<int>(open.size()));
        p = lt;
      }
    }
    // p is at '<'
    if (e - p < 2) return ScanResult::Unsure;
    const char c = p[1];
    if (c == '/') {
      if (open.empty()) return ScanResult::Unsure;
      std::string_view name = open.back();
      const char* q = p + 2;
      if (static_cast<std::size_t>(e - q) < name.size()) return ScanResult::Unsure;
      if (!same_name(q, name)) return ScanResult::Unsure;
      q += name.size();
      while (q < e && is_ws(*q)) ++q;
      if (q == e || *q != '>') return ScanResult::Unsure;
      const int depth = static_cast<int>(open.size());
      open.pop_back();
      p = q + 1;
      if (open.empty()) root_closed = true;
      if (!h.end(depth)) return ScanResult::Stopped;
      continue;
    }
    if (c == '!') {
      std::string_view rest(p, static_cast<std::size_t>(e - p));
      if (rest.starts_with("<!--")) {
        const char* close = find(p + 4, e, "-->");
        if (close == nullptr) return ScanResult::Unsure;
        holds_lt(p + 4, close);
        p = close + 3;
        continue;
      }
      if (!open.empty() && rest.starts_with("<![CDATA[")) {
        const char* close = find(p + 9, e, "]]>");
        if (close == nullptr) return ScanResult::Unsure;
        holds_lt(p + 9, close);
        h.text(std::string_view(p + 9, static_cast<std::size_t>(close - p - 9)), true, static_cast<int>(open.size()));
        p = close + 3;
        continue;
      }
      return ScanResult::Unsure;  // DOCTYPE, or CDATA outside the root
    }
    if (c == '?') {  // the XML declaration, or another processing instruction, before the root
      if (root_seen || e - p < 3 || !is_name_start(p[2])) return ScanResult::Unsure;
      const char* q = p + 2;
      while (q < e && is_name_char(*q)) ++q;
      if (q + 1 < e && q[0] == '?' && q[1] == '>') {
        p = q + 2;
        continue;
      }
      if (q == e || !is_ws(*q)) return ScanResult::Unsure;
      const char* close = find(q, e, "?>");
      if (close == nullptr) return ScanResult::Unsure;
      holds_lt(q, close);
      p = close + 2;
      continue;
    }
    if (!is_name_start(c) || root_closed) return ScanResult::Unsure;  // a second root: pugixml's business
    const char* name_begin = p + 1;
    const char* q = name_begin;
    unsigned char seen = 0;  // the classes of the name's bytes: kColon when it has a prefix
    for (; q < e && is_name_char(*q); ++q) seen |= kClass[static_cast<unsigned char>(*q)];
    std::string_view name(name_begin, static_cast<std::size_t>(q - name_begin));
    if (q == e || (!is_ws(*q) && *q != '>' && *q != '/')) return ScanResult::Unsure;  // non-ASCII name, say
    if (facts != nullptr) {
      ++facts->elements;
      if (secret_name(name)) not_plain();
    }
    bool empty = false;
    const char* after = attributes(q, e, empty);
    if (after == nullptr) return ScanResult::Unsure;
    root_seen = true;
    const int depth = static_cast<int>(open.size()) + 1;
    std::string_view local = name;
    if ((seen & kColon) != 0) local.remove_prefix(local.find(':') + 1);
    if (!h.start(local, static_cast<std::size_t>(p - begin), depth)) return ScanResult::Stopped;
    p = after;
    if (empty) {
      if (depth == 1) root_closed = true;
      if (!h.end(depth)) return ScanResult::Stopped;
    } else {
      open.push_back(name);
    }
  }
}

}  // namespace scan_detail

template <class H>
ScanResult scan_xml(std::string_view s, H& h, ScanFacts* facts) {
  const char* p = s.data();
  if (facts != nullptr) *facts = ScanFacts{s.size(), 0};
  ScanResult result = scan_detail::scan(s, h, facts, p);
  if (facts != nullptr && result != ScanResult::Complete)
    facts->plain_until = std::min(facts->plain_until, static_cast<std::size_t>(p - s.data()));
  return result;
}

/// The value pugixml gives a text node (`raw` as scan_xml passes it): entities decoded (&lt; &gt;
/// &amp; &quot; &apos; and character references) and line ends normalised (\r\n and \r become \n)
/// in text outside CDATA; only line ends in CDATA. False when `raw` holds a character reference
/// pugixml would read in a way this function does not reproduce (then read the file with pugixml).
bool decode_text(std::string_view raw, bool cdata, std::string& out);

}  // namespace calint::load
