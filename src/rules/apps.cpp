#include "rules/apps.h"

#include <fmt/format.h>

#include "core/text.h"

namespace calint::rules {

ComponentRef App::component() const {
  if (ca) return {std::string(ConnectedApp::kComponentType), ca->name, ca->label.value};
  return {std::string(ExternalClientApp::kComponentType), eca->name, eca->label.value};
}

std::vector<Field<std::string>> App::scopes() const {
  if (ca) return ca->scopes;
  std::vector<Field<std::string>> out;
  for (auto ref : eca->oauth_settings) {
    const auto& settings = (*model)[ref];
    out.insert(out.end(), settings.scopes.begin(), settings.scopes.end());
  }
  return out;
}

bool App::can_get_refresh_tokens() const {
  if (!grants_refresh_tokens(scopes())) return false;
  if (ca)
    return !(ca->refresh_token_policy.present && ca->refresh_token_policy.value.kind == RefreshPolicy::Kind::Zero);
  if (eca->oauth_policies.empty()) return true;
  for (auto ref : eca->oauth_policies) {
    const auto& p = (*model)[ref].refresh_token_policy;
    if (!p.present || p.value.kind != RefreshPolicy::Kind::Zero) return true;
  }
  return false;
}

bool App::client_credentials() const {
  if (ca) return ca->is_client_credential_enabled.value;
  for (auto ref : eca->global_oauth) {
    if ((*model)[ref].is_client_credentials_flow_enabled.value) return true;
  }
  for (auto ref : eca->oauth_policies) {
    if ((*model)[ref].is_client_credentials_flow_enabled.value) return true;
  }
  return false;
}

std::vector<App> apps_without_flow_settings(const Export& model) {
  std::vector<App> out;
  for (const App& app : apps(model)) {
    if (app.eca && app.eca->global_oauth.empty() && !app.eca->oauth_settings.empty()) out.push_back(app);
  }
  return out;
}

std::string certificate_name(const CertificateInfo& cert, std::size_t index, std::size_t count) {
  std::string subject = cert.subject.empty() ? std::string("no subject") : cert.subject;
  if (count == 1) return fmt::format("The JWT bearer certificate ({})", subject);
  return fmt::format("Certificate {} of {} in the JWT bearer certificate bundle ({})", index + 1, count, subject);
}

const OauthOidcSettings* oauth_oidc_settings(const Export& model) {
  return model.oauth_oidc.empty() ? nullptr : &model.oauth_oidc.front();
}

const ConnectedAppSettings* api_access_control(const Export& model) {
  for (const auto& s : model.connected_app_settings) {
    if (s.admin_approved_apps_only.value) return &s;
  }
  return nullptr;
}

std::vector<App> apps(const Export& model) {
  std::vector<App> out;
  out.reserve(model.connected_apps.size() + model.external_client_apps.size());
  for (const auto& ca : model.connected_apps) out.push_back(App{&model, &ca, nullptr});
  for (const auto& eca : model.external_client_apps) out.push_back(App{&model, nullptr, &eca});
  return out;
}

ComponentRef component_of_file(const Export& model, int file) {
  const ExportFile& f = model.file(file);
  if (f.type == MetaType::ConnectedApp) {
    for (const auto& app : model.connected_apps) {
      if (app.file == file) return App{&model, &app, nullptr}.component();
    }
  } else if (f.component_type == ExternalClientApp::kComponentType) {
    for (const auto& app : model.external_client_apps) {
      if (app.name == f.component_name) return App{&model, nullptr, &app}.component();
    }
  }
  return {std::string(f.component_type), f.component_name, ""};
}

std::string not_true(const Field<bool>& f) {
  std::string_view name = leaf(f.element);
  if (f.present) return fmt::format("{} is false", name);
  if (f.loc.valid()) return fmt::format("{} has no valid value, which means false", name);
  return fmt::format("{} is absent, which means false", name);
}

bool is_scope(std::string_view scope, std::string_view literal) { return iequals(scope, literal); }

bool grants_refresh_tokens(const std::vector<Field<std::string>>& scopes) {
  for (const auto& s : scopes) {
    if (is_scope(s.value, "RefreshToken") || is_scope(s.value, "OfflineAccess")) return true;
  }
  return false;
}

bool grants_api_or_refresh(const std::vector<Field<std::string>>& scopes) {
  for (const auto& s : scopes) {
    if (is_scope(s.value, "Api") || is_scope(s.value, "Full") || is_scope(s.value, "Web")) return true;
  }
  return grants_refresh_tokens(scopes);
}

std::string describe(const RefreshPolicy& p, bool eca) {
  using K = RefreshPolicy::Kind;
  switch (p.kind) {
    case K::Zero:
      return eca ? "Zero" : "zero";
    case K::Infinite:
      return eca ? "Infinite" : "infinite";
    case K::SpecificLifetime:
      return eca ? fmt::format("SpecificLifetime {} {}", p.amount, p.unit)
                 : fmt::format("specific_lifetime:{}:{}", p.amount, p.unit);
    case K::SpecificInactivity:
      return eca ? fmt::format("SpecificInactivity {} {}", p.amount, p.unit)
                 : fmt::format("specific_inactivity:{}:{}", p.amount, p.unit);
    case K::Invalid:
      return "(invalid)";
  }
  return {};
}

}  // namespace calint::rules
