#!/usr/bin/env python3
"""Spearman of `parallax similarity` on the STS Benchmark dev pairs (stdlib only).

Runs the CLI once on every pair of ../shared/eval/stsb-dev/pairs.json and prints the
Spearman rank correlation with the people's grades of its three scores (lexical,
semantic, combined), over all pairs, per `file` and on the two halves (pairs at even and
at odd positions). With --choose it also picks the semantic share of the mix on the even
half alone (a grid of 0.00 to 1.00 by 0.05) and reports that mix on the odd half: the
share in crates/core/src/analysis/semantic.rs (SEMANTIC_SHARE) is chosen so, never on all pairs.

Usage:
    cargo build --profile eval -p parallax-cli
    python3 scripts/eval/stsb.py [--pairs PATH] [--bin target/eval/parallax] [--choose]
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ranks(values):
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs, ys):
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default=os.path.join(ROOT, "..", "shared", "eval", "stsb-dev", "pairs.json"))
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "eval", "parallax"))
    parser.add_argument("--choose", action="store_true", help="choose the mix on the even half")
    args = parser.parse_args()
    if not os.path.exists(args.pairs):
        args.pairs = "/work/shared/eval/stsb-dev/pairs.json"
    with open(args.pairs, encoding="utf-8") as f:
        pairs = json.load(f)
    lines = "".join(json.dumps({"a": p["a"], "b": p["b"]}) + "\n" for p in pairs)
    start = time.perf_counter()
    run = subprocess.run([args.bin, "similarity", "--stats"], input=lines.encode(), capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"parallax similarity failed ({run.returncode}): {run.stderr.decode()}")
    scores = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert len(scores) == len(pairs), (len(scores), len(pairs))
    print(run.stderr.decode().strip())
    print(f"{len(pairs)} pairs scored in {seconds:.2f} s (one process, table load included)")

    labels = [p["label"] for p in pairs]
    groups = [("all", list(range(len(pairs)))), ("even half", list(range(0, len(pairs), 2))),
              ("odd half", list(range(1, len(pairs), 2)))]
    for name in sorted({p["file"] for p in pairs}):
        groups.append((name, [i for i, p in enumerate(pairs) if p["file"] == name]))
    print(f"\n{'pairs':<16} {'n':>5} {'lexical':>8} {'semantic':>9} {'combined':>9}")
    for name, idx in groups:
        row = [spearman([scores[i][k] for i in idx], [labels[i] for i in idx]) for k in ("lexical", "semantic", "score")]
        print(f"{name:<16} {len(idx):>5} {row[0]:>8.3f} {row[1]:>9.3f} {row[2]:>9.3f}")

    if args.choose:
        even, odd = groups[1][1], groups[2][1]
        def mixed(share, idx):
            values = [share * scores[i]["semantic"] + (1 - share) * scores[i]["lexical"] for i in idx]
            return spearman(values, [labels[i] for i in idx])
        grid = [round(0.05 * k, 2) for k in range(21)]
        best = max(grid, key=lambda s: mixed(s, even))
        print(f"\nsemantic share chosen on the even half: {best:.2f} "
              f"(even {mixed(best, even):.3f}, odd {mixed(best, odd):.3f}, all {mixed(best, groups[0][1]):.3f})")
        print("  " + ", ".join(f"{s:.2f}: {mixed(s, even):.3f}" for s in grid[::2]))


if __name__ == "__main__":
    main()
