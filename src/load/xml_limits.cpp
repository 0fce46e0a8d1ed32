#include "load/xml_limits.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "load/xml_walk.h"

namespace calint::load {

std::optional<std::string> xml_limit_exceeded(std::uint64_t depth, std::uint64_t elements, std::uint64_t line,
                                              const XmlLimits& limits) {
  std::string at = line > 0 ? fmt::format(" at line {}", line) : std::string();
  if (depth > limits.max_depth) {
    return fmt::format("not audited: its XML elements nest more than {} deep{} (raise the limit with --xml-max-depth)",
                       limits.max_depth, at);
  }
  if (elements > limits.max_elements) {
    return fmt::format(
        "not audited: it has more than {} XML elements; element {} is{} (raise the limit with --xml-max-elements)",
        limits.max_elements, elements, at.empty() ? std::string(" past it") : at);
  }
  return std::nullopt;
}

namespace {

/// The end of the first `what` at or after `from`, or `end`.
const char* past(const char* from, const char* end, std::string_view what) {
  std::string_view rest(from, static_cast<std::size_t>(end - from));
  std::size_t k = rest.find(what);
  return k == std::string_view::npos ? end : from + k + what.size();
}

/// The '>' that ends the start tag beginning at `p`, quotes respected (a quoted '>' or "/>" is
/// attribute text), or `end`.
const char* tag_end(const char* p, const char* end) {
  const auto* gt = static_cast<const char*>(std::memchr(p, '>', static_cast<std::size_t>(end - p)));
  if (!gt) return end;
  auto n = static_cast<std::size_t>(gt - p);
  if (!std::memchr(p, '"', n) && !std::memchr(p, '\'', n)) return gt;  // the common case: no quote before it
  char quote = 0;
  for (const char* q = p; q < end; ++q) {
    if (quote) {
      if (*q == quote) quote = 0;
    } else if (*q == '"' || *q == '\'') {
      quote = *q;
    } else if (*q == '>') {
      return q;
    }
  }
  return end;
}

}  // namespace

std::optional<std::string> check_xml_limits(std::string_view text, const XmlLimits& limits) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  std::uint64_t depth = 0;
  std::uint64_t elements = 0;
  const char* p = begin;
  while (p < end && (p = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end - p))))) {
    std::string_view rest(p, static_cast<std::size_t>(end - p));
    if (rest.size() < 2) break;
    if (rest[1] == '/') {  // an end tag: it holds no '<', the search goes on from here
      if (depth > 0) --depth;
      p += 2;
    } else if (rest[1] == '?') {
      p = past(p + 2, end, "?>");
    } else if (rest.starts_with("<!--")) {
      p = past(p + 4, end, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      p = past(p + 9, end, "]]>");
    } else if (rest[1] == '!') {  // a DOCTYPE, with its internal subset
      const char* q = p + 2;
      while (q < end && *q != '>' && *q != '[') ++q;
      if (q < end && *q == '[') q = past(q, end, "]");
      p = past(q, end, ">");
    } else {
      ++depth;
      ++elements;
      if (depth > limits.max_depth || elements > limits.max_elements) {
        auto line = static_cast<std::uint64_t>(std::count(begin, p, '\n')) + 1;
        return xml_limit_exceeded(depth, elements, line, limits);
      }
      const char* gt = tag_end(p + 1, end);
      if (gt < end && gt[-1] == '/') --depth;  // <empty/>
      p = gt < end ? gt + 1 : end;
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_xml_element_bound(std::string_view text, const XmlLimits& limits) {
  // Eight bytes at a time (std::count is not vectorised at -O2): a byte of x is zero where the text
  // has '<'; the classic has-zero-byte test marks each such byte's high bit, exactly.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  std::uint64_t tags = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    std::uint64_t x = word ^ (kOnes * static_cast<unsigned char>('<'));
    std::uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);
    tags += ((zero >> 7U) * kOnes) >> 56U;  // the marks summed into the top byte (at most 8)
  }
  tags += static_cast<std::uint64_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), '<'));
  if (tags <= limits.max_elements) return std::nullopt;
  return check_xml_limits(text, XmlLimits{UINT64_MAX, limits.max_elements});
}

std::uint64_t count_nodes(pugi::xml_node root) {
  std::uint64_t count = 0;
  walk_nodes(root, [&](pugi::xml_node n) {
    ++count;
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) ++count;
  });
  return count;
}

}  // namespace calint::load
