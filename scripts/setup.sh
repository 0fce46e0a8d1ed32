#!/usr/bin/env bash
# Installs every missing build dependency from Debian's packages; with --tests, what the tests use
# too; with --fuzz, clang and libFuzzer for scripts/fuzz.sh (and the fuzz smoke run of
# scripts/test.sh). Runs apt-get as root, or through sudo when not root and sudo exists.
set -euo pipefail

packages=(g++ cmake make pkg-config libpugixml-dev libyaml-cpp-dev libfmt-dev libcli11-dev
          nlohmann-json3-dev libssl-dev libzip-dev)
for arg in "$@"; do
  case $arg in
    --tests) packages+=(catch2 python3 python3-jsonschema python3-yaml chromium cmark-gfm git pre-commit openssl time) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev libfuzzer-14-dev time) ;;
    *) echo "usage: scripts/setup.sh [--tests] [--fuzz]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "calint: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "calint: missing packages ${missing[*]}; run as root or install them with apt-get" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
