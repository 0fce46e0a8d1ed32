#!/usr/bin/env bash
# scripts/new-rule.sh in a scratch copy of the repository: the files it writes, the registry line in
# id order, refusals, and a generated rule that compiles against the real headers.
set -euo pipefail
src=$1 build=$2 cxx=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts" "$work/src" "$work/tests"
cp "$src/scripts/new-rule.sh" "$work/scripts/"
cp -r "$src/rules" "$work/rules"
cp -r "$src/src/rules" "$work/src/rules"
mkdir -p "$work/tests/rules"
fail() { echo "scaffold test: $*" >&2; exit 1; }

"$work/scripts/new-rule.sh" CA150 example-check --severity high >/dev/null
[[ -f $work/rules/CA150.yaml ]] || fail "no catalogue entry"
grep -q '^severity: high$' "$work/rules/CA150.yaml" || fail "severity not written"
[[ -f $work/src/rules/ca150_example_check.cpp ]] || fail "no rule file"
[[ -d $work/tests/rules/CA150/fire-example && -d $work/tests/rules/CA150/ok-example ]] || fail "no fixture folders"
grep -q '^CALINT_RULE(CA150, example_check)$' "$work/src/rules/registry.inc" || fail "no registry line"
grep '^CALINT_RULE' "$work/src/rules/registry.inc" | sort -c || fail "registry not in id order"
[[ $(grep -c '^CALINT_RULE' "$work/src/rules/registry.inc") -eq $(($(grep -c '^CALINT_RULE' "$src/src/rules/registry.inc") + 1)) ]] ||
  fail "registry lost lines"
# Only new files and one changed file: the scaffold touches nothing else.
changed=$( (diff -rq "$src/rules" "$work/rules" || true) | wc -l)
[[ $changed -eq 1 ]] || fail "expected one new catalogue file, diff says $changed"

if "$work/scripts/new-rule.sh" CA150 other-check >/dev/null 2>&1; then fail "an existing id was accepted"; fi
if "$work/scripts/new-rule.sh" CA151 full-scope >/dev/null 2>&1; then fail "a taken name was accepted"; fi
if "$work/scripts/new-rule.sh" X1 bad >/dev/null 2>&1; then fail "a bad id was accepted"; fi
if "$work/scripts/new-rule.sh" CA152 Bad_Name >/dev/null 2>&1; then fail "a bad name was accepted"; fi

# The generated rule compiles against the real layers (rules sees model, policy, core).
includes=()
for layer in core model policy rules; do includes+=(-I "$build/include/$layer"); done
"$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror "${includes[@]}" \
  "$work/src/rules/ca150_example_check.cpp" || fail "the generated rule does not compile"
echo "scaffold test: ok"
