#include "engine/policy_entries.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

namespace calint {

void warn_unused_policy_entries(const Policy& policy, const std::vector<std::string>& app_names, std::size_t exports,
                                std::vector<std::string>& warnings) {
  auto matches_an_app = [&](const std::string& pattern) {
    return std::any_of(app_names.begin(), app_names.end(),
                       [&](const std::string& name) { return glob_match(pattern, name); });
  };
  const char* where = exports == 1 ? "the audited export" : "the audited exports";
  for (const auto& entry : policy.param<AppScopeRules>("scopes.apps")) {
    if (matches_an_app(entry.app)) continue;
    warnings.push_back(fmt::format("{}: warning: scopes.apps entry for '{}' matches no app in {}; check the name",
                                   entry.where, entry.app, where));
  }
  for (const auto& entry : policy.param<ApprovedApps>("approved_apps")) {
    if (matches_an_app(entry.app)) continue;
    warnings.push_back(
        fmt::format("{}: warning: approved_apps entry for '{}' matches no app in {}; remove it if the "
                    "app is gone, or correct the name",
                    entry.where, entry.app, where));
  }
}

}  // namespace calint
