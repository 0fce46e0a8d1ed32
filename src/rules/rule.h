#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "model/model.h"
#include "policy/catalog.h"
#include "policy/policy.h"

namespace calint {

/// What a rule reports through: the rule says where and what; the context adds who (id, name,
/// severity), so a policy override can never disagree with what the rule wrote.
class RuleContext {
 public:
  RuleContext(const Export& model, int export_index, const RuleInfo& info, const Policy& policy, Date today,
              std::vector<Finding>& out)
      : model_(model), export_index_(export_index), info_(info), policy_(policy), today_(today), out_(out) {}

  /// Reports a finding at `loc` (an invalid loc makes it org-wide). `element` is the element path
  /// and `key` tells apart several findings on one element; both feed the fingerprint.
  /// `escalate` asks for the catalogue's escalated severity (under the condition it documents).
  void report(const ComponentRef& component, SourceLoc loc, std::string element, std::string key, std::string message,
              bool escalate = false);

  [[nodiscard]] Date today() const { return today_; }
  [[nodiscard]] const RuleInfo& info() const { return info_; }
  /// Notes for the reader of the report that are not findings (e.g. what a rule could not check).
  std::vector<std::string>* notes = nullptr;

 private:
  const Export& model_;
  int export_index_;
  const RuleInfo& info_;
  const Policy& policy_;
  Date today_;
  std::vector<Finding>& out_;
};

/// A rule: a pure function of the model and the policy.
using RuleFunction = void (*)(const Export& model, const Policy& policy, RuleContext& ctx);

struct RuleEntry {
  const char* id;
  RuleFunction run;
};

/// Every rule, sorted by id (one explicit table, no static self-registration).
const std::vector<RuleEntry>& rule_registry();

}  // namespace calint
