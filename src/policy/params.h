#pragma once
// Internal to policy/: the parameter types a catalogue entry may declare.
#include <string>
#include <string_view>

#include "policy/policy.h"
#include "policy/yaml_reader.h"

namespace calint::policy {

struct ParamType {
  std::string_view name;
  /// Reads a value of this type; errors name `param.key`.
  ParamValue (*parse)(YamlReader& reader, const YAML::Node& node, const RuleParam& param);
};

/// "[a, b]", or "[]" for an empty list.
std::string join_list(const StringList& v);

/// The type called `name`; nullptr when no such type exists.
const ParamType* find_param_type(std::string_view name);

/// The declared default of a parameter, parsed like a policy value. Throws PolicyError naming the
/// rule's catalogue file when the default does not parse (the meta-tests rule that out).
ParamValue default_value(const RuleInfo& rule, const RuleParam& param);

}  // namespace calint::policy
