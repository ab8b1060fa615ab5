"""CAMEO and PLOVER codes for bilat events, so output joins GDELT, ICEWS and POLECAT data.

The mapping is data (``bilat/data/cameo_plover.json``), documented in ``docs/codes.md``:
for each event type an ordered list of rules, the first whose ``when`` matches the event
wins. A visit is coded from the visitor's side (CAMEO 042, "make a visit"); the host's side
of the same visit is :func:`reverse_codes` (043, "host a visit").

>>> from bilat import Strike
>>> codes_for(Strike(attacker_country="ISR", target_country="SYR", kind="air")).cameo
'195'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from enum import Enum
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from bilat.events import Event

__all__ = ["EventCodes", "codes_for", "mapping", "register_codes", "reverse_codes"]


@attrs.frozen(slots=True)
class EventCodes:
    """The codes of one event: a CAMEO code and label, a PLOVER category and mode.

    Any of them is ``None`` where the ontology has no code for the event (a trade
    statistic has no CAMEO event code).
    """

    cameo: str | None = None
    cameo_label: str | None = None
    plover: str | None = None
    plover_mode: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return ``{"cameo", "cameo_label", "plover", "plover_mode"}``."""
        return attrs.asdict(self)


_NO_CODES = EventCodes()


@functools.lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    """The mapping table as loaded from ``bilat/data/cameo_plover.json``."""
    text = resources.files("bilat").joinpath("data/cameo_plover.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


_ADDED: dict[str, Mapping[str, Any]] = {}
"""Entries for event types that ``cameo_plover.json`` does not cover (:func:`register_codes`)."""


def register_codes(kind: str, entry: Mapping[str, Any] | None) -> None:
    """Code the events of type ``kind`` with ``entry``, which has the form of an entry of
    ``cameo_plover.json`` (``{"rules": [...], "reverse": {...}}``); ``None`` removes it.

    :func:`bilat.event_types.register` calls this with an outside type's ``codes``; the
    shipped file's entries take precedence.
    """
    if entry is None:
        _ADDED.pop(kind, None)
    else:
        _ADDED[kind] = entry
    _rules.cache_clear()


def _entry(kind: str) -> Mapping[str, Any]:
    return mapping().get(kind) or _ADDED.get(kind) or {}


def _codes(rule: Mapping[str, Any]) -> EventCodes:
    return EventCodes(
        cameo=rule.get("cameo"),
        cameo_label=rule.get("cameo_label"),
        plover=rule.get("plover"),
        plover_mode=rule.get("plover_mode"),
    )


def _value(event: Event, name: str) -> Any:
    value = getattr(event, name, None)
    return value.value if isinstance(value, Enum) else value


@functools.cache
def _rules(kind: str) -> tuple[tuple[tuple[tuple[str, frozenset[Any]], ...], EventCodes], ...]:
    entry = _entry(kind)
    compiled = []
    for rule in entry.get("rules", ()):
        when = tuple((name, frozenset(values)) for name, values in (rule.get("when") or {}).items())
        compiled.append((when, _codes(rule)))
    return tuple(compiled)


def codes_for(event: Event) -> EventCodes:
    """Return the CAMEO and PLOVER codes of ``event`` (all ``None`` if the type has none)."""
    for when, codes in _rules(event.type):
        if all(_value(event, name) in values for name, values in when):
            return codes
    return _NO_CODES


def reverse_codes(event: Event) -> EventCodes | None:
    """The codes of the same event seen from the other side, where the ontology has them.

    Only visits have one: CAMEO 043 ("host a visit"), with the host as the source actor.
    """
    rule = _entry(event.type).get("reverse")
    return None if rule is None else _codes(rule)
