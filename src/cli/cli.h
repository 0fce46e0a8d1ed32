#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace calint {

/// Runs calint with `args` (without the program name); returns the exit code. Everything but
/// main() goes through here, so tests drive the real command line in-process. On a terminal,
/// standard output gets colour and stderr shows the progress of long audits.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool out_is_terminal,
            bool err_is_terminal = false);

}  // namespace calint
