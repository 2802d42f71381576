#!/usr/bin/env python3
"""Speed benchmark of the all-pairs top-k similarity join.

One command:  python bench/bench_join.py  [--driver PATH] [--threads N] [--repeat R]

Builds the corpus of every goal text in the SLO data (basis/doelen.json,
examenprogramma/eindtermen.json, syllabus/specifieke_eindtermen.json; title and
description of each record), turns it into L2-normalised weighted vectors with
project_vectors(), and times, on that same matrix in the same run:

  * our join      bench/join_driver (C++ top_k_join, self-join, exclude self, top 10, threshold 0)
  * sparse_dot_topn.sp_matmul_topn(X, X.T, top_n=11, threshold=0, n_threads=N), self removed
  * scikit-learn  chunked safe_sparse_dot(X[chunk], X.T) + argpartition (single thread)

Each runs in its own process, so the peak memory of each is its own. All three
must give the same top-10 score list per row (tolerance 1e-5); rows whose score
lists agree but whose columns differ are tie-breaking differences and counted apart.
Afterwards our join is timed on 1x, 2x, 4x and 8x the corpus.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parent.parent
TOP_K = 10
CSR_MAGIC = b"AANSCSR1"
TOPK_MAGIC = b"AANSTOPK"


# ---------------------------------------------------------------- corpus ---

def data_dir() -> Path:
    return Path(os.environ.get("AANSLUITING_DATA", REPO.parent / "shared" / "data"))


def goal_texts(slo: Path) -> list[str]:
    texts = []
    for name in ("basis/doelen.json", "examenprogramma/eindtermen.json", "syllabus/specifieke_eindtermen.json"):
        for record in json.loads((slo / name).read_text(encoding="utf-8")):
            text = " ".join(p for p in (record.get("title"), record.get("description")) if p)
            if text.strip():
                texts.append(text)
    return texts


_WORD = re.compile(r"(?u)\b\w\w+\b")  # the tokens TfidfVectorizer sees


def scaled_corpus(texts: list[str], factor: int, mix: float = 0.3, seed: int = 7) -> list[str]:
    """The corpus plus factor-1 copies in which a fraction `mix` of the words is
    swapped with words of random other goals (seeded), so copies are similar to
    the originals without being duplicates."""
    out = list(texts)
    rng = random.Random(seed)
    words = [_WORD.findall(t) for t in texts]
    for _ in range(factor - 1):
        copy = [list(w) for w in words]
        flat = [(i, j) for i, w in enumerate(copy) for j in range(len(w))]
        for i, j in flat:
            if rng.random() < mix:
                k, l = flat[rng.randrange(len(flat))]
                copy[i][j], copy[k][l] = copy[k][l], copy[i][j]
        out.extend(" ".join(w) for w in copy)
    return out


# --------------------------------------------------------------- vectors ---

def catalogue_vectors(char_weight: float | None = None) -> sp.csr_matrix | None:
    """The matcher's own goal vectors (BM25 terms of the goal's text plus its ancestors'
    titles, L2-normalised) for every doel, eindterm and specification of the SLO data,
    or None when the package is not importable."""
    try:
        import aansluiting as a  # noqa: PLC0415
    except ImportError:
        return None
    if not hasattr(a, "goal_vectors"):
        return None
    cat = a.load_slo(data_dir() / "slo", basis_goals=True)
    kinds = {"goal", "eindterm", "specification"}
    goals = [g for g in (cat[i] for i in cat.to_pandas()["id"])
             if g.kind in kinds and (g.title.strip() or g.description.strip())]
    return _canonical(a.goal_vectors(goals, char_weight=char_weight))


def scaled_matrix(x: sp.csr_matrix, factor: int, mix: float = 0.3, seed: int = 7) -> sp.csr_matrix:
    """`x` plus factor-1 copies in which a fraction `mix` of each row's terms is
    replaced by terms of random other rows (seeded), rows re-normalised: the
    matrix-level form of scaled_corpus for vectors that come from goals."""
    rng = np.random.default_rng(seed)
    blocks = [x]
    for _ in range(factor - 1):
        c = x.copy()
        swap = rng.random(c.nnz) < mix
        c.indices[swap] = x.indices[rng.integers(0, x.nnz, int(swap.sum()))]
        c = _canonical(c)
        norms = np.sqrt(np.asarray(c.multiply(c).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        blocks.append(_canonical(sp.diags(1.0 / norms) @ c))
    return _canonical(sp.vstack(blocks).tocsr())


def project_vectors(texts: list[str]) -> tuple[sp.csr_matrix, str]:
    """Weighted, L2-normalised row vectors for `texts` and a label naming the vectoriser.

    Hook: when the Python package offers `aansluiting.vectorise(texts)` (the
    project's Dutch text engine), it is used; it must return a scipy sparse
    matrix or (indptr, indices, values, n_cols). Until then the stand-in is
    scikit-learn's TfidfVectorizer (word unigrams, sublinear tf, l2 norm)."""
    try:
        import aansluiting  # noqa: PLC0415

        vectorise = getattr(aansluiting, "vectorise", None)
    except ImportError:
        vectorise = None
    if vectorise is not None:
        out = vectorise(texts)
        if not sp.issparse(out):
            indptr, indices, values, n_cols = out
            out = sp.csr_matrix((values, indices, indptr), shape=(len(indptr) - 1, n_cols))
        return _canonical(sp.csr_matrix(out)), "aansluiting.vectorise"
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415

    vec = TfidfVectorizer(sublinear_tf=True, norm="l2", dtype=np.float32)
    return _canonical(vec.fit_transform(texts)), "stand-in: sklearn TfidfVectorizer(sublinear_tf, l2, unigrams)"


def _canonical(m: sp.csr_matrix) -> sp.csr_matrix:
    m = m.astype(np.float32).tocsr()
    m.sum_duplicates()
    m.sort_indices()
    m.eliminate_zeros()
    return m


def write_csr(path: Path, m: sp.csr_matrix) -> None:
    with open(path, "wb") as f:
        f.write(CSR_MAGIC)
        f.write(np.array([m.shape[0], m.shape[1], m.nnz], dtype="<u8").tobytes())
        f.write(m.indptr.astype("<u4").tobytes())
        f.write(m.indices.astype("<u4").tobytes())
        f.write(m.data.astype("<f4").tobytes())


def read_csr(path: Path) -> sp.csr_matrix:
    raw = path.read_bytes()
    assert raw[:8] == CSR_MAGIC
    rows, cols, nnz = np.frombuffer(raw, "<u8", 3, 8)
    off = 32
    indptr = np.frombuffer(raw, "<u4", rows + 1, off); off += 4 * (rows + 1)
    indices = np.frombuffer(raw, "<u4", nnz, off); off += 4 * nnz
    values = np.frombuffer(raw, "<f4", nnz, off)
    return sp.csr_matrix((values, indices.astype(np.int32), indptr.astype(np.int64)), shape=(rows, cols))


def read_topk(path: Path) -> tuple[np.ndarray, np.ndarray]:
    raw = path.read_bytes()
    assert raw[:8] == TOPK_MAGIC
    rows, k = (int(x) for x in np.frombuffer(raw, "<u8", 2, 8))
    cols = np.frombuffer(raw, "<i4", rows * k, 24).reshape(rows, k)
    scores = np.frombuffer(raw, "<f4", rows * k, 24 + 4 * rows * k).reshape(rows, k)
    return cols, scores


# ------------------------------------------------------------- baselines ---
# Each baseline runs in a child process (see --worker) that loads the matrix,
# runs the join `repeat` times and saves its last result in the AANSTOPK format.

def topk_from_rows(row_cols: list[np.ndarray], row_scores: list[np.ndarray], n: int):
    cols = np.full((n, TOP_K), -1, dtype=np.int32)
    scores = np.zeros((n, TOP_K), dtype=np.float32)
    for i in range(n):
        c, s = row_cols[i], row_scores[i]
        order = np.lexsort((c, -s))[:TOP_K]  # score desc, then column asc
        cols[i, : len(order)] = c[order]
        scores[i, : len(order)] = s[order]
    return cols, scores


def run_sparse_dot_topn(x: sp.csr_matrix, threads: int):
    from sparse_dot_topn import sp_matmul_topn  # noqa: PLC0415

    c = sp_matmul_topn(x, x.T.tocsr(), top_n=TOP_K + 1, threshold=0.0, sort=True, n_threads=threads)
    return c


def sdtopn_to_topk(c: sp.csr_matrix, n: int):
    rc, rs = [], []
    for i in range(n):
        a, b = c.indptr[i], c.indptr[i + 1]
        cols, scores = c.indices[a:b], c.data[a:b]
        keep = cols != i
        cols, scores = cols[keep], scores[keep]
        if len(cols) > TOP_K:  # self was not among the 11 (ties at the top): drop the weakest
            order = np.lexsort((cols, -scores))[:TOP_K]
            cols, scores = cols[order], scores[order]
        rc.append(cols)
        rs.append(scores)
    return topk_from_rows(rc, rs, n)


def run_sklearn_chunked(x: sp.csr_matrix, chunk: int = 1024):
    from sklearn.utils import gen_batches  # noqa: PLC0415
    from sklearn.utils.extmath import safe_sparse_dot  # noqa: PLC0415

    n = x.shape[0]
    xt = x.T.tocsc()
    rc, rs = [], []
    for batch in gen_batches(n, chunk):
        block = safe_sparse_dot(x[batch], xt, dense_output=True)
        rows = np.arange(batch.start, batch.stop)
        block[rows - batch.start, rows] = -np.inf
        part = np.argpartition(-block, TOP_K, axis=1)[:, :TOP_K]
        for r in range(block.shape[0]):
            cols = part[r]
            s = block[r, cols]
            keep = s > 0
            rc.append(cols[keep].astype(np.int32))
            rs.append(s[keep].astype(np.float32))
    return rc, rs


def worker(kind: str, matrix: Path, out: Path, threads: int, repeat: int) -> None:
    x = read_csr(matrix)
    x = sp.csr_matrix((x.data.copy(), x.indices.copy(), x.indptr.copy()), shape=x.shape)
    rss_before = peak_rss_kib()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        if kind == "sdtopn":
            res = run_sparse_dot_topn(x, threads)
        else:
            res = run_sklearn_chunked(x)
        times.append(time.perf_counter() - t)
    if kind == "sdtopn":
        cols, scores = sdtopn_to_topk(res, x.shape[0])
    else:
        cols, scores = topk_from_rows(*res, x.shape[0])
    with open(out, "wb") as f:
        f.write(TOPK_MAGIC + np.array([x.shape[0], TOP_K], dtype="<u8").tobytes())
        f.write(cols.astype("<i4").tobytes() + scores.astype("<f4").tobytes())
    print(json.dumps({"best_seconds": min(times), "seconds": times, "rss_before_kib": rss_before,
                      "peak_rss_kib": peak_rss_kib()}))


def peak_rss_kib() -> int:
    """This process's peak resident set size (Linux VmHWM). getrusage of a child
    would not do: on Linux a child's maxrss includes the parent's pages it was forked with."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def timed_child(cmd: list[str]) -> dict:
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------ comparison ---

def compare(name: str, ref: tuple[np.ndarray, np.ndarray], other: tuple[np.ndarray, np.ndarray]) -> dict:
    rc, rs = ref
    oc, os_ = other
    same = ties = differ = 0
    examples = []
    for i in range(rc.shape[0]):
        a_valid, b_valid = rc[i] >= 0, oc[i] >= 0
        a_s, b_s = np.sort(rs[i][a_valid])[::-1], np.sort(os_[i][b_valid])[::-1]
        if len(a_s) != len(b_s) or not np.allclose(a_s, b_s, rtol=0, atol=1e-5):
            differ += 1
            if len(examples) < 3:
                examples.append(i)
        elif set(rc[i][a_valid]) == set(oc[i][b_valid]):
            same += 1
        else:
            ties += 1
    return {"baseline": name, "rows_identical": same, "rows_tie_order_only": ties, "rows_different": differ,
            "examples_different": examples}


def find_driver(explicit: str | None) -> str:
    if explicit:
        return explicit
    found = [p for p in glob.glob(str(REPO / "build" / "*" / "bench" / "join_driver")) if os.access(p, os.X_OK)]
    if not found:
        sys.exit("join_driver not found under build/*/bench; build it (cmake --build build/X --target join_driver) or pass --driver")
    return max(found, key=os.path.getmtime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--driver")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=5, help="best of N for our join and sparse_dot_topn")
    ap.add_argument("--scales", default="1,2,4,8")
    ap.add_argument("--skip-sklearn", action="store_true")
    ap.add_argument("--char-weight", type=float, default=None,
                    help="weight of the character-gram channel in the goal vectors (default: the matcher's; 0 = words only)")
    ap.add_argument("--stand-in", action="store_true",
                    help="use scikit-learn TF-IDF vectors of the texts instead of the matcher's goal vectors")
    ap.add_argument("--baseline-max-scale", type=int, default=4,
                    help="also time sparse_dot_topn in the growth table up to this scale (it grows fastest)")
    ap.add_argument("--worker", choices=["sdtopn", "sklearn"], help=argparse.SUPPRESS)
    ap.add_argument("--matrix", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, Path(args.matrix), Path(args.out), args.threads, args.repeat)
        return

    driver = find_driver(args.driver)
    texts = goal_texts(data_dir() / "slo")
    t = time.perf_counter()
    x = None if args.stand_in else catalogue_vectors(args.char_weight)
    if x is not None:
        label = ("aansluiting.goal_vectors: BM25 terms + ancestor titles" +
                 (" + character 3-5-grams" if args.char_weight != 0 else ", word channel only") +
                 ", the matcher's own vectors")
    else:
        x, label = project_vectors(texts)
    from_goals = x is not None and label.startswith("aansluiting.goal_vectors")
    vec_s = time.perf_counter() - t
    print(f"corpus: {x.shape[0]} goal texts; vectors: {x.shape[0]} x {x.shape[1]}, {x.nnz} non-zeros "
          f"({label}, {vec_s:.1f} s)")
    print(f"driver: {driver}; threads: {args.threads}")

    with tempfile.TemporaryDirectory(prefix="bench-join-") as tmp:
        tmp = Path(tmp)
        matrix = tmp / "matrix.csr"
        write_csr(matrix, x)
        ours_json = timed_child([driver, "--input", str(matrix), "--output", str(tmp / "ours.bin"),
                                           "--threads", str(args.threads), "--repeat", str(args.repeat)])
        ours = read_topk(tmp / "ours.bin")
        me = [sys.executable, __file__, "--matrix", str(matrix), "--threads", str(args.threads)]
        sd_json = timed_child(me + ["--worker", "sdtopn", "--out", str(tmp / "sd.bin"),
                                            "--repeat", str(args.repeat)])
        results = [("sparse_dot_topn", sd_json, read_topk(tmp / "sd.bin"))]
        if not args.skip_sklearn:
            sk_json = timed_child(me + ["--worker", "sklearn", "--out", str(tmp / "sk.bin"), "--repeat", "1"])
            results.append(("sklearn chunked", sk_json, read_topk(tmp / "sk.bin")))

        ours_t = ours_json["best_seconds"]
        print()
        print(f"timings: self-join, top {TOP_K}, threshold 0, self excluded, {args.threads} thread(s) where the")
        print("implementation has an option for it; best of the runs; join only (matrix loaded, index build included)")
        print(f"  {'implementation':<26} {'seconds':>9} {'ratio':>8} {'peak RSS MiB':>13} {'before join':>12}")
        print(f"  {'aansluiting top_k_join':<26} {ours_t:9.3f} {'1.00x':>8} {ours_json['peak_rss_kib'] / 1024:13.1f} "
              f"{'-':>12}")
        for name, js, _ in results:
            print(f"  {name:<26} {js['best_seconds']:9.3f} {js['best_seconds'] / ours_t:7.2f}x "
                  f"{js['peak_rss_kib'] / 1024:13.1f} {js['rss_before_kib'] / 1024:12.1f}")
        print("  ratio: baseline seconds / our seconds (higher = ours faster). sklearn runs on one thread.")
        print("  peak RSS: VmHWM of the process that ran the join: the C++ driver (matrix + index + result), or a")
        print("  Python process that imported numpy/scipy/the baseline and loaded the same matrix; 'before join' is")
        print("  that Python process's peak just before its first run, so the join itself added the difference.")
        print()
        print(f"agreement with our join (top-{TOP_K} score lists per row, atol 1e-5; 'tie order only' = same scores,")
        print("different columns among equal scores):")
        for name, _, res in results:
            print("  " + json.dumps(compare(name, ours, res)))

        print()
        print("growth of our join (copies of the corpus with 30% of the words swapped between goals, seed 7):")
        print(f"  {'scale':>5} {'rows':>8} {'nnz':>9} {'seconds':>9} {'peak RSS MiB':>13} {'sparse_dot_topn s':>18} "
              f"{'ratio':>7}")
        for factor in (int(f) for f in args.scales.split(",")):
            if factor == 1:
                xs = x
            elif from_goals:
                xs = scaled_matrix(x, factor)
            else:
                xs = project_vectors(scaled_corpus(texts, factor))[0]
            write_csr(matrix, xs)
            js = timed_child([driver, "--input", str(matrix), "--threads", str(args.threads),
                              "--repeat", str(max(1, args.repeat // 2))])
            line = (f"  {factor:>4}x {xs.shape[0]:>8} {xs.nnz:>9} {js['best_seconds']:9.3f} "
                    f"{js['peak_rss_kib'] / 1024:13.1f}")
            if factor <= args.baseline_max_scale:
                sd = timed_child(me + ["--worker", "sdtopn", "--out", str(tmp / "sd.bin"), "--repeat", "1"])
                line += f" {sd['best_seconds']:18.3f} {sd['best_seconds'] / js['best_seconds']:6.2f}x"
            print(line, flush=True)

if __name__ == "__main__":
    main()
