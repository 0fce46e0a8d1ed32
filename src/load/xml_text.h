#pragma once
// Internal to load/: the bytes of one parsed file, and how pugixml offsets become locations.
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

#include "core/source_loc.h"

namespace calint::load {

/// The original bytes of one file, to turn byte offsets into locations. The line table is built
/// lazily, only as far as the furthest offset located so far (most files need one location near
/// the top, or none), with memchr rather than a pass over every byte. Not thread-safe: one per
/// file and thread.
class XmlText {
 public:
  XmlText(int file, std::string_view original) : file_(file), original_(original) {}
  /// Location of a byte offset (1-based line and column; columns count UTF-8 code points).
  [[nodiscard]] SourceLoc at_offset(std::ptrdiff_t offset) const;
  /// Location of a parse error: pugixml's offset, moved back to the '<' of the tag it lies in.
  [[nodiscard]] SourceLoc at_error(std::ptrdiff_t offset) const;
  /// Location of an element (its '<') or of a text node.
  [[nodiscard]] SourceLoc at(pugi::xml_node node) const;
  [[nodiscard]] std::string_view original() const { return original_; }
  [[nodiscard]] int file() const { return file_; }
  /// The source line holding `offset`, trimmed and shortened, with every secret value masked.
  [[nodiscard]] std::string redacted_excerpt(std::ptrdiff_t offset) const;

 private:
  /// The 1-based line holding `offset` (at most original_.size()) and the offset of its start.
  [[nodiscard]] std::pair<std::size_t, std::size_t> line_of(std::size_t offset) const;

  int file_;
  std::string_view original_;
  // A cursor: the line holding offset `cursor_` and where it starts. Locations are mostly asked
  // for in file order, so each newline is counted once; an earlier offset starts over.
  mutable std::size_t cursor_ = 0;
  mutable std::size_t cursor_line_ = 1;
  mutable std::size_t cursor_line_start_ = 0;
};

/// The number of '\n' in `text` (vectorised: a pass at memory speed).
std::size_t count_newlines(std::string_view text);
/// The offset just after the `lines`-th '\n' at or after `from`, or text.size() when there are
/// fewer.
std::size_t skip_lines(std::string_view text, std::size_t from, std::size_t lines);

/// `text` with control characters escaped (\xNN) and cut to at most `max_bytes` (plus "...")
/// on a UTF-8 character boundary: safe to quote in any report.
std::string shorten_printable(std::string_view text, std::size_t max_bytes);

/// A value quoted for a message: 'shortened value'.
std::string quoted(std::string_view value);

/// Element value: the text of its first text child (trimmed), or "" when it has none.
std::string_view value_of(pugi::xml_node n);
/// Local name of an element (namespace prefix removed).
std::string_view local_name(pugi::xml_node n);

/// Calls f(child, local name) for every element child of `parent`.
template <class F>
void for_each_element(pugi::xml_node parent, F&& f) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element) f(c, local_name(c));
  }
}

}  // namespace calint::load
