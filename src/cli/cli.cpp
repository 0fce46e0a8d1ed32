#include "cli/cli.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/catalog_commands.h"
#include "cli/commands.h"
#include "core/date.h"
#include "core/text.h"
#include "policy/catalog.h"
#include "policy/policy.h"

#ifndef CALINT_VERSION
#define CALINT_VERSION "0.0.0"
#endif

namespace calint {

namespace {

const RuleInfo* find_rule(const Catalog& catalog, const std::string& id_or_name) {
  std::string upper = id_or_name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (const RuleInfo* r = catalog.find(upper)) return r;
  for (const auto& r : catalog.rules()) {
    if (r.name == id_or_name) return &r;
  }
  return nullptr;
}

int explain(const std::string& id, const std::string& policy_path, std::ostream& out, std::ostream& err) {
  Policy policy;
  if (!load_policy(policy_path, policy, err)) return kExitError;
  const Catalog catalog = with_custom_rules(builtin_catalog(), policy);  // custom rules explain like built-in ones
  const RuleInfo* rule = find_rule(catalog, id);
  if (!rule) {
    std::vector<std::string> names;
    for (const auto& r : catalog.rules()) {
      names.push_back(r.id);
      names.push_back(r.name);
    }
    err << fmt::format("calint: unknown rule '{}'{}\n", id, hint_or(id, names, "; see `calint rules`"));
    return kExitError;
  }
  write_explain(out, *rule, policy);
  return kExitClean;
}

int rules(const std::string& format, const std::string& policy_path, std::ostream& out, std::ostream& err) {
  Policy policy;
  if (!policy_path.empty() && !load_policy(policy_path, policy, err)) return kExitError;
  // The policy schema describes every policy, so it never includes one policy's custom rules.
  const Catalog catalog = format == "policy-schema" ? builtin_catalog() : with_custom_rules(builtin_catalog(), policy);
  if (format == "json")
    write_rules_json(out, catalog);
  else if (format == "markdown")
    write_rules_markdown(out, catalog);
  else if (format == "policy-schema")
    write_policy_schema(out, catalog);
  else
    write_rules_text(out, catalog);
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

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool out_is_terminal,
            bool err_is_terminal) {
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
      "  calint audit force-app -o sarif:calint.sarif -o html:report.html   several reports in one run\n"
      "  calint render report.json --format markdown   a saved JSON report in another format\n"
      "  calint audit unpackaged.zip                 a retrieve zip, read in place\n"
      "  calint audit --changed-since origin/main --baseline calint-baseline.json   what a pull request adds\n"
      "  calint diff git:origin/main force-app       what a pull request does to OAuth posture\n"
      "  calint audit --show-policy                  the policy in effect, each value with its origin\n"
      "  calint explain CA103                        why a rule matters and how to fix it\n"
      "  calint fix force-app --diff                 the safe fixes, as a diff (--unsafe-fixes for more)\n"
      "  calint audit force-app --usage tokens.csv   unused apps and tokens for unknown apps\n"
      "  calint init calint.yaml                     start a policy from the default\n"
      "Exit codes: 0 nothing at or above the threshold (with --baseline: nothing new), 1 findings at or above it,\n"
      "2 usage error, bad policy or baseline, unreadable input, a refused zip or nothing auditable found.");

  AuditArgs audit_args;
  CLI::App* audit_cmd = add_audit_command(app, audit_args);
  FixArgs fix_args;
  CLI::App* fix_cmd = add_fix_command(app, fix_args);
  RenderArgs render_args;
  CLI::App* render_cmd = add_render_command(app, render_args);
  DiffArgs diff_args;
  CLI::App* diff_cmd = add_diff_command(app, diff_args);

  std::string rules_format = "text";
  std::string rules_policy;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  rules_cmd
      ->add_option("--format", rules_format,
                   "Output format (default: text); markdown is docs/rules.md, policy-schema is "
                   "schemas/policy.schema.json")
      ->check(CLI::IsMember({"text", "json", "markdown", "policy-schema"}))
      ->type_name("FORMAT");
  rules_cmd->add_option("--policy", rules_policy, "Also list the custom rules this policy defines")->type_name("FILE");

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
    Console console{out, err, out_is_terminal, err_is_terminal};
    if (audit_cmd->parsed()) return run_audit_command(audit_args, console);
    if (render_cmd->parsed()) return run_render_command(render_args, console);
    if (fix_cmd->parsed()) return run_fix_command(fix_args, console);
    if (diff_cmd->parsed()) return run_diff_command(diff_args, console);
    if (rules_cmd->parsed()) return rules(rules_format, rules_policy, out, err);
    if (explain_cmd->parsed()) return explain(explain_id, explain_policy, out, err);
    if (init_cmd->parsed()) return init(init_file, init_force, out, err);
  } catch (const std::exception& e) {
    err << "calint: internal error: " << e.what() << '\n';
    return kExitError;
  }
  return kExitError;
}

}  // namespace calint
