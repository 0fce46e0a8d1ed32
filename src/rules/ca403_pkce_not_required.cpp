// CA403 pkce-not-required.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

/// What the org-wide setting says, for the message; empty when it requires PKCE.
std::string org_wide(const OauthOidcSettings* org) {
  if (!org) return " and the org-wide setting was not seen (the export has no OauthOidc settings)";
  if (org->is_pkce_required.value) return {};
  return fmt::format(", nor does the org (OauthOidc settings: {})", not_true(org->is_pkce_required));
}

/// External Client Apps whose flow settings are not in the export: one note for every rule that
/// reads them.
void note_unseen_flow_settings(RuleContext& ctx) {
  const auto unseen = apps_without_flow_settings(ctx.model());
  if (unseen.empty()) return;
  std::vector<std::string> names;
  names.reserve(unseen.size());
  for (const App& app : unseen) names.push_back(app.head().name);
  ctx.note(fmt::format(
      "{}: {} External Client App{} ({}) {} OAuth settings but no global OAuth settings file (.ecaGlblOauth) in the "
      "export (Salesforce advises keeping it out of source control); the checks that read it (CA303, CA304, CA403, "
      "CA404, CA406, CA407, CA409-CA412, CA414) could not check {}",
      ctx.model().root_display, unseen.size(), unseen.size() == 1 ? "" : "s", fmt::join(names, ", "),
      unseen.size() == 1 ? "has" : "have", unseen.size() == 1 ? "it" : "them"));
}

}  // namespace

void pkce_not_required(RuleContext& ctx) {
  const Export& model = ctx.model();
  note_unseen_flow_settings(ctx);
  const std::string org = org_wide(oauth_oidc_settings(model));
  if (org.empty()) return;  // required org-wide: every app's authorization-code flows need PKCE
  for_each_flow_settings(model, [&](const FlowSettings& fs) {
    if (fs.pkce_required.value || !fs.code_flow_possible()) return;
    if (fs.consumer_secret_optional.value) return;  // CA404, at critical
    if (fs.server_to_server()) return;              // JWT bearer / client credentials: no authorization code
    ctx.report(fs.app.component(), at(fs.pkce_required, fs.where_absent),
               fmt::format("The app does not require PKCE ({}){}: an authorization code that leaks or is injected "
                           "is not tied to the client session that asked for it (the OAuth 2.0 Security BCP, RFC "
                           "9700, expects PKCE from every client); set isPkceRequired to true, or require PKCE "
                           "org-wide in the OauthOidc settings; flows other than the web server flow are unaffected",
                           not_true(fs.pkce_required), org));
  });
}

}  // namespace calint::rules
