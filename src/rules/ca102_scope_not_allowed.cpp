// CA102 scope-not-allowed.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

// Case-insensitive, like CA101: `refreshtoken` in a policy means RefreshToken.
bool listed(const std::vector<std::string>& list, std::string_view scope) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return iequals(s, scope); });
}

/// The scope lists that apply to one app: the global ones, with every matching per-app entry.
struct Lists {
  const StringList* allow = nullptr;  ///< null: no allow list
  StringList app_allow;
  bool has_app_allow = false;
  StringList deny;
  std::string where;  ///< "the policy" or "the policy for 'Partner_*'"
};

Lists lists_for(const std::string& app_name, const StringList& allow, const StringList& deny,
                const AppScopeRules& apps) {
  Lists l;
  l.allow = allow.empty() ? nullptr : &allow;
  l.deny = deny;
  std::vector<std::string> matched;
  for (const auto& rule : apps) {
    if (!glob_match(rule.app, app_name)) continue;
    matched.push_back(rule.app);
    if (rule.allow) {
      l.has_app_allow = true;
      l.app_allow.insert(l.app_allow.end(), rule.allow->begin(), rule.allow->end());
    }
    l.deny.insert(l.deny.end(), rule.deny.begin(), rule.deny.end());
  }
  if (l.has_app_allow) l.allow = &l.app_allow;  // a per-app allow list replaces the global one
  l.where = matched.empty() ? std::string("the policy") : fmt::format("the policy for '{}'", matched.front());
  return l;
}

}  // namespace

void scope_not_allowed(RuleContext& ctx) {
  const auto& allow = ctx.param<StringList>("scopes.allow");
  const auto& deny = ctx.param<StringList>("scopes.deny");
  const auto& per_app = ctx.param<AppScopeRules>("scopes.apps");
  if (allow.empty() && deny.empty() && per_app.empty()) return;
  for (const App& app : apps(ctx.model())) {
    Lists l = lists_for(app.head().name, allow, deny, per_app);
    for (const auto& scope : app.scopes()) {
      if (listed(l.deny, scope.value) && !(l.has_app_allow && listed(l.app_allow, scope.value))) {
        ctx.report(
            app.component(), at(scope, scope.value),
            fmt::format("OAuth scope '{}' is on the deny list of {}; remove it from the app", scope.value, l.where));
      } else if (l.allow && !listed(*l.allow, scope.value)) {
        ctx.report(app.component(), at(scope, scope.value),
                   fmt::format("OAuth scope '{}' is not on the allow list of {} ({}); remove it, or allow it in the "
                               "policy if the integration needs it",
                               scope.value, l.where, fmt::join(*l.allow, ", ")));
      }
    }
  }
}

}  // namespace calint::rules
