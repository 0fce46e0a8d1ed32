#include "rules/helpers.h"

#include <fmt/format.h>

#include "core/text.h"

namespace calint::rules {

ComponentRef component_of(const ConnectedApp& app) { return {"ConnectedApp", app.name, app.label.value}; }

ComponentRef component_of(const ExternalClientApp& app) {
  return {"ExternalClientApplication", app.name, app.label.value};
}

ComponentRef component_of_file(const Export& model, int file) {
  const ExportFile& f = model.files[static_cast<std::size_t>(file)];
  if (f.type == MetaType::ConnectedApp) {
    for (const auto& app : model.connected_apps) {
      if (app.file == file) return component_of(app);
    }
  } else if (f.component_type == "ExternalClientApplication") {
    for (const auto& app : model.external_client_apps) {
      if (app.name == f.component_name) return component_of(app);
    }
  }
  return {f.component_type, f.component_name, ""};
}

std::string not_true(const Field<bool>& f, std::string_view name) {
  if (f.present) return fmt::format("{} is false", name);
  if (f.loc.valid()) return fmt::format("{} has no valid value, which means false", name);
  return fmt::format("{} is absent, which means false", name);
}

bool is_scope(std::string_view scope, std::string_view literal) { return iequals(scope, literal); }

bool grants_refresh_tokens(const std::vector<Field<std::string>>& scopes) {
  for (const auto& s : scopes) {
    if (is_scope(s.value, "RefreshToken") || is_scope(s.value, "OfflineAccess")) return true;
  }
  return false;
}

bool grants_api_or_refresh(const std::vector<Field<std::string>>& scopes) {
  for (const auto& s : scopes) {
    if (is_scope(s.value, "Api") || is_scope(s.value, "Full") || is_scope(s.value, "Web")) return true;
  }
  return grants_refresh_tokens(scopes);
}

std::vector<Field<std::string>> eca_scopes(const ExternalClientApp& app) {
  std::vector<Field<std::string>> out;
  for (const auto* settings : app.oauth_settings)
    out.insert(out.end(), settings->scopes.begin(), settings->scopes.end());
  return out;
}

std::string describe(const RefreshPolicy& p, bool eca) {
  using K = RefreshPolicy::Kind;
  if (eca) {
    switch (p.kind) {
      case K::Zero:
        return "Zero";
      case K::Infinite:
        return "Infinite";
      case K::SpecificLifetime:
        return fmt::format("SpecificLifetime {} {}", p.amount, p.unit);
      case K::SpecificInactivity:
        return fmt::format("SpecificInactivity {} {}", p.amount, p.unit);
      case K::Invalid:
        return "(invalid)";
    }
  }
  switch (p.kind) {
    case K::Zero:
      return "zero";
    case K::Infinite:
      return "infinite";
    case K::SpecificLifetime:
      return fmt::format("specific_lifetime:{}:{}", p.amount, p.unit);
    case K::SpecificInactivity:
      return fmt::format("specific_inactivity:{}:{}", p.amount, p.unit);
    case K::Invalid:
      return "(invalid)";
  }
  return {};
}

}  // namespace calint::rules
