#!/usr/bin/env python3
"""Import benchmark: the C++ SLO importer against a plain-Python baseline.

Both are measured in the same run (best of several repetitions each):

* baseline: ``json.load`` of every JSON file of the SLO folder that the importer
  reads, plus a dict of each file's records keyed by id;
* C++: ``aansluiting.load_slo(path)`` when the Python package is importable,
  otherwise the driver ``bench/import_slo`` (``--driver`` or found in build/*/bench/).

Usage: python bench/bench_import.py [--data ../shared/data/slo] [--repeat 10] [--basis]
Prints one JSON object with both times and the ratios of wall and CPU time
(issue target: >= 5x).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The files load_slo reads (importers/src/slo_dataset.cpp), per data set folder.
FILES = {
    "basis": ["niveaus.json", "vakleergebieden.json"],
    "examenprogramma": ["examenprogramma.json", "domeinen.json", "subdomeinen.json", "eindtermen.json",
                        "kop1.json", "kop2.json", "kop3.json", "kop4.json", "body.json", "vakleergebieden.json"],
    "syllabus": ["syllabus.json", "specifieke_eindtermen.json", "toelichtingen.json", "vakbegrippen.json",
                 "vakleergebieden.json"],
    "referentiekader": ["ref.vakleergebieden.json", "ref.domeinen.json", "ref.subdomeinen.json",
                        "ref.onderwerpen.json", "ref.deelonderwerpen.json", "ref.tekstkenmerken.json"],
}


def default_data() -> Path:
    env = os.environ.get("AANSLUITING_DATA")
    return (Path(env) if env else ROOT.parent / "shared" / "data") / "slo"


def input_files(folder: Path, basis: bool) -> list[Path]:
    files = [folder / d / name for d, names in FILES.items() for name in names]
    if basis:
        files.append(folder / "basis" / "doelen.json")
    return [f for f in files if f.is_file()]


def python_baseline(files: list[Path], repeat: int) -> tuple[float, float, int]:
    """Best wall and CPU seconds of json.load + an id dict per file."""
    best, cpu_best, records = float("inf"), float("inf"), 0
    by_file: dict = {}
    data = None
    for _ in range(repeat):
        # The previous result is freed here, untimed, as the C++ side frees its catalogue.
        by_file, data = {}, None
        start, cpu_start = time.perf_counter(), time.process_time()
        for path in files:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            by_file[str(path)] = {r["id"]: r for r in data if isinstance(r, dict) and "id" in r}
        best = min(best, time.perf_counter() - start)
        cpu_best = min(cpu_best, time.process_time() - cpu_start)
        records = sum(len(d) for d in by_file.values())
    return best, cpu_best, records


def cpp_binding(folder: Path, repeat: int, basis: bool) -> dict | None:
    try:
        import aansluiting  # noqa: PLC0415 (optional: only when the package is built)
    except Exception:  # noqa: BLE001 (not built, or built for another interpreter)
        return None
    if not hasattr(aansluiting, "load_slo"):
        return None
    kwargs = {"basis_goals": True} if basis else {}
    best, cpu_best, catalogue = float("inf"), float("inf"), None
    try:
        for _ in range(repeat):
            catalogue = None  # free the previous catalogue outside the timed part
            start, cpu_start = time.perf_counter(), time.process_time()
            catalogue = aansluiting.load_slo(str(folder), **kwargs)
            best = min(best, time.perf_counter() - start)
            cpu_best = min(cpu_best, time.process_time() - cpu_start)
    except TypeError:  # a binding with another signature: use the driver
        return None
    out = {"seconds_best": best, "cpu_seconds_best": cpu_best, "via": "python binding aansluiting.load_slo"}
    for name in ("num_goals", "num_edges"):
        value = getattr(catalogue, name, None)
        if value is not None:
            out[name.removeprefix("num_")] = value() if callable(value) else value
    return out


def find_driver(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    found = [Path(p) for p in glob.glob(str(ROOT / "build" / "*" / "bench" / "import_slo"))]
    found = [p for p in found if os.access(p, os.X_OK)]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def cpp_driver(driver: Path, folder: Path, repeat: int, basis: bool) -> dict:
    cmd = [str(driver), str(folder), str(repeat)] + (["--basis"] if basis else [])
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    out = json.loads(result.stdout)
    out["via"] = f"driver {driver}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=default_data(), help="SLO folder (default ../shared/data/slo)")
    parser.add_argument("--repeat", type=int, default=10, help="repetitions; the best time counts")
    parser.add_argument("--driver", help="path of the import_slo driver (default: newest build/*/bench/import_slo)")
    parser.add_argument("--basis", action="store_true", help="also load basis/doelen.json (17,113 goals)")
    parser.add_argument("--no-binding", action="store_true", help="use the driver even if the package is importable")
    args = parser.parse_args()

    if not args.data.is_dir():
        print(f"geen SLO-map: {args.data}", file=sys.stderr)
        return 2
    files = input_files(args.data, args.basis)
    base_seconds, base_cpu, records = python_baseline(files, args.repeat)

    cpp = None if args.no_binding else cpp_binding(args.data, args.repeat, args.basis)
    if cpp is None:
        driver = find_driver(args.driver)
        if driver is None:
            print("geen aansluiting-module en geen import_slo-driver gevonden (bouw eerst: "
                  "cmake --build build/<naam> --target import_slo)", file=sys.stderr)
            return 2
        cpp = cpp_driver(driver, args.data, args.repeat, args.basis)

    report = {
        "data": str(args.data),
        "files": len(files),
        "bytes": sum(f.stat().st_size for f in files),
        "records": records,
        "repeat": args.repeat,
        "python_seconds_best": round(base_seconds, 6),
        "cpp_seconds_best": round(cpp["seconds_best"], 6),
        "ratio": round(base_seconds / cpp["seconds_best"], 2),
        "python_cpu_seconds_best": round(base_cpu, 6),
        "cpp": cpp,
    }
    if "cpu_seconds_best" in cpp:  # CPU time is steadier when the machine is shared
        report["cpu_ratio"] = round(base_cpu / cpp["cpu_seconds_best"], 2)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
