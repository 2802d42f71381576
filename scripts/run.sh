#!/usr/bin/env bash
# The main job: set up, then run aansluiting on the shipped default data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if (($# == 0)); then
  # The default: an overview of the data, then a report (HTML + Excel) for every shipped transition.
  "${PYTHON:-python3}" -m aansluiting overzicht
  exec "${PYTHON:-python3}" -m aansluiting rapport alle -o rapporten
fi
exec "${PYTHON:-python3}" -m aansluiting "$@"
