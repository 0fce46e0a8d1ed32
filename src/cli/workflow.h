#pragma once
// The pre-merge workflow of `calint audit`: which policy applies (discovery), which files
// (`--changed-since`), zip limits and baselines. cli.cpp calls these in order.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "policy/policy.h"

namespace CLI {
class App;
}  // namespace CLI

namespace calint {

/// What the workflow options of `calint audit` hold.
struct WorkflowArgs {
  std::string policy;          ///< --policy
  std::string changed_since;   ///< --changed-since REF
  std::string baseline;        ///< --baseline FILE
  std::string write_baseline;  ///< --write-baseline FILE
  bool update_baseline = false;
  bool show_policy = false;
  std::uint64_t zip_max_entries = 0;  ///< 0: the default
  std::string zip_max_entry_size;
  std::string zip_max_total_size;
  std::uint64_t zip_max_ratio = 0;
  std::string max_file_size;  ///< "": the default
  std::uint64_t max_files = 0;
  std::uint64_t xml_max_depth = 0;
  std::uint64_t xml_max_elements = 0;
  std::uint64_t xpath_max_cost = 0;
};

/// Adds --policy, --show-policy, --changed-since, --baseline, --write-baseline, --update-baseline
/// and the limits (--zip-max-*, --max-file-size, --max-files, --xml-max-*, --xpath-max-cost) to
/// `calint audit`.
void add_workflow_options(CLI::App& cmd, WorkflowArgs& w);

/// Checks option combinations; prints the problem and returns false.
bool check_workflow_args(const WorkflowArgs& w, const std::vector<std::string>& paths, std::ostream& err);

/// Loads `--policy`, or the `.calint.yaml` the paths discover, or the embedded default. The paths
/// must agree on the file they discover. Prints the problem and returns false.
bool select_policy(const WorkflowArgs& w, const std::vector<std::string>& paths, Policy& policy, std::ostream& err);

/// Fills the inputs of `options`: the paths, or with `--changed-since` the files git says
/// changed (below the paths, when some are given); the limits. Prints the problem and returns false.
bool select_inputs(const WorkflowArgs& w, const std::vector<std::string>& paths, AuditOptions& options,
                   std::ostream& err);

/// Reads `--baseline`, refused past `max_bytes` (the run's --max-file-size), into `baseline`.
/// Prints the problem and returns false.
bool read_baseline_arg(const WorkflowArgs& w, std::uint64_t max_bytes, std::optional<Baseline>& baseline,
                       std::ostream& err);

/// After the audit: `--write-baseline` writes the findings (which then count as unchanged),
/// `--update-baseline` rewrites the baseline without its fixed entries. Prints the problem and
/// returns false.
bool write_baseline_args(const WorkflowArgs& w, const std::optional<Baseline>& baseline, Report& report,
                         std::ostream& err);

/// The value of size option `name` given as `text`: `fallback` when not given; nullopt, with the
/// problem printed, when it is not a size above 0.
std::optional<std::uint64_t> size_arg(std::string_view name, const std::string& text, std::uint64_t fallback,
                                      std::ostream& err);
/// "256MiB", "4GiB", "512K", "1000": bytes; nullopt when malformed.
std::optional<std::uint64_t> parse_size(std::string_view text);
/// Bytes as an option value: "512MiB", "4GiB", else the number.
std::string size_option(std::uint64_t bytes);

}  // namespace calint
