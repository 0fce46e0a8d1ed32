#include "load/readers.h"

#include <utility>

#include <fmt/format.h>

#include "core/text.h"

namespace calint::load {

namespace {

template <class T>
using BoolTable = std::initializer_list<std::pair<std::string_view, Field<bool> T::*>>;
template <class T>
using StrTable = std::initializer_list<std::pair<std::string_view, Field<std::string> T::*>>;

// Elements are few; a linear scan over a short table beats building maps per file.
template <class T>
bool read_bool_from(BoolTable<T> table, pugi::xml_node c, std::string_view name, Reader& r, T& target,
                    std::string_view parent) {
  for (const auto& [element, member] : table) {
    if (element == name) {
      r.boolean(c, target.*member, parent.empty() ? std::string(name) : fmt::format("{}/{}", parent, name));
      return true;
    }
  }
  return false;
}

template <class T>
bool read_str_from(StrTable<T> table, pugi::xml_node c, std::string_view name, Reader& r, T& target) {
  for (const auto& [element, member] : table) {
    if (element == name) {
      r.str(c, target.*member);
      return true;
    }
  }
  return false;
}

template <class F>
void for_each_element(pugi::xml_node parent, F&& f) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element) f(c, local_name(c));
  }
}

/// Keeps an element without a typed field (and everything below it) by path.
void keep_extra(Reader& r, pugi::xml_node c, const std::string& path, std::vector<ExtraValue>& out) {
  if (is_secret_element(local_name(c))) return;
  bool has_children = false;
  for (pugi::xml_node g : c.children()) has_children = has_children || g.type() == pugi::node_element;
  if (has_children) {
    r.extras(c, path, out);
    return;
  }
  ExtraValue e;
  e.path = path;
  r.str(c, e.value);
  out.push_back(std::move(e));
}

/// Refresh-token amounts beyond this are typos or attacks (a million months is 82,000 years); the
/// cap also keeps N x hours-per-unit far from overflow.
constexpr long long kMaxAmount = 1000000;

// Closed values are compared without regard to case: the documentation and real retrieves do not
// always agree (Enforce_RelaxRefresh is documented, Enforce_relaxrefresh is what orgs write), and
// ConnectedApp and ECA spell the same values in different cases (BYPASS_2FACTOR, Bypass_2factor).
bool unit_hours(std::string_view unit, long long& per_unit) {
  if (iequals(unit, "HOURS"))
    per_unit = 1;
  else if (iequals(unit, "DAYS"))
    per_unit = 24;
  else if (iequals(unit, "MONTHS"))
    per_unit = 24LL * 30;
  else
    return false;
  return true;
}

IpRelaxation parse_ip_relaxation(std::string_view v) {
  if (iequals(v, "ENFORCE")) return IpRelaxation::Enforce;
  if (iequals(v, "BYPASS_2FACTOR")) return IpRelaxation::Bypass2Factor;
  if (iequals(v, "BYPASS")) return IpRelaxation::Bypass;
  if (iequals(v, "ENFORCE_RELAXREFRESH")) return IpRelaxation::EnforceRelaxRefresh;
  return IpRelaxation::Invalid;
}

std::string shown(std::string_view v) { return fmt::format("'{}'", shorten_printable(v, 40)); }

void read_oauth_config(pugi::xml_node node, Reader& r, ConnectedApp& app) {
  app.has_oauth_config = true;
  app.oauth_config = r.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (name == "scopes") {
      app.scopes.push_back(Field<std::string>{std::string(value_of(c)), true, r.at(c)});
    } else if (name == "callbackUrl") {
      r.pieces(c, '\n', app.callback_urls);
    } else if (!read_bool_from<ConnectedApp>(
                   {{"isAdminApproved", &ConnectedApp::is_admin_approved},
                    {"isClientCredentialEnabled", &ConnectedApp::is_client_credential_enabled},
                    {"isCodeCredentialEnabled", &ConnectedApp::is_code_credential_enabled},
                    {"isCodeCredentialPostOnly", &ConnectedApp::is_code_credential_post_only},
                    {"isConsumerSecretOptional", &ConnectedApp::is_consumer_secret_optional},
                    {"isIntrospectAllTokens", &ConnectedApp::is_introspect_all_tokens},
                    {"isNamedUserJwtEnabled", &ConnectedApp::is_named_user_jwt_enabled},
                    {"isPkceRequired", &ConnectedApp::is_pkce_required},
                    {"isRefreshTokenRotationEnabled", &ConnectedApp::is_refresh_token_rotation_enabled},
                    {"isSecretRequiredForRefreshToken", &ConnectedApp::is_secret_required_for_refresh_token},
                    {"isSecretRequiredForTokenExchange", &ConnectedApp::is_secret_required_for_token_exchange},
                    {"isTokenExchangeEnabled", &ConnectedApp::is_token_exchange_enabled}},
                   c, name, r, app, "oauthConfig") &&
               !read_str_from<ConnectedApp>({{"certificate", &ConnectedApp::certificate},
                                             {"consumerKey", &ConnectedApp::consumer_key},
                                             {"oauthClientCredentialUser", &ConnectedApp::oauth_client_credential_user},
                                             {"singleLogoutUrl", &ConnectedApp::oauth_single_logout_url}},
                                            c, name, r, app)) {
      keep_extra(r, c, fmt::format("oauthConfig/{}", name), app.extra);
    }
  });
}

void read_oauth_policy(pugi::xml_node node, Reader& r, ConnectedApp& app) {
  app.has_oauth_policy = true;
  app.oauth_policy = r.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    // An empty closed field (<ipRelaxation></ipRelaxation>) is unset, like an empty boolean: the
    // documented default applies and the rules about absent values speak.
    if (value_of(c).empty() && (name == "ipRelaxation" || name == "refreshTokenPolicy")) return;
    if (name == "ipRelaxation") {
      std::string_view v = value_of(c);
      app.ip_relaxation = Field<IpRelaxation>{parse_ip_relaxation(v), true, r.at(c)};
      if (app.ip_relaxation.value == IpRelaxation::Invalid) {
        r.issue(c,
                fmt::format("oauthPolicy/ipRelaxation has unknown value {}; accepted: ENFORCE, BYPASS_2FACTOR, "
                            "BYPASS, ENFORCE_RELAXREFRESH",
                            shown(v)),
                "oauthPolicy/ipRelaxation");
      }
    } else if (name == "refreshTokenPolicy") {
      std::string_view v = value_of(c);
      app.refresh_token_policy = Field<RefreshPolicy>{parse_refresh_token_policy(v), true, r.at(c)};
      if (app.refresh_token_policy.value.kind == RefreshPolicy::Kind::Invalid) {
        r.issue(c,
                fmt::format("oauthPolicy/refreshTokenPolicy has unknown value {}; accepted: zero, infinite, "
                            "specific_lifetime:N:UNIT, specific_inactivity:N:UNIT (N a whole number from 1 to 1000000, "
                            "UNIT one of HOURS, DAYS, MONTHS)",
                            shown(v)),
                "oauthPolicy/refreshTokenPolicy");
      }
    } else if (name == "singleLogoutUrl") {
      r.str(c, app.policy_single_logout_url);
    } else if (name == "isTokenExchangeFlowEnabled") {
      r.boolean(c, app.is_token_exchange_flow_enabled, "oauthPolicy/isTokenExchangeFlowEnabled");
    } else {
      keep_extra(r, c, fmt::format("oauthPolicy/{}", name), app.extra);
    }
  });
}

void read_session_policy(pugi::xml_node node, Reader& r, ConnectedApp& app) {
  app.has_session_policy = true;
  app.session_policy = r.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (name == "policyAction")
      r.str(c, app.policy_action);
    else if (name == "sessionLevel")
      r.str(c, app.session_level);
    else if (name == "sessionTimeout")
      r.integer(c, app.session_timeout, "sessionPolicy/sessionTimeout");
    else
      keep_extra(r, c, fmt::format("sessionPolicy/{}", name), app.extra);
  });
}

void read_saml_config(pugi::xml_node node, Reader& r, ConnectedApp& app) {
  app.has_saml_config = true;
  app.saml_config = r.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str_from<ConnectedApp>({{"acsUrl", &ConnectedApp::saml_acs_url},
                                      {"entityUrl", &ConnectedApp::saml_entity_url},
                                      {"issuer", &ConnectedApp::saml_issuer},
                                      {"samlSigningAlgoType", &ConnectedApp::saml_signing_algo},
                                      {"samlSubjectType", &ConnectedApp::saml_subject_type},
                                      {"samlNameIdFormat", &ConnectedApp::saml_name_id_format},
                                      {"encryptionType", &ConnectedApp::saml_encryption_type},
                                      {"certificate", &ConnectedApp::saml_certificate}},
                                     c, name, r, app)) {
      keep_extra(r, c, fmt::format("samlConfig/{}", name), app.extra);
    }
  });
}

void read_canvas_config(pugi::xml_node node, Reader& r, ConnectedApp& app) {
  app.has_canvas_config = true;
  app.canvas_config = r.at(node);
  for_each_element(node, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str_from<ConnectedApp>(
            {{"canvasUrl", &ConnectedApp::canvas_url}, {"accessMethod", &ConnectedApp::canvas_access_method}}, c, name,
            r, app)) {
      keep_extra(r, c, fmt::format("canvasConfig/{}", name), app.extra);
    }
  });
}

/// Reads the `externalClientApplication` and `label` every ECA sub-file has; false for other elements.
bool read_sub_file_common(pugi::xml_node c, std::string_view name, Reader& r, EcaSubFile& s) {
  if (name == "externalClientApplication") {
    r.str(c, s.parent);
    return true;
  }
  if (name == "label") {
    r.str(c, s.label);
    return true;
  }
  return false;
}

void check_parent(pugi::xml_node root, Reader& r, EcaSubFile& s) {
  if (!s.parent.present || s.parent.value.empty()) {
    r.issue(root,
            fmt::format("{} has no externalClientApplication element, so it belongs to no External Client App",
                        local_name(root)),
            "externalClientApplication");
  }
}

void read_eca_bool(pugi::xml_node c, Reader& r, Field<bool>& f, std::string_view root, std::string_view name) {
  r.boolean(c, f, fmt::format("{}/{}", root, name));
}

}  // namespace

RefreshPolicy parse_refresh_token_policy(std::string_view text) {
  RefreshPolicy p;
  if (iequals(text, "zero")) {
    p.kind = RefreshPolicy::Kind::Zero;
    return p;
  }
  if (iequals(text, "infinite")) {
    p.kind = RefreshPolicy::Kind::Infinite;
    return p;
  }
  p.kind = RefreshPolicy::Kind::Invalid;
  auto first = text.find(':');
  if (first == std::string_view::npos) return p;
  auto second = text.find(':', first + 1);
  if (second == std::string_view::npos) return p;
  std::string_view mode = text.substr(0, first);
  auto amount = parse_uint(text.substr(first + 1, second - first - 1));
  std::string_view unit = text.substr(second + 1);
  long long per_unit = 0;
  if (!amount || *amount == 0 || *amount > kMaxAmount || !unit_hours(unit, per_unit)) {
    return p;
  }
  if (iequals(mode, "specific_lifetime"))
    p.kind = RefreshPolicy::Kind::SpecificLifetime;
  else if (iequals(mode, "specific_inactivity"))
    p.kind = RefreshPolicy::Kind::SpecificInactivity;
  else
    return p;
  p.amount = *amount;
  p.unit = std::string(unit);
  p.hours = *amount * per_unit;
  return p;
}

std::string profile_display_name(std::string_view api_name) {
  // Standard profiles whose file name differs from the English display name Salesforce shows
  // (and writes into ConnectedApp profileName). Every other profile's file name is its display
  // name, URL-encoded.
  static constexpr std::pair<std::string_view, std::string_view> kStandard[] = {
      {"Admin", "System Administrator"},
      {"Standard", "Standard User"},
      {"ReadOnly", "Read Only"},
      {"SolutionManager", "Solution Manager"},
      {"MarketingProfile", "Marketing User"},
      {"ContractManager", "Contract Manager"},
      {"StandardAul", "Standard Platform User"},
      {"HighVolumePortal", "High Volume Customer Portal"},
      {"PlatformPortal", "Authenticated Website"},
  };
  for (const auto& [file, display] : kStandard) {
    if (api_name == file) return std::string(display);
  }
  return url_decode(api_name);
}

void read_connected_app(pugi::xml_node root, Reader& r, ConnectedApp& app) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "oauthConfig")
      read_oauth_config(c, r, app);
    else if (name == "oauthPolicy")
      read_oauth_policy(c, r, app);
    else if (name == "sessionPolicy")
      read_session_policy(c, r, app);
    else if (name == "samlConfig")
      read_saml_config(c, r, app);
    else if (name == "canvasConfig")
      read_canvas_config(c, r, app);
    else if (name == "profileName")
      app.profile_names.push_back(Field<std::string>{std::string(value_of(c)), true, r.at(c)});
    else if (name == "permissionSetName")
      app.permission_set_names.push_back(Field<std::string>{std::string(value_of(c)), true, r.at(c)});
    else if (name == "ipRanges")
      app.ip_ranges.push_back(r.range(c, "start", "end"));
    else if (!read_str_from<ConnectedApp>({{"label", &ConnectedApp::label},
                                           {"contactEmail", &ConnectedApp::contact_email},
                                           {"contactPhone", &ConnectedApp::contact_phone},
                                           {"description", &ConnectedApp::description},
                                           {"infoUrl", &ConnectedApp::info_url},
                                           {"logoUrl", &ConnectedApp::logo_url},
                                           {"iconUrl", &ConnectedApp::icon_url},
                                           {"startUrl", &ConnectedApp::start_url},
                                           {"mobileStartUrl", &ConnectedApp::mobile_start_url},
                                           {"plugin", &ConnectedApp::plugin},
                                           {"pluginExecutionUser", &ConnectedApp::plugin_execution_user}},
                                          c, name, r, app)) {
      keep_extra(r, c, std::string(name), app.extra);
    }
  });
  // Empty <profileName></profileName> is how a deploy clears the list: it assigns nothing.
  std::erase_if(app.profile_names, [](const Field<std::string>& f) { return f.value.empty(); });
  std::erase_if(app.permission_set_names, [](const Field<std::string>& f) { return f.value.empty(); });
  std::erase_if(app.scopes, [](const Field<std::string>& f) { return f.value.empty(); });
}

void read_eca_header(pugi::xml_node root, Reader& r, ExternalClientApp& app) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "label")
      r.str(c, app.label);
    else if (name == "contactEmail")
      r.str(c, app.contact_email);
    else if (name == "distributionState")
      r.str(c, app.distribution_state);
    else if (name == "isProtected")
      read_eca_bool(c, r, app.is_protected, "ExternalClientApplication", name);
  });
}

void read_eca_oauth_settings(pugi::xml_node root, Reader& r, EcaOauthSettings& s) {
  s.kind = MetaType::EcaOauthSettings;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_sub_file_common(c, name, r, s)) return;
    if (name == "commaSeparatedOauthScopes") {
      r.str(c, s.scopes_text);
      r.pieces(c, ',', s.scopes);
    } else if (name == "trustedIpRanges") {
      s.trusted_ip_ranges.push_back(r.range(c, "startIpAddress", "endIpAddress"));
    } else if (name == "isFirstPartyAppEnabled") {
      read_eca_bool(c, r, s.is_first_party_app_enabled, "ExtlClntAppOauthSettings", name);
    }
  });
  check_parent(root, r, s);
}

void read_eca_global_oauth(pugi::xml_node root, Reader& r, EcaGlobalOauth& s) {
  s.kind = MetaType::EcaGlobalOauth;
  s.is_pkce_required.value = true;                      // documented ECA default
  s.is_secret_required_for_refresh_token.value = true;  // documented default
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_sub_file_common(c, name, r, s)) return;
    if (name == "callbackUrl") {
      r.pieces(c, '\n', s.callback_urls);
    } else if (name == "certificate") {
      r.str(c, s.certificate);
    } else if (name == "consumerKey") {
      r.str(c, s.consumer_key);
    } else {
      read_bool_from<EcaGlobalOauth>(
          {{"isClientCredentialsFlowEnabled", &EcaGlobalOauth::is_client_credentials_flow_enabled},
           {"isCodeCredFlowEnabled", &EcaGlobalOauth::is_code_cred_flow_enabled},
           {"isCodeCredPostOnly", &EcaGlobalOauth::is_code_cred_post_only},
           {"isConsumerSecretOptional", &EcaGlobalOauth::is_consumer_secret_optional},
           {"isDeviceFlowEnabled", &EcaGlobalOauth::is_device_flow_enabled},
           {"isIntrospectAllTokens", &EcaGlobalOauth::is_introspect_all_tokens},
           {"isNamedUserJwtEnabled", &EcaGlobalOauth::is_named_user_jwt_enabled},
           {"isPkceRequired", &EcaGlobalOauth::is_pkce_required},
           {"isRefreshTokenRotationEnabled", &EcaGlobalOauth::is_refresh_token_rotation_enabled},
           {"isSecretRequiredForRefreshToken", &EcaGlobalOauth::is_secret_required_for_refresh_token},
           {"isSecretRequiredForTokenExchange", &EcaGlobalOauth::is_secret_required_for_token_exchange},
           {"isTokenExchangeEnabled", &EcaGlobalOauth::is_token_exchange_enabled}},
          c, name, r, s, "ExtlClntAppGlobalOauthSettings");
    }
  });
  check_parent(root, r, s);
}

void read_eca_oauth_policy(pugi::xml_node root, Reader& r, EcaOauthPolicy& s) {
  s.kind = MetaType::EcaOauthPolicy;
  pugi::xml_node refresh_type_node;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_sub_file_common(c, name, r, s)) return;
    std::string_view v = value_of(c);
    if (v.empty() &&
        (name == "permittedUsersPolicyType" || name == "ipRelaxationPolicyType" || name == "refreshTokenPolicyType")) {
      return;  // unset, as for ConnectedApp closed fields
    }
    if (name == "permittedUsersPolicyType") {
      if (iequals(v, "AllSelfAuthorized") || iequals(v, "AdminApprovedPreAuthorized")) {
        s.self_authorized = Field<bool>{iequals(v, "AllSelfAuthorized"), true, r.at(c)};
      } else {
        s.self_authorized.loc = r.at(c);  // located, no value: CA000 says why
        r.issue(c,
                fmt::format("permittedUsersPolicyType has unknown value {}; accepted: AdminApprovedPreAuthorized, "
                            "AllSelfAuthorized",
                            shown(v)),
                "permittedUsersPolicyType");
      }
    } else if (name == "commaSeparatedProfile") {
      r.str(c, s.profiles_text);
      r.pieces(c, ',', s.profiles);
    } else if (name == "commaSeparatedPermissionSet") {
      r.str(c, s.permission_sets_text);
      r.pieces(c, ',', s.permission_sets);
    } else if (name == "ipRelaxationPolicyType") {
      s.ip_relaxation = Field<IpRelaxation>{parse_ip_relaxation(v), true, r.at(c)};
      if (s.ip_relaxation.value == IpRelaxation::Invalid) {
        r.issue(c,
                fmt::format("ipRelaxationPolicyType has unknown value {}; accepted: Enforce, Bypass, Bypass_2factor, "
                            "Enforce_RelaxRefresh",
                            shown(v)),
                "ipRelaxationPolicyType");
      }
    } else if (name == "refreshTokenPolicyType") {
      refresh_type_node = c;
    } else if (name == "refreshTokenValidityPeriod") {
      r.str(c, s.refresh_validity_period);
    } else if (name == "refreshTokenValidityUnit") {
      r.str(c, s.refresh_validity_unit);
    } else if (name == "isClientCredentialsFlowEnabled") {
      read_eca_bool(c, r, s.is_client_credentials_flow_enabled, "ExtlClntAppOauthConfigurablePolicies", name);
    } else if (name == "clientCredentialsFlowUser") {
      r.str(c, s.client_credentials_flow_user);
    } else if (name == "policyAction") {
      r.str(c, s.policy_action);
    } else if (name == "requiredSessionLevel") {
      r.str(c, s.required_session_level);
    }
  });
  check_parent(root, r, s);
  if (!refresh_type_node) return;

  // refreshTokenPolicyType with refreshTokenValidityPeriod + refreshTokenValidityUnit, normalised
  // to the ConnectedApp form so the refresh-token rules read one shape.
  std::string_view type = value_of(refresh_type_node);
  RefreshPolicy p;
  if (iequals(type, "Infinite"))
    p.kind = RefreshPolicy::Kind::Infinite;
  else if (iequals(type, "Zero"))
    p.kind = RefreshPolicy::Kind::Zero;
  else if (iequals(type, "SpecificLifetime"))
    p.kind = RefreshPolicy::Kind::SpecificLifetime;
  else if (iequals(type, "SpecificInactivity"))
    p.kind = RefreshPolicy::Kind::SpecificInactivity;
  else {
    p.kind = RefreshPolicy::Kind::Invalid;
    r.issue(refresh_type_node,
            fmt::format("refreshTokenPolicyType has unknown value {}; accepted: Infinite, SpecificInactivity, "
                        "SpecificLifetime, Zero",
                        shown(type)),
            "refreshTokenPolicyType");
  }
  if (p.kind == RefreshPolicy::Kind::SpecificLifetime || p.kind == RefreshPolicy::Kind::SpecificInactivity) {
    auto amount = parse_uint(s.refresh_validity_period.value);
    long long per_unit = 0;
    const std::string& unit = s.refresh_validity_unit.value;
    bool unit_ok = unit_hours(unit, per_unit);
    // Point at the bad element when there is one, else at the type that needs it.
    auto invalid = [&](const Field<std::string>& f, std::string_view element, std::string_view expected) {
      p.kind = RefreshPolicy::Kind::Invalid;
      r.issue_at(f.present ? f.loc : r.at(refresh_type_node),
                 fmt::format("refreshTokenPolicyType {} needs {}, {}{}", type, element, expected,
                             f.present ? fmt::format(", found {}", shown(f.value)) : std::string()),
                 std::string(element));
    };
    if (!s.refresh_validity_period.present || !amount || *amount == 0 || *amount > kMaxAmount) {
      invalid(s.refresh_validity_period, "refreshTokenValidityPeriod", "a whole number from 1 to 1000000");
    } else if (!unit_ok) {
      invalid(s.refresh_validity_unit, "refreshTokenValidityUnit", "one of Hours, Days, Months");
    } else {
      p.amount = *amount;
      p.unit = s.refresh_validity_unit.value;
      p.hours = *amount * per_unit;
    }
  }
  s.refresh_token_policy = Field<RefreshPolicy>{p, true, r.at(refresh_type_node)};
}

void read_eca_policy(pugi::xml_node root, Reader& r, EcaPolicy& s) {
  s.kind = MetaType::EcaPolicy;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_sub_file_common(c, name, r, s)) return;
    read_bool_from<EcaPolicy>({{"isEnabled", &EcaPolicy::is_enabled},
                               {"isOauthPluginEnabled", &EcaPolicy::is_oauth_plugin_enabled},
                               {"isSamlPluginEnabled", &EcaPolicy::is_saml_plugin_enabled}},
                              c, name, r, s, "ExtlClntAppConfigurablePolicies");
  });
  check_parent(root, r, s);
}

void read_eca_other(pugi::xml_node root, Reader& r, EcaSubFile& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) { read_sub_file_common(c, name, r, s); });
  check_parent(root, r, s);
}

void read_my_domain(pugi::xml_node root, Reader& r, MyDomainSettings& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "myDomainName")
      r.str(c, s.my_domain_name);
    else
      read_bool_from<MyDomainSettings>(
          {{"canOnlyLoginWithMyDomainUrl", &MyDomainSettings::can_only_login_with_my_domain_url},
           {"doesApiLoginRequireOrgDomain", &MyDomainSettings::does_api_login_require_org_domain}},
          c, name, r, s, "MyDomainSettings");
  });
}

void read_oauth_oidc(pugi::xml_node root, Reader& r, OauthOidcSettings& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    read_bool_from<OauthOidcSettings>({{"blockOAuthUnPwFlow", &OauthOidcSettings::block_unpw_flow},
                                       {"blockOAuthUsrAgtFlow", &OauthOidcSettings::block_user_agent_flow},
                                       {"isPkceRequired", &OauthOidcSettings::is_pkce_required},
                                       {"oAuthCdCrdtFlowEnable", &OauthOidcSettings::code_credential_flow_enabled}},
                                      c, name, r, s, "OauthOidcSettings");
  });
}

void read_connected_app_settings(pugi::xml_node root, Reader& r, ConnectedAppSettings& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    read_bool_from<ConnectedAppSettings>(
        {{"enableAdminApprovedAppsOnly", &ConnectedAppSettings::admin_approved_apps_only},
         {"enableAdminApprovedAppsOnlyForExternalUser",
          &ConnectedAppSettings::admin_approved_apps_only_for_external_user}},
        c, name, r, s, "ConnectedAppSettings");
  });
}

void read_security(pugi::xml_node root, Reader& r, SecuritySettings& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "networkAccess") {
      for_each_element(c, [&](pugi::xml_node g, std::string_view gname) {
        if (gname == "ipRanges") s.trusted_ranges.push_back(r.range(g, "start", "end"));
      });
    } else if (name == "sessionSettings") {
      for_each_element(c, [&](pugi::xml_node g, std::string_view gname) {
        if (gname == "sessionTimeout")
          r.str(g, s.session_timeout);
        else
          read_bool_from<SecuritySettings>(
              {{"lockSessionsToIp", &SecuritySettings::lock_sessions_to_ip},
               {"enforceIpRangesEveryRequest", &SecuritySettings::enforce_ip_ranges_every_request}},
              g, gname, r, s, "SecuritySettings/sessionSettings");
      });
    }
  });
}

void read_eca_settings(pugi::xml_node root, Reader& r, ExternalClientAppSettings& s) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "enableExternalClientApps") {
      r.boolean(c, s.enable_external_client_apps, "ExternalClientAppSettings/enableExternalClientApps");
    }
  });
}

namespace {
void read_user_permission(pugi::xml_node node, Permissions& p) {
  bool enabled = false;
  std::string_view name;
  for_each_element(node, [&](pugi::xml_node c, std::string_view element) {
    if (element == "enabled")
      enabled = value_of(c) == "true";
    else if (element == "name")
      name = value_of(c);
  });
  if (!enabled) return;
  if (name == "ApiEnabled")
    p.api_enabled = true;
  else if (name == "ApiUserOnly")
    p.api_user_only = true;
  else if (name == "UseAnyApiClient")
    p.use_any_api_client = true;
  else if (name == "CanApproveUninstalledApps")
    p.approve_uninstalled_apps = true;
  else if (name == "ManageRemoteAccess")
    p.manage_connected_apps = true;
  else if (name == "ViewClientSecret")
    p.view_client_secret = true;
}
}  // namespace

void read_profile(pugi::xml_node root, Reader& r, Profile& p) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "userPermissions")
      read_user_permission(c, p.permissions);
    else if (name == "loginIpRanges")
      p.login_ip_ranges.push_back(r.range(c, "startAddress", "endAddress"));
  });
}

void read_permission_set(pugi::xml_node root, Reader& r, PermissionSet& p) {
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (name == "label")
      r.str(c, p.label);
    else if (name == "userPermissions")
      read_user_permission(c, p.permissions);
  });
}

}  // namespace calint::load
