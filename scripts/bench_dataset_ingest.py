#!/usr/bin/env python3
"""Ingest throughput: events per second into the DuckDB store vs. the same events to JSONL.

    PYTHONPATH=src python scripts/bench_dataset_ingest.py [--docs 20000] [--batch-size 512]

Extracts a handful of news-style sentences written for this benchmark once, then repeats
the extracted documents under new ids (extraction cost is not what is measured), and
times (1) writing them as JSON lines (``Extraction.to_dict()`` plus id and outlet, the
``bilat extract --format jsonl`` shape) and (2) :meth:`EventStore.ingest_records` into a
fresh database file, each batch one transaction with the idempotence check. Also times
the merge of all the stored events into happenings. pandas and DuckDB are imported before
the clock starts (a one-off ~1 s); wall and CPU seconds are both reported, since the CPU
time is steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import bilat
from bilat.dataset import EventStore

SENTENCES = [
    ("2024-03-05", "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday for a visit."),
    ("2024-05-02", "Israeli aircraft struck targets near Damascus on Wednesday, "
                   "killing 12 people."),
    ("2024-06-12", "Kenya and Ethiopia signed an agreement on cross-border trade on Tuesday."),
    ("1987-06-10", "Japan's trade surplus with the United States widened to 8.3 billion dlrs "
                   "in May, the Finance Ministry said."),
    ("2024-07-03", "Pakistan expelled more than 2,000 Afghan nationals last week, officials said."),
    ("2024-06-14", "Rain is forecast for most of the week, with sunshine returning on Saturday."),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=512)
    args = parser.parse_args()
    extractor = bilat.load()
    base = [
        r.to_dict() for r in extractor.pipe([(t, p) for p, t in SENTENCES])
    ]
    records = [
        {**base[i % len(base)], "id": f"doc-{i}", "outlet": f"outlet-{i % 7}"}
        for i in range(args.docs)
    ]
    n_events = sum(len(r["events"]) for r in records)
    import duckdb  # noqa: F401  (imported before timing)
    import pandas  # noqa: F401

    with tempfile.TemporaryDirectory() as tmp:
        wall, cpu = time.perf_counter(), time.process_time()
        with (Path(tmp) / "events.jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        jsonl = (time.perf_counter() - wall, time.process_time() - cpu)
        with EventStore(Path(tmp) / "events.duckdb") as store:
            wall, cpu = time.perf_counter(), time.process_time()
            store.ingest_records(records, batch_size=args.batch_size)
            ingest = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            happenings = store.merge()
            merge = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            store.ingest_records(records, batch_size=args.batch_size)
            again = (time.perf_counter() - wall, time.process_time() - cpu)
    print(f"{args.docs} documents, {n_events} events; batch size {args.batch_size}")
    print(f"{'':22} {'wall s':>7} {'CPU s':>7} {'per wall s':>12} {'per CPU s':>12}")
    for name, (w, c), n, unit in (
        ("JSONL write", jsonl, n_events, "events"),
        ("DuckDB ingest", ingest, n_events, "events"),
        ("re-ingest (skipped)", again, args.docs, "docs"),
        ("merge", merge, n_events, "events"),
    ):
        print(f"{name:22} {w:7.2f} {c:7.2f} {n / w:12.0f} {n / c:12.0f} {unit}")
    print(f"-> {len(happenings)} happenings")


if __name__ == "__main__":
    main()
