#include "rules/rule.h"

namespace calint {

namespace rules {
void invalid_metadata(const Export&, const Policy&, RuleContext&);
void full_scope(const Export&, const Policy&, RuleContext&);
void scope_not_allowed(const Export&, const Policy&, RuleContext&);
void self_authorize(const Export&, const Policy&, RuleContext&);
void unassigned_app(const Export&, const Policy&, RuleContext&);
void unknown_assignment(const Export&, const Policy&, RuleContext&);
void eca_policy_missing(const Export&, const Policy&, RuleContext&);
void eca_orphan_file(const Export&, const Policy&, RuleContext&);
void ip_relaxation_unset(const Export&, const Policy&, RuleContext&);
void ip_restrictions_bypassed(const Export&, const Policy&, RuleContext&);
void ip_restrictions_relaxed(const Export&, const Policy&, RuleContext&);
void refresh_token_unlimited(const Export&, const Policy&, RuleContext&);
void refresh_token_too_long(const Export&, const Policy&, RuleContext&);
void consumer_secret_committed(const Export&, const Policy&, RuleContext&);
void eca_global_oauth_committed(const Export&, const Policy&, RuleContext&);
void device_flow_enabled(const Export&, const Policy&, RuleContext&);
void my_domain_missing(const Export&, const Policy&, RuleContext&);
void my_domain_login_not_enforced(const Export&, const Policy&, RuleContext&);
}  // namespace rules

const std::vector<RuleEntry>& rule_registry() {
  // Sorted by id; tests/meta checks the order and that it matches the catalogue one to one.
  static const std::vector<RuleEntry> kRules = {
      {"CA000", rules::invalid_metadata},
      {"CA101", rules::full_scope},
      {"CA102", rules::scope_not_allowed},
      {"CA103", rules::self_authorize},
      {"CA104", rules::unassigned_app},
      {"CA105", rules::unknown_assignment},
      {"CA106", rules::eca_policy_missing},
      {"CA107", rules::eca_orphan_file},
      {"CA201", rules::ip_relaxation_unset},
      {"CA202", rules::ip_restrictions_bypassed},
      {"CA203", rules::ip_restrictions_relaxed},
      {"CA301", rules::refresh_token_unlimited},
      {"CA302", rules::refresh_token_too_long},
      {"CA401", rules::consumer_secret_committed},
      {"CA402", rules::eca_global_oauth_committed},
      {"CA408", rules::device_flow_enabled},
      {"CA501", rules::my_domain_missing},
      {"CA502", rules::my_domain_login_not_enforced},
  };
  return kRules;
}

}  // namespace calint
