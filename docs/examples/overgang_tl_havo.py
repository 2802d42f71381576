"""Voorbeeld: de aansluiting vmbo tl → havo 4 voor wiskunde en biologie, zoals in een notebook.

Draai met:  python docs/examples/overgang_tl_havo.py  (de tests draaien het ook).
"""

import aansluiting as a

cat = a.load()  # SLO- en SBB-data (shared/data) en curricula/programmes

# Een overgang in code: twee vakkenparen en twee varianten met een praktijkgericht vak.
t = a.Transition(
    id="voorbeeld",
    name="vmbo tl → havo 4 (voorbeeld)",
    sending_level="vmbo tl",
    receiving_level="havo",
    pairs=[a.Pair("Wiskunde → wiskunde B", ["wiskunde"], ["wiskunde B"]),
           a.Pair("Biologie", ["biologie"], ["biologie"])],
    variants=[a.Variant("met T&T", None, ["Technologie & Toepassing"]),
              a.Variant("met ITTL", None, ["Informatietechnologie"])],
)
r = t.analyse(cat)

print(r.pair_summaries()[["receiving_leaves", "covered", "partly", "gaps", "coverage_share"]])
print(r.gaps[["pair", "code", "coverage", "best_sending_title"]].head(10))
for variant, comparison in r.comparisons.items():
    print(f"Hiaten gesloten {variant}:", len(comparison.closed))

# gl en tl naast elkaar: welke eindtermen gelden voor één van beide?
levels = a.compare_levels(cat, "vmbo gl", "vmbo tl")
print(levels[(levels["only_vmbo gl"] > 0) | (levels["only_vmbo tl"] > 0)][
    ["programme_title", "only_vmbo gl", "only_vmbo tl", "both"]])

ax = r.plot_heatmap("Wiskunde → wiskunde B")
ax.figure.savefig("heatmap-wiskunde.png", dpi=100)
a.report.write_html(r, "rapport-voorbeeld.html")
r.to_sssom("koppelingen-voorbeeld.sssom.tsv")  # de koppelingen, uitwisselbaar en te openen in een spreadsheet
