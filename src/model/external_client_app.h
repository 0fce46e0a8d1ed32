#pragma once
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/common.h"

namespace calint {

/// ECA `permittedUsersPolicyType`.
enum class PermittedUsers { AdminApprovedPreAuthorized, AllSelfAuthorized, Invalid };

/// Fields shared by every External Client App sub-file. Sub-files are joined to their app through
/// externalClientApplication, never through file names.
struct EcaSubFile : ComponentFile {
  /// Findings about a sub-file are about its app.
  static constexpr std::string_view kComponentType = "ExternalClientApplication";
  /// Each kind passes the paths of these elements under its own root element.
  EcaSubFile(const char* parent_path, const char* label_path) : parent(parent_path), label(label_path) {}
  /// The app this file belongs to (`Root/externalClientApplication`).
  Field<std::string> parent;
  Field<std::string> label;
};

struct EcaOauthSettings : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaOauthSettings;
  static constexpr std::string_view kRoot = "ExtlClntAppOauthSettings";
  EcaOauthSettings()
      : EcaSubFile("ExtlClntAppOauthSettings/externalClientApplication", "ExtlClntAppOauthSettings/label") {}
  Field<std::string> scopes_text{"ExtlClntAppOauthSettings/commaSeparatedOauthScopes"};  ///< as written
  std::vector<Field<std::string>> scopes;  ///< split, each located at its own token
  std::vector<IpRange> trusted_ip_ranges;
  Field<bool> is_first_party_app_enabled{"ExtlClntAppOauthSettings/isFirstPartyAppEnabled"};
};

struct EcaGlobalOauth : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaGlobalOauth;
  static constexpr std::string_view kRoot = "ExtlClntAppGlobalOauthSettings";
  EcaGlobalOauth()
      : EcaSubFile("ExtlClntAppGlobalOauthSettings/externalClientApplication", "ExtlClntAppGlobalOauthSettings/label") {
  }
  std::vector<Field<std::string>> callback_urls;  ///< one per line of callbackUrl
  Field<std::string> certificate{"ExtlClntAppGlobalOauthSettings/certificate"},
      consumer_key{"ExtlClntAppGlobalOauthSettings/consumerKey"};
  /// `certificate` decoded (JWT bearer): every certificate it holds, or why it could not be read.
  DecodedCertificates certificates;
  Field<bool> is_client_credentials_flow_enabled{"ExtlClntAppGlobalOauthSettings/isClientCredentialsFlowEnabled"},
      is_code_cred_flow_enabled{"ExtlClntAppGlobalOauthSettings/isCodeCredFlowEnabled"},
      is_code_cred_post_only{"ExtlClntAppGlobalOauthSettings/isCodeCredPostOnly"},
      is_consumer_secret_optional{"ExtlClntAppGlobalOauthSettings/isConsumerSecretOptional"},
      is_device_flow_enabled{"ExtlClntAppGlobalOauthSettings/isDeviceFlowEnabled"},
      is_introspect_all_tokens{"ExtlClntAppGlobalOauthSettings/isIntrospectAllTokens"},
      is_named_user_jwt_enabled{"ExtlClntAppGlobalOauthSettings/isNamedUserJwtEnabled"},
      is_pkce_required{"ExtlClntAppGlobalOauthSettings/isPkceRequired", true},  // documented ECA default
      is_refresh_token_rotation_enabled{"ExtlClntAppGlobalOauthSettings/isRefreshTokenRotationEnabled"},
      is_secret_required_for_refresh_token{"ExtlClntAppGlobalOauthSettings/isSecretRequiredForRefreshToken", true},
      is_secret_required_for_token_exchange{"ExtlClntAppGlobalOauthSettings/isSecretRequiredForTokenExchange"},
      is_token_exchange_enabled{"ExtlClntAppGlobalOauthSettings/isTokenExchangeEnabled"};
};

struct EcaOauthPolicy : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaOauthPolicy;
  static constexpr std::string_view kRoot = "ExtlClntAppOauthConfigurablePolicies";
  EcaOauthPolicy()
      : EcaSubFile("ExtlClntAppOauthConfigurablePolicies/externalClientApplication",
                   "ExtlClntAppOauthConfigurablePolicies/label") {}
  /// Absent: Salesforce documents no default, so rules that need it say they could not check.
  Field<PermittedUsers> permitted_users{"ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType"};
  Field<std::string> profiles_text{"ExtlClntAppOauthConfigurablePolicies/commaSeparatedProfile"},
      permission_sets_text{"ExtlClntAppOauthConfigurablePolicies/commaSeparatedPermissionSet"};
  std::vector<Field<std::string>> profiles, permission_sets;  ///< split, each located at its own token
  Field<IpRelaxation> ip_relaxation{"ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType"};
  /// refreshTokenPolicyType, combined with the period and unit below into the ConnectedApp form.
  Field<RefreshPolicy> refresh_token_policy{"ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType"};
  Field<std::string> refresh_validity_period{"ExtlClntAppOauthConfigurablePolicies/refreshTokenValidityPeriod"},
      refresh_validity_unit{"ExtlClntAppOauthConfigurablePolicies/refreshTokenValidityUnit"};
  Field<bool> is_client_credentials_flow_enabled{"ExtlClntAppOauthConfigurablePolicies/isClientCredentialsFlowEnabled"};
  Field<std::string> client_credentials_flow_user{"ExtlClntAppOauthConfigurablePolicies/clientCredentialsFlowUser"},
      policy_action{"ExtlClntAppOauthConfigurablePolicies/policyAction"},
      required_session_level{"ExtlClntAppOauthConfigurablePolicies/requiredSessionLevel"};
  /// Minutes; absent means the session lasts as long as the org's or profile's session settings say.
  Field<long long> session_timeout{"ExtlClntAppOauthConfigurablePolicies/sessionTimeoutInMinutes"};
};

struct EcaPolicy : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaPolicy;
  static constexpr std::string_view kRoot = "ExtlClntAppConfigurablePolicies";
  EcaPolicy()
      : EcaSubFile("ExtlClntAppConfigurablePolicies/externalClientApplication",
                   "ExtlClntAppConfigurablePolicies/label") {}
  Field<bool> is_enabled{"ExtlClntAppConfigurablePolicies/isEnabled"},
      is_oauth_plugin_enabled{"ExtlClntAppConfigurablePolicies/isOauthPluginEnabled"},
      is_saml_plugin_enabled{"ExtlClntAppConfigurablePolicies/isSamlPluginEnabled"};
};

struct EcaOauthSecurity : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaOauthSecurity;
  static constexpr std::string_view kRoot = "ExtlClntAppOauthSecuritySettings";
  EcaOauthSecurity()
      : EcaSubFile("ExtlClntAppOauthSecuritySettings/externalClientApplication",
                   "ExtlClntAppOauthSecuritySettings/label") {}
};

struct EcaSamlPolicy : EcaSubFile {
  static constexpr MetaType kType = MetaType::EcaSamlPolicy;
  static constexpr std::string_view kRoot = "ExtlClntAppSamlConfigurablePolicies";
  EcaSamlPolicy()
      : EcaSubFile("ExtlClntAppSamlConfigurablePolicies/externalClientApplication",
                   "ExtlClntAppSamlConfigurablePolicies/label") {}
  /// SHA1 or SHA256; Salesforce documents no default.
  Field<std::string> signing_algorithm{"ExtlClntAppSamlConfigurablePolicies/signingAlgorithmType"};
};

/// An External Client App: the header file joined with every sub-file that names it.
struct ExternalClientApp : ComponentFile {
  static constexpr MetaType kType = MetaType::ExternalClientApp;
  static constexpr std::string_view kRoot = "ExternalClientApplication";
  static constexpr std::string_view kComponentType = "ExternalClientApplication";

  /// False for an app known only from sub-files that name it (its .eca file is not in the export):
  /// their settings are still audited, under the app's name, and CA107 reports the missing header.
  bool header_in_export = true;
  Field<std::string> label{"ExternalClientApplication/label"}, contact_email{"ExternalClientApplication/contactEmail"},
      distribution_state{"ExternalClientApplication/distributionState"};
  Field<bool> is_protected{"ExternalClientApplication/isProtected"};
  std::vector<Ref<EcaOauthSettings>> oauth_settings;
  std::vector<Ref<EcaGlobalOauth>> global_oauth;
  std::vector<Ref<EcaOauthPolicy>> oauth_policies;
  std::vector<Ref<EcaPolicy>> policies;
  std::vector<Ref<EcaOauthSecurity>> oauth_security;
  std::vector<Ref<EcaSamlPolicy>> saml_policies;

  /// The sub-files of kind T joined to this app, in file order.
  template <class T>
  std::vector<Ref<T>>& parts() {
    if constexpr (std::is_same_v<T, EcaOauthSettings>) return oauth_settings;
    if constexpr (std::is_same_v<T, EcaGlobalOauth>) return global_oauth;
    if constexpr (std::is_same_v<T, EcaOauthPolicy>) return oauth_policies;
    if constexpr (std::is_same_v<T, EcaPolicy>) return policies;
    if constexpr (std::is_same_v<T, EcaOauthSecurity>) return oauth_security;
    if constexpr (std::is_same_v<T, EcaSamlPolicy>) return saml_policies;
  }
};

}  // namespace calint
