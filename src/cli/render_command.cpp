#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/json_reader.h"

namespace calint {

int run_render_command(const RenderArgs& a, Console& console) {
  std::string usage;
  auto targets = plan_outputs(a.output, usage);
  if (!targets) {
    console.err << usage << '\n';
    return kExitError;
  }
  std::ostringstream text;
  if (a.report == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(a.report, std::ios::binary);
    if (!in) {
      console.err << fmt::format("calint: cannot read '{}'\n", a.report);
      return kExitError;
    }
    text << in.rdbuf();
  }
  std::string error;
  std::optional<Report> report = read_json_report(text.str(), error);
  if (!report) {
    console.err << fmt::format("calint: {}: {}\n", a.report, error);
    return kExitError;
  }
  return write_outputs(*report, *targets, a.output, console) ? kExitClean : kExitError;
}

}  // namespace calint
