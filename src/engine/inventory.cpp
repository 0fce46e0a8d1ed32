#include "engine/inventory.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/parallel.h"
#include "core/sort.h"
#include "core/text.h"
#include "rules/apps.h"
#include "rules/usage.h"

namespace calint {

namespace {

/// Assignment names resolved to what people see: a profile's display name, a permission set's
/// label. A value the export cannot resolve (a name it lacks, a record id) is kept as written.
class Resolver {
 public:
  Resolver(const Export& model, const Policy& policy) {
    for (const auto& p : model.profiles) {
      std::string shown = p.display_name.empty() ? p.name : p.display_name;
      profiles_.emplace(to_lower(p.name), shown);
      profiles_.insert_or_assign(to_lower(shown), shown);  // a display name wins over an API name
    }
    for (const auto& [alias, target] : policy.param<StringMap>("profile_aliases")) {
      if (auto it = profiles_.find(to_lower(target)); it != profiles_.end())
        profiles_.emplace(to_lower(alias), it->second);
    }
    for (const auto& p : model.permission_sets) {
      std::string shown = p.label.value.empty() ? p.name : p.label.value;
      sets_.emplace(to_lower(p.name), shown);
      sets_.insert_or_assign(to_lower(shown), shown);
    }
  }
  [[nodiscard]] std::vector<std::string> profiles(const std::vector<Field<std::string>>& names) const {
    return resolve(profiles_, names);
  }
  [[nodiscard]] std::vector<std::string> permission_sets(const std::vector<Field<std::string>>& names) const {
    return resolve(sets_, names);
  }

 private:
  static std::vector<std::string> resolve(const std::map<std::string, std::string>& known,
                                          const std::vector<Field<std::string>>& names) {
    std::vector<std::string> out;
    for (const auto& n : names) {
      auto it = known.find(to_lower(n.value));
      out.push_back(it != known.end() ? it->second : n.value);
    }
    return out;
  }
  std::map<std::string, std::string> profiles_;
  std::map<std::string, std::string> sets_;
};

std::vector<std::string> values(const std::vector<Field<std::string>>& fields) {
  std::vector<std::string> out;
  out.reserve(fields.size());
  for (const auto& f : fields) out.push_back(f.value);
  return out;
}

/// A setting as the metadata writes it, "X (default)" when absent with a documented default.
template <class T, class Show>
std::string shown(const Field<T>& f, Show show, std::string_view absent) {
  if (f.present) return show(f.value);
  if (f.loc.valid()) return "invalid";  // located but not decoded: CA000 says why
  return std::string(absent);
}

std::string ca_ip_relaxation(IpRelaxation v) {
  switch (v) {
    case IpRelaxation::Enforce:
      return "ENFORCE";
    case IpRelaxation::Bypass2Factor:
      return "BYPASS_2FACTOR";
    case IpRelaxation::Bypass:
      return "BYPASS";
    case IpRelaxation::EnforceRelaxRefresh:
      return "ENFORCE_RELAXREFRESH";
    case IpRelaxation::Invalid:
      break;
  }
  return "invalid";
}

std::string eca_ip_relaxation(IpRelaxation v) {
  switch (v) {
    case IpRelaxation::Enforce:
      return "Enforce";
    case IpRelaxation::Bypass2Factor:
      return "Bypass_2factor";
    case IpRelaxation::Bypass:
      return "Bypass";
    case IpRelaxation::EnforceRelaxRefresh:
      return "Enforce_RelaxRefresh";
    case IpRelaxation::Invalid:
      break;
  }
  return "invalid";
}

bool org_requires_pkce(const Export& model) {
  return std::any_of(model.oauth_oidc.begin(), model.oauth_oidc.end(),
                     [](const OauthOidcSettings& s) { return s.is_pkce_required.present && s.is_pkce_required.value; });
}

bool set(const Field<bool>& f) { return f.present && f.value; }
bool set(const Field<std::string>& f) { return f.present && !trim(f.value).empty(); }

InventoryApp connected_app(const Export& model, const ConnectedApp& ca, const Resolver& names) {
  InventoryApp row;
  row.component = rules::App{&model, &ca, nullptr}.component();
  row.file = ca.file >= 0 ? model.file(ca.file).display_path : std::string();
  row.contact_email = ca.contact_email.value;
  row.profiles = names.profiles(ca.profile_names);
  row.permission_sets = names.permission_sets(ca.permission_set_names);
  if (ca.session_timeout.present) row.session_timeout = std::to_string(ca.session_timeout.value);
  if (!ca.has_oauth_config) return row;  // SAML or canvas only: no OAuth settings to list

  if (ca.is_admin_approved.present) {
    row.permitted_users = ca.is_admin_approved.value ? "admin-approved" : "self-authorized";
  } else {
    row.permitted_users = ca.is_admin_approved.loc.valid() ? "invalid" : "self-authorized";
    row.permitted_users_default = !ca.is_admin_approved.loc.valid();
  }
  row.scopes = values(ca.scopes);
  row.callback_urls = values(ca.callback_urls);
  if (!ca.callback_urls.empty()) row.flows.emplace_back("web-server");
  if (set(ca.certificate)) row.flows.emplace_back("jwt-bearer");
  if (set(ca.is_client_credential_enabled)) {
    row.flows.emplace_back("client-credentials");
    row.run_as_user = ca.oauth_client_credential_user.value;
  }
  if (set(ca.is_token_exchange_enabled) || set(ca.is_token_exchange_flow_enabled)) {
    row.flows.emplace_back("token-exchange");
  }
  if (set(ca.is_code_credential_enabled)) row.flows.emplace_back("code-credentials");
  if (set(ca.is_pkce_required)) {
    row.pkce = "required";
  } else if (org_requires_pkce(model)) {
    row.pkce = "required (org-wide)";
  } else {
    row.pkce = ca.is_pkce_required.present ? "not required" : "not required (default)";
  }
  row.ip_relaxation = shown(ca.ip_relaxation, ca_ip_relaxation, "ENFORCE (default)");
  row.refresh_token_policy = shown(
      ca.refresh_token_policy, [](const RefreshPolicy& p) { return rules::describe(p, false); }, "infinite (default)");
  return row;
}

template <class T>
const T* first_part(const Export& model, const std::vector<Ref<T>>& refs) {
  return refs.empty() ? nullptr : &model[refs.front()];
}

/// The ECA's file: its header, else the first sub-file that names it.
std::string eca_file(const Export& model, const ExternalClientApp& eca) {
  if (eca.file >= 0) return model.file(eca.file).display_path;
  int first = -1;
  auto consider = [&](const auto& refs) {
    for (auto ref : refs) {
      int f = model[ref].file;
      if (f >= 0 && (first < 0 || f < first)) first = f;
    }
  };
  consider(eca.oauth_settings);
  consider(eca.global_oauth);
  consider(eca.oauth_policies);
  consider(eca.policies);
  consider(eca.oauth_security);
  consider(eca.saml_policies);
  return first >= 0 ? model.file(first).display_path : std::string();
}

constexpr std::string_view kNotInExport = "not in export";

InventoryApp external_client_app(const Export& model, const ExternalClientApp& eca, const Resolver& names) {
  InventoryApp row;
  rules::App app{&model, nullptr, &eca};
  row.component = app.component();
  row.file = eca_file(model, eca);
  row.contact_email = eca.contact_email.value;
  row.scopes = values(app.scopes());
  const EcaGlobalOauth* global = first_part(model, eca.global_oauth);
  const EcaOauthPolicy* policy = first_part(model, eca.oauth_policies);
  for (auto ref : eca.global_oauth) {
    for (const auto& url : model[ref].callback_urls) row.callback_urls.push_back(url.value);
  }
  if (!row.callback_urls.empty()) row.flows.emplace_back("web-server");
  if (global && set(global->certificate)) row.flows.emplace_back("jwt-bearer");
  if ((global && set(global->is_client_credentials_flow_enabled)) ||
      (policy && set(policy->is_client_credentials_flow_enabled))) {
    row.flows.emplace_back("client-credentials");
    if (policy) row.run_as_user = policy->client_credentials_flow_user.value;
  }
  if (global && set(global->is_device_flow_enabled)) row.flows.emplace_back("device");
  if (global && set(global->is_token_exchange_enabled)) row.flows.emplace_back("token-exchange");
  if (global && set(global->is_code_cred_flow_enabled)) row.flows.emplace_back("code-credentials");

  if (global && set(global->is_pkce_required)) {
    row.pkce = global->is_pkce_required.present ? "required" : "required (default)";
  } else if (org_requires_pkce(model)) {
    row.pkce = "required (org-wide)";
  } else if (global) {
    row.pkce = global->is_pkce_required.present       ? "not required"
               : global->is_pkce_required.loc.valid() ? "invalid"
                                                      : "required (default)";
  } else {
    row.pkce = kNotInExport;  // the global OAuth settings are not kept in source control
  }
  if (!policy) {
    row.permitted_users = row.ip_relaxation = row.refresh_token_policy = kNotInExport;
    return row;
  }
  row.permitted_users = shown(
      policy->permitted_users,
      [](PermittedUsers p) {
        return p == PermittedUsers::AdminApprovedPreAuthorized ? "admin-approved"
               : p == PermittedUsers::AllSelfAuthorized        ? "self-authorized"
                                                               : "invalid";
      },
      "not set");
  row.ip_relaxation = shown(policy->ip_relaxation, eca_ip_relaxation, "not set");
  row.refresh_token_policy = shown(
      policy->refresh_token_policy, [](const RefreshPolicy& p) { return rules::describe(p, true); }, "not set");
  if (policy->session_timeout.present) row.session_timeout = std::to_string(policy->session_timeout.value);
  row.profiles = names.profiles(policy->profiles);
  row.permission_sets = names.permission_sets(policy->permission_sets);
  return row;
}

InventoryUsage usage_row(const rules::AppUsage& u) { return {u.users, u.tokens, u.first_use, u.last_use}; }

/// With usage data: each app's tokens, then a row for each app known only from its tokens.
void add_usage(const Export& model, int export_index, std::vector<InventoryApp>& rows) {
  const rules::UsageIndex usage(model);
  if (!usage.present()) return;
  for (auto& row : rows) {
    if (auto u = usage.of(row.component.type == ExternalClientApp::kComponentType, row.component.name))
      row.usage = usage_row(*u);
  }
  for (const UsageApp* u : usage.unknown()) {
    InventoryApp row;
    row.component = {std::string(kUsageOnlyComponentType), u->name, ""};
    row.export_index = export_index;
    row.usage = InventoryUsage{u->users(), u->tokens, u->first_use, u->last_use};
    rows.push_back(std::move(row));
  }
}

}  // namespace

std::vector<InventoryApp> inventory(const Export& model, int export_index, const Policy& policy, int jobs,
                                    const std::function<bool(const ComponentRef&)>& keep) {
  Resolver names(model, policy);
  // One row per app kept, made on up to `jobs` threads (each row depends only on its app).
  std::vector<std::size_t> apps;  // index into connected_apps, then external_client_apps
  const std::size_t cas = model.connected_apps.size();
  for (std::size_t i = 0; i < cas + model.external_client_apps.size(); ++i) {
    if (keep) {
      ComponentRef component =
          i < cas ? ComponentRef{std::string(ConnectedApp::kComponentType), model.connected_apps[i].name, ""}
                  : ComponentRef{std::string(ExternalClientApp::kComponentType),
                                 model.external_client_apps[i - cas].name, ""};
      if (!keep(component)) continue;
    }
    apps.push_back(i);
  }
  std::vector<InventoryApp> rows(apps.size());
  constexpr std::size_t kPiece = 64;
  parallel_for((rows.size() + kPiece - 1) / kPiece, jobs, [&](std::size_t piece) {
    for (std::size_t r = piece * kPiece; r < std::min(rows.size(), (piece + 1) * kPiece); ++r) {
      const std::size_t i = apps[r];
      rows[r] = i < cas ? connected_app(model, model.connected_apps[i], names)
                        : external_client_app(model, model.external_client_apps[i - cas], names);
    }
  });
  std::set<std::string> ca_names;
  std::set<std::string> eca_names;
  for (const auto& ca : model.connected_apps) ca_names.insert(ca.name);
  for (const auto& eca : model.external_client_apps) {
    if (eca.header_in_export) eca_names.insert(eca.name);
  }
  for (auto& row : rows) {
    row.export_index = export_index;
    // The organisation's register (approved_apps, CA901) says who answers for the app.
    if (const ApprovedApp* approved = approved_entry(policy, row.component.name)) {
      row.owner = approved->owner;
      row.criticality = approved->criticality;
    }
    if (ca_names.contains(row.component.name) && eca_names.contains(row.component.name)) {
      row.same_as = row.component.name;
    }
  }
  // By name, then type (a CA/ECA pair side by side).
  stable_sort_large(rows, [](const InventoryApp& a, const InventoryApp& b) {
    if (int c = a.component.name.compare(b.component.name); c != 0) return c < 0;
    return a.component.type < b.component.type;
  });
  add_usage(model, export_index, rows);
  return rows;
}

void count_inventory_findings(Report& report) {
  std::map<std::tuple<int, std::string_view, std::string_view>, InventoryApp*> rows;
  for (auto& row : report.inventory) {
    rows.emplace(
        std::make_tuple(row.export_index, std::string_view(row.component.type), std::string_view(row.component.name)),
        &row);
  }
  for (const auto& f : report.findings) {
    if (f.suppressed()) continue;
    auto it = rows.find(
        std::make_tuple(f.export_index, std::string_view(f.component.type), std::string_view(f.component.name)));
    if (it != rows.end()) ++it->second->findings[static_cast<std::size_t>(f.severity)];
  }
}

}  // namespace calint
