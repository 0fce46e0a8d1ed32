#pragma once
// A map of an XML document's elements by byte offset, for minimal textual edits: the fixer changes
// only the bytes of the elements it fixes, so the rest of the file stays byte-identical. It reads
// the XML Salesforce metadata is (elements, text, comments, CDATA, processing instructions, no
// DTD); anything else makes `ok` false and the file is not edited.
#include <string>
#include <string_view>
#include <vector>

namespace calint::fix {

struct XmlElement {
  std::string name;             ///< local name (any namespace prefix removed)
  std::size_t open_begin = 0;   ///< offset of '<' of the start tag
  std::size_t open_end = 0;     ///< offset after the start tag's '>'
  std::size_t close_begin = 0;  ///< offset of "</" of the end tag (= open_end for <x/>)
  std::size_t close_end = 0;    ///< offset after the end tag's '>'
  bool self_closing = false;
  int parent = -1;
  std::vector<int> children;
};

struct XmlMap {
  std::vector<XmlElement> elements;  ///< in document order; [0] is the root
  bool ok = false;

  /// The text content of a leaf element (entities left as written), trimmed.
  [[nodiscard]] std::string_view text(std::string_view doc, int e) const;
  /// Children of `e` named `name`.
  [[nodiscard]] std::vector<int> children(int e, std::string_view name) const;
  /// The element at a path from the root ("ConnectedApp/oauthPolicy/ipRelaxation"): the first one
  /// at each step; -1 when absent.
  [[nodiscard]] int find(std::string_view path) const;
};

/// Maps the elements of `doc`.
XmlMap map_xml(std::string_view doc);

/// How the file is laid out, so inserted text looks like the rest.
struct Layout {
  std::string newline = "\n";   ///< "\r\n" when the file uses it
  std::string indent = "    ";  ///< one level of indentation
};

Layout layout_of(std::string_view doc, const XmlMap& map);

/// The whitespace before the element's start tag on its line ("" when something else precedes it).
std::string indentation_of(std::string_view doc, std::size_t offset);

}  // namespace calint::fix
