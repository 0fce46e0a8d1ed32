#include <fmt/format.h>
#include <set>

#include "core/text.h"
#include "rules/helpers.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

/// Names an assignment may use for what the export holds, compared case-insensitively.
struct Names {
  std::set<std::string> keys;
  std::vector<std::string> shown;  ///< for "did you mean"
  void add(std::string_view name, bool show) {
    if (name.empty()) return;
    keys.insert(to_lower(name));
    if (show) shown.emplace_back(name);
  }
  [[nodiscard]] bool contains(std::string_view name) const { return keys.contains(to_lower(name)); }
};

Names profile_names(const Export& model, const Policy& policy) {
  Names n;
  for (const auto& p : model.profiles) {
    n.add(p.display_name, true);
    n.add(p.name, false);
  }
  for (const auto& [alias, target] : policy.profile_aliases) {
    if (n.contains(target)) n.add(alias, false);
  }
  return n;
}

Names permission_set_names(const Export& model) {
  Names n;
  for (const auto& p : model.permission_sets) {
    n.add(p.label.value, true);
    n.add(p.name, false);
  }
  return n;
}

std::string hint(const Names& names, std::string_view value) {
  auto close = did_you_mean(value, names.shown);
  return close ? fmt::format(" (did you mean '{}'?)", *close) : std::string();
}

/// A Salesforce record id of a profile (00e) or permission set (0PS): 15 or 18 characters.
bool looks_like_id(std::string_view v) {
  if (v.size() != 15 && v.size() != 18) return false;
  for (char c : v) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return v.substr(0, 3) == "00e" || v.substr(0, 3) == "0PS";
}

}  // namespace

void unknown_assignment(const Export& model, const Policy& policy, RuleContext& ctx) {
  const bool check_profiles = !model.profiles.empty();
  const bool check_sets = !model.permission_sets.empty();
  if (!check_profiles && !check_sets) return;
  Names profiles = profile_names(model, policy);
  Names sets = permission_set_names(model);
  constexpr const char* kProfileFix =
      "profileName holds the profile's display name (System Administrator for Admin); add the profile to the "
      "export, correct the name, or map a translated name with profile_aliases in the policy";
  for (const auto& app : model.connected_apps) {
    for (const auto& p : app.profile_names) {
      if (!check_profiles || profiles.contains(p.value)) continue;
      ctx.report(component_of(app), p.loc, "ConnectedApp/profileName", p.value,
                 fmt::format("Assigned profile '{}' is not in the export{}; {}", p.value, hint(profiles, p.value),
                             kProfileFix));
    }
    for (const auto& s : app.permission_set_names) {
      if (!check_sets || sets.contains(s.value)) continue;
      ctx.report(component_of(app), s.loc, "ConnectedApp/permissionSetName", s.value,
                 fmt::format("Assigned permission set '{}' is not in the export{}; permissionSetName holds the "
                             "permission set's label: correct it or add the permission set to the export",
                             s.value, hint(sets, s.value)));
    }
  }
  std::size_t ids = 0;
  for (const auto& app : model.external_client_apps) {
    for (const auto* policy_file : app.oauth_policies) {
      for (const auto& p : policy_file->profiles) {
        if (!check_profiles) break;
        if (looks_like_id(p.value)) {
          ++ids;
          continue;
        }
        if (profiles.contains(p.value)) continue;
        ctx.report(component_of(app), p.loc, "ExtlClntAppOauthConfigurablePolicies/commaSeparatedProfile", p.value,
                   fmt::format("Assigned profile '{}' is not in the export{}; {}", p.value, hint(profiles, p.value),
                               "correct the name, add the profile to the export, or map it with profile_aliases"));
      }
      for (const auto& s : policy_file->permission_sets) {
        if (!check_sets) break;
        if (looks_like_id(s.value)) {
          ++ids;
          continue;
        }
        if (sets.contains(s.value)) continue;
        ctx.report(component_of(app), s.loc, "ExtlClntAppOauthConfigurablePolicies/commaSeparatedPermissionSet",
                   s.value,
                   fmt::format("Assigned permission set '{}' is not in the export{}; correct it or add the permission "
                               "set to the export",
                               s.value, hint(sets, s.value)));
      }
    }
  }
  if (ids > 0 && ctx.notes) {
    ctx.notes->push_back(fmt::format(
        "{}: {} External Client App assignment{} {} Salesforce record ids (00e.../0PS...), which an export cannot "
        "resolve to names; CA105 did not check {}",
        model.root_display, ids, ids == 1 ? "" : "s", ids == 1 ? "is a" : "are", ids == 1 ? "it" : "them"));
  }
}

}  // namespace calint::rules
