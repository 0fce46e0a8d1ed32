#pragma once
#include <cstdint>
#include <string>

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
/// default when absent) and where it was found.
template <class T>
struct Field {
  T value{};
  bool present = false;
  SourceLoc loc;
};

}  // namespace calint
