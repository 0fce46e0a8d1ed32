// `calint fix`: safe (and with --unsafe-fixes, unsafe) textual fixes, checked by a second audit
// before anything is written. docs/fix.md describes it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/input_options.h"
#include "core/text.h"
#include "engine/engine.h"
#include "fix/fixer.h"
#include "fix/unified_diff.h"
#include "policy/catalog.h"
#include "policy/policy.h"

#ifndef CALINT_VERSION
#define CALINT_VERSION "0.0.0"
#endif

namespace calint {

namespace fs = std::filesystem;

namespace {

struct FileFixes {
  std::string path;
  std::vector<const Finding*> findings;
  std::string before;
  fix::FixResult result;
};

bool is_zip_root(const std::string& root) {
  std::error_code ec;
  return fs::is_regular_file(root, ec) && iequals(fs::path(root).extension().string(), ".zip");
}

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

AuditOptions audit_options(const FixArgs& a, const std::optional<Baseline>& baseline, Severity threshold) {
  AuditOptions options;
  options.paths = a.paths;
  options.today = today_utc();
  options.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  options.fail_on = threshold;
  options.tool_version = CALINT_VERSION;
  if (baseline) options.baseline = &*baseline;
  return options;
}

/// Why a finding is left alone, or "" when it is a candidate.
std::string left_alone(const Finding& f, const Report& report, const std::set<std::string>& broken_files) {
  if (f.suppressed()) return "suppressed by the policy";
  if (f.baseline == BaselineState::Unchanged) return "in the baseline";
  if (f.file.empty()) return "org-wide, in no file";
  if (is_zip_root(report.root(f.export_index))) return "in a zip (calint never edits zips)";
  if (broken_files.contains(f.file)) return "the file has CA000 (it does not parse as calint expects)";
  return "";
}

/// The findings `fix` will try, by file; prints what it leaves alone.
std::map<std::string, FileFixes> candidates(const FixArgs& a, const Report& report, const Catalog& catalog,
                                            std::ostream& err, std::size_t& skipped) {
  std::set<std::string> broken_files;
  for (const auto& f : report.findings) {
    if (f.rule == kInvalidMetadataRule && !f.file.empty()) broken_files.insert(f.file);
  }
  std::map<std::string, FileFixes> files;
  for (const auto& f : report.findings) {
    if (!a.rules.empty() && std::find(a.rules.begin(), a.rules.end(), f.rule) == a.rules.end()) continue;
    const RuleInfo* info = catalog.find(f.rule);
    if (!info || info->fix == "none") continue;
    if (std::string why = left_alone(f, report, broken_files); !why.empty()) {
      ++skipped;
      err << fmt::format("{}:{}: {} left alone: {}\n", f.file.empty() ? report.root(f.export_index) : f.file, f.line,
                         f.rule, why);
      continue;
    }
    auto& entry = files[f.file];
    entry.path = f.file;
    entry.findings.push_back(&f);
  }
  return files;
}

/// Findings of `after` that `before` does not have, except those a fix said it may bring.
std::vector<const Finding*> new_findings(const Report& before, const Report& after,
                                         const std::set<std::pair<std::string, std::string>>& allowed) {
  std::set<std::string> old;
  for (const auto& f : before.findings) old.insert(f.fingerprint);
  std::vector<const Finding*> out;
  for (const auto& f : after.findings) {
    if (old.contains(f.fingerprint) || allowed.contains({f.rule, f.component.name})) continue;
    out.push_back(&f);
  }
  return out;
}

}  // namespace

int run_fix_command(const FixArgs& a, Console& console) {
  std::ostream& err = console.err;
  WorkflowArgs workflow;
  workflow.policy = a.policy;
  workflow.baseline = a.baseline;
  Policy policy;
  if (!select_policy(workflow, a.paths, policy, err)) return kExitError;
  const Catalog catalog = with_custom_rules(builtin_catalog(), policy);
  for (const auto& id : a.rules) {
    const RuleInfo* info = catalog.find(id);
    if (!info) {
      err << fmt::format("calint: unknown rule '{}'{}\n", id, hint_or(id, catalog.ids(), "; see `calint rules`"));
      return kExitError;
    }
    if (info->fix == "none") {
      err << fmt::format("calint: {} has no fix: {}\n", id,
                         info->fix_reason.empty() ? "a custom rule" : info->fix_reason);
      return kExitError;
    }
  }
  std::optional<Baseline> baseline;
  if (!read_baseline_arg(workflow, InputLimits{}.max_file_size, baseline, err)) return kExitError;
  const Severity threshold = a.fail_on.empty() ? policy.fail_on : *parse_severity(a.fail_on);

  AuditOptions options = audit_options(a, baseline, threshold);
  Report before = run_audit(options, policy, builtin_catalog());
  for (const auto& e : before.errors) err << e.path << ": error: " << e.message << '\n';
  if (!before.errors.empty()) return kExitError;
  if (before.partial) {
    err << "calint: fix takes export folders (or one metadata file), not a list of files from one project\n";
    return kExitError;
  }

  std::size_t skipped = 0;
  std::map<std::string, FileFixes> files = candidates(a, before, catalog, err, skipped);
  fix::FixSettings settings;
  settings.unsafe = a.unsafe;
  settings.max_lifetime_hours = policy.param<Duration>("refresh_tokens.max_lifetime").hours;
  settings.max_inactivity_hours = policy.param<Duration>("refresh_tokens.max_inactivity").hours;
  auto overlay = std::make_shared<FileOverlay>();
  std::set<std::pair<std::string, std::string>> allowed;  // (rule, component) a fix may bring
  std::size_t fixed = 0, need_unsafe = 0, not_offered = 0;
  for (auto& [path, ff] : files) {
    if (!read_text(path, ff.before)) {
      err << fmt::format("{}: error: cannot read the file to fix it\n", path);
      return kExitError;
    }
    std::vector<fix::FixTarget> targets;
    for (const Finding* f : ff.findings) targets.push_back({f->rule, f->element, f->key});
    ff.result = fix::fix_text(ff.before, targets, settings);
    for (std::size_t i = 0; i < ff.result.outcomes.size(); ++i) {
      const auto& o = ff.result.outcomes[i];
      const Finding& f = *ff.findings[i];
      switch (o.status) {
        case fix::FixStatus::Fixed:
          ++fixed;
          err << fmt::format("{}:{}: {} fix applied: {}\n", path, f.line, f.rule, o.what);
          for (const auto& c : o.consequences) allowed.insert({c, f.component.name});
          break;
        case fix::FixStatus::NeedsUnsafe:
          ++need_unsafe;
          err << fmt::format("{}:{}: {} unsafe fix not applied (--unsafe-fixes applies it): {}\n", path, f.line, f.rule,
                             o.what);
          break;
        case fix::FixStatus::NotOffered:
          ++not_offered;
          err << fmt::format("{}:{}: {} no fix: {}\n", path, f.line, f.rule, o.what);
          break;
      }
    }
    if (ff.result.text != ff.before) (*overlay)[path] = ff.result.text;
  }

  // Audit the edited files before writing them: the fixed findings must be gone, and nothing new
  // may appear but what a fix announced.
  Report after = before;
  if (!overlay->empty()) {
    options.overlay = overlay;
    after = run_audit(options, policy, builtin_catalog());
    std::set<std::string> remaining;
    for (const auto& f : after.findings) remaining.insert(f.fingerprint);
    std::vector<std::string> problems;
    for (const auto& [path, ff] : files) {
      for (std::size_t i = 0; i < ff.result.outcomes.size(); ++i) {
        const Finding& f = *ff.findings[i];
        if (ff.result.outcomes[i].status == fix::FixStatus::Fixed && remaining.contains(f.fingerprint))
          problems.push_back(fmt::format("{}:{}: {} is still reported after its fix", path, f.line, f.rule));
      }
    }
    for (const Finding* f : new_findings(before, after, allowed))
      problems.push_back(
          fmt::format("{}:{}: the fixes would bring a new {} finding: {}", f->file, f->line, f->rule, f->message));
    for (const auto& e : after.errors) problems.push_back(e.path + ": " + e.message);
    if (!problems.empty()) {
      for (const auto& p : problems) err << "calint: error: " << p << '\n';
      err << "calint: nothing written: the fixes did not check out (please report this)\n";
      return kExitError;
    }
    for (const auto& f : after.findings) {
      if (allowed.contains({f.rule, f.component.name}))
        err << fmt::format("{}:{}: now {}: {}\n", f.file, f.line, f.rule, f.message);
    }
  }

  if (a.diff) {
    bool context_cut = false;
    for (const auto& [path, text] : *overlay) {
      if (auto diff = fix::unified_diff(files[path].before, text, path, &context_cut)) {
        console.out << *diff;
      } else {
        err << fmt::format(
            "{}: note: diff not shown: a line it changes also shows a secret; "
            "apply the fix without --diff and review the file where secrets may be seen\n",
            path);
      }
    }
    if (context_cut) {
      err << "note: a hunk ends without context where the next line shows a secret: apply the diff with "
             "`git apply --unidiff-zero` or `patch -p1`\n";
    }
  } else {
    for (const auto& entry : *overlay) {
      const std::string& path = entry.first;
      const std::string& text = entry.second;  // a named reference: clang 14 cannot capture a binding
      std::string error;
      if (!write_file_atomically(
              path, [&](std::ostream& o) { o << text; }, error)) {
        err << fmt::format("{}: error: {}\n", path, error);
        return kExitError;
      }
    }
  }
  err << fmt::format("{} {} finding{} in {} file{}", a.diff ? "would fix" : "fixed", fixed, fixed == 1 ? "" : "s",
                     overlay->size(), overlay->size() == 1 ? "" : "s");
  if (need_unsafe > 0) err << fmt::format("; {} more with --unsafe-fixes", need_unsafe);
  if (not_offered > 0) err << fmt::format("; {} without a fix", not_offered);
  if (skipped > 0) err << fmt::format("; {} left alone", skipped);
  const std::size_t left = count_at_or_above(after, threshold);
  err << fmt::format("; {} finding{} at or above {} remain{}\n", left, left == 1 ? "" : "s", to_string(threshold),
                     left == 1 ? "s" : "");
  return left > 0 ? kExitFindings : kExitClean;
}

}  // namespace calint
