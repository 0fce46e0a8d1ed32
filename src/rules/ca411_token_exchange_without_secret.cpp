// CA411 token-exchange-without-secret.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void token_exchange_without_secret(RuleContext& ctx) {
  for_each_flow_settings(ctx.model(), [&](const FlowSettings& fs) {
    if (!fs.token_exchange.value || fs.secret_for_token_exchange.value) return;
    const Field<bool>& secret = fs.secret_for_token_exchange;
    ctx.report(fs.app.component(), secret.loc.valid() ? at(secret) : at(fs.token_exchange),
               fmt::format("Token exchange is enabled (isTokenExchangeEnabled is true) and {}: anyone with the "
                           "consumer key can trade a token from the trusted identity provider for a Salesforce "
                           "token as this app; set isSecretRequiredForTokenExchange to true",
                           not_true(secret)));
  });
}

}  // namespace calint::rules
