// CA406 insecure-callback.
#include <fmt/format.h>

#include "core/url.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void insecure_callback(RuleContext& ctx) {
  for_each_callback(ctx.model(), [&](const App& app, const Field<std::string>& url) {
    auto parts = parse_url(url.value);
    if (!parts || parts->scheme != "http" || is_loopback_host(parts->host)) return;
    ctx.report(app.component(), at(url, url.value),
               fmt::format("Callback URL {} uses plain http: the authorization code (or, in the user-agent flow, the "
                           "access token) crosses the network unencrypted to {}; use https (plain http is fine only "
                           "for a loopback address such as http://localhost or http://127.0.0.1, RFC 8252)",
                           url.value, parts->host.empty() ? std::string("its host") : parts->host));
  });
}

}  // namespace calint::rules
