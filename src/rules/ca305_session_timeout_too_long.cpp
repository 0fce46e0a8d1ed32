// CA305 session-timeout-too-long.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void session_timeout_too_long(RuleContext& ctx) {
  const auto& limit = ctx.param<Timeout>("sessions.max_timeout");
  if (!limit.minutes) return;  // off
  auto check = [&](const App& app, const Field<long long>& timeout) {
    if (!timeout.present || timeout.value <= *limit.minutes) return;
    ctx.report(app.component(), at(timeout),
               fmt::format("{} is {} minutes ({}), longer than the policy's limit of {}: a stolen session or access "
                           "token of this app stays usable that long; set it to at most {} minutes",
                           leaf(timeout.element), timeout.value, format_minutes(timeout.value),
                           format_minutes(*limit.minutes), *limit.minutes));
  };
  for (const App& app : apps(ctx.model())) {
    if (app.ca) {
      check(app, app.ca->session_timeout);
      continue;
    }
    for (auto ref : app.eca->oauth_policies) check(app, ctx.model()[ref].session_timeout);
  }
}

}  // namespace calint::rules
