// CA302 refresh-token-too-long.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void refresh_token_too_long(RuleContext& ctx) {
  using Kind = RefreshPolicy::Kind;
  const auto& max_lifetime = ctx.param<Duration>("refresh_tokens.max_lifetime");
  const auto& max_inactivity = ctx.param<Duration>("refresh_tokens.max_inactivity");
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    const auto& policy = p.refresh_token_policy;
    if (!policy.present || !grants_refresh_tokens(p.app.scopes())) return;
    const bool lifetime = policy.value.kind == Kind::SpecificLifetime;
    if (!lifetime && policy.value.kind != Kind::SpecificInactivity) return;
    const Duration& limit = lifetime ? max_lifetime : max_inactivity;
    if (policy.value.hours <= limit.hours) return;
    ctx.report(p.app.component(), at(policy),
               fmt::format("Refresh tokens {} {} ({}), beyond the policy's {} limit of {}; shorten it to at most {}",
                           lifetime ? "live for" : "survive inactivity of", describe(policy.value, p.eca_file),
                           format_hours(policy.value.hours), lifetime ? "lifetime" : "inactivity",
                           format_hours(limit.hours), format_hours(limit.hours)));
  });
}

}  // namespace calint::rules
