// `calint diff BASE HEAD`: what a change does to OAuth posture (docs/diff.md).
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/text.h"
#include "engine/diff.h"
#include "policy/catalog.h"
#include "report/diff_formats.h"

namespace fs = std::filesystem;

namespace calint {

std::vector<FormatChoice> diff_choices() { return choices_of(diff_formats()); }

namespace {

/// The PATH a bare `git:REF` side reads: the other side's, when it is a folder; else the current folder.
std::string git_path_for(const std::string& other) {
  std::error_code ec;
  if (is_git_side(other) || !fs::is_directory(other, ec)) return {};
  return other;
}

}  // namespace

int run_diff_command(const DiffArgs& a, Console& console) {
  std::string usage;
  auto targets = plan_output_specs(a.output, diff_choices(), usage);
  if (!targets) {
    console.err << usage << '\n';
    return kExitError;
  }
  WorkflowArgs workflow;
  workflow.policy = a.policy;
  Policy policy;
  if (!select_policy(workflow, {is_git_side(a.head) ? std::string(".") : a.head}, policy, console.err)) {
    return kExitError;
  }
  Severity threshold = a.fail_on.empty() ? policy.fail_on : *parse_severity(a.fail_on);  // validated by CLI11
  AuditOptions options;
  if (!set_audit_options(a.as_of, a.jobs, options, console.err)) return kExitError;
  if (!a.exit_zero) options.fail_on = threshold;

  DiffReport diff;
  try {
    DiffSide base = audit_diff_side(a.base, git_path_for(a.head), options, policy, builtin_catalog());
    DiffSide head = audit_diff_side(a.head, git_path_for(a.base), options, policy, builtin_catalog());
    diff = diff_sides(base, head);
  } catch (const PolicyError& e) {
    console.err << e.what() << '\n';
    return kExitError;
  }
  if (diff.base.empty()) diff.base = a.base;
  if (diff.head.empty()) diff.head = a.head;
  make_valid_utf8(diff);

  FormatOptions format = format_options(a.output);
  bool written = true;
  for (const auto& t : *targets) {
    const DiffFormat* f = find_diff_format(t.format);
    written &= write_output(t, a.output, format, console,
                            [&](std::ostream& out, const FormatOptions& o) { f->write(out, diff, o); });
  }
  print_diagnostics(diff.notes, diff.warnings, diff.errors, a.output.quiet, console.err);
  if (!written || !diff.errors.empty()) return kExitError;
  if (a.fail_on_widening && diff.count(Direction::Widens) > 0) return kExitFindings;
  if (a.exit_zero) return kExitClean;
  bool failing = std::any_of(diff.introduced.begin(), diff.introduced.end(),
                             [&](const Finding& f) { return f.counts() && f.severity >= threshold; });
  return failing ? kExitFindings : kExitClean;
}

}  // namespace calint
