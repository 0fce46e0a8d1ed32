#include <fmt/format.h>
#include <algorithm>

#include "core/text.h"
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

// Case-insensitive, like CA101: `refreshtoken` in a policy means RefreshToken.
bool listed(const std::vector<std::string>& list, std::string_view scope) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return iequals(s, scope); });
}

/// Checks one app's scopes against the global lists and every per-app entry whose glob matches.
template <class Report>
void check(const std::string& app_name, const std::vector<Field<std::string>>& scopes, const Policy& policy,
           Report&& report) {
  const std::vector<std::string>* allow = policy.scope_allow.empty() ? nullptr : &policy.scope_allow;
  std::vector<std::string> app_allow;
  bool has_app_allow = false;
  std::vector<std::string> deny = policy.scope_deny;
  std::vector<std::string> matched;
  for (const auto& rule : policy.scope_apps) {
    if (!glob_match(rule.app, app_name)) continue;
    matched.push_back(rule.app);
    if (rule.allow) {
      has_app_allow = true;
      app_allow.insert(app_allow.end(), rule.allow->begin(), rule.allow->end());
    }
    deny.insert(deny.end(), rule.deny.begin(), rule.deny.end());
  }
  if (has_app_allow) allow = &app_allow;  // a per-app allow list replaces the global one
  std::string where = matched.empty() ? std::string("the policy") : fmt::format("the policy for '{}'", matched.front());
  for (const auto& scope : scopes) {
    if (listed(deny, scope.value) && !(has_app_allow && listed(app_allow, scope.value))) {
      report(scope,
             fmt::format("OAuth scope '{}' is on the deny list of {}; remove it from the app", scope.value, where));
    } else if (allow && !listed(*allow, scope.value)) {
      report(scope, fmt::format("OAuth scope '{}' is not on the allow list of {} ({}); remove it, or allow it "
                                "in the policy if the integration needs it",
                                scope.value, where, fmt::join(*allow, ", ")));
    }
  }
}

}  // namespace

void scope_not_allowed(const Export& model, const Policy& policy, RuleContext& ctx) {
  if (policy.scope_allow.empty() && policy.scope_deny.empty() && policy.scope_apps.empty()) return;
  for (const auto& app : model.connected_apps) {
    check(app.name, app.scopes, policy, [&](const Field<std::string>& scope, std::string message) {
      ctx.report(component_of(app), scope.loc, "ConnectedApp/oauthConfig/scopes", scope.value, std::move(message));
    });
  }
  for (const auto& app : model.external_client_apps) {
    check(app.name, eca_scopes(app), policy, [&](const Field<std::string>& scope, std::string message) {
      ctx.report(component_of(app), scope.loc, "ExtlClntAppOauthSettings/commaSeparatedOauthScopes", scope.value,
                 std::move(message));
    });
  }
}

}  // namespace calint::rules
