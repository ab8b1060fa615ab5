"""Modality and attribution as data-driven rules, in the spirit of medspaCy's ConText.

Cues live in ``bilat/data/modality_cues.json``: each has a ``category`` (``negated``,
``denied``, ``claimed``, ``in_principle``, ``proposed``, ``planned``, or ``terminate``), a
lower-cased ``literal`` (one or more tokens), a ``direction`` (``forward`` = applies to
triggers after it, ``backward`` = before it, ``both``) and a ``max_scope`` in tokens. A
``terminate`` cue ("but", ";") ends every scope that would cross it; a ``pseudo`` cue
matches a phrase that looks like a cue but is not one, and blocks the shorter cue inside it.
Scopes never leave the sentence.

This is the cue half of bilat's modality engine; the tree half (negation on the trigger,
hypothetical modals and threats, plans, reporting verbs) is :mod:`bilat.syntax.modality`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from bilat.lexicons import active as active_additions
from bilat.lexicons import typed
from bilat.lexicons.files import CueRecord, ModalityCuesFile
from bilat.values import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["Cue", "CueMatch", "active_cues", "cue_matches", "load_cues", "modality_at"]

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


def _cue(record: CueRecord) -> Cue:
    return Cue(
        category=record.category,
        words=tuple(record.literal.lower().split()),
        direction=record.direction,
        max_scope=record.max_scope,
        pseudo=record.pseudo,
    )


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The shipped cue file, checked by its schema (:class:`bilat.lexicons.files.CueRecord`;
    a bad cue fails naming the file and the key), read once, longest cues first."""
    cues = [_cue(record) for record in typed("modality_cues.json", ModalityCuesFile).cues]
    cues.sort(key=lambda c: -len(c.words))
    return tuple(cues)


def active_cues() -> tuple[Cue, ...]:
    """The cues in force: the shipped ones plus those the pipeline at work added
    (:class:`bilat.lexicons.Additions`), longest first."""
    extra = active_additions()
    if extra is None or not extra.cues:
        return load_cues()
    found: tuple[Cue, ...] | None = extra.cache.get("modality_cues")
    if found is None:
        cues = [*load_cues(), *(_cue(record) for record in extra.cues)]
        cues.sort(key=lambda c: -len(c.words))
        found = extra.cache["modality_cues"] = tuple(cues)
    return found


def cue_matches(sent: Span) -> list[CueMatch]:
    """Every cue in ``sent``, longest first at each position, not overlapping."""
    words = [t.lower_ for t in sent]
    found: list[CueMatch] = []
    taken = [False] * len(words)
    at: dict[str, list[int]] = {}  # word -> its positions, so each cue is tried only there
    for i, word in enumerate(words):
        at.setdefault(word, []).append(i)
    for cue in active_cues():
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
