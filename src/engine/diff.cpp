#include "engine/diff.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "load/git.h"
#include "load/source.h"

namespace fs = std::filesystem;

namespace calint {

bool is_git_side(const std::string& spec) { return spec.starts_with("git:"); }

DiffSide audit_diff_side(const std::string& spec, const std::string& git_path, const AuditOptions& options,
                         const Policy& policy, const Catalog& catalog) {
  DiffSide side;
  std::unique_ptr<ExportSource> source;
  if (is_git_side(spec)) {
    // git:REF or git:REF:PATH (a ref name cannot hold ':').
    std::string rest = spec.substr(4);
    auto colon = rest.find(':');
    std::string ref = rest.substr(0, colon);
    std::string path = colon == std::string::npos ? git_path : rest.substr(colon + 1);
    source = load::open_git_tree(ref, path);
  } else {
    std::error_code ec;
    if (!fs::exists(spec, ec)) {
      side.report.errors.push_back({spec, "cannot read: No such file or directory"});
      side.report.as_of = options.today;
      side.report.tool_version = options.tool_version;
      return side;
    }
    source = open_source(spec, {options.limits, nullptr});
  }
  AuditOptions opts = options;
  opts.paths.clear();
  opts.sources = {source.get()};
  opts.on_model = [&side](const Export& model, int) {
    auto apps = postures(model);
    std::move(apps.begin(), apps.end(), std::back_inserter(side.apps));
  };
  side.report = run_audit(opts, policy, catalog);
  return side;
}

namespace {

using AppKey = std::pair<std::string, std::string>;  // name, type

std::map<AppKey, const AppPosture*> by_key(const std::vector<AppPosture>& apps) {
  std::map<AppKey, const AppPosture*> out;
  for (const auto& a : apps) out.emplace(AppKey{a.name, a.type}, &a);  // a duplicate: the first (CA000 notes it)
  return out;
}

AppDiff app_diff(std::string status, const AppPosture& p) {
  AppDiff d;
  d.status = std::move(status);
  d.app = {p.type, p.name, p.label};
  d.file = p.file;
  return d;
}

void add_lifecycle(AppDiff& d, const AppPosture& p) {
  PostureChange c;
  c.item = "app";
  c.what = "app";
  c.change = d.status;
  bool added = d.status == "added";
  (added ? c.after : c.before) = posture_summary(p);
  c.direction = added ? Direction::Widens : Direction::Narrows;
  c.reason = added ? "a new app: who can use it and with what is listed" : "the app is gone";
  d.changes.push_back(std::move(c));
}

/// Apps of one API name that are a Connected App on one side and an External Client App on the
/// other (and only that): one integration, migrated.
std::optional<std::pair<const AppPosture*, const AppPosture*>> migration(
    const std::string& name, const std::map<AppKey, const AppPosture*>& base,
    const std::map<AppKey, const AppPosture*>& head) {
  const std::string ca = "ConnectedApp";
  const std::string eca = "ExternalClientApplication";
  auto find = [&](const std::map<AppKey, const AppPosture*>& m, const std::string& type) -> const AppPosture* {
    auto it = m.find({name, type});
    return it == m.end() ? nullptr : it->second;
  };
  const AppPosture* b_ca = find(base, ca);
  const AppPosture* b_eca = find(base, eca);
  const AppPosture* h_ca = find(head, ca);
  const AppPosture* h_eca = find(head, eca);
  if (b_ca && !b_eca && !h_ca && h_eca) return std::pair{b_ca, h_eca};
  if (!b_ca && b_eca && h_ca && !h_eca) return std::pair{b_eca, h_ca};
  return std::nullopt;
}

void diff_apps(const DiffSide& base, const DiffSide& head, DiffReport& out) {
  auto b = by_key(base.apps);
  auto h = by_key(head.apps);
  std::set<std::string> names;
  for (const auto& [k, p] : b) names.insert(k.first);
  for (const auto& [k, p] : h) names.insert(k.first);
  for (const auto& name : names) {
    if (auto m = migration(name, b, h)) {
      AppDiff d = app_diff("changed", *m->second);
      d.base_type = m->first->type;
      PostureChange c{"app",
                      "app type",
                      "migrated",
                      m->first->type,
                      m->second->type,
                      Direction::Neutral,
                      "the same API name: compared as one integration"};
      d.changes.push_back(std::move(c));
      auto changes = compare_apps(*m->first, *m->second, true);
      std::move(changes.begin(), changes.end(), std::back_inserter(d.changes));
      out.apps.push_back(std::move(d));
      continue;
    }
    for (const std::string type : {"ConnectedApp", "ExternalClientApplication"}) {
      auto bi = b.find({name, type});
      auto hi = h.find({name, type});
      bool in_b = bi != b.end();
      bool in_h = hi != h.end();
      if (!in_b && !in_h) continue;
      if (in_b && in_h) {
        auto changes = compare_apps(*bi->second, *hi->second);
        if (changes.empty()) continue;
        AppDiff d = app_diff("changed", *hi->second);
        d.changes = std::move(changes);
        out.apps.push_back(std::move(d));
        continue;
      }
      AppDiff d = app_diff(in_h ? "added" : "removed", in_h ? *hi->second : *bi->second);
      add_lifecycle(d, in_h ? *hi->second : *bi->second);
      out.apps.push_back(std::move(d));
    }
  }
}

void diff_findings(const Report& base, const Report& head, DiffReport& out) {
  std::set<std::string> in_base;
  std::set<std::string> in_head;
  for (const auto& f : base.findings) in_base.insert(f.fingerprint);
  for (const auto& f : head.findings) in_head.insert(f.fingerprint);
  for (const auto& f : head.findings) {
    if (!f.suppressed() && !in_base.contains(f.fingerprint)) out.introduced.push_back(f);
  }
  for (const auto& f : base.findings) {
    if (!f.suppressed() && !in_head.contains(f.fingerprint)) out.fixed.push_back(f);
  }
}

/// Each text once, in order of first appearance.
void merge_texts(const std::vector<std::string>& from, std::vector<std::string>& into) {
  for (const auto& t : from) {
    if (std::find(into.begin(), into.end(), t) == into.end()) into.push_back(t);
  }
}

}  // namespace

DiffReport diff_sides(const DiffSide& base, const DiffSide& head) {
  DiffReport out;
  out.tool_version = head.report.tool_version;
  out.as_of = head.report.as_of;
  out.policy = head.report.policy;
  out.base = base.report.roots.empty() ? std::string() : base.report.roots.front().path;
  out.head = head.report.roots.empty() ? std::string() : head.report.roots.front().path;
  // A side that could not be read whole would show its apps as removed or added: no comparison.
  if (base.report.errors.empty() && head.report.errors.empty()) {
    diff_apps(base, head, out);
    diff_findings(base.report, head.report, out);
  }
  out.rules = head.report.rules;
  out.roots = head.report.roots;
  out.errors = base.report.errors;
  out.errors.insert(out.errors.end(), head.report.errors.begin(), head.report.errors.end());
  merge_texts(base.report.warnings, out.warnings);
  merge_texts(head.report.warnings, out.warnings);
  merge_texts(base.report.notes, out.notes);
  merge_texts(head.report.notes, out.notes);
  return out;
}

}  // namespace calint
