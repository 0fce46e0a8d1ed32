#pragma once
// What rules covering Connected Apps and External Client Apps alike share: one view of an app, and
// iterators over the facts both kinds have, so such a rule is one loop, not two.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "model/export.h"

namespace calint::rules {

/// A Connected App or an External Client App.
struct App {
  const Export* model = nullptr;
  const ConnectedApp* ca = nullptr;
  const ExternalClientApp* eca = nullptr;

  [[nodiscard]] bool is_eca() const { return eca != nullptr; }
  [[nodiscard]] const ComponentFile& head() const { return ca ? static_cast<const ComponentFile&>(*ca) : *eca; }
  [[nodiscard]] ComponentRef component() const;
  /// OAuth is configured: a Connected App with oauthConfig; every External Client App.
  [[nodiscard]] bool oauth() const { return eca != nullptr || ca->has_oauth_config; }
  /// Every scope the app requests (an ECA's from each of its OAuth settings files).
  [[nodiscard]] std::vector<Field<std::string>> scopes() const;
};

/// Every Connected App, then every External Client App, each in file order.
std::vector<App> apps(const Export& model);

/// One OAuth access policy: a Connected App's oauthPolicy (with what its oauthConfig says about
/// users), or one External Client App OAuth policies file (.ecaOauthPlcy).
struct AccessPolicy {
  App app;
  const EcaOauthPolicy* eca_file = nullptr;  ///< the ECA policies file; null for a Connected App
  const Field<IpRelaxation>& ip_relaxation;
  const Field<RefreshPolicy>& refresh_token_policy;
  /// Where a finding about an absent setting points: a Connected App's oauthPolicy (or its root
  /// when it has none); the ECA policies file's root.
  SourceLoc where_absent;
  /// Absent settings take Salesforce's documented default (Connected Apps). ECA policies document
  /// none, so a rule that needs an absent ECA value notes that it could not check.
  [[nodiscard]] bool has_documented_defaults() const { return eca_file == nullptr; }
};

/// Calls f(const AccessPolicy&) for every Connected App, then every ECA OAuth policies file.
template <class F>
void for_each_access_policy(const Export& model, F&& f) {
  for (const App& app : apps(model)) {
    if (app.ca) {
      const ConnectedApp& ca = *app.ca;
      f(AccessPolicy{app, nullptr, ca.ip_relaxation, ca.refresh_token_policy,
                     ca.has_oauth_policy ? ca.oauth_policy : ca.root});
      continue;
    }
    for (auto ref : app.eca->oauth_policies) {
      const EcaOauthPolicy& p = model[ref];
      f(AccessPolicy{app, &p, p.ip_relaxation, p.refresh_token_policy, p.root});
    }
  }
}

/// Calls f(const App&, const Field<std::string>& scope) for every scope every app requests.
template <class F>
void for_each_scope(const Export& model, F&& f) {
  for (const App& app : apps(model)) {
    for (const auto& scope : app.scopes()) f(app, scope);
  }
}

/// Calls f(const App&, const Field<std::string>& url) for every callback URL (one per line of a
/// callbackUrl element) of every app.
template <class F>
void for_each_callback(const Export& model, F&& f) {
  for (const App& app : apps(model)) {
    if (app.ca) {
      for (const auto& url : app.ca->callback_urls) f(app, url);
      continue;
    }
    for (auto ref : app.eca->global_oauth) {
      for (const auto& url : model[ref].callback_urls) f(app, url);
    }
  }
}

/// The component a file belongs to (with the app's label when the app is in the export).
ComponentRef component_of_file(const Export& model, int file);

/// The report component of org settings of type S: {"Settings", "MyDomain"}.
template <class S>
ComponentRef settings_component() {
  return {"Settings", std::string(S::kSettingsName), ""};
}

/// Why a boolean setting is not true, for messages: "X is false", "X has no valid value, which
/// means false" (empty or invalid: located, no value) or "X is absent, which means false".
std::string not_true(const Field<bool>& f);

/// A scope by its metadata literal (case-insensitive: metadata literals are case-sensitive, but a
/// mis-cased `full` is still a request for everything).
bool is_scope(std::string_view scope, std::string_view literal);
/// Refresh tokens can be issued (RefreshToken, or OfflineAccess which retrieves rewrite to it).
bool grants_refresh_tokens(const std::vector<Field<std::string>>& scopes);
/// Api, Full, Web or refresh tokens: what makes self-authorization critical.
bool grants_api_or_refresh(const std::vector<Field<std::string>>& scopes);

/// "specific_lifetime:365:DAYS" or "SpecificLifetime 365 Days", as the metadata wrote it.
std::string describe(const RefreshPolicy& p, bool eca);

}  // namespace calint::rules
