#pragma once
// What rules about profiles and permission sets share: who holds a permission, and whether the
// policy allows it.
#include <string>
#include <string_view>

#include "core/finding.h"
#include "model/export.h"
#include "policy/policy.h"

namespace calint::rules {

/// A profile or permission set, as rules about grants see it.
struct Holder {
  const AccessHolder* holder = nullptr;
  ComponentRef component;    ///< {"Profile", API name, display name} or {"PermissionSet", API name, label}
  std::string_view element;  ///< "Profile/userPermissions" or "PermissionSet/userPermissions"
};

/// Calls f(const Holder&, const PermissionGrant&) for every profile, then every permission set,
/// that enables `permission`.
template <class F>
void for_each_grant(const Export& model, std::string_view permission, F&& f) {
  for (const auto& p : model.profiles) {
    if (const PermissionGrant* g = p.grant(permission))
      f(Holder{&p, {"Profile", p.name, p.display_name}, "Profile/userPermissions"}, *g);
  }
  for (const auto& p : model.permission_sets) {
    if (const PermissionGrant* g = p.grant(permission)) {
      f(Holder{&p, {"PermissionSet", p.name, p.label.value}, "PermissionSet/userPermissions"}, *g);
    }
  }
}

/// "Profile X" or "Permission set X", for messages.
std::string holder_name(const Holder& h);
/// The end of every grant message: how to fix it, or accept it in the policy.
std::string remove_or_allow(const Holder& h);

/// Whether `permissions.allow` lets this holder have `permission`: one of its names or globs
/// matches the API name, or the display name or label, without regard to case.
bool allowed_holder(const StringListMap& allow, std::string_view permission, const Holder& h);

}  // namespace calint::rules
