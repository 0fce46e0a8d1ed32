#!/usr/bin/env bash
# The steps of the calint GitHub Action (action.yml), one subcommand each:
#   key    the cache key and folder of the calint build (outputs: key, dir)
#   deps   installs the build packages with apt (GitHub's runners are Ubuntu)
#   build  builds calint without tests into the cache folder
#   audit  runs calint with the action's inputs: JSON, SARIF and Markdown reports, the Markdown in
#          the job summary; exits with calint's exit code (0, 1 or 2)
# Inputs come as environment variables (INPUT_*), never spliced into the script, so a path or a
# ref can hold any character. tests/action_check.py runs these steps with GitHub's variables faked.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"

# Debian/Ubuntu packages of the build (scripts/setup.sh has the same list for Debian 12).
packages=(g++ cmake make pkg-config libpugixml-dev libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev
          libssl-dev libzip-dev)

output() {  # output NAME VALUE: a step output (GITHUB_OUTPUT), one line
  echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"
}

key() {
  local version hash
  version=$(sed -n 's/^project(calint VERSION \([0-9.]*\).*/\1/p' "$action_path/CMakeLists.txt")
  # The sources, not a git revision: the action is downloaded without its history.
  hash=$(cd "$action_path" && find CMakeLists.txt cmake rules src -type f -print0 | LC_ALL=C sort -z |
         xargs -0 sha256sum | sha256sum | cut -c1-16)
  local os_id
  os_id=$(. /etc/os-release 2>/dev/null && echo "${ID:-linux}-${VERSION_ID:-0}")
  local key="calint-${version}-${hash}-${RUNNER_OS:-Linux}-${RUNNER_ARCH:-X64}-${os_id}"
  local dir="${CALINT_CACHE_DIR:-$HOME/.cache/calint-action}/$key"
  output key "$key"
  output dir "$dir"
  echo "calint $version, build cache key $key"
}

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "calint: build packages present"
    return
  fi
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  echo "calint: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local dir="${CALINT_DIR:?CALINT_DIR is the build cache folder}"
  local work="${RUNNER_TEMP:-/tmp}/calint-build"
  cmake -S "$action_path" -B "$work" -DCMAKE_BUILD_TYPE=Release -DCALINT_BUILD_TESTS=OFF -DCALINT_BUILD_BENCH=OFF \
    -DCALINT_WERROR=OFF >/dev/null
  cmake --build "$work" --target calint -j"$(nproc)"
  mkdir -p "$dir/bin"
  cp "$work/calint" "$dir/bin/calint"
  "$dir/bin/calint" --version
}

audit() {
  local calint="${CALINT_DIR:?CALINT_DIR is the build cache folder}/bin/calint"
  [[ -x "$calint" ]] || { echo "::error::calint is not built in $CALINT_DIR"; exit 2; }
  local out_dir="${RUNNER_TEMP:-/tmp}"
  local report="$out_dir/calint-report.json" markdown="$out_dir/calint-summary.md"
  local sarif="${INPUT_SARIF:-calint.sarif}"
  local args=(audit)
  # Paths: one per line or separated by spaces (a path with a space: one per line).
  if [[ "${INPUT_PATHS:-}" == *$'\n'* ]]; then
    while IFS= read -r p; do [[ -n "$p" ]] && args+=("$p"); done <<< "$INPUT_PATHS"
  else
    read -r -a words <<< "${INPUT_PATHS:-}"
    args+=("${words[@]}")
  fi
  [[ -n "${INPUT_CHANGED_SINCE:-}" ]] && args+=(--changed-since "$INPUT_CHANGED_SINCE")
  if [[ ${#args[@]} -eq 1 ]]; then args+=(.); fi
  [[ -n "${INPUT_POLICY:-}" ]] && args+=(--policy "$INPUT_POLICY")
  [[ -n "${INPUT_FAIL_ON:-}" ]] && args+=(--fail-on "$INPUT_FAIL_ON")
  [[ -n "${INPUT_BASELINE:-}" ]] && args+=(--baseline "$INPUT_BASELINE")
  args+=(--format text --no-color -o "json:$report" -o "sarif:$sarif" -o "markdown:$markdown")
  echo "calint ${args[*]}"
  local code=0
  "$calint" "${args[@]}" || code=$?
  if [[ "${INPUT_SUMMARY:-true}" == "true" && -s "$markdown" && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
    cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
  fi
  output exit-code "$code"
  output sarif "$sarif"
  output report "$report"
  if [[ $code -eq 2 ]]; then echo "::error::calint could not audit everything (exit 2); see the log"; fi
  return "$code"
}

case "${1:-}" in
  key | deps | build | audit) "$1" ;;
  *)
    echo "usage: $0 key|deps|build|audit" >&2
    exit 2
    ;;
esac
