#pragma once
// Internal to engine/: policy entries that match nothing in the audited exports.
#include <string>
#include <vector>

#include "policy/policy.h"

namespace calint {

/// Warns about each per-app policy entry whose API name or glob matches none of `app_names` (every
/// app of every audited export): a `scopes.apps` entry (most likely a typo), an `approved_apps`
/// entry (an app on the register that the org no longer has, or a typo).
///
/// This is the one place for checks about what is *unused* or *missing*: they hold only for whole
/// exports, so a run over part of an export (a list of changed files) must not call it.
void warn_unused_policy_entries(const Policy& policy, const std::vector<std::string>& app_names, std::size_t exports,
                                std::vector<std::string>& warnings);

}  // namespace calint
