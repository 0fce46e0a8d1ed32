#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "policy/policy.h"

namespace calint {

namespace {

constexpr int kMaxNesting = 64;
constexpr std::size_t kMaxPolicyBytes = std::size_t{1} << 20U;

class Parser {
 public:
  Parser(std::string file, const Catalog& catalog) : file_(std::move(file)), catalog_(catalog) {}

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw PolicyError(fmt::format("{}:{}:{}: {}", file_, mark.line + 1, mark.column + 1, message));
  }
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const { fail(node.Mark(), message); }

  std::string where(const YAML::Node& node) const {
    return fmt::format("{}:{}:{}", file_, node.Mark().line + 1, node.Mark().column + 1);
  }

  void warn(const YAML::Node& node, const std::string& message) {
    policy_.warnings.push_back(fmt::format("{}: warning: {}", where(node), message));
  }

  /// Checks every key of a mapping against `allowed`; returns the keys in order.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view context) const {
    std::set<std::string> seen;
    for (const auto& kv : map) {
      if (!kv.first.IsScalar()) fail(kv.first, fmt::format("{}: keys must be plain names", context));
      const std::string& key = kv.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        auto hint = did_you_mean(key, allowed);
        fail(kv.first, fmt::format("unknown key '{}' in {}{}", key, context,
                                   hint ? fmt::format("; did you mean '{}'?", *hint)
                                        : fmt::format("; expected one of: {}", fmt::join(allowed, ", "))));
      }
      if (!seen.insert(key).second) fail(kv.first, fmt::format("duplicate key '{}' in {}", key, context));
    }
  }

  void require_map(const YAML::Node& node, std::string_view what) const {
    if (!node.IsMap()) fail(node, fmt::format("{} must be a mapping", what));
  }

  std::string scalar(const YAML::Node& node, std::string_view what) const {
    if (!node.IsScalar()) fail(node, fmt::format("{} must be a single value", what));
    return node.Scalar();
  }

  bool boolean(const YAML::Node& node, std::string_view what) const {
    std::string v = to_lower(scalar(node, what));
    if (v == "true") return true;
    if (v == "false") return false;
    fail(node, fmt::format("{} must be true or false, found '{}'", what, node.Scalar()));
  }

  Severity severity(const YAML::Node& node, std::string_view what) const {
    std::string v = scalar(node, what);
    if (auto s = parse_severity(v)) return *s;
    std::vector<std::string> names(std::begin(kSeverityNames), std::end(kSeverityNames));
    auto hint = did_you_mean(v, names);
    fail(node, fmt::format("{} has unknown severity '{}'{}", what, v,
                           hint ? fmt::format("; did you mean '{}'?", *hint)
                                : fmt::format("; expected one of: {}", fmt::join(names, ", "))));
  }

  std::string rule_id(const YAML::Node& node, std::string_view what) const {
    std::string id = scalar(node, what);
    if (catalog_.find(id)) return id;
    auto hint = did_you_mean(id, catalog_.ids());
    fail(node, fmt::format("unknown rule '{}' in {}{}", id, what,
                           hint ? fmt::format("; did you mean '{}'?", *hint) : std::string("; see `calint rules`")));
  }

  std::vector<std::string> scope_list(const YAML::Node& node, std::string_view what) {
    if (!node.IsSequence()) fail(node, fmt::format("{} must be a list of scope names", what));
    std::vector<std::string> out;
    for (const auto& item : node) {
      std::string scope = scalar(item, what);
      const auto& known = known_scopes();
      if (std::find(known.begin(), known.end(), scope) == known.end()) {
        auto hint = did_you_mean(scope, known);
        warn(item, fmt::format("'{}' in {} is not a scope calint knows{}", scope, what,
                               hint ? fmt::format("; did you mean '{}'?", *hint)
                                    : std::string(" (kept: Salesforce adds scopes every release)")));
      }
      out.push_back(std::move(scope));
    }
    return out;
  }

  Duration duration(const YAML::Node& node, std::string_view what) const {
    std::string v = scalar(node, what);
    if (auto d = parse_duration(v)) return *d;
    fail(node, fmt::format("{} must be a duration such as '90 days', '12 hours' or '3 months', found '{}'", what, v));
  }

  void parse_rules(const YAML::Node& node) {
    require_map(node, "'rules'");
    for (const auto& kv : node) {
      std::string id = rule_id(kv.first, "'rules'");
      if (!policy_.rules.emplace(id, RuleSettings{}).second)
        fail(kv.first, fmt::format("duplicate rule '{}' in 'rules'", id));
      const YAML::Node& settings = kv.second;
      require_map(settings, fmt::format("rules.{}", id));
      check_keys(settings, {"enabled", "severity"}, fmt::format("rules.{}", id));
      RuleSettings& rs = policy_.rules[id];
      if (settings["enabled"]) rs.enabled = boolean(settings["enabled"], fmt::format("rules.{}.enabled", id));
      if (settings["severity"]) rs.severity = severity(settings["severity"], fmt::format("rules.{}.severity", id));
      if (id == "CA000" && (!rs.enabled || rs.severity)) {
        fail(kv.first,
             "CA000 (invalid-metadata) cannot be disabled or re-graded: a file calint cannot read "
             "must be fixed, not hidden");
      }
    }
  }

  void parse_scopes(const YAML::Node& node) {
    require_map(node, "'scopes'");
    check_keys(node, {"allow", "deny", "apps"}, "'scopes'");
    if (node["allow"]) policy_.scope_allow = scope_list(node["allow"], "scopes.allow");
    if (node["deny"]) policy_.scope_deny = scope_list(node["deny"], "scopes.deny");
    if (YAML::Node apps = node["apps"]) {
      if (!apps.IsSequence()) fail(apps, "scopes.apps must be a list of {app, allow, deny} entries");
      for (const auto& entry : apps) {
        require_map(entry, "an entry of scopes.apps");
        check_keys(entry, {"app", "allow", "deny"}, "an entry of scopes.apps");
        if (!entry["app"]) fail(entry, "an entry of scopes.apps needs 'app' (an API name or glob)");
        AppScopeRule rule;
        rule.where = where(entry);
        rule.app = scalar(entry["app"], "scopes.apps[].app");
        if (rule.app.empty()) fail(entry["app"], "scopes.apps[].app must not be empty");
        if (entry["allow"]) rule.allow = scope_list(entry["allow"], "scopes.apps[].allow");
        if (entry["deny"]) rule.deny = scope_list(entry["deny"], "scopes.apps[].deny");
        policy_.scope_apps.push_back(std::move(rule));
      }
    }
  }

  void parse_refresh(const YAML::Node& node) {
    require_map(node, "'refresh_tokens'");
    check_keys(node, {"max_lifetime", "max_inactivity"}, "'refresh_tokens'");
    if (node["max_lifetime"]) policy_.max_lifetime = duration(node["max_lifetime"], "refresh_tokens.max_lifetime");
    if (node["max_inactivity"]) {
      policy_.max_inactivity = duration(node["max_inactivity"], "refresh_tokens.max_inactivity");
    }
  }

  void parse_my_domain(const YAML::Node& node) {
    std::string v = scalar(node, "'my_domain'");
    if (v == "required")
      policy_.my_domain = MyDomainRequirement::Required;
    else if (v == "if-settings-present")
      policy_.my_domain = MyDomainRequirement::IfSettingsPresent;
    else if (v == "off" || v == "false")  // YAML 1.1 tools read a bare off as false
      policy_.my_domain = MyDomainRequirement::Off;
    else {
      std::vector<std::string> options = {"required", "if-settings-present", "off"};
      auto hint = did_you_mean(v, options);
      fail(node, fmt::format("my_domain has unknown value '{}'{}", v,
                             hint ? fmt::format("; did you mean '{}'?", *hint)
                                  : std::string("; expected required, if-settings-present or off")));
    }
  }

  void parse_aliases(const YAML::Node& node) {
    require_map(node, "'profile_aliases'");
    std::set<std::string> seen;
    for (const auto& kv : node) {
      std::string alias = scalar(kv.first, "a profile alias");
      if (!seen.insert(alias).second) fail(kv.first, fmt::format("duplicate profile alias '{}'", alias));
      std::string target = scalar(kv.second, fmt::format("profile_aliases.{}", alias));
      if (alias.empty() || target.empty()) fail(kv.first, "profile aliases must not be empty");
      policy_.profile_aliases.emplace(alias, target);
    }
  }

  void parse_exceptions(const YAML::Node& node) {
    if (!node.IsSequence()) fail(node, "'exceptions' must be a list of {app, rule, justification, expires} entries");
    for (const auto& entry : node) {
      require_map(entry, "an exception");
      check_keys(entry, {"app", "rule", "justification", "expires"}, "an exception");
      PolicyException ex;
      ex.where = where(entry);
      if (!entry["app"]) fail(entry, "an exception needs 'app' (an API name or glob such as 'ns__*')");
      ex.app = scalar(entry["app"], "exceptions[].app");
      if (ex.app.empty()) fail(entry["app"], "exceptions[].app must not be empty");
      YAML::Node rule = entry["rule"];
      if (!rule) fail(entry, "an exception needs 'rule' (a rule id or a list of rule ids)");
      if (rule.IsSequence()) {
        for (const auto& r : rule) ex.rules.push_back(rule_id(r, "exceptions[].rule"));
        if (ex.rules.empty()) fail(rule, "exceptions[].rule must name at least one rule");
      } else {
        ex.rules.push_back(rule_id(rule, "exceptions[].rule"));
      }
      if (std::find(ex.rules.begin(), ex.rules.end(), "CA000") != ex.rules.end()) {
        fail(rule, "CA000 (invalid-metadata) cannot be excepted: a file calint cannot read must be fixed");
      }
      YAML::Node justification = entry["justification"];
      if (!justification) fail(entry, "an exception needs a 'justification' saying why the risk is accepted");
      ex.justification = std::string(trim(scalar(justification, "exceptions[].justification")));
      if (ex.justification.empty()) fail(justification, "exceptions[].justification must not be empty");
      if (YAML::Node expires = entry["expires"]) {
        std::string text = scalar(expires, "exceptions[].expires");
        ex.expires = parse_date(text);
        if (!ex.expires) fail(expires, fmt::format("exceptions[].expires must be a date YYYY-MM-DD, found '{}'", text));
      }
      policy_.exceptions.push_back(std::move(ex));
    }
  }

  Policy parse(std::string_view text) {
    policy_.source = file_;
    check_nesting(text);
    YAML::Node doc;
    try {
      doc = YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
      fail(e.mark, fmt::format("policy is nested more than {} levels deep", kMaxNesting));
    } catch (const YAML::Exception& e) {
      fail(e.mark, fmt::format("not valid YAML: {}", e.msg));
    }
    if (!doc || doc.IsNull()) return policy_;  // an empty policy is the defaults
    require_map(doc, "a policy");
    check_keys(
        doc, {"version", "fail_on", "rules", "scopes", "refresh_tokens", "my_domain", "profile_aliases", "exceptions"},
        "the policy");
    if (YAML::Node v = doc["version"]) {
      if (scalar(v, "'version'") != "1")
        fail(v, fmt::format("unsupported policy version '{}'; this calint reads version 1", v.Scalar()));
    }
    if (doc["fail_on"]) policy_.fail_on = severity(doc["fail_on"], "'fail_on'");
    if (doc["rules"]) parse_rules(doc["rules"]);
    if (doc["scopes"]) parse_scopes(doc["scopes"]);
    if (doc["refresh_tokens"]) parse_refresh(doc["refresh_tokens"]);
    if (doc["my_domain"]) parse_my_domain(doc["my_domain"]);
    if (doc["profile_aliases"]) parse_aliases(doc["profile_aliases"]);
    if (doc["exceptions"]) parse_exceptions(doc["exceptions"]);
    return policy_;
  }

  /// yaml-cpp parses recursively: refuse hostile nesting before it sees the text.
  void check_nesting(std::string_view text) const {
    if (text.size() > kMaxPolicyBytes) {
      throw PolicyError(fmt::format("{}:1:1: policy is larger than 1 MiB", file_));
    }
    int flow = 0;
    std::vector<std::size_t> indents;
    std::size_t line = 1;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view l = text.substr(pos, end - pos);
      std::size_t indent = l.find_first_not_of(' ');
      if (indent != std::string_view::npos && l[indent] != '#') {
        // Block nesting: indentation levels, plus one per "- " that opens a nested sequence.
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
        indents.push_back(indent);
        std::size_t dashes = 0;
        for (std::size_t i = indent; i + 1 < l.size() && l[i] == '-' && l[i + 1] == ' ';) {
          ++dashes;
          i += 2;
          while (i < l.size() && l[i] == ' ') ++i;
        }
        bool quoted = false;
        char quote = 0;
        char previous = ' ';
        for (char c : l) {
          if (quoted) {
            if (c == quote) quoted = false;
            previous = c;
            continue;
          }
          // As YAML reads them: a quote opens a string only where a scalar starts, and '#' starts
          // a comment only after white space.
          bool scalar_start = previous == ' ' || previous == '\t' || previous == '[' || previous == '{' ||
                              previous == ',' || previous == ':';
          if ((c == '"' || c == '\'') && scalar_start) {
            quoted = true;
            quote = c;
          } else if (c == '#' && (previous == ' ' || previous == '\t')) {
            break;
          } else if (c == '[' || c == '{') {
            ++flow;
          } else if (c == ']' || c == '}') {
            --flow;
          }
          previous = c;
          if (flow > kMaxNesting) break;
        }
        if (flow > kMaxNesting || static_cast<int>(indents.size() + dashes) > kMaxNesting) {
          throw PolicyError(
              fmt::format("{}:{}:1: policy is nested more than {} levels deep", file_, line, kMaxNesting));
        }
      }
      pos = end + 1;
      ++line;
    }
  }

 private:
  std::string file_;
  const Catalog& catalog_;
  Policy policy_;
};

}  // namespace

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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PolicyError(fmt::format("{}: cannot read policy file", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw PolicyError(fmt::format("{}: cannot read policy file", path));
  return parse_policy(buffer.str(), path, catalog);
}

Policy default_policy(const Catalog& catalog) {
  Policy p = parse_policy(default_policy_text(), "<default policy>", catalog);
  p.source = "<default policy>";
  return p;
}

std::optional<Duration> parse_duration(std::string_view text) {
  std::string_view t = trim(text);
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  auto amount = parse_uint(t.substr(0, digits));
  if (!amount || *amount == 0 || *amount > 1000000) return std::nullopt;
  std::string unit = to_lower(trim(t.substr(digits)));
  long long per = 0;
  if (unit.empty() || unit == "d" || unit == "day" || unit == "days")
    per = 24;
  else if (unit == "h" || unit == "hour" || unit == "hours")
    per = 1;
  else if (unit == "mo" || unit == "month" || unit == "months")
    per = 24LL * 30;
  else
    return std::nullopt;
  return Duration{*amount * per, std::string(t)};
}

std::string format_hours(long long hours) {
  auto plural = [](long long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); };
  if (hours % 24 == 0) return plural(hours / 24, "day");
  return plural(hours, "hour");
}

const std::vector<std::string>& known_scopes() {
  static const std::vector<std::string> kScopes = {"Address",
                                                   "Api",
                                                   "Basic",
                                                   "CDP",
                                                   "CDPCalculatedInsight",
                                                   "CDPIdentityResolution",
                                                   "CDPIngest",
                                                   "CDPProfile",
                                                   "CDPQuery",
                                                   "CDPSegment",
                                                   "Chatbot",
                                                   "Chatter",
                                                   "Content",
                                                   "CustomApplications",
                                                   "CustomPermissions",
                                                   "Eclair",
                                                   "Email",
                                                   "EinsteinGPT",
                                                   "ForgotPassword",
                                                   "Full",
                                                   "Interaction",
                                                   "Lightning",
                                                   "MCP",
                                                   "OfflineAccess",
                                                   "OpenID",
                                                   "Pardot",
                                                   "Phone",
                                                   "Profile",
                                                   "PwdlessLogin",
                                                   "RefreshToken",
                                                   "SCRT",
                                                   "SFAP",
                                                   "SFApiPlatform",
                                                   "UserRegistration",
                                                   "Wave",
                                                   "Web"};
  return kScopes;
}

std::string_view to_string(MyDomainRequirement r) {
  switch (r) {
    case MyDomainRequirement::Required:
      return "required";
    case MyDomainRequirement::IfSettingsPresent:
      return "if-settings-present";
    case MyDomainRequirement::Off:
      return "off";
  }
  return "if-settings-present";
}

}  // namespace calint
