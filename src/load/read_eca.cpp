// Readers of External Client App files (model/external_client_app.h): the .eca header and each
// sub-file kind. Sub-files are joined to their app later (eca_join.cpp).
#include <fmt/format.h>

#include "core/duration.h"
#include "load/read_context.h"
#include "load/values.h"

namespace calint::load {

namespace {

constexpr std::array<Literal<PermittedUsers>, 2> kPermittedUsers = {{
    {"AdminApprovedPreAuthorized", PermittedUsers::AdminApprovedPreAuthorized},
    {"AllSelfAuthorized", PermittedUsers::AllSelfAuthorized},
}};

constexpr std::array<Literal<RefreshPolicy::Kind>, 4> kRefreshPolicyTypes = {{
    {"Infinite", RefreshPolicy::Kind::Infinite},
    {"SpecificInactivity", RefreshPolicy::Kind::SpecificInactivity},
    {"SpecificLifetime", RefreshPolicy::Kind::SpecificLifetime},
    {"Zero", RefreshPolicy::Kind::Zero},
}};

/// Reads the `externalClientApplication` and `label` every ECA sub-file has; false for other elements.
bool read_common(pugi::xml_node c, std::string_view name, Decoder& d, EcaSubFile& s) {
  if (name == "externalClientApplication") {
    d.str(c, s.parent);
    return true;
  }
  if (name == "label") {
    d.str(c, s.label);
    return true;
  }
  return false;
}

/// Reports a sub-file that names no app, then adds it to the model.
template <class T>
void finish(pugi::xml_node root, ReadContext& ctx, T&& s) {
  if (!s.parent.present || s.parent.value.empty()) {
    ctx.decoder.issue(
        root,
        fmt::format("{} has no externalClientApplication element, so it belongs to no External Client App",
                    local_name(root)),
        std::string(s.parent.element));
  }
  ctx.out.add(std::forward<T>(s));
}

/// refreshTokenPolicyType with refreshTokenValidityPeriod + refreshTokenValidityUnit, normalised
/// to the ConnectedApp form so the refresh-token rules read one shape.
void combine_refresh_policy(pugi::xml_node type_node, Decoder& d, EcaOauthPolicy& s) {
  Field<RefreshPolicy::Kind> kind(s.refresh_token_policy.element);
  d.closed<RefreshPolicy::Kind>(type_node, kind, kRefreshPolicyTypes, RefreshPolicy::Kind::Invalid,
                                "refreshTokenPolicyType");
  if (!kind.present) return;
  RefreshPolicy p;
  p.kind = kind.value;
  if (p.kind == RefreshPolicy::Kind::SpecificLifetime || p.kind == RefreshPolicy::Kind::SpecificInactivity) {
    std::string_view type = value_of(type_node);
    auto amount = parse_uint(s.refresh_validity_period.value);
    auto per_unit = hours_per_unit(s.refresh_validity_unit.value);
    // Point at the bad element when there is one, else at the type that needs it.
    auto invalid = [&](const Field<std::string>& f, std::string_view expected) {
      p.kind = RefreshPolicy::Kind::Invalid;
      d.issue_at(f.present ? f.loc : d.at(type_node),
                 fmt::format("refreshTokenPolicyType {} needs {}, {}{}", type, leaf(f.element), expected,
                             f.present ? fmt::format(", found {}", quoted(f.value)) : std::string()),
                 std::string(f.element));
    };
    if (!s.refresh_validity_period.present || !amount || *amount == 0 || *amount > kMaxDurationAmount) {
      invalid(s.refresh_validity_period, "a whole number from 1 to 1000000");
    } else if (!per_unit) {
      invalid(s.refresh_validity_unit, "one of Hours, Days, Months");
    } else {
      p.amount = *amount;
      p.unit = s.refresh_validity_unit.value;
      p.hours = *amount * *per_unit;
    }
  }
  s.refresh_token_policy.set(p, kind.loc);
}

}  // namespace

void read_eca_header(pugi::xml_node root, ReadContext& ctx) {
  auto app = ctx.component<ExternalClientApp>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (!read_str<ExternalClientApp>(
            {&ExternalClientApp::label, &ExternalClientApp::contact_email, &ExternalClientApp::distribution_state}, c,
            name, ctx.decoder, app)) {
      read_bool<ExternalClientApp>({&ExternalClientApp::is_protected}, c, name, ctx.decoder, app,
                                   ExternalClientApp::kRoot);
    }
  });
  ctx.out.add(std::move(app));
}

void read_eca_oauth_settings(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaOauthSettings>();
  Decoder& d = ctx.decoder;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_common(c, name, d, s)) return;
    if (name == "commaSeparatedOauthScopes") {
      d.str(c, s.scopes_text);
      d.pieces(c, ',', s.scopes_text.element, s.scopes);
    } else if (name == "trustedIpRanges") {
      s.trusted_ip_ranges.push_back(d.range(c, "ExtlClntAppOauthSettings/trustedIpRanges/startIpAddress",
                                            "ExtlClntAppOauthSettings/trustedIpRanges/endIpAddress"));
    } else {
      read_bool<EcaOauthSettings>({&EcaOauthSettings::is_first_party_app_enabled}, c, name, d, s,
                                  EcaOauthSettings::kRoot);
    }
  });
  finish(root, ctx, std::move(s));
}

void read_eca_global_oauth(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaGlobalOauth>();
  Decoder& d = ctx.decoder;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_common(c, name, d, s)) return;
    if (name == "callbackUrl") {
      d.pieces(c, '\n', "ExtlClntAppGlobalOauthSettings/callbackUrl", s.callback_urls);
    } else if (!read_str<EcaGlobalOauth>({&EcaGlobalOauth::certificate, &EcaGlobalOauth::consumer_key}, c, name, d,
                                         s)) {
      read_bool<EcaGlobalOauth>(
          {&EcaGlobalOauth::is_client_credentials_flow_enabled, &EcaGlobalOauth::is_code_cred_flow_enabled,
           &EcaGlobalOauth::is_code_cred_post_only, &EcaGlobalOauth::is_consumer_secret_optional,
           &EcaGlobalOauth::is_device_flow_enabled, &EcaGlobalOauth::is_introspect_all_tokens,
           &EcaGlobalOauth::is_named_user_jwt_enabled, &EcaGlobalOauth::is_pkce_required,
           &EcaGlobalOauth::is_refresh_token_rotation_enabled, &EcaGlobalOauth::is_secret_required_for_refresh_token,
           &EcaGlobalOauth::is_secret_required_for_token_exchange, &EcaGlobalOauth::is_token_exchange_enabled},
          c, name, d, s, EcaGlobalOauth::kRoot);
    }
  });
  decode_certificate(s.certificate, s.certificates);
  finish(root, ctx, std::move(s));
}

void read_eca_oauth_policy(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaOauthPolicy>();
  Decoder& d = ctx.decoder;
  pugi::xml_node refresh_type_node;
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_common(c, name, d, s)) return;
    if (name == "permittedUsersPolicyType") {
      d.closed<PermittedUsers>(c, s.permitted_users, kPermittedUsers, PermittedUsers::Invalid,
                               "permittedUsersPolicyType");
    } else if (name == "commaSeparatedProfile") {
      d.str(c, s.profiles_text);
      d.pieces(c, ',', s.profiles_text.element, s.profiles);
    } else if (name == "commaSeparatedPermissionSet") {
      d.str(c, s.permission_sets_text);
      d.pieces(c, ',', s.permission_sets_text.element, s.permission_sets);
    } else if (name == "ipRelaxationPolicyType") {
      d.closed<IpRelaxation>(c, s.ip_relaxation, kEcaIpRelaxation, IpRelaxation::Invalid, "ipRelaxationPolicyType");
    } else if (name == "refreshTokenPolicyType") {
      refresh_type_node = c;  // read once its period and unit are known
    } else if (name == "sessionTimeoutInMinutes") {
      d.integer(c, s.session_timeout, "sessionTimeoutInMinutes");
    } else if (!read_str<EcaOauthPolicy>(
                   {&EcaOauthPolicy::refresh_validity_period, &EcaOauthPolicy::refresh_validity_unit,
                    &EcaOauthPolicy::client_credentials_flow_user, &EcaOauthPolicy::policy_action,
                    &EcaOauthPolicy::required_session_level},
                   c, name, d, s)) {
      read_bool<EcaOauthPolicy>({&EcaOauthPolicy::is_client_credentials_flow_enabled}, c, name, d, s,
                                EcaOauthPolicy::kRoot);
    }
  });
  if (refresh_type_node) combine_refresh_policy(refresh_type_node, d, s);
  finish(root, ctx, std::move(s));
}

void read_eca_policy(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaPolicy>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (read_common(c, name, ctx.decoder, s)) return;
    read_bool<EcaPolicy>(
        {&EcaPolicy::is_enabled, &EcaPolicy::is_oauth_plugin_enabled, &EcaPolicy::is_saml_plugin_enabled}, c, name,
        ctx.decoder, s, EcaPolicy::kRoot);
  });
  finish(root, ctx, std::move(s));
}

void read_eca_oauth_security(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaOauthSecurity>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) { read_common(c, name, ctx.decoder, s); });
  finish(root, ctx, std::move(s));
}

void read_eca_saml_policy(pugi::xml_node root, ReadContext& ctx) {
  auto s = ctx.component<EcaSamlPolicy>();
  for_each_element(root, [&](pugi::xml_node c, std::string_view name) {
    if (!read_common(c, name, ctx.decoder, s))
      read_str<EcaSamlPolicy>({&EcaSamlPolicy::signing_algorithm}, c, name, ctx.decoder, s);
  });
  finish(root, ctx, std::move(s));
}

}  // namespace calint::load
