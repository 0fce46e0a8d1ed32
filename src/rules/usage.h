#pragma once
// Usage evidence (`--usage`): which of the org's OAuth tokens belong to which app of the export.
// CA701, CA702, CA103's message and the inventory read it through here, so they agree.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/export.h"
#include "rules/apps.h"

namespace calint::rules {

/// The tokens of one integration.
struct AppUsage {
  std::size_t users = 0;
  std::size_t tokens = 0;
  std::optional<Date> first_use;
  std::optional<Date> last_use;
};

/// Matches the usage entries to the apps of an export. An entry names an app by its label (what
/// OauthToken.AppName holds), else by its API name (also with spaces for underscores), any case; an
/// entry naming a Connected App also belongs to the External Client App of the same API name, and
/// the other way round, so an integration's tokens count once.
class UsageIndex {
 public:
  explicit UsageIndex(const Export& model);

  /// The export has usage data (`--usage`).
  [[nodiscard]] bool present() const { return model_->usage != nullptr; }
  /// The usage of an app (Connected App when !eca), by API name; zero when no token names it, and
  /// nullopt without usage data.
  [[nodiscard]] std::optional<AppUsage> of(bool eca, const std::string& name) const;
  [[nodiscard]] std::optional<AppUsage> of(const App& app) const { return of(app.is_eca(), app.head().name); }
  /// The entries that name no app of the export, in name order.
  [[nodiscard]] const std::vector<const UsageApp*>& unknown() const { return unknown_; }

 private:
  const Export* model_;
  std::map<std::pair<bool, std::string>, std::vector<const UsageApp*>> by_app_;
  std::vector<const UsageApp*> unknown_;
};

/// How a name compares with an AppName: trimmed, ASCII lower case. Punctuation counts, so a
/// look-alike ("Partner Portal." for "Partner Portal") never takes an app's tokens.
std::string usage_key(std::string_view name);

}  // namespace calint::rules
