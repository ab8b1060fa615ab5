"""An ingest killed mid-way (a real process, SIGKILL) and run again loses and duplicates nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pandas")

from bilat.dataset import EventStore

SRC = Path(__file__).resolve().parents[1] / "src"
COUNTRIES = ["France", "Germany", "Kenya", "Brazil", "Japan", "India", "Egypt", "Canada"]
TEMPLATES = [
    "The foreign minister of {a} arrived in {b} on Monday for a three-day visit.",
    "{a} and {b} signed an agreement on energy cooperation on Tuesday, officials said.",
    "Shares in the national carrier of {a} rose 2 percent after it beat profit forecasts.",
]


def _articles(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        a = COUNTRIES[i % len(COUNTRIES)]
        b = COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        if a == b:
            b = COUNTRIES[(i + 2) % len(COUNTRIES)]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        out.append(
            {
                "id": f"doc-{i:03d}",
                "outlet": ("Wire A", "Wire B")[i % 2],
                "published": day.isoformat(),
                "text": TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b),
            }
        )
    return out


def _rows(store: EventStore) -> list[tuple[Any, ...]]:
    return sorted(store.sql("SELECT event_id, doc_id, idx, data FROM events").fetchall())


def test_killed_ingest_resumes_without_loss_or_duplicates(nlp: Any, tmp_path: Path) -> None:
    from bilat import Extractor

    articles = _articles(60)
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    command = [
        sys.executable, "-m", "bilat", "dataset", "build", str(source), "--db", str(db),
        "--model", model, "--batch-size", "4", "--progress", "log", "--no-merge",
    ]
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stderr is not None
    commits = 0
    for line in process.stderr:
        if "committed" in line:
            commits += 1
            if commits == 2:
                process.send_signal(signal.SIGKILL)
                break
    process.wait(timeout=60)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"

    with EventStore(db) as store:
        stored = store.count("documents")
        # killed mid-way; whole batches only (each batch is one transaction)
        assert 8 <= stored < len(articles) and stored % 4 == 0
        partial = store.sql(
            "SELECT d.doc_id FROM documents d LEFT JOIN events e USING (doc_id) "
            "GROUP BY d.doc_id, d.n_events HAVING count(e.event_id) <> d.n_events"
        ).fetchall()
        assert partial == []
        orphans = store.sql(
            "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchall()
        assert orphans == [(0,)]
        extractor = Extractor(nlp)
        report = store.ingest(articles, extractor, batch_size=4)
        assert report.documents_skipped == stored
        assert report.documents_stored == len(articles) - stored
        resumed = _rows(store)
        assert store.count("documents") == len(articles)

    with EventStore(":memory:") as reference:
        reference.ingest(articles, extractor, batch_size=16)
        expected = _rows(reference)
    assert len(expected) >= 30  # the templates do yield events
    assert len({row[0] for row in resumed}) == len(resumed)
    assert resumed == expected
