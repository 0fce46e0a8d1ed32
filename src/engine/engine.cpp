#include "engine/engine.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "core/parallel.h"
#include "core/text.h"
#include "engine/filters.h"
#include "engine/focus.h"
#include "engine/inventory.h"
#include "engine/notes.h"
#include "engine/policy_entries.h"
#include "load/evidence.h"
#include "load/git.h"
#include "load/inputs.h"
#include "load/loader.h"
#include "load/usage_csv.h"
#include "rules/custom.h"
#include "rules/rule.h"

namespace calint {

void audit_export(const Export& model, int export_index, const Policy& policy, const Catalog& catalog, Date today,
                  Report& report, const Focus* focus, int jobs) {
  // One task per rule that runs, in registry order, then the custom rules.
  struct Task {
    const RuleInfo* info;
    RuleFunction run;            ///< a built-in rule, or
    std::uint32_t custom_index;  ///< the custom rule at this index of the policy
  };
  std::vector<Task> tasks;
  for (const auto& entry : rule_registry()) {
    if (std::string_view(entry.id) != kInvalidMetadataRule && !policy.rule_enabled(entry.id)) continue;
    const RuleInfo* info = catalog.find(entry.id);
    if (!info) continue;  // the meta-test guarantees this does not happen
    tasks.push_back({info, entry.run, 0});
  }
  for (std::uint32_t i = 0; i < policy.custom_rules.size(); ++i) {
    const CustomRule& rule = policy.custom_rules[i];
    const RuleInfo* info = catalog.find(rule.info.id);
    if (!info || !policy.rule_enabled(rule.info.id)) continue;
    tasks.push_back({info, nullptr, i});
  }
  // Rules are pure functions of the model and the policy: each reports into lists of its own,
  // joined in task order, so the findings and notes do not depend on `jobs`. A partial run keeps
  // what its focus reports: the context drops the rest as rules report it (fingerprints are
  // unaffected: they count occurrences per component, and a component is kept or dropped whole).
  std::vector<std::vector<Finding>> found(tasks.size());
  std::vector<std::vector<std::string>> noted(tasks.size());
  ReportFilter filter = [focus](std::string_view rule, const ComponentRef& c) { return focus->reports(rule, c); };
  parallel_for(tasks.size(), jobs, [&](std::size_t t) {
    RuleContext ctx(model, export_index, *tasks[t].info, policy, today, found[t], noted[t], focus == nullptr,
                    focus != nullptr ? &filter : nullptr, jobs);
    if (tasks[t].run != nullptr)
      tasks[t].run(ctx);
    else
      rules::report_custom_matches(ctx, tasks[t].custom_index, policy.custom_rules[tasks[t].custom_index]);
  });
  // Joined straight into the report: a finding is large (moving it twice cost as much as the
  // rules of a clean export).
  const std::size_t first = report.findings.size();
  std::size_t total = 0;
  for (const auto& f : found) total += f.size();
  report.findings.reserve(first + total);
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    std::move(found[t].begin(), found[t].end(), std::back_inserter(report.findings));
    std::move(noted[t].begin(), noted[t].end(), std::back_inserter(report.notes));
    found[t] = std::vector<Finding>();
  }
  std::set<std::string> migrated = same_integration(model, report.notes);
  for (auto f = report.findings.begin() + static_cast<std::ptrdiff_t>(first); f != report.findings.end(); ++f) {
    if (!migrated.contains(f->component.name)) continue;
    if (f->component.type == ConnectedApp::kComponentType)
      f->same_as = {std::string(ExternalClientApp::kComponentType), f->component.name, ""};
    else if (f->component.type == ExternalClientApp::kComponentType)
      f->same_as = {std::string(ConnectedApp::kComponentType), f->component.name, ""};
  }
  note_duplicates(model, report.notes);
  report.files_audited += model.files.size() - model.files_unreadable;
  report.files_skipped += model.files_skipped;
  report.components += focus ? focused_component_count(model, *focus) : component_count(model);
}

ChangedFiles changed_since(const std::string& ref) { return load::git_changed_files(ref); }

std::size_t count_at_or_above(const Report& report, Severity threshold) {
  return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    return f.counts() && f.severity >= threshold;
  }));
}

namespace {

/// Profiles and permission sets alone are read only to check app assignments: no app and no org
/// settings means nothing was audited, which must never look like a clean result.
std::optional<std::string> nothing_to_audit(const LoadedExport& loaded) {
  if (loaded.root_unreadable) return std::nullopt;  // its error says why already
  const auto& files = loaded.model.files;
  if (files.empty()) {
    return "nothing to audit: no Connected App, External Client App, settings, profile or permission set metadata "
           "found";
  }
  bool auditable = std::any_of(files.begin(), files.end(), [](const ExportFile& f) {
    return f.type != MetaType::Profile && f.type != MetaType::PermissionSet;
  });
  if (auditable) return std::nullopt;
  return "nothing to audit: only profiles and permission sets, which calint reads to check app assignments; no "
         "Connected App, External Client App or org settings found";
}

/// The custom rules, checked; PolicyError when one cannot run.
CustomRuleSet compile_custom_rules(const Policy& policy) {
  try {
    return CustomRuleSet(policy.custom_rules);
  } catch (const CustomRuleError& e) {
    throw PolicyError(e.what());
  }
}

/// Whether a run covered a baseline entry, so that its absence means it was fixed: always when
/// every export is whole; in a partial run, when a focus reports it or a whole export holds its
/// component.
std::function<bool(const BaselineEntry&)> covered_by(const Report& report,
                                                     const std::vector<std::optional<Focus>>& focuses,
                                                     const ComponentSet& whole_components) {
  if (!report.partial) return [](const BaselineEntry&) { return true; };
  return [&focuses, &whole_components](const BaselineEntry& e) {
    if (whole_components.contains({e.component.type, e.component.name})) return true;
    return std::any_of(focuses.begin(), focuses.end(),
                       [&](const std::optional<Focus>& f) { return f && f->reports(e.rule, e.component); });
  };
}

/// Reads `--usage`: its problems become errors and warnings of the report; nullptr when the file
/// was refused as a whole.
UsageRef read_usage(const AuditOptions& options, Report& report) {
  if (options.usage_path.empty()) return nullptr;
  UsageCsv csv = read_usage_csv(options.usage_path, options.usage_limits);
  for (auto& e : csv.errors) report.errors.push_back(std::move(e));
  for (auto& w : csv.warnings) report.warnings.push_back(std::move(w));
  if (csv.refused) return nullptr;
  std::size_t tokens = 0;
  for (const auto& a : csv.data.apps) tokens += a.tokens;
  report.notes.push_back(fmt::format("usage: {} OAuth token{} of {} app{} read from {}", tokens, tokens == 1 ? "" : "s",
                                     csv.data.apps.size(), csv.data.apps.size() == 1 ? "" : "s", options.usage_path));
  return std::make_shared<const UsageData>(std::move(csv.data));
}

/// Says what a partial run covered, once per export.
void note_partial(const Export& model, const std::string& root, std::vector<std::string>& notes) {
  std::size_t given = static_cast<std::size_t>(
      std::count_if(model.files.begin(), model.files.end(), [](const ExportFile& f) { return f.given; }));
  std::size_t context = model.files.size() - given;
  notes.push_back(fmt::format(
      "partial run: {} file{} given under {}, with the project's other {} file{} read as context; reported: the "
      "components of the files given and the apps assigned a given profile or permission set",
      given, given == 1 ? "" : "s", root, context, context == 1 ? "" : "s"));
}

/// Where org-wide findings of the export are placed: its project file, else its first file read.
std::string anchor_of(const ExportSource& source, const LoadedExport& loaded) {
  if (std::string project = source.project_file(); !project.empty()) return project;
  for (const auto& f : loaded.model.files) {
    bool unreadable = std::any_of(loaded.errors.begin(), loaded.errors.end(),
                                  [&](const InputError& e) { return e.path == f.display_path; });
    if (!unreadable) return f.display_path;
  }
  return {};
}

}  // namespace

void check_custom_rules(const Policy& policy) { compile_custom_rules(policy); }

std::vector<std::string> custom_rule_targets() { return CustomRuleSet::target_names(); }

std::vector<RuleInfo> rules_that_run(const Policy& policy, const Catalog& catalog) {
  std::vector<RuleInfo> out;
  for (const auto& entry : rule_registry()) {
    if (std::string_view(entry.id) != kInvalidMetadataRule && !policy.rule_enabled(entry.id)) continue;
    if (const RuleInfo* info = catalog.find(entry.id)) out.push_back(*info);
  }
  for (const auto& custom : policy.custom_rules) {
    if (policy.rule_enabled(custom.info.id)) out.push_back(custom.info);
  }
  std::sort(out.begin(), out.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return out;
}

Report run_audit(const AuditOptions& options, const Policy& policy, const Catalog& builtin) {
  const CustomRuleSet custom = compile_custom_rules(policy);
  const Catalog catalog = with_custom_rules(builtin, policy);
  Report report;
  report.as_of = options.today;
  report.tool_version = options.tool_version;
  report.policy.fail_on = options.fail_on;
  if (policy.source != "<default policy>") report.policy.source = policy.source;
  report.warnings = policy.warnings;
  InputPlan plan;  // only the caller's sources when no path is given (calint diff)
  if (!options.paths.empty() || options.sources.empty())
    plan = plan_inputs(options.paths, {{options.limits, options.overlay}, options.changed_files});
  report.errors = std::move(plan.errors);
  report.notes = std::move(plan.notes);
  const UsageRef usage = read_usage(options, report);
  std::vector<std::string> app_names;
  std::vector<std::optional<Focus>> focuses;
  ComponentSet whole_components;  // components of whole exports, for baseline entries in mixed runs
  std::vector<PlannedExport> own(options.sources.size());  // the caller's sources: whole exports
  std::size_t count = plan.exports.size() + options.sources.size();
  for (std::size_t i = 0; i < count; ++i) {
    bool given = i >= plan.exports.size();
    PlannedExport& planned = given ? own[i - plan.exports.size()] : plan.exports[i];
    const ExportSource& source = given ? *options.sources[i - plan.exports.size()] : *planned.source;
    LoadedExport loaded = load_export(source, options.jobs, options.progress, &custom, options.limits);
    loaded.model.usage = usage;
    report.roots.push_back({source.root(), anchor_of(source, loaded)});
    for (auto& e : loaded.errors) report.errors.push_back(std::move(e));
    if (!planned.partial) {
      if (auto why = nothing_to_audit(loaded)) {
        if (given)
          report.notes.push_back(fmt::format("{}: {}", source.root(), *why));
        else
          report.errors.push_back({source.root(), *why});
      }
    }
    if (options.on_model) options.on_model(loaded.model, static_cast<int>(i));
    for (const auto& a : loaded.model.connected_apps) app_names.push_back(a.name);
    for (const auto& a : loaded.model.external_client_apps) app_names.push_back(a.name);
    std::optional<Focus> focus;
    if (planned.partial) {
      focus = focus_of(loaded.model, planned.deleted, policy);
      report.partial = true;
      note_partial(loaded.model, source.root(), report.notes);
    }
    std::size_t first = report.findings.size();
    audit_export(loaded.model, static_cast<int>(i), policy, catalog, options.today, report, focus ? &*focus : nullptr,
                 options.jobs);
    attach_evidence(source, loaded.model, std::span<Finding>(report.findings).subspan(first), options.jobs);
    // A partial run's inventory lists only the components it reports (rows are made only for
    // its apps; the usage-only rows a token CSV adds are filtered after).
    auto reported = [&](const ComponentRef& c) { return focus->reports("", c); };
    auto apps = inventory(
        loaded.model, static_cast<int>(i), policy, options.jobs,
        focus ? std::function<bool(const ComponentRef&)>(reported) : std::function<bool(const ComponentRef&)>());
    if (focus) std::erase_if(apps, [&](const InventoryApp& app) { return !reported(app.component); });
    std::move(apps.begin(), apps.end(), std::back_inserter(report.inventory));
    if (!focus) add_components(loaded.model, whole_components);
    focuses.push_back(std::move(focus));
  }
  finalize(report, options.jobs);
  std::vector<std::unique_ptr<FindingFilter>> filters;
  filters.push_back(exception_filter(policy, options.today, !report.partial));
  if (options.baseline) {
    report.baseline.emplace();
    filters.push_back(
        baseline_filter(*options.baseline, covered_by(report, focuses, whole_components), *report.baseline));
  }
  for (auto& filter : filters) {
    for (auto& f : report.findings) filter->apply(f);
    filter->finish(report.warnings);
  }
  // Entries of the policy that match nothing: only a whole export can show that.
  if (!report.partial) warn_unused_policy_entries(policy, app_names, plan.exports.size(), report.warnings);
  count_inventory_findings(report);
  report.rules = rules_that_run(policy, catalog);
  // A rule with findings that the registry does not list (none today) still gets its entry.
  for (const auto& f : report.findings) {
    if (report.rule(f.rule)) continue;
    if (const RuleInfo* info = catalog.find(f.rule)) {
      report.rules.push_back(*info);
      std::sort(report.rules.begin(), report.rules.end(),
                [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    }
  }
  make_valid_utf8(report);
  return report;
}

}  // namespace calint
