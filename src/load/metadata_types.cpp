#include "load/metadata_types.h"

#include <array>

#include "load/read_context.h"

namespace calint::load {

// The readers, one file per family: read_connected_app.cpp, read_eca.cpp, read_settings.cpp,
// read_access.cpp.
void read_connected_app(pugi::xml_node root, ReadContext& ctx);
void read_eca_header(pugi::xml_node root, ReadContext& ctx);
void read_eca_oauth_settings(pugi::xml_node root, ReadContext& ctx);
void read_eca_global_oauth(pugi::xml_node root, ReadContext& ctx);
void read_eca_oauth_policy(pugi::xml_node root, ReadContext& ctx);
void read_eca_policy(pugi::xml_node root, ReadContext& ctx);
void read_eca_oauth_security(pugi::xml_node root, ReadContext& ctx);
void read_eca_saml_policy(pugi::xml_node root, ReadContext& ctx);
void read_my_domain(pugi::xml_node root, ReadContext& ctx);
void read_oauth_oidc(pugi::xml_node root, ReadContext& ctx);
void read_connected_app_settings(pugi::xml_node root, ReadContext& ctx);
void read_security(pugi::xml_node root, ReadContext& ctx);
void read_eca_settings(pugi::xml_node root, ReadContext& ctx);
void read_profile(pugi::xml_node root, ReadContext& ctx);
void read_permission_set(pugi::xml_node root, ReadContext& ctx);
ScanResult scan_profile(ScanContext& ctx);
ScanResult scan_permission_set(ScanContext& ctx);

namespace {

template <class T>
constexpr MetaTypeInfo row(std::string_view suffix, std::string_view folder, std::string_view label, ReadFn read,
                           bool context = false, ScanFn scan = nullptr) {
  return {T::kType, suffix, {}, T::kRoot, T::kComponentType, label, read, context, folder, scan};
}

template <class T>
constexpr MetaTypeInfo settings_row(std::string_view label, ReadFn read) {
  return {T::kType, ".settings", T::kSettingsName, T::kRoot, T::kComponentType, label,
          read,     false,       "settings",       nullptr};
}

// In MetaType order (checked below).
constexpr std::array kTypes = {
    row<ConnectedApp>(".connectedApp", "connectedApps", "Connected App", read_connected_app),
    row<ExternalClientApp>(".eca", "externalClientApps", "External Client App (.eca)", read_eca_header),
    row<EcaOauthSettings>(".ecaOauth", "extlClntAppOauthSettings", "OAuth settings (.ecaOauth)",
                          read_eca_oauth_settings),
    row<EcaGlobalOauth>(".ecaGlblOauth", "extlClntAppGlobalOauthSets", "global OAuth settings (.ecaGlblOauth)",
                        read_eca_global_oauth),
    row<EcaOauthPolicy>(".ecaOauthPlcy", "extlClntAppOauthPolicies", "OAuth policies (.ecaOauthPlcy)",
                        read_eca_oauth_policy),
    row<EcaPolicy>(".ecaPlcy", "extlClntAppPolicies", "policies (.ecaPlcy)", read_eca_policy),
    row<EcaOauthSecurity>(".ecaOauthSecurity", "extlClntAppOauthSecuritySettings",
                          "OAuth security settings (.ecaOauthSecurity)", read_eca_oauth_security),
    row<EcaSamlPolicy>(".ecaSamlPlcy", "extlClntAppSamlConfigurablePolicies", "SAML policies (.ecaSamlPlcy)",
                       read_eca_saml_policy),
    settings_row<MyDomainSettings>("My Domain settings", read_my_domain),
    settings_row<OauthOidcSettings>("OAuth and OpenID Connect settings", read_oauth_oidc),
    settings_row<ConnectedAppSettings>("Connected App settings", read_connected_app_settings),
    settings_row<SecuritySettings>("Security settings", read_security),
    settings_row<ExternalClientAppSettings>("External Client App settings", read_eca_settings),
    row<Profile>(".profile", "profiles", "profile", read_profile, true, scan_profile),
    row<PermissionSet>(".permissionset", "permissionsets", "permission set", read_permission_set, true,
                       scan_permission_set),
};

constexpr bool in_type_order() {
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    if (static_cast<std::size_t>(kTypes[i].type) != i) return false;
  }
  return true;
}
static_assert(in_type_order(), "kTypes rows must follow the MetaType enum");

constexpr std::string_view kMetaXml = "-meta.xml";

}  // namespace

std::span<const MetaTypeInfo> metadata_types() { return kTypes; }

const MetaTypeInfo& type_info(MetaType type) { return kTypes[static_cast<std::size_t>(type)]; }

const MetaTypeInfo* classify_file_name(std::string_view name, std::string* base) {
  std::string_view stem = name;
  if (stem.size() > kMetaXml.size() && stem.substr(stem.size() - kMetaXml.size()) == kMetaXml) {
    stem.remove_suffix(kMetaXml.size());
  }
  auto dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr;
  std::string_view suffix = stem.substr(dot);
  std::string_view stem_base = stem.substr(0, dot);
  for (const auto& t : kTypes) {
    if (t.suffix != suffix || (!t.settings_name.empty() && t.settings_name != stem_base)) continue;
    if (base) *base = std::string(stem_base);
    return &t;
  }
  return nullptr;
}

}  // namespace calint::load
