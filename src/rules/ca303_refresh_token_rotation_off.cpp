// CA303 refresh-token-rotation-off.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void refresh_token_rotation_off(RuleContext& ctx) {
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (fs.refresh_token_rotation.value || !fs.app.can_get_refresh_tokens()) return;
    // Without the secret as well, CA304 reports the app (at high) and names rotation as its fix.
    if (!fs.secret_for_refresh_token.value) return;
    ctx.report(fs.app.component(), at(fs.refresh_token_rotation, fs.where_absent),
               fmt::format("The app can get refresh tokens and refresh token rotation is off ({}): each refresh "
                           "token stays the same until it expires or is revoked, so a stolen copy works as long as "
                           "the original; turn on isRefreshTokenRotationEnabled once the client stores the new "
                           "refresh token each refresh returns",
                           not_true(fs.refresh_token_rotation)));
  });
}

}  // namespace calint::rules
