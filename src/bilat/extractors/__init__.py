"""One extractor per event type, each a function ``(DocumentContext) -> list[Event]``.

Each returns event *mentions* (one per trigger, with that sentence as evidence);
:func:`bilat.merging.merge_mentions` joins the mentions of one happening afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bilat.event_types.agreement.extract import extract_agreements
from bilat.event_types.deportation.extract import extract_deportations
from bilat.extractors.strike import extract_strikes
from bilat.extractors.trade import extract_trade_figures
from bilat.extractors.visit import extract_visits

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = ["EXTRACTORS"]

EXTRACTORS: dict[str, Callable[[DocumentContext], list[Event]]] = {
    "visit": extract_visits,
    "agreement": extract_agreements,
    "trade_figure": extract_trade_figures,
    "deportation": extract_deportations,
    "strike": extract_strikes,
}
"""Extractor functions by event type, in the order they run."""
