#!/usr/bin/env python3
"""Field report on real news: runs the CLI over every ECB+ dev article and prints, for
attribution, numbers and times, how many claims have each, with random samples a person
can judge.

usage: fields.py EVENTS.json CLI [--samples 10] [--seed 9] [--dump OUT.json]
       e.g. python3 scripts/eval/fields.py /work/shared/eval/ecbplus-dev/events.json target/eval/parallax

Each article is written as the scorer writes it (headline, blank line, its sentences as
one paragraph). Articles of an event are compared two by two (an odd one out is
compared with itself, and only its side A is counted), so every article is read once.
`--dump` writes every claim with its fields, for judging more than the samples.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter


def article_text(art):
    sents = [s["text"] for s in art["sentences"] if not s["text"].startswith("http")]
    if not sents:
        return None
    return sents[0] + "\n\n" + " ".join(sents[1:]) + "\n"


def compare(cli, a, b, tmp):
    paths = []
    for name, text in (("a.txt", a), ("b.txt", b)):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    out = subprocess.run([cli, "compare", *paths, "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"cli failed: {out.stderr.strip()}", file=sys.stderr)
        return []
    return json.loads(out.stdout)["claims"]


def claims_of(events, cli):
    """(event, doc, claim) for every claim of every article."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for event in events:
            arts = [(a["doc"], article_text(a)) for a in event["articles"]]
            arts = [(d, t) for d, t in arts if t]
            for k in range(0, len(arts), 2):
                (doc_a, a) = arts[k]
                (doc_b, b) = arts[k + 1] if k + 1 < len(arts) else (None, a)
                for claim in compare(cli, a, b, tmp):
                    side = claim["id"][0]
                    if side == "A":
                        found.append((event["event"], doc_a, claim))
                    elif doc_b is not None:
                        found.append((event["event"], doc_b, claim))
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("events")
    p.add_argument("cli")
    p.add_argument("--samples", type=int, default=10)
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--dump")
    args = p.parse_args()
    events = json.load(open(args.events, encoding="utf-8"))
    found = claims_of(events, args.cli)
    total = len(found)
    docs = len({d for _, d, _ in found})
    print(f"{total} claims in {docs} articles of {len(events)} events\n")
    rng = random.Random(args.seed)

    def report(title, having, show):
        rows = [f for f in found if having(f[2])]
        print(f"## {title}: {len(rows)} claims ({len(rows) / max(total, 1):.1%})")
        for event, doc, claim in rng.sample(rows, min(args.samples, len(rows))):
            print(f"- [{doc}] {claim['text']}")
            print(f"    -> {show(claim)}")
        print()

    report("attribution", lambda c: c["attribution"], lambda c: c["attribution"])
    report(
        "numbers",
        lambda c: c["numbers"],
        lambda c: "; ".join(f"{n['text']!r} = {n['value']:g} {n['kind']} of {n['counts']!r}" for n in c["numbers"]),
    )
    report("times", lambda c: c["times"], lambda c: " | ".join(c["times"]))
    kinds = Counter(n["kind"] for _, _, c in found for n in c["numbers"])
    print("number kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"numbers in all: {sum(kinds.values())}; times in all: {sum(len(c['times']) for _, _, c in found)}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump([{"event": e, "doc": d, **c} for e, d, c in found], f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
