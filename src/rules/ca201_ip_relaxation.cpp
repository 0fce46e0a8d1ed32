// CA201 ip-relaxation-unset, CA202 ip-restrictions-bypassed, CA203 ip-restrictions-relaxed: three
#include <fmt/format.h>
// readings of one setting, kept side by side so they cannot drift apart.
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

template <class F>
void for_each_eca_policy(const Export& model, F&& f) {
  for (const auto& app : model.external_client_apps) {
    for (const auto* p : app.oauth_policies) f(app, *p);
  }
}

}  // namespace

void ip_relaxation_unset(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  for (const auto& app : model.connected_apps) {
    if (!app.has_oauth_config || app.ip_relaxation.present) continue;
    SourceLoc loc = app.has_oauth_policy ? app.oauth_policy : app.root;
    ctx.report(component_of(app), loc, "ConnectedApp/oauthPolicy/ipRelaxation", "",
               app.has_oauth_policy
                   ? "OAuth app without an explicit ipRelaxation in oauthPolicy (the default is ENFORCE); set "
                     "ipRelaxation to ENFORCE so the intent is recorded and reviewed"
                   : "OAuth app without an oauthPolicy, so IP relaxation is not stated (the default is ENFORCE); "
                     "add oauthPolicy with ipRelaxation ENFORCE");
  }
  for_each_eca_policy(model, [&](const ExternalClientApp& app, const EcaOauthPolicy& p) {
    if (p.ip_relaxation.present) return;
    ctx.report(component_of(app), p.root, "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType", "",
               "OAuth policies without ipRelaxationPolicyType; set it to Enforce so the intent is recorded and "
               "reviewed");
  });
}

void ip_restrictions_bypassed(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  constexpr const char* kWhy =
      "tokens work from any network, so a stolen token is usable anywhere; enforce IP restrictions and give "
      "the integration's own addresses as trusted ranges";
  for (const auto& app : model.connected_apps) {
    if (app.ip_relaxation.value != IpRelaxation::Bypass) continue;
    ctx.report(component_of(app), app.ip_relaxation.loc, "ConnectedApp/oauthPolicy/ipRelaxation", "",
               fmt::format("ipRelaxation is BYPASS: {}", kWhy));
  }
  for_each_eca_policy(model, [&](const ExternalClientApp& app, const EcaOauthPolicy& p) {
    if (p.ip_relaxation.value != IpRelaxation::Bypass || !p.ip_relaxation.present) return;
    ctx.report(component_of(app), p.ip_relaxation.loc, "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType",
               "", fmt::format("ipRelaxationPolicyType is Bypass: {}", kWhy));
  });
}

void ip_restrictions_relaxed(const Export& model, const Policy& /*policy*/, RuleContext& ctx) {
  auto relaxed = [](IpRelaxation r) {
    return r == IpRelaxation::Bypass2Factor || r == IpRelaxation::EnforceRelaxRefresh;
  };
  for (const auto& app : model.connected_apps) {
    if (!relaxed(app.ip_relaxation.value)) continue;
    bool refresh = app.ip_relaxation.value == IpRelaxation::EnforceRelaxRefresh;
    ctx.report(component_of(app), app.ip_relaxation.loc, "ConnectedApp/oauthPolicy/ipRelaxation", "",
               refresh ? "ipRelaxation is ENFORCE_RELAXREFRESH: refresh tokens are exchanged from any network; "
                         "use ENFORCE"
                       : "ipRelaxation is BYPASS_2FACTOR: IP restrictions are lifted after identity verification or "
                         "inside the app's own IP ranges; use ENFORCE");
  }
  for_each_eca_policy(model, [&](const ExternalClientApp& app, const EcaOauthPolicy& p) {
    if (!p.ip_relaxation.present || !relaxed(p.ip_relaxation.value)) return;
    bool refresh = p.ip_relaxation.value == IpRelaxation::EnforceRelaxRefresh;
    ctx.report(component_of(app), p.ip_relaxation.loc, "ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType",
               "",
               refresh ? "ipRelaxationPolicyType is Enforce_RelaxRefresh: refresh tokens are exchanged from any "
                         "network; use Enforce"
                       : "ipRelaxationPolicyType is Bypass_2factor: IP restrictions are lifted after identity "
                         "verification; use Enforce");
  });
}

}  // namespace calint::rules
