#include "engine/engine.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/text.h"
#include "load/loader.h"
#include "rules/rule.h"

namespace calint {

void RuleContext::report(const ComponentRef& component, SourceLoc loc, std::string element, std::string key,
                         std::string message, bool escalate) {
  Finding f;
  f.rule = info_.id;
  f.name = info_.name;
  f.severity = escalate && info_.escalated_severity ? *info_.escalated_severity : info_.severity;
  if (auto forced = policy_.severity_override(info_.id)) f.severity = *forced;
  f.message = std::move(message);
  f.component = component;
  f.export_index = export_index_;
  if (loc.valid()) {
    const ExportFile& file = model_.files[static_cast<std::size_t>(loc.file)];
    f.file = file.display_path;
    f.rel_path = file.rel_path;
    f.line = loc.line;
    f.column = loc.column;
  }
  f.element = std::move(element);
  f.key = std::move(key);
  out_.push_back(std::move(f));
}

namespace {

std::size_t component_count(const Export& m) {
  auto stand_ins =
      static_cast<std::size_t>(std::count_if(m.external_client_apps.begin(), m.external_client_apps.end(),
                                             [](const ExternalClientApp& a) { return !a.header_in_export; }));
  return m.connected_apps.size() + m.external_client_apps.size() - stand_ins + m.my_domain.size() +
         m.oauth_oidc.size() + m.connected_app_settings.size() + m.security.size() +
         m.external_client_app_settings.size() + m.profiles.size() + m.permission_sets.size();
}

/// Two files defining one component (a backup copy under Doc/, say): both are audited; say so.
void note_duplicates(const Export& m, std::vector<std::string>& notes) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> defined;
  auto add = [&](const std::string& type, const ComponentFile& c) {
    defined[{type, c.name}].push_back(m.files[static_cast<std::size_t>(c.file)].display_path);
  };
  for (const auto& c : m.connected_apps) add("ConnectedApp", c);
  for (const auto& c : m.external_client_apps) {
    if (c.header_in_export) add("ExternalClientApplication", c);
  }
  for (const auto& c : m.profiles) add("Profile", c);
  for (const auto& c : m.permission_sets) add("PermissionSet", c);
  for (const auto& c : m.my_domain) add("Settings", c);
  for (const auto& c : m.oauth_oidc) add("Settings", c);
  for (const auto& c : m.connected_app_settings) add("Settings", c);
  for (const auto& c : m.security) add("Settings", c);
  for (const auto& c : m.external_client_app_settings) add("Settings", c);
  std::vector<std::string> duplicates;
  for (const auto& [key, paths] : defined) {
    if (paths.size() < 2) continue;
    duplicates.push_back(fmt::format("{} {} is defined in {} files, each audited: {}", key.first, key.second,
                                     paths.size(), fmt::join(paths, ", ")));
  }
  // A backup copy of a whole tree (a Doc/ folder, say) duplicates hundreds of components: one note.
  constexpr std::size_t kListed = 5;
  if (duplicates.size() <= kListed) {
    notes.insert(notes.end(), duplicates.begin(), duplicates.end());
    return;
  }
  notes.push_back(
      fmt::format("{}: {} components are defined in more than one file, each audited (usually a backup "
                  "copy of the metadata; exclude it if it is not deployed). For example: {}",
                  m.root_display, duplicates.size(), fmt::join(duplicates.begin(), duplicates.begin() + 2, "; ")));
}

/// A Connected App and an ECA of one name are one integration being migrated.
std::set<std::string> same_integration(const Export& m, std::vector<std::string>& notes) {
  std::set<std::string> ca_names;
  for (const auto& c : m.connected_apps) ca_names.insert(c.name);
  std::set<std::string> both;
  for (const auto& e : m.external_client_apps) {
    if (e.header_in_export && ca_names.contains(e.name) && both.insert(e.name).second) {
      notes.push_back(
          fmt::format("ConnectedApp {0} and ExternalClientApplication {0} are the same integration (a "
                      "migration to an External Client App): both are audited",
                      e.name));
    }
  }
  return both;
}

void apply_exceptions(const Policy& policy, Date today, std::vector<Finding>::iterator begin,
                      std::vector<Finding>::iterator end, std::vector<bool>& used) {
  for (auto it = begin; it != end; ++it) {
    Finding& f = *it;
    if (f.rule == "CA000") continue;
    for (std::size_t i = 0; i < policy.exceptions.size(); ++i) {
      const auto& ex = policy.exceptions[i];
      if (std::find(ex.rules.begin(), ex.rules.end(), f.rule) == ex.rules.end()) continue;
      if (!glob_match(ex.app, f.component.name)) continue;
      used[i] = true;
      if (ex.expires && *ex.expires < today) continue;  // expired: no longer suppresses
      f.suppressed = true;
      f.suppression = ex.justification;
      break;
    }
  }
}

}  // namespace

void audit_export(const Export& model, int export_index, const Policy& policy, const Catalog& catalog, Date today,
                  Report& report) {
  std::vector<Finding> findings;
  for (const auto& entry : rule_registry()) {
    if (std::string_view(entry.id) != "CA000" && !policy.rule_enabled(entry.id)) continue;
    const RuleInfo* info = catalog.find(entry.id);
    if (!info) continue;  // the meta-test guarantees this does not happen
    RuleContext ctx(model, export_index, *info, policy, today, findings);
    ctx.notes = &report.notes;
    entry.run(model, policy, ctx);
  }
  std::set<std::string> migrated = same_integration(model, report.notes);
  for (auto& f : findings) {
    if (!migrated.contains(f.component.name)) continue;
    if (f.component.type == "ConnectedApp")
      f.same_as = {"ExternalClientApplication", f.component.name, ""};
    else if (f.component.type == "ExternalClientApplication")
      f.same_as = {"ConnectedApp", f.component.name, ""};
  }
  note_duplicates(model, report.notes);
  report.files_audited += model.files.size() - model.files_unreadable;
  report.files_skipped += model.files_skipped;
  report.components += component_count(model);
  report.findings.reserve(report.findings.size() + findings.size());
  std::move(findings.begin(), findings.end(), std::back_inserter(report.findings));
}

void finalize(Report& report) {
  auto& fs = report.findings;
  std::sort(fs.begin(), fs.end(), [](const Finding& a, const Finding& b) {
    // Within an export: files in path order, org-wide findings (no file) last.
    return std::forward_as_tuple(a.export_index, a.file.empty(), a.file, a.line, a.column, a.rule, a.message) <
           std::forward_as_tuple(b.export_index, b.file.empty(), b.file, b.line, b.column, b.rule, b.message);
  });
  // Never line numbers: reformatting a file must not change a fingerprint. The same element twice
  // in one export (a repeated scope, say) is told apart by its occurrence; an export's
  // fingerprints do not depend on what else is audited with it, unless an identical finding in an
  // earlier export already holds one, and then the export's root tells them apart.
  std::map<std::pair<int, std::string>, int> seen;
  std::set<std::string> used;
  for (auto& f : fs) {
    std::string basis = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", f.rule, f.component.type, f.component.name,
                                    f.rel_path, f.element, f.key);
    int n = ++seen[{f.export_index, basis}];
    if (n > 1) basis += fmt::format("\x1f#{}", n);
    f.fingerprint = sha256_hex(basis).substr(0, 32);
    if (!used.insert(f.fingerprint).second) {
      auto index = static_cast<std::size_t>(f.export_index);
      basis += fmt::format("\x1f@{}", index < report.roots.size() ? report.roots[index] : std::to_string(index));
      f.fingerprint = sha256_hex(basis).substr(0, 32);
      used.insert(f.fingerprint);
    }
  }
}

std::size_t count_at_or_above(const Report& report, Severity threshold) {
  return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    return !f.suppressed && f.severity >= threshold;
  }));
}

Report run_audit(const AuditOptions& options, const Policy& policy, const Catalog& catalog) {
  Report report;
  report.as_of = options.today;
  std::vector<bool> used(policy.exceptions.size(), false);
  std::vector<bool> scope_entry_used(policy.scope_apps.size(), false);
  for (std::size_t i = 0; i < options.paths.size(); ++i) {
    report.roots.push_back(options.paths[i]);
    LoadedExport loaded = load_export(options.paths[i], options.jobs);
    // A PATH that could not be read at all already has its error; otherwise nothing auditable is
    // one. Profiles and permission sets alone are read only to check app assignments: no app and no
    // org settings means nothing was audited, which must never look like a clean result.
    const bool root_unreadable = std::any_of(loaded.errors.begin(), loaded.errors.end(),
                                             [&](const InputError& e) { return e.path == options.paths[i]; });
    for (auto& e : loaded.errors) report.errors.push_back(std::move(e));
    bool auditable = std::any_of(loaded.model.files.begin(), loaded.model.files.end(), [](const ExportFile& f) {
      return f.type != MetaType::Profile && f.type != MetaType::PermissionSet;
    });
    if (root_unreadable) {
      // reported above
    } else if (loaded.model.files.empty()) {
      report.errors.push_back({options.paths[i],
                               "nothing to audit: no Connected App, External Client App, settings, profile or "
                               "permission set metadata found"});
    } else if (!auditable) {
      report.errors.push_back({options.paths[i],
                               "nothing to audit: only profiles and permission sets, which calint reads to check "
                               "app assignments; no Connected App, External Client App or org settings found"});
    }
    // A per-app scope entry whose glob matches no app is most likely a typo: say so below.
    for (std::size_t k = 0; k < policy.scope_apps.size(); ++k) {
      const std::string& glob = policy.scope_apps[k].app;
      auto matches = [&](const auto& apps) {
        return std::any_of(apps.begin(), apps.end(), [&](const auto& a) { return glob_match(glob, a.name); });
      };
      if (matches(loaded.model.connected_apps) || matches(loaded.model.external_client_apps)) {
        scope_entry_used[k] = true;
      }
    }
    std::size_t first = report.findings.size();
    audit_export(loaded.model, static_cast<int>(i), policy, catalog, options.today, report);
    apply_exceptions(policy, options.today, report.findings.begin() + static_cast<std::ptrdiff_t>(first),
                     report.findings.end(), used);
  }
  for (std::size_t i = 0; i < policy.exceptions.size(); ++i) {
    const auto& ex = policy.exceptions[i];
    if (ex.expires && *ex.expires < options.today) {
      report.warnings.push_back(
          fmt::format("{}: warning: exception for '{}' ({}) expired on {}; its findings are "
                      "reported again",
                      ex.where, ex.app, fmt::join(ex.rules, ", "), format_date(*ex.expires)));
    } else if (!used[i]) {
      report.warnings.push_back(
          fmt::format("{}: warning: exception for '{}' ({}) matched no finding; remove it if "
                      "the risk is gone",
                      ex.where, ex.app, fmt::join(ex.rules, ", ")));
    }
  }
  for (std::size_t k = 0; k < policy.scope_apps.size(); ++k) {
    if (scope_entry_used[k]) continue;
    report.warnings.push_back(
        fmt::format("{}: warning: scopes.apps entry for '{}' matches no app in the audited "
                    "export{}; check the name",
                    policy.scope_apps[k].where, policy.scope_apps[k].app, options.paths.size() == 1 ? "" : "s"));
  }
  finalize(report);
  return report;
}

}  // namespace calint
