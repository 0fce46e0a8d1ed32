#pragma once
// Internal to cli/: the subcommands that write reports. Each adds its options to the CLI11 app
// (cli/options.cpp, the one file that compiles CLI11 for them) and runs once parsed (its own file).
#include <string>
#include <vector>

#include "cli/output.h"
#include "cli/workflow.h"

namespace calint {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct Policy;

/// Loads the policy at `path`, or the embedded default for ""; on error prints it and returns false.
bool load_policy(const std::string& path, Policy& policy, std::ostream& err);

/// The audit date (`--as-of`, else today, UTC), the jobs (`--jobs`, else every core) and calint's
/// version, for `audit` and `diff`. Prints the problem and returns false.
bool set_audit_options(const std::string& as_of, int jobs, AuditOptions& options, std::ostream& err);

struct AuditArgs {
  std::vector<std::string> paths;
  WorkflowArgs workflow;  ///< --policy, --show-policy, --changed-since, baselines, zip limits
  std::string fail_on;
  bool exit_zero = false;
  std::string as_of;
  int jobs = 0;
  std::string usage;                 ///< --usage TOKENS.csv
  std::string usage_max_size;        ///< --usage-max-size SIZE
  std::uint64_t usage_max_rows = 0;  ///< --usage-max-rows N; 0: the default
  OutputArgs output;
};

CLI::App* add_audit_command(CLI::App& app, AuditArgs& args);
int run_audit_command(const AuditArgs& args, Console& console);

struct FixArgs {
  std::vector<std::string> paths;
  std::vector<std::string> rules;  ///< --rule ID (repeatable)
  bool unsafe = false;             ///< --unsafe-fixes
  bool diff = false;               ///< --diff: print, write nothing
  std::string policy;
  std::string baseline;
  std::string fail_on;
  int jobs = 0;
};

CLI::App* add_fix_command(CLI::App& app, FixArgs& args);
int run_fix_command(const FixArgs& args, Console& console);

struct RenderArgs {
  std::string report;
  std::string max_file_size;  ///< --max-file-size SIZE: the largest report read
  OutputArgs output;
};

CLI::App* add_render_command(CLI::App& app, RenderArgs& args);
int run_render_command(const RenderArgs& args, Console& console);

struct DiffArgs {
  std::string base;
  std::string head;
  std::string policy;
  bool fail_on_widening = false;
  std::string fail_on;
  bool exit_zero = false;
  std::string as_of;
  int jobs = 0;
  OutputArgs output;
};

/// The formats `calint diff` writes.
std::vector<FormatChoice> diff_choices();

CLI::App* add_diff_command(CLI::App& app, DiffArgs& args);
int run_diff_command(const DiffArgs& args, Console& console);

}  // namespace calint
