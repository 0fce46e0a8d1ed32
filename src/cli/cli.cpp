#include "cli/cli.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/catalog_commands.h"
#include "core/date.h"
#include "core/text.h"
#include "engine/engine.h"
#include "policy/catalog.h"
#include "policy/policy.h"
#include "report/formats.h"

#ifndef CALINT_VERSION
#define CALINT_VERSION "0.0.0"
#endif

namespace calint {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct AuditArgs {
  std::vector<std::string> paths;
  std::string policy;
  std::string format = "text";
  std::string output;
  std::string fail_on;
  bool exit_zero = false;
  std::string as_of;
  int jobs = 0;
  bool no_color = false;
};

/// Loads --policy or the embedded default; on error prints it and returns false.
bool load_policy(const std::string& path, Policy& policy, std::ostream& err) {
  try {
    policy = path.empty() ? default_policy(builtin_catalog()) : load_policy_file(path, builtin_catalog());
  } catch (const PolicyError& e) {
    err << e.what() << '\n';
    return false;
  }
  return true;
}

/// Writes the report in `format` to `out`; false when writing failed.
bool write_report(const Format& format, const ReportView& view, const FormatOptions& options, std::ostream& out) {
  format.write(out, view, options);
  out.flush();
  return static_cast<bool>(out);
}

int audit(const AuditArgs& a, std::ostream& out, std::ostream& err, bool out_is_terminal) {
  Policy policy;
  if (!load_policy(a.policy, policy, err)) return kExitError;
  for (const auto& w : policy.warnings) err << escape_controls(w) << '\n';

  Severity threshold = a.fail_on.empty() ? policy.fail_on : *parse_severity(a.fail_on);  // validated by CLI11
  AuditOptions options;
  options.today = today_utc();
  if (!a.as_of.empty()) {
    auto d = parse_date(a.as_of);
    if (!d) {
      err << fmt::format("calint: --as-of must be a date YYYY-MM-DD, found '{}'\n", a.as_of);
      return kExitError;
    }
    options.today = *d;
  }
  options.paths = a.paths;
  options.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  if (!a.exit_zero) options.fail_on = threshold;
  options.tool_version = CALINT_VERSION;

  Report report = run_audit(options, policy, builtin_catalog());
  ReportView view = make_view(report);
  const Format& format = *find_format(a.format);  // validated by CLI11
  FormatOptions format_options;
  format_options.version = CALINT_VERSION;
  format_options.color = !a.no_color && a.output.empty() && out_is_terminal && std::getenv("NO_COLOR") == nullptr;

  bool written = true;
  if (a.output.empty()) {
    written = write_report(format, view, format_options, out);
  } else {
    std::ofstream file(a.output, std::ios::binary | std::ios::trunc);
    written = file && write_report(format, view, format_options, file);
  }
  if (!written && !a.output.empty()) {
    err << fmt::format("calint: cannot write report to '{}'\n", a.output);
    return kExitError;
  }
  if (!format.shows_diagnostics) {
    for (const auto& n : report.notes) err << "note: " << escape_controls(n) << '\n';
    for (const auto& w : report.warnings) err << escape_controls(w) << '\n';
  }
  if (!format.shows_diagnostics || !a.output.empty()) {
    for (const auto& e : report.errors)
      err << escape_controls(e.path) << ": error: " << escape_controls(e.message) << '\n';
  }
  if (!report.errors.empty()) return kExitError;
  if (a.exit_zero) return kExitClean;
  return count_at_or_above(report, threshold) > 0 ? kExitFindings : kExitClean;
}

const RuleInfo* find_rule(const std::string& id_or_name) {
  const Catalog& catalog = builtin_catalog();
  std::string upper = id_or_name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (const RuleInfo* r = catalog.find(upper)) return r;
  for (const auto& r : catalog.rules()) {
    if (r.name == id_or_name) return &r;
  }
  return nullptr;
}

int explain(const std::string& id, const std::string& policy_path, std::ostream& out, std::ostream& err) {
  const RuleInfo* rule = find_rule(id);
  if (!rule) {
    std::vector<std::string> names;
    for (const auto& r : builtin_catalog().rules()) {
      names.push_back(r.id);
      names.push_back(r.name);
    }
    err << fmt::format("calint: unknown rule '{}'{}\n", id, hint_or(id, names, "; see `calint rules`"));
    return kExitError;
  }
  Policy policy;
  if (!load_policy(policy_path, policy, err)) return kExitError;
  write_explain(out, *rule, policy);
  return kExitClean;
}

int rules(const std::string& format, std::ostream& out) {
  if (format == "json")
    write_rules_json(out, builtin_catalog());
  else if (format == "markdown")
    write_rules_markdown(out, builtin_catalog());
  else if (format == "policy-schema")
    write_policy_schema(out, builtin_catalog());
  else
    write_rules_text(out, builtin_catalog());
  return kExitClean;
}

int init(const std::string& file_name, bool force, std::ostream& out, std::ostream& err) {
  std::string_view text = default_policy_text();
  if (file_name.empty()) {
    out << text;
    return kExitClean;
  }
  if (!force && std::ifstream(file_name).good()) {
    err << fmt::format("calint: '{}' exists; use --force to overwrite it\n", file_name);
    return kExitError;
  }
  std::ofstream file(file_name, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    err << fmt::format("calint: cannot write '{}'\n", file_name);
    return kExitError;
  }
  err << fmt::format("wrote the default policy to {}\n", file_name);
  return kExitClean;
}

CLI::App* add_audit_command(CLI::App& app, AuditArgs& a) {
  CLI::App* cmd = app.add_subcommand("audit", "Audit one or more metadata exports (folders or files)");
  cmd->add_option("paths", a.paths, "Export folders (source or metadata-API format) or single metadata files")
      ->required()
      ->type_name("PATH");
  cmd->add_option("--policy", a.policy, "Policy YAML (default: the embedded default policy; see `calint init`)")
      ->type_name("FILE");
  std::vector<std::string> names;
  std::string help = "Report format (default: text):";
  for (const auto& f : formats()) {
    names.emplace_back(f.name);
    help += fmt::format("\n  {}: {}", f.name, f.description);
  }
  cmd->add_option("--format", a.format, help)->check(CLI::IsMember(names))->type_name("FORMAT");
  cmd->add_option("--output", a.output, "Write the report to FILE instead of standard output")->type_name("FILE");
  cmd->add_option("--fail-on", a.fail_on,
                  "Exit 1 when a finding is at or above this severity (default: the policy's fail_on, high)")
      ->check(CLI::IsMember(std::vector<std::string>(kSeverityNames.begin(), kSeverityNames.end())))
      ->type_name("SEVERITY");
  cmd->add_flag("--exit-zero", a.exit_zero, "Report without failing: exit 0 even with findings (errors still exit 2)");
  cmd->add_option("--as-of", a.as_of, "Audit date for exception expiry (default: today, UTC)")->type_name("YYYY-MM-DD");
  cmd->add_option("--jobs", a.jobs, "Files read in parallel (default: all cores)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N");
  cmd->add_flag("--no-color", a.no_color, "No colour in the text report (also: NO_COLOR set)");
  return cmd;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool out_is_terminal) {
  CLI::App app{
      "calint audits Salesforce Connected App and External Client App OAuth configuration in a metadata export\n"
      "(source or metadata-API format) against a policy, and reports each finding with file, line, severity\n"
      "and how to fix it.",
      "calint"};
  app.set_version_flag("--version", std::string("calint ") + CALINT_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  calint audit force-app                      audit an sfdx project with the default policy\n"
      "  calint audit src --policy calint.yaml --format json --output report.json\n"
      "  calint explain CA103                        why a rule matters and how to fix it\n"
      "  calint init calint.yaml                     start a policy from the default\n"
      "Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage error, bad policy,\n"
      "unreadable input or nothing auditable found.");

  AuditArgs audit_args;
  CLI::App* audit_cmd = add_audit_command(app, audit_args);

  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  rules_cmd
      ->add_option("--format", rules_format,
                   "Output format (default: text); markdown is docs/rules.md, policy-schema is "
                   "schemas/policy.schema.json")
      ->check(CLI::IsMember({"text", "json", "markdown", "policy-schema"}))
      ->type_name("FORMAT");

  std::string explain_id;
  std::string explain_policy;
  CLI::App* explain_cmd =
      app.add_subcommand("explain", "Explain one rule: rationale, remediation, references, parameters in effect");
  explain_cmd->add_option("rule", explain_id, "Rule id (CA101) or name (full-scope)")->required()->type_name("RULE");
  explain_cmd->add_option("--policy", explain_policy, "Show the parameters this policy sets (default: embedded)")
      ->type_name("FILE");

  std::string init_file;
  bool init_force = false;
  CLI::App* init_cmd = app.add_subcommand(
      "init", "Write the default policy, commented, as a starting point (to standard output without FILE)");
  init_cmd->add_option("file", init_file, "Where to write the policy")->type_name("FILE");
  init_cmd->add_flag("--force", init_force, "Overwrite FILE if it exists");

  try {
    // CLI11 1.9 (Debian 12) consumes arguments from the back of the vector it is given.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitClean : kExitError;
  }

  try {
    if (audit_cmd->parsed()) return audit(audit_args, out, err, out_is_terminal);
    if (rules_cmd->parsed()) return rules(rules_format, out);
    if (explain_cmd->parsed()) return explain(explain_id, explain_policy, out, err);
    if (init_cmd->parsed()) return init(init_file, init_force, out, err);
  } catch (const std::exception& e) {
    err << "calint: internal error: " << e.what() << '\n';
    return kExitError;
  }
  return kExitError;
}

}  // namespace calint
