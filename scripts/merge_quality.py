#!/usr/bin/env python3
"""Measure the cross-document merge on the shared gold (see docs/dataset.md).

    PYTHONPATH=src python scripts/merge_quality.py ../shared/eval/{dev,train}/*.jsonl
    PYTHONPATH=src python scripts/merge_quality.py --gold-only ../shared/eval/*/*.jsonl

Prints B-cubed precision and recall of the merge run on the gold events and on bilat's
extracted events, for the default rules, ICEWS's one-a-day mode and two baselines
(no merging; one happening per key, whatever the time).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bilat.dataset.evaluation import merge_quality
from bilat.dataset.happenings import MergeRules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--gold-only", action="store_true", help="skip extraction")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = [json.loads(line) for path in args.gold for line in path.open(encoding="utf-8")]
    extracted = None
    if not args.gold_only:
        import bilat

        started = time.perf_counter()
        extractor = bilat.load()
        results = extractor.pipe((d["text"], d.get("published")) for d in docs)
        extracted = {str(d["id"]): list(r.events) for d, r in zip(docs, results, strict=True)}
        print(f"extracted {len(docs)} documents in {time.perf_counter() - started:.1f} s")
    settings = {
        "default rules": MergeRules(),
        "one_a_day (ICEWS)": MergeRules(mode="one_a_day"),
        "no merging (only undated joins)": None,
        "key only (window 100 years)": MergeRules(
            windows={}, default_window=36500, undated_lookback=36500, planned_lookahead=36500
        ),
    }
    out = {}
    for name, rules in settings.items():
        if rules is None:
            rules = MergeRules(windows={}, default_window=-100000, undated_lookback=0,
                               planned_lookahead=0)
        out[name] = merge_quality(docs, extracted, rules)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    header = ("setting", "on", "B3 P", "B3 R", "F1", "items", "pred", "gold")
    print("{:45} {:10} {:>6} {:>6} {:>6} {:>6} {:>5} {:>5}".format(*header))
    for name, report in out.items():
        for on, r in report.items():
            p, rc = r["precision"], r["recall"]
            f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
            print(f"{name:45} {on:10} {p:6.3f} {rc:6.3f} {f1:6.3f} {r['items']:6d} "
                  f"{r['happenings']:5d} {r['gold_happenings']:5d}")
    extracted_report = out["default rules"].get("extracted")
    if extracted_report:
        print(f"extracted events matched to a gold event by key: {extracted_report['matched']}, "
              f"unmatched (not scored): {extracted_report['unmatched']}")


if __name__ == "__main__":
    main()
