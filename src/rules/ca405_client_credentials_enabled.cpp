// CA405 client-credentials-enabled.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

/// Where the flow is turned on and who it runs as, for either kind of app.
struct ClientCredentials {
  const Field<bool>* flag = nullptr;         ///< the element that turns it on (reported there)
  const Field<std::string>* user = nullptr;  ///< the run-as user; null when the export cannot say
  std::string_view user_element;             ///< for messages: where the run-as user is set
};

std::optional<ClientCredentials> client_credentials(const Export& model, const App& app) {
  if (app.ca) {
    if (!app.ca->is_client_credential_enabled.value) return std::nullopt;
    return ClientCredentials{&app.ca->is_client_credential_enabled, &app.ca->oauth_client_credential_user,
                             "oauthClientCredentialUser"};
  }
  ClientCredentials cc;
  cc.user_element = "clientCredentialsFlowUser (.ecaOauthPlcy)";
  for (auto ref : app.eca->oauth_policies) {
    const EcaOauthPolicy& p = model[ref];
    if (!cc.user) cc.user = &p.client_credentials_flow_user;
    if (!cc.flag && p.is_client_credentials_flow_enabled.value) {
      cc.flag = &p.is_client_credentials_flow_enabled;
      cc.user = &p.client_credentials_flow_user;
    }
  }
  for (auto ref : app.eca->global_oauth) {
    const EcaGlobalOauth& g = model[ref];
    if (!cc.flag && g.is_client_credentials_flow_enabled.value) cc.flag = &g.is_client_credentials_flow_enabled;
  }
  if (!cc.flag) return std::nullopt;
  return cc;
}

}  // namespace

void client_credentials_enabled(RuleContext& ctx) {
  const auto& integration_users = ctx.param<StringList>("clients.integration_users");
  for (const App& app : apps(ctx.model())) {
    auto cc = client_credentials(ctx.model(), app);
    if (!cc) continue;
    const bool has_user = cc->user && cc->user->present && !cc->user->value.empty();
    std::string who = has_user   ? fmt::format("running as {}", cc->user->value)
                      : cc->user ? fmt::format("with no run-as user ({} is empty)", cc->user_element)
                                 : std::string("with its run-as user in OAuth policies that are not in the export");
    bool listed = has_user && std::any_of(integration_users.begin(), integration_users.end(),
                                          [&](const std::string& u) { return iequals(u, cc->user->value); });
    const bool escalate = !integration_users.empty() && !listed;
    ctx.report(
        app.component(), at(*cc->flag),
        fmt::format("The client credentials flow is enabled, {}{}: whoever holds the consumer key and secret "
                    "gets {} access with no user present, no MFA and no browser; run it as a dedicated "
                    "API-only integration user with the fewest permissions, or turn the flow off",
                    who, escalate ? (has_user ? ", who is not in the policy's clients.integration_users" : "") : "",
                    has_user ? "that user's" : "the run-as user's"),
        escalate);
  }
}

}  // namespace calint::rules
