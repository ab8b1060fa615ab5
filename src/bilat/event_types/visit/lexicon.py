"""The visit word lists: ``bilat/data/triggers/visit.json`` read through one checked loader."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from bilat.triggers import load_lexicon

if TYPE_CHECKING:


    from bilat.triggers import TriggerEntry
__all__ = ["entries_for", "envoy_nouns", "host_forms", "venue_seats", "visit_config"]

@cache
def visit_config(key: str) -> frozenset[str]:
    """A word list from the visit trigger file (``envoy_nouns``, ``official_nouns``)."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get(key, ()))


@cache
def host_forms() -> frozenset[str]:
    """The word forms of the ``host`` triggers ("hosted", "welcomed", "received")."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["triggers"]
    return frozenset(f for e in entries if e["label"] == "host" for f in e.get("forms", ()))


@cache
def venue_seats() -> dict[str, str]:
    """City -> state, for meeting venues whose name the gazetteer keeps for a body
    (``venue_seats`` in the visit trigger file)."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    seats = json.loads(path.read_text(encoding="utf-8")).get("venue_seats", {})
    return {str(k).lower(): str(v) for k, v in seats.items()}


def envoy_nouns() -> frozenset[str]:
    """Nouns for envoys a state sends (``envoy_nouns`` in the visit trigger file)."""
    return visit_config("envoy_nouns")


@cache
def entries_for(form: str) -> tuple[TriggerEntry, ...]:
    """The one-word visit trigger entries a word form matches."""
    return tuple(e for e in load_lexicon("visit").entries
                 if len(e.sequence) == 1 and form in e.sequence[0])
