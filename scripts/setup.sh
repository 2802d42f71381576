#!/usr/bin/env bash
# Installs what aansluiting needs on a Debian machine: system libraries from
# Debian, Python packages from PyPI, then the package itself (`pip install .`).
# Safe to run again: it installs only what is missing and rebuilds incrementally.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libpugixml-dev libicu-dev libsimdjson-dev libstemmer-dev
  libgtest-dev libgmock-dev
  libyaml-dev
)
if [[ "${AANSLUITING_WITH_BROWSER:-0}" == 1 ]]; then
  DEBIAN_PACKAGES+=(chromium)
fi

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "aansluiting: Debian-pakketten installeren: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# The build tree is kept in build/python so that a second run only recompiles what changed.
"$PYTHON" -m pip install -q --disable-pip-version-check --no-build-isolation .
