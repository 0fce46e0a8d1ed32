// schemas/policy.schema.json, generated from the catalogue: the structural keys are written here,
// every rule parameter comes from its catalogue entry, so the schema cannot disagree with what the
// policy parser reads. A test keeps the committed file current.
#include <map>

#include <nlohmann/json.hpp>

#include "cli/catalog_commands.h"
#include "engine/engine.h"

namespace calint {

namespace {

using Json = nlohmann::ordered_json;

Json scope_entry() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"app"}},
          {"properties",
           {{"app", {{"$ref", "#/$defs/appPattern"}}},
            {"allow", {{"$ref", "#/$defs/scopeList"}}},
            {"deny", {{"$ref", "#/$defs/scopeList"}}}}}};
}

Json approved_app_entry() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"app"}},
          {"properties",
           {{"app", {{"$ref", "#/$defs/appPattern"}}},
            {"owner", {{"type", "string"}, {"description", "Who answers for the app (a person or team)."}}},
            {"criticality",
             {{"type", "string"},
              {"description",
               "How critical the integration is, in the "
               "organisation's own scale."}}}}}};
}

Json custom_rules_schema() {
  return {{"type", "array"},
          {"description",
           "Rules defined in the policy: each node the XPath 1.0 expression selects in a targeted file is a finding. "
           "See docs/policy.md."},
          {"items",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"id", "name", "severity", "message", "applies_to", "xpath"}},
            {"properties",
             {{"id", {{"$ref", "#/$defs/customRuleId"}}},
              {"name", {{"type", "string"}, {"pattern", "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}}},
              {"severity", {{"$ref", "#/$defs/severity"}}},
              {"message", {{"type", "string"}, {"minLength", 1}, {"pattern", "\\S"}}},
              {"applies_to",
               {{"oneOf",
                 {{{"$ref", "#/$defs/customRuleTarget"}},
                  {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/$defs/customRuleTarget"}}}}}}}},
              {"remediation", {{"type", "string"}}},
              {"xpath", {{"type", "string"}, {"minLength", 1}, {"pattern", "\\S"}}}}}}}};
}

/// The schema of one parameter, by its declared type.
Json param_schema(const RuleInfo& rule, const RuleParam& p) {
  Json s;
  if (p.type == "duration") {
    s["$ref"] = "#/$defs/duration";
  } else if (p.type == "timeout") {
    s["$ref"] = "#/$defs/timeout";
  } else if (p.type == "integer") {
    s = {{"type", "integer"}, {"minimum", p.minimum.value_or(0)}};
    if (p.maximum) s["maximum"] = *p.maximum;
  } else if (p.type == "enum") {
    Json values = p.values;
    // YAML 1.1 tools read a bare off as false: the parser accepts it for `off`.
    if (std::find(p.values.begin(), p.values.end(), "off") != p.values.end()) values.push_back(false);
    s["enum"] = values;
  } else if (p.type == "string-list") {
    s = {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}};
  } else if (p.type == "scope-list") {
    s["$ref"] = "#/$defs/scopeList";
  } else if (p.type == "string-map") {
    s = {{"type", "object"}, {"additionalProperties", {{"type", "string"}, {"minLength", 1}}}};
  } else if (p.type == "string-list-map") {
    s = {{"type", "object"},
         {"additionalProperties", {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}}}};
    if (!p.values.empty()) s["propertyNames"] = {{"enum", p.values}};
  } else if (p.type == "app-scope-list") {
    s = {{"type", "array"}, {"items", scope_entry()}};
  } else if (p.type == "approved-app-list") {
    s = {{"type", "array"}, {"items", approved_app_entry()}};
  }
  s["description"] = rule.id + ": " + p.description;
  return s;
}

Json structural_properties() {
  return {
      {"version", {{"const", 1}, {"description", "Policy format version."}}},
      {"fail_on",
       {{"$ref", "#/$defs/severity"},
        {"description", "Exit 1 when an unsuppressed finding is at or above this severity."}}},
      {"rules",
       {{"type", "object"},
        {"description", "Per-rule settings keyed by rule id. CA000 cannot be disabled or re-graded."},
        {"propertyNames", {{"$ref", "#/$defs/ruleId"}}},
        {"additionalProperties",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties", {{"enabled", {{"type", "boolean"}}}, {"severity", {{"$ref", "#/$defs/severity"}}}}}}}}},
  };
}

Json nonempty(std::string_view description) {
  return {{"type", "string"}, {"minLength", 1}, {"pattern", "\\S"}, {"description", description}};
}

Json exceptions_schema() {
  return {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"additionalProperties", false},
        {"required", {"app", "rule", "justification"}},
        {"properties",
         {{"app", {{"$ref", "#/$defs/appPattern"}}},
          {"rule",
           {{"oneOf",
             {{{"$ref", "#/$defs/exceptableRule"}},
              {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/$defs/exceptableRule"}}}}}}}},
          {"justification", {{"type", "string"}, {"minLength", 1}, {"pattern", "\\S"}}},
          {"expires", {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}},
          {"owner", nonempty("Who accepted the risk; warnings name them.")},
          {"ticket", nonempty("The tracking reference (SEC-123); warnings name it.")},
          {"element",
           nonempty("Glob over the finding's element path, whole or by trailing segments (oauthConfig/scopes).")},
          {"value", nonempty("Glob over the value the finding is about: one scope, one callback URL, one profile.")},
          {"file", nonempty("Glob over the finding's file path, whole or by trailing segments.")}}}}}};
}

Json definitions() {
  return {
      {"severity", {{"enum", {"critical", "high", "medium", "low", "info"}}}},
      {"scopeList", {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}}},
      {"appPattern", {{"type", "string"}, {"minLength", 1}, {"description", "API name or glob (* and ?)."}}},
      {"ruleId",
       {{"type", "string"},
        {"pattern", "^(CA[0-9]{3}|[A-Z][A-Z0-9]*-[0-9]+)$"},
        {"description", "A built-in rule (CA101) or a custom rule of the policy (ACME-1)."}}},
      {"exceptableRule", {{"$ref", "#/$defs/ruleId"}, {"not", {{"const", "CA000"}}}}},
      {"customRuleId",
       {{"type", "string"},
        {"pattern", "^[A-Z][A-Z0-9]*-[0-9]+$"},
        {"not", {{"pattern", "^CA"}}},
        {"description", "Letters and digits, a dash and a number; CA is reserved for built-in rules."}}},
      {"customRuleTarget", {{"enum", custom_rule_targets()}}},  // the load layer's list
      {"timeout",
       {{"description", "N minutes | N hours | N days (also min, h, d; a plain integer means minutes), or off."},
        {"oneOf",
         {{{"type", "integer"}, {"minimum", 1}},
          {{"enum", {"off", false}}},
          {{"type", "string"}, {"pattern", "^\\s*[0-9]+\\s*(min|mins|minutes?|h|hours?|d|days?)?\\s*$"}}}}}},
      {"duration",
       {{"description", "N hours | N days | N months (also h, d, mo; a plain integer means days)."},
        {"oneOf",
         {{{"type", "integer"}, {"minimum", 1}},
          {{"type", "string"}, {"pattern", "^\\s*[0-9]+\\s*(h|hours?|d|days?|mo|months?)?\\s*$"}}}}}},
  };
}

}  // namespace

void write_policy_schema(std::ostream& out, const Catalog& catalog) {
  Json properties = structural_properties();
  for (const auto& rule : catalog.rules()) {
    for (const auto& p : rule.params) {
      auto dot = p.key.find('.');
      if (dot == std::string::npos) {
        properties[p.key] = param_schema(rule, p);
        continue;
      }
      Json& section = properties[p.key.substr(0, dot)];
      if (section.is_null())
        section = {{"type", "object"}, {"additionalProperties", false}, {"properties", Json::object()}};
      section["properties"][p.key.substr(dot + 1)] = param_schema(rule, p);
    }
  }
  properties["custom_rules"] = custom_rules_schema();
  properties["exceptions"] = exceptions_schema();
  Json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://calint.dev/schemas/policy.schema.json"},
      {"title", "calint policy"},
      {"description",
       "The policy file given with `calint audit --policy FILE`. See docs/policy.md. calint itself rejects anything "
       "this schema rejects, with file:line:col. Generated by `calint rules --format policy-schema` from "
       "rules/*.yaml; do not edit by hand."},
      {"type", {"object", "null"}},
      {"additionalProperties", false},
      {"properties", properties},
      {"$defs", definitions()},
  };
  out << schema.dump(2) << '\n';
}

}  // namespace calint
