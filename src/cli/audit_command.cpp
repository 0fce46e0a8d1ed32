#include <algorithm>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/date.h"
#include "engine/engine.h"
#include "policy/catalog.h"
#include "policy/policy.h"

#ifndef CALINT_VERSION
#define CALINT_VERSION "0.0.0"
#endif

namespace calint {

/// Loads --policy or the embedded default, custom rules checked; on error prints it and returns false.
bool load_policy(const std::string& path, Policy& policy, std::ostream& err) {
  try {
    policy = path.empty() ? default_policy(builtin_catalog()) : load_policy_file(path, builtin_catalog());
    check_custom_rules(policy);
  } catch (const PolicyError& e) {
    err << e.what() << '\n';
    return false;
  }
  return true;
}

bool set_audit_options(const std::string& as_of, int jobs, AuditOptions& options, std::ostream& err) {
  options.today = today_utc();
  if (!as_of.empty()) {
    auto d = parse_date(as_of);
    if (!d) {
      err << fmt::format("calint: --as-of must be a date YYYY-MM-DD, found '{}'\n", as_of);
      return false;
    }
    options.today = *d;
  }
  options.jobs = jobs > 0 ? jobs : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  options.tool_version = CALINT_VERSION;
  return true;
}

int run_audit_command(const AuditArgs& a, Console& console) {
  std::string usage;
  auto targets = plan_outputs(a.output, usage);
  if (!targets) {
    console.err << usage << '\n';
    return kExitError;
  }
  const WorkflowArgs& workflow = a.workflow;
  if (!check_workflow_args(workflow, a.paths, console.err)) return kExitError;
  Policy policy;
  if (!select_policy(workflow, a.paths, policy, console.err)) return kExitError;
  if (workflow.show_policy) {
    write_policy_with_origins(console.out, policy, builtin_catalog());
    return kExitClean;
  }

  Severity threshold = a.fail_on.empty() ? policy.fail_on : *parse_severity(a.fail_on);  // validated by CLI11
  AuditOptions options;
  if (!set_audit_options(a.as_of, a.jobs, options, console.err)) return kExitError;
  if (!select_inputs(workflow, a.paths, options, console.err)) return kExitError;
  options.usage_path = a.usage;
  if (!a.usage_max_size.empty()) {
    auto size = parse_size(a.usage_max_size);
    if (!size) {
      console.err << fmt::format("calint: --usage-max-size must be a size such as 512MiB or 2GiB, found '{}'\n",
                                 a.usage_max_size);
      return kExitError;
    }
    options.usage_limits.max_size = *size;
  }
  if (a.usage_max_rows > 0) options.usage_limits.max_rows = a.usage_max_rows;
  std::optional<Baseline> baseline;
  if (!read_baseline_arg(workflow, options.limits.max_file_size, baseline, console.err)) return kExitError;
  if (baseline) options.baseline = &*baseline;
  if (!a.exit_zero) options.fail_on = threshold;

  Progress progress;
  options.progress = &progress;
  Report report;
  {
    std::optional<ProgressLine> line;
    if (show_progress(console.err_is_terminal, a.output.quiet))
      line.emplace(console.err, progress, std::chrono::seconds(1));
    report = run_audit(options, policy, builtin_catalog());
  }
  if (!write_baseline_args(workflow, baseline, report, console.err)) return kExitError;
  if (!write_outputs(report, *targets, a.output, console, options.jobs)) return kExitError;
  if (!report.errors.empty()) return kExitError;
  if (a.exit_zero) return kExitClean;
  return count_at_or_above(report, threshold) > 0 ? kExitFindings : kExitClean;
}

}  // namespace calint
