#include "load/xml_text.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.h"
#include "load/secrets.h"

namespace calint::load {

XmlText::XmlText(int file, std::string_view original) : file_(file), original_(original) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < original.size(); ++i) {
    if (original[i] == '\n') line_starts_.push_back(i + 1);
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

  std::string line(original_.substr(start, end - start));
  std::vector<bool> masked(line.size(), false);
  auto mask = [&](std::size_t from, std::size_t to) {  // absolute offsets, clipped to the line
    for (std::size_t i = std::max(from, start); i < std::min(to, end); ++i) masked[i - start] = true;
  };

  // 1. The value of every secret element, from its start tag to its end tag (CDATA and comments
  //    included), or to the end of the file when a broken file never closes it.
  std::size_t pos = 0;
  while ((pos = original_.find('<', pos)) != std::string_view::npos && pos < end) {
    std::size_t name_end = pos + 1;
    while (name_end < original_.size() &&
           std::string_view(" \t\r\n/><").find(original_[name_end]) == std::string_view::npos) {
      ++name_end;
    }
    std::string_view name = original_.substr(pos + 1, name_end - pos - 1);
    pos = name_end;
    if (name.empty() || name.front() == '!' || name.front() == '?' || !is_secret_element(name)) continue;
    std::size_t value_start = original_.find('>', name_end);
    value_start = value_start == std::string_view::npos ? name_end : value_start + 1;
    std::size_t value_end = original_.find("</" + std::string(name), value_start);
    if (value_end == std::string_view::npos) value_end = original_.size();
    mask(value_start, value_end);
  }
  // 2. PEM private keys in any element: from the BEGIN line to the END line.
  for (std::size_t k = original_.find("PRIVATE KEY-----"); k != std::string_view::npos && k < end;
       k = original_.find("PRIVATE KEY-----", k + 1)) {
    std::size_t from = original_.rfind('\n', k);
    from = from == std::string_view::npos ? 0 : from + 1;
    std::size_t to = original_.find("-----END", k + 1);
    to = to == std::string_view::npos ? original_.size() : original_.find('\n', to);
    mask(from, to == std::string_view::npos ? original_.size() : to);
  }
  // 3. Anything that looks like a key or token (a long run of base64/hex characters with digits and
  //    letters; API names rarely have digits), whatever element holds it: no excerpt needs one.
  constexpr std::size_t kTokenRun = 24;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t j = i;
    bool digit = false;
    bool alpha = false;
    while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) != 0 ||
                               std::string_view("+/=_-").find(line[j]) != std::string_view::npos)) {
      digit = digit || std::isdigit(static_cast<unsigned char>(line[j])) != 0;
      alpha = alpha || std::isalpha(static_cast<unsigned char>(line[j])) != 0;
      ++j;
    }
    if (j - i >= kTokenRun && digit && alpha) {
      std::fill(masked.begin() + static_cast<std::ptrdiff_t>(i), masked.begin() + static_cast<std::ptrdiff_t>(j), true);
    }
    i = j == i ? i + 1 : j;
  }

  std::string out;
  bool in_mask = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (masked[i]) {
      if (!in_mask) out += "[redacted]";
      in_mask = true;
      continue;
    }
    in_mask = false;
    out.push_back(line[i]);
  }
  return shorten_printable(trim(out), 120);
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
