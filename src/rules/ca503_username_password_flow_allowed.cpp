// CA503 username-password-flow-allowed.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void username_password_flow_allowed(RuleContext& ctx) {
  for (const auto& s : ctx.model().oauth_oidc) {
    const auto& flag = s.block_unpw_flow;
    if (flag.value) continue;
    ctx.report(settings_component<OauthOidcSettings>(), at(flag, s.root),
               fmt::format("The OAuth username-password flow is allowed ({}): any app can trade a user's password "
                           "(and security token) for an access token, without SSO or MFA; set blockOAuthUnPwFlow to "
                           "true after moving integrations that still use it to JWT bearer or client credentials",
                           not_true(flag)));
  }
}

}  // namespace calint::rules
