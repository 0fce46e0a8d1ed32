#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/rule_info.h"
#include "model/export.h"
#include "policy/policy.h"

namespace calint {

/// Where a finding points, and what identifies it in its fingerprint: the element path, and a key
/// that tells apart several findings on one element (one scope of many). Never a line number.
struct Site {
  SourceLoc loc;             ///< invalid: an org-wide finding with no file
  std::string_view element;  ///< element path, e.g. ConnectedApp/oauthConfig/scopes
  std::string key;
};

/// At a field (its own location).
template <class T>
Site at(const Field<T>& f, std::string key = {}) {
  return {f.loc, f.element, std::move(key)};
}
/// At a field, or at `fallback` (its parent element) when the field has no location (absent).
template <class T>
Site at(const Field<T>& f, SourceLoc fallback) {
  return {f.loc.valid() ? f.loc : fallback, f.element, {}};
}
/// At a component's root element.
template <class T>
Site at_root(const T& component) {
  return {component.root, T::kRoot, {}};
}

/// The components a partial run reports, by rule (engine/focus.h); a whole audit has none.
using ReportFilter = std::function<bool(std::string_view rule, const ComponentRef& component)>;

/// What a rule sees and reports through. The rule says where and what; the context adds who (id,
/// name, severity), so a policy override can never disagree with what the rule wrote.
class RuleContext {
 public:
  RuleContext(const Export& model, int export_index, const RuleInfo& info, const Policy& policy, Date today,
              std::vector<Finding>& out, std::vector<std::string>& notes, bool whole_export = true,
              const ReportFilter* filter = nullptr, int jobs = 1)
      : model_(model),
        export_index_(export_index),
        info_(info),
        policy_(policy),
        today_(today),
        out_(out),
        notes_(notes),
        whole_export_(whole_export),
        filter_(filter),
        jobs_(jobs) {}

  [[nodiscard]] const Export& model() const { return model_; }
  [[nodiscard]] const Policy& policy() const { return policy_; }
  /// A parameter this rule declares in its catalogue entry (e.g. refresh_tokens.max_lifetime).
  template <class T>
  [[nodiscard]] const T& param(std::string_view key) const {
    return policy_.param<T>(key);
  }
  /// The audit date (`--as-of`), for rules that compare dates.
  [[nodiscard]] Date today() const { return today_; }
  [[nodiscard]] const ExportFile& file(int index) const { return model_.file(index); }
  /// The export is whole (a folder or a zip), not a partial run over a list of changed files. A
  /// check that reports what is *missing* or *unused* (no MyDomain settings at all, a policy entry
  /// that matches no app) runs only when this is true: a partial run reads the project only as
  /// context, and absence there proves nothing. Checks of what is present always run.
  [[nodiscard]] bool whole_export() const { return whole_export_; }
  /// Whether a finding of this rule about `component` is reported (a partial run reports only
  /// some components): report() drops the others, and a rule may skip costly work for them.
  [[nodiscard]] bool reported(const ComponentRef& component) const {
    return filter_ == nullptr || (*filter_)(info_.id, component);
  }
  /// Threads a rule may use for costly work of its own (`--jobs`); what it reports must not
  /// depend on it.
  [[nodiscard]] int jobs() const { return jobs_; }

  /// Reports a finding. `escalate` asks for the catalogue's escalated severity and `reduce` for its
  /// reduced severity, each under the condition the catalogue entry documents; when both hold, the
  /// reduction wins. A severity the policy sets for the rule wins over both.
  void report(const ComponentRef& component, const Site& site, std::string message, bool escalate = false,
              bool reduce = false);
  /// A note for the reader of the report that is not a finding (e.g. what a rule could not check).
  void note(std::string text) { notes_.push_back(std::move(text)); }

 private:
  const Export& model_;
  int export_index_;
  const RuleInfo& info_;
  const Policy& policy_;
  Date today_;
  std::vector<Finding>& out_;
  std::vector<std::string>& notes_;
  bool whole_export_;
  const ReportFilter* filter_;
  int jobs_;
};

/// A rule: a pure function of what its context gives.
using RuleFunction = void (*)(RuleContext& ctx);

struct RuleEntry {
  const char* id;
  RuleFunction run;
};

/// Every rule, sorted by id (one explicit table in rules/registry.inc, no static self-registration).
const std::vector<RuleEntry>& rule_registry();

}  // namespace calint
