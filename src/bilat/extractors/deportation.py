"""Deportation extractor (being written; returns no events yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = ["extract_deportations"]


def extract_deportations(context: DocumentContext) -> list[Event]:
    """Every deportation mention in the document."""
    return []
