"""Document-level merging: mentions of one happening become one event with all evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from bilat.events import Event
from bilat.values import Evidence, Modality, TimeSpan

__all__ = ["merge_mentions"]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


def _merged_evidence(events: list[Event]) -> tuple[Evidence, ...]:
    seen: dict[tuple[int, int], Evidence] = {}
    for event in events:
        for ev in event.evidence:
            seen.setdefault((ev.start, ev.end), ev)
    return tuple(seen[k] for k in sorted(seen))


def _best_date(events: list[Event]) -> TimeSpan | None:
    dates = [e.date for e in events if e.date is not None]
    stated = [d for d in dates if d.text]  # a date the text states beats a publication fallback
    dates = stated or dates
    if not dates:
        return None
    # the first-mentioned date, unless a later mention states the same time more precisely
    first = dates[0]
    for other in dates[1:]:
        if (
            other.start >= first.start
            and other.end <= first.end
            and _PRECISION_RANK[other.precision.value] < _PRECISION_RANK[first.precision.value]
        ):
            first = other
    return first


# Hedges a headline or a summary sentence drops but the body states once: one such mention
# outweighs any number of unmarked ones ("reach accord" ... "agreed in principle").
_SPECIFIC_HEDGES = frozenset({Modality.IN_PRINCIPLE, Modality.CLAIMED})


def _best_modality(events: list[Event]) -> tuple[Modality, Any]:
    counts = Counter(e.modality for e in events)
    asserted = counts.get(Modality.ASSERTED, 0)
    # a non-asserted reading wins when most mentions hedge the same way; ties go to the
    # earliest hedged mention, so "agreed in principle" in the lede is not lost
    hedged = [(m, n) for m, n in counts.items() if m is not Modality.ASSERTED]
    if not hedged:
        return Modality.ASSERTED, None
    order = {e.modality: i for i, e in reversed(list(enumerate(events)))}
    modality, n = max(hedged, key=lambda mn: (mn[1], -order[mn[0]]))
    if asserted > n and modality not in _SPECIFIC_HEDGES:
        return Modality.ASSERTED, None
    claimant = next((e.claimed_by for e in events if e.modality is modality and e.claimed_by), None)
    return modality, claimant


def _fill(events: list[Event]) -> dict[str, Any]:
    """For every other field, the first mention's non-empty value."""
    out: dict[str, Any] = {}
    skip = {"evidence", "date", "modality", "claimed_by", "rule"}
    for field in attrs.fields(type(events[0])):
        if field.name in skip:
            continue
        if isinstance(getattr(events[0], field.name), bool):
            # a flag such as Visit.implicit holds for the event only if every mention has it
            out[field.name] = all(getattr(event, field.name) for event in events)
            continue
        for event in events:
            value = getattr(event, field.name)
            if value not in (None, (), "", False):
                out[field.name] = value
                break
    return out


def merge_mentions(mentions: Iterable[Event]) -> tuple[Event, ...]:
    """Merge event mentions that share a key (type and roles) into single events.

    The merged event keeps every mention's evidence (sorted, without duplicates), the first
    date (made more precise by a later mention of the same time), the modality most mentions
    agree on, the first non-empty value of every other field, and the rules joined by ``+``.
    Events come out in order of their first evidence.
    """
    groups: dict[tuple[Any, ...], list[Event]] = {}
    for mention in mentions:
        groups.setdefault(mention.key, []).append(mention)
    merged: list[Event] = []
    for group in groups.values():
        group.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
        modality, claimant = _best_modality(group)
        # already-merged events (chunk borders) carry "a+b": keep each rule name once
        rules = list(dict.fromkeys(r for e in group for r in e.rule.split("+") if r))
        merged.append(
            attrs.evolve(
                group[0],
                evidence=_merged_evidence(group),
                date=_best_date(group),
                modality=modality,
                claimed_by=claimant,
                rule="+".join(rules),
                **_fill(group),
            )
        )
    merged.sort(key=lambda e: (e.evidence[0].start if e.evidence else 0, e.type))
    return tuple(merged)
