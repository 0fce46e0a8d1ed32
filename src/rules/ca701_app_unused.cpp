// CA701 app-unused.
#include <set>

#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"
#include "rules/usage.h"

namespace calint::rules {

void app_unused(RuleContext& ctx) {
  // Unused is an absence: only a whole export, with the org's tokens, can show it.
  if (!ctx.whole_export()) return;
  const UsageIndex usage(ctx.model());
  if (!usage.present()) return;
  const auto& stale_after = ctx.param<Duration>("usage.stale_after");
  const Date cutoff{ctx.today().days - stale_after.hours / 24};
  // JWT bearer and client credentials apps never hold refresh tokens (OauthToken rows).
  std::set<std::pair<bool, std::string>> server_to_server;
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& f) {
    if (f.server_to_server()) server_to_server.insert({f.app.is_eca(), f.app.head().name});
  });
  for (const App& app : apps(ctx.model())) {
    if (!app.oauth() || !app.can_get_refresh_tokens()) continue;
    if (server_to_server.contains({app.is_eca(), app.head().name})) continue;
    const AppUsage u = *usage.of(app);
    if (u.last_use && *u.last_use >= cutoff) continue;
    std::string evidence =
        u.tokens == 0 ? std::string("no user holds a token for it")
                      : fmt::format("its {} token{} ({} user{}) {} last used on {}", u.tokens, u.tokens == 1 ? "" : "s",
                                    u.users, u.users == 1 ? "" : "s", u.tokens == 1 ? "was" : "were",
                                    u.last_use ? format_date(*u.last_use) : "no date");
    ctx.report(app.component(), app.ca ? at_root(*app.ca) : at_root(*app.eca),
               fmt::format("The app can issue refresh tokens but none was used in the last {} ({}): remove the app, "
                           "or revoke its access if it is kept for later",
                           format_hours(stale_after.hours), evidence));
  }
}

}  // namespace calint::rules
