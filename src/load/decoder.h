#pragma once
// Internal to load/: reading typed values out of elements, recording what cannot be read as CA000.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/text.h"
#include "load/xml_text.h"
#include "model/common.h"

namespace calint::load {

/// A closed value's literal as metadata writes it, and what it means.
template <class E>
struct Literal {
  std::string_view text;
  E value;
};

/// Decodes element values into the model's fields and records every value it cannot decode as a
/// LoadIssue (CA000) keyed by the field's element path.
class Decoder {
 public:
  Decoder(const XmlText& text, std::vector<LoadIssue>& issues) : text_(text), issues_(issues) {}
  [[nodiscard]] const XmlText& text() const { return text_; }
  [[nodiscard]] SourceLoc at(pugi::xml_node n) const { return text_.at(n); }
  /// Records a value that cannot be read, as CA000 at the element path `element`.
  void issue(pugi::xml_node n, std::string message, std::string element, std::string key = {});
  void issue_at(SourceLoc loc, std::string message, std::string element);
  /// An element's value quoted for a message, unless the element's name marks a secret
  /// (isSecretRequiredForTokenExchange, say): then it is never shown.
  [[nodiscard]] static std::string shown_value(pugi::xml_node n);

  /// Reads a string element (trimmed).
  void str(pugi::xml_node n, Field<std::string>& f) const;
  /// Appends one value of a repeated element (scopes, profileName) with the element path `element`.
  void item(pugi::xml_node n, const char* element, std::vector<Field<std::string>>& out) const;
  /// Reads an xsd:boolean element; an invalid value is CA000 and leaves the default. Messages name
  /// the element `shown` (as the metadata documentation does).
  void boolean(pugi::xml_node n, Field<bool>& f, std::string_view shown);
  /// Reads an integer element; an invalid value is CA000.
  void integer(pugi::xml_node n, Field<long long>& f, std::string_view shown);
  /// Reads a closed value, compared without regard to case: the documentation and real retrieves
  /// do not always agree (Enforce_RelaxRefresh is documented, Enforce_relaxrefresh is what orgs
  /// write). An empty element is unset (the documented default stands); an unknown value is CA000
  /// listing the accepted literals, and leaves the field present with `invalid`.
  template <class E>
  void closed(pugi::xml_node n, Field<E>& f, std::span<const Literal<E>> literals, E invalid, std::string_view shown);
  /// Splits the element's text on `sep` (newline for callback URLs, comma for ECA lists) and
  /// locates each piece at its own line and column.
  void pieces(pugi::xml_node n, char sep, const char* element, std::vector<Field<std::string>>& out) const;
  /// Reads an IP range element whose children are the leaves of `start_path` and `end_path`. A
  /// range without both ends, with an address that is not IPv4 or IPv6, mixing the two, or whose
  /// start is after its end is CA000: Salesforce rejects it too.
  IpRange range(pugi::xml_node n, const char* start_path, const char* end_path);
  /// The checks of range() on a range read otherwise (by a streaming reader); `element` is the
  /// range element's local name.
  void check_range(const IpRange& r, std::string_view element);
  /// Records every element under `n` that has a value and no typed field, by path.
  void extras(pugi::xml_node n, const std::string& prefix, std::vector<ExtraValue>& out) const;

 private:
  const XmlText& text_;
  std::vector<LoadIssue>& issues_;
};

template <class E>
void Decoder::closed(pugi::xml_node n, Field<E>& f, std::span<const Literal<E>> literals, E invalid,
                     std::string_view shown) {
  std::string_view v = value_of(n);
  if (v.empty()) return;  // <x></x>: retrieves write this for an unset value
  for (const auto& literal : literals) {
    if (iequals(v, literal.text)) {
      f.set(literal.value, at(n));
      return;
    }
  }
  f.set(invalid, at(n));
  std::vector<std::string_view> accepted;
  for (const auto& literal : literals) accepted.push_back(literal.text);
  issue(n, fmt::format("{} has unknown value {}; accepted: {}", shown, shown_value(n), fmt::join(accepted, ", ")),
        std::string(f.element));
}

/// Reads child `c` (local name `name`) into the boolean field of `target` that is that element;
/// false when none of `fields` is. Messages name it `parent/name` (just `name` without a parent).
template <class T>
bool read_bool(std::initializer_list<Field<bool> T::*> fields, pugi::xml_node c, std::string_view name, Decoder& d,
               T& target, std::string_view parent) {
  for (auto member : fields) {
    Field<bool>& f = target.*member;
    if (leaf(f.element) == name) {
      d.boolean(c, f, parent.empty() ? std::string(name) : fmt::format("{}/{}", parent, name));
      return true;
    }
  }
  return false;
}

/// Reads child `c` into the string field of `target` that is that element; false when none is.
template <class T>
bool read_str(std::initializer_list<Field<std::string> T::*> fields, pugi::xml_node c, std::string_view name,
              Decoder& d, T& target) {
  for (auto member : fields) {
    Field<std::string>& f = target.*member;
    if (leaf(f.element) == name) {
      d.str(c, f);
      return true;
    }
  }
  return false;
}

}  // namespace calint::load
