"""One extractor per event type, each a function ``(DocumentContext) -> list[Event]``.

Each returns event *mentions* (one per trigger, with that sentence as evidence);
:func:`bilat.merging.merge_mentions` joins the mentions of one happening afterwards.
Which extractors exist is the event-type registry's business (:mod:`bilat.event_types`):
each type's spec names its extractor, imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = ["EXTRACTORS", "extractors"]


def extractors() -> dict[str, Callable[[DocumentContext], list[Event]]]:
    """Extractor functions by event type, in the order they run (the registry's order)."""
    from bilat.event_types import specs

    return {spec.name: spec.load_extractor() for spec in specs()}


def __getattr__(name: str) -> Any:
    if name == "EXTRACTORS":  # built on access: every registered type, shipped or added
        return extractors()
    raise AttributeError(f"module 'bilat.extractors' has no attribute {name!r}")
