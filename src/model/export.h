#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "model/access.h"
#include "model/common.h"
#include "model/connected_app.h"
#include "model/external_client_app.h"
#include "model/settings.h"
#include "model/usage.h"

namespace calint {

/// An ECA sub-file of any kind: its type and its position in the export's list of that type.
struct SubFileRef {
  MetaType type = MetaType::EcaOauthSettings;
  std::uint32_t index = 0;
};

/// Everything read from one export (one PATH on the command line).
struct Export {
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
  std::vector<EcaOauthSecurity> eca_oauth_security;
  std::vector<EcaSamlPolicy> eca_saml_policies;
  std::vector<MyDomainSettings> my_domain;
  std::vector<OauthOidcSettings> oauth_oidc;
  std::vector<ConnectedAppSettings> connected_app_settings;
  std::vector<SecuritySettings> security;
  std::vector<ExternalClientAppSettings> external_client_app_settings;
  std::vector<Profile> profiles;
  std::vector<PermissionSet> permission_sets;

  std::vector<SubFileRef> eca_orphans;     ///< sub-files whose app is not in the export
  std::vector<SubFileRef> eca_duplicates;  ///< a second sub-file of one kind for one app

  std::vector<LoadIssue> issues;            ///< CA000
  std::vector<SecretSite> secrets;          ///< CA401, from every file but profiles and permission sets
  std::vector<CustomMatch> custom_matches;  ///< nodes the policy's custom rules selected, in file order
  /// The org's OAuth tokens (`--usage`), when given: CA701, CA702, CA103's message, the inventory.
  UsageRef usage;

  /// Calls `f(list)` for every component list above, in this order: the one place that enumerates
  /// them, so adding a metadata type means adding its list here and nowhere else in the model.
  template <class F>
  void for_each_list(F&& f) {
    each_list(*this, f);
  }
  template <class F>
  void for_each_list(F&& f) const {
    each_list(*this, f);
  }

  /// The list holding components of type T.
  template <class T>
  std::vector<T>& list() {
    return list_of<T>(*this);
  }
  template <class T>
  const std::vector<T>& list() const {
    return list_of<T>(*this);
  }

  /// Appends a component to its list.
  template <class T>
  void add(T&& component) {
    list<std::decay_t<T>>().push_back(std::forward<T>(component));
  }

  template <class T>
  const T& operator[](Ref<T> ref) const {
    return list<T>()[ref.index];
  }
  [[nodiscard]] const EcaSubFile& operator[](SubFileRef ref) const;

  [[nodiscard]] const ExportFile& file(int index) const { return files[static_cast<std::size_t>(index)]; }

  [[nodiscard]] bool has_org_settings_other_than_my_domain() const {
    return !oauth_oidc.empty() || !connected_app_settings.empty() || !security.empty() ||
           !external_client_app_settings.empty();
  }

 private:
  template <class Self, class F>
  static void each_list(Self& self, F&& f) {
    f(self.connected_apps);
    f(self.external_client_apps);
    f(self.eca_oauth_settings);
    f(self.eca_global_oauth);
    f(self.eca_oauth_policies);
    f(self.eca_policies);
    f(self.eca_oauth_security);
    f(self.eca_saml_policies);
    f(self.my_domain);
    f(self.oauth_oidc);
    f(self.connected_app_settings);
    f(self.security);
    f(self.external_client_app_settings);
    f(self.profiles);
    f(self.permission_sets);
  }

  template <class T, class Self>
  static auto& list_of(Self& self) {
    using List = std::conditional_t<std::is_const_v<Self>, const std::vector<T>, std::vector<T>>;
    List* found = nullptr;
    each_list(self, [&](auto& l) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(l)>, std::vector<T>>) found = &l;
    });
    return *found;
  }
};

}  // namespace calint
