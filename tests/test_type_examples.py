"""Every event type's behavioural examples, run as data.

Each type package ``bilat/event_types/<type>/`` ships an ``examples.jsonl``: the author's own
news-style sentences (never third-party text), one JSON object a line:

``text``
    the document.
``published``
    its publication date (``YYYY-MM-DD``), which relative dates resolve against.
``events``
    the events of *this* type expected, each a partial :meth:`bilat.events.Event.to_dict`:
    every key given must match (a nested mapping such as ``{"killed": {"min": 3}}`` matches
    as a subset). ``[]`` makes the row a negative: no event of this type may come out.
``triggers`` (optional)
    the trigger ids of ``event_types/<type>/lexicon.json`` that the row exercises; on a negative it
    says which trigger the row shows must not fire there.
``xfail`` (optional)
    a known miss, with the reason; run with ``strict=True`` so a fix forces the mark to move.

Coverage: every trigger id of the type's lexicon needs at least one positive row (an event
found whose ``rule`` names the id, or a positive row listing it) and one negative row.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import pytest

import bilat
from bilat.lexicons import shipped_type_lexicon

TYPES = ("visit", "agreement", "trade_figure", "deportation", "strike")


def _examples_text(event_type: str) -> str | None:
    path = resources.files("bilat.event_types").joinpath(event_type).joinpath("examples.jsonl")
    return path.read_text("utf-8") if path.is_file() else None


@cache
def _rows(event_type: str) -> tuple[dict[str, Any], ...]:
    text = _examples_text(event_type)
    if text is None:
        return ()
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            row["_line"] = number
            rows.append(row)
    return tuple(rows)


def _cases() -> list[Any]:
    cases = []
    for event_type in TYPES:
        for row in _rows(event_type):
            marks = ([pytest.mark.xfail(reason=row["xfail"], strict=True)]
                     if row.get("xfail") else [])
            cases.append(pytest.param(event_type, row, marks=marks,
                                      id=f"{event_type}:{row['_line']}:{row['text'][:30]}"))
    return cases


def _matches(expected: Any, observed: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(observed, dict) and all(
            key in observed and _matches(value, observed[key]) for key, value in expected.items())
    return bool(expected == observed)


@cache
def _found(event_type: str, text: str, published: str) -> tuple[dict[str, Any], ...]:
    result = bilat.extract(text, published=published)
    return tuple(e.to_dict() for e in result.events if e.to_dict()["type"] == event_type)


def _unmatched(expected: list[dict[str, Any]], found: tuple[dict[str, Any], ...]
               ) -> list[dict[str, Any]]:
    left = list(found)
    missing = []
    for want in expected:
        hit = next((got for got in left if _matches(want, got)), None)
        if hit is None:
            missing.append(want)
        else:
            left.remove(hit)
    return missing


@pytest.mark.parametrize(("event_type", "row"), _cases())
def test_example(event_type: str, row: dict[str, Any]) -> None:
    found = _found(event_type, row["text"], row["published"])
    missing = _unmatched(row["events"], found)
    assert not missing, f"expected {missing}, found {list(found)}"
    assert len(found) == len(row["events"]), f"extra events: {list(found)}"


def _trigger_ids(event_type: str) -> list[str]:
    return [record.id for record in shipped_type_lexicon(event_type).triggers]


@pytest.mark.parametrize("event_type", TYPES)
def test_every_trigger_has_a_positive_and_a_negative(event_type: str) -> None:
    rows = _rows(event_type)
    assert rows, f"{event_type} has no examples.jsonl"
    positive: set[str] = set()
    negative: set[str] = set()
    for row in rows:
        if row.get("xfail"):
            continue
        listed = set(row.get("triggers", ()))
        if row["events"]:
            positive |= listed
            for got in _found(event_type, row["text"], row["published"]):
                parts = str(got.get("rule", "")).split(".")
                if len(parts) > 1:
                    positive.add(parts[1])
        else:
            negative |= listed
    ids = _trigger_ids(event_type)
    no_positive = [i for i in ids if i not in positive]
    no_negative = [i for i in ids if i not in negative]
    assert not no_positive, f"{event_type}: trigger ids without a positive example: {no_positive}"
    assert not no_negative, f"{event_type}: trigger ids without a negative example: {no_negative}"


def test_examples_are_well_formed() -> None:
    for event_type in TYPES:
        ids = set(_trigger_ids(event_type))
        for row in _rows(event_type):
            where = f"{event_type}/examples.jsonl line {row['_line']}"
            assert set(row) <= {"text", "published", "events", "triggers", "xfail", "_line"}, where
            assert isinstance(row["text"], str) and row["text"].strip(), where
            assert isinstance(row["events"], list), where
            unknown = set(row.get("triggers", ())) - ids
            assert not unknown, f"{where}: unknown trigger ids {sorted(unknown)}"
