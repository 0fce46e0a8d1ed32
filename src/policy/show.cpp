// `calint audit --show-policy` and policy discovery (`.calint.yaml`).
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/date.h"
#include "core/duration.h"
#include "policy/policy.h"

namespace fs = std::filesystem;

namespace calint {

namespace {

constexpr std::string_view kDefault = "default";

/// One parameter value in YAML (a valid policy value: durations as "90 days").
struct EmitParam {
  YAML::Emitter& out;
  void operator()(const Duration& d) const { out << format_hours(d.hours); }
  void operator()(const Timeout& t) const { out << (t.minutes ? format_minutes(*t.minutes) : std::string("off")); }
  void operator()(long long n) const { out << n; }
  void operator()(const std::string& s) const { out << s; }
  void operator()(const StringList& v) const {
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& s : v) out << s;
    out << YAML::EndSeq;
  }
  void operator()(const StringMap& m) const {
    out << YAML::BeginMap;
    for (const auto& [k, v] : m) out << YAML::Key << k << YAML::Value << v;
    out << YAML::EndMap;
  }
  void operator()(const StringListMap& m) const {
    out << YAML::BeginMap;
    for (const auto& [k, v] : m) {
      out << YAML::Key << k << YAML::Value;
      (*this)(v);
    }
    out << YAML::EndMap;
  }
  void operator()(const ApprovedApps& apps) const {
    out << YAML::BeginSeq;
    for (const auto& a : apps) {
      out << YAML::BeginMap << YAML::Key << "app" << YAML::Value << a.app << YAML::Comment(a.where);
      if (!a.owner.empty()) out << YAML::Key << "owner" << YAML::Value << a.owner;
      if (!a.criticality.empty()) out << YAML::Key << "criticality" << YAML::Value << a.criticality;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  void operator()(const AppScopeRules& rules) const {
    out << YAML::BeginSeq;
    for (const auto& r : rules) {
      out << YAML::BeginMap << YAML::Key << "app" << YAML::Value << r.app << YAML::Comment(r.where);
      if (r.allow) {
        out << YAML::Key << "allow" << YAML::Value;
        (*this)(*r.allow);
      }
      if (!r.deny.empty()) {
        out << YAML::Key << "deny" << YAML::Value;
        (*this)(r.deny);
      }
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
};

std::string origin(const Policy& policy, std::string_view key) {
  auto it = policy.origins.find(key);
  return it == policy.origins.end() ? std::string(kDefault) : it->second;
}

/// A value written as a block (on the lines after its key), not inline.
bool is_block(const ParamValue& v) {
  return std::visit(
      [](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, StringMap> || std::is_same_v<T, StringListMap> ||
                      std::is_same_v<T, AppScopeRules> || std::is_same_v<T, ApprovedApps>) {
          return !x.empty();
        } else {
          return false;
        }
      },
      v);
}

/// A parameter: a scalar or flow value with its origin on the line; a block value with its origin
/// before it.
void emit_param(YAML::Emitter& out, const Policy& policy, const std::string& key, const std::string& leaf) {
  const ParamValue& value = policy.params.at(key);
  if (is_block(value)) {
    out << YAML::Key << leaf << YAML::Comment(origin(policy, key)) << YAML::Value;
    std::visit(EmitParam{out}, value);
  } else {
    out << YAML::Key << leaf << YAML::Value;
    std::visit(EmitParam{out}, value);
    out << YAML::Comment(origin(policy, key));
  }
}

void emit_rules(YAML::Emitter& out, const Policy& policy, const Catalog& catalog) {
  out << YAML::Key << "rules"
      << YAML::Comment(
             fmt::format("{} ({}) always runs and cannot be re-graded", kInvalidMetadataRule, "invalid-metadata"))
      << YAML::Value << YAML::BeginMap;
  std::vector<RuleInfo> all = catalog.rules();
  for (const auto& custom : policy.custom_rules) all.push_back(custom.info);
  for (const auto& rule : all) {
    if (rule.id == kInvalidMetadataRule) continue;  // always on, at its catalogue severity
    auto settings = policy.rules.find(rule.id);
    bool enabled = settings == policy.rules.end() || settings->second.enabled;
    Severity severity = policy.severity_override(rule.id).value_or(rule.severity);
    out << YAML::Key << rule.id << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "enabled" << YAML::Value
        << enabled << YAML::Key << "severity" << YAML::Value << std::string(to_string(severity)) << YAML::EndMap
        << YAML::Comment(fmt::format("{} ({})", origin(policy, "rules." + rule.id), rule.name));
  }
  out << YAML::EndMap;
}

void emit_custom_rules(YAML::Emitter& out, const Policy& policy) {
  if (policy.custom_rules.empty()) return;  // none: the key is left out, as in a policy without them
  out << YAML::Key << "custom_rules" << YAML::Value << YAML::BeginSeq;
  for (const auto& rule : policy.custom_rules) {
    const RuleInfo& info = rule.info;
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << info.id << YAML::Comment(info.defined_in);
    out << YAML::Key << "name" << YAML::Value << info.name;
    out << YAML::Key << "severity" << YAML::Value << std::string(to_string(info.severity));
    out << YAML::Key << "message" << YAML::Value << rule.message;
    out << YAML::Key << "applies_to" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& t : info.applies_to) out << t;
    out << YAML::EndSeq;
    if (!info.remediation.empty()) out << YAML::Key << "remediation" << YAML::Value << info.remediation;
    out << YAML::Key << "xpath" << YAML::Value << rule.xpath << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_exceptions(YAML::Emitter& out, const Policy& policy) {
  out << YAML::Key << "exceptions" << YAML::Value;
  if (policy.exceptions.empty()) {
    out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq << YAML::Comment(std::string(kDefault));
    return;
  }
  out << YAML::BeginSeq;
  for (const auto& ex : policy.exceptions) {
    out << YAML::BeginMap << YAML::Key << "app" << YAML::Value << ex.app << YAML::Comment(ex.where);
    out << YAML::Key << "rule" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& r : ex.rules) out << r;
    out << YAML::EndSeq;
    out << YAML::Key << "justification" << YAML::Value << ex.justification;
    if (ex.expires) out << YAML::Key << "expires" << YAML::Value << format_date(*ex.expires);
    for (auto [key, value] :
         {std::pair{"owner", &ex.owner}, std::pair{"ticket", &ex.ticket}, std::pair{"element", &ex.element},
          std::pair{"value", &ex.value}, std::pair{"file", &ex.file}}) {
      if (!value->empty()) out << YAML::Key << key << YAML::Value << *value;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

}  // namespace

void write_policy_with_origins(std::ostream& stream, const Policy& policy, const Catalog& catalog) {
  YAML::Emitter out;
  out.SetIndent(2);
  std::string source = policy.source == "<default policy>" ? "the embedded default policy" : policy.source;
  out << YAML::Comment(fmt::format("The policy in effect: {}. Each value says where it comes from: a place in the "
                                   "policy file, or `default` (the catalogue's default, rules/*.yaml).",
                                   source))
      << YAML::Newline;
  out << YAML::BeginMap;
  out << YAML::Key << "version" << YAML::Value << 1 << YAML::Comment(origin(policy, "version"));
  out << YAML::Key << "fail_on" << YAML::Value << std::string(to_string(policy.fail_on))
      << YAML::Comment(origin(policy, "fail_on"));
  emit_rules(out, policy, catalog);
  // Parameters grouped by section, sections in the order the catalogue first names them.
  std::vector<std::pair<std::string, std::vector<const RuleParam*>>> sections;
  for (const RuleParam* p : catalog.params()) {
    std::string head = p->key.substr(0, p->key.find('.'));
    auto it = std::find_if(sections.begin(), sections.end(), [&](const auto& s) { return s.first == head; });
    if (it == sections.end()) it = sections.insert(sections.end(), {head, {}});
    it->second.push_back(p);
  }
  for (const auto& [head, params] : sections) {
    if (params.size() == 1 && params.front()->key == head) {
      emit_param(out, policy, head, head);
      continue;
    }
    out << YAML::Key << head << YAML::Value << YAML::BeginMap;
    for (const RuleParam* p : params) emit_param(out, policy, p->key, p->key.substr(head.size() + 1));
    out << YAML::EndMap;
  }
  emit_custom_rules(out, policy);
  emit_exceptions(out, policy);
  out << YAML::EndMap;
  stream << out.c_str() << '\n';
}

std::string discover_policy(const std::string& folder) {
  std::error_code ec;
  fs::path start = fs::absolute(folder, ec).lexically_normal();
  if (ec) return {};
  if (start.has_filename() == false && start.has_parent_path() && start != start.root_path())
    start = start.parent_path();  // "dir/" -> "dir"
  // Inside a repository: from the folder up to the repository root. Outside: the folder alone.
  bool in_repo = false;
  for (fs::path p = start;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) {
      in_repo = true;
      break;
    }
    if (p == p.root_path() || p.empty()) break;
  }
  for (fs::path p = start;; p = p.parent_path()) {
    fs::path candidate = p / ".calint.yaml";
    if (fs::exists(candidate, ec)) return candidate.string();
    if (!in_repo || fs::exists(p / ".git", ec) || p == p.root_path() || p.empty()) break;
  }
  return {};
}

}  // namespace calint
