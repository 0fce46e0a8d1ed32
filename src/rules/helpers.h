#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "model/model.h"

namespace calint::rules {

ComponentRef component_of(const ConnectedApp& app);
ComponentRef component_of(const ExternalClientApp& app);

/// The component a file belongs to (with the app's label when the app is in the export).
ComponentRef component_of_file(const Export& model, int file);

/// Why a boolean setting is not true, for messages: "X is false", "X has no valid value, which
/// means false" (empty or invalid: located, no value) or "X is absent, which means false".
std::string not_true(const Field<bool>& f, std::string_view name);

/// A scope by its metadata literal (case-insensitive: metadata literals are case-sensitive, but a
/// mis-cased `full` is still a request for everything).
bool is_scope(std::string_view scope, std::string_view literal);
/// Refresh tokens can be issued (RefreshToken, or OfflineAccess which retrieves rewrite to it).
bool grants_refresh_tokens(const std::vector<Field<std::string>>& scopes);
/// Api, Full, Web or refresh tokens: what makes self-authorization critical.
bool grants_api_or_refresh(const std::vector<Field<std::string>>& scopes);

/// All scopes of an ECA, from every .ecaOauth file joined to it.
std::vector<Field<std::string>> eca_scopes(const ExternalClientApp& app);

/// "specific_lifetime:365:DAYS" or "SpecificLifetime 365 Days", as the metadata wrote it.
std::string describe(const RefreshPolicy& p, bool eca);

}  // namespace calint::rules
