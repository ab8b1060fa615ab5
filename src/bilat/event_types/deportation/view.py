"""How the views describe a deportation."""

from __future__ import annotations

from typing import Any

from bilat.event_types._view import count_text


def summary(event: Any) -> str:
    """How many and who: "≥80,000, Afghan nationals"."""
    parts = [count_text(getattr(event, "count", None)), getattr(event, "group", None)]
    return ", ".join(str(p) for p in parts if p)
