#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {
constexpr const char* kWhy =
    "which grants everything the user can do, web session access included; request only the scopes the "
    "integration needs (for example Api and RefreshToken)";
}

void full_scope(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& app : model.connected_apps) {
    for (const auto& scope : app.scopes) {
      if (!is_scope(scope.value, "Full")) continue;
      ctx.report(component_of(app), scope.loc, "ConnectedApp/oauthConfig/scopes", "Full",
                 fmt::format("OAuth scope 'Full' requested, {}", kWhy));
    }
  }
  for (const auto& app : model.external_client_apps) {
    for (const auto& scope : eca_scopes(app)) {
      if (!is_scope(scope.value, "Full")) continue;
      ctx.report(component_of(app), scope.loc, "ExtlClntAppOauthSettings/commaSeparatedOauthScopes", "Full",
                 fmt::format("OAuth scope 'Full' in commaSeparatedOauthScopes, {}", kWhy));
    }
  }
}

}  // namespace calint::rules
