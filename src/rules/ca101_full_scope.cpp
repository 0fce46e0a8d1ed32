// CA101 full-scope.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void full_scope(RuleContext& ctx) {
  constexpr const char* kWhy =
      "which grants everything the user can do, web session access included; request only the scopes the "
      "integration needs (for example Api and RefreshToken)";
  for_each_scope(ctx.model(), [&](const App& app, const Field<std::string>& scope) {
    if (!is_scope(scope.value, "Full")) return;
    ctx.report(app.component(), at(scope, "Full"),
               app.is_eca() ? fmt::format("OAuth scope 'Full' in commaSeparatedOauthScopes, {}", kWhy)
                            : fmt::format("OAuth scope 'Full' requested, {}", kWhy));
  });
}

}  // namespace calint::rules
