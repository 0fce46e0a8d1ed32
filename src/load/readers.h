#pragma once
// Internal to load/: one reader per metadata type, from a parsed root element to the model.
#include <pugixml.hpp>

#include "load/xml_support.h"
#include "model/model.h"

namespace calint::load {

void read_connected_app(pugi::xml_node root, Reader& r, ConnectedApp& app);
void read_eca_header(pugi::xml_node root, Reader& r, ExternalClientApp& app);
void read_eca_oauth_settings(pugi::xml_node root, Reader& r, EcaOauthSettings& s);
void read_eca_global_oauth(pugi::xml_node root, Reader& r, EcaGlobalOauth& s);
void read_eca_oauth_policy(pugi::xml_node root, Reader& r, EcaOauthPolicy& s);
void read_eca_policy(pugi::xml_node root, Reader& r, EcaPolicy& s);
void read_eca_other(pugi::xml_node root, Reader& r, EcaSubFile& s);
void read_my_domain(pugi::xml_node root, Reader& r, MyDomainSettings& s);
void read_oauth_oidc(pugi::xml_node root, Reader& r, OauthOidcSettings& s);
void read_connected_app_settings(pugi::xml_node root, Reader& r, ConnectedAppSettings& s);
void read_security(pugi::xml_node root, Reader& r, SecuritySettings& s);
void read_eca_settings(pugi::xml_node root, Reader& r, ExternalClientAppSettings& s);
void read_profile(pugi::xml_node root, Reader& r, Profile& p);
void read_permission_set(pugi::xml_node root, Reader& r, PermissionSet& p);

/// The display name Salesforce uses for a profile whose file (API) name is `api_name`.
std::string profile_display_name(std::string_view api_name);

/// Parses ConnectedApp `refreshTokenPolicy`; Kind::Invalid when it does not follow the grammar.
RefreshPolicy parse_refresh_token_policy(std::string_view text);

}  // namespace calint::load
