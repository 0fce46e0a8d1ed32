// CA702 tokens-for-unknown-app.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "rules/rule.h"
#include "rules/usage.h"

namespace calint::rules {

namespace {

bool listed(const StringList& names, std::string_view name) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return usage_key(n) == usage_key(name); });
}

/// A name look-alike attacks have used: one the policy lists to verify, or one that contains it
/// ("Data Loader", "Data Loader (Bulk)").
bool to_verify(const StringList& names, std::string_view name) {
  const std::string key = usage_key(name);
  const std::string squeezed = [&] {
    std::string s;
    for (char c : key) {
      if (std::isalnum(static_cast<unsigned char>(c))) s += c;
    }
    return s;
  }();
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    std::string v;
    for (char c : usage_key(n)) {
      if (std::isalnum(static_cast<unsigned char>(c))) v += c;
    }
    return !v.empty() && squeezed.find(v) != std::string::npos;
  });
}

}  // namespace

void tokens_for_unknown_app(RuleContext& ctx) {
  // "Not in the export" is an absence: only a whole export can show it.
  if (!ctx.whole_export()) return;
  const UsageIndex usage(ctx.model());
  if (!usage.present()) return;
  const auto& known = ctx.param<StringList>("usage.known_external_apps");
  const auto& verify = ctx.param<StringList>("usage.verify_names");
  for (const UsageApp* u : usage.unknown()) {
    const bool suspicious = to_verify(verify, u->name);
    if (!suspicious && listed(known, u->name)) continue;  // a Salesforce app: shown in the inventory only
    std::string evidence =
        fmt::format("{} user{} hold{} {} token{}, last used {} (first listed on line {} of the usage file)", u->users(),
                    u->users() == 1 ? "" : "s", u->users() == 1 ? "s" : "", u->tokens, u->tokens == 1 ? "" : "s",
                    u->last_use ? format_date(*u->last_use) : "never", u->line);
    ComponentRef component{"OauthToken", u->name, ""};
    Site site{SourceLoc{}, "OauthToken/AppName", ""};
    if (suspicious) {
      ctx.report(component, site,
                 fmt::format("OAuth tokens for '{}', a name that look-alike apps have used in vishing attacks, and no "
                             "app of that name is in the export: {}; verify the app's identity (its AppMenuItemId in "
                             "the org: Setup > Connected Apps OAuth Usage) before trusting it, and revoke its tokens "
                             "if it is not the genuine app",
                             u->name, evidence),
                 false, true);
      continue;
    }
    ctx.report(component, site,
               fmt::format("OAuth tokens for '{}', an app that is not in the export: {}; find out who installed it "
                           "(Setup > Connected Apps OAuth Usage), and block it and revoke its tokens unless it is "
                           "known, then add it to the export or to usage.known_external_apps",
                           u->name, evidence));
  }
}

}  // namespace calint::rules
