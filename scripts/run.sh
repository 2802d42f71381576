#!/usr/bin/env bash
# The main job: set up, then run aansluiting on the shipped default data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec "${PYTHON:-python3}" -m aansluiting "$@"
