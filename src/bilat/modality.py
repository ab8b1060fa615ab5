"""Modality and attribution as data-driven rules, in the spirit of medspaCy's ConText.

Cues live in ``bilat/data/modality_cues.json``: each has a ``category`` (``negated``,
``denied``, ``claimed``, ``in_principle``, ``proposed``, ``planned``, or ``terminate``), a
lower-cased ``literal`` (one or more tokens), a ``direction`` (``forward`` = applies to
triggers after it, ``backward`` = before it, ``both``) and a ``max_scope`` in tokens. A
``terminate`` cue ("but", ";") ends every scope that would cross it; a ``pseudo`` cue
matches a phrase that looks like a cue but is not one, and blocks the shorter cue inside it.
Scopes never leave the sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from bilat.values import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["Cue", "CueMatch", "cue_matches", "load_cues", "modality_at"]

# When several cues cover a trigger, the strongest category wins.
PRIORITY: dict[str, int] = {
    "negated": 0,
    "denied": 1,
    "claimed": 2,
    "in_principle": 3,
    "proposed": 4,
    "planned": 5,
}


@attrs.frozen(slots=True)
class Cue:
    """One modality cue record from the data file."""

    category: str
    words: tuple[str, ...]
    direction: str
    max_scope: int
    pseudo: bool = False


@attrs.frozen(slots=True)
class CueMatch:
    """A cue found in a sentence: its token range (document indices) and record."""

    start: int
    end: int
    cue: Cue


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """Read and validate the cue file (once per process), longest cues first."""
    path = resources.files("bilat") / "data" / "modality_cues.json"
    raw = json.loads(path.read_text(encoding="utf-8"))["cues"]
    cues: list[Cue] = []
    for item in raw:
        category = item["category"]
        if category not in PRIORITY and category != "terminate":
            raise ValueError(f"modality cue {item!r}: unknown category {category!r}")
        if item["direction"] not in {"forward", "backward", "both"}:
            raise ValueError(f"modality cue {item!r}: unknown direction")
        cues.append(
            Cue(
                category=category,
                words=tuple(item["literal"].lower().split()),
                direction=item["direction"],
                max_scope=int(item["max_scope"]),
                pseudo=bool(item.get("pseudo", False)),
            )
        )
    cues.sort(key=lambda c: -len(c.words))
    return tuple(cues)


def cue_matches(sent: Span) -> list[CueMatch]:
    """Every cue in ``sent``, longest first at each position, not overlapping."""
    words = [t.lower_ for t in sent]
    found: list[CueMatch] = []
    taken = [False] * len(words)
    at: dict[str, list[int]] = {}  # word -> its positions, so each cue is tried only there
    for i, word in enumerate(words):
        at.setdefault(word, []).append(i)
    for cue in load_cues():
        n = len(cue.words)
        for i in at.get(cue.words[0], ()):
            if i + n > len(words):
                break
            if any(taken[i : i + n]) or tuple(words[i : i + n]) != cue.words:
                continue
            for k in range(i, i + n):
                taken[k] = True
            if not cue.pseudo:
                found.append(CueMatch(sent.start + i, sent.start + i + n, cue))
    found.sort(key=lambda m: m.start)
    return found


def _in_scope(match: CueMatch, start: int, end: int, stops: Sequence[int]) -> bool:
    cue = match.cue
    if cue.direction in {"forward", "both"} and match.end <= start:
        gap = start - match.end
        if gap <= cue.max_scope and not any(match.end <= s < start for s in stops):
            return True
    if cue.direction in {"backward", "both"} and match.start >= end:
        gap = match.start - end
        if gap <= cue.max_scope and not any(end <= s < match.start for s in stops):
            return True
    return False


def modality_at(
    sent: Span,
    start: int,
    end: int,
    *,
    allowed: frozenset[str] | None = None,
) -> tuple[Modality, CueMatch | None]:
    """The modality the sentence gives to the trigger at tokens ``[start, end)``.

    Args:
        sent: the sentence holding the trigger.
        start: first token (document index) of the trigger.
        end: one past its last token.
        allowed: categories that apply to this event type (all by default).

    Returns:
        The strongest category whose cue scope covers the trigger, with the cue that gave it,
        or ``(Modality.ASSERTED, None)``.
    """
    matches = cue_matches(sent)
    stops = [m.start for m in matches if m.cue.category == "terminate"]
    best: CueMatch | None = None
    for match in matches:
        category = match.cue.category
        if category == "terminate" or (allowed is not None and category not in allowed):
            continue
        if match.start < end and match.end > start:
            covered = True  # the trigger itself is (part of) the cue: "proposed MoU"
        else:
            covered = _in_scope(match, start, end, stops)
        if covered and (best is None or PRIORITY[category] < PRIORITY[best.cue.category]):
            best = match
    if best is None:
        return Modality.ASSERTED, None
    return Modality(best.cue.category), best
