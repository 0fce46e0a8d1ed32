// Readers of org settings (model/settings.h).
#include "load/read_context.h"

namespace calint::load {

void read_my_domain(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<MyDomainSettings>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str<MyDomainSettings>({&MyDomainSettings::my_domain_name}, c, name, ctx.decoder, s)) {
      read_bool<MyDomainSettings>(
          {&MyDomainSettings::can_only_login_with_my_domain_url, &MyDomainSettings::does_api_login_require_org_domain},
          c, name, ctx.decoder, s, MyDomainSettings::kRoot);
    }
  });
  ctx.out.add(std::move(s));
}

void read_oauth_oidc(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<OauthOidcSettings>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    read_bool<OauthOidcSettings>(
        {&OauthOidcSettings::block_unpw_flow, &OauthOidcSettings::block_user_agent_flow,
         &OauthOidcSettings::is_pkce_required, &OauthOidcSettings::code_credential_flow_enabled},
        c, name, ctx.decoder, s, OauthOidcSettings::kRoot);
  });
  ctx.out.add(std::move(s));
}

void read_connected_app_settings(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<ConnectedAppSettings>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    read_bool<ConnectedAppSettings>({&ConnectedAppSettings::admin_approved_apps_only,
                                     &ConnectedAppSettings::admin_approved_apps_only_for_external_user},
                                    c, name, ctx.decoder, s, ConnectedAppSettings::kRoot);
  });
  ctx.out.add(std::move(s));
}

void read_security(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<SecuritySettings>();
  Decoder& d = ctx.decoder;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "networkAccess") {
      for_each_element(c, [&](pugi::xml_node g, std::string_view gname) {
        if (gname == "ipRanges") {
          s.trusted_ranges.push_back(d.range(g, "SecuritySettings/networkAccess/ipRanges/start",
                                             "SecuritySettings/networkAccess/ipRanges/end"));
        }
      });
    } else if (name == "sessionSettings") {
      for_each_element(c, [&](pugi::xml_node g, std::string_view gname) {
        if (!read_str<SecuritySettings>({&SecuritySettings::session_timeout}, g, gname, d, s)) {
          read_bool<SecuritySettings>(
              {&SecuritySettings::lock_sessions_to_ip, &SecuritySettings::enforce_ip_ranges_every_request}, g, gname, d,
              s, "SecuritySettings/sessionSettings");
        }
      });
    }
  });
  ctx.out.add(std::move(s));
}

void read_eca_settings(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<ExternalClientAppSettings>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    read_bool<ExternalClientAppSettings>({&ExternalClientAppSettings::enable_external_client_apps}, c, name,
                                         ctx.decoder, s, ExternalClientAppSettings::kRoot);
  });
  ctx.out.add(std::move(s));
}

}  // namespace calint::load
