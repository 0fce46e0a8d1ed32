#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/workflow.h"
#include "core/bounded_read.h"
#include "core/input_options.h"
#include "report/json_reader.h"

namespace calint {

int run_render_command(const RenderArgs& a, Console& console) {
  std::string usage;
  auto targets = plan_outputs(a.output, usage);
  if (!targets) {
    console.err << usage << '\n';
    return kExitError;
  }
  const auto max = size_arg("--max-file-size", a.max_file_size, InputLimits{}.max_file_size, console.err);
  if (!max) return kExitError;
  std::string text;
  bool whole = true;
  if (a.report == "-") {
    whole = read_bounded(std::cin, *max, text);
  } else {
    std::ifstream in(a.report, std::ios::binary);
    if (!in) {
      console.err << fmt::format("calint: cannot read '{}'\n", a.report);
      return kExitError;
    }
    whole = read_bounded(in, *max, text);
  }
  if (!whole) {
    console.err << fmt::format("calint: {}: the report is larger than {}, the limit (--max-file-size)\n", a.report,
                               size_option(*max));
    return kExitError;
  }
  std::string error;
  std::optional<Report> report = read_json_report(text, error);
  if (!report) {
    console.err << fmt::format("calint: {}: {}\n", a.report, error);
    return kExitError;
  }
  return write_outputs(*report, *targets, a.output, console) ? kExitClean : kExitError;
}

}  // namespace calint
