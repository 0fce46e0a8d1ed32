#pragma once
// Profiles and permission sets: read as context (names and labels that apps' assignments name, and
// the few user permissions and IP ranges rules check), never kept whole.
#include <string>
#include <string_view>
#include <vector>

#include "model/common.h"

namespace calint {

/// A user permission a profile or permission set enables (`userPermissions` with `enabled` true),
/// located at its `userPermissions` element. Only the permissions rules read are kept
/// (kTrackedPermissions): profiles hold hundreds.
struct PermissionGrant {
  std::string name;  ///< UseAnyApiClient, CanApproveUninstalledApps, ...
  SourceLoc loc;
};

/// The user permissions kept from profiles and permission sets.
inline constexpr std::string_view kTrackedPermissions[] = {
    "ApiEnabled",       "ApiUserOnly",   "UseAnyApiClient", "CanApproveUninstalledApps", "ManageRemoteAccess",
    "ViewClientSecret", "ModifyAllData", "ViewAllData",     "CustomizeApplication",      "ManageUsers",
};

/// What profiles and permission sets share.
struct AccessHolder : ComponentFile {
  std::vector<PermissionGrant> grants;  ///< tracked permissions enabled, in file order
  [[nodiscard]] const PermissionGrant* grant(std::string_view permission) const {
    for (const auto& g : grants) {
      if (g.name == permission) return &g;
    }
    return nullptr;
  }
};

struct Profile : AccessHolder {
  static constexpr MetaType kType = MetaType::Profile;
  static constexpr std::string_view kRoot = "Profile";
  static constexpr std::string_view kComponentType = "Profile";
  std::string display_name;  ///< the name connected apps use in profileName
  std::vector<IpRange> login_ip_ranges;
};

struct PermissionSet : AccessHolder {
  static constexpr MetaType kType = MetaType::PermissionSet;
  static constexpr std::string_view kRoot = "PermissionSet";
  static constexpr std::string_view kComponentType = "PermissionSet";
  Field<std::string> label{"PermissionSet/label"};
};

}  // namespace calint
