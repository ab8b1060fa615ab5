"""Behavioural set for strikes: the author's own news-style sentences, run as data.

Each row of ``tests/data/examples/strike.jsonl`` gives a text, its publication date and the
strike events expected (attacker and target state, optionally the lower bound of the killed
count and the modality); ``[]`` is a negative (domestic raids, labour strikes, sport,
hypotheticals, non-state attackers). Rows marked ``"xfail"`` are known misses, run with
``strict=True`` so a fix forces the mark to move.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilat.events import Strike

DATA = Path(__file__).parent / "data" / "examples" / "strike.jsonl"


def _cases() -> list[Any]:
    rows = []
    for i, line in enumerate(DATA.read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        rows.append(pytest.param(row, id=f"{i}:{row['text'][:40]}", marks=marks))
    return rows


def _observed(extractor: Any, row: dict[str, Any]) -> dict[tuple[Any, Any], Strike]:
    result = extractor.extract(row["text"], published=row["published"])
    found: dict[tuple[Any, Any], Strike] = {}
    for event in result.events:
        if isinstance(event, Strike):
            found.setdefault((event.attacker_country, event.target_country), event)
    return found


def test_the_set_is_large_and_has_negatives() -> None:
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    assert sum(1 for row in rows if not row["events"]) >= 15


@pytest.mark.parametrize("row", _cases())
def test_strike_example(bilat_extractor: Any, row: dict[str, Any]) -> None:
    found = _observed(bilat_extractor, row)
    expected = {(e["attacker_country"], e["target_country"]): e for e in row["events"]}
    assert set(found) == set(expected), row["text"]
    for key, want in expected.items():
        event = found[key]
        if "killed_min" in want:
            assert event.killed is not None and event.killed.min == want["killed_min"]
        if "modality" in want:
            assert event.modality == want["modality"]
