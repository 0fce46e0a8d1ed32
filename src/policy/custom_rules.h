#pragma once
// Internal to policy/: reading one `custom_rules:` entry into plain data (core/custom_rule.h). The
// load layer compiles and evaluates its expression.
#include <string_view>

#include "core/custom_rule.h"
#include "policy/yaml_reader.h"

namespace calint::policy {

/// Reads and checks one entry: id (`^[A-Z][A-Z0-9]*-[0-9]+$`, not starting with CA), name
/// (kebab-case), severity, message, applies_to (one name or a list), optional remediation, xpath.
/// `text` is the policy's text, to locate the expression exactly. Throws PolicyError.
CustomRule parse_custom_rule(YamlReader& reader, const YAML::Node& entry, std::string_view text);

}  // namespace calint::policy
