// Reader of Connected Apps (model/connected_app.h).
#include <fmt/format.h>

#include "load/read_context.h"
#include "load/secrets.h"
#include "load/values.h"

namespace calint::load {

namespace {

/// Keeps an element without a typed field (and everything below it) by path.
void keep_extra(Decoder& d, pugi::xml_node c, const std::string& path, std::vector<ExtraValue>& out) {
  if (is_secret_element(local_name(c))) return;
  bool has_children = false;
  for (pugi::xml_node g : c.children()) has_children = has_children || g.type() == pugi::node_element;
  if (has_children) {
    d.extras(c, path, out);
    return;
  }
  ExtraValue e;
  e.path = path;
  d.str(c, e.value);
  out.push_back(std::move(e));
}

void read_oauth_config(pugi::xml_node node, Decoder& d, ConnectedApp& app) {
  app.has_oauth_config = true;
  app.oauth_config = d.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (name == "scopes") {
      d.item(c, "ConnectedApp/oauthConfig/scopes", app.scopes);
    } else if (name == "callbackUrl") {
      d.pieces(c, '\n', "ConnectedApp/oauthConfig/callbackUrl", app.callback_urls);
    } else if (!read_bool<ConnectedApp>(
                   {&ConnectedApp::is_admin_approved, &ConnectedApp::is_client_credential_enabled,
                    &ConnectedApp::is_code_credential_enabled, &ConnectedApp::is_code_credential_post_only,
                    &ConnectedApp::is_consumer_secret_optional, &ConnectedApp::is_introspect_all_tokens,
                    &ConnectedApp::is_named_user_jwt_enabled, &ConnectedApp::is_pkce_required,
                    &ConnectedApp::is_refresh_token_rotation_enabled,
                    &ConnectedApp::is_secret_required_for_refresh_token,
                    &ConnectedApp::is_secret_required_for_token_exchange, &ConnectedApp::is_token_exchange_enabled},
                   c, name, d, app, "oauthConfig") &&
               !read_str<ConnectedApp>(
                   {&ConnectedApp::certificate, &ConnectedApp::consumer_key,
                    &ConnectedApp::oauth_client_credential_user, &ConnectedApp::oauth_single_logout_url},
                   c, name, d, app)) {
      keep_extra(d, c, fmt::format("oauthConfig/{}", name), app.extra);
    }
  });
  decode_certificate(app.certificate, app.certificates);
}

void read_refresh_token_policy(pugi::xml_node c, Decoder& d, ConnectedApp& app) {
  std::string_view v = value_of(c);
  if (v.empty()) return;  // unset, like an empty closed value: the documented default applies
  app.refresh_token_policy.set(parse_refresh_token_policy(v), d.at(c));
  if (app.refresh_token_policy.value.kind != RefreshPolicy::Kind::Invalid) return;
  d.issue(c,
          fmt::format("oauthPolicy/refreshTokenPolicy has unknown value {}; accepted: zero, infinite, "
                      "specific_lifetime:N:UNIT, specific_inactivity:N:UNIT (N a whole number from 1 to 1000000, "
                      "UNIT one of HOURS, DAYS, MONTHS)",
                      quoted(v)),
          std::string(app.refresh_token_policy.element));
}

void read_oauth_policy(pugi::xml_node node, Decoder& d, ConnectedApp& app) {
  app.has_oauth_policy = true;
  app.oauth_policy = d.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (name == "ipRelaxation") {
      d.closed<IpRelaxation>(c, app.ip_relaxation, kConnectedAppIpRelaxation, IpRelaxation::Invalid,
                             "oauthPolicy/ipRelaxation");
    } else if (name == "refreshTokenPolicy") {
      read_refresh_token_policy(c, d, app);
    } else if (name == "singleLogoutUrl") {
      d.str(c, app.policy_single_logout_url);
    } else if (name == "isTokenExchangeFlowEnabled") {
      d.boolean(c, app.is_token_exchange_flow_enabled, "oauthPolicy/isTokenExchangeFlowEnabled");
    } else {
      keep_extra(d, c, fmt::format("oauthPolicy/{}", name), app.extra);
    }
  });
}

void read_session_policy(pugi::xml_node node, Decoder& d, ConnectedApp& app) {
  app.has_session_policy = true;
  app.session_policy = d.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (name == "sessionTimeout")
      d.integer(c, app.session_timeout, "sessionPolicy/sessionTimeout");
    else if (!read_str<ConnectedApp>({&ConnectedApp::policy_action, &ConnectedApp::session_level}, c, name, d, app))
      keep_extra(d, c, fmt::format("sessionPolicy/{}", name), app.extra);
  });
}

void read_saml_config(pugi::xml_node node, Decoder& d, ConnectedApp& app) {
  app.has_saml_config = true;
  app.saml_config = d.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str<ConnectedApp>(
            {&ConnectedApp::saml_acs_url, &ConnectedApp::saml_entity_url, &ConnectedApp::saml_issuer,
             &ConnectedApp::saml_signing_algo, &ConnectedApp::saml_subject_type, &ConnectedApp::saml_name_id_format,
             &ConnectedApp::saml_encryption_type, &ConnectedApp::saml_certificate},
            c, name, d, app)) {
      keep_extra(d, c, fmt::format("samlConfig/{}", name), app.extra);
    }
  });
}

void read_canvas_config(pugi::xml_node node, Decoder& d, ConnectedApp& app) {
  app.has_canvas_config = true;
  app.canvas_config = d.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str<ConnectedApp>({&ConnectedApp::canvas_url, &ConnectedApp::canvas_access_method}, c, name, d, app)) {
      keep_extra(d, c, fmt::format("canvasConfig/{}", name), app.extra);
    }
  });
}

}  // namespace

void read_connected_app(pugi::xml_node root, ReadContext& ctx) {
  auto app = ctx.component<ConnectedApp>();
  Decoder& d = ctx.decoder;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "oauthConfig")
      read_oauth_config(c, d, app);
    else if (name == "oauthPolicy")
      read_oauth_policy(c, d, app);
    else if (name == "sessionPolicy")
      read_session_policy(c, d, app);
    else if (name == "samlConfig")
      read_saml_config(c, d, app);
    else if (name == "canvasConfig")
      read_canvas_config(c, d, app);
    else if (name == "profileName")
      d.item(c, "ConnectedApp/profileName", app.profile_names);
    else if (name == "permissionSetName")
      d.item(c, "ConnectedApp/permissionSetName", app.permission_set_names);
    else if (name == "ipRanges")
      app.ip_ranges.push_back(d.range(c, "ConnectedApp/ipRanges/start", "ConnectedApp/ipRanges/end"));
    else if (!read_str<ConnectedApp>(
                 {&ConnectedApp::label, &ConnectedApp::contact_email, &ConnectedApp::contact_phone,
                  &ConnectedApp::description, &ConnectedApp::info_url, &ConnectedApp::logo_url, &ConnectedApp::icon_url,
                  &ConnectedApp::start_url, &ConnectedApp::mobile_start_url, &ConnectedApp::plugin,
                  &ConnectedApp::plugin_execution_user},
                 c, name, d, app))
      keep_extra(d, c, std::string(name), app.extra);
  });
  // Empty <profileName></profileName> is how a deploy clears the list: it assigns nothing.
  auto empty = [](const Field<std::string>& f) { return f.value.empty(); };
  std::erase_if(app.profile_names, empty);
  std::erase_if(app.permission_set_names, empty);
  std::erase_if(app.scopes, empty);
  ctx.out.add(std::move(app));
}

}  // namespace calint::load
