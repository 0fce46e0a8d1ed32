// CA404 secret-optional-without-pkce.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void secret_optional_without_pkce(RuleContext& ctx) {
  const OauthOidcSettings* org = oauth_oidc_settings(ctx.model());
  if (org && org->is_pkce_required.value) return;  // PKCE is required org-wide
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (!fs.consumer_secret_optional.value || fs.pkce_required.value || !fs.code_flow_possible()) return;
    ctx.report(fs.app.component(), at(fs.consumer_secret_optional),
               fmt::format("The consumer secret is optional (isConsumerSecretOptional is true) and PKCE is not "
                           "required ({}; {}): anyone holding the consumer key, which is not a secret, can run the "
                           "web server flow as this app and redeem a leaked authorization code; set isPkceRequired "
                           "to true, or require the secret",
                           not_true(fs.pkce_required),
                           org ? fmt::format("OauthOidc settings: {}", not_true(org->is_pkce_required))
                               : std::string("the export has no OauthOidc settings, so the org-wide setting was not "
                                             "seen")));
  });
}

}  // namespace calint::rules
