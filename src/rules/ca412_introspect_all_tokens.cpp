// CA412 introspect-all-tokens.
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void introspect_all_tokens(RuleContext& ctx) {
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (!fs.introspect_all_tokens.value) return;
    ctx.report(fs.app.component(), at(fs.introspect_all_tokens),
               "The app may introspect every token in the org (isIntrospectAllTokens is true), not only its own: "
               "with its credentials anyone can learn which tokens of any app are valid, for which user and scopes; "
               "turn it off unless the app is the org's own token-validation service");
  });
}

}  // namespace calint::rules
