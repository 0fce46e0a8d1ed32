#pragma once
// Profiles and permission sets: read as context (names and labels that apps' assignments name, and
// the few user permissions and IP ranges rules check), never kept whole.
#include <string>
#include <string_view>
#include <vector>

#include "model/common.h"

namespace calint {

/// The few user permissions rules care about.
struct Permissions {
  bool api_enabled = false, api_user_only = false, use_any_api_client = false, approve_uninstalled_apps = false,
       manage_connected_apps = false, view_client_secret = false;
};

struct Profile : ComponentFile {
  static constexpr MetaType kType = MetaType::Profile;
  static constexpr std::string_view kRoot = "Profile";
  static constexpr std::string_view kComponentType = "Profile";
  std::string display_name;  ///< the name connected apps use in profileName
  Permissions permissions;
  std::vector<IpRange> login_ip_ranges;
};

struct PermissionSet : ComponentFile {
  static constexpr MetaType kType = MetaType::PermissionSet;
  static constexpr std::string_view kRoot = "PermissionSet";
  static constexpr std::string_view kComponentType = "PermissionSet";
  Field<std::string> label{"PermissionSet/label"};
  Permissions permissions;
};

}  // namespace calint
