#include "rules/usage.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace calint::rules {

std::string usage_key(std::string_view name) { return to_lower(trim(name)); }

namespace {

using AppKey = std::pair<bool, std::string>;  // (is ECA, API name)

std::string spaced(std::string_view api_name) {
  std::string out(api_name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return usage_key(out);
}

}  // namespace

UsageIndex::UsageIndex(const Export& model) : model_(&model) {
  if (!model.usage) return;
  std::multimap<std::string, AppKey> by_label, by_name;
  std::set<AppKey> keys;
  for (const App& app : apps(model)) {
    AppKey key{app.is_eca(), app.head().name};
    keys.insert(key);
    const std::string& label = app.ca ? app.ca->label.value : app.eca->label.value;
    if (!trim(label).empty()) by_label.emplace(usage_key(label), key);
    by_name.emplace(usage_key(key.second), key);
    if (spaced(key.second) != usage_key(key.second)) by_name.emplace(spaced(key.second), key);
  }
  for (const UsageApp& u : model.usage->apps) {
    const std::string k = usage_key(u.name);
    std::set<AppKey> matched;
    for (auto [it, end] = by_label.equal_range(k); it != end; ++it) matched.insert(it->second);
    if (matched.empty()) {
      for (auto [it, end] = by_name.equal_range(k); it != end; ++it) matched.insert(it->second);
    }
    if (matched.empty()) {
      unknown_.push_back(&u);
      continue;
    }
    std::set<AppKey> with_pairs = matched;
    for (const auto& [eca, name] : matched) {
      if (keys.contains({!eca, name})) with_pairs.insert({!eca, name});
    }
    for (const auto& key : with_pairs) by_app_[key].push_back(&u);
  }
}

std::optional<AppUsage> UsageIndex::of(bool eca, const std::string& name) const {
  if (!present()) return std::nullopt;
  AppUsage out;
  auto it = by_app_.find({eca, name});
  if (it == by_app_.end()) return out;
  std::set<std::string_view> users;
  for (const UsageApp* u : it->second) {
    out.tokens += u->tokens;
    users.insert(u->user_ids.begin(), u->user_ids.end());
    if (u->first_use && (!out.first_use || *u->first_use < *out.first_use)) out.first_use = u->first_use;
    if (u->last_use && (!out.last_use || *u->last_use > *out.last_use)) out.last_use = u->last_use;
  }
  out.users = users.size();
  return out;
}

}  // namespace calint::rules
