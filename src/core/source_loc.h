#pragma once
#include <string_view>
#include <utility>

namespace calint {

/// A position in an audited file: index into the export's file table, 1-based line and column.
/// `file < 0` means "no file" (an org-wide finding).
struct SourceLoc {
  int file = -1;
  int line = 0;
  int column = 0;
  [[nodiscard]] bool valid() const { return file >= 0; }
};

/// A value read from metadata: whether the element was present, its value (or the documented
/// default when absent), where it was found, and which element it is. The element path is set
/// where the model declares the field, so a finding about the field (present or absent) takes its
/// location and its fingerprint path from one place.
template <class T>
struct Field {
  Field() = default;
  /// A field of the element at `element_path` (e.g. "ConnectedApp/oauthConfig/scopes").
  explicit Field(const char* element_path, T default_value = T{})
      : value(std::move(default_value)), element(element_path) {}

  T value{};
  bool present = false;
  SourceLoc loc;
  /// Element path from the root element; static storage (a pointer, not a view: models hold
  /// thousands of fields, and every byte of a Field counts).
  const char* element = "";

  /// Records a value read from the file.
  void set(T v, SourceLoc at) {
    value = std::move(v);
    present = true;
    loc = at;
  }
};

}  // namespace calint
