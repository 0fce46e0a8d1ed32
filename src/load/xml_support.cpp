#include "load/xml_support.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

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

bool is_secret_element(std::string_view name) {
  auto colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  std::string lower = to_lower(name);
  return lower.find("secret") != std::string::npos || lower.find("password") != std::string::npos ||
         lower.find("privatekey") != std::string::npos || lower.find("private_key") != std::string::npos ||
         lower.find("accesstoken") != std::string::npos || lower.find("sessionid") != std::string::npos;
}

std::string XmlText::redacted_excerpt(std::ptrdiff_t offset) const {
  if (offset < 0 || original_.empty()) return {};
  auto off = std::min(static_cast<std::size_t>(offset), original_.size() - 1);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  std::size_t start = *(it - 1);
  std::size_t end = original_.find('\n', start);
  if (end == std::string_view::npos) end = original_.size();

  // Mask every byte of the line that lies inside the value of a secret element. A secret element
  // opened before this line and never closed (a broken file) masks to the end of the file.
  std::string line(original_.substr(start, end - start));
  std::vector<bool> masked(line.size(), false);
  std::size_t pos = 0;
  while ((pos = original_.find('<', pos)) != std::string_view::npos && pos < end) {
    std::size_t name_start = pos + 1;
    std::size_t name_end = name_start;
    while (name_end < original_.size() && original_[name_end] != '>' && original_[name_end] != ' ' &&
           original_[name_end] != '/' && original_[name_end] != '\t' && original_[name_end] != '\n' &&
           original_[name_end] != '\r') {
      ++name_end;
    }
    std::string_view name = original_.substr(name_start, name_end - name_start);
    pos = name_end;
    if (name.empty() || name.front() == '/' || !is_secret_element(name)) continue;
    std::size_t value_start = original_.find('>', name_end);
    if (value_start == std::string_view::npos)
      value_start = name_end;
    else
      ++value_start;
    std::size_t value_end = original_.find('<', value_start);
    if (value_end == std::string_view::npos) value_end = original_.size();
    for (std::size_t i = std::max(value_start, start); i < std::min(value_end, end); ++i) masked[i - start] = true;
  }
  if (line.find("PRIVATE KEY") != std::string::npos) std::fill(masked.begin(), masked.end(), true);

  std::string out;
  bool in_mask = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (masked[i]) {
      if (!in_mask) out += "[redacted]";
      in_mask = true;
      continue;
    }
    in_mask = false;
    out.push_back(line[i] == '\t' ? ' ' : line[i]);
  }
  std::string_view trimmed = trim(out);
  constexpr std::size_t kMax = 120;
  if (trimmed.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(trimmed[cut]) & 0xC0U) == 0x80U) --cut;  // keep UTF-8 whole
    return std::string(trimmed.substr(0, cut)) + "...";
  }
  return std::string(trimmed);
}

std::string_view value_of(pugi::xml_node n) { return trim(n.text().get()); }

std::string_view local_name(pugi::xml_node n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

void Reader::issue(pugi::xml_node n, std::string message, std::string key) {
  issues_.push_back(LoadIssue{text_.at(n), std::move(message), std::move(key)});
}

void Reader::issue_at(SourceLoc loc, std::string message, std::string key) {
  issues_.push_back(LoadIssue{loc, std::move(message), std::move(key)});
}

void Reader::str(pugi::xml_node n, Field<std::string>& f) const {
  f.present = true;
  f.value = std::string(value_of(n));
  f.loc = text_.at(n);
}

namespace {
std::string quoted_value(std::string_view v) {
  constexpr std::size_t kMax = 40;
  if (v.size() > kMax) return fmt::format("'{}...'", v.substr(0, kMax));
  return fmt::format("'{}'", v);
}
}  // namespace

void Reader::boolean(pugi::xml_node n, Field<bool>& f, std::string_view path) {
  std::string_view v = value_of(n);
  if (v.empty()) return;  // <x></x>: retrieves write this for an unset value; the default stands
  if (v == "true" || v == "1") {
    f = Field<bool>{true, true, text_.at(n)};
  } else if (v == "false" || v == "0") {
    f = Field<bool>{false, true, text_.at(n)};
  } else {
    issue(n, fmt::format("{} must be true or false, found {}", path, quoted_value(v)), std::string(path));
  }
}

void Reader::integer(pugi::xml_node n, Field<long long>& f, std::string_view path) {
  std::string_view v = value_of(n);
  if (auto parsed = parse_uint(v)) {
    f = Field<long long>{*parsed, true, text_.at(n)};
  } else {
    issue(n, fmt::format("{} must be a non-negative whole number, found {}", path, quoted_value(v)), std::string(path));
  }
}

void Reader::pieces(pugi::xml_node n, char sep, std::vector<Field<std::string>>& out) const {
  SourceLoc element_loc = text_.at(n);
  pugi::xml_node text_node = n.first_child();
  while (text_node && text_node.type() != pugi::node_pcdata && text_node.type() != pugi::node_cdata) {
    text_node = text_node.next_sibling();
  }
  if (!text_node) return;
  std::string_view decoded = text_node.value();
  auto values = split_trimmed(decoded, sep);
  if (sep == '\n') {
    // Salesforce writes \r when a program sets several URLs; treat \r like \n.
    std::string normalised(decoded);
    std::replace(normalised.begin(), normalised.end(), '\r', '\n');
    std::vector<std::string> owned;
    for (auto v : split_trimmed(normalised, '\n')) owned.emplace_back(v);
    std::vector<Field<std::string>> fields;
    // Locate each piece in the raw text, which for URLs rarely differs from the decoded text.
    std::ptrdiff_t raw_start = text_node.offset_debug();
    std::string_view raw = raw_start >= 0 ? text_.original().substr(static_cast<std::size_t>(raw_start)) : "";
    raw = raw.substr(0, raw.find('<'));
    std::string raw_norm(raw);
    std::replace(raw_norm.begin(), raw_norm.end(), '\r', '\n');
    auto raw_pieces = split_trimmed(raw_norm, '\n');
    for (std::size_t i = 0; i < owned.size(); ++i) {
      SourceLoc loc = element_loc;
      if (raw_pieces.size() == owned.size() && raw_start >= 0) {
        loc = text_.at_offset(raw_start + (raw_pieces[i].data() - raw_norm.data()));
      }
      out.push_back(Field<std::string>{owned[i], true, loc});
    }
    return;
  }
  std::ptrdiff_t raw_start = text_node.offset_debug();
  std::string_view raw = raw_start >= 0 ? text_.original().substr(static_cast<std::size_t>(raw_start)) : "";
  raw = raw.substr(0, raw.find('<'));
  auto raw_pieces = split_trimmed(raw, sep);
  for (std::size_t i = 0; i < values.size(); ++i) {
    SourceLoc loc = element_loc;
    if (raw_pieces.size() == values.size() && raw_start >= 0) {
      loc = text_.at_offset(raw_start + (raw_pieces[i].data() - raw.data()));
    }
    out.push_back(Field<std::string>{std::string(values[i]), true, loc});
  }
}

IpRange Reader::range(pugi::xml_node n, std::string_view start_name, std::string_view end_name) const {
  IpRange r;
  r.loc = text_.at(n);
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c);
    if (name == start_name)
      str(c, r.start);
    else if (name == end_name)
      str(c, r.end);
  }
  return r;
}

void Reader::extras(pugi::xml_node n, const std::string& prefix, std::vector<ExtraValue>& out) const {
  // Iterative walk: hostile nesting depth must not exhaust the stack.
  std::vector<std::pair<pugi::xml_node, std::string>> stack{{n, prefix}};
  while (!stack.empty()) {
    auto [node, path] = std::move(stack.back());
    stack.pop_back();
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string child_path = path + "/" + std::string(local_name(c));
      if (c.first_child() && c.first_child().type() == pugi::node_element) {
        stack.emplace_back(c, child_path);
      } else if (!is_secret_element(local_name(c))) {
        ExtraValue e;
        e.path = child_path;
        str(c, e.value);
        out.push_back(std::move(e));
      }
    }
  }
}

}  // namespace calint::load
