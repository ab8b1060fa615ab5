"""Agreement extractor (being written; returns no events yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = ["extract_agreements"]


def extract_agreements(context: DocumentContext) -> list[Event]:
    """Every agreement mention in the document."""
    return []
