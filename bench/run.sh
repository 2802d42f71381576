#!/usr/bin/env bash
# Every benchmark in one command: builds the drivers (Release) and runs
#   bench_import.py   SLO import, C++ versus json.load + dicts        (issue target >= 5x)
#   bench_linking.py  alignment quality on the CvTE linking task      (target acc@1 >= 0.70)
#   bench_join.py     top-k similarity join versus sparse_dot_topn    (target >= 3x)
#   bench_coverage.py the coverage statuses against the syllabus gold  (calibration)
#   bench_werkprocessen.py  long mbo werkprocessen against short vmbo goals (a check)
#   the full report of every shipped transition, timed
# Figures are printed, never asserted. Usage: bash bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${AANSLUITING_DATA:-$(cd .. && pwd)/shared/data}"
BUILD=build/bench
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAANSLUITING_BUILD_TESTS=OFF \
  -DAANSLUITING_BUILD_PYTHON=OFF >/dev/null
cmake --build "$BUILD" --target import_slo linking_driver join_driver -j"$(nproc)"

echo "== import"
python3 bench/bench_import.py --data "$DATA/slo" --repeat 20 --no-binding --driver "$BUILD/bench/import_slo"
echo "== linking quality"
python3 bench/bench_linking.py --driver "$BUILD/bench/linking_driver" --data "$DATA" --audit
echo "== similarity join"
if [[ "${1:-}" == "--quick" ]]; then
  python3 bench/bench_join.py --driver "$BUILD/bench/join_driver" --scales 1,2 --skip-sklearn
else
  python3 bench/bench_join.py --driver "$BUILD/bench/join_driver"
fi
echo "== coverage statuses against the syllabus gold"
python3 bench/bench_coverage.py --data "$DATA"
echo "== werkprocessen against their vmbo counterparts"
python3 bench/bench_werkprocessen.py --data "$DATA"
echo "== reports"
out=$(mktemp -d)
TIMEFORMAT="all reports (HTML + Excel): %R s wall"
time (python3 -m aansluiting rapport alle -o "$out" --data "$DATA" 2>&1 | grep -v -E "^(Afstemmen|Rapport maken)")
