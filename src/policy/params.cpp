#include "policy/params.h"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "core/text.h"

namespace calint::policy {

std::string join_list(const StringList& v) { return v.empty() ? "[]" : fmt::format("[{}]", fmt::join(v, ", ")); }

namespace {

ParamValue parse_duration_param(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  std::string v = r.scalar(node, p.key);
  if (auto d = parse_duration(v)) return *d;
  r.fail(node, fmt::format("{} must be a duration such as '90 days', '12 hours' or '3 months', found '{}'", p.key, v));
}

ParamValue parse_timeout_param(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  std::string v = r.scalar(node, p.key);
  if (auto t = parse_timeout(v)) return *t;
  r.fail(node,
         fmt::format("{} must be a length of time such as '30 minutes' or '2 hours', or off, found '{}'", p.key, v));
}

ParamValue parse_integer(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  std::string v = r.scalar(node, p.key);
  auto n = parse_uint(v);
  if (!n) r.fail(node, fmt::format("{} must be a non-negative whole number, found '{}'", p.key, v));
  if (p.minimum && *n < *p.minimum)
    r.fail(node, fmt::format("{} must be at least {}, found {}", p.key, *p.minimum, *n));
  if (p.maximum && *n > *p.maximum) r.fail(node, fmt::format("{} must be at most {}, found {}", p.key, *p.maximum, *n));
  return *n;
}

ParamValue parse_enum(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  std::string v = r.scalar(node, p.key);
  if (std::find(p.values.begin(), p.values.end(), v) != p.values.end()) return v;
  // YAML 1.1 tools read a bare `off` as false and write it back so: an enum with an `off` value
  // accepts `false` for it, so either spelling works everywhere.
  if (v == "false" && std::find(p.values.begin(), p.values.end(), "off") != p.values.end()) return std::string("off");
  std::string expected =
      p.values.size() < 2
          ? fmt::format("; expected {}", fmt::join(p.values, ""))
          : fmt::format("; expected {} or {}", fmt::join(p.values.begin(), p.values.end() - 1, ", "), p.values.back());
  r.fail(node, fmt::format("{} has unknown value '{}'{}", p.key, v, hint_or(v, p.values, expected)));
}

StringList string_list(YamlReader& r, const YAML::Node& node, std::string_view what, std::string_view items) {
  if (!node.IsSequence()) r.fail(node, fmt::format("{} must be a list of {}", what, items));
  StringList out;
  for (const auto& item : node) out.push_back(r.scalar(item, what));
  return out;
}

ParamValue parse_string_list(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  return string_list(r, node, p.key, "names");
}

/// Scope literals: kept whatever they are (Salesforce adds scopes every release), with a warning
/// for one calint does not know.
StringList scope_list(YamlReader& r, const YAML::Node& node, std::string_view what) {
  if (!node.IsSequence()) r.fail(node, fmt::format("{} must be a list of scope names", what));
  StringList out;
  for (const auto& item : node) {
    std::string scope = r.scalar(item, what);
    const auto& known = known_scopes();
    if (std::find(known.begin(), known.end(), scope) == known.end()) {
      r.warn(item, fmt::format("'{}' in {} is not a scope calint knows{}", scope, what,
                               hint_or(scope, known, " (kept: Salesforce adds scopes every release)")));
    }
    out.push_back(std::move(scope));
  }
  return out;
}

ParamValue parse_scope_list(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  return scope_list(r, node, p.key);
}

ParamValue parse_string_map(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  r.require_map(node, fmt::format("'{}'", p.key));
  StringMap out;
  for (const auto& kv : node) {
    std::string key = r.scalar(kv.first, fmt::format("a key of {}", p.key));
    std::string value = r.scalar(kv.second, fmt::format("{}.{}", p.key, key));
    if (key.empty() || value.empty()) r.fail(kv.first, fmt::format("{} entries must not be empty", p.key));
    if (!out.emplace(key, value).second) r.fail(kv.first, fmt::format("duplicate key '{}' in {}", key, p.key));
  }
  return out;
}

/// A map from a name (one of `values`, when the parameter lists them) to a list of names or globs.
/// Keys the policy leaves out keep their default (the parser merges them).
ParamValue parse_string_list_map(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  r.require_map(node, fmt::format("'{}'", p.key));
  StringListMap out;
  for (const auto& kv : node) {
    std::string key = r.scalar(kv.first, fmt::format("a key of {}", p.key));
    if (!p.values.empty() && std::find(p.values.begin(), p.values.end(), key) == p.values.end()) {
      r.fail(kv.first,
             fmt::format("unknown key '{}' in {}{}", key, p.key,
                         hint_or(key, p.values, fmt::format("; expected one of: {}", fmt::join(p.values, ", ")))));
    }
    StringList names = string_list(r, kv.second, fmt::format("{}.{}", p.key, key), "names or globs");
    for (const auto& name : names) {
      if (name.empty()) r.fail(kv.second, fmt::format("{}.{} must not hold an empty name", p.key, key));
    }
    if (!out.emplace(key, std::move(names)).second)
      r.fail(kv.first, fmt::format("duplicate key '{}' in {}", key, p.key));
  }
  return out;
}

ParamValue parse_approved_apps(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  if (!node.IsSequence()) r.fail(node, fmt::format("{} must be a list of {{app, owner, criticality}} entries", p.key));
  ApprovedApps out;
  const std::string entry_name = fmt::format("an entry of {}", p.key);
  std::set<std::string> seen;
  for (const auto& entry : node) {
    r.require_map(entry, entry_name);
    r.check_keys(entry, {"app", "owner", "criticality"}, entry_name);
    if (!entry["app"]) r.fail(entry, fmt::format("{} needs 'app' (an API name or glob)", entry_name));
    ApprovedApp a;
    a.where = r.where(entry);
    a.app = std::string(trim(r.scalar(entry["app"], fmt::format("{}[].app", p.key))));
    if (a.app.empty()) r.fail(entry["app"], fmt::format("{}[].app must not be empty", p.key));
    if (!seen.insert(a.app).second) r.fail(entry["app"], fmt::format("duplicate app '{}' in {}", a.app, p.key));
    if (entry["owner"]) a.owner = std::string(trim(r.scalar(entry["owner"], fmt::format("{}[].owner", p.key))));
    if (entry["criticality"]) {
      a.criticality = std::string(trim(r.scalar(entry["criticality"], fmt::format("{}[].criticality", p.key))));
    }
    out.push_back(std::move(a));
  }
  return out;
}

ParamValue parse_app_scopes(YamlReader& r, const YAML::Node& node, const RuleParam& p) {
  if (!node.IsSequence()) r.fail(node, fmt::format("{} must be a list of {{app, allow, deny}} entries", p.key));
  AppScopeRules out;
  const std::string entry_name = fmt::format("an entry of {}", p.key);
  for (const auto& entry : node) {
    r.require_map(entry, entry_name);
    r.check_keys(entry, {"app", "allow", "deny"}, entry_name);
    if (!entry["app"]) r.fail(entry, fmt::format("{} needs 'app' (an API name or glob)", entry_name));
    AppScopeRule rule;
    rule.where = r.where(entry);
    rule.app = r.scalar(entry["app"], fmt::format("{}[].app", p.key));
    if (rule.app.empty()) r.fail(entry["app"], fmt::format("{}[].app must not be empty", p.key));
    if (entry["allow"]) rule.allow = scope_list(r, entry["allow"], fmt::format("{}[].allow", p.key));
    if (entry["deny"]) rule.deny = scope_list(r, entry["deny"], fmt::format("{}[].deny", p.key));
    out.push_back(std::move(rule));
  }
  return out;
}

constexpr std::array kTypes = {
    ParamType{"duration", parse_duration_param},   ParamType{"timeout", parse_timeout_param},
    ParamType{"integer", parse_integer},           ParamType{"enum", parse_enum},
    ParamType{"string-list", parse_string_list},   ParamType{"scope-list", parse_scope_list},
    ParamType{"string-map", parse_string_map},     ParamType{"string-list-map", parse_string_list_map},
    ParamType{"app-scope-list", parse_app_scopes}, ParamType{"approved-app-list", parse_approved_apps},
};

}  // namespace

const ParamType* find_param_type(std::string_view name) {
  for (const auto& t : kTypes) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

ParamValue default_value(const RuleInfo& rule, const RuleParam& param) {
  YamlReader reader(fmt::format("rules/{}.yaml (default of {})", rule.id, param.key));
  const ParamType* type = find_param_type(param.type);
  if (!type) throw PolicyError(fmt::format("{}: unknown parameter type '{}'", reader.file(), param.type));
  YAML::Node node;
  try {
    node = YAML::Load(param.default_value);
  } catch (const YAML::Exception& e) {
    reader.fail(e.mark, e.msg);
  }
  return type->parse(reader, node, param);
}

}  // namespace calint::policy

namespace calint {

std::string show_param(const Policy& policy, std::string_view key) {
  auto it = policy.params.find(key);
  if (it == policy.params.end()) return "(not a policy key)";
  struct Show {
    std::string operator()(const Duration& d) const { return format_hours(d.hours); }
    std::string operator()(const Timeout& t) const { return t.minutes ? format_minutes(*t.minutes) : "off"; }
    std::string operator()(long long n) const { return std::to_string(n); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const StringList& v) const { return policy::join_list(v); }
    std::string operator()(const StringMap& m) const {
      std::vector<std::string> pairs;
      for (const auto& [k, v] : m) pairs.push_back(fmt::format("{}: {}", k, v));
      return pairs.empty() ? "{}" : fmt::format("{{{}}}", fmt::join(pairs, ", "));
    }
    std::string operator()(const StringListMap& m) const {
      std::vector<std::string> pairs;
      for (const auto& [k, v] : m) pairs.push_back(fmt::format("{}: {}", k, policy::join_list(v)));
      return pairs.empty() ? "{}" : fmt::format("{{{}}}", fmt::join(pairs, ", "));
    }
    std::string operator()(const ApprovedApps& apps) const {
      StringList names;
      for (const auto& a : apps) names.push_back(a.app);
      return policy::join_list(names);
    }
    std::string operator()(const AppScopeRules& rules) const {
      StringList apps;
      for (const auto& a : rules) apps.push_back(a.app);
      return policy::join_list(apps);
    }
  };
  return std::visit(Show{}, it->second);
}

}  // namespace calint

namespace calint {

const ApprovedApp* approved_entry(const Policy& policy, std::string_view app_name) {
  for (const auto& entry : policy.param<ApprovedApps>("approved_apps")) {
    if (glob_match(entry.app, app_name)) return &entry;
  }
  return nullptr;
}

}  // namespace calint
