#include "engine/focus.h"

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "rules/apps.h"

namespace calint {

namespace {

constexpr std::string_view kUnknownAssignmentRule = "CA105";

/// Names one profile or permission set goes by in assignments, compared without regard to case
/// (as CA105 compares them).
struct Names {
  std::set<std::string> keys;
  void add(std::string_view name) {
    if (!name.empty()) keys.insert(to_lower(name));
  }
  [[nodiscard]] bool contains(std::string_view name) const { return keys.contains(to_lower(name)); }
};

/// A profile's display name and API name, and every alias the policy maps to either.
Names profile_names(std::string_view display_name, std::string_view api_name, const Policy& policy) {
  Names n;
  n.add(display_name);
  n.add(api_name);
  for (const auto& [alias, target] : policy.param<StringMap>("profile_aliases")) {
    if (n.contains(target)) n.add(alias);
  }
  return n;
}

/// Calls f(app) for every app whose assignments (profiles when `profiles`, else permission sets)
/// use one of `names`.
template <class F>
void for_each_assigning_app(const Export& model, bool profiles, const Names& names, F&& f) {
  auto any = [&](const std::vector<Field<std::string>>& list) {
    return std::any_of(list.begin(), list.end(), [&](const Field<std::string>& v) { return names.contains(v.value); });
  };
  for (const rules::App& app : rules::apps(model)) {
    bool named = false;
    if (app.ca) {
      named = any(profiles ? app.ca->profile_names : app.ca->permission_set_names);
    } else {
      for (auto ref : app.eca->oauth_policies) {
        const EcaOauthPolicy& p = model[ref];
        named = named || any(profiles ? p.profiles : p.permission_sets);
      }
    }
    if (named) f(app.component());
  }
}

void add_given_file(const Export& model, std::size_t index, const Policy& policy, Focus& focus) {
  const ExportFile& file = model.files[index];
  focus.add(file.component_type, file.component_name);
  auto add_app = [&](const ComponentRef& app) { focus.add(app.type, app.name); };
  if (file.type == MetaType::Profile) {
    for (const auto& p : model.profiles) {
      if (static_cast<std::size_t>(p.file) != index) continue;
      for_each_assigning_app(model, true, profile_names(p.display_name, p.name, policy), add_app);
    }
  } else if (file.type == MetaType::PermissionSet) {
    for (const auto& p : model.permission_sets) {
      if (static_cast<std::size_t>(p.file) != index) continue;
      Names n;
      n.add(p.label.value);
      n.add(p.name);
      for_each_assigning_app(model, false, n, add_app);
    }
  }
}

bool is_eca_file(MetaType t) {
  return t == MetaType::ExternalClientApp || t == MetaType::EcaOauthSettings || t == MetaType::EcaGlobalOauth ||
         t == MetaType::EcaOauthPolicy || t == MetaType::EcaPolicy || t == MetaType::EcaOauthSecurity ||
         t == MetaType::EcaSamlPolicy;
}

/// The app a deleted ECA file belonged to. The file is gone, so its name is all there is: a header
/// is named after its app; retrieves name sub-files `<App>_oauthPlcy`, `<App>_oauth`,
/// `<App>_glbloauth`, `<App>_plcy`, so the longest app name that the file name starts with is it.
std::optional<std::string> eca_of_deleted_file(const Export& model, const DeletedFile& d) {
  if (d.type == MetaType::ExternalClientApp) return d.component_name;
  std::optional<std::string> best;
  for (const auto& app : model.external_client_apps) {
    const std::string& n = app.name;
    bool prefix = d.component_name == n || (d.component_name.size() > n.size() && d.component_name.starts_with(n) &&
                                            d.component_name[n.size()] == '_');
    if (prefix && (!best || n.size() > best->size())) best = n;
  }
  return best;
}

}  // namespace

bool Focus::reports(std::string_view rule, const ComponentRef& component) const {
  std::pair<std::string, std::string> key{component.type, component.name};
  return all_.contains(key) || (rule == kUnknownAssignmentRule && assignments_.contains(key));
}

Focus focus_of(const Export& model, const std::vector<DeletedFile>& deleted, const Policy& policy) {
  Focus focus;
  for (std::size_t i = 0; i < model.files.size(); ++i) {
    if (model.files[i].given) add_given_file(model, i, policy, focus);
  }
  for (const auto& d : deleted) {
    if (is_eca_file(d.type)) {
      // The app's other files remain: a deleted policies file is a finding of the app (CA106),
      // a deleted header leaves its sub-files orphaned (CA107).
      if (auto app = eca_of_deleted_file(model, d)) focus.add(ExternalClientApp::kComponentType, *app);
    } else if (d.type == MetaType::Profile || d.type == MetaType::PermissionSet) {
      Names n = d.type == MetaType::Profile ? profile_names("", d.component_name, policy) : Names{};
      if (d.type == MetaType::PermissionSet) n.add(d.component_name);
      for_each_assigning_app(model, d.type == MetaType::Profile, n,
                             [&](const ComponentRef& app) { focus.add_assignments(app.type, app.name); });
    }
    // A deleted Connected App or settings file: its component is gone, nothing to report.
  }
  return focus;
}

}  // namespace calint
