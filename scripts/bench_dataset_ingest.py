#!/usr/bin/env python3
"""Ingest throughput: events per second into the DuckDB store vs. the same events to JSONL.

    PYTHONPATH=src python scripts/bench_dataset_ingest.py [--docs 20000] [--batch-size 512]

Extracts a handful of news-style sentences written for this benchmark once, then repeats
the extracted documents under new ids (extraction cost is not what is measured), and
times (1) writing them as JSON lines (``Extraction.to_dict()`` plus id and outlet, the
``bilat extract --format jsonl`` shape) and (2) :meth:`EventStore.ingest_records` into a
fresh database file, each batch one transaction with the idempotence check. Also times
the merge of all the stored events into happenings.
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
    ("2024-05-02", "Israeli aircraft struck targets near Damascus on Wednesday, killing 12 people."),
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
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with (Path(tmp) / "events.jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        jsonl = time.perf_counter() - started
        with EventStore(Path(tmp) / "events.duckdb") as store:
            report = store.ingest_records(records, batch_size=args.batch_size)
            started = time.perf_counter()
            happenings = store.merge()
            merge = time.perf_counter() - started
            again = store.ingest_records(records, batch_size=args.batch_size)
    print(f"{args.docs} documents, {n_events} events")
    print(f"JSONL write:        {jsonl:7.2f} s  {n_events / jsonl:10.0f} events/s")
    print(f"DuckDB ingest:      {report.seconds:7.2f} s  {n_events / report.seconds:10.0f} events/s"
          f"  (batch {args.batch_size})")
    print(f"re-ingest (skips):  {again.seconds:7.2f} s  {args.docs / again.seconds:10.0f} docs/s")
    print(f"merge:              {merge:7.2f} s  {n_events / merge:10.0f} events/s"
          f"  -> {len(happenings)} happenings")


if __name__ == "__main__":
    main()
