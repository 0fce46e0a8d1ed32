// The policy file: structural keys (version, fail_on, rules, exceptions) are read here; every
// other key is a rule parameter declared in the catalogue and read by its type (params.cpp).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "policy/custom_rules.h"
#include "policy/params.h"
#include "policy/policy.h"
#include "policy/yaml_reader.h"

namespace calint {

namespace {

using policy::YamlReader;

/// Where the catalogue's parameters live in a policy: `a.b` is key `b` of section `a`; `a` alone is
/// a top-level key.
struct ParamLayout {
  std::vector<std::string> top_level;                        ///< top-level keys: sections and leaves
  std::map<std::string, std::vector<std::string>> sections;  ///< section -> its keys
};

ParamLayout layout_of(const Catalog& catalog) {
  ParamLayout layout;
  for (const RuleParam* p : catalog.params()) {
    auto dot = p->key.find('.');
    std::string head = p->key.substr(0, dot);
    if (std::find(layout.top_level.begin(), layout.top_level.end(), head) == layout.top_level.end()) {
      layout.top_level.push_back(head);
    }
    if (dot != std::string::npos) layout.sections[head].push_back(p->key.substr(dot + 1));
  }
  return layout;
}

class Parser {
 public:
  Parser(std::string file, const Catalog& catalog) : reader_(std::move(file)), catalog_(catalog) {}

  Policy parse(std::string_view text) {
    policy_.source = reader_.file();
    set_defaults();
    policy::check_nesting(text, reader_.file());
    YAML::Node doc;
    try {
      policy::check_aliases(std::string(text), reader_.file());
      doc = YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
      reader_.fail(e.mark, fmt::format("policy is nested more than {} levels deep", policy::kMaxNesting));
    } catch (const YAML::Exception& e) {
      reader_.fail(e.mark, fmt::format("not valid YAML: {}", e.msg));
    }
    if (!doc || doc.IsNull()) return policy_;  // an empty policy is the defaults
    reader_.require_map(doc, "a policy");
    ParamLayout layout = layout_of(catalog_);
    std::vector<std::string> keys = {"version", "fail_on", "rules"};
    keys.insert(keys.end(), layout.top_level.begin(), layout.top_level.end());
    keys.emplace_back("custom_rules");
    keys.emplace_back("exceptions");
    reader_.check_keys(doc, keys, "the policy");
    ids_ = catalog_.ids();
    if (doc["custom_rules"]) parse_custom_rules(doc["custom_rules"], text);
    if (YAML::Node v = doc["version"]) {
      policy_.origins["version"] = reader_.where(v);
      if (reader_.scalar(v, "'version'") != "1")
        reader_.fail(v, fmt::format("unsupported policy version '{}'; this calint reads version 1", v.Scalar()));
    }
    if (doc["fail_on"]) {
      policy_.fail_on = reader_.severity(doc["fail_on"], "'fail_on'");
      policy_.origins["fail_on"] = reader_.where(doc["fail_on"]);
    }
    if (doc["rules"]) parse_rules(doc["rules"]);
    parse_params(doc, layout);
    if (doc["exceptions"]) parse_exceptions(doc["exceptions"]);
    policy_.warnings = reader_.warnings();
    return policy_;
  }

 private:
  void set_defaults() {
    for (const auto& rule : catalog_.rules()) {
      for (const auto& p : rule.params) policy_.params[p.key] = policy::default_value(rule, p);
    }
  }

  /// Reads every parameter the policy sets, checking each section's keys the first time it is met.
  void parse_params(const YAML::Node& doc, const ParamLayout& layout) {
    std::set<std::string> checked;
    for (const RuleParam* p : catalog_.params()) {
      auto dot = p->key.find('.');
      if (dot != std::string::npos) {
        std::string section = p->key.substr(0, dot);
        const YAML::Node s = doc[section];
        if (!s) continue;
        if (checked.insert(section).second) {
          reader_.require_map(s, fmt::format("'{}'", section));
          reader_.check_keys(s, layout.sections.at(section), fmt::format("'{}'", section));
        }
      }
      // yaml-cpp: assigning to a Node assigns its value, so each lookup binds a fresh Node.
      const YAML::Node node =
          dot == std::string::npos ? doc[p->key] : doc[p->key.substr(0, dot)][p->key.substr(dot + 1)];
      if (!node) continue;
      ParamValue value = policy::find_param_type(p->type)->parse(reader_, node, *p);
      if (auto* map = std::get_if<StringListMap>(&value)) {
        // Keys the policy leaves out keep their default: allowing one more holder of a permission
        // must not silently drop the default allowance of another.
        for (const auto& [key, names] : std::get<StringListMap>(policy_.params[p->key])) map->emplace(key, names);
      }
      policy_.params[p->key] = std::move(value);
      policy_.origins[p->key] = reader_.where(node);
    }
  }

  /// A rule id of the catalogue or of the policy's custom rules.
  std::string rule_id(const YAML::Node& node, std::string_view what) const {
    std::string id = reader_.scalar(node, what);
    if (std::find(ids_.begin(), ids_.end(), id) != ids_.end()) return id;
    reader_.fail(node, fmt::format("unknown rule '{}' in {}{}", id, what, hint_or(id, ids_, "; see `calint rules`")));
  }

  void parse_custom_rules(const YAML::Node& node, std::string_view text) {
    if (!node.IsSequence()) {
      reader_.fail(node, "'custom_rules' must be a list of {id, name, severity, message, applies_to, xpath} entries");
    }
    std::set<std::string> names;
    for (const auto& r : catalog_.rules()) names.insert(r.name);
    for (const auto& entry : node) {
      CustomRule rule = policy::parse_custom_rule(reader_, entry, text);
      if (std::find(ids_.begin(), ids_.end(), rule.info.id) != ids_.end()) {
        reader_.fail(entry["id"], fmt::format("duplicate custom rule id '{}'", rule.info.id));
      }
      if (names.contains(rule.info.name)) {
        reader_.fail(entry["name"],
                     fmt::format("custom rule name '{}' is taken by {}", rule.info.name, name_owner(rule.info.name)));
      }
      names.insert(rule.info.name);
      ids_.push_back(rule.info.id);
      policy_.custom_rules.push_back(std::move(rule));
    }
  }

  /// Which rule has a name ("built-in rule CA101", "custom rule ACME-1").
  [[nodiscard]] std::string name_owner(std::string_view name) const {
    for (const auto& r : catalog_.rules()) {
      if (r.name == name) return fmt::format("built-in rule {}", r.id);
    }
    for (const auto& r : policy_.custom_rules) {
      if (r.info.name == name) return fmt::format("custom rule {}", r.info.id);
    }
    return "another rule";
  }

  void parse_rules(const YAML::Node& node) {
    reader_.require_map(node, "'rules'");
    for (const auto& kv : node) {
      std::string id = rule_id(kv.first, "'rules'");
      if (!policy_.rules.emplace(id, RuleSettings{}).second)
        reader_.fail(kv.first, fmt::format("duplicate rule '{}' in 'rules'", id));
      const YAML::Node& settings = kv.second;
      std::string context = fmt::format("rules.{}", id);
      reader_.require_map(settings, context);
      reader_.check_keys(settings, {"enabled", "severity"}, context);
      RuleSettings& rs = policy_.rules[id];
      policy_.origins["rules." + id] = reader_.where(kv.first);
      if (settings["enabled"]) rs.enabled = reader_.boolean(settings["enabled"], context + ".enabled");
      if (settings["severity"]) rs.severity = reader_.severity(settings["severity"], context + ".severity");
      if (id == kInvalidMetadataRule && (!rs.enabled || rs.severity)) {
        reader_.fail(kv.first,
                     "CA000 (invalid-metadata) cannot be disabled or re-graded: a file calint cannot read "
                     "must be fixed, not hidden");
      }
    }
  }

  void parse_exceptions(const YAML::Node& node) {
    if (!node.IsSequence()) {
      reader_.fail(node,
                   "'exceptions' must be a list of {app, rule, justification, expires, owner, ticket, element, value, "
                   "file} entries");
    }
    for (const auto& entry : node) policy_.exceptions.push_back(parse_exception(entry));
  }

  PolicyException parse_exception(const YAML::Node& entry) const {
    reader_.require_map(entry, "an exception");
    reader_.check_keys(entry,
                       {"app", "rule", "justification", "expires", "owner", "ticket", "element", "value", "file"},
                       "an exception");
    PolicyException ex;
    ex.where = reader_.where(entry);
    if (!entry["app"]) reader_.fail(entry, "an exception needs 'app' (an API name or glob such as 'ns__*')");
    ex.app = reader_.scalar(entry["app"], "exceptions[].app");
    if (ex.app.empty()) reader_.fail(entry["app"], "exceptions[].app must not be empty");
    YAML::Node rule = entry["rule"];
    if (!rule) reader_.fail(entry, "an exception needs 'rule' (a rule id or a list of rule ids)");
    if (rule.IsSequence()) {
      for (const auto& r : rule) ex.rules.push_back(rule_id(r, "exceptions[].rule"));
      if (ex.rules.empty()) reader_.fail(rule, "exceptions[].rule must name at least one rule");
    } else {
      ex.rules.push_back(rule_id(rule, "exceptions[].rule"));
    }
    if (std::find(ex.rules.begin(), ex.rules.end(), kInvalidMetadataRule) != ex.rules.end()) {
      reader_.fail(rule, "CA000 (invalid-metadata) cannot be excepted: a file calint cannot read must be fixed");
    }
    YAML::Node justification = entry["justification"];
    if (!justification) reader_.fail(entry, "an exception needs a 'justification' saying why the risk is accepted");
    ex.justification = std::string(trim(reader_.scalar(justification, "exceptions[].justification")));
    if (ex.justification.empty()) reader_.fail(justification, "exceptions[].justification must not be empty");
    if (YAML::Node expires = entry["expires"]) {
      std::string text = reader_.scalar(expires, "exceptions[].expires");
      ex.expires = parse_date(text);
      if (!ex.expires) {
        reader_.fail(expires, fmt::format("exceptions[].expires must be a date YYYY-MM-DD, found '{}'", text));
      }
    }
    for (auto [key, target] :
         {std::pair{"owner", &ex.owner}, std::pair{"ticket", &ex.ticket}, std::pair{"element", &ex.element},
          std::pair{"value", &ex.value}, std::pair{"file", &ex.file}}) {
      YAML::Node node = entry[key];
      if (!node) continue;
      std::string what = fmt::format("exceptions[].{}", key);
      *target = std::string(trim(reader_.scalar(node, what)));
      if (target->empty()) reader_.fail(node, fmt::format("{} must not be empty (leave it out instead)", what));
    }
    return ex;
  }

  YamlReader reader_;
  const Catalog& catalog_;
  std::vector<std::string> ids_;  ///< every rule id the policy may name: the catalogue's and its own
  Policy policy_;
};

}  // namespace

std::string PolicyException::describe() const {
  std::string s = fmt::format("exception for '{}' ({})", app, fmt::join(rules, ", "));
  std::vector<std::string> who;
  if (!owner.empty()) who.push_back(fmt::format("owner {}", owner));
  if (!ticket.empty()) who.push_back(fmt::format("ticket {}", ticket));
  if (!who.empty()) s += fmt::format(" [{}]", fmt::join(who, ", "));
  return s;
}

bool Policy::rule_enabled(std::string_view id) const {
  auto it = rules.find(id);
  return it == rules.end() || it->second.enabled;
}

std::optional<Severity> Policy::severity_override(std::string_view id) const {
  auto it = rules.find(id);
  return it == rules.end() ? std::nullopt : it->second.severity;
}

Policy parse_policy(std::string_view text, const std::string& file_name, const Catalog& catalog) {
  return Parser(file_name, catalog).parse(text);
}

Policy load_policy_file(const std::string& path, const Catalog& catalog) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw PolicyError(fmt::format("{}: cannot read policy file: it is a folder", path));
  // A policy may come from the tree being audited: a link to /dev/zero or a FIFO must neither hang
  // nor fill memory, so only a regular file is read, and no more of it than the size limit.
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    throw PolicyError(fmt::format("{}: cannot read policy file: not a regular file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PolicyError(fmt::format("{}: cannot read policy file", path));
  std::string text(policy::kMaxPolicyBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw PolicyError(fmt::format("{}: cannot read policy file", path));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_policy(text, path, catalog);
}

Policy default_policy(const Catalog& catalog) {
  Policy p = parse_policy(default_policy_text(), "<default policy>", catalog);
  p.source = "<default policy>";
  return p;
}

}  // namespace calint
