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
  /// The app can get refresh tokens: it requests RefreshToken or OfflineAccess, and its refresh
  /// token policy is not `zero` (expire immediately). An ECA without OAuth policies in the export
  /// is assumed to keep them.
  [[nodiscard]] bool can_get_refresh_tokens() const;
  /// The client credentials flow is on: a Connected App's isClientCredentialEnabled; an ECA's
  /// isClientCredentialsFlowEnabled in its global OAuth settings or its OAuth policies.
  [[nodiscard]] bool client_credentials() const;
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

/// The OAuth flow settings a Connected App keeps in oauthConfig and an External Client App in its
/// global OAuth settings file (.ecaGlblOauth), under the same names.
struct FlowSettings {
  App app;
  const EcaGlobalOauth* eca_file;  ///< the ECA's .ecaGlblOauth; null for a Connected App
  const Field<bool>& pkce_required;
  const Field<bool>& consumer_secret_optional;
  const Field<bool>& refresh_token_rotation;
  const Field<bool>& secret_for_refresh_token;
  const Field<bool>& token_exchange;
  const Field<bool>& secret_for_token_exchange;
  const Field<bool>& introspect_all_tokens;
  const Field<std::string>& certificate;
  const DecodedCertificates& certificates;
  const std::vector<Field<std::string>>& callback_urls;
  /// Where a finding about an absent flag points: oauthConfig, or the .ecaGlblOauth root.
  SourceLoc where_absent;

  /// The authorization-code (web server) flow can run: there is a callback URL to send a code to.
  [[nodiscard]] bool code_flow_possible() const { return !callback_urls.empty(); }
  /// The app holds a JWT bearer certificate or has the client credentials flow on: a
  /// server-to-server integration.
  [[nodiscard]] bool server_to_server() const {
    return (certificate.present && !certificate.value.empty()) || app.client_credentials();
  }
};

/// Calls f(const FlowSettings&) for every Connected App with oauthConfig, then every ECA global
/// OAuth settings file.
template <class F>
void for_each_flow_settings(const Export& model, F&& f) {
  for (const App& app : apps(model)) {
    if (app.ca) {
      const ConnectedApp& ca = *app.ca;
      if (!ca.has_oauth_config) continue;
      f(FlowSettings{app, nullptr, ca.is_pkce_required, ca.is_consumer_secret_optional,
                     ca.is_refresh_token_rotation_enabled, ca.is_secret_required_for_refresh_token,
                     ca.is_token_exchange_enabled, ca.is_secret_required_for_token_exchange,
                     ca.is_introspect_all_tokens, ca.certificate, ca.certificates, ca.callback_urls, ca.oauth_config});
      continue;
    }
    for (auto ref : app.eca->global_oauth) {
      const EcaGlobalOauth& g = model[ref];
      f(FlowSettings{app, &g, g.is_pkce_required, g.is_consumer_secret_optional, g.is_refresh_token_rotation_enabled,
                     g.is_secret_required_for_refresh_token, g.is_token_exchange_enabled,
                     g.is_secret_required_for_token_exchange, g.is_introspect_all_tokens, g.certificate, g.certificates,
                     g.callback_urls, g.root});
    }
  }
}

/// "the JWT bearer certificate (CN=x)", or with its position in a bundle.
std::string certificate_name(const CertificateInfo& cert, std::size_t index, std::size_t count);

/// Calls f(const FlowSettings&, const CertificateInfo&, std::string name) for every certificate of
/// every app's JWT bearer `certificate` element; `name` says which, for messages ("the JWT bearer
/// certificate CN=x", "certificate 2 of 3 (CN=y) of the JWT bearer bundle").
template <class F>
void for_each_certificate(const Export& model, F&& f) {
  for_each_flow_settings(model, [&](const FlowSettings& fs) {
    const auto& certs = fs.certificates.certificates;
    for (std::size_t i = 0; i < certs.size(); ++i) {
      f(fs, certs[i], certificate_name(certs[i], i, certs.size()));
    }
  });
}

/// External Client Apps with OAuth settings but no global OAuth settings file (.ecaGlblOauth) in
/// the export, whose flow settings (FlowSettings) therefore cannot be checked. Salesforce advises
/// keeping that file out of source control, so this is common.
std::vector<App> apps_without_flow_settings(const Export& model);

/// Calls f(const App&, const IpRange&) for every IP range of every app: a Connected App's ipRanges,
/// an ECA's trustedIpRanges (in its OAuth settings files).
template <class F>
void for_each_app_ip_range(const Export& model, F&& f) {
  for (const App& app : apps(model)) {
    if (app.ca) {
      for (const auto& r : app.ca->ip_ranges) f(app, r);
      continue;
    }
    for (auto ref : app.eca->oauth_settings) {
      for (const auto& r : model[ref].trusted_ip_ranges) f(app, r);
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

/// The export's OauthOidc settings (the first file, if several), or nullptr.
const OauthOidcSettings* oauth_oidc_settings(const Export& model);
/// The ConnectedApp settings that turn API Access Control on (enableAdminApprovedAppsOnly true),
/// or nullptr when the export holds none.
const ConnectedAppSettings* api_access_control(const Export& model);

/// An element path without its last segment ("ConnectedApp/ipRanges/start" -> "ConnectedApp/ipRanges"),
/// a view of the same static string.
constexpr std::string_view parent_path(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(0, slash);
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
