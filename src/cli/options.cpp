// Every option of the commands that write reports, in the one file that compiles CLI11's headers
// for them (they cost seconds a file): the commands themselves (audit_command.cpp, ...) only run.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/workflow.h"
#include "core/input_options.h"
#include "core/severity.h"
#include "core/text.h"

namespace calint {

bool option_given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

namespace {

void add_common_output_options(CLI::App& cmd, OutputArgs& args, const std::vector<FormatChoice>& choices,
                               std::string_view what) {
  std::vector<std::string> names;
  std::string help = fmt::format("{} format (default: text):", what);
  for (const auto& f : choices) {
    names.emplace_back(f.name);
    help += fmt::format("\n  {}: {}", f.name, f.description);
  }
  args.format_option = cmd.add_option("--format", args.format, help)->check(CLI::IsMember(names))->type_name("FORMAT");
  args.output_option = cmd.add_option("--output", args.output,
                                      fmt::format("Write the {} to FILE instead of standard output", to_lower(what)))
                           ->type_name("FILE");
  cmd.add_option("-o", args.extra,
                 fmt::format("Write one more {}: FORMAT to PATH ('-' for standard output); repeatable. With only -o, "
                             "standard output gets nothing",
                             to_lower(what)))
      ->type_name("FORMAT:PATH")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd.add_option("--srcroot", args.srcroot,
                 "Folder that SARIF, GitLab, GitHub and JUnit paths are relative to (default: the git top-level of "
                 "the current folder, else the current folder)")
      ->type_name("DIR");
}

/// The limits: command line only (a policy may come from an untrusted pull request). docs/limits.md.
void add_limit_options(CLI::App& cmd, WorkflowArgs& w) {
  const InputLimits d;
  const char* group = "Limits (docs/limits.md; a policy file cannot raise them)";
  auto count = [&](const char* name, std::uint64_t& value, const std::string& what) {
    cmd.add_option(name, value, what)->check(CLI::PositiveNumber)->type_name("N")->group(group);
  };
  auto size = [&](const char* name, std::string& value, const std::string& what) {
    cmd.add_option(name, value, what)->type_name("SIZE")->group(group);
  };
  size("--max-file-size", w.max_file_size,
       fmt::format("Do not audit a metadata file larger than SIZE (default: {})", size_option(d.max_file_size)));
  count("--max-files", w.max_files,
        fmt::format("Do not audit an export listing more than N metadata files (default: {})", d.max_files));
  count("--xml-max-depth", w.xml_max_depth,
        fmt::format("Do not audit a file whose XML elements nest more than N deep (default: {})", d.xml.max_depth));
  count("--xml-max-elements", w.xml_max_elements,
        fmt::format("Do not audit a file with more than N XML elements (default: {})", d.xml.max_elements));
  count("--xpath-max-cost", w.xpath_max_cost,
        fmt::format("Do not evaluate a custom rule on a file where its XPath could cost more than N node visits "
                    "(default: {})",
                    d.xpath_max_cost));
  count("--zip-max-entries", w.zip_max_entries,
        fmt::format("Refuse a zip with more entries (default: {})", d.zip.max_entries));
  size("--zip-max-entry-size", w.zip_max_entry_size,
       fmt::format("Refuse a zip with an entry inflating past SIZE (default: {})", size_option(d.zip.max_entry_size)));
  size("--zip-max-total-size", w.zip_max_total_size,
       fmt::format("Refuse a zip whose entries inflate past SIZE in total (default: {})",
                   size_option(d.zip.max_total_size)));
  count("--zip-max-ratio", w.zip_max_ratio,
        fmt::format("Refuse a zip with an entry compressed more than N:1, a zip bomb (default: {})", d.zip.max_ratio));
}

/// --fail-on SEVERITY, one of the severities, with the command's own help.
void add_fail_on_option(CLI::App& cmd, std::string& fail_on, const std::string& help) {
  cmd.add_option("--fail-on", fail_on, help)
      ->check(CLI::IsMember(std::vector<std::string>(kSeverityNames.begin(), kSeverityNames.end())))
      ->type_name("SEVERITY");
}

/// --jobs N, from 1 to 1024.
void add_jobs_option(CLI::App& cmd, int& jobs) {
  cmd.add_option("--jobs", jobs, "Files read in parallel (default: all cores)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N");
}

}  // namespace

void add_output_options(CLI::App& cmd, OutputArgs& args) {
  add_common_output_options(cmd, args, report_choices(), "Report");
  cmd.add_option("--link-base", args.link_base,
                 "Markdown: make locations links under this URL (e.g. https://github.com/ORG/REPO/blob/SHA)")
      ->type_name("URL");
  cmd.add_flag("--no-color", args.no_color, "No colour in the text report (also: NO_COLOR set)");
  cmd.add_flag("--quiet,-q", args.quiet, "No progress and no notes on stderr (warnings and errors still print)");
  cmd.add_flag("--show-suppressed", args.show_suppressed,
               "Text: list the findings policy exceptions accept, with justification, owner and ticket (machine "
               "formats always carry them, marked)");
}

void add_output_options(CLI::App& cmd, OutputArgs& args, const std::vector<FormatChoice>& choices) {
  args.noun = "diff";
  add_common_output_options(cmd, args, choices, "Output");
  cmd.add_flag("--no-color", args.no_color, "No colour in the text output (also: NO_COLOR set)");
  cmd.add_flag("--quiet,-q", args.quiet, "No notes on stderr (warnings and errors still print)");
}

void add_workflow_options(CLI::App& cmd, WorkflowArgs& w) {
  cmd.add_option("--policy", w.policy,
                 "Policy YAML (default: the .calint.yaml found from the first PATH up to the repository root, else "
                 "the embedded default; see `calint init`)")
      ->type_name("FILE");
  cmd.add_flag("--show-policy", w.show_policy,
               "Print the policy in effect, each value with where it comes from, and exit without auditing");
  cmd.add_option("--changed-since", w.changed_since,
                 "Audit the files changed since `git merge-base REF HEAD` (committed, staged, unstaged and untracked "
                 "files), below the PATHs if any")
      ->type_name("REF");
  cmd.add_option("--baseline", w.baseline,
                 "Compare with a baseline: its findings are reported as unchanged and do not fail the run")
      ->type_name("FILE");
  cmd.add_option("--write-baseline", w.write_baseline,
                 "Write every unsuppressed finding to a new baseline FILE (whole exports; not with --baseline)")
      ->type_name("FILE");
  cmd.add_flag("--update-baseline", w.update_baseline,
               "With --baseline: rewrite it without the findings that are fixed (new ones are not added)");
  add_limit_options(cmd, w);
}

CLI::App* add_audit_command(CLI::App& app, AuditArgs& a) {
  CLI::App* cmd =
      app.add_subcommand("audit", "Audit metadata exports: folders, retrieve zips, or changed files (a partial run)");
  cmd->add_option("paths", a.paths,
                  "Export folders (source or metadata-API format), retrieve zips, or metadata files (files inside "
                  "one project are one partial export: only their components are reported)")
      ->type_name("PATH");
  add_workflow_options(*cmd, a.workflow);
  add_fail_on_option(*cmd, a.fail_on,
                     "Exit 1 when a finding is at or above this severity (default: the policy's fail_on, high)");
  cmd->add_flag("--exit-zero", a.exit_zero, "Report without failing: exit 0 even with findings (errors still exit 2)");
  cmd->add_option("--as-of", a.as_of, "Audit date for exception expiry (default: today, UTC)")->type_name("YYYY-MM-DD");
  add_jobs_option(*cmd, a.jobs);
  cmd->add_option("--usage", a.usage,
                  "The org's OAuth tokens as CSV (`sf data query --query \"SELECT AppName, UserId, CreatedDate, "
                  "LastUsedDate, UseCount FROM OauthToken\" --result-format csv`): unused apps (CA701), tokens for "
                  "apps not in the export (CA702), users and last use in the inventory")
      ->type_name("TOKENS.csv");
  cmd->add_option("--usage-max-size", a.usage_max_size, "Refuse a usage CSV larger than SIZE (default: 512MiB)")
      ->type_name("SIZE");
  cmd->add_option("--usage-max-rows", a.usage_max_rows, "Refuse a usage CSV with more tokens (default: 2000000)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  add_output_options(*cmd, a.output);
  return cmd;
}

CLI::App* add_fix_command(CLI::App& app, FixArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "fix", "Fix findings in place with minimal edits: safe fixes, and unsafe ones with --unsafe-fixes");
  cmd->add_option("paths", a.paths, "Export folders (source or metadata-API format) or metadata files")
      ->required()
      ->type_name("PATH");
  cmd->add_option("--rule", a.rules, "Fix only this rule's findings (repeatable)")->type_name("ID");
  cmd->add_flag("--unsafe-fixes", a.unsafe,
                "Also apply fixes that can change who can use an app today (CA101, CA103, CA202, CA203, CA301, CA302)");
  cmd->add_flag("--diff", a.diff, "Print the fixes as a unified diff and write nothing");
  cmd->add_option("--policy", a.policy, "Policy file (default: .calint.yaml discovered from the paths, else embedded)")
      ->type_name("FILE");
  cmd->add_option("--baseline", a.baseline, "Leave the findings of this baseline alone")->type_name("FILE");
  add_fail_on_option(*cmd, a.fail_on,
                     "Exit 1 when a finding at or above this severity remains (default: the policy's fail_on)");
  add_jobs_option(*cmd, a.jobs);
  return cmd;
}

CLI::App* add_render_command(CLI::App& app, RenderArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "render", "Write a saved JSON report (calint audit --format json) in another format, without auditing again");
  cmd->add_option("report", a.report, "The JSON report ('-' for standard input)")->required()->type_name("REPORT.json");
  cmd->add_option(
         "--max-file-size", a.max_file_size,
         fmt::format("Refuse a report larger than SIZE (default: {})", size_option(InputLimits{}.max_file_size)))
      ->type_name("SIZE");
  add_output_options(*cmd, a.output);
  return cmd;
}

CLI::App* add_diff_command(CLI::App& app, DiffArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "diff", "What a change does to OAuth posture: apps, scopes, users, flows and findings, each change classed");
  cmd->add_option("base", a.base,
                  "The export before: a folder, a retrieve zip, git:REF (the tree at a git revision, at HEAD's "
                  "path when HEAD is a folder) or git:REF:PATH")
      ->required()
      ->type_name("BASE");
  cmd->add_option("head", a.head, "The export after, any of the same")->required()->type_name("HEAD");
  cmd->add_option("--policy", a.policy,
                  "Policy YAML both sides are audited with (default: the .calint.yaml found from HEAD, for a git: "
                  "side from the current folder, else the embedded default)")
      ->type_name("FILE");
  cmd->add_flag("--fail-on-widening", a.fail_on_widening, "Exit 1 when any change widens access");
  add_fail_on_option(*cmd, a.fail_on,
                     "Exit 1 when a finding the head introduces is at or above this severity (default: the policy's "
                     "fail_on, high)");
  cmd->add_flag("--exit-zero", a.exit_zero,
                "Report without failing on introduced findings (--fail-on-widening and errors still count)");
  cmd->add_option("--as-of", a.as_of, "Audit date for exception expiry (default: today, UTC)")->type_name("YYYY-MM-DD");
  add_jobs_option(*cmd, a.jobs);
  add_output_options(*cmd, a.output, diff_choices());
  return cmd;
}

}  // namespace calint
