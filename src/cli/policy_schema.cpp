// schemas/policy.schema.json, generated from the catalogue: the structural keys are written here,
// every rule parameter comes from its catalogue entry, so the schema cannot disagree with what the
// policy parser reads. A test keeps the committed file current.
#include <map>

#include <nlohmann/json.hpp>

#include "cli/catalog_commands.h"

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

/// The schema of one parameter, by its declared type.
Json param_schema(const RuleInfo& rule, const RuleParam& p) {
  Json s;
  if (p.type == "duration") {
    s["$ref"] = "#/$defs/duration";
  } else if (p.type == "integer") {
    s = {{"type", "integer"}, {"minimum", 0}};
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
  } else if (p.type == "app-scope-list") {
    s = {{"type", "array"}, {"items", scope_entry()}};
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
        {"propertyNames", {{"pattern", "^CA[0-9]{3}$"}}},
        {"additionalProperties",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties", {{"enabled", {{"type", "boolean"}}}, {"severity", {{"$ref", "#/$defs/severity"}}}}}}}}},
  };
}

Json exceptions_schema() {
  return {{"type", "array"},
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
              {"expires", {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}}}}}}};
}

Json definitions() {
  return {
      {"severity", {{"enum", {"critical", "high", "medium", "low", "info"}}}},
      {"scopeList", {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}}},
      {"appPattern", {{"type", "string"}, {"minLength", 1}, {"description", "API name or glob (* and ?)."}}},
      {"exceptableRule", {{"type", "string"}, {"pattern", "^CA[0-9]{3}$"}, {"not", {{"const", "CA000"}}}}},
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
