// CA504 user-agent-flow-allowed.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void user_agent_flow_allowed(RuleContext& ctx) {
  for (const auto& s : ctx.model().oauth_oidc) {
    const auto& flag = s.block_user_agent_flow;
    if (flag.value) continue;
    ctx.report(settings_component<OauthOidcSettings>(), at(flag, s.root),
               fmt::format("The OAuth user-agent (implicit) flow is allowed ({}): it returns the access token in the "
                           "redirect URL, where browser history, logs and referrers can expose it; set "
                           "blockOAuthUsrAgtFlow to true after moving apps that use it to the web server flow with "
                           "PKCE",
                           not_true(flag)));
  }
}

}  // namespace calint::rules
