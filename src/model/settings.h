#pragma once
// Org settings calint reads (`settings/X.settings[-meta.xml]`). Each is its own metadata type; the
// component is reported as {"type": "Settings", "name": kSettingsName}.
#include <string_view>
#include <vector>

#include "model/common.h"

namespace calint {

struct MyDomainSettings : ComponentFile {
  static constexpr MetaType kType = MetaType::MyDomainSettings;
  static constexpr std::string_view kRoot = "MyDomainSettings";
  static constexpr std::string_view kComponentType = "Settings";
  static constexpr std::string_view kSettingsName = "MyDomain";
  Field<std::string> my_domain_name{"MyDomainSettings/myDomainName"};
  Field<bool> can_only_login_with_my_domain_url{"MyDomainSettings/canOnlyLoginWithMyDomainUrl"},
      does_api_login_require_org_domain{"MyDomainSettings/doesApiLoginRequireOrgDomain"};
};

struct OauthOidcSettings : ComponentFile {
  static constexpr MetaType kType = MetaType::OauthOidcSettings;
  static constexpr std::string_view kRoot = "OauthOidcSettings";
  static constexpr std::string_view kComponentType = "Settings";
  static constexpr std::string_view kSettingsName = "OauthOidc";
  Field<bool> block_unpw_flow{"OauthOidcSettings/blockOAuthUnPwFlow"},
      block_user_agent_flow{"OauthOidcSettings/blockOAuthUsrAgtFlow"},
      is_pkce_required{"OauthOidcSettings/isPkceRequired"},
      code_credential_flow_enabled{"OauthOidcSettings/oAuthCdCrdtFlowEnable"};
};

struct ConnectedAppSettings : ComponentFile {
  static constexpr MetaType kType = MetaType::ConnectedAppSettings;
  static constexpr std::string_view kRoot = "ConnectedAppSettings";
  static constexpr std::string_view kComponentType = "Settings";
  static constexpr std::string_view kSettingsName = "ConnectedApp";
  Field<bool> admin_approved_apps_only{"ConnectedAppSettings/enableAdminApprovedAppsOnly"},
      admin_approved_apps_only_for_external_user{"ConnectedAppSettings/enableAdminApprovedAppsOnlyForExternalUser"};
};

struct SecuritySettings : ComponentFile {
  static constexpr MetaType kType = MetaType::SecuritySettings;
  static constexpr std::string_view kRoot = "SecuritySettings";
  static constexpr std::string_view kComponentType = "Settings";
  static constexpr std::string_view kSettingsName = "Security";
  std::vector<IpRange> trusted_ranges;  ///< networkAccess/ipRanges
  Field<bool> lock_sessions_to_ip{"SecuritySettings/sessionSettings/lockSessionsToIp"},
      enforce_ip_ranges_every_request{"SecuritySettings/sessionSettings/enforceIpRangesEveryRequest"};
  Field<std::string> session_timeout{"SecuritySettings/sessionSettings/sessionTimeout"};
};

struct ExternalClientAppSettings : ComponentFile {
  static constexpr MetaType kType = MetaType::ExternalClientAppSettings;
  static constexpr std::string_view kRoot = "ExternalClientAppSettings";
  static constexpr std::string_view kComponentType = "Settings";
  static constexpr std::string_view kSettingsName = "ExternalClientApp";
  Field<bool> enable_external_client_apps{"ExternalClientAppSettings/enableExternalClientApps"};
};

}  // namespace calint
