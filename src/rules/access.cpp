#include "rules/access.h"

#include <algorithm>

#include "core/text.h"

namespace calint::rules {

std::string holder_name(const Holder& h) {
  return (h.component.type == "Profile" ? "Profile " : "Permission set ") + h.component.name;
}

std::string remove_or_allow(const Holder& h) {
  return std::string("remove it, or allow this ") + (h.component.type == "Profile" ? "profile" : "permission set") +
         " under permissions.allow in the policy if the grant is deliberate";
}

bool allowed_holder(const StringListMap& allow, std::string_view permission, const Holder& h) {
  auto it = allow.find(permission);
  if (it == allow.end()) return false;
  const std::string name = to_lower(h.component.name);
  const std::string label = to_lower(h.component.label);
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& pattern) {
    const std::string p = to_lower(pattern);
    return glob_match(p, name) || (!label.empty() && glob_match(p, label));
  });
}

}  // namespace calint::rules
