#!/usr/bin/env python3
"""Calibration of the coverage statuses (gedekt / deels gedekt / hiaat) on real ground truth.

A CvTE syllabus specifies the eindtermen of its exam programme that the central exam
tests; an eindterm that none of its specifications names is, for that syllabus, not
covered. So every syllabus and its exam programme form a small transition with a known
answer: the syllabus is the sending side, the programme's eindtermen at the syllabus'
level the receiving side. Each is analysed exactly as a user's transition is
(``aansluiting.Transition``: cross-programme matcher settings and thresholds, no order
model), and the receiving eindtermen's coverage and status are scored against
"specified by the syllabus".

The proxy is imperfect in two known ways: school-exam eindtermen on a topic the syllabus
does treat count as "not specified", and a syllabus is worded closer to its own
programme than a vmbo programme is to a havo one, so scores run higher here than
between school types.

Baseline, on the same eindtermen: the highest scikit-learn TF-IDF cosine (words, with
the parent titles as context) between the eindterm and any specification.

    python3 bench/bench_coverage.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)


def default_data() -> Path:
    env = os.environ.get("AANSLUITING_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def syllabus_cases(catalogue):
    """(syllabus, exam programme, level, ids of the eindtermen it specifies) per syllabus."""
    programmes = {p.root.id: p for p in catalogue.programmes}
    for programme in catalogue.programmes:
        syllabus = programme.root
        if syllabus.kind != "syllabus":
            continue
        exams = [g for g in syllabus.specifies() if g.kind == "programme"]
        if not exams:
            continue
        specified = {e.id for spec in syllabus.children() for e in spec.specifies() if e.kind == "eindterm"}
        # The syllabus' first level that its exam programme has. The programme's levels, not its
        # root record's: SLO's vmbo records name one leerweg (Aardrijkskunde vmbo: tl only).
        exam_levels = programmes[exams[0].id].levels
        level = next((lv for lv in programme.levels if lv in exam_levels), None)
        if specified and level:
            yield syllabus, exams[0], level, specified


def analyse(catalogue, cases) -> pd.DataFrame:
    import aansluiting as a

    rows = []
    for syllabus, exam, level, specified in cases:
        t = a.Transition(id="kalibratie", name=syllabus.title, sending_level=level, receiving_level=level,
                         pairs=[a.Pair(syllabus.title, [syllabus.title], [exam.title])])
        result = t.analyse(catalogue)
        cov = result.coverage
        cov = cov[cov["kind"] == "eindterm"].copy()
        cov["specified"] = cov["receiving_id"].isin(specified)
        cov["syllabus"] = syllabus.title
        cov["sources"] = [[c.title + " " + c.description for c in syllabus.children()]] * len(cov)
        rows.append(cov)
    return pd.concat(rows, ignore_index=True)


def tfidf_baseline(catalogue, table: pd.DataFrame) -> np.ndarray:
    """Highest TF-IDF word cosine between each eindterm (with its parents' titles) and a specification."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def text(goal) -> str:
        return " ".join([goal.title, goal.description] + [p.title for p in goal.ancestors()[:2]])

    eindterm_text = {gid: text(catalogue[gid]) for gid in table["receiving_id"].unique()}
    corpus = list(eindterm_text.values()) + [s for sources in table.drop_duplicates("syllabus")["sources"]
                                             for s in sources]
    vec = TfidfVectorizer(sublinear_tf=True).fit(corpus)
    out = np.zeros(len(table))
    for _, group in table.groupby("syllabus"):
        specs = vec.transform(group["sources"].iloc[0])
        terms = vec.transform([eindterm_text[g] for g in group["receiving_id"]])
        out[group.index] = (terms @ specs.T).max(axis=1).toarray().ravel()
    return out


def auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve (the Mann-Whitney statistic, ties counted half)."""
    ranks = pd.Series(scores).rank().to_numpy()
    pos = labels.sum()
    neg = len(labels) - pos
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def best_f1(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The best F1 of "covered" over every threshold, and that threshold."""
    best = max(sweep(labels, scores, np.unique(scores)), key=lambda r: r["f1"])
    return best["f1"], best["threshold"]


def sweep(labels: np.ndarray, scores: np.ndarray, thresholds=THRESHOLDS) -> list[dict]:
    out = []
    for th in thresholds:
        pred = scores >= th
        tp, fp = int((pred & labels).sum()), int((pred & ~labels).sum())
        fn, tn = int((~pred & labels).sum()), int((~pred & ~labels).sum())
        out.append({"threshold": th,
                    "covered_precision": tp / max(1, tp + fp), "covered_recall": tp / max(1, tp + fn),
                    "gap_precision": tn / max(1, tn + fn), "gap_recall": tn / max(1, tn + fp),
                    "f1": 2 * tp / max(1, 2 * tp + fp + fn)})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=default_data(), help="folder with slo/ (default ../shared/data)")
    args = parser.parse_args()

    import aansluiting as a

    start = time.perf_counter()
    catalogue = a.load_slo(str(args.data / "slo"))
    cases = list(syllabus_cases(catalogue))
    table = analyse(catalogue, cases)
    seconds = time.perf_counter() - start
    labels = table["specified"].to_numpy(bool)
    coverage = table["coverage"].to_numpy(float)
    baseline = tfidf_baseline(catalogue, table)

    print(f"{len(cases)} syllabi, {len(table)} eindtermen at the syllabus' level, "
          f"{labels.mean():.3f} of them specified; analysed in {seconds:.1f} s")
    print(f"AUC (specified vs not): coverage {auc(labels, coverage):.3f}, "
          f"TF-IDF baseline {auc(labels, baseline):.3f}")
    print("\nstatus (default thresholds)   eindtermen   share specified")
    for status in ("covered", "partly", "gap"):
        part = table[table["status_code"] == status]
        print(f"  {status:<28}{len(part):>10}   {part['specified'].mean():.3f}")
    (f1, th), (base_f1, base_th) = best_f1(labels, coverage), best_f1(labels, baseline)
    print(f"best F1 of 'covered': coverage {f1:.3f} (at {th:.2f}), TF-IDF baseline {base_f1:.3f} (at {base_th:.2f})")
    print("\nthreshold   covered (>=): precision  recall   gap (<): precision  recall   F1")
    for r in sweep(labels, coverage):
        print(f"  {r['threshold']:.2f}                   {r['covered_precision']:.3f}   {r['covered_recall']:.3f}"
              f"                {r['gap_precision']:.3f}   {r['gap_recall']:.3f}   {r['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
