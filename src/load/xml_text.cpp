#include "load/xml_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "core/text.h"
#include "load/redact.h"

namespace calint::load {

std::size_t count_newlines(std::string_view text) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::min<std::size_t>(text.size() - i, 255);
    unsigned char in_block = 0;  // a byte counter per block: the loop vectorises
    for (std::size_t k = 0; k < n; ++k) in_block = static_cast<unsigned char>(in_block + (text[i + k] == '\n' ? 1 : 0));
    total += in_block;
    i += n;
  }
  return total;
}

std::size_t skip_lines(std::string_view text, std::size_t from, std::size_t lines) {
  constexpr std::size_t kBlock = 4096;
  while (lines > 0 && from < text.size()) {
    std::string_view block = text.substr(from, kBlock);
    if (std::size_t n = count_newlines(block); n < lines) {  // the whole block lies before the line
      lines -= n;
      from += block.size();
      continue;
    }
    for (; lines > 0; --lines)
      from = static_cast<std::size_t>(
                 static_cast<const char*>(std::memchr(text.data() + from, '\n', text.size() - from)) - text.data()) +
             1;
  }
  return std::min(from, text.size());
}

std::pair<std::size_t, std::size_t> XmlText::line_of(std::size_t offset) const {
  if (offset < cursor_) {
    cursor_ = 0;
    cursor_line_ = 1;
    cursor_line_start_ = 0;
  }
  // Newlines before `offset` (one at `offset` starts the next line).
  std::string_view span = original_.substr(cursor_, offset - cursor_);
  if (std::size_t n = count_newlines(span); n > 0) {
    cursor_line_ += n;
    const void* last = memrchr(span.data(), '\n', span.size());
    cursor_line_start_ = static_cast<std::size_t>(static_cast<const char*>(last) - original_.data()) + 1;
  }
  cursor_ = offset;
  return {cursor_line_, cursor_line_start_};
}

SourceLoc XmlText::at_offset(std::ptrdiff_t offset) const {
  if (offset < 0) return SourceLoc{file_, 1, 1};
  auto off = std::min(static_cast<std::size_t>(offset), original_.size());
  auto [line, start] = line_of(off);
  auto column = utf8_length(original_.substr(start, off - start)) + 1;
  return SourceLoc{file_, static_cast<int>(line), static_cast<int>(column)};
}

SourceLoc XmlText::at_error(std::ptrdiff_t offset) const {
  // pugixml reports the position inside a tag (after "<" or "</"); editors want the tag itself.
  if (offset > 0 && static_cast<std::size_t>(offset) <= original_.size()) {
    auto off = static_cast<std::size_t>(offset);
    if (off >= 2 && original_.substr(off - 2, 2) == "</") return at_offset(offset - 2);
    if (original_[off - 1] == '<') return at_offset(offset - 1);
  }
  return at_offset(offset);
}

SourceLoc XmlText::at(pugi::xml_node node) const {
  std::ptrdiff_t off = node.offset_debug();
  if (off < 0) return SourceLoc{file_, 1, 1};
  if (node.type() == pugi::node_element && off > 0) --off;  // pugixml points at the name; we point at '<'
  return at_offset(off);
}

std::string XmlText::redacted_excerpt(std::ptrdiff_t offset) const {
  if (offset < 0 || original_.empty()) return {};
  auto off = std::min(static_cast<std::size_t>(offset), original_.size() - 1);
  std::size_t start = line_of(off).second;
  std::size_t end = original_.find('\n', start);
  if (end == std::string_view::npos) end = original_.size();
  return redacted_line(original_, start, end, secret_ranges(original_), 120, off - start);
}

std::string shorten_printable(std::string_view text, std::size_t max_bytes) {
  std::string out = escape_controls(text);
  if (out.size() <= max_bytes) return out;
  std::size_t cut = max_bytes;  // never split a UTF-8 character
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U) --cut;
  return out.substr(0, cut) + "...";
}

std::string_view value_of(pugi::xml_node n) { return trim(n.text().get()); }

std::string_view local_name(pugi::xml_node n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

std::string quoted(std::string_view value) { return fmt::format("'{}'", shorten_printable(value, 40)); }

}  // namespace calint::load
