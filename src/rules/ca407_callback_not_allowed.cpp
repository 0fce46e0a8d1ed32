// CA407 callback-not-allowed.
#include <algorithm>

#include <fmt/format.h>

#include "core/url.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void callback_not_allowed(RuleContext& ctx) {
  const auto& allowed = ctx.param<StringList>("callbacks.allowed_hosts");
  if (allowed.empty()) return;
  for_each_callback(ctx.model(), [&](const App& app, const Field<std::string>& url) {
    auto parts = parse_url(url.value);
    // Custom schemes (myapp://callback) are native-app redirects with no host to allow.
    if (!parts || (parts->scheme != "http" && parts->scheme != "https")) return;
    if (std::any_of(allowed.begin(), allowed.end(),
                    [&](const std::string& pattern) { return host_matches(pattern, parts->host); })) {
      return;
    }
    ctx.report(
        app.component(), at(url, url.value),
        fmt::format("Callback URL {} sends authorization codes to {}, which is not in the policy's "
                    "callbacks.allowed_hosts ({}): remove the URL if the host is not yours, or add the host "
                    "to the list",
                    url.value, parts->host.empty() ? std::string("(no host)") : parts->host, fmt::join(allowed, ", ")));
  });
}

}  // namespace calint::rules
