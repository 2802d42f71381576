#!/usr/bin/env python3
"""Does a werkproces find its vmbo counterpart? Long receiving texts against short sending ones.

An mbo werkproces is a short title ("Ondersteunt de cliënt bij de persoonlijke verzorging")
over 2,000-3,500 characters of description, result and behaviour; a vmbo goal is a line
("Ondersteunen bij persoonlijke verzorging"). Two user tests found the title drowned in the
description: near-identical titles scored below the weakest link the analysis counts.

Ground truth: for 20 werkprocessen of two qualifications (Helpende Zorg en Welzijn, mbo 2,
dossier Dienstverlening 2755; Thuisbegeleider, mbo 4, dossier Maatschappelijke zorg 4156),
the goals of the vmbo profile subject Zorg en welzijn that prepare them, judged by the
developers from the titles and descriptions (only clear counterparts; werkprocessen without
one are left out). It is small and our own judgement: read it as a check on a known failure,
not as a calibration. Each transition is analysed as a user's is (every sending subject of the
shipped vmbo → mbo route, cross-programme settings), and for each werkproces the sending goals
are ranked by the score of their link.

Baseline, in the same run: scikit-learn TF-IDF cosine (words) between the werkproces' text and
every sending goal's, over the same goals.

    python3 bench/bench_werkprocessen.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (dossier/code of the werkproces, vmbo Zorg en welzijn codes that prepare it)
GOLD = {
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W1"): {"K/ZW/1.3", "K/ZW/1.4"},           # bereidt werk voor, stemt af
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W2"): {"P/ZW/2.1", "P/ZW/2.3"},           # ruimtes gebruiksklaar
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W3"): {"P/ZW/3.5"},                       # aanspreekpunt
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W6"): {"P/ZW/1.3", "P/ZW/1.4", "P/ZW/1.5"},  # veilige situatie
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W8"): {"P/ZW/1.1", "P/ZW/1.2"},           # voeding
    ("vmbo-kb-mbo2-hzw", "sbb:2755/B1-K1-W9"): {"P/ZW/3.4"},                       # evalueert
    ("vmbo-kb-mbo2-hzw", "sbb:2755/P2-K1-W1"): {"P/ZW/2.1", "P/ZW/2.2", "P/ZW/2.3"},  # wonen en huishouden
    ("vmbo-kb-mbo2-hzw", "sbb:2755/P2-K1-W2"): {"P/ZW/4.2", "P/ZW/4.3"},           # persoonlijke zorg en ADL
    ("vmbo-kb-mbo2-hzw", "sbb:2755/P2-K1-W3"): {"P/ZW/3.2", "P/ZW/3.3", "P/ZW/3.4"},  # recreatieve activiteiten
    ("thuisbegeleider", "sbb:4156/B1-K1-W1"): {"P/ZW/3.1", "P/ZW/4.1"},            # ondersteuningsvragen
    ("thuisbegeleider", "sbb:4156/B1-K1-W2"): {"P/ZW/4.2", "P/ZW/4.6"},            # persoonlijke verzorging
    ("thuisbegeleider", "sbb:4156/B1-K1-W3"): {"P/ZW/2.1", "P/ZW/2.2", "P/ZW/2.3"},  # wonen en huishouden
    ("thuisbegeleider", "sbb:4156/B1-K1-W4"): {"P/ZW/3.2", "P/ZW/3.3"},            # dagbesteding
    ("thuisbegeleider", "sbb:4156/B1-K1-W5"): {"P/ZW/1.4", "P/ZW/1.5"},            # onvoorziene situaties
    ("thuisbegeleider", "sbb:4156/B1-K1-W6"): {"K/ZW/1.4"},                        # stemt werk af
    ("thuisbegeleider", "sbb:4156/B1-K1-W7"): {"P/ZW/3.4"},                        # evalueert ondersteuning
    ("thuisbegeleider", "sbb:4156/B1-K2-W1"): {"K/ZW/1.2", "K/ZW/2.1"},            # eigen deskundigheid
    ("thuisbegeleider", "sbb:4156/P5-K1-W5"): {"P/ZW/4.5"},                        # opvoeding
    ("thuisbegeleider", "sbb:4156/P5-K1-W2"): {"P/ZW/4.1"},                        # psychosociale ondersteuning
    ("thuisbegeleider", "sbb:4156/P5-K1-W4"): {"P/ZW/3.1", "P/ZW/4.1"},            # sociaal netwerk
}


def default_data() -> Path:
    env = os.environ.get("AANSLUITING_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def transitions(a):
    hzw = a.shipped_transitions()["vmbo-kb-mbo2-hzw"]
    sending = hzw.pairs[0].sending
    thuis = a.Transition(id="thuisbegeleider", name="vmbo kb → mbo 4 Thuisbegeleider", sending_level="vmbo kb",
                         receiving_level="mbo 4", pairs=[a.Pair("Thuisbegeleider", list(sending), ["Thuisbegeleider"])])
    return {"vmbo-kb-mbo2-hzw": hzw, "thuisbegeleider": thuis}


def ranks(catalogue, result, gold_of) -> list[dict]:
    """Per judged werkproces: the rank of the first gold goal among the linked sending goals, its score."""
    links = result.alignment.to_pandas()
    rows = []
    for target, gold in gold_of.items():
        mine = links[links["target_id"] == target].sort_values("score", ascending=False)
        codes = list(mine["source_code"])
        rank = next((k + 1 for k, c in enumerate(codes) if c in gold), None)
        rows.append({"werkproces": target, "title": catalogue[target].title, "rank": rank,
                     "best": codes[0] if codes else "", "best_score": float(mine["score"].iloc[0]) if codes else 0.0,
                     "gold_score": float(mine["score"].iloc[rank - 1]) if rank else 0.0})
    return rows


def tfidf_ranks(a, catalogue, transition, gold_of) -> list[int | None]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    level = transition.sending_level
    sending = [g for name in transition.pairs[0].sending for g in a.leaves(catalogue.find_programme(name, level), level)]
    texts = [g.title + " " + g.description for g in sending]
    targets = [catalogue[t].title + " " + catalogue[t].description for t in gold_of]
    vec = TfidfVectorizer(sublinear_tf=True).fit(texts + targets)
    sims = (vec.transform(targets) @ vec.transform(texts).T).toarray()
    out = []
    for row, gold in zip(sims, gold_of.values()):
        order = sorted(range(len(sending)), key=lambda k: -row[k])
        out.append(next((k + 1 for k, j in enumerate(order) if sending[j].code in gold), None))
    return out


def summary(label: str, found: list[int | None]) -> str:
    n = len(found)
    at1 = sum(r == 1 for r in found) / n
    at3 = sum(r is not None and r <= 3 for r in found) / n
    mrr = sum(1 / r for r in found if r) / n
    return f"{label:<22} acc@1 {at1:.3f}  hit@3 {at3:.3f}  MRR {mrr:.3f}  n={n}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=default_data(), help="folder with slo/ and sbb/")
    parser.add_argument("--verbose", action="store_true", help="print every werkproces")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # the analysis' notes on the data are not the point here

    import aansluiting as a

    start = time.perf_counter()
    catalogue = a.load(args.data)
    rows, base = [], []
    threshold = 0.0
    for tid, transition in transitions(a).items():
        gold_of = {t: g for (k, t), g in GOLD.items() if k == tid}
        result = transition.analyse(catalogue, with_variants=False)
        threshold = result.meta["thresholds"]["min_link_score"]  # the weakest link a transition counts
        rows += ranks(catalogue, result, gold_of)
        base += tfidf_ranks(a, catalogue, transition, gold_of)
    seconds = time.perf_counter() - start
    if args.verbose:
        for r in rows:
            print(f"  {r['werkproces']:<22} rank {str(r['rank']):>4}  gold {r['gold_score']:.3f}  "
                  f"best {r['best']:<12} {r['best_score']:.3f}  {r['title']}")
    found = [r["rank"] for r in rows]
    print(summary("matcher", found))
    print(summary("baseline tfidf-word", base))
    linked = [r["gold_score"] for r in rows if r["rank"]]
    print(f"gold link counted (score >= {threshold:.2f}): {sum(s >= threshold for s in linked)} of {len(rows)}; "
          f"mean score of the gold link {sum(linked) / max(1, len(linked)):.3f}  ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
