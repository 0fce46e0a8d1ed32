#include "load/xml_text.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.h"
#include "load/redact.h"

namespace calint::load {

XmlText::XmlText(int file, std::string_view original) : file_(file), original_(original) {
  line_starts_.push_back(0);
  // memchr: lines of metadata are tens of bytes, and a byte loop cost as much as the limit scan.
  for (std::size_t i = original.find('\n'); i != std::string_view::npos; i = original.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
}

SourceLoc XmlText::at_offset(std::ptrdiff_t offset) const {
  if (offset < 0) return SourceLoc{file_, 1, 1};
  auto off = std::min(static_cast<std::size_t>(offset), original_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  auto line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::size_t start = line_starts_[line - 1];
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
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  std::size_t start = *(it - 1);
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
