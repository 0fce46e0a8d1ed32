#pragma once
#include <string_view>
#include <vector>

#include "model/common.h"

namespace calint {

/// A Connected App (`X.connectedApp[-meta.xml]`). Every field knows its element path; absent
/// fields keep Salesforce's documented default (isAdminApproved absent = self-authorize,
/// refreshTokenPolicy absent = infinite, ipRelaxation absent = ENFORCE).
struct ConnectedApp : ComponentFile {
  static constexpr MetaType kType = MetaType::ConnectedApp;
  static constexpr std::string_view kRoot = "ConnectedApp";
  static constexpr std::string_view kComponentType = "ConnectedApp";

  Field<std::string> label{"ConnectedApp/label"}, contact_email{"ConnectedApp/contactEmail"},
      contact_phone{"ConnectedApp/contactPhone"}, description{"ConnectedApp/description"},
      info_url{"ConnectedApp/infoUrl"}, logo_url{"ConnectedApp/logoUrl"}, icon_url{"ConnectedApp/iconUrl"},
      start_url{"ConnectedApp/startUrl"}, mobile_start_url{"ConnectedApp/mobileStartUrl"},
      plugin{"ConnectedApp/plugin"}, plugin_execution_user{"ConnectedApp/pluginExecutionUser"};
  std::vector<IpRange> ip_ranges;
  std::vector<Field<std::string>> profile_names;         ///< ConnectedApp/profileName, one per element
  std::vector<Field<std::string>> permission_set_names;  ///< ConnectedApp/permissionSetName

  // oauthConfig
  bool has_oauth_config = false;
  SourceLoc oauth_config;
  std::vector<Field<std::string>> callback_urls;  ///< one per line of the callbackUrl element
  Field<std::string> certificate{"ConnectedApp/oauthConfig/certificate"},
      consumer_key{"ConnectedApp/oauthConfig/consumerKey"},
      oauth_client_credential_user{"ConnectedApp/oauthConfig/oauthClientCredentialUser"},
      oauth_single_logout_url{"ConnectedApp/oauthConfig/singleLogoutUrl"};
  Field<bool> is_admin_approved{"ConnectedApp/oauthConfig/isAdminApproved"},
      is_client_credential_enabled{"ConnectedApp/oauthConfig/isClientCredentialEnabled"},
      is_code_credential_enabled{"ConnectedApp/oauthConfig/isCodeCredentialEnabled"},
      is_code_credential_post_only{"ConnectedApp/oauthConfig/isCodeCredentialPostOnly"},
      is_consumer_secret_optional{"ConnectedApp/oauthConfig/isConsumerSecretOptional"},
      is_introspect_all_tokens{"ConnectedApp/oauthConfig/isIntrospectAllTokens"},
      is_named_user_jwt_enabled{"ConnectedApp/oauthConfig/isNamedUserJwtEnabled"},
      is_pkce_required{"ConnectedApp/oauthConfig/isPkceRequired"},
      is_refresh_token_rotation_enabled{"ConnectedApp/oauthConfig/isRefreshTokenRotationEnabled"},
      is_secret_required_for_refresh_token{"ConnectedApp/oauthConfig/isSecretRequiredForRefreshToken", true},
      is_secret_required_for_token_exchange{"ConnectedApp/oauthConfig/isSecretRequiredForTokenExchange"},
      is_token_exchange_enabled{"ConnectedApp/oauthConfig/isTokenExchangeEnabled"};
  std::vector<Field<std::string>> scopes;  ///< ConnectedApp/oauthConfig/scopes, one per element
  /// `certificate` decoded (JWT bearer): every certificate it holds, or why it could not be read.
  DecodedCertificates certificates;

  // oauthPolicy
  bool has_oauth_policy = false;
  SourceLoc oauth_policy;
  Field<IpRelaxation> ip_relaxation{"ConnectedApp/oauthPolicy/ipRelaxation"};
  Field<RefreshPolicy> refresh_token_policy{"ConnectedApp/oauthPolicy/refreshTokenPolicy"};
  Field<std::string> policy_single_logout_url{"ConnectedApp/oauthPolicy/singleLogoutUrl"};
  Field<bool> is_token_exchange_flow_enabled{"ConnectedApp/oauthPolicy/isTokenExchangeFlowEnabled"};

  // sessionPolicy
  bool has_session_policy = false;
  SourceLoc session_policy;
  Field<std::string> policy_action{"ConnectedApp/sessionPolicy/policyAction"},
      session_level{"ConnectedApp/sessionPolicy/sessionLevel"};
  Field<long long> session_timeout{"ConnectedApp/sessionPolicy/sessionTimeout"};

  // samlConfig / canvasConfig
  bool has_saml_config = false;
  SourceLoc saml_config;
  Field<std::string> saml_acs_url{"ConnectedApp/samlConfig/acsUrl"},
      saml_entity_url{"ConnectedApp/samlConfig/entityUrl"}, saml_issuer{"ConnectedApp/samlConfig/issuer"},
      saml_signing_algo{"ConnectedApp/samlConfig/samlSigningAlgoType"},
      saml_subject_type{"ConnectedApp/samlConfig/samlSubjectType"},
      saml_name_id_format{"ConnectedApp/samlConfig/samlNameIdFormat"},
      saml_encryption_type{"ConnectedApp/samlConfig/encryptionType"},
      saml_certificate{"ConnectedApp/samlConfig/certificate"};
  bool has_canvas_config = false;
  SourceLoc canvas_config;
  Field<std::string> canvas_url{"ConnectedApp/canvasConfig/canvasUrl"},
      canvas_access_method{"ConnectedApp/canvasConfig/accessMethod"};

  std::vector<ExtraValue> extra;  ///< every other element with a value, by path
};

}  // namespace calint
