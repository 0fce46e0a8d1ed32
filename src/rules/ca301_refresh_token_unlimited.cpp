// CA301 refresh-token-unlimited.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void refresh_token_unlimited(RuleContext& ctx) {
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    if (!grants_refresh_tokens(p.app.scopes())) return;
    const auto& policy = p.refresh_token_policy;
    if (policy.present && policy.value.kind != RefreshPolicy::Kind::Infinite) return;
    if (p.has_documented_defaults()) {  // a Connected App: absent means infinite
      ctx.report(p.app.component(), at(policy, p.where_absent),
                 fmt::format("The app can get refresh tokens and {}: a stolen refresh token stays valid until "
                             "someone revokes it; set refreshTokenPolicy to specific_inactivity:30:DAYS "
                             "(Salesforce's recommendation) or a bounded specific_lifetime",
                             policy.present ? "refreshTokenPolicy is infinite"
                                            : "has no refreshTokenPolicy, which means infinite"));
      return;
    }
    if (!policy.present) {
      ctx.note(
          fmt::format("{}: External Client App {} can get refresh tokens, but its OAuth policies have no "
                      "refreshTokenPolicyType; Salesforce documents no default, so CA301 and CA302 could not "
                      "check it",
                      ctx.file(p.eca_file->file).display_path, p.app.head().name));
      return;
    }
    ctx.report(p.app.component(), at(policy),
               "The app can get refresh tokens and refreshTokenPolicyType is Infinite: a stolen refresh token stays "
               "valid until someone revokes it; use SpecificInactivity with 30 Days, or a bounded SpecificLifetime");
  });
}

}  // namespace calint::rules
