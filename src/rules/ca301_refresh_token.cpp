// CA301 refresh-token-unlimited and CA302 refresh-token-too-long: one setting, two readings.
#include <fmt/format.h>
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

using Kind = RefreshPolicy::Kind;

void refresh_token_unlimited(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  constexpr const char* kFix =
      "a stolen refresh token stays valid until someone revokes it; set refreshTokenPolicy to "
      "specific_inactivity:30:DAYS (Salesforce's recommendation) or a bounded specific_lifetime";
  for (const auto& app : model.connected_apps) {
    if (!grants_refresh_tokens(app.scopes)) continue;
    const auto& p = app.refresh_token_policy;
    if (p.present && p.value.kind != Kind::Infinite) continue;
    SourceLoc loc = p.present ? p.loc : (app.has_oauth_policy ? app.oauth_policy : app.root);
    ctx.report(
        component_of(app), loc, "ConnectedApp/oauthPolicy/refreshTokenPolicy", "",
        fmt::format("The app can get refresh tokens and {}: {}",
                    p.present ? "refreshTokenPolicy is infinite" : "has no refreshTokenPolicy, which means infinite",
                    kFix));
  }
  for (const auto& app : model.external_client_apps) {
    if (!grants_refresh_tokens(eca_scopes(app))) continue;
    for (const auto* policy_file : app.oauth_policies) {
      const auto& p = policy_file->refresh_token_policy;
      if (!p.present && ctx.notes) {
        ctx.notes->push_back(fmt::format(
            "{}: External Client App {} can get refresh tokens, but its OAuth policies have no "
            "refreshTokenPolicyType; Salesforce documents no default, so CA301 and CA302 could not check it",
            model.files[static_cast<std::size_t>(policy_file->file)].display_path, app.name));
      }
      if (!p.present || p.value.kind != Kind::Infinite) continue;  // absent: no documented default to assume
      ctx.report(component_of(app), p.loc, "ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType", "",
                 "The app can get refresh tokens and refreshTokenPolicyType is Infinite: a stolen refresh token "
                 "stays valid until someone revokes it; use SpecificInactivity with 30 Days, or a bounded "
                 "SpecificLifetime");
    }
  }
}

namespace {

/// The limit that applies to a policy's mode, or nullptr when the mode has none.
const Duration* limit_for(const RefreshPolicy& p, const Policy& policy) {
  if (p.kind == Kind::SpecificLifetime) return &policy.max_lifetime;
  if (p.kind == Kind::SpecificInactivity) return &policy.max_inactivity;
  return nullptr;
}

std::string too_long_message(const RefreshPolicy& p, const Duration& limit, bool eca) {
  bool lifetime = p.kind == Kind::SpecificLifetime;
  return fmt::format("Refresh tokens {} {} ({}), beyond the policy's {} limit of {}; shorten it to at most {}",
                     lifetime ? "live for" : "survive inactivity of", describe(p, eca), format_hours(p.hours),
                     lifetime ? "lifetime" : "inactivity", format_hours(limit.hours), format_hours(limit.hours));
}

}  // namespace

void refresh_token_too_long(const Export& model, const Policy& policy, RuleContext& ctx) {
  for (const auto& app : model.connected_apps) {
    const auto& p = app.refresh_token_policy;
    if (!p.present || !grants_refresh_tokens(app.scopes)) continue;
    const Duration* limit = limit_for(p.value, policy);
    if (!limit || p.value.hours <= limit->hours) continue;
    ctx.report(component_of(app), p.loc, "ConnectedApp/oauthPolicy/refreshTokenPolicy", "",
               too_long_message(p.value, *limit, false));
  }
  for (const auto& app : model.external_client_apps) {
    if (!grants_refresh_tokens(eca_scopes(app))) continue;
    for (const auto* policy_file : app.oauth_policies) {
      const auto& p = policy_file->refresh_token_policy;
      if (!p.present) continue;
      const Duration* limit = limit_for(p.value, policy);
      if (!limit || p.value.hours <= limit->hours) continue;
      ctx.report(component_of(app), p.loc, "ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType", "",
                 too_long_message(p.value, *limit, true));
    }
  }
}

}  // namespace calint::rules
