#include "policy/catalog.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "policy/embedded.h"
#include "policy/policy.h"

namespace calint {

Catalog::Catalog(std::vector<RuleInfo> rules) : rules_(std::move(rules)) {
  std::sort(rules_.begin(), rules_.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
}

const RuleInfo* Catalog::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return (it != rules_.end() && it->id == id) ? &*it : nullptr;
}

std::vector<const RuleParam*> Catalog::params() const {
  std::vector<const RuleParam*> out;
  for (const auto& r : rules_) {
    for (const auto& p : r.params) out.push_back(&p);
  }
  return out;
}

std::vector<std::string> Catalog::ids() const {
  std::vector<std::string> out;
  out.reserve(rules_.size());
  for (const auto& r : rules_) out.push_back(r.id);
  return out;
}

namespace {

[[noreturn]] void fail(const std::string& source, const YAML::Node& node, const std::string& message) {
  throw std::runtime_error(fmt::format("{}:{}: {}", source, node.Mark().line + 1, message));
}

std::string required_string(const YAML::Node& doc, const char* key, const std::string& source) {
  YAML::Node n = doc[key];
  if (!n || !n.IsScalar() || n.Scalar().empty()) fail(source, doc, fmt::format("'{}' must be a non-empty string", key));
  return n.Scalar();
}

std::vector<std::string> string_list(const YAML::Node& doc, const char* key, const std::string& source) {
  std::vector<std::string> out;
  YAML::Node n = doc[key];
  if (!n) fail(source, doc, fmt::format("'{}' is required", key));
  if (!n.IsSequence()) fail(source, n, fmt::format("'{}' must be a list", key));
  for (const auto& item : n) {
    if (!item.IsScalar()) fail(source, item, fmt::format("'{}' must hold strings", key));
    out.push_back(item.Scalar());
  }
  return out;
}

std::string scalar_text(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

}  // namespace

RuleInfo parse_rule_info(std::string_view yaml, const std::string& source) {
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(fmt::format("{}:{}: {}", source, e.mark.line + 1, e.msg));
  }
  if (!doc.IsMap()) throw std::runtime_error(fmt::format("{}: a rule entry must be a mapping", source));
  static const std::set<std::string> kKeys = {
      "id",         "name",    "severity",   "escalated_severity", "escalation", "reduced_severity",
      "reduction",  "summary", "applies_to", "controls",           "rationale",  "remediation",
      "references", "params",  "fix",        "fix_reason"};
  for (const auto& kv : doc) {
    if (!kKeys.contains(kv.first.Scalar())) fail(source, kv.first, fmt::format("unknown key '{}'", kv.first.Scalar()));
  }
  RuleInfo r;
  r.id = required_string(doc, "id", source);
  r.name = required_string(doc, "name", source);
  auto sev = parse_severity(required_string(doc, "severity", source));
  if (!sev) fail(source, doc["severity"], "unknown severity");
  r.severity = *sev;
  if (doc["escalated_severity"]) {
    auto esc = parse_severity(scalar_text(doc["escalated_severity"]));
    if (!esc) fail(source, doc["escalated_severity"], "unknown escalated_severity");
    r.escalated_severity = esc;
    r.escalation = required_string(doc, "escalation", source);
  }
  if (doc["reduced_severity"]) {
    auto reduced = parse_severity(scalar_text(doc["reduced_severity"]));
    if (!reduced) fail(source, doc["reduced_severity"], "unknown reduced_severity");
    r.reduced_severity = reduced;
    r.reduction = required_string(doc, "reduction", source);
  }
  r.summary = required_string(doc, "summary", source);
  r.rationale = required_string(doc, "rationale", source);
  r.remediation = required_string(doc, "remediation", source);
  r.fix = required_string(doc, "fix", source);
  if (r.fix != "safe" && r.fix != "unsafe" && r.fix != "none")
    fail(source, doc["fix"], "'fix' must be safe, unsafe or none");
  r.fix_reason = required_string(doc, "fix_reason", source);
  r.applies_to = string_list(doc, "applies_to", source);
  r.controls = string_list(doc, "controls", source);
  YAML::Node refs = doc["references"];
  if (!refs || !refs.IsSequence()) fail(source, doc, "'references' must be a list");
  for (const auto& ref : refs) {
    if (!ref.IsMap()) fail(source, ref, "a reference must have a title and a url");
    r.references.push_back({required_string(ref, "title", source), scalar_text(ref["url"])});
  }
  YAML::Node params = doc["params"];
  if (!params || !params.IsSequence()) fail(source, doc, "'params' must be a list");
  for (const auto& p : params) {
    if (!p.IsMap()) fail(source, p, "a param must be a mapping");
    for (const auto& kv : p) {
      static const std::set<std::string> kParamKeys = {"key",    "type",    "default", "description",
                                                       "values", "minimum", "maximum"};
      if (!kParamKeys.contains(kv.first.Scalar()))
        fail(source, kv.first, fmt::format("unknown param key '{}'", kv.first.Scalar()));
    }
    RuleParam param;
    param.key = required_string(p, "key", source);
    param.type = required_string(p, "type", source);
    param.default_value = scalar_text(p["default"]);
    param.description = required_string(p, "description", source);
    if (p["values"]) param.values = string_list(p, "values", source);
    if (param.type == "enum" && param.values.empty()) fail(source, p, "an enum param needs 'values'");
    if (!param.values.empty() && param.type != "enum" && param.type != "string-list-map")
      fail(source, p, "only enum and string-list-map params have 'values'");
    for (const char* bound : {"minimum", "maximum"}) {
      if (!p[bound]) continue;
      if (param.type != "integer") fail(source, p[bound], fmt::format("only integer params have '{}'", bound));
      auto n = parse_uint(scalar_text(p[bound]));
      if (!n) fail(source, p[bound], fmt::format("'{}' must be a whole number", bound));
      (std::string_view(bound) == "minimum" ? param.minimum : param.maximum) = *n;
    }
    r.params.push_back(std::move(param));
  }
  return r;
}

const Catalog& builtin_catalog() {
  static const Catalog catalog = [] {
    std::vector<RuleInfo> rules;
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
      const auto& f = kEmbeddedFiles[i];
      if (f.name.size() > 2 && f.name.substr(0, 2) == "CA") {
        rules.push_back(parse_rule_info(f.content, fmt::format("rules/{}", f.name)));
      }
    }
    return Catalog(std::move(rules));
  }();
  return catalog;
}

Catalog with_custom_rules(const Catalog& catalog, const Policy& policy) {
  if (policy.custom_rules.empty()) return catalog;
  std::vector<RuleInfo> rules = catalog.rules();
  for (const auto& custom : policy.custom_rules) rules.push_back(custom.info);
  return Catalog(std::move(rules));
}

std::string_view default_policy_text() {
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (kEmbeddedFiles[i].name == "default-policy.yaml") return kEmbeddedFiles[i].content;
  }
  return {};
}

}  // namespace calint
