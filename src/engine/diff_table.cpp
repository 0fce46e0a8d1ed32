#include "engine/diff_table.h"

#include <array>

namespace calint {

namespace {

using K = ItemKind;

// clang-format off
constexpr std::array kItems = {
  DiffItem{"app", "app", K::App, true, "a new app: who can use it and with what is listed", "the app is gone"},
  DiffItem{"permitted-users", "permitted users", K::Ordered, true,
           "users may authorize the app themselves", "only admin-approved users may use the app"},
  DiffItem{"scope", "scope", K::Set, true, "the app can ask for more", "the app can ask for less"},
  DiffItem{"callback-url", "callback URL", K::Set, true,
           "one more place an authorization code can be sent", "one place fewer a code can be sent"},
  DiffItem{"profile", "profile assignment", K::Set, true, "more users are pre-authorized",
           "fewer users are pre-authorized"},
  DiffItem{"permission-set", "permission set assignment", K::Set, true, "more users are pre-authorized",
           "fewer users are pre-authorized"},
  DiffItem{"ip-relaxation", "IP relaxation", K::Ordered, true, "IP restrictions relaxed", "IP restrictions tightened"},
  DiffItem{"ip-range", "trusted IP range", K::Set, true, "more networks trusted", "fewer networks trusted"},
  DiffItem{"refresh-token-policy", "refresh token policy", K::Ordered, true, "refresh tokens live longer",
           "refresh tokens expire sooner"},
  DiffItem{"session-timeout", "session timeout", K::Ordered, true, "sessions last longer", "sessions end sooner"},
  DiffItem{"session-level", "required session level", K::Ordered, true, "high assurance no longer required",
           "high assurance now required"},
  DiffItem{"session-policy-action", "session policy action", K::Text, true, "", ""},
  DiffItem{"certificate", "JWT bearer certificate", K::Certificate, true,
           "the JWT bearer flow is enabled, or the new certificate is weaker",
           "the JWT bearer flow is disabled, or the new certificate is stronger"},
  DiffItem{"client-credentials", "client credentials flow", K::Flag, true,
           "tokens without a user's consent, as the run-as user", "no more tokens without a user"},
  DiffItem{"client-credentials-user", "client credentials run-as user", K::Text, true, "", ""},
  DiffItem{"device-flow", "device flow", K::Flag, true, "device codes can be phished for tokens",
           "no more device codes to phish"},
  DiffItem{"token-exchange", "token exchange flow", K::Flag, true, "external tokens can be exchanged for Salesforce ones",
           "no more exchanged tokens"},
  DiffItem{"code-credentials", "authorization code and credentials flow", K::Flag, true,
           "the app can collect users' credentials", "the app no longer collects credentials"},
  DiffItem{"code-credentials-post-only", "code and credentials flow POST only", K::Flag, false,
           "credentials may travel in URLs", "credentials only in POST bodies"},
  DiffItem{"named-user-jwt", "named user JWT access tokens", K::Flag, true, "JWT access tokens for named users enabled",
           "JWT access tokens for named users disabled"},
  DiffItem{"introspect-all-tokens", "introspect all tokens", K::Flag, true,
           "the app can introspect every token of the org", "the app can introspect only its own tokens"},
  DiffItem{"pkce", "PKCE requirement", K::Flag, false, "PKCE no longer required: intercepted codes can be redeemed",
           "PKCE now required"},
  DiffItem{"refresh-token-rotation", "refresh token rotation", K::Flag, false,
           "a stolen refresh token stays valid after use", "refresh tokens rotate on use"},
  DiffItem{"consumer-secret-optional", "consumer secret optional", K::Flag, true,
           "tokens without the consumer secret", "the consumer secret is required"},
  DiffItem{"secret-for-refresh", "secret required for refresh token", K::Flag, false,
           "refresh tokens redeemable without the secret", "refreshing needs the secret"},
  DiffItem{"secret-for-token-exchange", "secret required for token exchange", K::Flag, false,
           "token exchange without the secret", "token exchange needs the secret"},
  DiffItem{"first-party-app", "first-party app", K::Flag, true, "treated as a Salesforce first-party app",
           "no longer treated as first-party"},
  DiffItem{"app-enabled", "app enabled", K::Flag, true, "the app can be used", "the app is disabled"},
  DiffItem{"oauth-plugin", "OAuth plugin", K::Flag, true, "OAuth plugin enabled", "OAuth plugin disabled"},
  DiffItem{"saml-plugin", "SAML plugin", K::Flag, true, "SAML plugin enabled", "SAML plugin disabled"},
  DiffItem{"saml-signing-algorithm", "SAML signing algorithm", K::Ordered, true, "weaker SAML signatures",
           "stronger SAML signatures"},
  DiffItem{"consumer-key", "consumer key", K::Hidden, true, "", ""},
  DiffItem{"consumer-secret", "consumer secret", K::Hidden, true, "", ""},
  DiffItem{"label", "label", K::Text, true, "", ""},
  DiffItem{"description", "description", K::Text, true, "", ""},
  DiffItem{"contact-email", "contact email", K::Text, true, "", ""},
  DiffItem{"contact-phone", "contact phone", K::Text, true, "", ""},
  DiffItem{"info-url", "info URL", K::Text, true, "", ""},
  DiffItem{"logo-url", "logo URL", K::Text, true, "", ""},
  DiffItem{"icon-url", "icon URL", K::Text, true, "", ""},
  DiffItem{"start-url", "start URL", K::Text, true, "", ""},
  DiffItem{"mobile-start-url", "mobile start URL", K::Text, true, "", ""},
  DiffItem{"single-logout-url", "single logout URL", K::Text, true, "", ""},
  DiffItem{"plugin", "plugin class", K::Text, true, "", ""},
  DiffItem{"plugin-execution-user", "plugin execution user", K::Text, true, "", ""},
  DiffItem{"canvas", "canvas settings", K::Text, true, "", ""},
  DiffItem{"saml", "SAML settings", K::Text, true, "", ""},
  DiffItem{"distribution-state", "distribution state", K::Text, true, "", ""},
  DiffItem{"protected", "protected", K::Text, true, "", ""},
  DiffItem{"element", "other element", K::Text, true, "", ""},
};
// clang-format on

}  // namespace

std::span<const DiffItem> diff_items() { return kItems; }

const DiffItem* diff_item(std::string_view key) {
  if (key.starts_with("element:")) key = "element";
  for (const auto& item : kItems) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

}  // namespace calint
