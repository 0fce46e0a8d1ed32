#pragma once
// The report formats: one table drives --format, -o, their help text, and the tests.
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "report/view.h"

namespace calint {

/// What a format takes from the environment rather than the report. `calint audit` and `calint
/// render` set these from the same options, so both give the same output.
struct FormatOptions {
  bool color = false;  ///< text: ANSI colours
  /// text: list the findings policy exceptions suppress, with justification, owner and ticket
  /// (`--show-suppressed`; else only their count). Machine formats always carry them, marked.
  bool show_suppressed = false;
  /// Absolute folder that SARIF, GitLab, GitHub and JUnit paths are relative to (`%SRCROOT%`:
  /// --srcroot, else the git top-level of the current folder, else the current folder).
  std::string srcroot;
  /// Absolute current folder: the report's relative paths are relative to it.
  std::string cwd;
  /// Markdown: with a base URL, locations are links (`BASE/path#L12`); else plain `path:line`.
  std::string link_base;
  /// Threads a format may render on (`--jobs`); the bytes written never depend on it.
  int jobs = 1;
};

struct Format {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const ReportView& view, const FormatOptions& options);
};

/// Every format, the default (text) first.
std::span<const Format> formats();
/// The format called `name`; nullptr for an unknown name.
const Format* find_format(std::string_view name);
/// "text, json, sarif, ...": the names, for help and usage errors.
std::string format_names();

}  // namespace calint
