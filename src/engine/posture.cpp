#include "engine/posture.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"
#include "engine/diff_table.h"
#include "rules/apps.h"

namespace calint {

namespace {

/// Builds one posture; items are added by key and ranked by the table.
class Builder {
 public:
  explicit Builder(AppPosture& p) : p_(p) {}

  void text(const char* item, const Field<std::string>& f) {
    std::string v(trim(f.value));
    if (!v.empty()) p_.facts[item] = {v, 0};
  }
  void text(const std::string& item, std::string v) {
    if (!v.empty()) p_.facts[item] = {std::move(v), 0};
  }
  /// A flag; absent keeps its documented default (the field's value).
  void flag(const char* item, const Field<bool>& f) { flag(item, f.value); }
  void flag(const char* item, bool on) {
    const DiffItem* info = diff_item(item);
    bool wide = info && info->on_widens ? on : !on;
    p_.facts[item] = {on ? "on" : "off", wide ? 1 : 0};
  }
  void ordered(const char* item, std::string shown, long long rank) { p_.facts[item] = {std::move(shown), rank}; }
  void member(const char* item, std::string key, std::string shown) {
    if (key.empty()) return;
    p_.sets[item].emplace(std::move(key), std::move(shown));
  }
  void members(const char* item, const std::vector<Field<std::string>>& values, bool fold_case) {
    for (const auto& v : values) {
      std::string shown(trim(v.value));
      member(item, fold_case ? to_lower(shown) : shown, shown);
    }
  }

 private:
  AppPosture& p_;
};

/// Scopes compare by their metadata literal, any case; OfflineAccess is what retrieves call
/// RefreshToken.
void scopes(Builder& b, const std::vector<Field<std::string>>& values) {
  for (const auto& s : values) {
    std::string shown(trim(s.value));
    std::string key = to_lower(shown);
    if (key == "offlineaccess") key = "refreshtoken";
    b.member("scope", key, shown);
  }
}

void ip_ranges(Builder& b, const std::vector<IpRange>& ranges) {
  for (const auto& r : ranges) {
    std::string shown = fmt::format("{}–{}", trim(r.start.value), trim(r.end.value));
    b.member("ip-range", to_lower(shown), shown);
  }
}

void ip_relaxation(Builder& b, const Field<IpRelaxation>& f, bool documented_default) {
  if (!f.present) {
    if (f.loc.valid())
      b.ordered("ip-relaxation", "invalid", kUnknownRank);
    else if (documented_default)
      b.ordered("ip-relaxation", "ENFORCE", 0);
    else
      b.ordered("ip-relaxation", "not set", kUnknownRank);
    return;
  }
  switch (f.value) {
    case IpRelaxation::Enforce:
      return b.ordered("ip-relaxation", "ENFORCE", 0);
    case IpRelaxation::Bypass2Factor:
      return b.ordered("ip-relaxation", "BYPASS_2FACTOR", 1);
    case IpRelaxation::EnforceRelaxRefresh:
      return b.ordered("ip-relaxation", "ENFORCE_RELAXREFRESH", 1);
    case IpRelaxation::Bypass:
      return b.ordered("ip-relaxation", "BYPASS", 2);
    case IpRelaxation::Invalid:
      break;
  }
  b.ordered("ip-relaxation", "invalid", kUnknownRank);
}

/// Ranked by the longest a token can live, then by how long it may sit unused.
void refresh_policy(Builder& b, const Field<RefreshPolicy>& f, bool documented_default) {
  constexpr long long kForever = 1'000'000'000'000LL;
  using Kind = RefreshPolicy::Kind;
  if (!f.present) {
    if (documented_default && !f.loc.valid())
      b.ordered("refresh-token-policy", "infinite", 2 * kForever);
    else
      b.ordered("refresh-token-policy", f.loc.valid() ? "invalid" : "not set", kUnknownRank);
    return;
  }
  const RefreshPolicy& p = f.value;
  std::string unit = to_upper(p.unit);
  switch (p.kind) {
    case Kind::Zero:
      return b.ordered("refresh-token-policy", "zero", 0);
    case Kind::Infinite:
      return b.ordered("refresh-token-policy", "infinite", 2 * kForever);
    case Kind::SpecificLifetime:
      return b.ordered("refresh-token-policy", fmt::format("specific_lifetime:{}:{}", p.amount, unit), p.hours);
    case Kind::SpecificInactivity:
      return b.ordered("refresh-token-policy", fmt::format("specific_inactivity:{}:{}", p.amount, unit),
                       kForever + p.hours);
    case Kind::Invalid:
      break;
  }
  b.ordered("refresh-token-policy", "invalid", kUnknownRank);
}

void session(Builder& b, const Field<long long>& timeout, const Field<std::string>& level,
             const Field<std::string>& action) {
  if (timeout.present)
    b.ordered("session-timeout", fmt::format("{} minutes", timeout.value), timeout.value);
  else
    b.ordered("session-timeout", "not set (the org's session settings)", kUnknownRank);
  std::string lvl = to_upper(trim(level.value));
  std::replace(lvl.begin(), lvl.end(), ' ', '_');
  if (lvl.empty()) lvl = "STANDARD";
  b.ordered("session-level", lvl, lvl == "HIGH_ASSURANCE" ? 0 : 1);
  b.text("session-policy-action", action);
}

/// The certificate: decoded, or its text without white space (compared, never shown).
void certificate(AppPosture& p, const Field<std::string>& text, const DecodedCertificates& decoded) {
  std::string compact;
  for (char c : text.value) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
  }
  if (compact.empty()) return;
  p.has_certificate = true;
  p.certificates = decoded.certificates;
  if (decoded.certificates.empty()) p.certificate_text = std::move(compact);
}

/// Secrets of the app's files: their digests, sorted (never shown).
void secrets(Builder& b, const Export& model, const std::vector<int>& files) {
  std::vector<std::string> digests;
  for (const auto& s : model.secrets) {
    if (std::find(files.begin(), files.end(), s.loc.file) != files.end() && !s.private_key) digests.push_back(s.digest);
  }
  std::sort(digests.begin(), digests.end());
  if (!digests.empty()) b.text("consumer-secret", fmt::format("{}", fmt::join(digests, ",")));
}

AppPosture connected_app(const Export& model, const ConnectedApp& ca) {
  AppPosture p;
  p.type = ConnectedApp::kComponentType;
  p.name = ca.name;
  p.label = ca.label.value;
  p.file = ca.file >= 0 ? model.file(ca.file).display_path : std::string();
  Builder b(p);
  b.text("label", ca.label);
  b.text("description", ca.description);
  b.text("contact-email", ca.contact_email);
  b.text("contact-phone", ca.contact_phone);
  b.text("info-url", ca.info_url);
  b.text("logo-url", ca.logo_url);
  b.text("icon-url", ca.icon_url);
  b.text("start-url", ca.start_url);
  b.text("mobile-start-url", ca.mobile_start_url);
  b.text("plugin", ca.plugin);
  b.text("plugin-execution-user", ca.plugin_execution_user);
  b.members("profile", ca.profile_names, true);
  b.members("permission-set", ca.permission_set_names, true);
  ip_ranges(b, ca.ip_ranges);
  session(b, ca.session_timeout, ca.session_level, ca.policy_action);
  if (ca.has_oauth_config) {
    bool invalid = !ca.is_admin_approved.present && ca.is_admin_approved.loc.valid();
    if (invalid)
      b.ordered("permitted-users", "invalid", kUnknownRank);
    else if (ca.is_admin_approved.value)
      b.ordered("permitted-users", "admin-approved", 0);
    else
      b.ordered("permitted-users", "self-authorized", 1);
    scopes(b, ca.scopes);
    b.members("callback-url", ca.callback_urls, false);
    certificate(p, ca.certificate, ca.certificates);
    b.flag("client-credentials", ca.is_client_credential_enabled);
    b.text("client-credentials-user", ca.oauth_client_credential_user);
    b.flag("token-exchange", ca.is_token_exchange_enabled.value || ca.is_token_exchange_flow_enabled.value);
    b.flag("code-credentials", ca.is_code_credential_enabled);
    b.flag("code-credentials-post-only", ca.is_code_credential_post_only);
    b.flag("named-user-jwt", ca.is_named_user_jwt_enabled);
    b.flag("introspect-all-tokens", ca.is_introspect_all_tokens);
    b.flag("pkce", ca.is_pkce_required);
    b.flag("refresh-token-rotation", ca.is_refresh_token_rotation_enabled);
    b.flag("consumer-secret-optional", ca.is_consumer_secret_optional);
    b.flag("secret-for-refresh", ca.is_secret_required_for_refresh_token);
    b.flag("secret-for-token-exchange", ca.is_secret_required_for_token_exchange);
    b.text("consumer-key", ca.consumer_key);
    b.text("single-logout-url", ca.oauth_single_logout_url);
    ip_relaxation(b, ca.ip_relaxation, true);
    refresh_policy(b, ca.refresh_token_policy, true);
  }
  if (ca.has_oauth_policy && !ca.oauth_single_logout_url.present)
    b.text("single-logout-url", ca.policy_single_logout_url);
  if (ca.has_saml_config) {
    b.text("saml",
           fmt::format("acs {} · entity {} · issuer {} · subject {} · name id {} · encryption {}",
                       ca.saml_acs_url.value, ca.saml_entity_url.value, ca.saml_issuer.value,
                       ca.saml_subject_type.value, ca.saml_name_id_format.value, ca.saml_encryption_type.value));
    std::string algo = to_upper(trim(ca.saml_signing_algo.value));
    if (!algo.empty()) b.ordered("saml-signing-algorithm", algo, algo.find("SHA1") != std::string::npos ? 1 : 0);
  }
  if (ca.has_canvas_config)
    b.text("canvas", fmt::format("{} ({})", trim(ca.canvas_url.value), trim(ca.canvas_access_method.value)));
  // Every other element, by path; a repeated element is a set of values (order does not matter).
  std::map<std::string, std::vector<std::string>> extra;
  for (const auto& e : ca.extra) extra["element:" + e.path].emplace_back(trim(e.value.value));
  for (auto& [key, values] : extra) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    p.facts[key] = {fmt::format("{}", fmt::join(values, "; ")), 0};
  }
  secrets(b, model, {ca.file});
  return p;
}

template <class T>
const T* first_part(const Export& model, const std::vector<Ref<T>>& refs) {
  return refs.empty() ? nullptr : &model[refs.front()];
}

AppPosture external_client_app(const Export& model, const ExternalClientApp& eca) {
  AppPosture p;
  rules::App app{&model, nullptr, &eca};
  p.type = ExternalClientApp::kComponentType;
  p.name = eca.name;
  p.label = app.component().label;
  Builder b(p);
  std::vector<int> files{eca.file};
  auto note_files = [&](const auto& refs) {
    for (auto ref : refs) files.push_back(model[ref].file);
  };
  note_files(eca.oauth_settings);
  note_files(eca.global_oauth);
  note_files(eca.oauth_policies);
  note_files(eca.policies);
  note_files(eca.oauth_security);
  note_files(eca.saml_policies);
  int first = eca.file;
  for (int f : files) {
    if (first < 0 || (f >= 0 && f < first)) first = f;
  }
  p.file = eca.file >= 0 ? model.file(eca.file).display_path : first >= 0 ? model.file(first).display_path : "";
  b.text("label", eca.label);
  b.text("contact-email", eca.contact_email);
  b.text("distribution-state", eca.distribution_state);
  if (eca.is_protected.present) b.text("protected", eca.is_protected.value ? "true" : "false");
  scopes(b, app.scopes());
  for (auto ref : eca.oauth_settings) {
    ip_ranges(b, model[ref].trusted_ip_ranges);
    if (model[ref].is_first_party_app_enabled.present) b.flag("first-party-app", model[ref].is_first_party_app_enabled);
  }
  for (auto ref : eca.global_oauth) b.members("callback-url", model[ref].callback_urls, false);
  if (const EcaGlobalOauth* g = first_part(model, eca.global_oauth)) {
    certificate(p, g->certificate, g->certificates);
    b.flag("client-credentials", g->is_client_credentials_flow_enabled);
    b.flag("device-flow", g->is_device_flow_enabled);
    b.flag("token-exchange", g->is_token_exchange_enabled);
    b.flag("code-credentials", g->is_code_cred_flow_enabled);
    b.flag("code-credentials-post-only", g->is_code_cred_post_only);
    b.flag("named-user-jwt", g->is_named_user_jwt_enabled);
    b.flag("introspect-all-tokens", g->is_introspect_all_tokens);
    b.flag("pkce", g->is_pkce_required);
    b.flag("refresh-token-rotation", g->is_refresh_token_rotation_enabled);
    b.flag("consumer-secret-optional", g->is_consumer_secret_optional);
    b.flag("secret-for-refresh", g->is_secret_required_for_refresh_token);
    b.flag("secret-for-token-exchange", g->is_secret_required_for_token_exchange);
    b.text("consumer-key", g->consumer_key);
  }
  if (const EcaOauthPolicy* pol = first_part(model, eca.oauth_policies)) {
    const auto& pu = pol->permitted_users;
    if (pu.present && pu.value == PermittedUsers::AdminApprovedPreAuthorized)
      b.ordered("permitted-users", "admin-approved", 0);
    else if (pu.present && pu.value == PermittedUsers::AllSelfAuthorized)
      b.ordered("permitted-users", "self-authorized", 1);
    else
      b.ordered("permitted-users", pu.loc.valid() ? "invalid" : "not set", kUnknownRank);
    b.members("profile", pol->profiles, true);
    b.members("permission-set", pol->permission_sets, true);
    ip_relaxation(b, pol->ip_relaxation, false);
    refresh_policy(b, pol->refresh_token_policy, false);
    // Either file turns the client credentials flow on.
    if (pol->is_client_credentials_flow_enabled.value) b.flag("client-credentials", true);
    b.text("client-credentials-user", pol->client_credentials_flow_user);
    session(b, pol->session_timeout, pol->required_session_level, pol->policy_action);
  }
  if (const EcaPolicy* pol = first_part(model, eca.policies)) {
    b.flag("app-enabled", pol->is_enabled);
    b.flag("oauth-plugin", pol->is_oauth_plugin_enabled);
    b.flag("saml-plugin", pol->is_saml_plugin_enabled);
  }
  if (const EcaSamlPolicy* saml = first_part(model, eca.saml_policies)) {
    std::string algo = to_upper(trim(saml->signing_algorithm.value));
    if (!algo.empty()) b.ordered("saml-signing-algorithm", algo, algo.find("SHA1") != std::string::npos ? 1 : 0);
  }
  secrets(b, model, files);
  return p;
}

}  // namespace

std::vector<AppPosture> postures(const Export& model) {
  std::vector<AppPosture> out;
  out.reserve(model.connected_apps.size() + model.external_client_apps.size());
  for (const auto& ca : model.connected_apps) out.push_back(connected_app(model, ca));
  for (const auto& eca : model.external_client_apps) out.push_back(external_client_app(model, eca));
  std::stable_sort(out.begin(), out.end(), [](const AppPosture& a, const AppPosture& b) {
    return std::tie(a.name, a.type) < std::tie(b.name, b.type);
  });
  return out;
}

}  // namespace calint
