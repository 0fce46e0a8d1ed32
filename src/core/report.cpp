#include "core/report.h"

#include <algorithm>

#include "core/text.h"

namespace calint {

std::size_t Report::app_count() const {
  return static_cast<std::size_t>(
      std::count_if(inventory.begin(), inventory.end(), [](const InventoryApp& a) { return !a.usage_only(); }));
}

const RuleInfo* Report::rule(std::string_view id) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

const std::string& Report::root(int export_index) const {
  static const std::string kNone;
  auto i = static_cast<std::size_t>(export_index);
  return export_index >= 0 && i < roots.size() ? roots[i].path : kNone;
}

const std::string& Report::anchor(int export_index) const {
  static const std::string kNone;
  auto i = static_cast<std::size_t>(export_index);
  return export_index >= 0 && i < roots.size() ? roots[i].anchor : kNone;
}

namespace {

void fix(std::string& s) {
  if (!is_valid_utf8(s)) s = to_valid_utf8(s);
}
void fix(std::vector<std::string>& list) {
  for (auto& s : list) fix(s);
}
void fix(ComponentRef& c) {
  fix(c.type);
  fix(c.name);
  fix(c.label);
}

}  // namespace

void make_valid_utf8(Report& report) {
  fix(report.tool_version);
  fix(report.policy.source);
  for (auto& f : report.findings) {
    fix(f.message);
    fix(f.file);
    fix(f.component);
    fix(f.same_as);
    fix(f.evidence);
    if (f.suppression) {
      fix(f.suppression->justification);
      fix(f.suppression->owner);
      fix(f.suppression->ticket);
      fix(f.suppression->where);
    }
  }
  for (auto& e : report.errors) {
    fix(e.path);
    fix(e.message);
  }
  fix(report.notes);
  fix(report.warnings);
  for (auto& r : report.roots) {
    fix(r.path);
    fix(r.anchor);
  }
  for (auto& a : report.inventory) {
    fix(a.component);
    for (std::string* s : {&a.same_as, &a.file, &a.contact_email, &a.permitted_users, &a.run_as_user, &a.pkce,
                           &a.ip_relaxation, &a.refresh_token_policy, &a.session_timeout, &a.owner, &a.criticality}) {
      fix(*s);
    }
    for (auto* list : {&a.scopes, &a.callback_urls, &a.flows, &a.profiles, &a.permission_sets}) fix(*list);
  }
  for (auto& r : report.rules) {
    for (std::string* s :
         {&r.id, &r.name, &r.escalation, &r.reduction, &r.defined_in, &r.summary, &r.rationale, &r.remediation}) {
      fix(*s);
    }
    fix(r.controls);
    fix(r.applies_to);
    for (auto& ref : r.references) {
      fix(ref.title);
      fix(ref.url);
    }
  }
  if (report.baseline) {
    fix(report.baseline->path);
    for (auto& f : report.baseline->fixed) {
      fix(f.rule);
      fix(f.component);
      fix(f.message);
    }
  }
}

}  // namespace calint
