#!/usr/bin/env bash
# Every test: set up, build and run the GoogleTest suite, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
AANSLUITING_WITH_BROWSER=1 bash scripts/setup.sh

cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAANSLUITING_BUILD_PYTHON=OFF >/dev/null
cmake --build build/cpp -j"$(nproc)"
ctest --test-dir build/cpp --output-on-failure -j"$(nproc)"

"${PYTHON:-python3}" -m pytest tests/python
