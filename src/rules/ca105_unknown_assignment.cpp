// CA105 unknown-assignment.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/parallel.h"
#include "core/suggest.h"
#include "core/text.h"
#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

namespace {

/// Names an assignment may use for what the export holds, compared case-insensitively.
struct Names {
  std::set<std::string> keys;
  std::vector<std::string> shown;    ///< for "did you mean"
  std::vector<std::string> unknown;  ///< names to suggest for, gathered before the report
  std::map<std::string, std::optional<std::string>, std::less<>> suggested;  ///< by suggest_all
  void add(std::string_view name, bool show) {
    if (name.empty()) return;
    keys.insert(to_lower(name));
    if (show) shown.emplace_back(name);
  }
  [[nodiscard]] bool contains(std::string_view name) const { return keys.contains(to_lower(name)); }
  /// The suggestions for every unknown name, on up to `jobs` threads (each lookup is independent).
  void suggest_all(int jobs) {
    std::sort(unknown.begin(), unknown.end());
    unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
    if (unknown.empty()) return;
    const SuggestionIndex index(shown);
    std::vector<std::optional<std::string>> answers(unknown.size());
    parallel_for(unknown.size(), jobs, [&](std::size_t i) { answers[i] = index.suggest(unknown[i]); });
    for (std::size_t i = 0; i < unknown.size(); ++i) suggested.emplace(unknown[i], std::move(answers[i]));
  }
  /// " (did you mean 'X'?)" for a name suggest_all was given (did_you_mean for any other).
  [[nodiscard]] std::string hint(std::string_view value) const {
    auto it = suggested.find(value);
    std::optional<std::string> close = it != suggested.end() ? it->second : did_you_mean(value, shown);
    return close ? fmt::format(" (did you mean '{}'?)", *close) : std::string();
  }
};

Names profile_names(const Export& model, const StringMap& aliases) {
  Names n;
  for (const auto& p : model.profiles) {
    n.add(p.display_name, true);
    n.add(p.name, false);
  }
  for (const auto& [alias, target] : aliases) {
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

/// A Salesforce record id of a profile (00e) or permission set (0PS): 15 or 18 characters.
bool looks_like_id(std::string_view v) {
  if (v.size() != 15 && v.size() != 18) return false;
  for (char c : v) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return v.substr(0, 3) == "00e" || v.substr(0, 3) == "0PS";
}

/// One app's assignments: profile and permission-set names, with the fix each message proposes.
struct Assignments {
  const std::vector<Field<std::string>>& profiles;
  const std::vector<Field<std::string>>& permission_sets;
  std::string_view profile_fix;
  std::string_view permission_set_fix;
  bool may_hold_ids;  ///< ECA lists may hold record ids, which no export resolves
};

}  // namespace

void unknown_assignment(RuleContext& ctx) {
  const Export& model = ctx.model();
  const bool check_profiles = !model.profiles.empty();
  const bool check_sets = !model.permission_sets.empty();
  if (!check_profiles && !check_sets) return;
  Names profiles = profile_names(model, ctx.param<StringMap>("profile_aliases"));
  Names sets = permission_set_names(model);
  std::size_t ids = 0;
  // Two passes over the same assignments: the first gathers the unknown names, whose suggestions
  // are then looked up together (on several threads); the second reports, in order.
  bool gathering = true;
  auto check = [&](const App& app, const Assignments& a) {
    // A partial run's other apps: their record ids still count for the note, but no name is looked up.
    const bool reported = ctx.reported(app.component());
    for (const auto& p : a.profiles) {
      if (!check_profiles) break;
      if (a.may_hold_ids && looks_like_id(p.value)) {
        if (!gathering) ++ids;
        continue;
      }
      if (!reported || profiles.contains(p.value)) continue;
      if (gathering) {
        profiles.unknown.push_back(p.value);
        continue;
      }
      ctx.report(app.component(), at(p, p.value),
                 fmt::format("Assigned profile '{}' is not in the export{}; {}", p.value, profiles.hint(p.value),
                             a.profile_fix));
    }
    for (const auto& s : a.permission_sets) {
      if (!check_sets) break;
      if (a.may_hold_ids && looks_like_id(s.value)) {
        if (!gathering) ++ids;
        continue;
      }
      if (!reported || sets.contains(s.value)) continue;
      if (gathering) {
        sets.unknown.push_back(s.value);
        continue;
      }
      ctx.report(app.component(), at(s, s.value),
                 fmt::format("Assigned permission set '{}' is not in the export{}; {}", s.value, sets.hint(s.value),
                             a.permission_set_fix));
    }
  };
  auto each_app = [&] {
    for_each_access_policy(model, [&](const AccessPolicy& p) {
      if (p.app.ca) {
        check(p.app, {p.app.ca->profile_names, p.app.ca->permission_set_names,
                      "profileName holds the profile's display name (System Administrator for Admin); add the profile "
                      "to the export, correct the name, or map a translated name with profile_aliases in the policy",
                      "permissionSetName holds the permission set's label: correct it or add the permission set to the "
                      "export",
                      false});
      } else {
        check(p.app, {p.eca_file->profiles, p.eca_file->permission_sets,
                      "correct the name, add the profile to the export, or map it with profile_aliases",
                      "correct it or add the permission set to the export", true});
      }
    });
  };
  each_app();
  gathering = false;
  profiles.suggest_all(ctx.jobs());
  sets.suggest_all(ctx.jobs());
  each_app();
  if (ids > 0) {
    ctx.note(fmt::format(
        "{}: {} External Client App assignment{} {} Salesforce record ids (00e.../0PS...), which an export cannot "
        "resolve to names; CA105 did not check {}",
        model.root_display, ids, ids == 1 ? "" : "s", ids == 1 ? "is a" : "are", ids == 1 ? "it" : "them"));
  }
}

}  // namespace calint::rules
