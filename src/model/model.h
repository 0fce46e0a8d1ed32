#pragma once
#include <string>
#include <vector>

#include "core/source_loc.h"

namespace calint {

/// The metadata types calint reads, decided by file suffix.
enum class MetaType {
  ConnectedApp,
  ExternalClientApp,  // .eca
  EcaOauthSettings,   // .ecaOauth
  EcaGlobalOauth,     // .ecaGlblOauth
  EcaOauthPolicy,     // .ecaOauthPlcy
  EcaPolicy,          // .ecaPlcy
  EcaOauthSecurity,   // .ecaOauthSecurity
  EcaSamlPolicy,      // .ecaSamlPlcy
  Settings,
  Profile,
  PermissionSet,
};

/// ConnectedApp `oauthPolicy/ipRelaxation`, ECA `ipRelaxationPolicyType`. Absent on a
/// ConnectedApp means Enforce (documented default).
enum class IpRelaxation { Enforce, Bypass2Factor, Bypass, EnforceRelaxRefresh, Invalid };

/// A refresh-token policy in either metadata form, normalised.
struct RefreshPolicy {
  enum class Kind { Zero, Infinite, SpecificLifetime, SpecificInactivity, Invalid };
  Kind kind = Kind::Infinite;
  long long amount = 0;  ///< N, for the specific_* kinds
  std::string unit;      ///< "HOURS"/"DAYS"/"MONTHS" (ConnectedApp) or "Hours"/... (ECA)
  long long hours = 0;   ///< N converted to hours (a month is 30 days)
};

/// An IP range (ConnectedApp ipRanges, ECA trustedIpRanges, profile loginIpRanges, org network access).
struct IpRange {
  Field<std::string> start;
  Field<std::string> end;
  SourceLoc loc;
};

/// One element outside the typed fields, kept by path for completeness (e.g.
/// `oauthConfig/idTokenConfig/idTokenValidity`).
struct ExtraValue {
  std::string path;
  Field<std::string> value;
};

/// A problem found while loading a file: reported as CA000.
struct LoadIssue {
  SourceLoc loc;
  std::string message;
  std::string key;  ///< stable key for the fingerprint (e.g. element path), never line numbers
};

/// An element that holds a secret value (its name contains "secret"), wherever it appears. Only
/// where it is: the value never enters the model.
struct SecretSite {
  SourceLoc loc;
  std::string element;  ///< element path, e.g. ConnectedApp/oauthConfig/consumerSecret
};

/// Common head of every component read from one file.
struct ComponentFile {
  std::string name;  ///< API name (the file base name, URL-decoded for profiles)
  int file = -1;     ///< index into Export::files
  SourceLoc root;    ///< the root element
};

struct ConnectedApp : ComponentFile {
  Field<std::string> label, contact_email, contact_phone, description, info_url, logo_url, icon_url, start_url,
      mobile_start_url, plugin, plugin_execution_user;
  std::vector<IpRange> ip_ranges;
  std::vector<Field<std::string>> profile_names;
  std::vector<Field<std::string>> permission_set_names;

  // oauthConfig
  bool has_oauth_config = false;
  SourceLoc oauth_config;
  std::vector<Field<std::string>> callback_urls;  ///< one per line of the callbackUrl element
  Field<std::string> certificate, consumer_key, oauth_client_credential_user, oauth_single_logout_url;
  Field<bool> is_admin_approved, is_client_credential_enabled, is_code_credential_enabled, is_code_credential_post_only,
      is_consumer_secret_optional, is_introspect_all_tokens, is_named_user_jwt_enabled, is_pkce_required,
      is_refresh_token_rotation_enabled, is_secret_required_for_refresh_token, is_secret_required_for_token_exchange,
      is_token_exchange_enabled;
  std::vector<Field<std::string>> scopes;

  // oauthPolicy
  bool has_oauth_policy = false;
  SourceLoc oauth_policy;
  Field<IpRelaxation> ip_relaxation;
  Field<RefreshPolicy> refresh_token_policy;
  Field<std::string> policy_single_logout_url;
  Field<bool> is_token_exchange_flow_enabled;

  // sessionPolicy
  bool has_session_policy = false;
  SourceLoc session_policy;
  Field<std::string> policy_action, session_level;
  Field<long long> session_timeout;

  // samlConfig / canvasConfig
  bool has_saml_config = false;
  SourceLoc saml_config;
  Field<std::string> saml_acs_url, saml_entity_url, saml_issuer, saml_signing_algo, saml_subject_type,
      saml_name_id_format, saml_encryption_type, saml_certificate;
  bool has_canvas_config = false;
  SourceLoc canvas_config;
  Field<std::string> canvas_url, canvas_access_method;

  std::vector<ExtraValue> extra;  ///< every other element with a value, by path
};

/// Fields shared by every ECA sub-file.
struct EcaSubFile : ComponentFile {
  MetaType kind = MetaType::EcaOauthSettings;
  Field<std::string> parent;  ///< externalClientApplication
  Field<std::string> label;
};

struct EcaOauthSettings : EcaSubFile {
  Field<std::string> scopes_text;          ///< commaSeparatedOauthScopes as written
  std::vector<Field<std::string>> scopes;  ///< split, each located at its own token
  std::vector<IpRange> trusted_ip_ranges;
  Field<bool> is_first_party_app_enabled;
};

struct EcaGlobalOauth : EcaSubFile {
  std::vector<Field<std::string>> callback_urls;
  Field<std::string> certificate, consumer_key;
  Field<bool> is_client_credentials_flow_enabled, is_code_cred_flow_enabled, is_code_cred_post_only,
      is_consumer_secret_optional, is_device_flow_enabled, is_introspect_all_tokens, is_named_user_jwt_enabled,
      is_pkce_required, is_refresh_token_rotation_enabled, is_secret_required_for_refresh_token,
      is_secret_required_for_token_exchange, is_token_exchange_enabled;
};

struct EcaOauthPolicy : EcaSubFile {
  /// permittedUsersPolicyType: true = AllSelfAuthorized, false = AdminApprovedPreAuthorized.
  Field<bool> self_authorized;
  bool permitted_users_valid = true;
  Field<std::string> profiles_text, permission_sets_text;
  std::vector<Field<std::string>> profiles, permission_sets;
  Field<IpRelaxation> ip_relaxation;
  Field<RefreshPolicy> refresh_token_policy;  ///< combined from type + period + unit
  Field<std::string> refresh_validity_period, refresh_validity_unit;
  Field<bool> is_client_credentials_flow_enabled;
  Field<std::string> client_credentials_flow_user, policy_action, required_session_level;
};

struct EcaPolicy : EcaSubFile {
  Field<bool> is_enabled, is_oauth_plugin_enabled, is_saml_plugin_enabled;
};

/// An External Client App: the header file joined with every sub-file that names it.
struct ExternalClientApp : ComponentFile {
  /// False for an app known only from sub-files that name it (its .eca file is not in the export):
  /// their settings are still audited, under the app's name, and CA107 reports the missing header.
  bool header_in_export = true;
  Field<std::string> label, contact_email, distribution_state;
  Field<bool> is_protected;
  std::vector<const EcaOauthSettings*> oauth_settings;
  std::vector<const EcaGlobalOauth*> global_oauth;
  std::vector<const EcaOauthPolicy*> oauth_policies;
  std::vector<const EcaPolicy*> policies;
  std::vector<const EcaSubFile*> other;  ///< .ecaOauthSecurity, .ecaSamlPlcy
};

struct MyDomainSettings : ComponentFile {
  Field<std::string> my_domain_name;
  Field<bool> can_only_login_with_my_domain_url, does_api_login_require_org_domain;
};
struct OauthOidcSettings : ComponentFile {
  Field<bool> block_unpw_flow, block_user_agent_flow, is_pkce_required, code_credential_flow_enabled;
};
struct ConnectedAppSettings : ComponentFile {
  Field<bool> admin_approved_apps_only, admin_approved_apps_only_for_external_user;
};
struct SecuritySettings : ComponentFile {
  std::vector<IpRange> trusted_ranges;
  Field<bool> lock_sessions_to_ip, enforce_ip_ranges_every_request;
  Field<std::string> session_timeout;
};
struct ExternalClientAppSettings : ComponentFile {
  Field<bool> enable_external_client_apps;
};

/// The few user permissions rules care about.
struct Permissions {
  bool api_enabled = false, api_user_only = false, use_any_api_client = false, approve_uninstalled_apps = false,
       manage_connected_apps = false, view_client_secret = false;
};

struct Profile : ComponentFile {
  std::string display_name;  ///< the name connected apps use in profileName
  Permissions permissions;
  std::vector<IpRange> login_ip_ranges;
};
struct PermissionSet : ComponentFile {
  Field<std::string> label;
  Permissions permissions;
};

/// One file reached from the input, audited or skipped.
struct ExportFile {
  std::string display_path;  ///< as reached from the path named on the command line
  std::string rel_path;      ///< relative to the export root (fingerprints use this)
  MetaType type = MetaType::ConnectedApp;
  std::string base_name;       ///< file name without the metadata suffix (URL-encoded as on disk)
  std::string component_type;  ///< JSON component type: ConnectedApp, ExternalClientApplication, Settings, ...
  std::string component_name;  ///< API name; for ECA sub-files the parent app once known
  bool loaded = false;         ///< read into a component (false: unreadable, or CA000 stopped it)
};

/// Everything read from one export (one PATH on the command line).
struct Export {
  Export() = default;
  Export(const Export&) = delete;  // ExternalClientApp points into the vectors below
  Export& operator=(const Export&) = delete;
  Export(Export&&) = default;
  Export& operator=(Export&&) = default;
  ~Export() = default;

  std::string root_display;  ///< the PATH as given
  std::vector<ExportFile> files;
  std::size_t files_skipped = 0;
  std::size_t files_unreadable = 0;  ///< listed but could not be read (see the errors)

  std::vector<ConnectedApp> connected_apps;
  std::vector<ExternalClientApp> external_client_apps;
  std::vector<EcaOauthSettings> eca_oauth_settings;
  std::vector<EcaGlobalOauth> eca_global_oauth;
  std::vector<EcaOauthPolicy> eca_oauth_policies;
  std::vector<EcaPolicy> eca_policies;
  std::vector<EcaSubFile> eca_other;
  std::vector<const EcaSubFile*> eca_orphans;     ///< sub-files whose app is not in the export
  std::vector<const EcaSubFile*> eca_duplicates;  ///< a second sub-file of one kind for one app

  std::vector<MyDomainSettings> my_domain;
  std::vector<OauthOidcSettings> oauth_oidc;
  std::vector<ConnectedAppSettings> connected_app_settings;
  std::vector<SecuritySettings> security;
  std::vector<ExternalClientAppSettings> external_client_app_settings;

  std::vector<Profile> profiles;
  std::vector<PermissionSet> permission_sets;

  std::vector<LoadIssue> issues;    ///< CA000
  std::vector<SecretSite> secrets;  ///< CA401, from every file but profiles and permission sets

  [[nodiscard]] bool has_org_settings_other_than_my_domain() const {
    return !oauth_oidc.empty() || !connected_app_settings.empty() || !security.empty() ||
           !external_client_app_settings.empty();
  }
};

}  // namespace calint
