"""Load the real-example corpora in tests/data/*.jsonl (price-parser style)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


def cases(name: str) -> list[Any]:
    """Rows of ``tests/data/<name>.jsonl`` as pytest params; a row with "xfail" is strict-xfail."""
    rows = []
    for i, line in enumerate((DATA / f"{name}.jsonl").read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        rows.append(pytest.param(row, id=f"{i}:{row['text'][:40]}", marks=marks))
    return rows
