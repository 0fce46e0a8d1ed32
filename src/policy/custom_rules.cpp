#include "policy/custom_rules.h"

#include <fmt/format.h>

#include "core/text.h"
#include "policy/policy.h"

namespace calint::policy {

namespace {

bool is_custom_id(std::string_view id) {
  auto dash = id.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == id.size()) return false;
  if (!(id[0] >= 'A' && id[0] <= 'Z')) return false;
  for (char c : id.substr(0, dash)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  for (char c : id.substr(dash + 1)) {
    if (!(c >= '0' && c <= '9')) return false;
  }
  return true;
}

bool is_kebab_case(std::string_view name) {
  if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z') || name.back() == '-') return false;
  char previous = ' ';
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

PolicyPosition position(const YamlReader& r, const YAML::Node& node) {
  return {r.file(), node.Mark().line + 1, node.Mark().column + 1};
}

/// Where the expression starts, and whether offsets into it are columns: it is written plain or
/// quoted without escapes on one line.
void locate_expression(const YamlReader& r, const YAML::Node& node, std::string_view text, CustomRule& rule) {
  rule.xpath_at = position(r, node);
  const auto pos = static_cast<std::size_t>(std::max(node.Mark().pos, 0));
  if (pos >= text.size() || rule.xpath.find('\n') != std::string::npos) return;
  std::string_view raw = text.substr(pos);
  if (raw.substr(0, rule.xpath.size()) == rule.xpath) {
    rule.xpath_exact = true;
  } else if ((raw.front() == '\'' || raw.front() == '"') && raw.substr(1, rule.xpath.size()) == rule.xpath) {
    rule.xpath_exact = true;
    rule.xpath_at.column += 1;
  }
}

std::string required(YamlReader& r, const YAML::Node& entry, const char* key, const std::string& what) {
  if (!entry[key]) r.fail(entry, fmt::format("{} needs '{}'", what, key));
  std::string v(trim(r.scalar(entry[key], fmt::format("{}.{}", what, key))));
  if (v.empty()) r.fail(entry[key], fmt::format("{}.{} must not be empty", what, key));
  return v;
}

}  // namespace

CustomRule parse_custom_rule(YamlReader& r, const YAML::Node& entry, std::string_view text) {
  r.require_map(entry, "a custom rule");
  r.check_keys(entry, {"id", "name", "severity", "message", "applies_to", "remediation", "xpath"}, "a custom rule");
  CustomRule rule;
  RuleInfo& info = rule.info;
  info.id = required(r, entry, "id", "a custom rule");
  if (info.id.rfind("CA", 0) == 0) {
    r.fail(entry["id"],
           fmt::format("custom rule id '{}' starts with CA, which is reserved for calint's own rules", info.id));
  }
  if (!is_custom_id(info.id)) {
    r.fail(entry["id"], fmt::format("custom rule id '{}' must be letters and digits, a dash and a number, starting "
                                    "with a capital letter (^[A-Z][A-Z0-9]*-[0-9]+$), for example ACME-1",
                                    info.id));
  }
  const std::string what = fmt::format("custom rule {}", info.id);
  info.name = required(r, entry, "name", what);
  if (!is_kebab_case(info.name)) {
    r.fail(entry["name"], fmt::format("{}.name '{}' must be lower-case words joined by dashes, like "
                                      "'no-full-scope-for-partners'",
                                      what, info.name));
  }
  if (!entry["severity"]) r.fail(entry, fmt::format("{} needs 'severity'", what));
  info.severity = r.severity(entry["severity"], fmt::format("{}.severity", what));
  rule.message = required(r, entry, "message", what);
  if (!entry["applies_to"])
    r.fail(entry, fmt::format("{} needs 'applies_to' (ConnectedApp, ExternalClientApplication, "
                              "an ECA file type, or Settings)",
                              what));
  const YAML::Node targets = entry["applies_to"];
  if (targets.IsSequence()) {
    for (const auto& t : targets) {
      info.applies_to.push_back(std::string(trim(r.scalar(t, fmt::format("{}.applies_to", what)))));
      rule.applies_to_at.push_back(position(r, t));
    }
    if (info.applies_to.empty()) r.fail(targets, fmt::format("{}.applies_to must name at least one type", what));
  } else {
    info.applies_to.push_back(std::string(trim(r.scalar(targets, fmt::format("{}.applies_to", what)))));
    rule.applies_to_at.push_back(position(r, targets));
  }
  rule.xpath = required(r, entry, "xpath", what);
  locate_expression(r, entry["xpath"], text, rule);
  info.defined_in = r.where(entry);
  // The summary stands for every finding: placeholders become an ellipsis.
  info.summary = rule.message;
  for (std::string_view placeholder : {"{value}", "{element}"}) {
    for (auto at = info.summary.find(placeholder); at != std::string::npos; at = info.summary.find(placeholder)) {
      info.summary.replace(at, placeholder.size(), "...");
    }
  }
  info.rationale = fmt::format(
      "A custom rule of the policy ({}). Each node that the XPath 1.0 expression `{}` selects in a {} file is a "
      "finding, located at the node.",
      info.defined_in, rule.xpath, fmt::join(info.applies_to, ", "));
  info.remediation = entry["remediation"]
                         ? std::string(trim(r.scalar(entry["remediation"], fmt::format("{}.remediation", what))))
                         : std::string("The policy gives no remediation for this rule; ask its owner.");
  return rule;
}

}  // namespace calint::policy
