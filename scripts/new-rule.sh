#!/usr/bin/env bash
# Scaffolds a rule: scripts/new-rule.sh CAnnn rule-name [--severity SEVERITY]
# Writes rules/CAnnn.yaml (the catalogue entry), src/rules/cannn_rule_name.cpp (the function), one
# line in src/rules/registry.inc (in id order) and tests/rules/CAnnn/{fire-example,ok-example}/.
# Then: fill in the YAML, write the check, make the fixtures real, and run
#   CALINT_UPDATE_GOLDEN=1 build/tests/calint_tests "[rules]" -c CAnnn/fire-example
#   build/calint rules --format markdown > docs/rules.md
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/new-rule.sh CAnnn rule-name [--severity critical|high|medium|low|info]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
id=$1 name=$2
shift 2
severity=medium
while [[ $# -gt 0 ]]; do
  case $1 in
    --severity) [[ $# -ge 2 ]] || usage; severity=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $id =~ ^CA[0-9]{3}$ ]] || { echo "new-rule: '$id' is not a rule id like CA123" >&2; exit 2; }
[[ $name =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "new-rule: '$name' is not a kebab-case name" >&2; exit 2; }
[[ $severity =~ ^(critical|high|medium|low|info)$ ]] || { echo "new-rule: unknown severity '$severity'" >&2; exit 2; }
[[ ! -e rules/$id.yaml ]] || { echo "new-rule: rules/$id.yaml exists" >&2; exit 2; }
if grep -q "^name: $name\$" rules/CA*.yaml 2>/dev/null; then
  echo "new-rule: the name '$name' is taken" >&2
  exit 2
fi
fn=${name//-/_}
lower=$(echo "$id" | tr '[:upper:]' '[:lower:]')
cpp=src/rules/${lower}_${fn}.cpp

cat > "rules/$id.yaml" <<YAML
id: $id
name: $name
severity: $severity
summary: One sentence saying what the rule flags, ending with a period.
fix: none
fix_reason: "TODO: safe, unsafe or none, and why."
applies_to: [ConnectedApp, ExternalClientApplication]
controls: []
rationale: |
  Why the setting matters: what an attacker gains, what Salesforce documents, the default when the
  element is absent.
remediation: |
  1. Connected App: where to change it in Setup, and the metadata element and value to set.
  2. External Client App: the same for the ECA file that holds it.
references:
  - title: "Metadata API Developer Guide: ConnectedApp"
    url: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
# A parameter is declared here and read with ctx.param<T>("section.key"); its default exists only
# here. Types: duration, timeout, integer (optional minimum/maximum), enum (with values: [...]),
# string-list, scope-list, string-map, string-list-map, app-scope-list, approved-app-list.
# Also add it to schemas/policy.schema.json, docs/policy.md and rules/default-policy.yaml (a test
# checks all three).
params: []
YAML

cat > "$cpp" <<CPP
// $id $name.
#include <fmt/format.h>

#include "rules/apps.h"
#include "rules/rule.h"

namespace calint::rules {

void $fn(RuleContext& ctx) {
  // One loop over what Connected Apps and External Client Apps share (rules/apps.h has
  // for_each_access_policy, for_each_scope, for_each_callback); report at the element with at().
  for_each_access_policy(ctx.model(), [&](const AccessPolicy& p) {
    (void)p;  // replace with the check: ctx.report(p.app.component(), at(field), "message");
  });
}

}  // namespace calint::rules
CPP

# The registry line, in id order.
line="CALINT_RULE($id, $fn)"
registry=src/rules/registry.inc
{ grep -v '^CALINT_RULE' "$registry"; { grep '^CALINT_RULE' "$registry"; echo "$line"; } | sort; } > "$registry.new"
mv "$registry.new" "$registry"

mkdir -p "tests/rules/$id/fire-example" "tests/rules/$id/ok-example"
cat > "tests/rules/$id/fire-example/README.md" <<MD
Replace with a small export (a connectedApps/ or extlClnt*/ folder) that the rule must flag, and say
here what it shows. expected.txt lists the findings: regenerate it with CALINT_UPDATE_GOLDEN=1.
MD
echo "# What this fixture shows; the findings below are rewritten by CALINT_UPDATE_GOLDEN=1." \
  > "tests/rules/$id/fire-example/expected.txt"
cat > "tests/rules/$id/ok-example/README.md" <<MD
Replace with a small export the rule must NOT flag (the well-configured case next to the fire one).
MD

cat <<DONE
new-rule: wrote rules/$id.yaml, $cpp, tests/rules/$id/{fire-example,ok-example}/ and a line in $registry.
Next: fill in the catalogue entry, write the check, make the fixtures real, then
  cmake --build build && CALINT_UPDATE_GOLDEN=1 build/tests/calint_tests "[rules]" -c $id/fire-example
  build/calint rules --format markdown > docs/rules.md
DONE
