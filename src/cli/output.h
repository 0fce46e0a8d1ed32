#pragma once
// Internal to cli/: where reports go. `audit` and `render` share these options, so both can be
// given the same and write the same bytes.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/report.h"
#include "report/formats.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace calint {

/// The streams of a command, and whether each is a terminal.
struct Console {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

struct OutputArgs {
  std::string format = "text";
  std::string output;
  std::vector<std::string> extra;  ///< -o FORMAT:PATH
  std::string srcroot;
  std::string link_base;
  bool no_color = false;
  bool quiet = false;
  bool show_suppressed = false;  ///< --show-suppressed
  std::string noun = "report";   ///< what the command writes, for messages ("report", "diff")
  CLI::Option* format_option = nullptr;
  CLI::Option* output_option = nullptr;
};

/// A format a command offers, for --format's help and check.
struct FormatChoice {
  std::string_view name;
  std::string_view description;
};

/// The choices a table of formats offers (`formats()`, `diff_formats()`: rows with a name and a
/// description).
template <class Formats>
std::vector<FormatChoice> choices_of(const Formats& table) {
  std::vector<FormatChoice> out;
  for (const auto& f : table) out.push_back({f.name, f.description});
  return out;
}

/// The report formats, for --format's help and check.
std::vector<FormatChoice> report_choices();

/// Whether an option was given on the command line (false for nullptr); cli/options.cpp.
bool option_given(const CLI::Option* option);

/// Adds --format, --output, -o, --srcroot, --link-base, --no-color, --quiet and --show-suppressed
/// (the report formats) to a command.
void add_output_options(CLI::App& cmd, OutputArgs& args);
/// Adds --format (one of `choices`), --output, -o, --srcroot, --no-color and --quiet.
void add_output_options(CLI::App& cmd, OutputArgs& args, const std::vector<FormatChoice>& choices);

/// One output a command writes: a format's name, and a file ("" for standard output).
struct OutputSpec {
  std::string format;
  std::string path;
};

/// The outputs the options ask for, each format one of `choices`. On a usage error (an unknown
/// format after -o, two outputs on standard output or in one file) returns nullopt with the
/// message in `error`.
std::optional<std::vector<OutputSpec>> plan_output_specs(const OutputArgs& args,
                                                         const std::vector<FormatChoice>& choices, std::string& error);

/// What the formats take from the environment: the current folder, the source root, links.
FormatOptions format_options(const OutputArgs& args);

/// Writes one output: to standard output (colour when it is a terminal and allowed), or to its
/// file atomically. False, with a message on stderr, when the file could not be written.
bool write_output(const OutputSpec& target, const OutputArgs& args, FormatOptions options, Console& console,
                  const std::function<void(std::ostream&, const FormatOptions&)>& write);

/// Notes (unless --quiet), warnings and errors on stderr.
void print_diagnostics(const std::vector<std::string>& notes, const std::vector<std::string>& warnings,
                       const std::vector<InputError>& errors, bool quiet, std::ostream& err);

/// One report to write: a format, and a file ("" for standard output).
struct OutputTarget {
  const Format* format = nullptr;
  std::string path;
};

/// The reports the options ask for. On a usage error (an unknown format after -o, two reports on
/// standard output or in one file) returns nullopt with the message in `error`.
std::optional<std::vector<OutputTarget>> plan_outputs(const OutputArgs& args, std::string& error);

/// Writes every report (files atomically: a temporary file in the same folder, then a rename), then
/// the report's notes (unless --quiet), warnings and errors on stderr. False, with a message on
/// stderr, when a report could not be written. A format may render on `jobs` threads.
bool write_outputs(const Report& report, const std::vector<OutputTarget>& targets, const OutputArgs& args,
                   Console& console, int jobs = 1);

/// Writes a file atomically: `write` fills a temporary file in the same folder, which then
/// replaces `path`. A path that exists but is not a regular file (/dev/null, a FIFO) is written in
/// place. False with a message in `error` on failure, and `path` is left as it was.
bool write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string& error);

}  // namespace calint
