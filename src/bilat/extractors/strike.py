"""Strike extractor (being written; returns no events yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = ["extract_strikes"]


def extract_strikes(context: DocumentContext) -> list[Event]:
    """Every strike mention in the document."""
    return []
