#pragma once
// The report formats: one table drives --format, its help text, where diagnostics go, and the tests.
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "report/view.h"

namespace calint {

/// What a format takes from the environment rather than the report.
struct FormatOptions {
  bool color = false;   ///< text: ANSI colours
  std::string version;  ///< calint's version
};

struct Format {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const ReportView& view, const FormatOptions& options);
  /// The format shows notes, warnings and errors itself; for the others they go to stderr.
  bool shows_diagnostics;
};

/// Every format, the default (text) first.
std::span<const Format> formats();
/// The format called `name`; nullptr for an unknown name.
const Format* find_format(std::string_view name);

}  // namespace calint
