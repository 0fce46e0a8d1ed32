// CA304 refresh-without-secret.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void refresh_without_secret(RuleContext& ctx) {
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (fs.secret_for_refresh_token.value || fs.refresh_token_rotation.value) return;
    if (!fs.app.can_get_refresh_tokens()) return;
    // A public client (consumer secret optional) cannot keep a secret: rotation is its protection.
    const bool public_client = fs.consumer_secret_optional.value;
    ctx.report(fs.app.component(), at(fs.secret_for_refresh_token, fs.where_absent),
               public_client
                   ? "The app can get refresh tokens, isSecretRequiredForRefreshToken is false and refresh token "
                     "rotation is off: a stolen refresh token alone mints new access tokens until it expires or is "
                     "revoked; this app's consumer secret is optional (a public client), so turn on "
                     "isRefreshTokenRotationEnabled"
                   : "The app can get refresh tokens, isSecretRequiredForRefreshToken is false and refresh token "
                     "rotation is off: a stolen refresh token alone mints new access tokens until it expires or is "
                     "revoked; set isSecretRequiredForRefreshToken to true (the client sends its consumer secret "
                     "with each refresh), or turn on isRefreshTokenRotationEnabled");
  });
}

}  // namespace calint::rules
