"""Small text helpers the types' view summaries share."""

from __future__ import annotations

from typing import Any

__all__ = ["count_text"]


def count_text(count: Any) -> str | None:
    """A :class:`bilat.Count` as short text: ``"46"``, ``"10–20"``, ``"≥80,000"``."""
    if count is None:
        return None
    if count.min is not None and count.max == count.min:
        return f"{count.min:,}"
    if count.min is not None and count.max is not None:
        return f"{count.min:,}–{count.max:,}"
    if count.min is not None:
        return f"≥{count.min:,}"
    return count.text or None
