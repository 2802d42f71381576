"""The coverage statuses on real ground truth: a syllabus against its own exam programme.

Eindtermen that the syllabus specifies should mostly come out "gedekt", the others
mostly "hiaat" (bench/bench_coverage.py prints the full calibration).
"""

from __future__ import annotations

import pandas as pd
import pytest

import aansluiting as a

pytestmark = pytest.mark.slow

def test_gaps_are_eindtermen_the_syllabus_does_not_specify(slo: a.Catalogue) -> None:
    rows = []
    for programme in slo.programmes:  # the syllabi for 2024, every subject in the data
        title = programme.title
        if programme.root.kind != "syllabus" or not title.endswith(" 2024"):
            continue
        exam = next((g for g in programme.root.specifies() if g.kind == "programme"), None)
        level = next((lv for lv in programme.levels if lv in exam.levels), None) if exam else None
        if level is None:  # no exam programme, or none at the syllabus' levels: nothing to analyse
            continue
        specified = {e.id for spec in programme.root.children() for e in spec.specifies()}
        t = a.Transition(id="t", name=title, sending_level=level, receiving_level=level,
                         pairs=[a.Pair(title, [title], [exam.title])])
        cov = t.analyse(slo).coverage
        cov = cov[cov["kind"] == "eindterm"].assign(specified=lambda c: c["receiving_id"].isin(specified))
        rows.append(cov)
    table = pd.concat(rows)
    assert len(rows) >= 20 and table["specified"].any() and not table["specified"].all()
    share = table.groupby("status_code")["specified"].mean()
    assert set(share.index) == {"covered", "partly", "gap"}
    assert share["covered"] > share["partly"] > share["gap"]
    assert share["gap"] < 0.2 and share["covered"] > 0.6, share.to_dict()
