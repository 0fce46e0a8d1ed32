#pragma once
// Internal to load/: the only place besides the readers that sees pugixml.
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/source_loc.h"
#include "model/model.h"

namespace calint::load {

/// The original bytes of one file with a line table, to turn pugixml offsets into locations.
class XmlText {
 public:
  XmlText(int file, std::string_view original);
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
  int file_;
  std::string_view original_;
  std::vector<std::size_t> line_starts_;
};

/// `text` with control characters escaped (\xNN) and cut to at most `max_bytes` (plus "...")
/// on a UTF-8 character boundary: safe to quote in any report.
std::string shorten_printable(std::string_view text, std::size_t max_bytes);

/// True when an element holds a committed secret for CA401: a name ending in "secret" (consumerSecret,
/// clientSecret) and a value that is not a flag (isConsumerSecretOptional and
/// shouldRotateConsumerSecret are settings, not secrets).
bool holds_secret_value(std::string_view name, std::string_view value);

/// True when an element of this name holds a secret that no report may show (broader than
/// holds_secret_value: excerpts also hide passwords, private keys and tokens).
bool is_secret_element(std::string_view name);

/// Collects CA000 issues while a reader walks a file.
class Reader {
 public:
  Reader(const XmlText& text, std::vector<LoadIssue>& issues) : text_(text), issues_(issues) {}
  [[nodiscard]] const XmlText& text() const { return text_; }
  [[nodiscard]] SourceLoc at(pugi::xml_node n) const { return text_.at(n); }
  void issue(pugi::xml_node n, std::string message, std::string key);
  void issue_at(SourceLoc loc, std::string message, std::string key);

  /// Reads a string element (trimmed).
  void str(pugi::xml_node n, Field<std::string>& f) const;
  /// Reads an xsd:boolean element; an invalid value is CA000 and leaves the default.
  void boolean(pugi::xml_node n, Field<bool>& f, std::string_view path);
  /// Reads an integer element; an invalid value is CA000.
  void integer(pugi::xml_node n, Field<long long>& f, std::string_view path);
  /// Splits the element's text on `sep` (newline for callback URLs, comma for ECA lists) and
  /// locates each piece at its own line and column.
  void pieces(pugi::xml_node n, char sep, std::vector<Field<std::string>>& out) const;
  /// Reads an IP range element with the given child names.
  IpRange range(pugi::xml_node n, std::string_view start_name, std::string_view end_name) const;
  /// Records every element under `n` that has a value and no typed field, by path.
  void extras(pugi::xml_node n, const std::string& prefix, std::vector<ExtraValue>& out) const;

 private:
  const XmlText& text_;
  std::vector<LoadIssue>& issues_;
};

/// Element value: the text of its first text child (trimmed), or "" when it has none.
std::string_view value_of(pugi::xml_node n);
/// Local name of an element (namespace prefix removed).
std::string_view local_name(pugi::xml_node n);

}  // namespace calint::load
